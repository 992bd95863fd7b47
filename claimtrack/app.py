"""The Flask application factory."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from claimtrack import db, login_limits, request_checks
from claimtrack.store import default_database_path


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

    db.init_app(app)
    request_checks.install(app)
    login_limits.install(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    """Every blueprint, registered here by name (the web pages first: the API's routing-error
    handlers fall back to the pages' handlers outside /api/)."""
    # imported here so the engine and CLI never import Flask views they do not use
    from claimtrack import api, web

    web.install(app)
    app.register_blueprint(web.pages_blueprint())
    app.register_blueprint(web.events_blueprint())
    web.install_error_pages(app)
    api.install(app)
    app.register_blueprint(api.blueprint())


# kept for code that imported them from here before claimtrack.db existed
get_db = db.get_db
close_db = db.close_db
