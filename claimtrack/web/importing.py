"""Importing one article from the admin page: parse, fill in metadata, analyse and store."""

from __future__ import annotations

import sqlite_utils

from claimtrack.importer import import_parsed_article
from claimtrack.ingest.article import ArticleRejected
from claimtrack.ingest.fields import is_valid_date, normalise_language
from claimtrack.ingest.files import parse_bytes
from claimtrack.store.articles import SaveResult


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
    importer=None,
) -> SaveResult:
    """Parse `data` (txt, JSON or HTML), fill in metadata the file lacks, analyse and save it.

    Raises ArticleRejected with a reason for bad input (empty, binary, not
    UTF-8, too large, broken JSON, bad date or language); nothing is written then.
    """
    if date and not is_valid_date(date):
        raise ArticleRejected(filename, f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    chosen_language = normalise_language(language)
    if chosen_language is None:
        raise ArticleRejected(filename, f"language {language!r} is not nl or en")
    parsed = parse_bytes(data, filename, max_bytes=max_bytes)
    parsed.title = parsed.title or title
    parsed.publisher = parsed.publisher or publisher
    parsed.date = parsed.date or date
    if parsed.language == "auto":
        parsed.language = chosen_language
    if importer is None:
        return import_parsed_article(db, parsed)
    result, _ = importer.import_parsed(parsed)
    return result
