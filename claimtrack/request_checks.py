"""Checks every request passes before a view runs, for the web pages and the API alike.

- `<rowid:name>` in a route takes a positive id that fits SQLite's integer;
  anything else (a 20-digit number, "²") is a 404, not an overflow.
- A query-string name or value with a control character (NUL among them) or
  a lone surrogate is refused with 400: no view, search or export sees it.
"""

from __future__ import annotations

import re

from flask import Flask, abort, request
from werkzeug.routing import BaseConverter

MAX_ROW_ID = 10**18 - 1
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class RowIdConverter(BaseConverter):
    """`<rowid:name>`: a positive id that fits SQLite's integer (anything else is 404)."""

    regex = r"[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def parse_row_id(value: str) -> int | None:
    """A row id written in ASCII digits that fits SQLite's integer, else None."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ROW_ID else None


def install(app: Flask) -> None:
    """Register the row-id converter and the query-string check on `app`."""
    app.url_map.converters["rowid"] = RowIdConverter

    @app.before_request
    def refuse_control_characters_in_query():
        if request.routing_exception is not None:
            return  # no such page: the 404 (or 405) says more than this check would
        for name, value in request.args.items(multi=True):
            for text in (name, value):
                found = _CONTROL.search(text)
                if found:
                    abort(
                        400,
                        description=(
                            f"the query parameter {name[:40]!r} contains the character "
                            f"U+{ord(found.group()):04X}, which is not allowed in a query"
                        ),
                    )
