"""Events: list, create, read, and the comparison of two sources' accounts of one event."""

from __future__ import annotations

from flask import url_for

from claimtrack.api.auth import require_admin
from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.api.inputs import load_json_body, load_query
from claimtrack.api.pagination import page_body, page_of
from claimtrack.api.schemas import (
    EVENT,
    EVENT_INPUT,
    PAGE_QUERY,
    EventInputSchema,
    EventPageSchema,
    EventSchema,
    PageQuerySchema,
)
from claimtrack.app import get_db
from claimtrack.store import api_queries


def _event_or_404(event_id: int) -> dict:
    event = api_queries.get_event(get_db(), event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id}")
    return event


@api.get("/events")
@operation(
    "List events, newest first",
    tag="events",
    query=PageQuerySchema,
    responses={200: EventPageSchema},
    errors=(422,),
)
def list_events():
    args = load_query(PAGE_QUERY)
    rows = api_queries.list_events(get_db(), args["next"], args["limit"])
    page, token = page_of(rows, args["limit"])
    return page_body(EVENT.dump(page, many=True), token)


@api.post("/events")
@operation(
    "Create an event, optionally with participating sources and linked statements",
    tag="events",
    body=EventInputSchema,
    responses={201: EventSchema},
    errors=(400, 401, 403, 413, 422),
    write=True,
)
@require_admin
def create_event():
    data = load_json_body(EVENT_INPUT)
    db = get_db()
    unknown = {}
    for field, table in (("participants", "sources"), ("statements", "statements")):
        missing = api_queries.missing_ids(db, table, data[field])
        if missing:
            unknown[field] = [f"no {table[:-1]} with id {i}" for i in missing]
    if unknown:
        raise ApiError(422, "the request did not validate", unknown)
    event_id = api_queries.create_event(
        db,
        title=data["title"].strip(),
        date=data["date"],
        description=data["description"],
        participant_ids=data["participants"],
        statement_ids=data["statements"],
    )
    location = url_for("api.read_event", event_id=event_id)
    return EVENT.dump(api_queries.get_event(db, event_id)), 201, {"Location": location}


@api.get("/events/<rowid:event_id>")
@operation("One event", tag="events", responses={200: EventSchema}, errors=(404,))
def read_event(event_id: int):
    return EVENT.dump(_event_or_404(event_id))
