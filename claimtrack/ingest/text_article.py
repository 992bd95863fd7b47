"""Plain-text articles with an optional metadata header (either convention)."""

from __future__ import annotations

from claimtrack.engine.metadata import split_metadata
from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.fields import clean_optional, is_valid_date, normalise_language


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
    date = clean_optional(meta.get("date"))
    if date is not None and not is_valid_date(date):
        raise ArticleRejected(path, f"bad date {date!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")

    known = {"title", "url", "publisher", "language", "date"}
    return ParsedArticle(
        body=split.body,
        title=clean_optional(meta.get("title")),
        url=clean_optional(meta.get("url")),
        publisher=clean_optional(meta.get("publisher")),
        language=language,
        date=date,
        body_offset=split.body_start,
        source_path=path,
        extra={k: v for k, v in meta.items() if k not in known},
    )
