"""Extraction on a Dask cluster: import records written as JSON Lines shards.

The client reads the input files and sends their bytes with each task, so
the workers need claimtrack installed but no access to the files; each
task analyses one shard of files and returns its lines, which the client
writes to `shard-NNNNN.jsonl` in the output folder. `claimtrack import
--from-jsonl` then stores the shards without any language model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimtrack.batch.records import error_record, json_line, prepare_import_records
from claimtrack.ingest.files import max_import_bytes

DEFAULT_SHARD_FILES = 50
# Shards sent to the cluster ahead of the ones finished, per worker thread.
AHEAD_PER_THREAD = 2


def shard_name(index: int) -> str:
    """The file name of shard `index` (sorting by name keeps input order)."""
    return f"shard-{index:05d}.jsonl"


def analyse_shard(
    items: Sequence[tuple[str, bytes | None, str | None]],
    publisher: str | None = None,
    language: str | None = None,
) -> list[str]:
    """Runs on a worker: the import record lines of (path, content, read error) items.

    The readable items are analysed together (see prepare_import_records)."""
    readable = [(path, data) for path, data, read_error in items if read_error is None]
    records = iter(prepare_import_records(readable, publisher, language))
    lines = []
    for path, _, read_error in items:
        if read_error is not None:
            record = error_record(path, f"{path}: {read_error}")
        else:
            record = next(records)
            if isinstance(record, Exception):
                raise record
        lines.append(json_line(record))
    return lines


def extract_on_dask(
    client,
    paths: Sequence[str],
    output: str | Path,
    *,
    shard_files: int = DEFAULT_SHARD_FILES,
    publisher: str | None = None,
    language: str | None = None,
    on_shard: Callable[[Path, int], None] | None = None,
) -> list[Path]:
    """Analyse `paths` on the cluster behind `client`; write and return the shard files.

    Shards hold `shard_files` inputs each, in input order. `on_shard(path,
    lines)` is called as each shard is written.
    """
    from distributed import as_completed

    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    groups = [paths[i : i + shard_files] for i in range(0, len(paths), shard_files)]
    threads = max(1, sum(client.nthreads().values()))
    ahead = threads * AHEAD_PER_THREAD
    written: list[Path] = []
    index_of: dict[str, int] = {}
    submitted = _submissions(client, groups, publisher, language, index_of)
    running = as_completed()
    for future in _take(submitted, ahead):
        running.add(future)
    for future in running:
        index, lines = index_of.pop(future.key), future.result()
        path = folder / shard_name(index)
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        written.append(path)
        if on_shard is not None:
            on_shard(path, len(lines))
        for follower in _take(submitted, 1):
            running.add(follower)
    return sorted(written)


def _submissions(client, groups, publisher, language, index_of: dict) -> Iterator:
    for index, group in enumerate(groups):
        future = client.submit(
            analyse_shard,
            [_read(path) for path in group],
            publisher,
            language,
            pure=False,
        )
        index_of[future.key] = index
        yield future


def _take(iterator: Iterator, count: int) -> list:
    taken = []
    for item in iterator:
        taken.append(item)
        if len(taken) == count:
            break
    return taken


def _read(path: str) -> tuple[str, bytes | None, str | None]:
    try:
        with open(path, "rb") as handle:
            # one byte over the limit is enough for the parser to refuse the file
            return path, handle.read(max_import_bytes() + 1), None
    except OSError as exc:
        return path, None, exc.strerror or str(exc)
