"""Schema version 6: only parties are sources, and a publishing party speaks in its own text.

What it adds:

- `articles.kind` ('statement' or 'report') and `articles.kind_set_by`
  ('auto', 'import' or 'admin'): see `claimtrack.store.publisher_voice`;
- the attribution type 'publisher' (a statement article's own sentences);
- `attributions.unresolved`: why the speaker named is no source (a key of
  `speaker_names.REASONS`: 'pronoun', 'number', 'date', …), NULL when it is;
- `sources.kind_set_by` ('engine', 'curated' or 'admin'): an admin's kind
  is never overwritten by later imports.

Then every stored mention is resolved again (`reresolve_stored_mentions`):
names that are no party lose their source and keep the reason, sources
named with a title or origin in front of a known name ("Russian President
Vladimir Putin") are merged into it, titles leave the names of the others
("Sen. Marco Rubio" is shown as Marco Rubio, same page), sources left
with no claim, relay, event or curated entry are removed, every article
gets its kind by the import rule and statement articles are credited to
their publisher. The per-source and site totals follow through their
triggers (claimtrack/store/totals.py).
"""

from __future__ import annotations

from collections import defaultdict

import sqlite_utils

PARTIES_SCHEMA = """
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'report'
    CHECK (kind IN ('statement', 'report'));
ALTER TABLE articles ADD COLUMN kind_set_by TEXT NOT NULL DEFAULT 'auto'
    CHECK (kind_set_by IN ('auto', 'import', 'admin'));
ALTER TABLE attributions ADD COLUMN unresolved TEXT;
ALTER TABLE sources ADD COLUMN kind_set_by TEXT NOT NULL DEFAULT 'engine'
    CHECK (kind_set_by IN ('engine', 'curated', 'admin'));
CREATE INDEX idx_attributions_unresolved ON attributions (unresolved)
    WHERE unresolved IS NOT NULL;
"""

_OLD_TYPES = "'reportative', 'nominal')"
_NEW_TYPES = "'reportative', 'nominal', 'publisher')"


def allow_publisher_type(db: sqlite_utils.Database) -> None:
    """Add 'publisher' to the CHECK on attributions.type, in place.

    SQLite cannot alter a CHECK constraint; widening one is the documented
    case for editing the stored table definition (every stored row still
    satisfies it), which is done here instead of copying the largest table.
    """
    conn = db.conn
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'attributions'"
    ).fetchone()[0]
    if _NEW_TYPES in sql:
        return
    if _OLD_TYPES not in sql:
        raise RuntimeError("unexpected definition of attributions.type; cannot add 'publisher'")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'attributions'",
            [sql.replace(_OLD_TYPES, _NEW_TYPES)],
        )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def migrate_to_parties(db: sqlite_utils.Database) -> None:
    """Schema version 6 (runs inside the migration transaction of ensure_schema)."""
    from claimtrack.store.schema import sql_statements

    for statement in sql_statements(PARTIES_SCHEMA):
        db.conn.execute(statement)
    allow_publisher_type(db)
    # a new database has nothing to resolve again (and is seeded on first use, as before)
    if db.execute("SELECT EXISTS (SELECT 1 FROM sources)").fetchone()[0]:
        reresolve_stored_mentions(db)


def reresolve_stored_mentions(db: sqlite_utils.Database) -> dict[str, int]:
    """Resolve every stored mention again with today's rules; return what changed.

    Safe to run again: a second run finds nothing to change.
    """
    from claimtrack.store.sources import seed_curated_sources

    seed_curated_sources(db)
    changed = {
        "unresolved_speakers": _unresolve_junk_speakers(db),
        "unresolved_relays": _unresolve_junk_relays(db),
        "merged_sources": _merge_titled_duplicates(db),
        "renamed_sources": _drop_titles_from_names(db),
        "removed_sources": remove_orphan_sources(db),
        "relabelled_sources": _relabel_kinds(db),
    }
    changed.update(_decide_article_kinds(db))
    return changed


def _judge(name: str, language: str | None) -> str | None:
    from claimtrack.store.sources import UNKNOWN_SPEAKER, curated_alias_keys, matching_keys
    from claimtrack.store.speaker_names import unresolved_reason

    keys = matching_keys(name or "")
    if not keys or keys[0] == UNKNOWN_SPEAKER:
        return "unknown"
    if any(key in curated_alias_keys() for key in keys):
        return None
    return unresolved_reason(name, language)


def _unresolve_junk_speakers(db: sqlite_utils.Database) -> int:
    """Mentions that name no party lose their source: those of a source whose own name is
    no party ("you", "10"), and those the engine left without one ("unknown")."""
    changed = 0
    groups = db.execute(
        "SELECT at.speaker_name, a.language, at.speaker_source_id, src.name"
        " FROM attributions at JOIN articles a ON a.id = at.article_id"
        " LEFT JOIN sources src ON src.id = at.speaker_source_id"
        " WHERE at.type != 'publisher'"
        " GROUP BY at.speaker_name, a.language, at.speaker_source_id"
    ).fetchall()
    for name, language, source_id, source_name in groups:
        reason = _judge(name, language)
        # "ILSE VARN" spoken of a source named Ilse Varn is still hers (as at import)
        if reason is None or (
            reason == "headline"
            and source_name is not None
            and _judge(source_name, language) is None
        ):
            continue
        changed += db.execute(
            "UPDATE attributions SET speaker_source_id = NULL, unresolved = ?"
            " WHERE speaker_name = ? AND type != 'publisher' AND speaker_source_id IS ?"
            " AND article_id IN (SELECT id FROM articles WHERE language = ?)"
            " AND (speaker_source_id IS NOT NULL OR unresolved IS NOT ?)",
            [reason, name, source_id, language, reason],
        ).rowcount
    return changed


def _unresolve_junk_relays(db: sqlite_utils.Database) -> int:
    changed = 0
    groups = db.execute(
        "SELECT v.name, a.language, v.source_id, src.name FROM attribution_via v"
        " JOIN articles a ON a.id = v.article_id JOIN sources src ON src.id = v.source_id"
        " GROUP BY v.name, a.language, v.source_id"
    ).fetchall()
    for name, language, source_id, source_name in groups:
        if _judge(name, language) is None or _judge(source_name, language) is None:
            continue
        changed += db.execute(
            "UPDATE attribution_via SET source_id = NULL WHERE name = ? AND source_id = ?"
            " AND article_id IN (SELECT id FROM articles WHERE language = ?)",
            [name, source_id, language],
        ).rowcount
    return changed


def _merge_titled_duplicates(db: sqlite_utils.Database) -> int:
    """Merge "Russian President Vladimir Putin" into the source an alias calls Vladimir Putin."""
    from claimtrack.store.sources import alias_key, merge_sources, stripped_keys

    merged = 0
    rows = db.execute(
        "SELECT id, name FROM sources WHERE kind_set_by = 'engine' AND wikidata_id IS NULL"
    ).fetchall()
    for source_id, name in rows:
        for key in stripped_keys(alias_key(name)):
            target = db.execute(
                "SELECT source_id FROM source_aliases WHERE alias_key = ? AND source_id != ?"
                " ORDER BY source_id LIMIT 1",
                [key, source_id],
            ).fetchone()
            if target and db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone():
                merge_sources(db, target[0], source_id)
                merged += 1
                break
    return merged


def _drop_titles_from_names(db: sqlite_utils.Database) -> int:
    """ "Sen. Marco Rubio" is shown as Marco Rubio (the slug, its permalink, stays)."""
    from claimtrack.store.sources import display_name

    renamed = 0
    for source_id, name in db.execute(
        "SELECT id, name FROM sources WHERE kind_set_by = 'engine' AND wikidata_id IS NULL"
    ).fetchall():
        shown = display_name(name)
        if shown != name:
            db.execute("UPDATE sources SET name = ? WHERE id = ?", [shown, source_id])
            renamed += 1
    return renamed


def remove_orphan_sources(db: sqlite_utils.Database) -> int:
    """Delete sources nobody needs: no claim, no relay, no event, no curated entry, no
    admin edit, nobody's affiliation."""
    from claimtrack.store.sources import curated_alias_keys

    curated = curated_alias_keys()
    removed = 0
    for (source_id,) in db.execute(
        """
        SELECT src.id FROM sources src JOIN source_totals t ON t.source_id = src.id
        WHERE t.speaker_claims = 0 AND t.relayed_claims = 0
          AND src.kind_set_by = 'engine' AND src.wikidata_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.source_id = src.id)
          AND NOT EXISTS (SELECT 1 FROM sources o WHERE o.affiliation_id = src.id)
        """
    ).fetchall():
        keys = {
            r[0]
            for r in db.execute(
                "SELECT alias_key FROM source_aliases WHERE source_id = ?", [source_id]
            )
        }
        if keys & curated:
            continue
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        removed += 1
    return removed


def _relabel_kinds(db: sqlite_utils.Database) -> int:
    """Each source whose kind the engine set takes its most frequent entity label."""
    from claimtrack.store.sources import SOURCE_KINDS

    votes: dict[int, dict[str, int]] = defaultdict(dict)
    for source_id, label, count in db.execute(
        "SELECT speaker_source_id, speaker_kind, count(*) FROM attributions"
        " WHERE speaker_source_id IS NOT NULL AND type != 'publisher'"
        " AND speaker_kind != 'unknown' GROUP BY speaker_source_id, speaker_kind"
    ):
        if label in SOURCE_KINDS:
            votes[source_id][label] = count
    changed = 0
    for source_id, kind in db.execute(
        "SELECT id, kind FROM sources WHERE kind_set_by = 'engine'"
    ).fetchall():
        counts = votes.get(source_id)
        if not counts:
            continue
        best = max(counts.values())
        if counts.get(kind, 0) < best:
            winner = min(label for label, n in counts.items() if n == best)
            db.execute("UPDATE sources SET kind = ? WHERE id = ?", [winner, source_id])
            changed += 1
    return changed


def _decide_article_kinds(db: sqlite_utils.Database) -> dict[str, int]:
    from claimtrack.store.publisher_voice import auto_kind, credit_publisher

    statements = credited = 0
    for article_id, publisher, kind_set_by in db.execute(
        "SELECT id, publisher, kind_set_by FROM articles"
    ).fetchall():
        if kind_set_by != "auto":
            continue
        if auto_kind(db, publisher) == "statement":
            db.execute("UPDATE articles SET kind = 'statement' WHERE id = ?", [article_id])
            statements += 1
            credited += credit_publisher(db, article_id)
    return {"statement_articles": statements, "credited_statements": credited}
