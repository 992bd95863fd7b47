"""Shared fixtures: a fresh app on a temporary database, its clients, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.app import create_app
from claimtrack.store import open_database

# the browser tests' fixtures (browser, page) live in tests/browser_support.py
pytest_plugins = ["browser_support"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path) -> Path:
    """Path of an empty database file for one test."""
    return tmp_path / "claimtrack.db"


@pytest.fixture
def db(db_path):
    """An open, migrated sqlite-utils Database on a fresh file."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def app(db_path):
    """A claimtrack app on a fresh database, with writes enabled by a known token."""
    return create_app(
        {"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": "test-token", "SECRET_KEY": "t"}
    )


@pytest.fixture
def client(app):
    """Flask test client of `app`."""
    return app.test_client()


@pytest.fixture
def cli_runner(monkeypatch, db_path):
    """Run `claimtrack ...` commands in-process against the test database."""
    from claimtrack.cli import main

    monkeypatch.setenv("CLAIMTRACK_DATABASE", str(db_path))
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
