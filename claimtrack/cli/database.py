"""Opening the database a command was pointed at."""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

from claimtrack.store import default_database_path, open_database


def resolve_database_path(db_path: str | None) -> Path:
    """--db if given, else $CLAIMTRACK_DATABASE, else instance/claimtrack.db."""
    return Path(db_path) if db_path else default_database_path()


def open_command_database(db_path: str | None) -> sqlite_utils.Database:
    """Open (and migrate) the command's database, turning failures into a click error."""
    path = resolve_database_path(db_path)
    try:
        return open_database(path)
    except Exception as exc:
        raise click.ClickException(f"cannot open database {path}: {exc}") from exc
