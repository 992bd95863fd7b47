"""glibc's allocator thresholds in an analysis worker started by Dask.

Dask's nanny starts every worker with `MALLOC_TRIM_THRESHOLD_=65536` (its
`distributed.nanny.pre-spawn-environ`), so that freed memory goes back to the
system soon. A threshold set by hand also switches off glibc's moving mmap
threshold, which then stays at 128 KiB: every array of the parser above that
size is mapped and unmapped again on each batch, and the page faults cost a
worker about a sixth of its time (scripts/bench_parallel.py; README, "Beyond one
machine"). Raising both thresholds back to glibc's own upper values keeps those
arrays on the heap; freed memory above MALLOC_TRIM_BYTES at its top is still
returned.
"""

from __future__ import annotations

import ctypes
import os

# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# the highest mmap threshold glibc's moving threshold reaches on 64-bit systems, and
# the trim threshold it pairs with it
MMAP_BYTES = 32 * 1024 * 1024
MALLOC_TRIM_BYTES = 2 * MMAP_BYTES
# variables that fix glibc's thresholds when the process starts
FIXING_VARIABLES = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_")

_tuned = False


def tune_allocator() -> bool:
    """Raise glibc's mmap and trim thresholds when the environment fixed them; True once
    they are raised in this process (False without glibc or without such a variable)."""
    global _tuned
    if _tuned or not any(name in os.environ for name in FIXING_VARIABLES):
        return _tuned
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):  # not glibc
        return False
    _tuned = bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_BYTES) and mallopt(_M_TRIM_THRESHOLD, MALLOC_TRIM_BYTES)
    )
    return _tuned


def allocator_tuned() -> bool:
    """Whether tune_allocator raised the thresholds in this process."""
    return _tuned
