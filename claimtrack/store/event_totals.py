"""Each event's article and source counts, kept instead of counted at every view.

The events list shows, per event, how many articles it draws on and how many
sources take part. An event made by hand has no stored participants: its
count is the number of sources its compare page lists (every publisher,
innermost claim-maker and intermediary named in its statements), which means
reading the attributions and relays of all its statements. Doing that for
every event on every view is what made `/events` slow at a million
statements, so migration EVENT_TOTALS (schema version 7) keeps the figures in

- `event_totals(event_id, article_count, source_count)`: one row per event
  whose figures are up to date;
- `event_totals_stale(event_id)`: the events whose figures must be counted
  again.

Counting the sources needs Python (which names name a source, which
attribution of a statement is shown), so the triggers do not count: every
write that can change an event's figures (its statements, their
attributions and relays, an article's publisher) deletes the event's row
and queues the event. Every claimtrack write (`write_transaction`) counts
the queued events again before it commits, in the same transaction, and
reads count any event without a row on the spot. A script writing rows
directly leaves correct but slower views until claimtrack's next write.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from claimtrack.store.events import events_articles_and_names
from claimtrack.store.reads.sql import placeholders
from claimtrack.store.transactions import BEFORE_COMMIT

# the schema version whose migration adds the tables (claimtrack.store.schema checks it)
EVENT_TOTALS_VERSION = 7

# the events a change touches, as an SQL subquery per kind of row changed
_OF_EVENT = "SELECT {row}.event_id"
_OF_STATEMENT = "SELECT event_id FROM event_statements WHERE statement_id = {row}.statement_id"
_OF_ATTRIBUTION = (
    "SELECT es.event_id FROM attributions at"
    " JOIN event_statements es ON es.statement_id = at.statement_id"
    " WHERE at.id = {row}.attribution_id"
)
_OF_ARTICLE = (
    "SELECT es.event_id FROM statements s"
    " JOIN event_statements es ON es.statement_id = s.id WHERE s.article_id = {row}.id"
)

# (trigger name, when, table, rows whose events are stale, events subquery)
_TRIGGERS = (
    ("event_totals_members_ai", "AFTER INSERT", "event_statements", ("NEW",), _OF_EVENT),
    ("event_totals_members_ad", "AFTER DELETE", "event_statements", ("OLD",), _OF_EVENT),
    ("event_totals_members_au", "AFTER UPDATE", "event_statements", ("OLD", "NEW"), _OF_EVENT),
    ("event_totals_claims_ai", "AFTER INSERT", "attributions", ("NEW",), _OF_STATEMENT),
    ("event_totals_claims_ad", "AFTER DELETE", "attributions", ("OLD",), _OF_STATEMENT),
    (
        "event_totals_claims_au",
        "AFTER UPDATE OF statement_id, position, speaker_source_id, speaker_name, type, unresolved",
        "attributions",
        ("OLD", "NEW"),
        _OF_STATEMENT,
    ),
    ("event_totals_via_ai", "AFTER INSERT", "attribution_via", ("NEW",), _OF_ATTRIBUTION),
    ("event_totals_via_ad", "AFTER DELETE", "attribution_via", ("OLD",), _OF_ATTRIBUTION),
    (
        "event_totals_via_au",
        "AFTER UPDATE OF attribution_id, position, name",
        "attribution_via",
        ("OLD", "NEW"),
        _OF_ATTRIBUTION,
    ),
    (
        "event_totals_publisher_au",
        "AFTER UPDATE OF publisher",
        "articles",
        ("NEW",),
        _OF_ARTICLE,
    ),
)


def _trigger_sql(name: str, when: str, table: str, rows: tuple[str, ...], events: str) -> str:
    body = []
    for row in rows:
        subquery = events.format(row=row)
        body.append(f"    DELETE FROM event_totals WHERE event_id IN ({subquery});")
        body.append(f"    INSERT OR IGNORE INTO event_totals_stale (event_id) {subquery};")
    return f"CREATE TRIGGER {name} {when} ON {table} BEGIN\n" + "\n".join(body) + "\nEND;\n"


EVENT_TOTALS_SCHEMA = (
    """
CREATE TABLE event_totals (
    event_id INTEGER PRIMARY KEY,
    article_count INTEGER NOT NULL,   -- articles with a statement in the event
    source_count INTEGER NOT NULL     -- sources its compare page lists
);
CREATE TABLE event_totals_stale (
    event_id INTEGER PRIMARY KEY
);
CREATE TRIGGER event_totals_events_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO event_totals_stale (event_id) VALUES (NEW.id);
END;
CREATE TRIGGER event_totals_events_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_totals WHERE event_id = OLD.id;
    DELETE FROM event_totals_stale WHERE event_id = OLD.id;
END;
"""
    + "".join(_trigger_sql(*trigger) for trigger in _TRIGGERS)
    # every event of an older database is counted by the migration
    + "INSERT INTO event_totals_stale (event_id) SELECT id FROM events;\n"
)

_CHUNK = 200


def count_events(db: sqlite_utils.Database, event_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Count the events' figures from their rows: event id -> (articles, sources)."""
    return {
        event_id: (len(articles), len(names))
        for event_id, (articles, names) in events_articles_and_names(db, list(event_ids)).items()
    }


def refresh_event_totals(db: sqlite_utils.Database) -> int:
    """Count every queued event again and store its figures; return how many were counted.

    Call inside the write transaction that queued them (`write_transaction`
    does), so the figures commit or roll back with the change.
    """
    refreshed = 0
    while True:
        stale = [
            r[0]
            for r in db.execute(
                "SELECT s.event_id FROM event_totals_stale s"
                " WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id) LIMIT ?",
                [_CHUNK],
            )
        ]
        if not stale:
            db.execute("DELETE FROM event_totals_stale")  # events deleted meanwhile
            return refreshed
        counted = count_events(db, stale)
        db.conn.executemany(
            "INSERT OR REPLACE INTO event_totals (event_id, article_count, source_count)"
            " VALUES (?, ?, ?)",
            [(event_id, articles, sources) for event_id, (articles, sources) in counted.items()],
        )
        db.conn.executemany(
            "DELETE FROM event_totals_stale WHERE event_id = ?", [(e,) for e in stale]
        )
        refreshed += len(stale)


def _refresh_before_commit(db: sqlite_utils.Database) -> None:
    # a database opened without migrating may predate the tables
    if db.execute("PRAGMA user_version").fetchone()[0] >= EVENT_TOTALS_VERSION:
        refresh_event_totals(db)


BEFORE_COMMIT.append(_refresh_before_commit)


def event_figures(db: sqlite_utils.Database, event_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Articles and sources of each event: the kept figures, counted on the spot where none are
    kept (an event changed by a script since claimtrack last wrote)."""
    if not event_ids:
        return {}
    marks = placeholders(event_ids)
    found = {
        event_id: (articles, sources)
        for event_id, articles, sources in db.execute(
            "SELECT event_id, article_count, source_count FROM event_totals"
            f" WHERE event_id IN ({marks})",
            event_ids,
        )
    }
    missing = [e for e in event_ids if e not in found]
    if missing:
        found.update(count_events(db, missing))
    return found


def stored_event_totals(db: sqlite_utils.Database) -> dict[int, tuple[int, int]]:
    """Every kept row as event id -> (articles, sources), for checks and tests."""
    return {
        event_id: (articles, sources)
        for event_id, articles, sources in db.execute(
            "SELECT event_id, article_count, source_count FROM event_totals"
        )
    }
