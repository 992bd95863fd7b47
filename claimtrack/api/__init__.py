"""The versioned JSON API under /api/v1 (marshmallow schemas, OpenAPI).

Importing the view modules attaches their routes to the blueprint; error
handlers on the blueprint turn every failure into one JSON envelope.
"""

from flask import Blueprint, Flask

from claimtrack.api import articles, events, exports, openapi, sources, statements  # noqa: F401
from claimtrack.api.blueprint import api
from claimtrack.api.errors import register_blueprint_handlers, register_routing_handlers

register_blueprint_handlers(api)


def install(app: Flask) -> None:
    """The error envelope for unknown URLs and wrong methods under /api/ (set on the app:
    routing errors happen before a blueprint is chosen)."""
    register_routing_handlers(app)


def blueprint() -> Blueprint:
    """The /api/v1 blueprint with every route of the API."""
    return api
