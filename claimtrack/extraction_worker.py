"""Imports made over HTTP, run in a worker process for the web UI and the API.

Analysing a long article takes seconds of pure Python that hold the GIL, and
so do storing its thousands of attributions and rendering them as JSON: done
in a request thread, that would stall every other request of the server.
Imports coming in over HTTP run here instead, in one worker process (started
on first use, spaCy pipelines loaded there once), which analyses the article,
stores it in the same SQLite file (WAL: readers are not blocked) and, when
asked, renders the stored article; the request thread only waits for the
result, and readers keep being served.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from claimtrack.ingest.article import ParsedArticle
from claimtrack.store.articles import SaveResult

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


class ExtractionFailed(RuntimeError):
    """The worker process died while analysing (out of memory, killed)."""


def _import_in_worker(
    database: str, parsed: ParsedArticle, render: Callable | None
) -> tuple[SaveResult, str | None]:
    from claimtrack.engine.extract import get_extractor
    from claimtrack.importer import import_parsed_article
    from claimtrack.store.database import open_database

    db = open_database(database, migrate=False)
    try:
        result = import_parsed_article(db, parsed, get_extractor())
        detail = _rendered(render, db, result)
    finally:
        db.conn.close()
    return result, detail


def _rendered(render: Callable | None, db, result: SaveResult) -> str | None:
    """`render`'s view of a newly stored article as JSON text, ready to send.

    The text is made where the article was stored: for an article with tens of
    thousands of attributions, building and encoding the view takes seconds of
    pure Python that the server's request threads should not wait behind.
    Encoded as Flask encodes its own responses (sorted keys, ASCII, compact).
    """
    if render is None or result.status != "imported":
        return None
    view = render(db, result.article_id)
    return json.dumps(view, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn: a fresh interpreter, not a fork of a server full of threads
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        return _pool


PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent_pid: int) -> None:
    """In the worker: end this process when the server that started it is gone.

    A server stopped by a signal runs no exit handlers, and a worker blocked on
    its task queue would otherwise live on, holding its pipelines in memory.
    """

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _discard_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


atexit.register(_discard_pool)


class WorkerImporter:
    """Imports into the database file `database`, run in the worker process."""

    def __init__(self, database: str) -> None:
        self.database = database

    def import_parsed(
        self, parsed: ParsedArticle, render: Callable | None = None
    ) -> tuple[SaveResult, str | None]:
        """Analyse and store `parsed` (see importer.import_parsed_article) in the worker.

        With `render` (a module-level function of (db, article_id) returning a dict), a
        newly stored article is also rendered there; its JSON text comes back as the
        second item.
        """
        try:
            return _get_pool().submit(_import_in_worker, self.database, parsed, render).result()
        except BrokenProcessPool:
            _discard_pool()  # the next import starts a fresh worker
            raise ExtractionFailed(
                "the analysis worker stopped while reading this article; nothing was stored"
            ) from None


class LocalImporter:
    """The same imports in this process, on the request's own database connection."""

    def __init__(self, db) -> None:
        self.db = db

    def import_parsed(
        self, parsed: ParsedArticle, render: Callable | None = None
    ) -> tuple[SaveResult, str | None]:
        """Analyse and store `parsed` here; its JSON view by `render` when newly stored."""
        from claimtrack.importer import import_parsed_article

        result = import_parsed_article(self.db, parsed)
        return result, _rendered(render, self.db, result)
