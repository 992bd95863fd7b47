"""The parsed form of one input article, and the error raised for bad input."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from claimtrack.engine.metadata import date_precision


class ArticleRejected(ValueError):
    """An input file that cannot be imported; str() is a one-line reason for the user."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<input>'}: {reason}")


@dataclass
class ParsedArticle:
    """An article read from a file: metadata plus the body text that gets analysed.

    `body_offset` is where `body` starts in the original file text (non-zero
    only for .txt files with a header), so body offsets map back to the file.
    `language` is "nl", "en" or "auto" (detect from the body).
    """

    body: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str = "auto"
    date: str | None = None
    body_offset: int = 0
    source_path: str | None = None

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
