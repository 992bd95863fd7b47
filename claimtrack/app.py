"""The Flask application factory."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, g

from claimtrack import login_limits, request_checks
from claimtrack.store import default_database_path, open_database


def create_app(test_config: dict | None = None) -> Flask:
    """Build the claimtrack web app.

    Configuration comes from defaults, then `instance/config.py` if present,
    then environment variables (CLAIMTRACK_DATABASE, CLAIMTRACK_ADMIN_TOKEN,
    CLAIMTRACK_SECRET_KEY, CLAIMTRACK_MAX_UPLOAD_BYTES, CLAIMTRACK_EXTRACT_IN_WORKER),
    then `test_config`.
    """
    # claimtrack/templates is a link to the top-level templates/ folder, so the
    # pages render from a clone and from an installed wheel alike.
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        DATABASE=str(default_database_path(app.instance_path)),
        ADMIN_TOKEN=os.environ.get("CLAIMTRACK_ADMIN_TOKEN") or None,
        SECRET_KEY=os.environ.get("CLAIMTRACK_SECRET_KEY") or os.urandom(32).hex(),
        # analyse imports made over HTTP in a worker process (claimtrack.extraction_worker)
        EXTRACT_IN_WORKER=os.environ.get("CLAIMTRACK_EXTRACT_IN_WORKER", "1") != "0",
        MAX_CONTENT_LENGTH=int(
            os.environ.get("CLAIMTRACK_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024))
        ),
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    # The schema is brought up to date once at start, not on every request.
    open_database(app.config["DATABASE"]).close()

    app.teardown_appcontext(close_db)
    request_checks.install(app)
    login_limits.install(app)
    _register_blueprints(app)
    return app


def get_db():
    """Return the request's database connection, opening it on first use."""
    from flask import current_app

    if "db" not in g:
        g.db = open_database(current_app.config["DATABASE"], migrate=False)
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    """Close the request's database connection, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def _register_blueprints(app: Flask) -> None:
    # Each feature registers itself here; imports are local so the engine and
    # CLI never import Flask views they do not use.
    from claimtrack.api import register as register_api
    from claimtrack.web import register as register_web

    register_web(app)
    register_api(app)


def http_importer():
    """How an import made over HTTP runs: in the worker process unless configured off."""
    from flask import current_app

    from claimtrack.extraction_worker import LocalImporter, WorkerImporter

    if not current_app.config.get("EXTRACT_IN_WORKER", True):
        return LocalImporter(get_db())
    return WorkerImporter(current_app.config["DATABASE"])
