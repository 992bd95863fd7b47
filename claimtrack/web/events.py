"""Minimal event pages: the list of events and one event with its statements.

The events feature extends these: it may add routes to `bp` (for example
`/events/<id>/compare`) from a module listed in `claimtrack.web.EXTENSION_MODULES`,
and its templates in `templates/events/` extend `events/detail.html` blocks.
"""

from __future__ import annotations

from operator import itemgetter

from flask import Blueprint, abort, render_template, request
from werkzeug.exceptions import HTTPException

from claimtrack.db import get_db
from claimtrack.store import queries
from claimtrack.store.cursors import BadCursor
from claimtrack.web.blueprint import bad_cursor, http_error, limit_arg
from claimtrack.web.claim_columns import statement_columns
from claimtrack.web.formats import next_url, twin_response
from claimtrack.web.highlight import TYPE_LABELS

bp = Blueprint("events", __name__)
bp.register_error_handler(BadCursor, bad_cursor)
bp.register_error_handler(HTTPException, http_error)

EVENT_COLUMNS = [
    (name, itemgetter(name))
    for name in ("id", "title", "date", "date_precision", "statements", "participants")
]


@bp.route("/events", defaults={"fmt": "html"})
@bp.route("/events.<any(json, csv):fmt>")
def events(fmt: str):
    """Every event, latest first."""
    page = queries.list_events(get_db(), after=request.args.get("after"), limit=limit_arg())
    more = next_url("events.events", page["next"], fmt=fmt)
    if twin := twin_response(fmt, page, more, EVENT_COLUMNS, "events.csv"):
        return twin
    return render_template("events/list.html", page=page, next_url=more)


def event_context(event_id: int) -> dict:
    """What the event detail page shows; extensions may add to it."""
    db = get_db()
    event = queries.get_event(db, event_id)
    if event is None:
        abort(404, description=f"There is no event {event_id}.")
    statements = queries.event_statements(
        db, event_id, after=request.args.get("after"), limit=limit_arg()
    )
    return {"event": event, "statements": statements}


@bp.route("/events/<rowid:event_id>", defaults={"fmt": "html"})
@bp.route("/events/<rowid:event_id>.<any(json, csv):fmt>")
def event(event_id: int, fmt: str):
    """One event: its participants and the statements linked to it."""
    context = event_context(event_id)
    page = context["statements"]
    more = next_url("events.event", page["next"], event_id=event_id, fmt=fmt)
    twin = twin_response(
        fmt, page, more, statement_columns(), f"event-{event_id}.csv", event=context["event"]
    )
    if twin:
        return twin
    return render_template("events/detail.html", **context, next_url=more, type_labels=TYPE_LABELS)
