"""Events: list, create, read, and the comparison of two sources' accounts of one event."""

from __future__ import annotations

from flask import url_for

from claimtrack.api.auth import require_admin
from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.api.inputs import load_json_body, load_query
from claimtrack.api.schemas import EVENT_INPUT, EventInputSchema
from claimtrack.compare import compare_event
from claimtrack.db import get_db
from claimtrack.present.list_queries import (
    COMPARE_QUERY,
    EVENT_LIST_QUERY,
    CompareQuerySchema,
    EventListQuery,
)
from claimtrack.present.pages import page_body
from claimtrack.present.params import load_args
from claimtrack.present.schemas import (
    COMPARISON,
    EVENT,
    EVENT_DETAIL,
    ComparisonSchema,
    EventDetailSchema,
    EventPageSchema,
)
from claimtrack.store import events as event_store
from claimtrack.store.events import EventNotFound
from claimtrack.store.reads import events as event_reads
from claimtrack.store.reads.sql import missing_ids


def _event_or_404(event_id: int) -> dict:
    event = event_reads.get_event(get_db(), event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id}")
    return event


@api.get("/events")
@operation(
    "List events, newest first (`_sort`/`_sort_desc`: date, id, title); filter and facet by year",
    tag="events",
    query=EventListQuery,
    responses={200: EventPageSchema},
    errors=(422,),
)
def list_events():
    """A page of events, newest first unless sorted otherwise."""
    args = load_args(EVENT_LIST_QUERY)
    page = event_reads.list_events(
        get_db(), args["list"], year=args.get("year"), default_sort="id", facets=args["facets"]
    )
    return page_body(page, EVENT)


@api.post("/events")
@operation(
    "Create an event, optionally with participating sources and linked statements",
    tag="events",
    body=EventInputSchema,
    responses={201: EventDetailSchema},
    errors=(400, 401, 403, 413, 415, 422, 429),
    write=True,
)
@require_admin
def create_event():
    """Create an event (participants, articles, statements) and answer 201."""
    data = load_json_body(EVENT_INPUT)
    db = get_db()
    unknown = {}
    for field, table in (("articles", "articles"), ("statements", "statements")):
        missing = missing_ids(db, table, data[field])
        if missing:
            unknown[field] = [f"no {table[:-1]} with id {i}" for i in missing]
    if unknown:
        raise ApiError(422, "the request did not validate", unknown)
    try:
        event_id = event_store.create_event(
            db,
            title=data["title"],
            date=data["date"],
            description=data["description"],
            participants=data["participants"],
            article_ids=data["articles"],
            statement_ids=data["statements"],
        )
    except (ValueError, LookupError) as exc:  # nothing is stored when these are raised
        raise ApiError(422, "the request did not validate", {"_schema": [str(exc)]}) from None
    location = url_for("api.read_event", event_id=event_id)
    return EVENT_DETAIL.dump(event_reads.get_event(db, event_id)), 201, {"Location": location}


@api.get("/events/<rowid:event_id>")
@operation(
    "One event with its participants and articles",
    tag="events",
    responses={200: EventDetailSchema},
    errors=(404,),
)
def read_event(event_id: int):
    """One event with its participants and articles."""
    return EVENT_DETAIL.dump(_event_or_404(event_id))


@api.get("/events/<rowid:event_id>/compare")
@operation(
    "Compare two sources' accounts of the event, each statement in one row (`a`, `b`: name,"
    " alias or slug; a side matching nothing gives `warnings` and no rows)",
    tag="events",
    query=CompareQuerySchema,
    responses={200: ComparisonSchema},
    errors=(404, 422),
)
def compare_accounts(event_id: int):
    """Side `a`'s and side `b`'s accounts of the event, aligned statement by statement."""
    args = load_query(COMPARE_QUERY)
    try:
        comparison = compare_event(get_db(), event_id, args["a"].strip(), args["b"].strip())
    except EventNotFound:
        raise ApiError(404, f"no event with id {event_id}") from None
    return COMPARISON.dump(comparison)
