"""Write transactions that either happen completely or not at all."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlite_utils


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run the block in one transaction: committed on success, rolled back on any error.

    The outermost block starts with BEGIN IMMEDIATE, so the write lock is
    taken up front (waiting up to the busy timeout) instead of failing
    half-way when another process writes at the same time. Nested blocks
    become savepoints. Before committing, the figures of events the block
    changed are counted again (`claimtrack.store.event_totals`).
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        _refresh_kept_figures(db)
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


# the schema version that added event_totals (claimtrack.store.schema.MIGRATIONS)
EVENT_TOTALS_VERSION = 7


def _refresh_kept_figures(db: sqlite_utils.Database) -> None:
    """Count again the event figures triggers marked stale in this transaction."""
    from claimtrack.store.event_totals import refresh_event_totals  # it imports the store

    if db.execute("PRAGMA user_version").fetchone()[0] >= EVENT_TOTALS_VERSION:
        refresh_event_totals(db)
