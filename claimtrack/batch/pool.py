"""Running analysis in worker processes on one machine, results in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

# Tasks handed out ahead of the one the caller waits for, per worker: enough to
# keep every worker busy, few enough that results do not pile up in memory.
AHEAD_PER_WORKER = 4
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
# Input bytes analysed together in one task: enough sentences of news text to fill a
# parse batch (claimtrack.engine.pipeline.BATCH_SIZE), where short articles analysed one
# by one would leave the batches small; few enough to keep results flowing.
GROUP_BYTES = 32_000


@dataclass(frozen=True)
class Ready:
    """A result known without running anything (a file that failed to parse, a duplicate)."""

    value: Any


@dataclass(frozen=True)
class Work:
    """`function(*args)` to run in a worker; `function` must be importable by name."""

    function: Callable[..., Any]
    args: tuple = ()


def available_cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_in_order(tasks: Iterable[Ready | Work], jobs: int) -> Iterator[Any]:
    """Yield each task's value or result, in the order of `tasks`.

    With jobs <= 1 everything runs here, one task at a time. Otherwise `jobs`
    worker processes (started fresh, so no state of this process leaks into
    them) run the Work tasks; an exception raised by a task is raised here
    when its turn comes.
    """
    if jobs <= 1:
        for task in tasks:
            yield task.value if isinstance(task, Ready) else task.function(*task.args)
        return
    _one_math_thread_per_worker()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        pending: deque[Ready | Future] = deque()
        limit = jobs * AHEAD_PER_WORKER
        for task in tasks:
            if isinstance(task, Work):
                pending.append(pool.submit(task.function, *task.args))
            else:
                pending.append(task)
            while len(pending) > limit or (pending and _done(pending[0])):
                yield _value(pending.popleft())
        while pending:
            yield _value(pending.popleft())
    finally:
        # a failure (or a caller that stops early) should not wait for the queued work
        pool.shutdown(wait=True, cancel_futures=True)


def groups(
    items: Sequence[T], size_of: Callable[[T], int], jobs: int, group_bytes: int = GROUP_BYTES
) -> Iterator[list[T]]:
    """Consecutive items in groups of about `group_bytes` (see Grouping), in order."""
    sizes = [size_of(item) for item in items]
    grouping = Grouping(sum(sizes), len(items), jobs, group_bytes)
    group: list[T] = []
    for item, size in zip(items, sizes, strict=True):
        if grouping.add(size):
            yield group
            group = []
        group.append(item)
    if group:
        yield group


class Grouping:
    """Where the groups of an input of `total` bytes in `count` items end.

    A group ends at about `group_bytes` (an item bigger than that is a group of its
    own). With several workers groups are smaller toward the end of the input (at most
    1/(2 x jobs) of what is left: guided self-scheduling), so that the workers finish
    together instead of one working through a last big group alone, and a group holds at
    most a share of the items that leaves every worker AHEAD_PER_WORKER groups, so a small
    input is spread over all of them.
    """

    def __init__(self, total: int, count: int, jobs: int, group_bytes: int = GROUP_BYTES):
        self.left, self.jobs, self.group_bytes = total, jobs, group_bytes
        self.most = max(1, -(-count // (jobs * AHEAD_PER_WORKER))) if jobs > 1 else max(1, count)
        self.items = self.size = 0
        self.limit = self._limit()

    def _limit(self) -> int:
        if self.jobs <= 1:
            return self.group_bytes
        return max(1, min(self.group_bytes, self.left // (2 * self.jobs)))

    def add(self, size: int) -> bool:
        """Count an item of `size` bytes in; True when it starts a new group (the group
        before it is complete)."""
        new = self.items > 0 and (self.size >= self.limit or self.items >= self.most)
        if new:
            self.items = self.size = 0
            self.limit = self._limit()
        self.items += 1
        self.size += size
        self.left -= size
        return new

    def skip(self, size: int) -> None:
        """Count out an item of `size` bytes that goes in no group; the next item starts
        a new group."""
        self.left -= size
        self.items = self.size = 0
        self.limit = self._limit()


def file_size(path: str) -> int:
    """The size of a file in bytes (0 when it cannot be read, nor for "-")."""
    try:
        return os.path.getsize(path)
    except (OSError, ValueError):
        return 0


def _one_math_thread_per_worker() -> None:
    # Spawned workers inherit the environment. Each one running a BLAS/OpenMP
    # pool as wide as the machine makes N workers fight over the cores (Dask's
    # workers are started with the same setting); a value the user set stays.
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def _done(item: Ready | Future) -> bool:
    return isinstance(item, Ready) or item.done()


def _value(item: Ready | Future) -> Any:
    return item.value if isinstance(item, Ready) else item.result()
