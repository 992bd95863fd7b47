"""Opaque keyset-pagination tokens.

A token carries the sort key of the last row of a page; the next page asks
for rows strictly after it. Tokens are URL-safe base64 of a JSON list so they
survive query strings unchanged, and a tampered token is refused, never
executed.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any


class BadCursor(ValueError):
    """A `next` token that cannot be decoded or does not fit the list it was sent to."""


def encode_cursor(key: list[Any]) -> str:
    """Encode a row's sort key as an opaque token."""
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str | None, types: tuple[type, ...]) -> list[Any] | None:
    """Decode a token made by `encode_cursor`, checking its length and value types.

    Returns None for an empty token; raises BadCursor for anything malformed.
    """
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise BadCursor("the 'next' token is not valid") from exc
    if not isinstance(key, list) or len(key) != len(types):
        raise BadCursor("the 'next' token does not belong to this list")
    for value, expected in zip(key, types):
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected) or isinstance(value, bool):
            raise BadCursor("the 'next' token does not belong to this list")
    return key
