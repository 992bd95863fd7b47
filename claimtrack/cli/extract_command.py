"""`claimtrack extract`: the engine's analysis as JSON Lines, no database involved.

Output follows shared/spec/extraction-format.md: one object per input, in
order. For a text file the offsets index into the file's full decoded text
(the contract); `body_offset` says how many characters of header come
before the body, so `start - body_offset` is the body offset that the store
and the API report. `--offsets body` prints body offsets directly.

`--for-import` prints import records instead (see claimtrack.batch.records),
which `claimtrack import --from-jsonl` stores without analysing again;
`--dask ADDRESS --shards FOLDER` computes them on a Dask cluster.
"""

from __future__ import annotations

import sys

import click

from claimtrack.batch.pool import Ready, Work, available_cores, file_size, groups, run_in_order
from claimtrack.batch.records import extract_paths, json_line, prepare_import_records
from claimtrack.cli.progress import Progress
from claimtrack.ingest import scan_article_files

jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for the analysis (0: one per core). Output is the same.",
)


@click.command("extract")
@click.option(
    "--language", type=click.Choice(["auto", "nl", "en"]), default="auto", show_default=True
)
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True
)
@click.option(
    "--offsets",
    type=click.Choice(["file", "body"]),
    default="file",
    show_default=True,
    help="Index into the whole file (the contract) or into the body, as the API does.",
)
@jobs_option
@click.option(
    "--for-import",
    is_flag=True,
    help="Print import records (body, metadata, analysis) for `claimtrack import --from-jsonl`.",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Run on the Dask scheduler at ADDRESS (tcp://host:8786); needs --shards.",
)
@click.option(
    "--shards",
    "shards_folder",
    type=click.Path(file_okay=False),
    help="With --dask: folder for the import-record shards (shard-00000.jsonl, ...).",
)
@click.option(
    "--shard-files",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="With --dask: input files per shard.",
)
@click.argument("paths", nargs=-1, required=True)
def extract_cmd(
    language: str,
    output_format: str,
    offsets: str,
    jobs: int,
    for_import: bool,
    dask_address: str | None,
    shards_folder: str | None,
    shard_files: int,
    paths: tuple[str, ...],
) -> None:
    """Print who-said-what for each FILE, each article file in a FOLDER, or - (stdin).

    One JSON line per file, in order. Text files are read exactly as stored
    (header included); .json and .html files are parsed as `claimtrack
    import` parses them, their offsets index into the `body` the record
    carries. The exit status is 1 if any file failed, 2 if no file was found.
    """
    from claimtrack.engine.nlp import PipelineUnavailable

    if bool(dask_address) != bool(shards_folder):
        raise click.UsageError("--dask and --shards go together")
    scan = scan_article_files(paths)
    if not scan.files:
        click.echo(
            f"error: no article files found in {', '.join(paths)} "
            "(claimtrack reads .txt, .json and .html files)",
            err=True,
        )
        sys.exit(2)
    if dask_address:
        _extract_on_dask(dask_address, scan.files, shards_folder, shard_files, language)
        return
    if "-" in scan.files and jobs != 1:
        raise click.UsageError("standard input (-) is read with --jobs 1 only")
    jobs = jobs or available_cores()
    stdin = sys.stdin.buffer
    failed = 0
    try:
        for record in _records(scan.files, jobs, for_import, language, offsets, stdin):
            if isinstance(record, Exception):
                raise record
            if record.get("error"):
                failed += 1
                click.echo(f"error: {record['path']}: {record['error']}", err=True)
            for warning in record.get("warnings", ()):
                click.echo(f"warning: {record['path']}: {warning}", err=True)
            click.echo(json_line(record))
            sys.stdout.flush()
    except PipelineUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    if failed:
        sys.exit(1)


def _records(files, jobs, for_import, language, offsets, stdin):
    """The record of each file (or the exception raised for it), in order.

    Files are analysed in groups (batch.pool.groups) so that the sentences of short
    articles share the pipeline's batches; standard input (--jobs 1 only) on its own.
    """

    def analysed(group: list[str]) -> Work:
        if for_import:
            return Work(prepare_import_records, ([(p, None) for p in group], None, language))
        return Work(extract_paths, (group, language, offsets))

    def tasks():
        run: list[str] = []
        for path in files:
            if path != "-":
                run.append(path)
                continue
            yield from (analysed(group) for group in groups(run, file_size, jobs))
            run = []
            if for_import:
                yield Ready(prepare_import_records([("-", stdin.read())], None, language))
            else:
                yield Ready(extract_paths(["-"], language, offsets, stdin))
        yield from (analysed(group) for group in groups(run, file_size, jobs))

    for records in run_in_order(tasks(), jobs):
        yield from records


def _extract_on_dask(
    address: str, files: list[str], folder: str, shard_files: int, language: str
) -> None:
    try:
        from distributed import Client
    except ImportError:
        raise click.ClickException(
            "--dask needs Dask: pip install 'claimtrack[dask]' (here and on the workers)"
        ) from None
    from claimtrack.batch.dask_jobs import extract_on_dask

    shard_count = -(-len(files) // shard_files)
    progress = Progress(shard_count, unit="shard")

    def on_shard(path, lines) -> None:
        progress.advance()

    try:
        with Client(address) as client:
            written = extract_on_dask(
                client,
                files,
                folder,
                shard_files=shard_files,
                language=language,
                on_shard=on_shard,
            )
    except OSError as exc:
        raise click.ClickException(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    finally:
        progress.close()
    click.echo(f"wrote {len(written)} shards of import records to {folder}", err=True)
