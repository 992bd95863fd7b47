"""Statement reads: one statement, the statement list with every filter, a source's claims
and relays, an event's and an article's statements.

Every row has one shape: id, article_id, index, paragraph, start, end, text,
`article` (the article's metadata) and `attributions` (see `attributions`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from claimtrack.store.reads import listing
from claimtrack.store.reads.attributions import attributions_for
from claimtrack.store.reads.listing import FIRST_PAGE, Column, ListRequest, Page, Sort
from claimtrack.store.reads.sql import placeholders, rows
from claimtrack.store.reads.text_query import fts_match_expression
from claimtrack.store.totals import site_totals, source_totals

ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.publisher, a.language, a.date, a.date_precision, "
    "a.word_count, a.imported_at, a.body_offset, a.kind"
)
STATEMENT_COLUMNS = 's.id, s.article_id, s.idx, s.paragraph, s.start, s."end", s.text'
# Matches of a word search are counted up to this many when deciding whether
# the words or the speaker lead a page filtered by both.
FTS_PROBE = 20_000
# Statements read per round when another filter leads and the words are
# checked against the full-text index for the id range of the round.
WORDS_CHUNK = 200
WORDS_CHUNK_MAX = 4000
# A relay with at least one in this many statements is looked for while reading
# all statements newest first, instead of collecting its claims first.
DENSE_RELAY = 200
# facets of a statement list are counted over at most this many of its rows
FACET_SAMPLE = 2000
FACETS = ("type", "language", "publisher", "year")
# a filtered list of a source's statements is counted up to this many ("more than" beyond):
# each row counted is an index step and a check that it is the statement's first claim
CLAIMS_COUNT_CAP = 250


@dataclass(frozen=True)
class StatementFilters:
    """Filters of every statement list; `source_ids`/`via_ids` hold the matching source ids.

    `since`/`until` are 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' and compare as many
    characters as they have (since=2021-04 keeps 2021-04-13).
    """

    source_ids: list[int] | None = None
    via_ids: list[int] | None = None
    event_id: int | None = None
    article_id: int | None = None
    type: str | None = None
    language: str | None = None
    publisher: str | None = None
    text_query: str | None = None
    since: str | None = None
    until: str | None = None


def overlaps(date_sql: str, operator: str) -> str:
    """A condition that a partial article date (2021, 2021-04, 2021-04-13) overlaps an
    open range from (`>=`) or up to (`<=`) a partial date, as if both were compared on the
    characters both have: since=2021-04 keeps 2021-04-13, since=2021-04-10 keeps an article
    dated 2021-04, until=2021 keeps 2021-12-31. Takes `overlap_params(value)`."""
    if operator == ">=":
        # at least the start, or a less precise date the start lies in
        return f"({date_sql} >= ? OR substr(?, 1, length({date_sql})) = {date_sql})"
    return f"substr({date_sql}, 1, ?) <= ?"


def overlap_params(value: str, operator: str) -> list:
    """The parameters of `overlaps(..., operator)` for the range's end `value`."""
    return [value, value] if operator == ">=" else [len(value), value]


# --------------------------------------------------------------- one statement


def attach_details(db: sqlite_utils.Database, statements: list[dict[str, Any]]) -> None:
    """Give statement rows (with `idx`) their `index`, `article` and `attributions`, in place."""
    if not statements:
        return
    article_ids = sorted({s["article_id"] for s in statements})
    articles = {
        a["id"]: a
        for a in rows(
            db,
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({placeholders(article_ids)})",
            article_ids,
        )
    }
    publishers = {
        s["id"]: (articles.get(s["article_id"]) or {}).get("publisher") for s in statements
    }
    attributions = attributions_for(db, publishers)
    for statement in statements:
        if "idx" in statement:
            statement["index"] = statement.pop("idx")
        statement["article"] = articles.get(statement["article_id"])
        statement["attributions"] = attributions.get(statement["id"], [])


def get_statement(db: sqlite_utils.Database, statement_id: int) -> dict[str, Any] | None:
    """One statement with its article and attributions, or None."""
    found = rows(db, f"SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = ?", [statement_id])
    attach_details(db, found)
    return found[0] if found else None


def statements_by_id(db: sqlite_utils.Database, ids: list[int]) -> list[dict[str, Any]]:
    """The statements with these ids, in the order of `ids`, with their details."""
    if not ids:
        return []
    found = {
        r["id"]: r
        for r in rows(
            db,
            f"SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id IN ({placeholders(ids)})",
            ids,
        )
    }
    ordered = [found[i] for i in ids if i in found]
    attach_details(db, ordered)
    return ordered


def article_statements(
    db: sqlite_utils.Database, article_id: int, publisher: str | None
) -> list[dict[str, Any]]:
    """Every statement of an article in text order, with attributions (no `article`: the
    caller has it)."""
    found = rows(
        db,
        f"SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.article_id = ? ORDER BY s.idx",
        [article_id],
    )
    attributions = attributions_for(db, {s["id"]: publisher for s in found})
    for statement in found:
        statement["index"] = statement.pop("idx")
        statement["attributions"] = attributions.get(statement["id"], [])
    return found


def statements_of_source_in_article(
    db: sqlite_utils.Database, article_id: int, source_id: int, exclude_statement_id: int
) -> list[dict]:
    """Other statements of the same article whose speaker is `source_id`: {id, index, text}."""
    return rows(
        db,
        'SELECT DISTINCT s.id, s.idx AS "index", s.text'
        " FROM attributions at JOIN statements s ON s.id = at.statement_id"
        " WHERE s.article_id = ? AND at.speaker_source_id = ? AND s.id != ? ORDER BY s.idx",
        [article_id, source_id, exclude_statement_id],
    )


# --------------------------------------------------------------- the statement list

ID_SORTS = (Sort("id", (Column("s.id", int),), lambda r: [r["id"]]),)


def list_statements(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    request: ListRequest = FIRST_PAGE,
    *,
    facets: tuple[str, ...] = (),
) -> Page:
    """A page of statements matching `filters`, by id (newest stored first by default).

    Every page is a range scan that stops after `size + 1` hits: the most
    selective filter leads, read from its index beyond the page token (an
    article's statements, an event's, a speaker's on the speaker index, the
    word search's on the full-text index, else all statements by id), and
    the other filters are checked row by row. No page builds the list of
    every match, so page 1,000 of a busy source costs what page 1 does.
    """
    pos = listing.position(request, ID_SORTS, "id", True)
    bound = pos.key[0] if pos.key else None
    read_descending = pos.descending == pos.forward
    found = statement_ids(db, filters, bound, pos.size + 1, read_descending)
    page = listing.cut([{"id": i} for i in found], pos)
    page.items = statements_by_id(db, [r["id"] for r in page.items])
    _statement_total(db, filters, page, pos)
    if facets:
        page.facets = statement_facets(db, filters, facets)
    return page


def statement_ids(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    bound: int | None,
    limit: int,
    descending: bool = True,
) -> list[int]:
    """Up to `limit` ids of matching statements beyond `bound`, read by id in that direction."""
    if filters.text_query is not None and fts_match_expression(filters.text_query) is None:
        return []  # nothing searchable typed: nothing matches
    if filters.source_ids == [] or filters.via_ids == []:
        return []  # a source reference that names no source
    lead = _leading_filter(db, filters)
    if lead == "source":
        # one range scan per source the reference names, merged in id order
        merged: set[int] = set()
        for source_id in dict.fromkeys(filters.source_ids or []):
            merged.update(_words_checked(db, filters, lead, bound, limit, descending, source_id))
        return sorted(merged, reverse=descending)[:limit]
    return _words_checked(db, filters, lead, bound, limit, descending)


def _leading_filter(db: sqlite_utils.Database, filters: StatementFilters) -> str:
    """Which filter's index a statement page is read from (the one with fewest rows)."""
    if filters.article_id is not None:
        return "article"
    if filters.event_id is not None:
        return "event"
    if filters.source_ids is not None:
        if filters.text_query is not None and filters.source_ids:
            # the words lead when they match fewer statements than the source has
            totals = source_totals(db, filters.source_ids)
            size = min(sum(t["speaker_statements"] for t in totals.values()), FTS_PROBE)
            if _fts_count(db, filters.text_query, size) < size:
                return "text"
        return "source"
    if filters.text_query is not None:
        return "text"
    if filters.via_ids is not None:
        # a busy relay is found soon enough reading all statements newest first;
        # the claims of a rare one are collected first (a short list)
        relayed = sum(t["relayed_claims"] for t in source_totals(db, filters.via_ids).values())
        if relayed * DENSE_RELAY < site_totals(db)["statements"]:
            return "via"
    return "all"


def _fts_count(db: sqlite_utils.Database, text_query: str, cap: int) -> int:
    """How many statements match the words, counted up to `cap`."""
    return db.execute(
        "SELECT count(*) FROM (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
        "LIMIT ?)",
        [fts_match_expression(text_query), cap],
    ).fetchone()[0]


def _words_checked(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    lead: str,
    bound: int | None,
    limit: int,
    descending: bool,
    source_id: int | None = None,
) -> list[int]:
    """Ids read in `lead`'s order, with the word search checked in rounds when it does not lead.

    Each round reads the next statements that pass every other filter, then
    asks the full-text index once for its matches between the round's lowest
    and highest id (a range read, cheap) and keeps the statements among them.
    Asking the index about each statement on its own costs far more.
    """
    if filters.text_query is None or lead == "text":
        return _id_page(db, filters, lead, bound, limit, descending, source_id)
    expression = fts_match_expression(filters.text_query)
    found: list[int] = []
    chunk = max(WORDS_CHUNK, 2 * limit)
    while len(found) < limit:
        ids = _id_page(db, filters, lead, bound, chunk, descending, source_id)
        if not ids:
            break
        low, high = min(ids[0], ids[-1]), max(ids[0], ids[-1])
        matched = {
            row[0]
            for row in db.execute(
                "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
                "AND rowid >= ? AND rowid <= ?",
                [expression, low, high],
            )
        }
        found += [i for i in ids if i in matched]
        if len(ids) < chunk:
            break
        bound = ids[-1]
        chunk = min(chunk * 2, WORDS_CHUNK_MAX)
    return found[:limit]


def _id_page(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    lead: str,
    bound: int | None,
    limit: int,
    descending: bool,
    source_id: int | None = None,
) -> list[int]:
    """Up to `limit` ids beyond `bound` in id order (`descending` or not), read in `lead`'s index."""
    where, params = _statement_conditions(filters, lead)
    beyond = "" if bound is None else f" AND {{key}} {'<' if descending else '>'} {int(bound)}"
    direction = "DESC" if descending else "ASC"
    if lead == "source":
        # the speaker index (speaker_source_id, statement_id) gives the order; a
        # statement where the source speaks twice is taken at its first attribution
        same = "t2.speaker_source_id = t.speaker_source_id AND t2.statement_id = t.statement_id"
        if filters.type is not None:
            same += " AND t2.type = t.type"
        source_sql = (
            "attributions t CROSS JOIN statements s ON s.id = t.statement_id"
            f" WHERE t.speaker_source_id = ?{beyond.format(key='t.statement_id')}"
            f" AND NOT EXISTS (SELECT 1 FROM attributions t2 WHERE {same} AND t2.id < t.id)"
        )
        params = [source_id, *params]
        if filters.type is not None:
            where.insert(0, "t.type = ?")
            params.insert(1, filters.type)
        order = f"t.statement_id {direction}"
    elif lead == "text":
        source_sql = (
            "statements_fts f CROSS JOIN statements s ON s.id = f.rowid"
            f" WHERE statements_fts MATCH ?{beyond.format(key='f.rowid')}"
        )
        params = [fts_match_expression(filters.text_query or ""), *params]
        order = f"f.rowid {direction}"
    elif lead == "event":
        source_sql = (
            "event_statements es CROSS JOIN statements s ON s.id = es.statement_id"
            f" WHERE es.event_id = ?{beyond.format(key='es.statement_id')}"
        )
        params = [filters.event_id, *params]
        order = f"es.statement_id {direction}"
    elif lead == "article":
        source_sql = f"statements s WHERE s.article_id = ?{beyond.format(key='s.id')}"
        params = [filters.article_id, *params]
        order = f"s.id {direction}"
    else:
        source_sql = f"statements s WHERE 1{beyond.format(key='s.id')}"
        order = f"s.id {direction}"
    sql = (
        f"SELECT s.id FROM {source_sql}"
        f"{''.join(' AND ' + w for w in where)} ORDER BY {order} LIMIT ?"
    )
    return [row[0] for row in db.execute(sql, [*params, limit])]


def _statement_conditions(filters: StatementFilters, lead: str) -> tuple[list[str], list[Any]]:
    """The checks on each statement `s` for the filters that do not lead the scan.

    Each is a correlated lookup by primary key or index (no join with
    articles: a join there made SQLite build a Bloom filter over every
    article before the first row).
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.source_ids is not None and lead != "source":
        speaker = f"t.speaker_source_id IN ({placeholders(filters.source_ids)})"
        params.extend(filters.source_ids)
        if filters.type is not None:
            speaker += " AND t.type = ?"
            params.append(filters.type)
        where.append(
            f"EXISTS (SELECT 1 FROM attributions t WHERE t.statement_id = s.id AND {speaker})"
        )
    elif filters.type is not None and lead != "source":
        where.append(
            "EXISTS (SELECT 1 FROM attributions t WHERE t.statement_id = s.id AND t.type = ?)"
        )
        params.append(filters.type)
    if filters.via_ids is not None:
        if lead == "via":
            # a relay leads only when nothing better does: its claims are collected once
            where.append(
                "s.id IN (SELECT t.statement_id FROM attribution_via v "
                "JOIN attributions t ON t.id = v.attribution_id "
                f"WHERE v.source_id IN ({placeholders(filters.via_ids)}))"
            )
        else:
            where.append(
                "EXISTS (SELECT 1 FROM attributions t JOIN attribution_via v "
                "ON v.attribution_id = t.id WHERE t.statement_id = s.id "
                f"AND v.source_id IN ({placeholders(filters.via_ids)}))"
            )
        params.extend(filters.via_ids)
    if filters.event_id is not None and lead != "event":
        where.append(
            "EXISTS (SELECT 1 FROM event_statements es "
            "WHERE es.event_id = ? AND es.statement_id = s.id)"
        )
        params.append(filters.event_id)
    if filters.article_id is not None and lead != "article":
        where.append("s.article_id = ?")
        params.append(filters.article_id)
    if filters.language is not None:
        where.append("(SELECT a.language FROM articles a WHERE a.id = s.article_id) = ?")
        params.append(filters.language)
    if filters.publisher is not None:
        where.append("(SELECT a.publisher FROM articles a WHERE a.id = s.article_id) = ?")
        params.append(filters.publisher)
    # one lookup of the article's date per check
    for value, operator in ((filters.since, ">="), (filters.until, "<=")):
        if value is not None:
            where.append(
                f"(SELECT {overlaps('a.date', operator)} FROM articles a WHERE a.id = s.article_id)"
            )
            params.extend(overlap_params(value, operator))
    return where, params


def _statement_total(
    db: sqlite_utils.Database, filters: StatementFilters, page: Page, pos: listing.Position
) -> None:
    """The exact total where one kept or indexed count gives it, else a lower bound."""
    only = {name for name, value in vars(filters).items() if value is not None}
    if not only:
        page.total = site_totals(db)["statements"]
    elif only == {"source_ids"} and len(filters.source_ids or []) <= 1:
        counts = source_totals(db, filters.source_ids or [])
        page.total = sum(c["speaker_statements"] for c in counts.values())
    elif only == {"article_id"}:
        page.total = db.execute(
            "SELECT count(*) FROM statements WHERE article_id = ?", [filters.article_id]
        ).fetchone()[0]
    elif only == {"event_id"}:
        page.total = db.execute(
            "SELECT count(*) FROM event_statements WHERE event_id = ?", [filters.event_id]
        ).fetchone()[0]
    else:
        listing.lower_bound(page, pos)
        return
    page.total_exact = True


def statement_facets(
    db: sqlite_utils.Database, filters: StatementFilters, names: tuple[str, ...]
) -> dict[str, Any]:
    """Counts per attribution type, language, publisher and year of the matching statements,
    over the FACET_SAMPLE newest (`sampled` says whether there were more)."""
    ids = statement_ids(db, filters, None, FACET_SAMPLE + 1)
    result: dict[str, Any] = {"sampled": len(ids) > FACET_SAMPLE}
    ids = ids[:FACET_SAMPLE]
    for name in names:
        result[name] = _facet_counts(db, name, ids) if ids else []
    return result


_FACET_SQL = {
    "type": "SELECT t.type AS value, count(DISTINCT t.statement_id) AS count FROM attributions t"
    " WHERE t.statement_id IN ({ids}) GROUP BY t.type",
    "language": "SELECT a.language AS value, count(*) AS count FROM statements s"
    " JOIN articles a ON a.id = s.article_id WHERE s.id IN ({ids}) GROUP BY a.language",
    "publisher": "SELECT a.publisher AS value, count(*) AS count FROM statements s"
    " JOIN articles a ON a.id = s.article_id WHERE s.id IN ({ids}) AND a.publisher IS NOT NULL"
    " GROUP BY a.publisher",
    "year": "SELECT substr(a.date, 1, 4) AS value, count(*) AS count FROM statements s"
    " JOIN articles a ON a.id = s.article_id WHERE s.id IN ({ids}) AND a.date IS NOT NULL"
    " GROUP BY 1",
}


def _facet_counts(db: sqlite_utils.Database, name: str, ids: list[int]) -> list[dict]:
    found = rows(db, _FACET_SQL[name].format(ids=", ".join(str(int(i)) for i in ids)))
    found.sort(key=lambda r: (-r["count"], str(r["value"])))
    return found[:20]


# --------------------------------------------------------------- a source's claims and relays


def _claim_sorts(role: str) -> tuple[Sort, ...]:
    t, id_column = ("t", "id") if role == "speaker" else ("v", "attribution_id")
    return (
        Sort(
            "date",
            (
                Column(f"{t}.article_date", str, nullable=True),
                Column(f"{t}.article_id", int),
                Column(f"{t}.{id_column}", int, reverse=True),
            ),
            lambda r: [r["_key"][0], r["_key"][1], r["_key"][2]],
        ),
    )


def source_statements(
    db: sqlite_utils.Database,
    source_id: int,
    role: str = "speaker",
    filters: StatementFilters = StatementFilters(),
    request: ListRequest = FIRST_PAGE,
    *,
    count: bool = True,
) -> Page:
    """Statements in which the source speaks (`role` "speaker") or that it passed on ("relay"),
    newest article first, in text order within an article; each statement once.

    Read in the order of the (source, article date, article) indexes; `filters`
    may add article_id, type, since, until and event_id. The total is exact
    from the kept totals for a speaker's unfiltered list, else counted up to
    CLAIMS_COUNT_CAP ("more than" beyond); `count=False` leaves it out.
    """
    if request.sort == "id" and role == "speaker":
        merged = replace(filters, source_ids=[source_id])
        return list_statements(db, merged, request)
    pos = listing.position(request, _claim_sorts(role), "date", True)
    if role == "speaker":
        t, id_column = "t", "id"
        source_sql = "attributions t"
        where = [
            "t.speaker_source_id = ?",
            (
                "NOT EXISTS (SELECT 1 FROM attributions t2 WHERE t2.speaker_source_id ="
                " t.speaker_source_id AND t2.statement_id = t.statement_id AND t2.id < t.id)"
            ),
        ]
    else:
        t, id_column = "v", "attribution_id"
        source_sql = "attribution_via v JOIN attributions t ON t.id = v.attribution_id"
        where = [
            "v.source_id = ?",
            (
                "NOT EXISTS (SELECT 1 FROM attribution_via v2 JOIN attributions t2"
                " ON t2.id = v2.attribution_id WHERE v2.source_id = v.source_id"
                " AND t2.statement_id = t.statement_id AND v2.attribution_id < v.attribution_id)"
            ),
        ]
    params: list[Any] = [source_id]
    if filters.article_id is not None:
        where.append(f"{t}.article_id = ?")
        params.append(filters.article_id)
    if filters.type:
        where.append("t.type = ?")
        params.append(filters.type)
    if filters.since:
        where.append(overlaps(f"{t}.article_date", ">="))
        params += overlap_params(filters.since, ">=")
    if filters.until:
        where.append(overlaps(f"{t}.article_date", "<="))
        params += overlap_params(filters.until, "<=")
    if filters.event_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM event_statements es "
            "WHERE es.statement_id = t.statement_id AND es.event_id = ?)"
        )
        params.append(filters.event_id)
    base_where, base_params = list(where), list(params)
    where, params = listing.paged_where(pos, where, params)
    sql = (
        f"SELECT t.statement_id, {t}.article_date, {t}.article_id, {t}.{id_column} AS key_id"
        f" FROM {source_sql} WHERE {' AND '.join(where)} ORDER BY {listing.order_sql(pos)} LIMIT ?"
    )
    found = [
        {"id": r[0], "_key": [r[1], r[2], r[3]]} for r in db.execute(sql, [*params, pos.size + 1])
    ]
    page = listing.cut(found, pos)
    page.items = statements_by_id(db, [r["id"] for r in page.items])
    unfiltered = len(base_params) == 1
    if not count:
        page.total, page.total_exact = None, False
    elif unfiltered and role == "speaker":
        page.total = source_totals(db, [source_id]).get(source_id, {}).get("speaker_statements", 0)
    else:
        page.total, page.total_exact = listing.count_capped(
            db,
            f"SELECT 1 FROM {source_sql} WHERE {' AND '.join(base_where)}",
            base_params,
            CLAIMS_COUNT_CAP,
        )
    return page


# --------------------------------------------------------------- an event's statements

EVENT_SORTS = (
    Sort(
        "date",
        (
            Column("COALESCE(a.date, '')", str),
            Column("a.id", int),
            Column("s.idx", int, reverse=True),
        ),
        lambda r: r["_key"],
    ),
)


def event_statements(
    db: sqlite_utils.Database, event_id: int, request: ListRequest = FIRST_PAGE
) -> Page:
    """Statements linked to an event, newest article first, then in text order."""
    if request.sort == "id":
        return list_statements(db, StatementFilters(event_id=event_id), request)
    pos = listing.position(request, EVENT_SORTS, "date", True)
    where, params = ["es.event_id = ?"], [event_id]
    where, params = listing.paged_where(pos, where, params)
    sql = (
        "SELECT s.id, COALESCE(a.date, ''), a.id, s.idx FROM event_statements es"
        " JOIN statements s ON s.id = es.statement_id JOIN articles a ON a.id = s.article_id"
        f" WHERE {' AND '.join(where)} ORDER BY {listing.order_sql(pos)} LIMIT ?"
    )
    found = [
        {"id": r[0], "_key": [r[1], r[2], r[3]]} for r in db.execute(sql, [*params, pos.size + 1])
    ]
    page = listing.cut(found, pos)
    page.items = statements_by_id(db, [r["id"] for r in page.items])
    page.total = db.execute(
        "SELECT count(*) FROM event_statements WHERE event_id = ?", [event_id]
    ).fetchone()[0]
    return page
