"""Pages of the events feature: two accounts of an event side by side, and suggested events.

Routes hang on the events blueprint (`claimtrack.web.events.bp`); this
module is listed in `claimtrack.web.EXTENSION_MODULES`.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from claimtrack.app import get_db
from claimtrack.compare import compare_event
from claimtrack.store.event_suggestions import (
    accept_suggestion,
    list_suggestions,
    reject_suggestion,
)
from claimtrack.store.events import EventNotFound, get_event
from claimtrack.web import security
from claimtrack.web.events import bp
from claimtrack.web.formats import json_response

STATUS_LABELS = {
    "both": "Both say",
    "only_a": "Only {a}",
    "only_b": "Only {b}",
    "conflict": "Conflict",
}
MAX_SIDE_LENGTH = 200


def default_sides(event: dict) -> list[str]:
    """The publishers of the event's articles, most statements first: the natural two sides."""
    publishers: dict[str, int] = {}
    for article in event["articles"]:
        if article["publisher"]:
            publishers[article["publisher"]] = (
                publishers.get(article["publisher"], 0) + article["statements"]
            )
    return sorted(publishers, key=lambda p: -publishers[p])[:2]


@bp.route("/events/<rowid:event_id>/compare", defaults={"fmt": "html"})
@bp.route("/events/<rowid:event_id>/compare.<any(json):fmt>")
def compare(event_id: int, fmt: str):
    """Two sources' accounts of one event in aligned rows (?a=White House&b=Kremlin)."""
    db = get_db()
    event = get_event(db, event_id)
    if event is None:
        abort(404, description=f"There is no event {event_id}.")
    side_a = request.args.get("a", "").strip()
    side_b = request.args.get("b", "").strip()
    if len(side_a) > MAX_SIDE_LENGTH or len(side_b) > MAX_SIDE_LENGTH:
        abort(400, description="A side name is at most 200 characters.")
    comparison = None
    if side_a and side_b:
        try:
            comparison = compare_event(db, event_id, side_a, side_b)
        except EventNotFound:
            abort(404, description=f"There is no event {event_id}.")
    elif fmt == "json":
        abort(400, description="Give both sides: ?a=...&b=...")
    if fmt == "json":
        return json_response(comparison)
    suggested = default_sides(event)
    return render_template(
        "events/compare.html",
        event=event,
        comparison=comparison,
        side_a=side_a or (suggested[0] if suggested else ""),
        side_b=side_b or (suggested[1] if len(suggested) > 1 else ""),
        status_labels=STATUS_LABELS,
    )


@bp.route("/events/suggestions")
def suggestions():
    """Proposed events waiting for a decision."""
    return render_template("events/suggestions.html", suggestions=list_suggestions(get_db()))


@bp.route("/events/suggestions/<rowid:suggestion_id>", methods=["POST"])
@security.admin_required
def decide_suggestion(suggestion_id: int):
    """Accept (creating or extending an event) or reject one suggestion."""
    decision = request.form.get("decision")
    db = get_db()
    try:
        if decision == "accept":
            event_id = accept_suggestion(db, suggestion_id)
            flash("Suggestion accepted.")
            return redirect(url_for("events.event", event_id=event_id))
        if decision == "reject":
            reject_suggestion(db, suggestion_id)
            flash("Suggestion rejected.")
            return redirect(url_for("events.suggestions"))
    except LookupError as exc:
        abort(404, description=str(exc))
    except ValueError as exc:
        abort(409, description=str(exc))
    abort(400, description="decision must be accept or reject")
