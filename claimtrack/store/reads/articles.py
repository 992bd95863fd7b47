"""Article reads: the article list (sortable, filterable, with facets) and one article with
its statements.

An article row: id, title, url, publisher, language, date, date_precision,
word_count, imported_at, body_offset, kind and statement_count; one article
adds its body and its statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimtrack.store.reads import listing
from claimtrack.store.reads.listing import FIRST_PAGE, Column, ListRequest, Page, Sort
from claimtrack.store.reads.sql import rows
from claimtrack.store.reads.statements import ARTICLE_COLUMNS, article_statements

SORTS = (
    Sort(
        "date",
        (Column("a.date", str, nullable=True), Column("a.id", int)),
        lambda r: [r["date"], r["id"]],
    ),
    Sort("id", (Column("a.id", int),), lambda r: [r["id"]]),
    Sort(
        "imported_at",
        (Column("a.imported_at", str), Column("a.id", int)),
        lambda r: [r["imported_at"], r["id"]],
    ),
)
FACETS = ("language", "publisher", "year")


@dataclass(frozen=True)
class ArticleFilters:
    """Filters of the article list."""

    publisher: str | None = None
    language: str | None = None
    year: str | None = None  # 'YYYY'


def _filter_sql(filters: ArticleFilters) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if filters.publisher:
        where.append("a.publisher = ?")
        params.append(filters.publisher)
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.year:
        where.append("a.date >= ? AND a.date < ?")
        params += [filters.year, f"{int(filters.year) + 1:04d}"]
    return where, params


def list_articles(
    db: sqlite_utils.Database,
    filters: ArticleFilters = ArticleFilters(),
    request: ListRequest = FIRST_PAGE,
    *,
    default_sort: str = "date",
    facets: tuple[str, ...] = (),
) -> Page:
    """A page of articles (no bodies) with their statement counts, newest date first by
    default (undated last); sortable by date, id and imported_at."""
    pos = listing.position(request, SORTS, default_sort, True)
    where, params = _filter_sql(filters)
    filter_where, filter_params = list(where), list(params)
    where, params = listing.paged_where(pos, where, params)
    sql = f"""
        WITH page AS (
            SELECT a.id FROM articles a
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY {listing.order_sql(pos)}
            LIMIT ?
        )
        SELECT {ARTICLE_COLUMNS},
               (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statement_count
        FROM page JOIN articles a ON a.id = page.id
        ORDER BY {listing.order_sql(pos)}
    """
    page = listing.cut(rows(db, sql, [*params, pos.size + 1]), pos)
    page.total = listing.exact_total(db, "articles a", filter_where, filter_params, "articles")
    if facets:
        page.facets = article_facets(db, filters, facets)
    return page


_FACET_SQL = {
    "language": "a.language",
    "publisher": "a.publisher",
    "year": "substr(a.date, 1, 4)",
}


def article_facets(
    db: sqlite_utils.Database, filters: ArticleFilters, names: tuple[str, ...] = FACETS
) -> dict[str, list[dict]]:
    """Counts of the filtered articles per language, publisher and year (top 20 of each)."""
    where, params = _filter_sql(filters)
    result = {}
    for name in names:
        expression = _FACET_SQL[name]
        result[name] = rows(
            db,
            f"SELECT {expression} AS value, count(*) AS count FROM articles a"
            f" WHERE {' AND '.join([*where, f'{expression} IS NOT NULL'])}"
            " GROUP BY 1 ORDER BY count DESC, value LIMIT 20",
            params,
        )
    return result


def get_article(
    db: sqlite_utils.Database, article_id: int, *, with_statements: bool = True
) -> dict[str, Any] | None:
    """One article with its body and (by default) every statement with attributions, or None."""
    found = rows(
        db, f"SELECT {ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = ?", [article_id]
    )
    if not found:
        return None
    article = found[0]
    if with_statements:
        article["statements"] = article_statements(db, article_id, article["publisher"])
        article["statement_count"] = len(article["statements"])
    else:
        article["statement_count"] = db.execute(
            "SELECT count(*) FROM statements WHERE article_id = ?", [article_id]
        ).fetchone()[0]
    return article


def recent_articles(db: sqlite_utils.Database, limit: int = 10) -> list[dict]:
    """The most recently imported articles, newest first (the home page)."""
    return list_articles(
        db, request=ListRequest("imported_at", True, limit), default_sort="imported_at"
    ).items


_DISTINCT_COLUMNS = {("articles", "language"), ("articles", "publisher")}


def distinct_values(db: sqlite_utils.Database, table: str, column: str) -> list[str]:
    """Sorted distinct non-null values of an indexed column, hopping through the index.

    One index seek per value instead of a scan of the table.
    """
    if (table, column) not in _DISTINCT_COLUMNS:
        raise ValueError(f"no distinct lookup for {table}.{column}")
    return [
        row[0]
        for row in db.execute(
            f"""
            WITH RECURSIVE hop(value) AS (
                SELECT min({column}) FROM {table}
                UNION ALL
                SELECT (SELECT min({column}) FROM {table} WHERE {column} > hop.value)
                FROM hop WHERE hop.value IS NOT NULL
            )
            SELECT value FROM hop WHERE value IS NOT NULL
            """
        )
    ]


def filter_choices(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Distinct languages and publishers of stored articles, for filter menus."""
    return {
        "languages": distinct_values(db, "articles", "language"),
        "publishers": distinct_values(db, "articles", "publisher"),
    }
