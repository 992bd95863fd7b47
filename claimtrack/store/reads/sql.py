"""Small helpers every read module uses: rows as dicts, IN lists, stored text spans."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

IN_CHUNK = 500


def chunks(ids: list[int], size: int = IN_CHUNK) -> Iterable[list[int]]:
    """`ids` in pieces small enough for one IN (...) list."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def placeholders(values: list[Any]) -> str:
    """`?, ?, ...` for an IN list of `values`."""
    return ", ".join("?" for _ in values)


def rows(db: sqlite_utils.Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def span(row: Mapping[str, Any], prefix: str) -> dict[str, Any] | None:
    """{text, start, end} of a stored piece of text (None when there is none)."""
    text = row.get(prefix)
    if text is None:
        return None
    return {"text": text, "start": row.get(f"{prefix}_start"), "end": row.get(f"{prefix}_end")}


def missing_ids(db: sqlite_utils.Database, table: str, ids: list[int]) -> list[int]:
    """Those of `ids` that have no row in `table` (one of sources, statements, articles)."""
    if table not in {"sources", "statements", "articles"}:
        raise ValueError(f"unexpected table {table}")
    found: set[int] = set()
    for chunk in chunks(list(ids)):
        found |= {
            r[0]
            for r in db.execute(
                f"SELECT id FROM {table} WHERE id IN ({placeholders(chunk)})", chunk
            )
        }
    return [i for i in ids if i not in found]
