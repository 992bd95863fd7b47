"""Checks on metadata values shared by every input format."""

from __future__ import annotations

import datetime
import urllib.parse

from claimtrack.engine.metadata import DATE_VALUE

LANGUAGES = ("nl", "en", "auto")
# an article is a party's own statement or a report about others (store.publisher_voice)
ARTICLE_KINDS = ("statement", "report")
LANGUAGE_NAMES = {"dutch": "nl", "nederlands": "nl", "english": "en", "engels": "en"}


def normalise_language(value: str | None) -> str | None:
    """Map a language value to "nl", "en" or "auto"; None when it is not one of those."""
    if value is None or not value.strip():
        return "auto"
    value = value.strip().lower()
    value = LANGUAGE_NAMES.get(value, value)
    return value if value in LANGUAGES else None


def is_valid_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (no 2021-02-31)."""
    if not DATE_VALUE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            datetime.date(*parts)
        except ValueError:
            return False
    return parts[0] >= 1


def is_web_address(value: str) -> bool:
    """True for an absolute http:// or https:// address with a host."""
    parsed = urllib.parse.urlsplit(value)
    return (
        parsed.scheme.lower() in ("http", "https")
        and bool(parsed.netloc)
        and not any(c.isspace() or ord(c) < 32 for c in value)
    )


def clean_optional(value: str | None) -> str | None:
    """Strip a metadata value; empty becomes None."""
    if value is None:
        return None
    value = value.strip()
    return value or None
