"""`claimtrack import`: bring article files into the database."""

from __future__ import annotations

import json
import sys

import click
from tqdm import tqdm

from claimtrack.cli.database import open_command_database
from claimtrack.cli.options import database_option
from claimtrack.engine.nlp import PipelineUnavailable
from claimtrack.importer import import_paths
from claimtrack.ingest import find_article_files

PROGRESS_BAR_MIN_FILES = 5


@click.command("import")
@click.option("--publisher", help="Publisher for articles that do not name their own.")
@click.option(
    "--language",
    type=click.Choice(["nl", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of articles that do not state theirs (auto: detect).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per file.")
@database_option
@click.argument("paths", nargs=-1, required=True)
def import_cmd(
    publisher: str | None, language: str, as_json: bool, db_path: str | None, paths: tuple[str, ...]
) -> None:
    """Import article files (.txt, .json, .html), folders (recursively) or - (stdin).

    Each article is analysed and stored in one transaction; content that is
    already stored is reported as unchanged. Bad files are reported and
    skipped; the exit status is 1 if any file failed.
    """
    files = list(find_article_files(paths))
    db = open_command_database(db_path)
    stdin = sys.stdin.buffer
    counts = {"imported": 0, "unchanged": 0, "error": 0}
    statements = 0
    progress = tqdm(
        total=len(files),
        unit="file",
        file=sys.stderr,
        disable=True if len(files) < PROGRESS_BAR_MIN_FILES else None,
    )
    try:
        outcomes = import_paths(
            db, files, publisher=publisher, language=language, read_stdin=stdin.read
        )
        for outcome in outcomes:
            progress.update(1)
            counts[outcome.status] += 1
            if outcome.status == "imported":
                statements += outcome.statements
            if as_json:
                click.echo(json.dumps(outcome.to_json(), ensure_ascii=False))
            elif outcome.error:
                progress.clear()
                click.echo(f"error: {outcome.error}", err=True)
    except PipelineUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
        db.close()
    summary = (
        f"imported {counts['imported']}, unchanged {counts['unchanged']}, "
        f"failed {counts['error']}; {statements} statements"
    )
    click.echo(summary, err=as_json)
    if counts["error"]:
        sys.exit(1)
