"""Response security headers, the admin login session and CSRF protection.

Read pages are public. Writes need a session that logged in with the admin
token from configuration (`ADMIN_TOKEN`; None disables writes) and a form
field `csrf_token` matching the one bound to the session. The login itself
is recorded in the database (`store.admin_sessions`): logging out, or a
change of the admin token, ends it for every copy of the cookie.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
import urllib.parse
from collections.abc import Callable

from flask import (
    Flask,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from claimtrack.db import get_db
from claimtrack.store import admin_sessions

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
SESSION_ID_FIELD = "admin_session"


def install(app: Flask) -> None:
    """Add security headers to every response and check CSRF tokens on web form posts."""
    # Flask's defaults hold these keys already (SameSite None), so setdefault would keep them
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if not app.config.get("SESSION_COOKIE_SAMESITE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

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
    """True when this session's login is on record and was made with the current admin token."""
    if not writes_enabled():
        return False
    if "is_admin" not in g:
        session_id = session.get(SESSION_ID_FIELD)
        g.is_admin = isinstance(session_id, str) and admin_sessions.session_is_live(
            get_db(), session_id, _token_fingerprint()
        )
    return g.is_admin


def token_matches(token: str) -> bool:
    """Compare a submitted token with the configured admin token in constant time."""
    configured = current_app.config.get("ADMIN_TOKEN")
    if not configured or not token:
        return False
    return hmac.compare_digest(configured.encode("utf-8"), token.encode("utf-8", "replace"))


def log_in() -> None:
    """Start a recorded admin session, with a fresh CSRF token."""
    session.clear()
    session[SESSION_ID_FIELD] = admin_sessions.start_session(get_db(), _token_fingerprint())
    session[CSRF_FIELD] = secrets.token_urlsafe(32)
    g.is_admin = True


def log_out() -> None:
    """End the admin session on the server and forget the cookie's contents."""
    session_id = session.get(SESSION_ID_FIELD)
    if isinstance(session_id, str):
        admin_sessions.end_session(get_db(), session_id)
    session.clear()
    g.is_admin = False


def _token_fingerprint() -> str:
    """A keyed hash of the configured admin token: equal while the token stays the same."""
    token = str(current_app.config.get("ADMIN_TOKEN") or "")
    return hmac.new(token.encode("utf-8"), b"claimtrack admin session", hashlib.sha256).hexdigest()


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
    """A redirect target that stays on this site: a plain path, else '/'.

    Browsers drop tabs and newlines from addresses and read a backslash as a
    slash, so "/%09/evil.example" (a tab) would leave the site: any whitespace,
    control character or backslash makes the target unsafe.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 or c == "\\" for c in target):
        return "/"
    parts = urllib.parse.urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target
