"""Proposing events: articles that seem to report the same occurrence.

After an article is imported, `suggest_events` looks for stored articles
dated within a few days of it whose lead reports the same kind of
occurrence (a call, a video call, ...) between the same people, and
proposes them as one event. The user accepts (an event is created, or the
articles join the event that already holds some of them) or rejects.

The reading of the leads (which occurrence, which people, how far apart)
lives here; the suggestions are stored and read by
`claimtrack.store.event_suggestions`.
"""

from __future__ import annotations

from datetime import timedelta

import sqlite_utils

from claimtrack.compare.dates import date_range, days_apart
from claimtrack.compare.occurrence import Occurrence, detect_occurrence
from claimtrack.store import event_suggestions as stored
from claimtrack.store.sources import alias_key

MAX_DAYS_APART = 3
LEAD_STATEMENTS = 3
MIN_SHARED_PARTICIPANTS = 2
MAX_ALIAS_WORDS = 5


def suggest_events(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """Propose an event for article `article_id` and the stored articles that report the same
    occurrence; return the ids of the suggestions created or extended (empty if none).

    The article is marked as having its suggestions computed afterwards.
    """
    suggestions = _suggest_events(db, article_id)
    stored.mark_suggestions_computed(db, article_id)
    return suggestions


def accept_suggestion(db: sqlite_utils.Database, suggestion_id: int) -> int:
    """Turn an open suggestion into an event (or extend the event that already holds some of
    its articles) and return the event id; the people all its articles name take part."""
    return stored.accept_suggestion(
        db, suggestion_id, participants_of=lambda ids: _participants_of(db, ids)
    )


def _suggest_events(db: sqlite_utils.Database, article_id: int) -> list[int]:
    people = stored.person_aliases(db)
    mine = _article_occurrence(db, article_id, people)
    if mine is None:
        return []
    occurrence, participants = mine
    matches = {}
    common = set(participants)
    for other_id in _articles_dated_near(db, article_id, occurrence.date):
        other = _article_occurrence(db, other_id, people)
        if other is None:
            continue
        other_occurrence, other_participants = other
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
    names = stored.source_names(db, common)
    group = sorted({article_id, *matches})
    dates = [occurrence.date, *(m.date for m in matches.values())]
    date = max(dates, key=lambda d: (len(d or ""), d or ""))  # the most precise date
    title = f"{occurrence.family.capitalize()} between {' and '.join(names)}"
    reason = (
        f"same participants ({', '.join(names)}), same kind of occurrence "
        f"({', '.join(sorted({occurrence.kind, *(m.kind for m in matches.values())}))}), "
        f"dated within {MAX_DAYS_APART} days ({', '.join(sorted({d for d in dates if d}))})"
    )
    return [stored.store_suggestion(db, group, title, date, reason)]


def _article_occurrence(
    db: sqlite_utils.Database, article_id: int, people: dict[str, int]
) -> tuple[Occurrence, set[int]] | None:
    found = stored.article_lead(db, article_id, LEAD_STATEMENTS)
    if found is None:
        return None
    lead, language, date = found
    occurrence = detect_occurrence(lead, language, date)
    if occurrence is None or occurrence.date is None:
        return None
    participants = _people_named(" ".join(lead), people)
    if len(participants) < MIN_SHARED_PARTICIPANTS:
        return None
    return occurrence, participants


def _people_named(text: str, people: dict[str, int]) -> set[int]:
    words = [w.removesuffix("'s") for w in alias_key(text).split()]
    found = set()
    for size in range(MAX_ALIAS_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            source_id = people.get(" ".join(words[start : start + size]))
            if source_id is not None:
                found.add(source_id)
    return found


def _articles_dated_near(db: sqlite_utils.Database, article_id: int, date: str) -> list[int]:
    span = date_range(date)
    if span is None:
        return []
    low = (span[0] - timedelta(days=MAX_DAYS_APART)).isoformat()
    high = (span[1] + timedelta(days=MAX_DAYS_APART)).isoformat()
    coarse = {low[:7], high[:7], span[0].isoformat()[:7], low[:4], high[:4]}
    return stored.articles_dated_between(db, article_id, low, high, coarse)


def _participants_of(db: sqlite_utils.Database, article_ids: list[int]) -> list[str]:
    people = stored.person_aliases(db)
    shared: set[int] | None = None
    for article_id in article_ids:
        found = _article_occurrence(db, article_id, people)
        named = found[1] if found else set()
        shared = named if shared is None else shared & named
    return stored.source_names(db, shared) if shared else []
