"""Streaming exports of the statement list: CSV (one row per attribution) and NDJSON.

Both take the filters of GET /statements and stream every matching row,
fetched in keyset batches on a connection of their own, so an export of the
whole database never sits in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from flask import Response, current_app, stream_with_context

from claimtrack.api.blueprint import api, operation
from claimtrack.api.inputs import load_query
from claimtrack.api.schemas import EXPORT_QUERY, STATEMENT, ExportQuerySchema
from claimtrack.api.statements import statement_filters
from claimtrack.csv_cells import csv_cell
from claimtrack.db import get_db
from claimtrack.store import api_queries, open_database

EXPORT_BATCH = 500
# Statements per piece of the streamed CSV: each piece passes through the WSGI
# stack, so one per statement costs more than writing the rows.
CSV_STATEMENTS_PER_CHUNK = 100
CSV_COLUMNS = (
    "statement_id",
    "article_id",
    "article_title",
    "article_date",
    "publisher",
    "language",
    "paragraph",
    "statement_index",
    "statement",
    "attribution_type",
    "speaker",
    "speaker_slug",
    "via",
    "cue",
    "content",
    "confidence",
)


def _export(render, media_type: str, filename: str) -> Response:
    args = load_query(EXPORT_QUERY)
    filters = statement_filters(get_db(), args)
    database_path = current_app.config["DATABASE"]

    def generate() -> Iterator[str]:
        db = open_database(database_path, migrate=False)
        try:
            yield from render(_all_statements(db, filters))
        finally:
            db.close()

    return Response(
        stream_with_context(generate()),
        mimetype=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _all_statements(db, filters: api_queries.StatementFilters) -> Iterator[dict[str, Any]]:
    before = None
    while True:
        rows = api_queries.find_statements(db, filters, before, EXPORT_BATCH)
        yield from rows[:EXPORT_BATCH]
        if len(rows) <= EXPORT_BATCH:
            return
        before = rows[EXPORT_BATCH - 1]["id"]


@api.get("/statements.csv")
@operation(
    "Export matching statements as CSV, one row per attribution",
    tag="exports",
    query=ExportQuerySchema,
    responses={200: "CSV with a header row"},
    errors=(422,),
    media_type="text/csv",
)
def export_statements_csv():
    """Stream the matching statements as CSV."""
    return _export(render_csv, "text/csv", "statements.csv")


@api.get("/statements.ndjson")
@operation(
    "Export matching statements as newline-delimited JSON, one statement per line",
    tag="exports",
    query=ExportQuerySchema,
    responses={200: "one JSON statement object per line"},
    errors=(422,),
    media_type="application/x-ndjson",
)
def export_statements_ndjson():
    """Stream the matching statements as NDJSON."""
    return _export(render_ndjson, "application/x-ndjson", "statements.ndjson")


def render_ndjson(statements: Iterator[dict[str, Any]]) -> Iterator[str]:
    """One line of JSON per statement, in the same shape as GET /statements items."""
    for statement in statements:
        yield json.dumps(STATEMENT.dump(statement), ensure_ascii=False) + "\n"


def render_csv(statements: Iterator[dict[str, Any]]) -> Iterator[str]:
    """A header row, then one row per attribution (one empty-speaker row for narration)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield _drain(buffer)
    pending = 0
    for statement in statements:
        writer.writerows([csv_cell(value) for value in row] for row in _csv_rows(statement))
        pending += 1
        if pending == CSV_STATEMENTS_PER_CHUNK:
            yield _drain(buffer)
            pending = 0
    yield _drain(buffer)


def _csv_rows(statement: dict[str, Any]) -> Iterator[list[Any]]:
    article = statement["article"] or {}
    common = [
        statement["id"],
        statement["article_id"],
        article.get("title"),
        article.get("date"),
        article.get("publisher"),
        article.get("language"),
        statement["paragraph"],
        statement["index"],
        statement["text"],
    ]
    if not statement["attributions"]:
        yield common + [""] * 7
    for attribution in statement["attributions"]:
        yield common + [
            attribution["type"],
            attribution["speaker"]["name"],
            attribution["speaker"]["slug"],
            " > ".join(v["name"] for v in attribution["via"]),
            (attribution["cue"] or {}).get("text"),
            (attribution["content"] or {}).get("text"),
            attribution["confidence"],
        ]


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
