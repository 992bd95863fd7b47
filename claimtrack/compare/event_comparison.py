"""Comparing two sources' accounts of one stored event."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from claimtrack.compare.align import align_accounts
from claimtrack.store.events import (
    EventNotFound,
    event_statements,
    get_event,
    in_account,
    side_identity,
)
from claimtrack.store.sources import alias_key

__all__ = ["EventNotFound", "account_statements", "compare_event"]


def account_statements(statements: list[dict], side: dict[str, Any]) -> list[dict]:
    """The statements of the event whose chain contains the side: the side's own texts
    first (a readout it published), then what other articles report of its account."""
    account = [s for s in statements if in_account(s, side)]
    return sorted(account, key=lambda s: not published_by(s, side))


def published_by(statement: dict, side: dict[str, Any]) -> bool:
    """Whether the statement's article was published by the side."""
    publisher = statement["article"]["publisher"]
    return bool(publisher) and alias_key(publisher) in side["keys"]


def compare_event(
    db: sqlite_utils.Database, event_id: int, side_a: str, side_b: str
) -> dict[str, Any]:
    """Compare the accounts of `side_a` and `side_b` of event `event_id`.

    Returns {"event": {...}, "sides": [A, B], "rows": [{"topic", "status",
    "reason", "a": [statement...], "b": [statement...]}]} where each
    statement has id, text, article, speaker and via. Side names are
    resolved through the alias table ("Witte Huis" finds the White House).
    Raises EventNotFound for an unknown event.
    """
    event = get_event(db, event_id)
    if event is None:
        raise EventNotFound(f"no event with id {event_id}")
    statements = event_statements(db, event_id)
    identity_a, identity_b = side_identity(db, side_a), side_identity(db, side_b)
    account_a = account_statements(statements, identity_a)
    account_b = account_statements(statements, identity_b)
    rows = align_accounts(identity_a["name"], account_a, identity_b["name"], account_b)
    return {
        "event": {
            key: event[key]
            for key in ("id", "title", "date", "date_precision", "description", "participants")
        },
        "sides": [identity_a["name"], identity_b["name"]],
        "rows": [
            {
                "topic": row["topic"],
                "status": row["status"],
                "reason": row["reason"],
                "kinds": row["kinds"],
                "a": [_public(s, m) for s, m in zip(row["a"], row["marks_a"], strict=True)],
                "b": [_public(s, m) for s, m in zip(row["b"], row["marks_b"], strict=True)],
            }
            for row in rows
        ],
    }


def _public(statement: dict, marks: list[tuple[int, int]]) -> dict:
    return {
        "marks": [list(span) for span in marks],
        "id": statement["id"],
        "text": statement["text"],
        "language": statement["language"],
        "article": statement["article"],
        "speaker": statement["speaker"],
        "via": statement["via"],
    }
