"""One institution, one source: "U.S. Supreme Court" and "Supreme Court".

The one merge of institution near-duplicates judged safe: a name that is
another organisation's name of two words or more with a country written as
a dotted abbreviation in front ("U.S.", "U.K.", "E.U.", "U.N."), when no
other stored source has that name with other words in front ("U.S. Court
of Appeals" stays apart from "Court of Appeals" while a "Circuit Court of
Appeals" is stored too). Every other prefix may name another body ("Iowa
Democratic Party" is not the Democratic Party, "New York Daily News" not
the Daily News): those near-duplicates are only listed by the audit.
"""

from __future__ import annotations

import re

import sqlite_utils

from claimtrack.store.sources import alias_key, claim_count, kept_from_merging, merge_sources

_DOTTED_COUNTRY = re.compile(r"(?:[A-Z]\.){2,3}")


def same_institution(db: sqlite_utils.Database, source_id: int, name: str) -> int | None:
    """The organisation source `name` is the same institution as by the rule above."""
    words = name.split()
    if len(words) < 3 or not _DOTTED_COUNTRY.fullmatch(words[0]):
        return None
    rest = alias_key(" ".join(words[1:]))
    others = db.execute(
        "SELECT DISTINCT sa.source_id FROM source_aliases sa JOIN sources s ON s.id = sa.source_id"
        " WHERE sa.alias_key = ? AND s.kind = 'organization' AND s.id != ?",
        [rest, source_id],
    ).fetchall()
    if len(others) != 1:
        return None
    # another prefix anywhere, even one already merged into "X", is another country's body
    rivals = db.execute(
        "SELECT count(*) FROM source_aliases"
        " WHERE alias_key LIKE ? AND source_id != ? AND alias_key != ?",
        [f"% {rest}", source_id, alias_key(name)],
    ).fetchone()[0]
    return None if rivals else others[0][0]


def consolidate_institutions(db: sqlite_utils.Database, source_ids=None) -> int:
    """Merge each "U.S. X" among `source_ids` (the whole store when None) into "X" by the
    rule above; the one with more claims keeps its name. Returns the merges."""
    rows = db.execute(
        "SELECT id, name FROM sources WHERE kind = 'organization' AND name LIKE '_._.%'"
    ).fetchall()
    if source_ids is not None:
        wanted = set(source_ids)
        rows = [row for row in rows if row[0] in wanted]
    merged = 0
    for source_id, name in rows:
        if db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
            continue
        target = same_institution(db, source_id, name)
        if target is None:
            continue
        keep, drop = (target, source_id)
        if claim_count(db, source_id) > claim_count(db, target) or kept_from_merging(db, target):
            keep, drop = source_id, target
        if kept_from_merging(db, drop):
            continue
        merge_sources(db, keep, drop)
        merged += 1
    return merged
