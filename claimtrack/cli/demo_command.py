"""`claimtrack demo`: import the bundled demo articles, then serve."""

from __future__ import annotations

from importlib import resources

import click

from claimtrack.cli.database import open_command_database, resolve_database_path
from claimtrack.cli.options import database_option
from claimtrack.cli.serve_command import host_option, port_option, serve_app, threads_option
from claimtrack.engine.nlp import PipelineUnavailable
from claimtrack.importer import import_paths
from claimtrack.ingest import find_article_files


def demo_articles_folder() -> str:
    """Folder of the demo articles shipped inside the package."""
    return str(resources.files("claimtrack").joinpath("demo_articles"))


@click.command("demo")
@host_option
@port_option
@threads_option
@database_option
@click.option("--no-serve", is_flag=True, help="Only import the demo articles.")
@click.option(
    "--reset",
    is_flag=True,
    help="Delete the database file first (everything in it), then import the demo afresh.",
)
def demo_cmd(
    host: str, port: int, threads: int, db_path: str | None, no_serve: bool, reset: bool
) -> None:
    """Import the demo articles (a fictional strait closure, told by both sides) and serve."""
    database = resolve_database_path(db_path)
    if reset:
        _delete_database(database)
    db = open_command_database(str(database))
    counts = {"imported": 0, "unchanged": 0, "error": 0}
    try:
        files = list(find_article_files([demo_articles_folder()]))
        click.echo(f"importing {len(files)} demo articles into {database} ...", err=True)
        for outcome in import_paths(db, files):
            counts[outcome.status] += 1
            if outcome.error:
                click.echo(f"error: {outcome.error}", err=True)
    except PipelineUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    click.echo(
        f"demo: imported {counts['imported']}, unchanged {counts['unchanged']}, "
        f"failed {counts['error']}",
        err=True,
    )
    if counts["error"]:
        raise click.ClickException("some demo articles could not be imported")
    if not no_serve:
        serve_app(str(database), host, port, threads)


def _delete_database(database) -> None:
    """Remove the SQLite file and its journal files, saying what was removed."""
    removed = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = database.with_name(database.name + suffix)
        if path.exists():
            path.unlink()
            removed.append(path.name)
    if removed:
        click.echo(f"reset: deleted {database}", err=True)
