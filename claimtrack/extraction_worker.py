"""The engine run in a worker process, for the web UI and the API.

Analysing a long article takes seconds of pure Python that hold the GIL: done
in a request thread it would stall every other request of the server. Imports
coming in over HTTP are analysed here instead, in one worker process (started
on first use, spaCy pipelines loaded there once); the request thread only
waits for the result, and readers keep being served.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from claimtrack.engine.document import Document

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


class ExtractionFailed(RuntimeError):
    """The worker process died while analysing (out of memory, killed)."""


def _analyse_in_worker(body: str, options: dict) -> Document:
    from claimtrack.engine.extract import get_extractor

    return get_extractor().analyse_body(body, **options)


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn: a fresh interpreter, not a fork of a server full of threads
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return _pool


def _discard_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


atexit.register(_discard_pool)


class WorkerExtractor:
    """An extractor with the engine's `analyse_body`, run in the worker process."""

    def analyse_body(self, body: str, **options) -> Document:
        """Analyse `body` in the worker and return its Document (see Extractor.analyse_body)."""
        try:
            return _get_pool().submit(_analyse_in_worker, body, options).result()
        except BrokenProcessPool:
            _discard_pool()  # the next import starts a fresh worker
            raise ExtractionFailed(
                "the analysis worker stopped while reading this article; nothing was stored"
            ) from None
