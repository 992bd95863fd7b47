"""The versioned JSON API under /api/v1 (marshmallow schemas, OpenAPI)."""

from flask import Flask


def register(app: Flask) -> None:
    """Attach the JSON API to `app`."""
