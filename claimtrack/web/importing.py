"""Importing one article from the admin page: parse, analyse with the engine, store."""

from __future__ import annotations

import sqlite_utils

from claimtrack.ingest.article import ArticleRejected
from claimtrack.ingest.fields import is_valid_date, normalise_language
from claimtrack.ingest.files import parse_bytes
from claimtrack.store.articles import SaveResult, find_article_by_hash, save_article


def import_article_bytes(
    db: sqlite_utils.Database,
    data: bytes,
    filename: str | None,
    *,
    title: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    language: str = "auto",
    max_bytes: int | None = None,
) -> SaveResult:
    """Parse `data` (txt, JSON or HTML), fill in metadata the file lacks, analyse and save it.

    Raises ArticleRejected with a reason for bad input (empty, binary, not
    UTF-8, too large, broken JSON, bad date or language); nothing is written then.
    """
    from claimtrack.engine.extract import get_extractor

    parsed = parse_bytes(data, filename, max_bytes=max_bytes)
    if date and not is_valid_date(date):
        raise ArticleRejected(filename, f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if language not in ("auto", None):
        if normalise_language(language) is None:
            raise ArticleRejected(filename, f"language {language!r} is not nl or en")
        parsed.language = normalise_language(language)
    parsed.title = parsed.title or title
    parsed.publisher = parsed.publisher or publisher
    parsed.date = parsed.date or date
    existing = find_article_by_hash(db, parsed.content_hash)
    if existing:
        return existing
    document = get_extractor().analyse_body(
        parsed.body,
        language=parsed.language or "auto",
        publisher=parsed.publisher,
        date=parsed.date,
        title=parsed.title,
    )
    return save_article(db, parsed, document)
