"""Reading request bodies and query strings through marshmallow schemas."""

from __future__ import annotations

import json
from typing import Any

from flask import request
from marshmallow import Schema

from claimtrack.api.errors import ApiError
from claimtrack.ingest.text_hygiene import unencodable_reason

MAX_JSON_DEPTH = 20


JSON_MEDIA_TYPES = ("application/json",)


def load_json_body(schema: Schema) -> dict[str, Any]:
    """The request body parsed as a JSON object and loaded by `schema`.

    415 when the body is not declared as JSON; 400 when it is missing, is not
    JSON, is nested too deeply, holds a lone surrogate or is not an object;
    413 when it is larger than MAX_CONTENT_LENGTH (raised by Werkzeug while
    reading); 422 when a string holds a NUL character or the object does not
    validate (marshmallow ValidationError).
    """
    media_type = request.mimetype
    if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
        raise ApiError(
            415,
            f"the request body must be JSON, sent with 'Content-Type: application/json'"
            f" (not {media_type or 'no Content-Type'!r})",
        )
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise ApiError(400, "the request needs a JSON object as its body")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the request body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ApiError(400, "the request body is nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(400, f"the request body must be a JSON object, not {_json_type(data)}")
    _refuse_non_text(data)
    return schema.load(data)


def _refuse_non_text(data: dict[str, Any]) -> None:
    """400 for a lone surrogate anywhere in the object, 422 for a NUL in a string field."""
    nul_fields = {}
    stack: list[tuple[str, Any, int]] = [(key, value, 1) for key, value in data.items()]
    while stack:
        field, value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise ApiError(400, f"the request body is nested more than {MAX_JSON_DEPTH} deep")
        if isinstance(value, dict):
            stack.extend((field, v, depth + 1) for v in value.values())
            stack.extend((field, k, depth + 1) for k in value)
        elif isinstance(value, list):
            stack.extend((field, v, depth + 1) for v in value)
        elif isinstance(value, str):
            reason = unencodable_reason(value)
            if reason:
                raise ApiError(400, f"the value of {field!r} {reason}")
            if "\x00" in value:
                nul_fields[field] = ["contains a NUL character (\\u0000), which is not text"]
    for key in data:
        reason = unencodable_reason(key)
        if reason:
            raise ApiError(400, f"a key of the object {reason}")
    if nul_fields:
        raise ApiError(422, "the request did not validate", nul_fields)


def load_query(schema: Schema) -> dict[str, Any]:
    """The query string loaded by `schema` (unknown parameters are a 422).

    A parameter given twice is refused rather than silently picking one.
    """
    repeated = [name for name, values in request.args.lists() if len(values) > 1]
    if repeated:
        raise ApiError(
            422,
            "the request did not validate",
            {name: ["give this parameter once"] for name in repeated},
        )
    return schema.load(request.args.to_dict(flat=True))


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"
