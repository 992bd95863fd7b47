"""The registry of documented JSON routes, from which the OpenAPI document is generated.

Each view declares its operation with `@operation(...)` next to its route,
the API's and the web's .json twins alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marshmallow import Schema


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
    blueprint: str = "api",
    query: type[Schema] | None = None,
    body: type[Schema] | None = None,
    responses: dict[int, type[Schema] | str] | None = None,
    errors: tuple[int, ...] = (),
    write: bool = False,
    media_type: str = "application/json",
) -> Callable:
    """Record the OpenAPI description of the decorated view (keyed by its endpoint name,
    `blueprint.function`).

    `responses` maps success statuses to a response schema (or a plain
    description); `errors` lists the error statuses the view can answer with,
    each documented with the error envelope. Of a web view only its `.json`
    route is documented.
    """

    def decorate(view: Callable) -> Callable:
        OPERATIONS[f"{blueprint}.{view.__name__}"] = Operation(
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
