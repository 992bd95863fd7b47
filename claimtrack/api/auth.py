"""Bearer-token check for the API's write endpoints; reads stay open."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import TypeVar

from flask import current_app, request

from claimtrack.api.errors import ApiError
from claimtrack.login_limits import limit_token_guessing

View = TypeVar("View", bound=Callable)
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="claimtrack"'}


def require_admin(view: View) -> View:
    """Let the view run only for `Authorization: Bearer <ADMIN_TOKEN>`.

    No token configured means writes are switched off (403); a missing or
    wrong token is 401, and too many of those from one address are 429
    (`claimtrack.login_limits`). The check runs before the body is read.
    """

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        check_admin_token()
        return view(*args, **kwargs)

    return limit_token_guessing(guarded)  # type: ignore[return-value]


def check_admin_token() -> None:
    """Raise ApiError (401/403) unless the request carries the admin token."""
    configured = current_app.config.get("ADMIN_TOKEN")
    if not configured:
        raise ApiError(
            403,
            "writes are disabled: no admin token is configured "
            "(set CLAIMTRACK_ADMIN_TOKEN to enable them)",
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401, "authentication required: send 'Authorization: Bearer <token>'", headers=CHALLENGE
        )
    if not hmac.compare_digest(given.strip().encode(), str(configured).encode()):
        raise ApiError(401, "invalid admin token", headers=CHALLENGE)
