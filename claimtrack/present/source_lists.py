"""A source's statements (as speaker or as relay) in the order a route asks for.

The source's page lists them newest article first (`date`); the API's
/sources/<id>/claims newest stored first (`id`); either takes the other's
order with `_sort`/`_sort_desc`, so both are one list.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlite_utils

from claimtrack.present.filters import statement_filters
from claimtrack.store.reads.listing import ListRequest, Page
from claimtrack.store.reads.statements import list_statements, source_statements


def source_statement_page(
    db: sqlite_utils.Database,
    source_id: int,
    role: str,
    args: dict[str, Any],
    *,
    default_sort: str,
) -> Page:
    """The page of the source's statements `args` (loaded SourceStatementsQuery) asks for."""
    request: ListRequest = args["list"]
    filters = statement_filters(db, args)
    sort = request.sort or default_sort
    if sort == "id":
        if role == "speaker":
            filters = replace(filters, source_ids=[source_id])
        else:
            filters = replace(filters, via_ids=[source_id])
        if request.sort is None:
            request = ListRequest("id", True, request.size, request.token)
        return list_statements(db, filters, request)
    if request.sort is None:
        request = ListRequest("date", True, request.size, request.token)
    return source_statements(db, source_id, role, filters, request)
