"""Reads and small writes behind the JSON API.

Lists use keyset pagination: callers pass `before` (the last id of the
previous page, or None) and `limit`; the query returns up to `limit + 1`
rows, newest first, so the caller can tell whether another page follows.
Rows come back as plain dicts; nested parts (attributions, via, aliases)
are fetched for a whole page in one query each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimtrack.store.queries import fts_match_expression
from claimtrack.store.sources import alias_key
from claimtrack.store.totals import site_totals, source_totals

ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.publisher, a.language, a.date, a.date_precision, "
    "a.word_count, a.imported_at, a.body_offset, a.kind"
)


@dataclass
class StatementFilters:
    """Filters of a statement list; source/via hold the matching source ids."""

    source_ids: list[int] | None = None
    via_ids: list[int] | None = None
    event_id: int | None = None
    article_id: int | None = None
    type: str | None = None
    language: str | None = None
    text_query: str | None = None
    since: str | None = None
    until: str | None = None


def _rows(db: sqlite_utils.Database, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _placeholders(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


# --- sources -----------------------------------------------------------------


def find_source_ids(db: sqlite_utils.Database, reference: str) -> list[int]:
    """Ids of the sources a user's reference means: an id, a slug, a name or an alias.

    Never creates a source; an unknown reference gives an empty list.
    """
    reference = reference.strip()
    if reference.isdigit() and len(reference) <= 18:
        row = db.execute("SELECT id FROM sources WHERE id = ?", [int(reference)]).fetchone()
        if row:
            return [row[0]]
    row = db.execute("SELECT id FROM sources WHERE slug = ?", [reference]).fetchone()
    if row:
        return [row[0]]
    key = alias_key(reference)
    if not key:
        return []
    ids = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT source_id FROM source_aliases WHERE alias_key = ? ORDER BY source_id",
            [key],
        )
    ]
    if ids:
        return ids
    return [
        r[0]
        for r in db.execute("SELECT id FROM sources WHERE name = ? COLLATE NOCASE", [reference])
    ]


def list_sources(
    db: sqlite_utils.Database, before: int | None, limit: int, name_query: str | None = None
) -> list[dict[str, Any]]:
    """A page of sources with their statement counts, newest first."""
    where, params = ["(? IS NULL OR s.id < ?)"], [before, before]
    if name_query:
        where.append(
            "s.id IN (SELECT source_id FROM source_aliases WHERE alias_key LIKE ? ESCAPE '\\')"
        )
        params.append("%" + _escape_like(alias_key(name_query)) + "%")
    sources = _rows(
        db,
        f"SELECT s.* FROM sources s WHERE {' AND '.join(where)} ORDER BY s.id DESC LIMIT ?",
        [*params, limit + 1],
    )
    _attach_source_details(db, sources)
    return sources


def get_source(db: sqlite_utils.Database, source_id: int) -> dict[str, Any] | None:
    """One source with its aliases and statement count, or None."""
    sources = _rows(db, "SELECT * FROM sources WHERE id = ?", [source_id])
    if not sources:
        return None
    _attach_source_details(db, sources)
    return sources[0]


def _attach_source_details(db: sqlite_utils.Database, sources: list[dict[str, Any]]) -> None:
    ids = [s["id"] for s in sources]
    if not ids:
        return
    aliases = defaultdict(list)
    for row in _rows(
        db,
        f"SELECT id, source_id, alias, language FROM source_aliases "
        f"WHERE source_id IN ({_placeholders(ids)}) ORDER BY id",
        ids,
    ):
        aliases[row.pop("source_id")].append(row)
    counts = dict(
        db.execute(
            f"SELECT speaker_source_id, COUNT(DISTINCT statement_id) FROM attributions "
            f"WHERE speaker_source_id IN ({_placeholders(ids)}) GROUP BY speaker_source_id",
            ids,
        ).fetchall()
    )
    for source in sources:
        source["aliases"] = aliases[source["id"]]
        source["statement_count"] = counts.get(source["id"], 0)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- statements --------------------------------------------------------------


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


def find_statements(
    db: sqlite_utils.Database, filters: StatementFilters, before: int | None, limit: int
) -> list[dict[str, Any]]:
    """A page of statements matching `filters`, newest first, with attributions attached.

    Every page is a range scan that stops after `limit + 1` hits: the most
    selective filter leads, read newest first from its index below `before`
    (an article's statements, an event's, a speaker's on the speaker index,
    the word search's on the full-text index, else all statements by id),
    and the other filters are checked row by row. No page builds the list of
    every match, so page 1,000 of a busy source costs what page 1 does and an
    export fetched in such pages takes time in proportion to its size.
    """
    if filters.text_query is not None and fts_match_expression(filters.text_query) is None:
        return []  # nothing searchable typed: nothing matches
    lead = _leading_filter(db, filters)
    if lead == "source":
        # one range scan per source the reference names, merged newest first
        pages = [
            _words_checked_page(db, filters, lead, before, limit, source_id)
            for source_id in dict.fromkeys(filters.source_ids or [])
        ]
        merged: dict[int, dict[str, Any]] = {}
        for row in sorted((r for page in pages for r in page), key=lambda r: -r["id"]):
            merged.setdefault(row["id"], row)
        statements = list(merged.values())[: limit + 1]
    else:
        statements = _words_checked_page(db, filters, lead, before, limit)
    attach_statement_details(db, statements)
    return statements


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


def _words_checked_page(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    lead: str,
    before: int | None,
    limit: int,
    source_id: int | None = None,
) -> list[dict[str, Any]]:
    """A page read in `lead`'s order, with the word search checked in rounds when it does not lead.

    Each round reads the next statements that pass every other filter, then
    asks the full-text index once for its matches between the round's lowest
    and highest id (a range read, cheap) and keeps the statements among them.
    Asking the index about each statement on its own costs far more.
    """
    if filters.text_query is None or lead == "text":
        return _statement_page(db, filters, lead, before, limit, source_id)
    expression = fts_match_expression(filters.text_query)
    found: list[dict[str, Any]] = []
    chunk = max(WORDS_CHUNK, 2 * (limit + 1))
    while len(found) <= limit:
        rows = _statement_page(db, filters, lead, before, chunk - 1, source_id)
        if not rows:
            break
        low, high = rows[-1]["id"], rows[0]["id"]
        matched = {
            row[0]
            for row in db.execute(
                "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
                "AND rowid >= ? AND rowid <= ?",
                [expression, low, high],
            )
        }
        found += [row for row in rows if row["id"] in matched]
        if len(rows) < chunk:
            break
        before = low
        chunk = min(chunk * 2, WORDS_CHUNK_MAX)
    return found[: limit + 1]


def _statement_page(
    db: sqlite_utils.Database,
    filters: StatementFilters,
    lead: str,
    before: int | None,
    limit: int,
    source_id: int | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit + 1` statements below `before`, newest first, read in `lead`'s index order."""
    where, params = _statement_conditions(filters, lead)
    below = "" if before is None else f" AND {{key}} < {int(before)}"
    if lead == "source":
        # the speaker index (speaker_source_id, statement_id) gives the order; a
        # statement where the source speaks twice is taken at its first attribution
        same = "t2.speaker_source_id = t.speaker_source_id AND t2.statement_id = t.statement_id"
        if filters.type is not None:
            same += " AND t2.type = t.type"
        source_sql = (
            "attributions t CROSS JOIN statements s ON s.id = t.statement_id"
            f" WHERE t.speaker_source_id = ?{below.format(key='t.statement_id')}"
            f" AND NOT EXISTS (SELECT 1 FROM attributions t2 WHERE {same} AND t2.id < t.id)"
        )
        params = [source_id, *params]
        if filters.type is not None:
            where.insert(0, "t.type = ?")
            params.insert(1, filters.type)
        order = "t.statement_id DESC"
    elif lead == "text":
        source_sql = (
            "statements_fts f CROSS JOIN statements s ON s.id = f.rowid"
            f" WHERE statements_fts MATCH ?{below.format(key='f.rowid')}"
        )
        params = [fts_match_expression(filters.text_query or ""), *params]
        order = "f.rowid DESC"
    elif lead == "event":
        source_sql = (
            "event_statements es CROSS JOIN statements s ON s.id = es.statement_id"
            f" WHERE es.event_id = ?{below.format(key='es.statement_id')}"
        )
        params = [filters.event_id, *params]
        order = "es.statement_id DESC"
    elif lead == "article":
        source_sql = f"statements s WHERE s.article_id = ?{below.format(key='s.id')}"
        params = [filters.article_id, *params]
        order = "s.id DESC"
    else:
        source_sql = f"statements s WHERE 1{below.format(key='s.id')}"
        order = "s.id DESC"
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM {source_sql}"
        f"{''.join(' AND ' + w for w in where)} ORDER BY {order} LIMIT ?"
    )
    return _rows(db, sql, [*params, limit + 1])


def get_statement(db: sqlite_utils.Database, statement_id: int) -> dict[str, Any] | None:
    """One statement with its article and attributions, or None."""
    statements = _rows(
        db,
        'SELECT id, article_id, idx, paragraph, start, "end", text FROM statements WHERE id = ?',
        [statement_id],
    )
    attach_statement_details(db, statements)
    return statements[0] if statements else None


def _statement_conditions(filters: StatementFilters, lead: str) -> tuple[list[str], list[Any]]:
    """The checks on each statement `s` for the filters that do not lead the scan.

    Each is a correlated lookup by primary key or index (no join with
    articles: a join there made SQLite build a Bloom filter over every
    article before the first row).
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.source_ids is not None and lead != "source":
        speaker = f"t.speaker_source_id IN ({_placeholders(filters.source_ids)})"
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
                f"WHERE v.source_id IN ({_placeholders(filters.via_ids)}))"
            )
        else:
            where.append(
                "EXISTS (SELECT 1 FROM attributions t JOIN attribution_via v "
                "ON v.attribution_id = t.id WHERE t.statement_id = s.id "
                f"AND v.source_id IN ({_placeholders(filters.via_ids)}))"
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
    if filters.since is not None:
        # compare only as many characters as the filter has: since=2021-04 keeps 2021-04-13
        where.append("substr((SELECT a.date FROM articles a WHERE a.id = s.article_id), 1, ?) >= ?")
        params.extend([len(filters.since), filters.since])
    if filters.until is not None:
        where.append("substr((SELECT a.date FROM articles a WHERE a.id = s.article_id), 1, ?) <= ?")
        params.extend([len(filters.until), filters.until])
    return where, params


def attach_statement_details(db: sqlite_utils.Database, statements: list[dict[str, Any]]) -> None:
    """Add `article` and `attributions` (with speaker and via) to statement rows in place."""
    if not statements:
        return
    article_ids = sorted({s["article_id"] for s in statements})
    articles = {
        a["id"]: a
        for a in _rows(
            db,
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({_placeholders(article_ids)})",
            article_ids,
        )
    }
    attributions = attributions_for(db, [s["id"] for s in statements])
    for statement in statements:
        statement["index"] = statement.pop("idx")
        statement["article"] = articles.get(statement["article_id"])
        statement["attributions"] = attributions.get(statement["id"], [])


def attributions_for(
    db: sqlite_utils.Database, statement_ids: list[int]
) -> dict[int, list[dict[str, Any]]]:
    """The attributions of each statement, in order, with speaker source and via chain."""
    if not statement_ids:
        return {}
    rows = _rows(
        db,
        "SELECT t.*, src.slug AS speaker_slug, src.name AS speaker_source_name "
        "FROM attributions t LEFT JOIN sources src ON src.id = t.speaker_source_id "
        f"WHERE t.statement_id IN ({_placeholders(statement_ids)}) "
        "ORDER BY t.statement_id, t.position, t.id",
        statement_ids,
    )
    via = _via_for(db, [r["id"] for r in rows])
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        result[row["statement_id"]].append(
            {
                "id": row["id"],
                "type": row["type"],
                "confidence": row["confidence"],
                "speaker": {
                    "source_id": row["speaker_source_id"],
                    "name": row["speaker_source_name"] or row["speaker_name"],
                    "slug": row["speaker_slug"],
                    "kind": row["speaker_kind"],
                    "mention": _span(row, "mention"),
                    "unresolved": row["unresolved"],
                },
                "cue": _span(row, "cue"),
                "content": _span(row, "content"),
                "via": via.get(row["id"], []),
                "parent_id": row["parent_id"],
            }
        )
    return result


def _via_for(db: sqlite_utils.Database, attribution_ids: list[int]) -> dict[int, list[dict]]:
    if not attribution_ids:
        return {}
    result: dict[int, list[dict]] = defaultdict(list)
    for row in _rows(
        db,
        "SELECT v.*, src.slug, src.name AS source_name FROM attribution_via v "
        "LEFT JOIN sources src ON src.id = v.source_id "
        f"WHERE v.attribution_id IN ({_placeholders(attribution_ids)}) "
        "ORDER BY v.attribution_id, v.position",
        attribution_ids,
    ):
        result[row["attribution_id"]].append(
            {
                "source_id": row["source_id"],
                "name": row["source_name"] or row["name"],
                "slug": row["slug"],
                "kind": row["kind"],
                "mention": _span(row, "mention"),
            }
        )
    return result


def _span(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    text = row.get(prefix)
    if text is None:
        return None
    return {"text": text, "start": row.get(f"{prefix}_start"), "end": row.get(f"{prefix}_end")}


# --- articles ----------------------------------------------------------------


def list_articles(
    db: sqlite_utils.Database, before: int | None, limit: int
) -> list[dict[str, Any]]:
    """A page of articles (without bodies) and their statement counts, newest first."""
    return _rows(
        db,
        f"SELECT {ARTICLE_COLUMNS}, "
        "(SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS statement_count "
        "FROM articles a WHERE (? IS NULL OR a.id < ?) ORDER BY a.id DESC LIMIT ?",
        [before, before, limit + 1],
    )


def get_article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """One article with its body and every statement (with attributions), or None."""
    articles = _rows(
        db, f"SELECT {ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = ?", [article_id]
    )
    if not articles:
        return None
    article = articles[0]
    statements = _rows(
        db,
        'SELECT id, article_id, idx, paragraph, start, "end", text FROM statements '
        "WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    attributions = attributions_for(db, [s["id"] for s in statements])
    for statement in statements:
        statement["index"] = statement.pop("idx")
        statement["attributions"] = attributions.get(statement["id"], [])
    article["statements"] = statements
    article["statement_count"] = len(statements)
    return article


def article_id_by_hash(db: sqlite_utils.Database, content_hash: str) -> int | None:
    """Id of the stored article with this content hash, if any."""
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


# --- events ------------------------------------------------------------------


def list_events(db: sqlite_utils.Database, before: int | None, limit: int) -> list[dict[str, Any]]:
    """A page of events with participant ids and statement counts, newest first."""
    events = _rows(
        db,
        "SELECT e.*, (SELECT COUNT(*) FROM event_statements es WHERE es.event_id = e.id) "
        "AS statement_count FROM events e WHERE (? IS NULL OR e.id < ?) ORDER BY e.id DESC LIMIT ?",
        [before, before, limit + 1],
    )
    _attach_participants(db, events)
    return events


def get_event(db: sqlite_utils.Database, event_id: int) -> dict[str, Any] | None:
    """One event with its participants and statement count, or None."""
    events = _rows(
        db,
        "SELECT e.*, (SELECT COUNT(*) FROM event_statements es WHERE es.event_id = e.id) "
        "AS statement_count FROM events e WHERE e.id = ?",
        [event_id],
    )
    _attach_participants(db, events)
    return events[0] if events else None


def _attach_participants(db: sqlite_utils.Database, events: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in events]
    if not ids:
        return
    participants = defaultdict(list)
    for row in _rows(
        db,
        "SELECT p.event_id, s.id, s.name, s.slug, s.kind FROM event_participants p "
        f"JOIN sources s ON s.id = p.source_id WHERE p.event_id IN ({_placeholders(ids)}) "
        "ORDER BY s.name",
        ids,
    ):
        participants[row.pop("event_id")].append(row)
    for event in events:
        event["participants"] = participants[event["id"]]


def missing_ids(db: sqlite_utils.Database, table: str, ids: list[int]) -> list[int]:
    """Those of `ids` that have no row in `table` (one of sources, statements, articles)."""
    if table not in {"sources", "statements", "articles"}:
        raise ValueError(f"unexpected table {table}")
    if not ids:
        return []
    found = {
        r[0]
        for r in db.execute(f"SELECT id FROM {table} WHERE id IN ({_placeholders(ids)})", list(ids))
    }
    return [i for i in ids if i not in found]
