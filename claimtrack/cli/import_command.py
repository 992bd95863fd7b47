"""`claimtrack import`: bring article files into the database."""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import click

from claimtrack.batch.pool import available_cores
from claimtrack.batch.shards import read_records
from claimtrack.cli.database import open_command_database
from claimtrack.cli.extract_command import jobs_option
from claimtrack.cli.options import database_option
from claimtrack.cli.progress import Progress
from claimtrack.importer import import_paths, import_records, is_pipeline_unavailable
from claimtrack.ingest import ArticleFileScan, scan_article_files

NO_FILES_STATUS = 2


@click.command("import")
@click.option("--publisher", help="Publisher for articles that do not name their own.")
@click.option("--title", help="Title for an article that has none (one file or - only).")
@click.option(
    "--language",
    type=click.Choice(["nl", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of articles that do not state theirs (auto: detect).",
)
@click.option(
    "--kind",
    type=click.Choice(["statement", "report", "auto"]),
    default="auto",
    show_default=True,
    help="statement: the publisher is a party and its unattributed sentences are its own "
    "words (a readout, a press release); report: narration stays narration; auto: a "
    "statement when the publisher is a curated party that publishes statements. For "
    'articles that do not state their own (JSON "kind", a "# kind:" header line).',
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per file.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors (for scripts).")
@jobs_option
@click.option(
    "--from-jsonl",
    is_flag=True,
    help="PATHS are import-record files (claimtrack extract --for-import / --dask): "
    "store them without analysing.",
)
@database_option
@click.argument("paths", nargs=-1, required=True)
def import_cmd(
    publisher: str | None,
    title: str | None,
    language: str,
    kind: str,
    as_json: bool,
    quiet: bool,
    jobs: int,
    from_jsonl: bool,
    db_path: str | None,
    paths: tuple[str, ...],
) -> None:
    """Import article files (.txt, .json, .html), folders (recursively) or - (stdin).

    Each article is analysed and stored in one transaction; content that is
    already stored is reported as a duplicate of the stored article. Bad
    files are reported and skipped. Exit status: 0 when every file was
    imported or already stored, 1 if any file failed, 2 if no article file
    was found.
    """
    if title is not None and (len(paths) != 1 or os.path.isdir(paths[0])):
        raise click.UsageError("--title names one article: give a single file (or -)")
    if "-" in paths and jobs != 1:
        raise click.UsageError("standard input (-) is read with --jobs 1 only")
    scan = _scan_records(paths) if from_jsonl else scan_article_files(paths)
    _report_skipped(scan, as_json, quiet)
    if not scan.files:
        where = ", ".join(paths)
        click.echo(
            f"error: no article files found in {where} "
            "(claimtrack imports .txt, .json and .html files)",
            err=True,
        )
        sys.exit(NO_FILES_STATUS)

    db = open_command_database(db_path)
    progress = Progress(
        None if from_jsonl else len(scan.files),
        unit="article" if from_jsonl else "file",
        quiet=quiet or as_json,
    )
    counts = {"imported": 0, "unchanged": 0, "error": 0}
    statements = 0
    loading_told = False

    def tell_loading(_parsed) -> None:
        nonlocal loading_told
        if not loading_told:
            loading_told = True
            progress.say("loading language models…")

    try:
        if from_jsonl:
            outcomes = import_records(db, read_records(scan.files, sys.stdin.buffer))
        else:
            outcomes = import_paths(
                db,
                scan.files,
                publisher=publisher,
                language=language,
                title=title,
                kind=kind,
                read_stdin=sys.stdin.buffer.read,
                before_analysis=tell_loading,
                jobs=jobs or available_cores(),
            )
        for outcome in outcomes:
            counts[outcome.status] += 1
            if outcome.status == "imported":
                statements += outcome.statements
            if as_json:
                click.echo(json.dumps(outcome.to_json(), ensure_ascii=False))
            elif outcome.error:
                if progress.bar is not None:
                    progress.bar.clear()
                click.echo(outcome.describe(), err=True)
            else:
                progress.say(outcome.describe())
            progress.advance()
    except Exception as exc:
        if is_pipeline_unavailable(exc):
            raise click.ClickException(str(exc)) from exc
        raise
    finally:
        progress.close()
        db.close()
    if not quiet:
        summary = (
            f"imported {counts['imported']}, unchanged {counts['unchanged']}, "
            f"failed {counts['error']}; {statements} statements"
        )
        click.echo(summary, err=as_json)
    if counts["error"]:
        sys.exit(1)


def _report_skipped(scan: ArticleFileScan, as_json: bool, quiet: bool) -> None:
    """Say which folder entries were passed over, one line per reason."""
    if as_json:
        for path, reason in scan.skipped:
            click.echo(json.dumps({"path": path, "status": "skipped", "reason": reason}))
        return
    if quiet or not scan.skipped:
        return
    by_reason: dict[str, list[str]] = defaultdict(list)
    for path, reason in scan.skipped:
        by_reason[reason].append(path)
    for reason, skipped_paths in by_reason.items():
        example = skipped_paths[0] + (
            f" and {len(skipped_paths) - 1} more" if len(skipped_paths) > 1 else ""
        )
        click.echo(f"skipped {example}: {reason}", err=True)


def _scan_records(paths: tuple[str, ...]) -> ArticleFileScan:
    """Record files: the given files, and the .jsonl files inside given folders, sorted."""
    scan = ArticleFileScan()
    for given in paths:
        if given != "-" and os.path.isdir(given):
            scan.files.extend(str(p) for p in sorted(Path(given).rglob("*.jsonl")))
        else:
            scan.files.append(given)
    return scan
