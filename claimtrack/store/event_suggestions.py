"""Proposing events: articles that seem to report the same occurrence.

After an article is imported, `suggest_events` looks for stored articles
dated within a few days of it whose lead reports the same kind of
occurrence (a call, a video call, ...) between the same people, and
proposes them as one event. The user accepts (an event is created, or the
articles join the event that already holds some of them) or rejects.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from claimtrack.compare.dates import date_range, days_apart
from claimtrack.compare.occurrence import Occurrence, detect_occurrence
from claimtrack.store.events import add_articles, create_event
from claimtrack.store.sources import alias_key, curated_sources, ensure_curated_sources
from claimtrack.store.transactions import write_transaction

MAX_DAYS_APART = 3
LEAD_STATEMENTS = 3
MIN_SHARED_PARTICIPANTS = 2
MAX_ALIAS_WORDS = 5
# how many of the most recently imported articles dated near one are looked at, so a bulk
# import of thousands of same-day articles stays linear
MAX_CANDIDATES = 300


def suggest_events(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """Propose an event for article `article_id` and the stored articles that report the same
    occurrence; return the ids of the suggestions created or extended (empty if none).

    The article is marked as having its suggestions computed afterwards.
    """
    suggestions = _suggest_events(db, article_id)
    with write_transaction(db):
        db.execute("UPDATE articles SET suggestions_pending = 0 WHERE id = ?", [article_id])
    return suggestions


def _suggest_events(db: sqlite_utils.Database, article_id: int) -> list[int]:
    ensure_curated_sources(db)
    people = _person_aliases(db)
    mine = _article_occurrence(db, article_id, people)
    if mine is None:
        return []
    occurrence, participants, _ = mine
    matches = {}
    common = set(participants)
    for other_id in _articles_dated_near(db, article_id, occurrence.date):
        other = _article_occurrence(db, other_id, people)
        if other is None:
            continue
        other_occurrence, other_participants, _ = other
        shared = participants & other_participants
        apart = days_apart(occurrence.date, other_occurrence.date)
        if (
            other_occurrence.family == occurrence.family
            and len(shared) >= MIN_SHARED_PARTICIPANTS
            and apart is not None
            and apart <= MAX_DAYS_APART
        ):
            matches[other_id] = other_occurrence
            common &= other_participants
    if not matches:
        return []
    names = _source_names(db, common)
    group = sorted({article_id, *matches})
    dates = [occurrence.date, *(m.date for m in matches.values())]
    date = max(dates, key=lambda d: (len(d or ""), d or ""))  # the most precise date
    title = f"{occurrence.family.capitalize()} between {' and '.join(names)}"
    reason = (
        f"same participants ({', '.join(names)}), same kind of occurrence "
        f"({', '.join(sorted({occurrence.kind, *(m.kind for m in matches.values())}))}), "
        f"dated within {MAX_DAYS_APART} days ({', '.join(sorted({d for d in dates if d}))})"
    )
    return [_store_suggestion(db, group, title, date, reason)]


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


def accept_suggestion(db: sqlite_utils.Database, suggestion_id: int) -> int:
    """Turn an open suggestion into an event (or extend the event that already holds some of
    its articles) and return the event id."""
    with write_transaction(db):
        suggestion = _open_suggestion(db, suggestion_id)
        article_ids = suggestion["article_ids"]
        existing = _event_holding(db, article_ids)
        if existing is None:
            participants = _participants_of(db, article_ids)
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


def _store_suggestion(db, group: list[int], title: str, date: str | None, reason: str) -> int:
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


def _article_occurrence(
    db, article_id: int, people: dict[str, int]
) -> tuple[Occurrence, set[int], str | None] | None:
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
            [article_id, LEAD_STATEMENTS],
        )
    ]
    occurrence = detect_occurrence(lead, language, date)
    if occurrence is None or occurrence.date is None:
        return None
    participants = _people_named(" ".join(lead), people)
    if len(participants) < MIN_SHARED_PARTICIPANTS:
        return None
    return occurrence, participants, language


def _person_aliases(db) -> dict[str, int]:
    # only curated people: names the engine met in passing ("the President") are no participants
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


def _people_named(text: str, people: dict[str, int]) -> set[int]:
    words = [w.removesuffix("'s") for w in alias_key(text).split()]
    found = set()
    for size in range(MAX_ALIAS_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            source_id = people.get(" ".join(words[start : start + size]))
            if source_id is not None:
                found.add(source_id)
    return found


def _articles_dated_near(db, article_id: int, date: str) -> list[int]:
    span = date_range(date)
    if span is None:
        return []
    low = (span[0] - timedelta(days=MAX_DAYS_APART)).isoformat()
    high = (span[1] + timedelta(days=MAX_DAYS_APART)).isoformat()
    coarse = {low[:7], high[:7], span[0].isoformat()[:7], low[:4], high[:4]}
    placeholders = ", ".join("?" for _ in coarse)
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM articles WHERE id != ? AND (date BETWEEN ? AND ? OR date IN ({placeholders}))"
            " ORDER BY id DESC LIMIT ?",
            [article_id, low, high, *sorted(coarse), MAX_CANDIDATES],
        )
    ]


def _source_names(db, source_ids: set[int]) -> list[str]:
    placeholders = ", ".join("?" for _ in source_ids)
    return sorted(
        r[0]
        for r in db.execute(
            f"SELECT name FROM sources WHERE id IN ({placeholders})", list(source_ids)
        )
    )


def _participants_of(db, article_ids: list[int]) -> list[str]:
    people = _person_aliases(db)
    shared: set[int] | None = None
    for article_id in article_ids:
        found = _article_occurrence(db, article_id, people)
        named = found[1] if found else set()
        shared = named if shared is None else shared & named
    return _source_names(db, shared) if shared else []


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
