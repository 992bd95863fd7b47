"""Rate limits on guessing the admin token, on the web login and the API alike.

Only failed attempts count (a 401 answer), per client address, in one shared
budget: a few per minute, more per hour and per day, so that a client that
keeps guessing waits longer and longer. Past the budget every attempt, right
or wrong, gets 429 with a Retry-After header until the window has passed.
Flask-Limiter does the counting (in memory, per server process).
"""

from __future__ import annotations

from flask import Flask, Response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

FAILED_ATTEMPT_LIMITS = "10 per minute;30 per hour;100 per day"
LIMIT_MESSAGE = "too many failed admin token attempts from this address; wait and try again"

limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", headers_enabled=True)


def _failed(response: Response) -> bool:
    return response.status_code == 401


def limit_token_guessing(view):
    """Decorate a view that checks the admin token: its failed attempts share one budget."""
    return limiter.limit(
        FAILED_ATTEMPT_LIMITS,
        scope="admin-token",
        deduct_when=_failed,
        error_message=LIMIT_MESSAGE,
        methods=["POST", "PUT", "PATCH", "DELETE"],
    )(view)


def install(app: Flask) -> None:
    """Attach the limiter to `app` (a fresh count for every app)."""
    limiter.init_app(app)
