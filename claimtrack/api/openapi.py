"""The OpenAPI 3 document, generated with apispec from the API's marshmallow schemas."""

from __future__ import annotations

import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask, current_app
from werkzeug.routing import Rule

from claimtrack.api.blueprint import OPERATIONS, Operation, api
from claimtrack.present.schemas import ErrorSchema
from claimtrack.request_checks import MAX_ROW_ID, RowIdConverter
from claimtrack.schema_patterns import restrict

OPENAPI_VERSION = "3.0.3"
_EXTENSION_KEY = "claimtrack_openapi"
_RULE_ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
ERROR_DESCRIPTIONS = {
    400: "The body is not JSON or not a JSON object",
    401: "Missing or wrong admin token",
    403: "Writes are disabled (no admin token configured)",
    404: "No such resource",
    409: "Conflict with stored data",
    413: "Request body too large",
    415: "The body is not sent as application/json",
    422: "The input did not validate; `errors` holds the messages per field",
    429: "Too many failed admin token attempts from this address; see Retry-After",
    503: "The analysis engine (spaCy pipelines) is not available",
}


def build_openapi(app: Flask) -> dict[str, Any]:
    """The OpenAPI document of every documented API route of `app`."""
    spec = APISpec(
        title="claimtrack API",
        version="1",
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={
            "description": "Statements, their sources and attributions, and events, "
            "from Dutch and English news. Reads are open; writes need "
            "`Authorization: Bearer <token>`. Every list (the API's and the web pages' "
            ".json twins) takes `_sort`/`_sort_desc`, `_size` and `_next` (a page token; "
            "follow `next_url` or `previous_url`), says its `total` (a lower bound when "
            "`total_exact` is false) and counts `_facet`s. A web page's .json twin gives "
            "the same objects as the API route for the same statement, source or event."
        },
    )
    spec.components.schema("Error", schema=ErrorSchema)
    spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    paths: dict[str, dict[str, Any]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        described = OPERATIONS.get(rule.endpoint)
        if described is None or not _json_route(rule):
            continue
        operations = paths.setdefault(_openapi_path(rule), {})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            operations[method.lower()] = _operation(rule, described)
    for path, operations in paths.items():
        spec.path(path=path, operations=operations)
    return restrict(spec.to_dict())


def openapi_document() -> dict[str, Any]:
    """The current app's document, built on first use and kept for the app's lifetime."""
    app = current_app._get_current_object()
    if _EXTENSION_KEY not in app.extensions:
        app.extensions[_EXTENSION_KEY] = build_openapi(app)
    return app.extensions[_EXTENSION_KEY]


def _json_route(rule: Rule) -> bool:
    """An API route, or a web page's .json twin (its HTML and CSV routes are not JSON)."""
    return rule.endpoint.startswith(f"{api.name}.") or rule.rule.endswith(".json")


def _path_parameter(rule: Rule, name: str) -> dict[str, Any]:
    converter = rule._converters.get(name)
    if isinstance(converter, RowIdConverter):
        schema = {"type": "integer", "minimum": 1, "maximum": MAX_ROW_ID}
    else:
        schema = {"type": "string", "minLength": 1, "pattern": "^[^/\\u0000-\\u001f]+$"}
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _openapi_path(rule: Rule) -> str:
    return _RULE_ARGUMENT.sub(r"{\1}", rule.rule)


def _operation(rule: Rule, described: Operation) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = [
        _path_parameter(rule, name) for name in sorted(rule._converters)
    ]
    if described.query is not None:
        parameters.append({"in": "query", "schema": described.query})
    result: dict[str, Any] = {
        "summary": described.summary,
        "tags": [described.tag],
        "operationId": rule.endpoint.replace(".", "_")
        if not rule.endpoint.startswith(f"{api.name}.")
        else rule.endpoint.split(".", 1)[1],
        "parameters": parameters,
        "responses": _responses(described),
    }
    if described.body is not None:
        result["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": described.body}},
        }
    if described.write:
        result["security"] = [{"bearerAuth": []}]
    return result


def _responses(described: Operation) -> dict[Any, Any]:
    responses: dict[Any, Any] = {}
    for status, schema in described.responses.items():
        if isinstance(schema, str):
            content = {described.media_type: {"schema": {"type": "string"}}}
            responses[str(status)] = {"description": schema, "content": content}
        else:
            content = {described.media_type: {"schema": schema}}
            responses[str(status)] = {"description": "Success", "content": content}
    errors = set(described.errors) | ({401, 403} if described.write else set())
    for status in sorted(errors):
        responses[str(status)] = _error_response(ERROR_DESCRIPTIONS[status])
    responses["default"] = _error_response("Any other error, in the same envelope")
    return responses


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": "Error"}}}


@api.get("/openapi.json")
def openapi_json():
    """The OpenAPI 3 document of this API."""
    return openapi_document()
