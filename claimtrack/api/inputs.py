"""Reading request bodies and query strings through marshmallow schemas."""

from __future__ import annotations

import json
from typing import Any

from flask import request
from marshmallow import Schema

from claimtrack.api.errors import ApiError


def load_json_body(schema: Schema) -> dict[str, Any]:
    """The request body parsed as a JSON object and loaded by `schema`.

    400 when the body is missing, is not JSON or is not an object; 413 when
    it is larger than MAX_CONTENT_LENGTH (raised by Werkzeug while reading);
    422 (marshmallow ValidationError) when the object does not validate.
    """
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise ApiError(400, "the request needs a JSON object as its body")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the request body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, f"the request body must be a JSON object, not {_json_type(data)}")
    return schema.load(data)


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
