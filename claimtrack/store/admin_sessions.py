"""Admin login sessions kept in the database, so that they can be ended.

A session is a random id (held in the signed cookie) and the fingerprint of
the admin token it logged in with. It is live while its row exists, the
fingerprint matches the token configured now, and it is younger than the
maximum age. Logging out deletes the row; a new token makes every older
session's fingerprint wrong.
"""

from __future__ import annotations

import secrets
import time

import sqlite_utils

from claimtrack.store.transactions import write_transaction

DEFAULT_MAX_AGE_SECONDS = 12 * 3600


def start_session(db: sqlite_utils.Database, token_fingerprint: str) -> str:
    """Record a new admin session and return its id."""
    session_id = secrets.token_urlsafe(32)
    with write_transaction(db):
        db.execute(
            "DELETE FROM admin_sessions WHERE created_at < ?",
            [time.time() - DEFAULT_MAX_AGE_SECONDS],
        )
        db.execute(
            "INSERT INTO admin_sessions (id, token_fingerprint, created_at) VALUES (?, ?, ?)",
            [session_id, token_fingerprint, time.time()],
        )
    return session_id


def session_is_live(
    db: sqlite_utils.Database,
    session_id: str,
    token_fingerprint: str,
    max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS,
) -> bool:
    """True when the session exists, logged in with this token, and has not expired."""
    row = db.execute(
        "SELECT token_fingerprint, created_at FROM admin_sessions WHERE id = ?", [session_id]
    ).fetchone()
    if row is None:
        return False
    fingerprint, created_at = row
    return secrets.compare_digest(fingerprint, token_fingerprint) and (
        time.time() - created_at < max_age_seconds
    )


def end_session(db: sqlite_utils.Database, session_id: str) -> None:
    """Forget one admin session (logging out)."""
    with write_transaction(db):
        db.execute("DELETE FROM admin_sessions WHERE id = ?", [session_id])
