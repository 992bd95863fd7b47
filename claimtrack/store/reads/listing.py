"""What every list of the read model shares: sort, page size, keyset tokens, totals.

A list is read in the order of one of its `Sort`s, never with OFFSET. A page
token carries the sort, its direction and the sort key of the row the page
starts from, plus which way to read: forward (the next page, from the last
row) or backward (the previous page, from the first row). A token made for
another sort or list is refused (`BadCursor`), never executed. A token of
the older form, the bare key of a page's last row (the API's `[id]`, the
pages' `[date, id]`...), still leads to the next page.

Every list answers a `Page`: its rows, the next and previous tokens, the sort
used, and a total, exact where counting is cheap, else a lower bound
(`total_exact` false: "more than `total`").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from claimtrack.store.cursors import BadCursor, decode_cursor, encode_cursor, peek_cursor
from claimtrack.store.totals import site_totals

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# filtered lists are counted up to this many rows; beyond it the total says "more than"
COUNT_CAP = 1000


@dataclass(frozen=True)
class Column:
    """One SQL column of a sort key: its expression, whether it can be NULL, its value type."""

    sql: str
    type: type | tuple[type, ...]
    nullable: bool = False
    # read opposite to the sort's direction (a tie-breaker in text order on a newest-first list)
    reverse: bool = False


@dataclass(frozen=True)
class Sort:
    """A sortable order of a list: the public name and the key columns (the last one unique)."""

    name: str
    columns: tuple[Column, ...]
    key_of: Callable[[dict], list]

    def token_types(self) -> tuple:
        """The value types a token of this sort carries after its header."""
        return tuple(
            (c.type if isinstance(c.type, tuple) else (c.type,))
            + ((type(None),) if c.nullable else ())
            for c in self.columns
        )


@dataclass(frozen=True)
class ListRequest:
    """How a caller wants a list: sort column and direction, page size, page token."""

    sort: str | None = None
    descending: bool | None = None
    size: int | None = None
    token: str | None = None


FIRST_PAGE = ListRequest()


@dataclass
class Position:
    """Where a page starts: the decoded token (None: the first page)."""

    sort: Sort
    descending: bool
    size: int
    key: list | None = None
    forward: bool = True


@dataclass
class Page:
    """One page of a list."""

    items: list[dict]
    sort: str
    descending: bool
    size: int
    next: str | None = None
    previous: str | None = None
    total: int | None = None
    total_exact: bool = True
    facets: dict[str, list[dict]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def page_size(size: int | None) -> int:
    """The page size asked for, within 1..MAX_PAGE_SIZE (DEFAULT_PAGE_SIZE when not given)."""
    if not size or size < 1:
        return DEFAULT_PAGE_SIZE
    return min(size, MAX_PAGE_SIZE)


def position(
    request: ListRequest, sorts: Sequence[Sort], default: str, default_descending: bool
) -> Position:
    """Resolve a request against a list's sorts: ValueError for an unknown sort column,
    BadCursor for a token that does not belong to this list and sort."""
    by_name = {s.name: s for s in sorts}
    name = request.sort or default
    if name not in by_name:
        raise ValueError(f"cannot sort by {name!r}; sortable: {', '.join(by_name)}")
    descending = default_descending if request.sort is None else bool(request.descending)
    if request.sort is not None and request.descending is None:
        descending = False
    sort = by_name[name]
    found = Position(sort, descending, page_size(request.size))
    if request.token:
        header = peek_cursor(request.token)
        if len(header) == len(sort.columns):
            # a token made before #14: the bare key of the last row, for the next page
            found.key = decode_cursor(request.token, sort.token_types())
            return found
        if len(header) < 3 or header[:2] != [name, int(descending)]:
            raise BadCursor("the page token does not belong to this list or sort")
        key = decode_cursor(request.token, (str, int, int, *sort.token_types()))
        found.forward = key[2] == 1
        found.key = key[3:]
    return found


def keyset_sql(pos: Position) -> tuple[str, list]:
    """The condition for rows strictly after the position's key, in the order it is read."""
    if pos.key is None:
        return "", []
    ascending = pos.descending != pos.forward  # the order the rows are read in
    terms, params = [], []
    equal_so_far: list[str] = []
    equal_params: list = []
    for column, value in zip(pos.sort.columns, pos.key, strict=True):
        compare, compare_params = _beyond(column, value, ascending != column.reverse)
        if compare != "0":
            terms.append("(" + " AND ".join([*equal_so_far, compare]) + ")")
            params += equal_params + compare_params
        equal_so_far.append(f"{column.sql} IS ?")
        equal_params.append(value)
    return "(" + (" OR ".join(terms) or "0") + ")", params


def paged_where(pos: Position, where: list[str], params: list) -> tuple[list[str], list]:
    """`where` and `params` with the condition for rows after the page's key added (new lists)."""
    keyset, keyset_params = keyset_sql(pos)
    if not keyset:
        return list(where), list(params)
    return [*where, keyset], [*params, *keyset_params]


def _beyond(column: Column, value: Any, ascending: bool) -> tuple[str, list]:
    """`column` strictly after `value` reading ascending (NULL first, as SQLite sorts) or not."""
    if ascending:
        if value is None:
            return f"{column.sql} IS NOT NULL", []
        return f"{column.sql} > ?", [value]
    if value is None:
        return "0", []
    if column.nullable:
        return f"({column.sql} < ? OR {column.sql} IS NULL)", [value]
    return f"{column.sql} < ?", [value]


def order_sql(pos: Position) -> str:
    """ORDER BY terms in the order the rows are read (reversed for a previous page)."""
    descending = pos.descending == pos.forward
    return ", ".join(
        f"{c.sql} {'DESC' if descending != c.reverse else 'ASC'}" for c in pos.sort.columns
    )


def cut(rows: list[dict], pos: Position, *, stopped_at: list | None = None) -> Page:
    """Turn the `size + 1` rows read from the position into a page with both tokens.

    `stopped_at`: the sort key where a bounded read stopped before it found a
    page of rows (see search); the page then leads on from there, however few
    rows it has.
    """
    full = len(rows) > pos.size
    more = full or stopped_at is not None
    rows = rows[: pos.size]
    # where reading stopped: after the last row kept, or where a bounded read gave up
    far = pos.sort.key_of(rows[-1]) if full or (rows and stopped_at is None) else stopped_at
    # the row nearest the start (the start itself when nothing was found)
    near = pos.sort.key_of(rows[0]) if rows else pos.key
    if not pos.forward:
        rows.reverse()
    page = Page(items=rows, sort=pos.sort.name, descending=pos.descending, size=pos.size)
    # reading on goes the way this page was read; back goes the other way, from the start
    onward = _token_of(pos, far, forward=pos.forward) if more else None
    back = _token_of(pos, near, forward=not pos.forward) if pos.key is not None else None
    page.next, page.previous = (onward, back) if pos.forward else (back, onward)
    return page


def _token_of(pos: Position, key: list, *, forward: bool) -> str:
    return encode_cursor([pos.sort.name, int(pos.descending), int(forward), *key])


def count_capped(
    db: sqlite_utils.Database, sql: str, params: Sequence[Any], cap: int = COUNT_CAP
) -> tuple[int, bool]:
    """Count the rows `sql` selects up to `cap`: (count, exact). Past the cap the count is
    `cap` and not exact ("more than cap")."""
    found = db.execute(
        f"SELECT count(*) FROM ({sql} LIMIT {int(cap) + 1})", list(params)
    ).fetchone()[0]
    return (cap, False) if found > cap else (found, True)


def exact_total(
    db: sqlite_utils.Database, from_sql: str, where: list[str], params: list, site_key: str
) -> int:
    """A list's total: counted under its filters, or the kept site total when it has none."""
    if not where:
        return site_totals(db)[site_key]
    return db.execute(
        f"SELECT count(*) FROM {from_sql} WHERE {' AND '.join(where)}", params
    ).fetchone()[0]


def lower_bound(page: Page, pos: Position) -> None:
    """A total no cheaper count gives: the rows seen up to this page, and "more" if there
    is a next page (for lists whose filters cannot be counted cheaply)."""
    page.total = len(page.items)
    page.total_exact = page.next is None and pos.key is None
