"""Streaming exports of the statement list: CSV (one row per attribution) and NDJSON.

Both take the filters of GET /statements and stream every matching row,
fetched in keyset batches on a connection of their own, so an export of the
whole database never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import Response, current_app, stream_with_context

from claimtrack.api.blueprint import api, operation
from claimtrack.db import get_db
from claimtrack.present.columns import STATEMENT_COLUMNS, statement_rows
from claimtrack.present.filters import statement_filters
from claimtrack.present.list_queries import EXPORT_QUERY, ExportQuery
from claimtrack.present.params import load_args
from claimtrack.present.render import csv_lines, ndjson_lines
from claimtrack.present.schemas import STATEMENT
from claimtrack.store import open_database
from claimtrack.store.reads.statements import StatementFilters, statement_ids, statements_by_id

EXPORT_BATCH = 500
# Statements per piece of the streamed CSV: each piece passes through the WSGI
# stack, so one per statement costs more than writing the rows.
CSV_STATEMENTS_PER_CHUNK = 100
CSV_COLUMNS = tuple(name for name, _ in STATEMENT_COLUMNS)


def _export(render, media_type: str, filename: str) -> Response:
    args = load_args(EXPORT_QUERY)
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


def _all_statements(db, filters: StatementFilters) -> Iterator[dict[str, Any]]:
    bound = None
    while True:
        ids = statement_ids(db, filters, bound, EXPORT_BATCH + 1)
        yield from statements_by_id(db, ids[:EXPORT_BATCH])
        if len(ids) <= EXPORT_BATCH:
            return
        bound = ids[EXPORT_BATCH - 1]


@api.get("/statements.csv")
@operation(
    "Export matching statements as CSV, one row per attribution",
    tag="exports",
    query=ExportQuery,
    responses={200: "CSV with a header row"},
    errors=(404, 422),
    media_type="text/csv",
)
def export_statements_csv():
    """Stream the matching statements as CSV."""
    return _export(render_csv, "text/csv", "statements.csv")


@api.get("/statements.ndjson")
@operation(
    "Export matching statements as newline-delimited JSON, one statement per line",
    tag="exports",
    query=ExportQuery,
    responses={200: "one JSON statement object per line"},
    errors=(404, 422),
    media_type="application/x-ndjson",
)
def export_statements_ndjson():
    """Stream the matching statements as NDJSON."""
    return _export(render_ndjson, "application/x-ndjson", "statements.ndjson")


def render_ndjson(statements: Iterator[dict[str, Any]]) -> Iterator[str]:
    """One line of JSON per statement, in the same shape as GET /statements items."""
    return ndjson_lines(statements, STATEMENT.dump)


def render_csv(statements: Iterator[dict[str, Any]]) -> Iterator[str]:
    """A header row, then one row per attribution (one empty-speaker row for narration)."""
    return csv_lines(statements, STATEMENT_COLUMNS, statement_rows, CSV_STATEMENTS_PER_CHUNK)
