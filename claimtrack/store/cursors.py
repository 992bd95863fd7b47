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


def peek_cursor(token: str) -> list[Any]:
    """The values of a token without checking them against a list (BadCursor if malformed)."""
    try:
        padded = token + "=" * (-len(token) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError, RecursionError) as exc:
        raise BadCursor("the page token is not valid") from exc
    if not isinstance(key, list):
        raise BadCursor("the page token does not belong to this list")
    return key


def decode_cursor(
    token: str | None, types: tuple[type | tuple[type, ...], ...]
) -> list[Any] | None:
    """Decode a token made by `encode_cursor`, checking its length and value types.

    Each of `types` is a type or a tuple of allowed types (an int passes for a
    float). Returns None for an empty token; raises BadCursor for anything
    malformed.
    """
    if not token:
        return None
    key = peek_cursor(token)
    if len(key) != len(types):
        raise BadCursor("the page token does not belong to this list")
    for value, expected in zip(key, types):
        allowed = expected if isinstance(expected, tuple) else (expected,)
        if isinstance(value, bool):
            raise BadCursor("the page token does not belong to this list")
        if float in allowed and isinstance(value, int):
            continue
        if not isinstance(value, allowed):
            raise BadCursor("the page token does not belong to this list")
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise BadCursor("the page token does not belong to this list")
    return key
