"""Write transactions that either happen completely or not at all."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import sqlite_utils

# Called with the database at the end of each outermost write transaction, before COMMIT;
# modules that keep figures up to date add theirs when imported.
BEFORE_COMMIT: list[Callable[[sqlite_utils.Database], None]] = []


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run the block in one transaction: committed on success, rolled back on any error.

    The outermost block starts with BEGIN IMMEDIATE, so the write lock is
    taken up front (waiting up to the busy timeout) instead of failing
    half-way when another process writes at the same time. Nested blocks
    become savepoints. Before committing, every BEFORE_COMMIT hook runs in the
    transaction (`claimtrack.store.event_totals` counts again the figures of
    the events the block changed).
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
        for hook in BEFORE_COMMIT:
            hook(db)
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
