"""Totals kept up to date by triggers instead of counted at every view.

The home page shows how many articles, statements, attributed statements,
sources and events are stored, and the most cited sources; source lists show
each source's claims as speaker and as relay. Counting those over a million
statements on every view is what made the home page slow, so migration
MAINTAINED_TOTALS (schema version 5) keeps them in two small tables:

- `site_totals(name, value)`: one row per home-page figure;
- `source_totals(source_id, speaker_claims, speaker_statements,
  relayed_claims)`, indexed by speaker_claims for "most cited".

Triggers update both in the same statement as the rows they count, so every
writer (imports, merges, deletes, admin edits, scripts that insert rows
directly) keeps them right without knowing about them, and a rolled-back
write rolls its totals back with it.
"""

from __future__ import annotations

import sqlite_utils

SITE_TOTALS = ("articles", "statements", "attributed_statements", "sources", "events")

MAINTAINED_TOTALS = """
CREATE TABLE site_totals (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO site_totals (name, value) VALUES
    ('articles', (SELECT count(*) FROM articles)),
    ('statements', (SELECT count(*) FROM statements)),
    ('attributed_statements', (SELECT count(DISTINCT statement_id) FROM attributions)),
    ('sources', (SELECT count(*) FROM sources)),
    ('events', (SELECT count(*) FROM events));

CREATE TABLE source_totals (
    source_id INTEGER PRIMARY KEY,
    speaker_claims INTEGER NOT NULL DEFAULT 0,      -- attributions with this speaker
    speaker_statements INTEGER NOT NULL DEFAULT 0,  -- distinct statements it speaks in
    relayed_claims INTEGER NOT NULL DEFAULT 0       -- attribution_via rows naming it
);
INSERT INTO source_totals (source_id, speaker_claims, speaker_statements, relayed_claims)
SELECT src.id,
       (SELECT count(*) FROM attributions at WHERE at.speaker_source_id = src.id),
       (SELECT count(DISTINCT at.statement_id) FROM attributions at
        WHERE at.speaker_source_id = src.id),
       (SELECT count(*) FROM attribution_via v WHERE v.source_id = src.id)
FROM sources src;
CREATE INDEX idx_source_totals_speaker ON source_totals (speaker_claims DESC, source_id);

CREATE TRIGGER totals_articles_ai AFTER INSERT ON articles BEGIN
    UPDATE site_totals SET value = value + 1 WHERE name = 'articles';
END;
CREATE TRIGGER totals_articles_ad AFTER DELETE ON articles BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'articles';
END;
CREATE TRIGGER totals_statements_ai AFTER INSERT ON statements BEGIN
    UPDATE site_totals SET value = value + 1 WHERE name = 'statements';
END;
CREATE TRIGGER totals_statements_ad AFTER DELETE ON statements BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'statements';
END;
CREATE TRIGGER totals_events_ai AFTER INSERT ON events BEGIN
    UPDATE site_totals SET value = value + 1 WHERE name = 'events';
END;
CREATE TRIGGER totals_events_ad AFTER DELETE ON events BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'events';
END;
CREATE TRIGGER totals_sources_ai AFTER INSERT ON sources BEGIN
    UPDATE site_totals SET value = value + 1 WHERE name = 'sources';
    INSERT OR IGNORE INTO source_totals (source_id) VALUES (NEW.id);
END;
CREATE TRIGGER totals_sources_ad AFTER DELETE ON sources BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'sources';
    DELETE FROM source_totals WHERE source_id = OLD.id;
END;

CREATE TRIGGER totals_attributions_ai AFTER INSERT ON attributions BEGIN
    UPDATE site_totals SET value = value + 1 WHERE name = 'attributed_statements'
        AND NOT EXISTS (SELECT 1 FROM attributions o
                        WHERE o.statement_id = NEW.statement_id AND o.id != NEW.id);
    UPDATE source_totals SET
        speaker_claims = speaker_claims + 1,
        speaker_statements = speaker_statements + NOT EXISTS (
            SELECT 1 FROM attributions o WHERE o.speaker_source_id = NEW.speaker_source_id
            AND o.statement_id = NEW.statement_id AND o.id != NEW.id)
    WHERE source_id = NEW.speaker_source_id;
END;
CREATE TRIGGER totals_attributions_ad AFTER DELETE ON attributions BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'attributed_statements'
        AND NOT EXISTS (SELECT 1 FROM attributions o WHERE o.statement_id = OLD.statement_id);
    UPDATE source_totals SET
        speaker_claims = speaker_claims - 1,
        speaker_statements = speaker_statements - NOT EXISTS (
            SELECT 1 FROM attributions o WHERE o.speaker_source_id = OLD.speaker_source_id
            AND o.statement_id = OLD.statement_id)
    WHERE source_id = OLD.speaker_source_id;
END;
-- a merge or a deleted source (ON DELETE SET NULL) moves claims between speakers
CREATE TRIGGER totals_attributions_au AFTER UPDATE OF speaker_source_id, statement_id
ON attributions
WHEN OLD.speaker_source_id IS NOT NEW.speaker_source_id
    OR OLD.statement_id IS NOT NEW.statement_id
BEGIN
    UPDATE site_totals SET value = value - 1 WHERE name = 'attributed_statements'
        AND OLD.statement_id IS NOT NEW.statement_id
        AND NOT EXISTS (SELECT 1 FROM attributions o WHERE o.statement_id = OLD.statement_id);
    UPDATE site_totals SET value = value + 1 WHERE name = 'attributed_statements'
        AND OLD.statement_id IS NOT NEW.statement_id
        AND NOT EXISTS (SELECT 1 FROM attributions o
                        WHERE o.statement_id = NEW.statement_id AND o.id != NEW.id);
    UPDATE source_totals SET
        speaker_claims = speaker_claims - 1,
        speaker_statements = speaker_statements - NOT EXISTS (
            SELECT 1 FROM attributions o WHERE o.speaker_source_id = OLD.speaker_source_id
            AND o.statement_id = OLD.statement_id)
    WHERE source_id = OLD.speaker_source_id;
    UPDATE source_totals SET
        speaker_claims = speaker_claims + 1,
        speaker_statements = speaker_statements + NOT EXISTS (
            SELECT 1 FROM attributions o WHERE o.speaker_source_id = NEW.speaker_source_id
            AND o.statement_id = NEW.statement_id AND o.id != NEW.id)
    WHERE source_id = NEW.speaker_source_id;
END;

CREATE TRIGGER totals_via_ai AFTER INSERT ON attribution_via BEGIN
    UPDATE source_totals SET relayed_claims = relayed_claims + 1
    WHERE source_id = NEW.source_id;
END;
CREATE TRIGGER totals_via_ad AFTER DELETE ON attribution_via BEGIN
    UPDATE source_totals SET relayed_claims = relayed_claims - 1
    WHERE source_id = OLD.source_id;
END;
CREATE TRIGGER totals_via_au AFTER UPDATE OF source_id ON attribution_via
WHEN OLD.source_id IS NOT NEW.source_id
BEGIN
    UPDATE source_totals SET relayed_claims = relayed_claims - 1
    WHERE source_id = OLD.source_id;
    UPDATE source_totals SET relayed_claims = relayed_claims + 1
    WHERE source_id = NEW.source_id;
END;
"""


def site_totals(db: sqlite_utils.Database) -> dict[str, int]:
    """The home-page figures, by name (every name in SITE_TOTALS)."""
    found = dict(db.execute("SELECT name, value FROM site_totals").fetchall())
    return {name: found.get(name, 0) for name in SITE_TOTALS}


def source_totals(db: sqlite_utils.Database, source_ids: list[int]) -> dict[int, dict[str, int]]:
    """speaker_claims, speaker_statements and relayed_claims of each source id given."""
    if not source_ids:
        return {}
    placeholders = ", ".join("?" for _ in source_ids)
    cursor = db.execute(
        "SELECT source_id, speaker_claims, speaker_statements, relayed_claims "
        f"FROM source_totals WHERE source_id IN ({placeholders})",
        list(source_ids),
    )
    return {
        row[0]: {"speaker_claims": row[1], "speaker_statements": row[2], "relayed_claims": row[3]}
        for row in cursor
    }


def recount(db: sqlite_utils.Database) -> dict[str, object]:
    """The same figures counted from the rows themselves (for checks and tests)."""
    sites = dict(
        zip(
            SITE_TOTALS,
            db.execute(
                """
                SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements),
                       (SELECT count(DISTINCT statement_id) FROM attributions),
                       (SELECT count(*) FROM sources), (SELECT count(*) FROM events)
                """
            ).fetchone(),
        )
    )
    sources = {
        row[0]: {"speaker_claims": row[1], "speaker_statements": row[2], "relayed_claims": row[3]}
        for row in db.execute(
            """
            SELECT src.id,
                   (SELECT count(*) FROM attributions at WHERE at.speaker_source_id = src.id),
                   (SELECT count(DISTINCT at.statement_id) FROM attributions at
                    WHERE at.speaker_source_id = src.id),
                   (SELECT count(*) FROM attribution_via v WHERE v.source_id = src.id)
            FROM sources src
            """
        )
    }
    return {"site": sites, "sources": sources}


def stored(db: sqlite_utils.Database) -> dict[str, object]:
    """The maintained figures in the shape `recount` gives."""
    sources = {
        row[0]: {"speaker_claims": row[1], "speaker_statements": row[2], "relayed_claims": row[3]}
        for row in db.execute(
            "SELECT source_id, speaker_claims, speaker_statements, relayed_claims "
            "FROM source_totals"
        )
    }
    return {"site": site_totals(db), "sources": sources}
