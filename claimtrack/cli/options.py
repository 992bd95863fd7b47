"""Options shared by several commands."""

from __future__ import annotations

import click

database_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    envvar="CLAIMTRACK_DATABASE",
    default=None,
    help="SQLite database file (default: $CLAIMTRACK_DATABASE or instance/claimtrack.db).",
)
