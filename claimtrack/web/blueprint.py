"""The blueprint every read and admin page of the web UI hangs on, and its error answers.

A page's .json twin answers errors with the API's envelope and statuses
(422 for a parameter that does not validate or a page token that does not
fit, 404 for a filter naming no source); the HTML page with the error page
(400 for a bad parameter).
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from claimtrack.present.filters import UnknownSource
from claimtrack.present.params import load_args
from claimtrack.present.render import error_body, json_response
from claimtrack.store.cursors import BadCursor

bp = Blueprint("web", __name__)


def wants_json() -> bool:
    """Whether the request is for a .json twin."""
    return request.path.endswith(".json")


def load_page_args(schema, fmt: str) -> dict:
    """The page's query parameters: strict for the .json/.csv twins, unknown ones ignored for
    the HTML page."""
    return load_args(schema, strict=fmt != "html")


@bp.errorhandler(BadCursor)
def bad_cursor(error: BadCursor):
    """A tampered or stale page token is the client's mistake, not a crash."""
    if wants_json():
        name = next((n for n in ("_next", "next", "after") if request.args.get(n)), "_next")
        return error_page(422, "the request did not validate", {name: [str(error)]})
    return error_page(400, str(error))


@bp.errorhandler(ValidationError)
def invalid_parameters(error: ValidationError):
    """A query parameter that does not validate: 422 with the messages per parameter (JSON),
    400 with them on the error page (HTML)."""
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    if wants_json() or request.path.endswith(".csv"):
        return error_page(422, "the request did not validate", messages)
    described = "; ".join(
        f"'{name}': {' '.join(str(m) for m in found) if isinstance(found, list) else found}"
        for name, found in messages.items()
    )
    return error_page(400, f"The query did not validate: {described}")


@bp.errorhandler(UnknownSource)
def unknown_source(error: UnknownSource):
    """A filter naming a source that does not exist is a 404, not an empty list."""
    return error_page(404, str(error), {error.parameter: [str(error)]})


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


def error_page(status: int, message: str, errors: dict | None = None):
    """Render an error for the format the URL asked for (the API's envelope for JSON)."""
    if wants_json():
        return json_response(error_body(status, message, errors), status)
    return render_template("error.html", status=status, message=message), status
