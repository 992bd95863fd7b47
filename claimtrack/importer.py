"""Importing articles: parse each input, analyse its body, store the result.

This ties ingest (files -> ParsedArticle), the engine (body -> Document)
and the store (one transaction per article) together for the CLI, the
import script and any upload handler.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

import sqlite_utils

from claimtrack.batch.pool import Grouping, Ready, Work, file_size, run_in_order
from claimtrack.batch.records import analyse_parsed_many, apply_defaults, from_import_record
from claimtrack.engine.document import Document
from claimtrack.ingest import ArticleRejected, ParsedArticle, parse_bytes, parse_file
from claimtrack.ingest.article import sanitised
from claimtrack.ingest.files import max_import_bytes
from claimtrack.store.articles import (
    SaveResult,
    find_article_by_hash,
    save_article,
    suggestions_pending,
)

STDIN_PATH = "-"


@dataclass
class ImportOutcome:
    """What happened to one input: status "imported", "unchanged" or "error".

    For "unchanged", `article_id` and `title` name the stored article whose
    content this input duplicates.
    """

    path: str
    status: str
    article_id: int | None = None
    statements: int = 0
    words: int = 0
    error: str | None = None
    title: str | None = None

    def to_json(self) -> dict:
        """The `claimtrack import --json` line for this input."""
        data = asdict(self)
        del data["words"]
        if data["error"] is None:
            del data["error"]
        if self.status == "unchanged":
            data["duplicate_of"] = self.article_id
        return data

    def describe(self) -> str:
        """One line for a person: what was stored, or which article this input duplicates."""
        if self.status == "error":
            return f"error: {self.error}"
        title = f" ({self.title})" if self.title else " (untitled)"
        if self.status == "unchanged":
            return (
                f"unchanged: {self.path}: duplicate of article {self.article_id}{title}, "
                "already stored"
            )
        noun = "statement" if self.statements == 1 else "statements"
        return (
            f"imported: {self.path} as article {self.article_id}{title}, {self.statements} {noun}"
        )


def import_parsed_article(
    db: sqlite_utils.Database,
    parsed: ParsedArticle,
    extractor=None,
    before_analysis: Callable[[ParsedArticle], None] | None = None,
) -> SaveResult:
    """Analyse and store one parsed article; content already stored is not analysed again.

    The article's text is cleaned first (ArticleRejected when it cannot be).
    `before_analysis(parsed)` is called just before the engine runs, e.g. to
    tell the user that the language models are loading.
    """
    parsed = sanitised(parsed)
    existing = stored_already(db, parsed)
    if existing:
        return existing
    if extractor is None:
        from claimtrack.engine.extract import get_extractor

        extractor = get_extractor()
    if before_analysis is not None:
        before_analysis(parsed)
    document = extractor.analyse_body(
        parsed.body,
        language=parsed.language,
        publisher=parsed.publisher,
        date=parsed.date,
        title=parsed.title,
    )
    return store_analysed(db, parsed, document)


def stored_already(db: sqlite_utils.Database, parsed: ParsedArticle) -> SaveResult | None:
    """The stored article with this content, as an "unchanged" result, if there is one."""
    existing = find_article_by_hash(db, parsed.content_hash)
    if existing and suggestions_pending(db, existing.article_id):
        _suggest(db, existing.article_id)  # an earlier import stopped before this step
    return existing


def store_analysed(
    db: sqlite_utils.Database, parsed: ParsedArticle, document: Document
) -> SaveResult:
    """Store an article with its analysis (offsets into its body) and suggest events for it."""
    result = save_article(db, parsed, document)
    if result.status == "imported":
        _suggest(db, result.article_id)
    return result


def _suggest(db: sqlite_utils.Database, article_id: int) -> None:
    from claimtrack.compare.event_suggestions import suggest_events

    suggest_events(db, article_id)


def import_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str],
    *,
    publisher: str | None = None,
    language: str | None = None,
    title: str | None = None,
    read_stdin: Callable[[int], bytes] | None = None,
    extractor=None,
    before_analysis: Callable[[ParsedArticle], None] | None = None,
    jobs: int = 1,
    kind: str | None = None,
) -> Iterator[ImportOutcome]:
    """Import each path (already expanded to files) and yield its outcome, in order.

    `publisher`, `language`, `title` and `kind` (statement, report or auto)
    apply to articles that do not state their own. A bad file yields an
    "error" outcome and the next file is still imported. `read_stdin(n)`
    reads at most n bytes of "-". With
    `jobs` > 1 the analysis runs in that many worker processes while this
    one reads the files and writes the database, in input order: the
    outcomes and the stored rows are those of `jobs=1`.
    """
    if extractor is None:
        yield from _import_in_groups(
            db, list(paths), (publisher, language, title, kind), read_stdin, before_analysis, jobs
        )
        return
    for path in paths:
        try:
            parsed = apply_defaults(_parse(path, read_stdin), publisher, language, title, kind)
            result = import_parsed_article(db, parsed, extractor, before_analysis)
        except ArticleRejected as exc:
            yield ImportOutcome(path, "error", error=str(exc))
            continue
        except Exception as exc:
            if is_pipeline_unavailable(exc):
                raise  # no article can be analysed: stop instead of failing every file
            # an engine or store failure on this one article: report it, keep going
            yield _failed(path, exc)
            continue
        yield _outcome(path, parsed, result)


def _import_in_groups(db, paths, defaults, read_stdin, before_analysis, jobs):
    """import_paths with the engine's extractor: the articles to analyse go in groups
    (batch.pool.groups) to `jobs` worker processes, or with jobs=1 to this one, while
    this process reads the files and writes the database, in input order. A group's
    sentences share the pipeline's batches; the analysis of each article is the one it
    gets alone, so outcomes and stored rows do not depend on `jobs`."""
    told = False
    grouping = Grouping(sum(map(file_size, paths)), len(paths), jobs)

    def tasks():
        nonlocal told
        group: list[tuple[str, ParsedArticle]] = []
        for path in paths:
            try:
                parsed = sanitised(apply_defaults(_parse(path, read_stdin), *defaults))
            except Exception as exc:  # noqa: BLE001  (reported as the serial path reports it)
                ready = (path, None, exc)
            else:
                ready = stored_already(db, parsed)
                ready = (path, parsed, ready) if ready else None
            if ready is None:
                if before_analysis is not None and not told:
                    told = True
                    before_analysis(parsed)
                if grouping.add(file_size(path)) and group:
                    yield Work(_analyse_in_worker, (group,))
                    group = []
                group.append((path, parsed))
                continue
            grouping.skip(file_size(path))
            if group:  # results come in input order: the group before this one
                yield Work(_analyse_in_worker, (group,))
                group = []
            yield Ready([ready])
        if group:
            yield Work(_analyse_in_worker, (group,))

    for done in run_in_order(tasks(), jobs):
        for path, parsed, result in done:
            if isinstance(result, ArticleRejected):
                yield ImportOutcome(path, "error", error=str(result))
            elif isinstance(result, Exception):
                yield _failed(path, result)
            elif isinstance(result, Document):
                try:
                    yield _outcome(path, parsed, store_analysed(db, parsed, result))
                except Exception as exc:  # noqa: BLE001
                    yield _failed(path, exc)
            else:
                yield _outcome(path, parsed, result)


def _analyse_in_worker(group: list[tuple[str, ParsedArticle]]):
    """Runs in a worker (or here with jobs=1): (path, parsed, Document) of each article,
    the exception in place of the Document when the analysis failed."""
    documents = analyse_parsed_many([parsed for _, parsed in group])
    results = []
    for (path, parsed), document in zip(group, documents, strict=True):
        if is_pipeline_unavailable(document):
            raise document
        if isinstance(document, Exception):
            # an engine exception may not survive pickling back to the parent process
            document = AnalysisFailed(f"{type(document).__name__}: {document}")
        results.append((path, parsed, document))
    return results


def is_pipeline_unavailable(exc: BaseException) -> bool:
    """True for claimtrack.engine.nlp.PipelineUnavailable (no article can be analysed).

    Asked without importing that module, which imports spaCy (1.4 s): the process that
    only reads files and writes the database for `--jobs N` workers never needs it, and
    an instance exists only once its module is imported (unpickling one imports it).
    """
    nlp = sys.modules.get("claimtrack.engine.nlp")
    return nlp is not None and isinstance(exc, nlp.PipelineUnavailable)


class AnalysisFailed(Exception):
    """An engine failure on one article in a worker process, carried back as its text."""


def import_records(
    db: sqlite_utils.Database, records: Iterable[tuple[str, dict | Exception]]
) -> Iterator[ImportOutcome]:
    """Store import records (see batch.records) without analysing anything; yield outcomes.

    Each item is (where it came from, the record or the error of reading it).
    A record of a file that had failed to parse is reported as that error.
    """
    for where, record in records:
        if isinstance(record, Exception):
            yield ImportOutcome(where, "error", error=f"{where}: {record}")
            continue
        path = record.get("path") or where
        if record.get("error"):
            yield ImportOutcome(path, "error", error=record["error"])
            continue
        try:
            parsed, document = from_import_record(record)
            result = stored_already(db, parsed) or store_analysed(db, parsed, document)
        except Exception as exc:  # noqa: BLE001
            yield _failed(path, exc)
            continue
        yield _outcome(path, parsed, result)


def _outcome(path: str, parsed: ParsedArticle, result: SaveResult) -> ImportOutcome:
    return ImportOutcome(
        path,
        result.status,
        result.article_id,
        result.statements,
        parsed.word_count if parsed else 0,
        title=result.title,
    )


def _failed(path: str, exc: Exception) -> ImportOutcome:
    reason = " ".join(str(exc).split())  # one line, whatever the exception says
    if not isinstance(exc, AnalysisFailed):  # that one already starts with the original's name
        reason = f"{type(exc).__name__}: {reason}"
    return ImportOutcome(path, "error", error=f"{path}: {reason}")


def _parse(path: str, read_stdin: Callable[[int], bytes] | None) -> ParsedArticle:
    if path == STDIN_PATH:
        if read_stdin is None:
            raise ArticleRejected(path, "standard input is not available")
        limit = max_import_bytes()
        return parse_bytes(read_stdin(limit + 1), "<stdin>", max_bytes=limit)
    return parse_file(os.fspath(path))
