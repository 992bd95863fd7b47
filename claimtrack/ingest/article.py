"""The parsed form of one input article, and the error raised for bad input."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from claimtrack.engine.metadata import date_precision
from claimtrack.ingest.fields import is_web_address
from claimtrack.ingest.text_hygiene import clean_text, unencodable_reason

# No word of article text is this long; a longer run without spaces is a
# pasted blob (base64, a minified script), not something to store as claims.
MAX_WORD_CHARS = 2000


class ArticleRejected(ValueError):
    """An input file that cannot be imported; str() is a one-line reason for the user."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<input>'}: {reason}")

    def __reduce__(self):
        # raised in the import worker process, it is pickled back to the request thread
        return (type(self), (self.path, self.reason))


@dataclass
class ParsedArticle:
    """An article read from a file: metadata plus the body text that gets analysed.

    `body_offset` is where `body` starts in the original file text (non-zero
    only for .txt files with a header), so body offsets map back to the file.
    `language` is "nl", "en" or "auto" (detect from the body). `kind` is
    "statement" (its publisher is a party speaking in its own text),
    "report", or None to decide by the publisher (see store.publisher_voice).
    """

    body: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str = "auto"
    date: str | None = None
    body_offset: int = 0
    source_path: str | None = None
    kind: str | None = None

    @property
    def date_precision(self) -> str | None:
        """'year', 'month' or 'day' for a well-formed date, else None."""
        return date_precision(self.date)

    @property
    def word_count(self) -> int:
        """Number of whitespace-separated words in the body."""
        return len(self.body.split())

    @property
    def content_hash(self) -> str:
        """SHA-256 of the body and the metadata describing it.

        The source path and the language setting are left out on purpose: the
        same article imported from another place, or analysed with another
        language hint, is still the same article.
        """
        identity = {
            "body": self.body,
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "date": self.date,
        }
        encoded = json.dumps(identity, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()


def sanitised(parsed: ParsedArticle) -> ParsedArticle:
    """The article with its text fields cleaned (see text_hygiene), or ArticleRejected.

    Refused: a lone surrogate in any field, a body with nothing left after
    cleaning, a word longer than MAX_WORD_CHARS, an address that is not http(s).
    """
    path = parsed.source_path
    for name in ("body", "title", "url", "publisher", "date"):
        value = getattr(parsed, name)
        reason = unencodable_reason(value) if value else None
        if reason:
            raise ArticleRejected(path, f"the {name} {reason}")
    body = clean_text(parsed.body)
    if not body.strip():
        raise ArticleRejected(path, "no article text (only invisible or control characters)")
    longest = max(body.split(), key=len)
    if len(longest) > MAX_WORD_CHARS:
        at = body.index(longest)
        raise ArticleRejected(
            path,
            f"a {len(longest):,}-character word at character {at:,} "
            f"(the limit is {MAX_WORD_CHARS:,}): this is not article text",
        )
    url = parsed.url.strip() if parsed.url else None
    if url and not is_web_address(url):
        raise ArticleRejected(path, f"the url {url[:80]!r} is not an http:// or https:// address")
    parsed.body = body
    parsed.url = url or None
    parsed.title = _clean_field(parsed.title)
    parsed.publisher = _clean_field(parsed.publisher)
    return parsed


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None
