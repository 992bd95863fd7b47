"""Server-rendered HTML pages (Jinja templates in the top-level templates/ folder).

Read pages are public; each list page also answers as .json and .csv with
the same filters. Admin pages (source edits, merges, imports) need the admin
token. Every response carries security headers (see `security`).
"""

from __future__ import annotations

import importlib

from flask import Blueprint, Flask

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


def _import_views() -> None:
    for name in VIEW_MODULES + EXTENSION_MODULES:
        importlib.import_module(name)


def install(app: Flask) -> None:
    """Security headers, CSRF checks and display filters of the pages."""
    security.install(app)
    display.install(app)


def pages_blueprint() -> Blueprint:
    """The blueprint of the read and admin pages, with every view module's routes on it."""
    _import_views()
    from claimtrack.web.blueprint import bp

    return bp


def events_blueprint() -> Blueprint:
    """The blueprint of the event pages (list, detail, compare, suggestions, edits)."""
    _import_views()
    from claimtrack.web.events import bp

    return bp


def install_error_pages(app: Flask) -> None:
    """Error pages for unknown URLs and wrong methods, which never reach a blueprint
    (the API keeps these as the fallback for paths outside /api/)."""
    from claimtrack.web.blueprint import http_error

    for code in (404, 405):
        app.register_error_handler(code, http_error)
