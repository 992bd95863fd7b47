"""Plain-text articles with an optional metadata header (either convention)."""

from __future__ import annotations

import re

from claimtrack.engine.metadata import split_metadata
from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.fields import (
    ARTICLE_KINDS,
    clean_optional,
    is_valid_date,
    normalise_language,
)

# the corpus' "# source:" header starts with the article's address, then notes
SOURCE_URL = re.compile(r"\Ahttps?://\S+")


def parse_text_article(text: str, path: str | None = None) -> ParsedArticle:
    """Split `text` into header metadata and body; offsets stay valid for the file."""
    split = split_metadata(text)
    meta = split.meta
    if not split.body.strip():
        raise ArticleRejected(path, "missing body: the file has a header but no article text")

    language = normalise_language(meta.get("language"))
    if language is None:
        raise ArticleRejected(
            path, f"unsupported language {meta['language']!r} (expected nl, en or auto)"
        )
    kind = clean_optional(meta.get("kind"))
    if kind is not None:
        kind = kind.lower()
        if kind not in ARTICLE_KINDS + ("auto",):
            raise ArticleRejected(path, f"bad kind {kind!r} (expected statement, report or auto)")
        kind = None if kind == "auto" else kind
    date = clean_optional(meta.get("date"))
    if date is not None and not is_valid_date(date):
        raise ArticleRejected(path, f"bad date {date!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")

    return ParsedArticle(
        body=split.body,
        title=clean_optional(meta.get("title")),
        url=clean_optional(meta.get("url")) or _url_in(meta.get("source")),
        publisher=clean_optional(meta.get("publisher")),
        language=language,
        date=date,
        body_offset=split.body_start,
        source_path=path,
        kind=kind,
    )


def _url_in(source: str | None) -> str | None:
    match = SOURCE_URL.match(source.strip()) if source else None
    return match.group(0) if match else None
