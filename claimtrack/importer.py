"""Importing articles: parse each input, analyse its body, store the result.

This ties ingest (files -> ParsedArticle), the engine (body -> Document)
and the store (one transaction per article) together for the CLI, the
import script and any upload handler.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

import sqlite_utils

from claimtrack.engine.nlp import PipelineUnavailable
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
    existing = find_article_by_hash(db, parsed.content_hash)
    if existing:
        if suggestions_pending(db, existing.article_id):
            _suggest(db, existing.article_id)  # an earlier import stopped before this step
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
    result = save_article(db, parsed, document)
    if result.status == "imported":
        _suggest(db, result.article_id)
    return result


def _suggest(db: sqlite_utils.Database, article_id: int) -> None:
    from claimtrack.store.event_suggestions import suggest_events

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
) -> Iterator[ImportOutcome]:
    """Import each path (already expanded to files) and yield its outcome, in order.

    `publisher`, `language` and `title` apply to articles that do not state
    their own. A bad file yields an "error" outcome and the next file is
    still imported. `read_stdin(n)` reads at most n bytes of "-".
    """
    for path in paths:
        try:
            parsed = _parse(path, read_stdin)
            if publisher and not parsed.publisher:
                parsed.publisher = publisher
            if title and not parsed.title:
                parsed.title = title
            if language and language != "auto" and parsed.language == "auto":
                parsed.language = language
            result = import_parsed_article(db, parsed, extractor, before_analysis)
        except ArticleRejected as exc:
            yield ImportOutcome(path, "error", error=str(exc))
            continue
        except PipelineUnavailable:
            raise  # no article can be analysed: stop instead of failing every file
        except Exception as exc:  # noqa: BLE001
            # an engine or store failure on this one article: report it, keep going
            reason = " ".join(str(exc).split())  # one line, whatever the exception says
            yield ImportOutcome(path, "error", error=f"{path}: {type(exc).__name__}: {reason}")
            continue
        yield ImportOutcome(
            path,
            result.status,
            result.article_id,
            result.statements,
            parsed.word_count,
            title=result.title,
        )


def _parse(path: str, read_stdin: Callable[[int], bytes] | None) -> ParsedArticle:
    if path == STDIN_PATH:
        if read_stdin is None:
            raise ArticleRejected(path, "standard input is not available")
        limit = max_import_bytes()
        return parse_bytes(read_stdin(limit + 1), "<stdin>", max_bytes=limit)
    return parse_file(os.fspath(path))
