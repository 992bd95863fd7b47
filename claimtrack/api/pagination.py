"""Keyset pagination: a page ends with an opaque `next` token, never an OFFSET.

Lists are ordered newest first by id; the token encodes the last id served,
so the next page is `id < last` and stays correct while rows are added.
"""

from __future__ import annotations

from typing import Any

from flask import request, url_for
from marshmallow import ValidationError, fields

from claimtrack.store.cursors import decode_cursor, encode_cursor

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_ROW_ID = 2**63 - 1


def encode_token(last_id: int) -> str:
    """The `next` token for a page whose last row has id `last_id`."""
    return encode_cursor([last_id])


def decode_token(token: str) -> int:
    """The id a `next` token points below; ValueError for a token we did not make."""
    key = decode_cursor(token, (int,))
    if key is None or not 1 <= key[0] <= MAX_ROW_ID:
        raise ValueError("not a page token")
    return key[0]


class PageToken(fields.String):
    """A `next` query parameter: loads to the id the page starts below."""

    def _deserialize(self, value: Any, attr, data, **kwargs) -> int:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return decode_token(text)
        except ValueError:
            raise ValidationError("invalid page token; use the `next` value of a previous page")


def page_of(
    rows: list[Any], limit: int, id_of=lambda row: row["id"]
) -> tuple[list[Any], str | None]:
    """Cut the `limit + 1` rows a query fetched to a page and its `next` token."""
    if len(rows) <= limit:
        return rows, None
    page = rows[:limit]
    return page, encode_token(id_of(page[-1]))


def page_body(items: list[Any], next_token: str | None) -> dict[str, Any]:
    """The JSON body of a list: items, the next token and the full URL of the next page."""
    next_url = None
    if next_token is not None:
        args = request.args.to_dict(flat=True)
        args["next"] = next_token
        next_url = url_for(request.endpoint, _external=True, **(request.view_args or {}), **args)
    return {"items": items, "next": next_token, "next_url": next_url}
