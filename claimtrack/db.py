"""The request's database connection (as in Flask's tutorial, flaskr's db.py).

Views import `get_db` from here, never from the app module, so the app
factory imports the views and nothing imports the factory back.
"""

from __future__ import annotations

import sqlite_utils
from flask import Flask, current_app, g

from claimtrack.store import open_database


def get_db() -> sqlite_utils.Database:
    """Return the request's database connection, opening it on first use."""
    if "db" not in g:
        g.db = open_database(current_app.config["DATABASE"], migrate=False)
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    """Close the request's database connection, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    """Bring the schema up to date once and close each request's connection on teardown."""
    open_database(app.config["DATABASE"]).close()
    app.teardown_appcontext(close_db)
