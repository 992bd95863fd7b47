"""One renderer per format: JSON, CSV (a page or a stream), NDJSON; and the error envelope."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Response

from claimtrack.csv_cells import csv_cell

Columns = list[tuple[str, Callable[[dict], object]]]


def json_response(payload: dict, status: int = 200, mimetype: str = "application/json") -> Response:
    """A JSON body (UTF-8, not ASCII-escaped) with `ok` first."""
    body = json.dumps({"ok": status < 400, **payload}, ensure_ascii=False, default=str)
    return Response(body, status=status, mimetype=mimetype)


def error_body(status: int, message: str, errors: dict[str, Any] | None = None) -> dict:
    """The envelope of every error: {"ok": false, "error", "errors", "status"}."""
    return {"ok": False, "error": message, "errors": errors or {}, "status": status}


def error_response(status: int, message: str, errors: dict[str, Any] | None = None) -> Response:
    """The JSON envelope for an error, with its HTTP status set."""
    return json_response(error_body(status, message, errors), status)


def csv_lines(
    rows: Iterable[Any], columns: Columns, expand=None, chunk: int = 100
) -> Iterator[str]:
    """A header row, then one line per row (or per item `expand(row)` yields), in pieces of
    about `chunk` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in columns])
    pending = 0
    for row in rows:
        for item in expand(row) if expand else (row,):
            writer.writerow([csv_cell(get(item)) for _, get in columns])
        pending += 1
        if pending >= chunk:
            yield _drain(buffer)
            pending = 0
    yield _drain(buffer)


def csv_response(rows: Iterable[Any], columns: Columns, filename: str, expand=None) -> Response:
    """CSV of `rows` with a header row (one page, rendered at once)."""
    response = Response("".join(csv_lines(rows, columns, expand)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ndjson_lines(rows: Iterable[Any], dump: Callable[[Any], dict]) -> Iterator[str]:
    """One line of JSON per row."""
    for row in rows:
        yield json.dumps(dump(row), ensure_ascii=False) + "\n"


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
