"""Server-rendered HTML pages (Jinja templates in the top-level templates/ folder).

Read pages are public; each list page also answers as .json and .csv with
the same filters. Admin pages (source edits, merges, imports) need the admin
token. Every response carries security headers (see `security`).
"""

from __future__ import annotations

import importlib

from flask import Flask

from claimtrack.web import display, security

# Modules whose import adds routes to the web or events blueprints. The events
# feature appends its own module here (for /events/<id>/compare and suggestions).
VIEW_MODULES = [
    "claimtrack.web.pages",
    "claimtrack.web.sources",
    "claimtrack.web.search",
    "claimtrack.web.admin",
    "claimtrack.web.events",
]
EXTENSION_MODULES: list[str] = [
    "claimtrack.web.compare_views",
    "claimtrack.web.event_edit_views",
]


def register(app: Flask) -> None:
    """Attach the web pages, security headers and CSRF checks to `app`."""
    for name in VIEW_MODULES + EXTENSION_MODULES:
        importlib.import_module(name)
    from claimtrack.web.blueprint import bp as web_bp
    from claimtrack.web.blueprint import http_error
    from claimtrack.web.events import bp as events_bp

    security.install(app)
    display.install(app)
    app.register_blueprint(web_bp)
    app.register_blueprint(events_bp)
    # Unknown URLs never reach a blueprint, so their pages are set on the app
    # (the API keeps these as the fallback for paths outside /api/).
    for code in (404, 405):
        app.register_error_handler(code, http_error)
