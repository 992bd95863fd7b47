"""Full-text search over statements: statement rows with a snippet, ranked or newest first,
and facet counts of the matches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimtrack.store.reads import listing
from claimtrack.store.reads.listing import FIRST_PAGE, Column, ListRequest, Page, Sort
from claimtrack.store.reads.sql import placeholders, rows
from claimtrack.store.reads.statements import statements_by_id
from claimtrack.store.reads.text_query import fts_match_expression

# Facets of a search are counted over at most this many matches, and more
# matches than RANK_LIMIT are listed newest first rather than ranked, so a
# query matching half the corpus still answers quickly.
FACET_SAMPLE = 2000
RANK_LIMIT = 2000
# Search results say how many statements match up to this many, then "more than".
MATCH_COUNT_CAP = 2000
# A filtered page newest first reads at most this many matches; when the filters keep too few
# of them to fill a page, the page holds what it found and leads on from where it stopped.
SCAN_LIMIT = 4000
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"

SORTS = (
    Sort("rank", (Column("f.rank", float), Column("s.id", int)), lambda r: r["_key"]),
    Sort("id", (Column("f.rowid", int),), lambda r: r["_key"]),
)


@dataclass(frozen=True)
class SearchFilters:
    """Facet filters of the statement search."""

    source_ids: list[int] | None = None  # the speaker is one of these
    language: str | None = None
    publisher: str | None = None
    type: str | None = None
    year: str | None = None  # 'YYYY'


def count_matches(db: sqlite_utils.Database, query: str, cap: int | None = None) -> int:
    """How many statements match `query` (before facet filters), counted up to `cap` + 1.

    `cap` defaults to MATCH_COUNT_CAP. A result above `cap` means "more than
    `cap`": counting every match of a common word reads its whole posting
    list, which is what a page must not do.
    """
    match = fts_match_expression(query)
    if match is None:
        return 0
    cap = MATCH_COUNT_CAP if cap is None else cap
    return db.execute(
        "SELECT count(*) FROM (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
        "LIMIT ?)",
        [match, cap + 1],
    ).fetchone()[0]


def _filter_sql(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    """Conditions on a matching statement `s` and its article `a` (joined by the caller)."""
    where, params = [], []
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.publisher:
        where.append("a.publisher = ?")
        params.append(filters.publisher)
    if filters.source_ids is not None:
        where.append(
            "EXISTS (SELECT 1 FROM attributions fat WHERE fat.statement_id = s.id"
            f" AND fat.speaker_source_id IN ({placeholders(filters.source_ids)}))"
        )
        params += list(filters.source_ids)
    if filters.type:
        where.append(
            "EXISTS (SELECT 1 FROM attributions fat WHERE fat.statement_id = s.id AND fat.type = ?)"
        )
        params.append(filters.type)
    if filters.year:
        where.append("substr(a.date, 1, 4) = ?")
        params.append(filters.year)
    return where, params


def search_statements(
    db: sqlite_utils.Database,
    query: str,
    filters: SearchFilters = SearchFilters(),
    request: ListRequest = FIRST_PAGE,
) -> Page:
    """Statements matching `query`, best match first (`rank`) or newest stored first (`id`).

    Ranking scores every match, so a query matching more than RANK_LIMIT
    statements is answered newest first instead; the page's `sort` says which
    order it used. Each row is a statement with `snippet`: its text with the
    matches wrapped in SNIPPET_START / SNIPPET_END control characters, which
    the caller must escape the text around and turn into markup itself.
    `extra` has `matches` (counted up to MATCH_COUNT_CAP, before filters) and
    `matches_capped`.
    """
    match = fts_match_expression(query)
    if match is None:
        pos = listing.position(request, SORTS, "rank", False)
        page = listing.cut([], pos)
        page.total = 0
        page.extra = {"matches": 0, "matches_capped": False}
        return page
    matches = count_matches(db, query, max(MATCH_COUNT_CAP, RANK_LIMIT))
    if request.sort in (None, "rank") and matches > RANK_LIMIT:
        request = ListRequest("id", True, request.size, None)
    pos = listing.position(request, SORTS, "rank", False)
    where, params = _filter_sql(filters)
    filtered = bool(where)
    article_filter = _article_filter(filters)
    where, params = listing.paged_where(pos, where, params)
    if filtered and pos.sort.name == "id":
        found, stopped_at = _filtered_newest(db, match, filters, pos)
        page = listing.cut(found, pos, stopped_at=stopped_at)
        return _finish(db, match, page, pos, matches, filtered)
    key = "f.rank, s.id" if pos.sort.name == "rank" else "f.rowid"
    sql = f"""
        SELECT s.id, snippet(statements_fts, 0, char(2), char(3), '…', 24) AS snippet, {key}
        FROM statements_fts f JOIN statements s ON s.id = f.rowid
        {"JOIN articles a ON a.id = s.article_id" if article_filter else ""}
        WHERE statements_fts MATCH ? {"AND " + " AND ".join(where) if where else ""}
        ORDER BY {listing.order_sql(pos)}
        LIMIT ?
    """
    found = [
        {"id": r[0], "snippet": r[1], "_key": list(r[2:])}
        for r in db.execute(sql, [match, *params, pos.size + 1])
    ]
    page = listing.cut(found, pos)
    return _finish(db, match, page, pos, matches, filtered)


def _filtered_newest(
    db: sqlite_utils.Database, match: str, filters: SearchFilters, pos: listing.Position
) -> tuple[list[dict], list | None]:
    """Matches that pass the filters, newest stored first (or back), reading at most
    SCAN_LIMIT matches: a filter that rules most matches out costs a bounded read, and the
    page then leads on from where the read stopped (returned second; None when it did not)."""
    where, params = _filter_sql(filters)
    descending = pos.descending == pos.forward
    order = "DESC" if descending else "ASC"
    beyond = ""
    if pos.key is not None:
        beyond = f" AND rowid {'<' if descending else '>'} {int(pos.key[0])}"
    # the last match this page may read (None: fewer than SCAN_LIMIT are left)
    edge = db.execute(
        f"SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?{beyond}"
        f" ORDER BY rowid {order} LIMIT 1 OFFSET {SCAN_LIMIT - 1}",
        [match],
    ).fetchone()
    if edge is not None:
        where.append(f"f.rowid {'>=' if descending else '<='} {int(edge[0])}")
    article = "JOIN articles a ON a.id = s.article_id" if _article_filter(filters) else ""
    found = [
        {"id": r[0], "snippet": r[1], "_key": [r[0]]}
        for r in db.execute(
            "SELECT s.id, snippet(statements_fts, 0, char(2), char(3), '…', 24)"
            f" FROM statements_fts f JOIN statements s ON s.id = f.rowid {article}"
            f" WHERE statements_fts MATCH ?{beyond.replace('rowid', 'f.rowid')}"
            f" AND {' AND '.join(where)} ORDER BY f.rowid {order} LIMIT ?",
            [match, *params, pos.size + 1],
        )
    ]
    if len(found) > pos.size or edge is None:
        return found, None
    return found, [edge[0]]


def _article_filter(filters: SearchFilters) -> bool:
    return bool(filters.language or filters.publisher or filters.year)


def _finish(
    db: sqlite_utils.Database,
    match: str,
    page: Page,
    pos: listing.Position,
    matches: int,
    filtered: bool,
) -> Page:
    """The page's statements with their snippets, its match counts and its total."""
    ids = [r["id"] for r in page.items]
    snippets = {r["id"]: r["snippet"] for r in page.items if "snippet" in r}
    missing = [i for i in ids if i not in snippets]
    if missing:
        snippets.update(
            db.execute(
                "SELECT rowid, snippet(statements_fts, 0, char(2), char(3), '…', 24)"
                " FROM statements_fts WHERE statements_fts MATCH ?"
                f" AND rowid IN ({placeholders(missing)})",
                [match, *missing],
            ).fetchall()
        )
    page.items = statements_by_id(db, ids)
    for row in page.items:
        row["snippet"] = snippets[row["id"]]
    page.extra = {
        "matches": min(matches, MATCH_COUNT_CAP),
        "matches_capped": matches > MATCH_COUNT_CAP,
    }
    if not filtered:
        page.total, page.total_exact = min(matches, MATCH_COUNT_CAP), matches <= MATCH_COUNT_CAP
    else:
        listing.lower_bound(page, pos)
    return page


FACETS = ("source", "language", "publisher", "type", "year")
_FACET_SQL = {
    "language": "SELECT 'language' AS facet, language AS value, NULL AS label, count(*) AS count"
    " FROM matched GROUP BY language ORDER BY count DESC, value LIMIT 20",
    "publisher": "SELECT 'publisher' AS facet, publisher AS value, NULL AS label, count(*) AS count"
    " FROM matched"
    " WHERE publisher IS NOT NULL GROUP BY publisher ORDER BY count DESC, publisher LIMIT 20",
    "year": "SELECT 'year' AS facet, year AS value, NULL AS label, count(*) AS count FROM matched"
    " WHERE year IS NOT NULL GROUP BY year ORDER BY count DESC, year LIMIT 20",
    "type": "SELECT 'type' AS facet, at.type AS value, NULL AS label,"
    " count(DISTINCT matched.id) AS count"
    " FROM matched CROSS JOIN attributions at ON at.statement_id = matched.id"
    " GROUP BY at.type ORDER BY count DESC, at.type LIMIT 20",
    "source": "SELECT 'source' AS facet, src.slug AS value, src.name AS label,"
    " count(DISTINCT matched.id) AS count"
    " FROM matched CROSS JOIN attributions at ON at.statement_id = matched.id"
    " CROSS JOIN sources src ON src.id = at.speaker_source_id"
    " GROUP BY src.id ORDER BY count DESC, src.name LIMIT 20",
}


def search_facets(
    db: sqlite_utils.Database,
    query: str,
    filters: SearchFilters = SearchFilters(),
    names: tuple[str, ...] = ("source", "language", "publisher"),
) -> dict:
    """Counts of matching statements per value of the facets `names` (of FACETS: source,
    language, publisher, attribution type, year), each a list of {value, count} (sources
    also with `label`, the name).

    Counted over the FACET_SAMPLE most recently stored matches; `sampled`
    says whether there were more matches than that.
    """
    match = fts_match_expression(query)
    facets: dict[str, Any] = {name: [] for name in names}
    facets["sampled"] = False
    if match is None or not names:
        return facets
    where, params = _filter_sql(filters)
    facets["sampled"] = count_matches(db, query, FACET_SAMPLE) > FACET_SAMPLE
    counted = " UNION ALL ".join(f"SELECT * FROM ({_FACET_SQL[name]})" for name in names)
    found = rows(
        db,
        f"""
        WITH hits AS MATERIALIZED (
                SELECT rowid AS id FROM statements_fts WHERE statements_fts MATCH ?
                ORDER BY rowid DESC LIMIT {FACET_SAMPLE}),
             matched AS MATERIALIZED (
                SELECT s.id, a.language, a.publisher, substr(a.date, 1, 4) AS year FROM hits
                CROSS JOIN statements s ON s.id = hits.id
                CROSS JOIN articles a ON a.id = s.article_id
                {"WHERE " + " AND ".join(where) if where else ""})
        {counted}
        """,
        [match, *params],
    )
    for row in found:
        entry = {"value": row["value"], "count": row["count"]}
        if row["facet"] == "source":
            entry["label"] = row["label"]
        facets[row["facet"]].append(entry)
    return facets
