"""Which importer an import made over HTTP (the admin page, POST /api/v1/articles) uses."""

from __future__ import annotations

from flask import current_app

from claimtrack.db import get_db


def http_importer():
    """How an import made over HTTP runs: in the worker process unless configured off."""
    from claimtrack.extraction_worker import LocalImporter, WorkerImporter

    if not current_app.config.get("EXTRACT_IN_WORKER", True):
        return LocalImporter(get_db())
    return WorkerImporter(current_app.config["DATABASE"])
