"""One JSON error envelope for every failure of the API.

Every error body is `{"ok": false, "error": <message>, "errors": {...}, "status": N}`.
`errors` carries field-level messages (validation) or details such as the id
of an existing record on a conflict; it is `{}` otherwise.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Flask, Response, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError

from claimtrack.present.filters import UnknownSource
from claimtrack.present.render import error_response
from claimtrack.store.cursors import BadCursor

API_PREFIX = "/api/"

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error a view raises to answer with the envelope and `status`."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or {}
        self.headers = headers or {}


def register_blueprint_handlers(blueprint: Blueprint) -> None:
    """Answer every error raised inside an API view with the envelope."""
    blueprint.register_error_handler(ApiError, _handle_api_error)
    blueprint.register_error_handler(ValidationError, _handle_validation_error)
    blueprint.register_error_handler(UnknownSource, handle_unknown_source)
    blueprint.register_error_handler(BadCursor, handle_bad_cursor)
    blueprint.register_error_handler(HTTPException, _handle_http_exception)
    blueprint.register_error_handler(InternalServerError, _handle_server_error)


def register_routing_handlers(app: Flask) -> None:
    """Answer unknown URLs and wrong methods under /api/ with the envelope.

    Routing errors happen before a blueprint is chosen, so they are handled
    on the app, but only for paths under /api/: other paths keep whatever
    handler the web pages registered for them.
    """
    for code in (404, 405):
        previous = app.error_handler_spec.get(None, {}).get(code, {})
        fallback = next(iter(previous.values()), None)
        app.register_error_handler(code, _routing_error_handler(fallback))


def _handle_api_error(error: ApiError) -> Response:
    response = error_response(error.status, error.message, error.errors)
    response.headers.update(error.headers)
    return response


def _handle_validation_error(error: ValidationError) -> Response:
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    return error_response(422, "the request did not validate", messages)


def handle_unknown_source(error: UnknownSource) -> Response:
    """404: a filter names a source that does not exist."""
    return error_response(404, str(error), {error.parameter: [str(error)]})


def handle_bad_cursor(error: BadCursor) -> Response:
    """422: a page token the server did not make for this list (named by the parameter used)."""
    name = next((n for n in ("_next", "next", "after") if request.args.get(n)), "_next")
    return error_response(
        422,
        "the request did not validate",
        {name: [f"{error}; use the `next` or `previous` value of a page of this list"]},
    )


def _handle_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    response = error_response(status, _describe_http_error(error))
    if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def _handle_server_error(error: InternalServerError) -> Response:
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.exception("API request failed: %s %s", request.method, request.path, exc_info=original)
    return error_response(500, "internal server error")


def _describe_http_error(error: HTTPException) -> str:
    if error.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return (
            f"request body too large (the limit is {limit} bytes)"
            if limit
            else "request body too large"
        )
    if error.code == 404:
        return "not found"
    if error.code == 405:
        return f"method {request.method} not allowed here"
    return (error.description or error.name or "error").strip()


def _routing_error_handler(fallback):
    def handle(error: HTTPException):
        if request.path.startswith(API_PREFIX):
            return _handle_http_exception(error)
        if fallback is not None:
            return fallback(error)
        return error

    return handle
