"""Loaded query arguments turned into the read model's filter objects.

A filter that names a source (`source`, `via`) must name one that exists:
otherwise `UnknownSource` (answered with 404), not an empty list that
looks like "this source said nothing".
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from claimtrack.store.reads.sources import find_source_ids
from claimtrack.store.reads.statements import StatementFilters


class UnknownSource(LookupError):
    """A filter names a source that does not exist."""

    def __init__(self, parameter: str, reference: str):
        super().__init__(f"no source is called {reference!r} (the {parameter!r} filter)")
        self.parameter = parameter
        self.reference = reference


def source_ids(db: sqlite_utils.Database, args: dict[str, Any], parameter: str) -> list[int] | None:
    """The ids the `parameter` filter names (None when not given); UnknownSource when none."""
    if parameter not in args:
        return None
    ids = find_source_ids(db, args[parameter])
    if not ids:
        raise UnknownSource(parameter, args[parameter])
    return ids


def statement_filters(db: sqlite_utils.Database, args: dict[str, Any]) -> StatementFilters:
    """The statement list's filters from loaded arguments, source and via resolved."""
    return StatementFilters(
        source_ids=source_ids(db, args, "source"),
        via_ids=source_ids(db, args, "via"),
        event_id=args.get("event"),
        article_id=args.get("article"),
        type=args.get("type"),
        language=args.get("language"),
        publisher=args.get("publisher"),
        text_query=args.get("q"),
        since=args.get("since") or args.get("from"),
        until=args.get("until") or args.get("to"),
    )
