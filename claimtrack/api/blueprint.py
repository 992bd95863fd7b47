"""The API blueprint and the registry of documented operations.

Each view declares its OpenAPI operation with `@operation(...)` next to its
route; `claimtrack.api.openapi` turns the registry into the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Blueprint
from marshmallow import Schema

API_VERSION_PREFIX = "/api/v1"

api = Blueprint("api", __name__, url_prefix=API_VERSION_PREFIX)


@dataclass
class Operation:
    """What the OpenAPI document says about one view."""

    summary: str
    tag: str
    query: type[Schema] | None = None
    body: type[Schema] | None = None
    responses: dict[int, type[Schema] | str] = field(default_factory=dict)
    errors: tuple[int, ...] = ()
    write: bool = False
    media_type: str = "application/json"


OPERATIONS: dict[str, Operation] = {}


def operation(
    summary: str,
    *,
    tag: str,
    query: type[Schema] | None = None,
    body: type[Schema] | None = None,
    responses: dict[int, type[Schema] | str] | None = None,
    errors: tuple[int, ...] = (),
    write: bool = False,
    media_type: str = "application/json",
) -> Callable:
    """Record the OpenAPI description of the decorated view (keyed by its endpoint name).

    `responses` maps success statuses to a response schema (or a plain
    description); `errors` lists the error statuses the view can answer with,
    each documented with the error envelope.
    """

    def decorate(view: Callable) -> Callable:
        OPERATIONS[f"{api.name}.{view.__name__}"] = Operation(
            summary=summary,
            tag=tag,
            query=query,
            body=body,
            responses=responses or {},
            errors=errors,
            write=write,
            media_type=media_type,
        )
        return view

    return decorate
