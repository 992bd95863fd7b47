"""Extraction on a Dask cluster: import records written as JSON Lines shards.

The client reads the input files and sends their bytes with each task, so
the workers need claimtrack installed but no access to the files; each
task analyses a group of files (about 32 KB, smaller toward the end of the
input, as `--jobs` does) and returns its lines, which the client writes,
in input order, to `shard-NNNNN.jsonl` files of `--shard-files` inputs
each in the output folder. `claimtrack import --from-jsonl` then stores
the shards without any language model.

A worker loads the language models on its first task and keeps them; start
long-lived workers with `--preload claimtrack.batch.dask_worker` to load
them when the worker starts instead.

While a job runs, the workers' statistical profilers are paused (and
restarted after it): every 10 ms a worker's profiler walks the running task's
stack, and the parser's stack is deep enough for that, with the GIL handed
back and forth, to cost a worker about a quarter of its time. A worker's first
task also raises the allocator thresholds Dask's nanny fixed
(claimtrack.batch.allocator).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimtrack.batch.allocator import tune_allocator
from claimtrack.batch.pool import file_size, groups
from claimtrack.batch.records import error_record, json_line, prepare_import_records
from claimtrack.ingest.files import max_import_bytes

DEFAULT_SHARD_FILES = 50
# Tasks sent to the cluster ahead of the ones finished, per worker thread.
AHEAD_PER_THREAD = 2
# Analysed inputs held back for their shard file (beyond one file's worth) before no
# more tasks are handed out.
MOST_WAITING_INPUTS = 1000
# the periodic callbacks of a dask Worker that sample and collect its profile
PROFILER_CALLBACKS = ("profile", "profile-cycle")


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
    tune_allocator()
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

    Shard files hold `shard_files` inputs each, in input order. The work is
    cut finer than the files: tasks of about GROUP_BYTES of input, smaller
    toward the end (claimtrack.batch.pool.Grouping, as for --jobs), handed out a few per
    worker thread at a time, so every worker stays busy until the input runs
    out whatever the files' sizes. A shard file is written as soon as all its
    inputs are analysed; `on_shard(path, lines)` is called for each.
    """
    from distributed import as_completed

    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    threads = max(1, sum(client.nthreads().values()))
    tasks = groups(range(len(paths)), lambda i: file_size(paths[i]), threads)
    shards = _ShardWriter(folder, len(paths), max(1, shard_files), on_shard)
    submitted = _submissions(client, paths, tasks, publisher, language)
    first_of: dict[str, int] = {}
    running = as_completed()
    window = threads * AHEAD_PER_THREAD
    # results finished out of order wait in memory for their shard file: while many wait
    # (a slow task holds the file back), no more work is handed out
    most_waiting = shards.shard_files + MOST_WAITING_INPUTS

    def hand_out() -> None:
        while running.count() < window and (
            shards.waiting_lines() <= most_waiting or not running.count()
        ):
            taken = _take(submitted, 1)
            if not taken:
                return
            future, first = taken[0]
            first_of[future.key] = first
            running.add(future)

    paused = client.run(set_profiler, False, PROFILER_CALLBACKS)
    try:
        hand_out()
        for future in running:
            shards.add(first_of.pop(future.key), future.result())
            hand_out()
    finally:
        for address, names in paused.items():
            if names:
                client.run(set_profiler, True, names, workers=[address])
    return shards.written


def set_profiler(
    running: bool, names: Sequence[str] = PROFILER_CALLBACKS, dask_worker=None
) -> list[str]:
    """Runs on a worker (Client.run): start or stop the profiler callbacks `names`; the
    names of those whose state changed."""
    changed = []
    for name in names:
        callback = dask_worker.periodic_callbacks.get(name) if dask_worker else None
        if callback is not None and callback.is_running() != running:
            if running:
                callback.start()
            else:
                callback.stop()
            changed.append(name)
    return changed


class _ShardWriter:
    """Collects analysed lines by input index and writes each shard file once complete."""

    def __init__(self, folder: Path, count: int, shard_files: int, on_shard) -> None:
        self.folder, self.count, self.shard_files, self.on_shard = (
            folder,
            count,
            shard_files,
            on_shard,
        )
        self.lines: dict[int, str] = {}
        self.next_shard = 0
        self.written: list[Path] = []

    def add(self, first: int, lines: list[str]) -> None:
        """Take the lines of inputs first, first + 1, ...; write the shard files now complete."""
        for offset, line in enumerate(lines):
            self.lines[first + offset] = line
        while self.next_shard * self.shard_files < self.count:
            start = self.next_shard * self.shard_files
            indices = range(start, min(self.count, start + self.shard_files))
            if any(i not in self.lines for i in indices):
                return
            path = self.folder / shard_name(self.next_shard)
            path.write_text("".join(self.lines.pop(i) + "\n" for i in indices), encoding="utf-8")
            self.written.append(path)
            if self.on_shard is not None:
                self.on_shard(path, len(indices))
            self.next_shard += 1

    def waiting_lines(self) -> int:
        """Lines analysed but not written yet."""
        return len(self.lines)


def _submissions(client, paths, tasks, publisher, language) -> Iterator:
    for group in tasks:
        future = client.submit(
            analyse_shard,
            [_read(paths[index]) for index in group],
            publisher,
            language,
            pure=False,
        )
        yield future, group[0]


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
