"""The .json and .csv twins of list pages.

A list page answers as HTML, JSON or CSV from the same rows and filters; the
JSON carries the `next` token and URL, the CSV one flat row per item.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

from flask import Response, request, url_for

from claimtrack.csv_cells import csv_cell

FORMATS = ("json", "csv")


def next_url(endpoint: str, token: str | None, **values) -> str | None:
    """URL of the next page: the current query string with `after` replaced."""
    if not token:
        return None
    args = {k: v for k, v in request.args.items() if k != "after" and v != ""}
    args.update(values)
    args["after"] = token
    return url_for(endpoint, **args)


def json_response(payload: dict, status: int = 200) -> Response:
    """A JSON body (UTF-8, not ASCII-escaped)."""
    body = json.dumps({"ok": status < 400, **payload}, ensure_ascii=False, default=str)
    return Response(body, status=status, mimetype="application/json")


def csv_response(
    rows: Iterable[dict], columns: list[tuple[str, Callable[[dict], object]]], filename: str
) -> Response:
    """CSV with a header row; each column is (name, function of the row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([csv_cell(get(row)) for _, get in columns])
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def twin_response(
    fmt: str,
    page: dict,
    next_link: str | None,
    columns: list[tuple[str, Callable[[dict], object]]],
    filename: str,
    **extra,
) -> Response | None:
    """The .json or .csv twin of a list page, or None when the page is wanted as HTML.

    The JSON carries `extra` (e.g. the source or event the list belongs to),
    the rows, and the `next` token and URL; the CSV one row per item.
    """
    if fmt == "json":
        return json_response(
            {**extra, "rows": page["rows"], "next": page["next"], "next_url": next_link}
        )
    if fmt == "csv":
        return csv_response(page["rows"], columns, filename)
    return None
