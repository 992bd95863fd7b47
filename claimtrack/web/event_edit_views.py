"""Admin pages that write events: create one, add or remove its articles.

Routes hang on the events blueprint; this module is listed in
`claimtrack.web.EXTENSION_MODULES`. Every write needs the admin session and
the CSRF token (`security.admin_required`).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from claimtrack.db import get_db
from claimtrack.request_checks import parse_row_id
from claimtrack.store.events import (
    EventNotFound,
    add_articles,
    create_event,
    remove_articles,
)
from claimtrack.web import security
from claimtrack.web.events import bp

MAX_TITLE_LENGTH = 300
MAX_DESCRIPTION_LENGTH = 5000


def parse_ids(text: str) -> list[int]:
    """Article ids typed as "3, 5 8" -> [3, 5, 8]; ValueError for anything else."""
    ids = [parse_row_id(part) for part in text.replace(",", " ").split()]
    if None in ids:
        raise ValueError("article ids must be whole numbers separated by commas or spaces")
    return ids


@bp.route("/events/new", methods=["GET", "POST"])
@security.admin_required
def new_event():
    """A form to create an event from a title, a date and article ids."""
    error = None
    form = request.form
    if request.method == "POST":
        title = form.get("title", "").strip()
        description = form.get("description", "").strip() or None
        try:
            if len(title) > MAX_TITLE_LENGTH or len(description or "") > MAX_DESCRIPTION_LENGTH:
                raise ValueError("the title or description is too long")
            event_id = create_event(
                get_db(),
                title,
                form.get("date", "").strip() or None,
                description,
                article_ids=parse_ids(form.get("articles", "")),
            )
        except (ValueError, LookupError) as exc:
            error = str(exc)
        else:
            flash("Event created.")
            return redirect(url_for("events.event", event_id=event_id))
    status = 422 if error else 200
    return render_template("events/new.html", error=error, form=form), status


@bp.route("/events/<rowid:event_id>/articles", methods=["POST"])
@security.admin_required
def edit_event_articles(event_id: int):
    """Add or remove articles (all their statements) of an event."""
    action = request.form.get("action")
    if action not in ("add", "remove"):
        abort(400, description="action must be add or remove")
    try:
        ids = parse_ids(request.form.get("articles", ""))
        change = add_articles if action == "add" else remove_articles
        changed = change(get_db(), event_id, ids)
    except EventNotFound:
        abort(404, description=f"There is no event {event_id}.")
    except (ValueError, LookupError) as exc:
        flash(f"Nothing changed: {exc}")
    else:
        verb = "added to" if action == "add" else "removed from"
        flash(f"{changed} statements {verb} the event.")
    return redirect(url_for("events.event", event_id=event_id))
