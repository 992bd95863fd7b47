"""Stored event suggestions: groups of articles proposed as one event, accepted or rejected.

Which articles report the same occurrence is read from their text by
`claimtrack.compare.event_suggestions`; this module stores the proposals,
reads them back, and turns an accepted one into an event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from claimtrack.store.events import add_articles, create_event
from claimtrack.store.sources import curated_sources, ensure_curated_sources
from claimtrack.store.transactions import write_transaction

# how many of the most recently imported articles dated near one are looked at, so a bulk
# import of thousands of same-day articles stays linear
MAX_CANDIDATES = 300


def mark_suggestions_computed(db: sqlite_utils.Database, article_id: int) -> None:
    """Record that the article's suggestions have been computed."""
    with write_transaction(db):
        db.execute("UPDATE articles SET suggestions_pending = 0 WHERE id = ?", [article_id])


def list_suggestions(
    db: sqlite_utils.Database, status: str | None = "open"
) -> list[dict[str, Any]]:
    """Suggestions with the given status ("open", "accepted", "rejected"; None for all)."""
    rows = db.execute(
        "SELECT id, title, date, article_ids, reason, status, event_id, created_at"
        " FROM event_suggestions WHERE (? IS NULL OR status = ?) ORDER BY id",
        [status, status],
    ).fetchall()
    keys = ("id", "title", "date", "article_ids", "reason", "status", "event_id", "created_at")
    suggestions = [dict(zip(keys, row)) for row in rows]
    for suggestion in suggestions:
        suggestion["article_ids"] = json.loads(suggestion["article_ids"])
    return suggestions


def get_suggestion(db: sqlite_utils.Database, suggestion_id: int) -> dict[str, Any] | None:
    """One suggestion, or None."""
    return next((s for s in list_suggestions(db, None) if s["id"] == suggestion_id), None)


def accept_suggestion(
    db: sqlite_utils.Database,
    suggestion_id: int,
    participants_of: Callable[[list[int]], list[str]] = lambda _ids: [],
) -> int:
    """Turn an open suggestion into an event (or extend the event that already holds some of
    its articles) and return the event id.

    A new event's participants are `participants_of(article_ids)` (source names).
    """
    with write_transaction(db):
        suggestion = _open_suggestion(db, suggestion_id)
        article_ids = suggestion["article_ids"]
        existing = _event_holding(db, article_ids)
        if existing is None:
            participants = participants_of(article_ids)
            event_id = create_event(
                db,
                suggestion["title"],
                suggestion["date"],
                description=suggestion["reason"],
                participants=participants,
                article_ids=article_ids,
            )
        else:
            event_id = existing
            add_articles(db, event_id, article_ids)
        db.execute(
            "UPDATE event_suggestions SET status = 'accepted', event_id = ? WHERE id = ?",
            [event_id, suggestion_id],
        )
    return event_id


def reject_suggestion(db: sqlite_utils.Database, suggestion_id: int) -> None:
    """Mark an open suggestion as rejected; the same group is not proposed again."""
    with write_transaction(db):
        _open_suggestion(db, suggestion_id)
        db.execute("UPDATE event_suggestions SET status = 'rejected' WHERE id = ?", [suggestion_id])


def _open_suggestion(db, suggestion_id: int) -> dict[str, Any]:
    suggestion = get_suggestion(db, suggestion_id)
    if suggestion is None:
        raise LookupError(f"no event suggestion with id {suggestion_id}")
    if suggestion["status"] != "open":
        raise ValueError(f"suggestion {suggestion_id} is already {suggestion['status']}")
    return suggestion


def store_suggestion(
    db: sqlite_utils.Database, group: list[int], title: str, date: str | None, reason: str
) -> int:
    """Store a proposed group of articles (merged into an open one that shares articles);
    return the suggestion's id. A group already proposed is not stored again."""
    with write_transaction(db):
        for suggestion in list_suggestions(db, None):
            same_group = set(suggestion["article_ids"]) == set(group)
            if same_group:
                return suggestion["id"]  # already proposed (or accepted, or rejected)
            if suggestion["status"] == "open" and set(suggestion["article_ids"]) & set(group):
                merged = sorted(set(suggestion["article_ids"]) | set(group))
                db.execute(
                    "UPDATE event_suggestions SET article_ids = ?, reason = ? WHERE id = ?",
                    [json.dumps(merged), reason, suggestion["id"]],
                )
                return suggestion["id"]
        return db.execute(
            "INSERT INTO event_suggestions (title, date, article_ids, reason, status, created_at)"
            " VALUES (?, ?, ?, ?, 'open', ?)",
            [title, date, json.dumps(group), reason, _now()],
        ).lastrowid


def article_lead(
    db: sqlite_utils.Database, article_id: int, statements: int
) -> tuple[list[str], str, str | None] | None:
    """The article's title and first `statements` statements, its language and date."""
    article = db.execute(
        "SELECT title, date, language FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if article is None:
        return None
    title, date, language = article
    lead = [title] if title else []
    lead += [
        r[0]
        for r in db.execute(
            "SELECT text FROM statements WHERE article_id = ? ORDER BY idx LIMIT ?",
            [article_id, statements],
        )
    ]
    return lead, language, date


def person_aliases(db: sqlite_utils.Database) -> dict[str, int]:
    """Alias key -> source id of every curated person (names the engine met in passing, such
    as "the President", are no participants)."""
    ensure_curated_sources(db)
    curated = sorted({entry.name for entry in curated_sources() if entry.kind == "person"})
    placeholders = ", ".join("?" for _ in curated)
    return {
        key: source_id
        for key, source_id in db.execute(
            "SELECT a.alias_key, a.source_id FROM source_aliases a"
            f" JOIN sources s ON s.id = a.source_id WHERE s.kind = 'person' AND s.name IN ({placeholders})",
            curated,
        )
    }


def articles_dated_between(
    db: sqlite_utils.Database, article_id: int, low: str, high: str, coarse: set[str]
) -> list[int]:
    """Other articles dated from `low` to `high` or with one of the `coarse` dates (a month, a
    year), the MAX_CANDIDATES most recently imported."""
    placeholders = ", ".join("?" for _ in coarse)
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM articles WHERE id != ? AND (date BETWEEN ? AND ? OR date IN ({placeholders}))"
            " ORDER BY id DESC LIMIT ?",
            [article_id, low, high, *sorted(coarse), MAX_CANDIDATES],
        )
    ]


def source_names(db: sqlite_utils.Database, source_ids: set[int]) -> list[str]:
    """The names of the sources, sorted."""
    placeholders = ", ".join("?" for _ in source_ids)
    return sorted(
        r[0]
        for r in db.execute(
            f"SELECT name FROM sources WHERE id IN ({placeholders})", list(source_ids)
        )
    )


def _event_holding(db, article_ids: list[int]) -> int | None:
    placeholders = ", ".join("?" for _ in article_ids)
    row = db.execute(
        "SELECT es.event_id FROM event_statements es JOIN statements s ON s.id = es.statement_id"
        f" WHERE s.article_id IN ({placeholders}) ORDER BY es.event_id LIMIT 1",
        article_ids,
    ).fetchone()
    return row[0] if row else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
