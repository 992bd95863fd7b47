"""Event reads: the event list (sortable, with a year facet) and one event.

An event row: id, title, date, date_precision, description, created_at,
statement_count, article_count, participants [{id, name, slug, kind}] (the
stored ones) and participant_count: the stored participants, or for an
event made by hand without them, the sources its compare page lists (every
publisher, claim-maker and intermediary named in its statements). One event
adds `articles` [{id, title, publisher, date, statements}].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from claimtrack.store.event_totals import event_figures
from claimtrack.store.reads import listing
from claimtrack.store.reads.listing import FIRST_PAGE, Column, ListRequest, Page, Sort
from claimtrack.store.reads.sql import placeholders, rows

EVENT_COLUMNS = (
    "e.id, e.title, e.date, e.date_precision, e.description, e.created_at,"
    " (SELECT count(*) FROM event_statements es WHERE es.event_id = e.id) AS statement_count"
)
SORTS = (
    Sort(
        "date",
        (Column("COALESCE(e.date, '')", str), Column("e.id", int)),
        lambda r: [r["date"] or "", r["id"]],
    ),
    Sort("id", (Column("e.id", int),), lambda r: [r["id"]]),
    Sort("title", (Column("e.title", str), Column("e.id", int)), lambda r: [r["title"], r["id"]]),
)
FACETS = ("year",)


def list_events(
    db: sqlite_utils.Database,
    request: ListRequest = FIRST_PAGE,
    *,
    year: str | None = None,
    default_sort: str = "date",
    facets: tuple[str, ...] = (),
) -> Page:
    """A page of events, latest date first (undated last) by default; sortable by date, id
    and title; `year` keeps events dated in that year."""
    pos = listing.position(request, SORTS, default_sort, True)
    where, params = [], []
    if year:
        where.append("e.date >= ? AND e.date < ?")
        params += [year, f"{int(year) + 1:04d}"]
    filter_where, filter_params = list(where), list(params)
    where, params = listing.paged_where(pos, where, params)
    found = rows(
        db,
        f"SELECT {EVENT_COLUMNS} FROM events e {'WHERE ' + ' AND '.join(where) if where else ''}"
        f" ORDER BY {listing.order_sql(pos)} LIMIT ?",
        [*params, pos.size + 1],
    )
    page = listing.cut(found, pos)
    _attach_participants(db, page.items)
    page.total = listing.exact_total(db, "events e", filter_where, filter_params, "events")
    if facets:
        page.facets = {
            "year": rows(
                db,
                "SELECT substr(e.date, 1, 4) AS value, count(*) AS count FROM events e"
                " WHERE e.date IS NOT NULL GROUP BY 1 ORDER BY count DESC, value LIMIT 20",
            )
        }
    return page


def all_events(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    """Every event, latest date first, read page by page."""
    request = ListRequest(size=listing.MAX_PAGE_SIZE)
    while True:
        page = list_events(db, request)
        yield from page.items
        if page.next is None:
            return
        request = ListRequest(size=listing.MAX_PAGE_SIZE, token=page.next)


def get_event(db: sqlite_utils.Database, event_id: int) -> dict[str, Any] | None:
    """One event with its participants, counts and articles, or None."""
    found = rows(db, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", [event_id])
    if not found:
        return None
    _attach_participants(db, found)
    event = found[0]
    event["articles"] = rows(
        db,
        "SELECT a.id, a.title, a.publisher, a.date, count(*) AS statements FROM event_statements es"
        " JOIN statements s ON s.id = es.statement_id JOIN articles a ON a.id = s.article_id"
        " WHERE es.event_id = ? GROUP BY a.id ORDER BY a.date, a.id",
        [event_id],
    )
    return event


def event_choices(db: sqlite_utils.Database, limit: int = 200) -> list[dict]:
    """Latest events as {id, title}, for filter menus."""
    return rows(db, "SELECT id, title FROM events ORDER BY date DESC, id DESC LIMIT ?", [limit])


def _attach_participants(db: sqlite_utils.Database, events: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in events]
    if not ids:
        return
    participants: dict[int, list] = defaultdict(list)
    for row in rows(
        db,
        "SELECT p.event_id, s.id, s.name, s.slug, s.kind FROM event_participants p"
        f" JOIN sources s ON s.id = p.source_id WHERE p.event_id IN ({placeholders(ids)})"
        " ORDER BY s.name",
        ids,
    ):
        participants[row.pop("event_id")].append(row)
    # an event made by hand has no stored participants: it counts the sources of its articles,
    # the ones its compare page lists (kept in event_totals)
    figures = event_figures(db, [e["id"] for e in events if e["statement_count"]])
    for event in events:
        articles, sources = figures.get(event["id"], (0, 0))
        event["participants"] = participants[event["id"]]
        event["article_count"] = articles
        event["participant_count"] = len(event["participants"]) or sources
