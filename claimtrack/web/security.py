"""Response security headers, the admin login session and CSRF protection.

Read pages are public. Writes need a session that logged in with the admin
token from configuration (`ADMIN_TOKEN`; None disables writes) and a form
field `csrf_token` matching the one bound to the session.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable

from flask import Flask, abort, current_app, redirect, render_template, request, session, url_for

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
CSRF_FIELD = "csrf_token"


def install(app: Flask) -> None:
    """Add security headers to every response and check CSRF tokens on web form posts."""
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")

    @app.after_request
    def add_security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["is_admin"] = is_admin
    app.jinja_env.globals["writes_enabled"] = writes_enabled


def csrf_token() -> str:
    """The CSRF token bound to this session (created on first use)."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def check_csrf() -> None:
    """Abort with 400 unless the posted form carries this session's CSRF token."""
    expected = session.get(CSRF_FIELD)
    given = request.form.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(expected, given):
        abort(400, description="The form expired or did not come from this site; reload and retry.")


def writes_enabled() -> bool:
    """True when an admin token is configured."""
    return bool(current_app.config.get("ADMIN_TOKEN"))


def is_admin() -> bool:
    """True when this session logged in with the current admin token."""
    return writes_enabled() and session.get("admin") is True


def token_matches(token: str) -> bool:
    """Compare a submitted token with the configured admin token in constant time."""
    configured = current_app.config.get("ADMIN_TOKEN")
    if not configured or not token:
        return False
    return hmac.compare_digest(configured.encode("utf-8"), token.encode("utf-8"))


def log_in() -> None:
    """Mark the session as admin, with a fresh CSRF token."""
    session.clear()
    session["admin"] = True
    session[CSRF_FIELD] = secrets.token_urlsafe(32)


def log_out() -> None:
    """Forget the admin session."""
    session.clear()


def admin_required(view: Callable) -> Callable:
    """Views that write: disabled without a token, login first, CSRF-checked on POST."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not writes_enabled():
            return render_template("writes_disabled.html"), 403
        if not is_admin():
            return redirect(url_for("web.login", next=request.full_path.rstrip("?")))
        if request.method == "POST":
            check_csrf()
        return view(*args, **kwargs)

    return wrapped


def safe_next(target: str | None) -> str:
    """A redirect target that stays on this site ('/' when in doubt)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"
