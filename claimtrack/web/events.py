"""Event pages: the list of events and one event with its statements.

The events feature extends these: it may add routes to `bp` (for example
`/events/<id>/compare`) from a module listed in `claimtrack.web.EXTENSION_MODULES`,
and its templates in `templates/events/` extend `events/detail.html` blocks.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from claimtrack.db import get_db
from claimtrack.present.columns import EVENT_COLUMNS, STATEMENT_COLUMNS, statement_rows
from claimtrack.present.filters import UnknownSource
from claimtrack.present.list_queries import (
    EVENT_LIST_QUERY,
    EVENT_STATEMENTS_QUERY,
    EventListQuery,
    EventStatementsQuery,
)
from claimtrack.present.operations import operation
from claimtrack.present.pages import page_body, page_links
from claimtrack.present.render import csv_response, json_response
from claimtrack.present.schemas import (
    EVENT,
    EVENT_DETAIL,
    STATEMENT,
    EventPageSchema,
    EventStatementPageSchema,
)
from claimtrack.store.cursors import BadCursor
from claimtrack.store.reads import events as event_reads
from claimtrack.store.reads.statements import event_statements
from claimtrack.web.blueprint import (
    bad_cursor,
    http_error,
    invalid_parameters,
    load_page_args,
    unknown_source,
)
from claimtrack.web.highlight import TYPE_LABELS

bp = Blueprint("events", __name__)
bp.register_error_handler(BadCursor, bad_cursor)
bp.register_error_handler(ValidationError, invalid_parameters)
bp.register_error_handler(UnknownSource, unknown_source)
bp.register_error_handler(HTTPException, http_error)


@bp.route("/events.csv", defaults={"fmt": "csv"})
@bp.route("/events.json", defaults={"fmt": "json"})
@bp.route("/events", defaults={"fmt": "html"})
@operation(
    "The event list page as JSON: latest date first; the same list as GET /api/v1/events",
    tag="web pages",
    blueprint="events",
    query=EventListQuery,
    responses={200: EventPageSchema},
    errors=(422,),
)
def events(fmt: str):
    """Every event, latest first."""
    args = load_page_args(EVENT_LIST_QUERY, fmt)
    page = event_reads.list_events(
        get_db(), args["list"], year=args.get("year"), facets=args["facets"]
    )
    if fmt == "json":
        return json_response(page_body(page, EVENT))
    if fmt == "csv":
        return csv_response(page.items, EVENT_COLUMNS, "events.csv")
    return render_template("events/list.html", page=page, links=page_links(page))


def event_context(event_id: int, fmt: str = "html") -> dict:
    """What the event detail page shows; extensions may add to it."""
    db = get_db()
    event = event_reads.get_event(db, event_id)
    if event is None:
        abort(404, description=f"There is no event {event_id}.")
    args = load_page_args(EVENT_STATEMENTS_QUERY, fmt)
    return {"event": event, "statements": event_statements(db, event_id, args["list"])}


@bp.route("/events/<rowid:event_id>.csv", defaults={"fmt": "csv"})
@bp.route("/events/<rowid:event_id>.json", defaults={"fmt": "json"})
@bp.route("/events/<rowid:event_id>", defaults={"fmt": "html"})
@operation(
    "The event page as JSON: the event (as GET /api/v1/events/{id}) and its statements, "
    "newest article first",
    tag="web pages",
    blueprint="events",
    query=EventStatementsQuery,
    responses={200: EventStatementPageSchema},
    errors=(404, 422),
)
def event(event_id: int, fmt: str):
    """One event: its participants and the statements linked to it."""
    context = event_context(event_id, fmt)
    page = context["statements"]
    if fmt == "json":
        return json_response(page_body(page, STATEMENT, event=EVENT_DETAIL.dump(context["event"])))
    if fmt == "csv":
        return csv_response(page.items, STATEMENT_COLUMNS, f"event-{event_id}.csv", statement_rows)
    return render_template(
        "events/detail.html", **context, links=page_links(page), type_labels=TYPE_LABELS
    )
