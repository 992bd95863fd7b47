"""Schema and migrations.

The schema version is SQLite's `user_version`. Each migration upgrades the
database by one version inside a transaction, so a database made by an older
claimtrack is upgraded in place and never dropped. Append new migrations to
MIGRATIONS; never edit one that has shipped. A migration is an SQL script, or
a function of the database for one that needs Python (re-resolving stored
names by today's word lists).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import sqlite_utils

from claimtrack.store.event_totals import (
    EVENT_TOTALS_SCHEMA,
    EVENT_TOTALS_VERSION,
    refresh_event_totals,
)
from claimtrack.store.names_migration import upgrade_person_sources
from claimtrack.store.parties_migration import migrate_to_parties
from claimtrack.store.sources import CURATED_SEED_SCHEMA
from claimtrack.store.totals import MAINTAINED_TOTALS

INITIAL_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT,
    url TEXT,
    publisher TEXT,
    language TEXT NOT NULL,
    date TEXT,                 -- as given: '2021', '2021-04' or '2021-04-13'
    date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    body TEXT NOT NULL,        -- the article body; statement offsets index into it
    body_offset INTEGER NOT NULL DEFAULT 0,  -- where the body starts in the imported file
    content_hash TEXT NOT NULL UNIQUE,
    source_path TEXT,
    word_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
);
CREATE INDEX idx_articles_date ON articles (date);
CREATE INDEX idx_articles_imported ON articles (imported_at);
CREATE INDEX idx_articles_publisher ON articles (publisher);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,      -- position of the statement in its article
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown'
        CHECK (kind IN ('person', 'organization', 'group', 'unknown')),
    slug TEXT NOT NULL UNIQUE,
    wikidata_id TEXT,
    affiliation_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_sources_name ON sources (name);

CREATE TABLE source_aliases (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,   -- normalised: lower case, no accents or leading article
    language TEXT,             -- 'nl', 'en' or NULL for any
    UNIQUE (alias_key, source_id)
);
CREATE INDEX idx_source_aliases_key ON source_aliases (alias_key);
CREATE INDEX idx_source_aliases_source ON source_aliases (source_id);

CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,   -- order within the statement
    speaker_source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    speaker_name TEXT NOT NULL,            -- resolved name as the engine gave it
    speaker_kind TEXT NOT NULL DEFAULT 'unknown',
    mention TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    content TEXT,
    content_start INTEGER,
    content_end INTEGER,
    type TEXT NOT NULL CHECK (type IN
        ('direct', 'indirect', 'mixed', 'according_to', 'reportative', 'nominal')),
    confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    parent_id INTEGER REFERENCES attributions (id) ON DELETE SET NULL
);
CREATE INDEX idx_attributions_statement ON attributions (statement_id);
CREATE INDEX idx_attributions_speaker ON attributions (speaker_source_id, statement_id);
CREATE INDEX idx_attributions_type ON attributions (type);
CREATE INDEX idx_attributions_parent ON attributions (parent_id);

-- who passed an attribution on, outermost first (position 0)
CREATE TABLE attribution_via (
    attribution_id INTEGER NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    mention TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    PRIMARY KEY (attribution_id, position)
);
CREATE INDEX idx_attribution_via_source ON attribution_via (source_id, attribution_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT,
    date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    description TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_events_date ON events (date);

CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, source_id)
);

CREATE TABLE event_statements (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, statement_id)
);
CREATE INDEX idx_event_statements_statement ON event_statements (statement_id);

CREATE TABLE event_suggestions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT,
    article_ids TEXT NOT NULL,   -- JSON list
    reason TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);

-- full-text index on statement text, in the layout sqlite-utils' table.search() expects
CREATE VIRTUAL TABLE [statements_fts] USING FTS5 (
    [text],
    tokenize='unicode61 remove_diacritics 2',
    content=[statements]
);
CREATE TRIGGER [statements_ai] AFTER INSERT ON [statements] BEGIN
  INSERT INTO [statements_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
CREATE TRIGGER [statements_ad] AFTER DELETE ON [statements] BEGIN
  INSERT INTO [statements_fts] ([statements_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END;
CREATE TRIGGER [statements_au] AFTER UPDATE ON [statements] BEGIN
  INSERT INTO [statements_fts] ([statements_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [statements_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
"""

# Version 2: a source's claims (as speaker, and those it relayed) are listed
# newest article first. Copies of the article id and date on attributions and
# attribution_via let an index serve that order and its keyset pages, instead
# of joining and sorting every claim of a busy source. Triggers keep the
# copies right for every writer.
ARTICLE_DATE_ON_CLAIMS = """
ALTER TABLE attributions ADD COLUMN article_id INTEGER;
ALTER TABLE attributions ADD COLUMN article_date TEXT;
ALTER TABLE attribution_via ADD COLUMN article_id INTEGER;
ALTER TABLE attribution_via ADD COLUMN article_date TEXT;
UPDATE attributions SET
    article_id = (SELECT s.article_id FROM statements s WHERE s.id = attributions.statement_id),
    article_date = (SELECT a.date FROM statements s JOIN articles a ON a.id = s.article_id
                    WHERE s.id = attributions.statement_id);
UPDATE attribution_via SET
    article_id = (SELECT at.article_id FROM attributions at
                  WHERE at.id = attribution_via.attribution_id),
    article_date = (SELECT at.article_date FROM attributions at
                    WHERE at.id = attribution_via.attribution_id);
CREATE TRIGGER attributions_copy_article AFTER INSERT ON attributions BEGIN
    UPDATE attributions SET
        article_id = (SELECT s.article_id FROM statements s WHERE s.id = NEW.statement_id),
        article_date = (SELECT a.date FROM statements s JOIN articles a ON a.id = s.article_id
                        WHERE s.id = NEW.statement_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER attribution_via_copy_article AFTER INSERT ON attribution_via BEGIN
    UPDATE attribution_via SET
        article_id = (SELECT at.article_id FROM attributions at WHERE at.id = NEW.attribution_id),
        article_date = (SELECT at.article_date FROM attributions at
                        WHERE at.id = NEW.attribution_id)
    WHERE attribution_id = NEW.attribution_id AND position = NEW.position;
END;
CREATE TRIGGER articles_copy_date AFTER UPDATE OF date ON articles BEGIN
    UPDATE attributions SET article_date = NEW.date WHERE article_id = NEW.id;
    UPDATE attribution_via SET article_date = NEW.date WHERE article_id = NEW.id;
END;
CREATE INDEX idx_attributions_speaker_newest
    ON attributions (speaker_source_id, article_date DESC, article_id DESC);
CREATE INDEX idx_attribution_via_source_newest
    ON attribution_via (source_id, article_date DESC, article_id DESC, attribution_id);
CREATE INDEX idx_attributions_article ON attributions (article_id);
CREATE INDEX idx_attribution_via_article ON attribution_via (article_id);
CREATE INDEX idx_articles_language ON articles (language);
"""

# Version 3: admin logins live on the server, so logging out (or changing the
# admin token) ends them for every copy of the cookie. The token itself is
# never stored, only a keyed hash that tells whether it is still the same one.
# An article is stored with its event suggestions still pending; they are
# marked done once computed, so an import interrupted in between computes
# them when the same file is imported again.
ADMIN_SESSIONS_AND_PENDING_SUGGESTIONS = """
CREATE TABLE admin_sessions (
    id TEXT PRIMARY KEY,
    token_fingerprint TEXT NOT NULL,
    created_at REAL NOT NULL
);
ALTER TABLE articles ADD COLUMN suggestions_pending INTEGER NOT NULL DEFAULT 0;
"""

# Version 4: "the same claim in other articles" (a statement page's links) is
# found through an index on the claim's normalised content, so the lookup is
# one index probe however many statements are stored. The key is an SQL
# expression, not a column: every writer (the importer, scripts, tests that
# insert rows directly) gets it without code, and an older database only
# needs the index built. CLAIM_KEY_SQL is frozen with this migration; a
# different normalisation needs a new index in a new migration.

# Marks that become spaces anywhere in the content (quote styles differ between
# publishers), and marks trimmed from its ends. SQLite's parser allows only
# so much nesting, so the list is short: ~16 levels, well below the limit.
_CLAIM_KEY_SPACED = ("\n", "\t", "„", "”", "“", '"', "‘", "’", "'", ",", ";", ":")
_CLAIM_KEY_TRIMMED = " .!?…()-–—"


def _claim_key_sql(column: str) -> str:
    """SQL for `column` lower-cased, quote marks and commas spaced out, spaces collapsed, ends trimmed.

    SQLite's lower() folds ASCII letters only; accented capitals stay as they
    are, which still matches the same text copied into another article.
    """
    expression = f"lower({column})"
    for mark in _CLAIM_KEY_SPACED:
        literal = {"\n": "char(10)", "\t": "char(9)"}.get(mark, "'" + mark.replace("'", "''") + "'")
        expression = f"replace({expression}, {literal}, ' ')"
    for _ in range(2):  # runs of up to 4 spaces become one
        expression = f"replace({expression}, '  ', ' ')"
    return f"trim({expression}, '{_CLAIM_KEY_TRIMMED}')"


CLAIM_KEY_SQL = _claim_key_sql("content")

CLAIM_KEY_INDEX = f"""
CREATE INDEX idx_attributions_claim_key ON attributions ({CLAIM_KEY_SQL}, article_date DESC);
"""


def add_event_totals(db: sqlite_utils.Database) -> None:
    """Version 7: keep each event's article and source counts (claimtrack/store/event_totals.py),
    counting every stored event once."""
    for statement in sql_statements(EVENT_TOTALS_SCHEMA):
        db.conn.execute(statement)
    refresh_event_totals(db)


# Version 10: the organisation a speaker speaks for, as the article names it ("een
# woordvoerder van Lindeborg": Lindeborg), kept on the attribution even when the
# speaker is no source of its own, so an event's comparison counts the statement in
# that organisation's account. Attributions stored before stay without it until their
# article is imported again.
def add_speaker_affiliation(db: sqlite_utils.Database) -> None:
    """Version 10: attributions.speaker_affiliation (kept if a database already has it)."""
    if "speaker_affiliation" not in db["attributions"].columns_dict:
        db.conn.execute("ALTER TABLE attributions ADD COLUMN speaker_affiliation TEXT")


# Each entry takes the database from version i to i + 1: an SQL script, or a
# function that is given the database (inside the same transaction).
MIGRATIONS: list[str | Callable[[sqlite_utils.Database], None]] = [
    INITIAL_SCHEMA,  # version 1
    ARTICLE_DATE_ON_CLAIMS,  # version 2
    ADMIN_SESSIONS_AND_PENDING_SUGGESTIONS,  # version 3
    CLAIM_KEY_INDEX,  # version 4
    MAINTAINED_TOTALS,  # version 5: claimtrack/store/totals.py
    migrate_to_parties,  # version 6: claimtrack/store/parties_migration.py
    add_event_totals,  # version 7: claimtrack/store/event_totals.py
    upgrade_person_sources,  # version 8: claimtrack/store/names_migration.py
    CURATED_SEED_SCHEMA,  # version 9: which curated table is seeded (claimtrack/store/sources.py)
    add_speaker_affiliation,  # version 10
]

SCHEMA_VERSION = len(MIGRATIONS)
if MIGRATIONS.index(add_event_totals) + 1 != EVENT_TOTALS_VERSION:
    raise RuntimeError("EVENT_TOTALS_VERSION does not name the migration that adds event_totals")


def schema_version(db: sqlite_utils.Database) -> int:
    """Return the schema version the database is at (0 for a new, empty file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def ensure_schema(db: sqlite_utils.Database) -> int:
    """Apply every migration the database has not had yet; return the new version.

    All pending migrations run in one transaction that takes the write lock
    before the version is read, so two processes opening a new database at
    the same moment migrate it once. A database from a newer claimtrack is
    refused rather than touched.
    """
    if schema_version(db) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(db)
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"database schema version {current} is newer than this claimtrack "
                f"({SCHEMA_VERSION})"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            migration = MIGRATIONS[version - 1]
            if callable(migration):
                migration(db)
            else:
                for statement in sql_statements(migration):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def sql_statements(script: str) -> Iterator[str]:
    """Split an SQL script into whole statements (trigger bodies stay in one piece).

    executescript() would commit the open transaction first, so migrations
    run statement by statement instead.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement != ";":
                yield statement
            buffer = ""
