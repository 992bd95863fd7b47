"""Suspect sources, with the reason an editor should look at each, and dropping one.

`audit_sources` lists sources that are probably not one clean party:

- `junk_name`: the name names no party (a pronoun, a number, a date, an
  interjection, markup, a title without a name, a description: the rules
  of `claimtrack.store.speaker_names`) — stored before those rules, or
  added by hand;
- `title_in_name`: a title or function is part of the name ("Fed Chair Ben
  S. Bernanke", "Mr. Oltchick") — the person is probably another source
  too;
- `near_duplicate`: the name ends with the whole name of another source
  ("US President Joe Biden" and "Joe Biden", "U.S. Supreme Court" and
  "Supreme Court"): merge one into the other, unless the words before name
  another body ("Iowa Democratic Party" is not the Democratic Party);
- `lone_name`: a surname or given name alone that several stored people
  share ("Bush" next to George W. Bush and Jeb Bush), so it was not merged
  (`claimtrack.store.person_names`): merge it by hand, or leave it;
- `name_variant`: a name without middle initials that two people with
  different ones share ("George Bush" next to George W. and George H. W.);
- `cut_name`: the articles always write the name inside a longer one
  ("Hampshire" of "New Hampshire", "Institute for the Study" of "… of
  Labor"): rename it or merge it into the longer name;
- `description`: one common word that only ever opens a sentence and no
  article writes as a name ("Crowds", "Participants"): drop it.

Each suspect carries the suggested action (`merge` into a named source, or
`drop`); `drop_source` turns a source's claims into unresolved speakers and
removes it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlite_utils

from claimtrack.store.name_in_text import written_in_articles
from claimtrack.store.person_names import lone_word, middle_initial_rivals, people_for_lone_word
from claimtrack.store.sources import (
    alias_key,
    curated_alias_keys,
    forget_curated_seed,
    title_words,
)
from claimtrack.store.speaker_names import REASONS, engine_words, unresolved_reason
from claimtrack.store.transactions import write_transaction

AUDIT_REASONS = {
    "junk_name": "the name names no party",
    "title_in_name": "a title or function is part of the name",
    "near_duplicate": "another source has the same name without the words before it",
    "lone_name": "a surname or given name alone that several people share",
    "name_variant": "a name that people told apart by middle initials share",
    "cut_name": "the articles always write it inside a longer name",
    "description": "a word that only opens sentences, not a name",
}


def _role_words() -> frozenset[str]:
    organisations = engine_words("en", "organization_words") | engine_words(
        "nl", "organization_words"
    )
    roles = engine_words("en", "role_nouns") | engine_words("nl", "role_nouns") | title_words()
    return frozenset(roles - organisations)


def audit_sources(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every suspect source, most claims first: id, name, slug, kind, claims, relays and
    `reasons` ([{code, detail, action, target?}])."""
    rows = db.execute(
        "SELECT src.id, src.name, src.slug, src.kind, src.kind_set_by, src.wikidata_id,"
        " COALESCE(t.speaker_claims, 0), COALESCE(t.relayed_claims, 0),"
        " (SELECT group_concat(DISTINCT a.language) FROM attributions at"
        "  JOIN articles a ON a.id = at.article_id WHERE at.speaker_source_id = src.id)"
        " FROM sources src LEFT JOIN source_totals t ON t.source_id = src.id"
    ).fetchall()
    curated = curated_alias_keys()
    roles = _role_words()
    by_key: dict[str, list[tuple]] = defaultdict(list)
    keyed = []
    for row in rows:
        key = alias_key(row[1])
        keyed.append((row, key))
        by_key[key].append(row)
    suspects: dict[int, dict[str, Any]] = {}

    def flag(row, code: str, detail: str, action: str, target=None) -> None:
        entry = suspects.setdefault(
            row[0],
            {
                "id": row[0],
                "name": row[1],
                "slug": row[2],
                "kind": row[3],
                "claims": row[6],
                "relays": row[7],
                "reasons": [],
            },
        )
        reason = {"code": code, "detail": detail, "action": action}
        if target is not None:
            reason["target"] = {"id": target[0], "name": target[1], "slug": target[2]}
        entry["reasons"].append(reason)

    organisations = engine_words("en", "organization_words") | engine_words(
        "nl", "organization_words"
    )
    by_last: dict[str, list[tuple]] = defaultdict(list)
    for row, key in keyed:
        if len(key.split()) > 1:
            by_last[key.split()[-1]].append(row)
    in_text = written_in_articles(db)
    for row, key in keyed:
        if row[5] is not None or key in curated or row[4] == "curated":
            continue
        language = (row[8] or "").split(",")[0] or None
        junk = unresolved_reason(row[1], language)
        if junk is not None and junk != "unknown":
            flag(row, "junk_name", REASONS[junk], "drop")
            continue
        written = in_text.get(row[0], {})
        if written.get("description"):
            flag(
                row,
                "description",
                "it only opens sentences and is written as a name nowhere",
                "drop",
            )
            continue
        if written.get("cut"):
            flag(row, "cut_name", f"the articles write it as “{written['cut']}”", "rename")
        _flag_person_forms(db, row, flag)
        words = row[1].split()
        titled = [
            w
            for i, w in enumerate(words[:-1])
            if alias_key(w) in roles and words[i + 1][:1].isupper()
        ]
        if titled and alias_key(words[-1]) in organisations:
            titled = []  # "Republican Party", "Foreign Affairs Committee": the name of a body
        target = _shorter_source(key, by_key, row[0])
        if titled and target is None and len(key.split()) - len(titled) == 1:
            # "Mr. Oltchick": the one source whose full name ends with this surname
            same = [o for o in by_last.get(key.split()[-1], []) if o[0] != row[0]]
            target = max(same, key=lambda o: o[6]) if same else None  # the best known of them
        if titled:
            detail = f"“{' '.join(titled)}” is a title, not part of the name"
            flag(row, "title_in_name", detail, "merge" if target else "rename", target)
        elif target is not None:
            # the one with fewer claims is the one to merge away
            if target[6] < row[6] and target[5] is None and alias_key(target[1]) not in curated:
                flag(target, "near_duplicate", f"also stored as {row[1]}", "merge", row)
            else:
                flag(row, "near_duplicate", f"also stored as {target[1]}", "merge", target)
    return sorted(suspects.values(), key=lambda s: (-s["claims"], s["name"]))


def _names(candidates) -> str:
    shown = [c[1] for c in sorted(candidates, key=lambda c: -c[2])[:3]]
    more = len(candidates) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _flag_person_forms(db: sqlite_utils.Database, row, flag) -> None:
    """A lone surname or a name without middle initials that several people share."""
    if row[3] != "person" or row[4] != "engine":
        return
    word = lone_word(row[1])
    if word is not None:
        people = people_for_lone_word(db, word, exclude=row[0])
        if len({(c[3].given, c[3].surname) for c in people}) > 1:
            flag(row, "lone_name", f"{len(people)} people fit: {_names(people)}", "merge")
        return
    rivals = middle_initial_rivals(db, row[1], exclude=row[0])
    if rivals:
        flag(row, "name_variant", f"it may be {_names(rivals)}", "merge")


def _shorter_source(key: str, by_key: dict[str, list[tuple]], source_id: int):
    """The source whose whole name (two words at least, or a curated one) ends this name."""
    words = key.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if len(words) - start < 2 and tail not in curated_alias_keys():
            break
        for other in by_key.get(tail, []):
            if other[0] != source_id:
                return other
    return None


def drop_source(db: sqlite_utils.Database, source_id: int) -> int:
    """Remove a source an editor judged no party: its claims keep the name as unresolved
    speakers, its relays keep the name without a source. Returns the claims changed."""
    with write_transaction(db):
        if db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
            raise LookupError(f"no source with id {source_id}")
        changed = db.execute(
            "UPDATE attributions SET speaker_source_id = NULL, unresolved = 'dropped'"
            " WHERE speaker_source_id = ?",
            [source_id],
        ).rowcount
        db.execute("UPDATE attribution_via SET source_id = NULL WHERE source_id = ?", [source_id])
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        forget_curated_seed(db)  # a curated source dropped comes back on the next connection
    return changed
