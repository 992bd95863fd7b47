"""The blueprint every read and admin page of the web UI hangs on."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from claimtrack.request_checks import MAX_ROW_ID, parse_row_id
from claimtrack.store.cursors import BadCursor
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.store.queries import ClaimFilters
from claimtrack.web.formats import json_response

bp = Blueprint("web", __name__)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@bp.errorhandler(BadCursor)
def bad_cursor(error: BadCursor):
    """A tampered or stale `after` token is the client's mistake, not a crash."""
    return error_page(400, str(error))


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    """Errors as a page (or a JSON envelope for .json URLs)."""
    if error.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
        return error_page(
            413,
            f"The upload is larger than the limit of {limit // (1024 * 1024)} MB; nothing was stored.",
        )
    return error_page(error.code or 500, error.description or error.name)


def error_page(status: int, message: str):
    """Render an error for the format the URL asked for."""
    if request.path.endswith(".json"):
        return json_response({"error": message, "status": status}, status)
    return render_template("error.html", status=status, message=message), status


def int_arg(name: str) -> int | None:
    """An optional integer query parameter; 400 when it is not a number."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    number = parse_row_id(value)
    if number is None:
        abort(400, description=f"'{name}' must be a whole number from 1 to {MAX_ROW_ID}")
    return number


def limit_arg() -> int | None:
    """The optional page size (`limit`)."""
    return int_arg("limit")


def claim_filters() -> ClaimFilters:
    """Claim-list filters from the query string, validated."""
    filters = {}
    for name, field in (("from", "date_from"), ("to", "date_to")):
        value = request.args.get(name, "").strip()
        if value:
            if not _DATE.match(value):
                abort(400, description=f"'{name}' must be a date like 2021, 2021-04 or 2021-04-13")
            filters[field] = value
    claim_type = request.args.get("type", "").strip()
    if claim_type:
        if claim_type not in ATTRIBUTION_TYPES:
            abort(400, description=f"'type' must be one of {', '.join(ATTRIBUTION_TYPES)}")
        filters["type"] = claim_type
    return ClaimFilters(article_id=int_arg("article"), event_id=int_arg("event"), **filters)
