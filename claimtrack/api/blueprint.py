"""The API blueprint; its views declare their OpenAPI operations with `operation`.

The registry lives in `claimtrack.present.operations`, shared with the web's
.json twins, so the OpenAPI document describes every JSON route.
"""

from __future__ import annotations

from flask import Blueprint

from claimtrack.present.operations import OPERATIONS, Operation, operation

API_VERSION_PREFIX = "/api/v1"

api = Blueprint("api", __name__, url_prefix=API_VERSION_PREFIX)

__all__ = ["API_VERSION_PREFIX", "OPERATIONS", "Operation", "api", "operation"]
