"""Opening the SQLite database with the settings every caller needs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from claimtrack.store.schema import ensure_schema

DATABASE_ENV = "CLAIMTRACK_DATABASE"
BUSY_TIMEOUT_MS = 5000


def default_database_path(instance_path: str | os.PathLike | None = None) -> Path:
    """Return the database path: $CLAIMTRACK_DATABASE, else instance/claimtrack.db."""
    configured = os.environ.get(DATABASE_ENV)
    if configured:
        return Path(configured)
    if instance_path is None:
        instance_path = Path(__file__).resolve().parents[2] / "instance"
    return Path(instance_path) / "claimtrack.db"


def open_database(path: str | os.PathLike, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path`, upgraded to the current schema.

    Foreign keys are enforced, the journal is WAL and writers wait up to
    BUSY_TIMEOUT_MS for a lock instead of failing at once.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    db = sqlite_utils.Database(conn)
    if migrate:
        ensure_schema(db)
    return db
