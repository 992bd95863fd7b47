"""Server-rendered HTML pages (Jinja templates in the top-level templates/ folder)."""

from flask import Flask


def register(app: Flask) -> None:
    """Attach the web pages to `app`."""
