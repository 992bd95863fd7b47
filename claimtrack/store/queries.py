"""Read queries behind the web pages and the API lists.

Every function takes an open sqlite-utils Database and returns plain dicts
(or lists of them), so the HTML pages, their .json/.csv twins and the JSON
API all share one implementation. List functions page with keyset cursors:
they return `{"rows": [...], "next": token-or-None}` and accept `after=token`
(see `claimtrack.store.cursors`); no OFFSET anywhere.

A claim's *chain* is how it reached the reader: the article's publisher,
then each source that passed it on (`via`, outermost first), then the speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimtrack.store import totals
from claimtrack.store.cursors import decode_cursor, encode_cursor

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# Facets of a search are counted over at most this many matches, and more
# matches than RANK_LIMIT are listed newest first rather than ranked, so a
# query matching half the corpus still answers quickly.
FACET_SAMPLE = 2000
RANK_LIMIT = 2000
# Search results say how many statements match up to this many, then "more than".
MATCH_COUNT_CAP = 2000
_IN_CHUNK = 500


@dataclass(frozen=True)
class ClaimFilters:
    """Filters shared by the claim lists of a source (as speaker or as relay)."""

    article_id: int | None = None
    date_from: str | None = None  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    date_to: str | None = None
    type: str | None = None
    event_id: int | None = None


@dataclass(frozen=True)
class SearchFilters:
    """Facet filters of the statement search."""

    source: str | None = None  # source slug
    language: str | None = None
    publisher: str | None = None


def _page_size(limit: int | None) -> int:
    if not limit or limit < 1:
        return DEFAULT_PAGE_SIZE
    return min(limit, MAX_PAGE_SIZE)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _IN_CHUNK):
        yield ids[i : i + _IN_CHUNK]


def _placeholders(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


# ---------------------------------------------------------------- home


def site_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Numbers for the home page: articles, statements, attributed statements, sources, events.

    Read from the totals the database keeps (claimtrack.store.totals), not counted.
    """
    return totals.site_totals(db)


def recent_articles(db: sqlite_utils.Database, limit: int = 10) -> list[dict]:
    """The most recently imported articles, newest first."""
    return list(
        db.query(
            """
            SELECT id, title, publisher, language, date, word_count, imported_at
            FROM articles ORDER BY imported_at DESC, id DESC LIMIT ?
            """,
            [limit],
        )
    )


def most_cited_sources(db: sqlite_utils.Database, limit: int = 10) -> list[dict]:
    """Sources with the most claims as speaker, most first (from the kept per-source totals)."""
    return list(
        db.query(
            """
            SELECT src.id, src.name, src.slug, src.kind, top.claims
            FROM (SELECT source_id, speaker_claims AS claims FROM source_totals
                  WHERE speaker_claims > 0
                  ORDER BY speaker_claims DESC LIMIT ?) AS top
            JOIN sources src ON src.id = top.source_id
            ORDER BY top.claims DESC, src.name
            """,
            [limit],
        )
    )


# ---------------------------------------------------------------- articles


def list_articles(
    db: sqlite_utils.Database,
    *,
    publisher: str | None = None,
    language: str | None = None,
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Articles, newest publication date first (undated last), with statement counts."""
    size = _page_size(limit)
    where, params = [], []
    if publisher:
        where.append("a.publisher = ?")
        params.append(publisher)
    if language:
        where.append("a.language = ?")
        params.append(language)
    key = decode_cursor(after, ((str, type(None)), int))
    if key:
        date, article_id = key
        if date is None:
            where.append("(a.date IS NULL AND a.id < ?)")
            params.append(article_id)
        else:
            where.append("(a.date < ? OR a.date IS NULL OR (a.date = ? AND a.id < ?))")
            params += [date, date, article_id]
    # date DESC puts undated articles last and reads idx_articles_date backwards
    sql = f"""
        WITH page AS (
            SELECT a.id FROM articles a
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY a.date DESC, a.id DESC
            LIMIT ?
        )
        SELECT a.id, a.title, a.url, a.publisher, a.language, a.date, a.word_count,
               a.imported_at,
               (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements
        FROM page JOIN articles a ON a.id = page.id
        ORDER BY a.date DESC, a.id DESC
    """
    rows = list(db.query(sql, params + [size + 1]))
    return _page(rows, size, lambda r: [r["date"], r["id"]])


def get_article(db: sqlite_utils.Database, article_id: int) -> dict | None:
    """One article with its body, or None."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def article_statements(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """Every statement of an article in order, each with its attributions and their chains."""
    statements = list(
        db.query(
            'SELECT id, idx, paragraph, start, "end", text FROM statements '
            "WHERE article_id = ? ORDER BY idx",
            [article_id],
        )
    )
    article = get_article(db, article_id)
    publisher = article["publisher"] if article else None
    attributions = _attributions_for(db, [s["id"] for s in statements], publisher)
    for statement in statements:
        statement["attributions"] = attributions.get(statement["id"], [])
    return statements


def article_sources(statements: list[dict]) -> list[dict]:
    """The distinct speakers of an article's statements, in order of first appearance.

    Works on the output of `article_statements`; each entry has the speaker's
    name, slug, kind, the attribution types used, the names it came via, and
    `refs`: one {statement_id, idx, chain} per statement where it speaks.
    """
    sources: dict[str, dict] = {}
    for statement in statements:
        for attribution in statement["attributions"]:
            key = source_key(attribution)
            entry = sources.setdefault(
                key,
                {
                    "key": key,
                    "name": attribution["speaker_name"],
                    "slug": attribution["speaker_slug"],
                    "kind": attribution["speaker_kind"],
                    "unresolved": attribution.get("unresolved"),
                    "statement_ids": [],
                    "refs": [],
                    "types": [],
                    "vias": [],
                },
            )
            if statement["id"] not in entry["statement_ids"]:
                entry["statement_ids"].append(statement["id"])
                entry["refs"].append(
                    {
                        "statement_id": statement["id"],
                        "idx": statement["idx"],
                        "chain": attribution["chain"],
                    }
                )
            if attribution["type"] not in entry["types"]:
                entry["types"].append(attribution["type"])
            for via in attribution["via"]:
                if via["name"] not in entry["vias"]:
                    entry["vias"].append(via["name"])
    return list(sources.values())


def source_key(attribution: dict) -> str:
    """A stable key for the speaker of an attribution (the source id, else the name)."""
    if attribution.get("speaker_source_id") is not None:
        return f"id:{attribution['speaker_source_id']}"
    return f"name:{attribution['speaker_name']}"


# ---------------------------------------------------------------- statements


def get_statement(db: sqlite_utils.Database, statement_id: int) -> dict | None:
    """One statement with its article's metadata and its attributions (with chains)."""
    rows = list(
        db.query(
            """
            SELECT s.id, s.idx, s.paragraph, s.start, s."end", s.text, s.article_id,
                   a.title AS article_title, a.publisher, a.language, a.date AS article_date,
                   a.url AS article_url
            FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE s.id = ?
            """,
            [statement_id],
        )
    )
    if not rows:
        return None
    statement = rows[0]
    statement["attributions"] = _attributions_for(db, [statement_id], statement["publisher"]).get(
        statement_id, []
    )
    return statement


def statements_of_source_in_article(
    db: sqlite_utils.Database, article_id: int, source_id: int, exclude_statement_id: int
) -> list[dict]:
    """Other statements of the same article whose speaker is `source_id`, in text order."""
    return list(
        db.query(
            """
            SELECT DISTINCT s.id, s.idx, s.text
            FROM attributions at JOIN statements s ON s.id = at.statement_id
            WHERE s.article_id = ? AND at.speaker_source_id = ? AND s.id != ?
            ORDER BY s.idx
            """,
            [article_id, source_id, exclude_statement_id],
        )
    )


def _attributions_for(
    db: sqlite_utils.Database, statement_ids: list[int], publisher: str | None
) -> dict[int, list[dict]]:
    """Attributions of the given statements keyed by statement id, each with `via` and `chain`."""
    by_statement: dict[int, list[dict]] = defaultdict(list)
    for chunk in _chunks(statement_ids):
        for row in db.query(
            f"""
            SELECT at.id, at.statement_id, at.position, at.speaker_source_id, at.speaker_name,
                   at.speaker_kind, at.mention, at.mention_start, at.mention_end,
                   at.cue, at.cue_start, at.cue_end, at.content, at.content_start,
                   at.content_end, at.type, at.confidence, at.parent_id, at.unresolved,
                   src.slug AS speaker_slug, src.name AS source_name
            FROM attributions at LEFT JOIN sources src ON src.id = at.speaker_source_id
            WHERE at.statement_id IN ({_placeholders(chunk)})
            ORDER BY at.statement_id, at.position, at.id
            """,
            chunk,
        ):
            if row["source_name"]:
                row["speaker_name"] = row["source_name"]
            by_statement[row["statement_id"]].append(row)
    all_attributions = [a for group in by_statement.values() for a in group]
    _attach_chains(db, all_attributions, lambda _a: publisher)
    return dict(by_statement)


def _vias_for(db: sqlite_utils.Database, attribution_ids: list[int]) -> dict[int, list[dict]]:
    vias: dict[int, list[dict]] = defaultdict(list)
    for chunk in _chunks(attribution_ids):
        for row in db.query(
            f"""
            SELECT v.attribution_id, v.position, v.source_id, v.kind, v.mention,
                   v.mention_start, v.mention_end, COALESCE(src.name, v.name) AS name, src.slug
            FROM attribution_via v LEFT JOIN sources src ON src.id = v.source_id
            WHERE v.attribution_id IN ({_placeholders(chunk)})
            ORDER BY v.attribution_id, v.position
            """,
            chunk,
        ):
            vias[row["attribution_id"]].append(row)
    return vias


def _attach_chains(db: sqlite_utils.Database, attributions: list[dict], publisher_of) -> None:
    """Give each attribution dict `via` (list) and `chain` (publisher → via… → speaker)."""
    vias = _vias_for(db, [a["id"] for a in attributions])
    for attribution in attributions:
        attribution["via"] = [
            {
                "name": v["name"],
                "slug": v["slug"],
                "kind": v["kind"],
                "mention": v["mention"],
                "mention_start": v["mention_start"],
                "mention_end": v["mention_end"],
            }
            for v in vias.get(attribution["id"], [])
        ]
        attribution["chain"] = build_chain(
            # the publisher's own words: the publisher is the speaker, named once
            None if attribution.get("type") == "publisher" else publisher_of(attribution),
            attribution["via"],
            {"name": attribution["speaker_name"], "slug": attribution.get("speaker_slug")},
        )


def build_chain(publisher: str | None, via: list[dict], speaker: dict) -> list[dict]:
    """The provenance chain as a list of {role, name, slug}: publisher, via…, speaker."""
    chain = []
    if publisher:
        chain.append({"role": "publisher", "name": publisher, "slug": None})
    chain += [{"role": "via", "name": v["name"], "slug": v.get("slug")} for v in via]
    chain.append({"role": "speaker", "name": speaker["name"], "slug": speaker.get("slug")})
    return chain


def chain_text(chain: list[dict]) -> str:
    """A chain as one line of text: 'NRC → Witte Huis → Joe Biden'."""
    return " → ".join(link["name"] for link in chain)


# ---------------------------------------------------------------- sources


def get_source(db: sqlite_utils.Database, slug: str) -> dict | None:
    """A source by slug with its aliases and affiliation, or None."""
    rows = list(
        db.query(
            """
            SELECT src.*, aff.name AS affiliation_name, aff.slug AS affiliation_slug
            FROM sources src LEFT JOIN sources aff ON aff.id = src.affiliation_id
            WHERE src.slug = ?
            """,
            [slug],
        )
    )
    if not rows:
        return None
    source = rows[0]
    source["aliases"] = list(
        db.query(
            "SELECT id, alias, language FROM source_aliases WHERE source_id = ? "
            "ORDER BY alias COLLATE NOCASE, id",
            [source["id"]],
        )
    )
    stats = _source_stats(db, [source["id"]]).get(source["id"], {})
    source.update(_empty_stats() | stats)
    return source


def list_sources(
    db: sqlite_utils.Database,
    *,
    kind: str | None = None,
    language: str | None = None,
    q: str | None = None,
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Sources by name, each with claim counts as speaker and as relay, languages, first/last seen.

    `q` matches the name or any alias (substring, case-insensitive);
    `language` keeps sources quoted or relayed in articles of that language.
    """
    size = _page_size(limit)
    where, params = [], []
    if kind:
        where.append("src.kind = ?")
        params.append(kind)
    if q and q.strip():
        pattern = "%" + _escape_like(q.strip()) + "%"
        where.append(
            "(src.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM source_aliases sa "
            "WHERE sa.source_id = src.id AND sa.alias LIKE ? ESCAPE '\\'))"
        )
        params += [pattern, pattern]
    if language:
        where.append(
            """(EXISTS (SELECT 1 FROM attributions at JOIN articles a ON a.id = at.article_id
                        WHERE at.speaker_source_id = src.id AND a.language = ?)
                OR EXISTS (SELECT 1 FROM attribution_via v JOIN articles a ON a.id = v.article_id
                        WHERE v.source_id = src.id AND a.language = ?))"""
        )
        params += [language, language]
    key = decode_cursor(after, (str, int))
    if key:
        where.append("(src.name > ? OR (src.name = ? AND src.id > ?))")
        params += [key[0], key[0], key[1]]
    sql = f"""
        SELECT src.id, src.name, src.slug, src.kind
        FROM sources src
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY src.name, src.id
        LIMIT ?
    """
    rows = list(db.query(sql, params + [size + 1]))
    page = _page(rows, size, lambda r: [r["name"], r["id"]])
    stats = _source_stats(db, [r["id"] for r in page["rows"]])
    for row in page["rows"]:
        row.update(_empty_stats() | stats.get(row["id"], {}))
    return page


def _empty_stats() -> dict:
    return {
        "speaker_claims": 0,
        "relayed_claims": 0,
        "languages": [],
        "first_seen": None,
        "last_seen": None,
    }


def _source_stats(db: sqlite_utils.Database, source_ids: list[int]) -> dict[int, dict]:
    """Claim counts, languages and first/last article date per source id.

    Counts come from the kept per-source totals, first/last seen from one
    index probe each (min/max of the copied article date) and languages stop
    at the first hit, so a source with thousands of claims costs about as
    much as one with a few.
    """
    languages = distinct_values(db, "articles", "language")
    kept = totals.source_totals(db, source_ids)
    stats: dict[int, dict] = {}
    for source_id in source_ids:
        counts = kept.get(source_id, {"speaker_claims": 0, "relayed_claims": 0})
        # each min()/max() alone is one probe of the (source, article_date) indexes
        dates = db.execute(
            """
            SELECT (SELECT min(article_date) FROM attributions WHERE speaker_source_id = ?1),
                   (SELECT max(article_date) FROM attributions WHERE speaker_source_id = ?1),
                   (SELECT min(article_date) FROM attribution_via WHERE source_id = ?1),
                   (SELECT max(article_date) FROM attribution_via WHERE source_id = ?1)
            """,
            [source_id],
        ).fetchone()
        dates = [d for d in dates if d]
        speaker_claims, relayed_claims = counts["speaker_claims"], counts["relayed_claims"]
        stats[source_id] = {
            "speaker_claims": speaker_claims,
            "relayed_claims": relayed_claims,
            "languages": [
                language
                for language in sorted(languages)
                if (speaker_claims or relayed_claims)
                and _appears_in_language(db, source_id, language)
            ],
            "first_seen": min(dates) if dates else None,
            "last_seen": max(dates) if dates else None,
        }
    return stats


def _appears_in_language(db: sqlite_utils.Database, source_id: int, language: str) -> bool:
    return bool(
        db.execute(
            """
            SELECT EXISTS (SELECT 1 FROM attributions at JOIN articles a ON a.id = at.article_id
                           WHERE at.speaker_source_id = ? AND a.language = ?)
                OR EXISTS (SELECT 1 FROM attribution_via v JOIN articles a ON a.id = v.article_id
                           WHERE v.source_id = ? AND a.language = ?)
            """,
            [source_id, language, source_id, language],
        ).fetchone()[0]
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CLAIM_COLUMNS = """
    at.id AS attribution_id, at.type, at.cue, at.confidence, at.content,
    at.speaker_source_id, at.speaker_name, at.speaker_kind,
    spk.slug AS speaker_slug, spk.name AS source_name,
    s.id AS statement_id, s.idx AS statement_idx, s.text AS statement_text,
    a.id AS article_id, a.title AS article_title, a.date AS article_date,
    a.publisher, a.language, at.article_date AS claim_article_date
"""


def _claim_keyset(table: str, id_column: str, key: list) -> tuple[str, list]:
    """Rows after `key` = [article_date or None, article_id, attribution_id] in claim order."""
    date, article_id, attribution_id = key
    within = f"({table}.article_id < ? OR ({table}.article_id = ? AND {table}.{id_column} > ?))"
    tail = [article_id, article_id, attribution_id]
    if date is None:
        return f"({table}.article_date IS NULL AND {within})", tail
    after_date = (
        f"({table}.article_date < ? OR {table}.article_date IS NULL "
        f"OR ({table}.article_date = ? AND {within}))"
    )
    return after_date, [date, date] + tail


def source_claims(
    db: sqlite_utils.Database,
    source_id: int,
    filters: ClaimFilters = ClaimFilters(),
    *,
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Claims made by the source (it is the speaker), newest article first, with chains."""
    return _claims(db, "speaker", source_id, filters, after, limit)


def source_relays(
    db: sqlite_utils.Database,
    source_id: int,
    filters: ClaimFilters = ClaimFilters(),
    *,
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Claims of others that the source passed on (it is a `via`), newest article first."""
    return _claims(db, "relay", source_id, filters, after, limit)


# How each claim list finds its attributions. Both read in the order of an
# index (schema version 2): newest article first, undated last, then the
# attribution id, which follows the text within an article.
_CLAIM_LISTS = {
    "speaker": ("attributions at", "at", "id", "at.speaker_source_id = ?"),
    "relay": (
        "attribution_via v JOIN attributions at ON at.id = v.attribution_id",
        "v",
        "attribution_id",
        "v.source_id = ?",
    ),
}


def _claims(
    db: sqlite_utils.Database,
    role: str,
    source_id: int,
    filters: ClaimFilters,
    after: str | None,
    limit: int | None,
) -> dict:
    """One page of claims: pick the attribution ids on an index first, then join their details."""
    size = _page_size(limit)
    source_sql, t, id_column, condition = _CLAIM_LISTS[role]
    where, params = [condition], [source_id]
    if filters.article_id is not None:
        where.append(f"{t}.article_id = ?")
        params.append(filters.article_id)
    if filters.type:
        where.append("at.type = ?")
        params.append(filters.type)
    if filters.date_from:
        # A partial date ('2021-04') overlaps any range starting inside it.
        where.append(f"{t}.article_date >= substr(?, 1, length({t}.article_date))")
        params.append(filters.date_from)
    if filters.date_to:
        where.append(f"{t}.article_date <= ?")
        params.append(filters.date_to)
    if filters.event_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM event_statements es "
            "WHERE es.statement_id = at.statement_id AND es.event_id = ?)"
        )
        params.append(filters.event_id)
    key = decode_cursor(after, ((str, type(None)), int, int))
    if key:
        keyset_sql, keyset_params = _claim_keyset(t, id_column, key)
        where.append(keyset_sql)
        params += keyset_params
    order = f"{t}.article_date DESC, {t}.article_id DESC, {t}.{id_column}"
    sql = f"""
        WITH page AS (
            SELECT {t}.{id_column} AS id, {t}.article_date, {t}.article_id
            FROM {source_sql}
            WHERE {" AND ".join(where)}
            ORDER BY {order}
            LIMIT ?
        )
        SELECT {_CLAIM_COLUMNS}
        FROM page
        JOIN attributions at ON at.id = page.id
        JOIN statements s ON s.id = at.statement_id
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN sources spk ON spk.id = at.speaker_source_id
        ORDER BY page.article_date DESC, page.article_id DESC, page.id
    """
    rows = list(db.query(sql, params + [size + 1]))
    page = _page(
        rows,
        size,
        lambda r: [r["claim_article_date"], r["article_id"], r["attribution_id"]],
    )
    for row in page["rows"]:
        del row["claim_article_date"]
    _finish_claim_rows(db, page["rows"])
    return page


def _finish_claim_rows(db: sqlite_utils.Database, rows: list[dict]) -> None:
    for row in rows:
        if row.get("source_name"):
            row["speaker_name"] = row["source_name"]
        row["id"] = row["attribution_id"]
    _attach_chains(db, rows, lambda r: r["publisher"])
    for row in rows:
        del row["id"]


def source_articles(db: sqlite_utils.Database, source_id: int, limit: int = 200) -> list[dict]:
    """Articles in which the source speaks, newest first (for the article filter)."""
    return list(
        db.query(
            """
            WITH recent AS (
                SELECT DISTINCT article_id FROM (
                    SELECT article_id FROM attributions WHERE speaker_source_id = ?
                    ORDER BY article_date DESC, article_id DESC LIMIT 5000)
                LIMIT ?)
            SELECT a.id, a.title, a.date FROM recent JOIN articles a ON a.id = recent.article_id
            ORDER BY a.date DESC, a.id DESC
            """,
            [source_id, limit],
        )
    )


# ---------------------------------------------------------------- search

_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_NOT_SEARCHABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"


def fts_match_expression(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word or "quoted phrase" must occur.

    A trailing * on a word keeps prefix search. FTS5 operators and syntax
    typed by the user are treated as plain words, so no input raises a syntax
    error. Returns None when nothing searchable is left.
    """
    parts = []
    # control characters (a NUL ends the query inside SQLite) and lone surrogates are no words
    query = _NOT_SEARCHABLE.sub(" ", query or "")
    for phrase, word in _FTS_TOKEN.findall(query):
        text = phrase if phrase else word
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not re.search(r"\w", text):
            continue
        parts.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts) if parts else None


def _search_filter_sql(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.publisher:
        where.append("a.publisher = ?")
        params.append(filters.publisher)
    if filters.source:
        where.append(
            "EXISTS (SELECT 1 FROM attributions fat JOIN sources fsrc "
            "ON fsrc.id = fat.speaker_source_id "
            "WHERE fat.statement_id = s.id AND fsrc.slug = ?)"
        )
        params.append(filters.source)
    return where, params


def count_matches(db: sqlite_utils.Database, query: str, cap: int | None = None) -> int:
    """How many statements match `query` (before facet filters), counted up to `cap` + 1.

    `cap` defaults to MATCH_COUNT_CAP.

    A result above `cap` means "more than `cap`": counting every match of a
    common word reads its whole posting list, which is what a page must not do.
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


def search_statements(
    db: sqlite_utils.Database,
    query: str,
    filters: SearchFilters = SearchFilters(),
    *,
    sort: str = "relevance",
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Full-text search over statements.

    `sort` is "relevance" (best match first) or "recent" (latest stored
    first). Ranking scores every match, so a query matching more than
    RANK_LIMIT statements is answered in "recent" order instead; the result
    says which order it used in `sort`. Each row has the statement, its
    article, its attributions (with chains) and `snippet`: the statement text
    with matches wrapped in SNIPPET_START / SNIPPET_END control characters,
    which the caller must escape the text around and turn into markup itself.
    `matches` counts matching statements up to MATCH_COUNT_CAP; `matches_capped`
    says there are more than that.
    """
    size = _page_size(limit)
    match = fts_match_expression(query)
    if match is None:
        return {"rows": [], "next": None, "sort": sort, "matches": 0, "matches_capped": False}
    matches = count_matches(db, query, max(MATCH_COUNT_CAP, RANK_LIMIT))
    if sort != "recent" and matches > RANK_LIMIT:
        sort = "recent"
    where, params = _search_filter_sql(filters)
    if sort == "recent":
        key = decode_cursor(after, (int,))
        if key:
            where.append("f.rowid < ?")
            params.append(key[0])
        order, key_of = "f.rowid DESC", (lambda r: [r["statement_id"]])
    else:
        key = decode_cursor(after, (float, int))
        if key:
            where.append("(f.rank > ? OR (f.rank = ? AND s.id > ?))")
            params += [key[0], key[0], key[1]]
        order, key_of = "f.rank, s.id", (lambda r: [r["rank"], r["statement_id"]])
    sql = f"""
        SELECT s.id AS statement_id, s.text AS statement_text, s.idx AS statement_idx,
               snippet(statements_fts, 0, char(2), char(3), '…', 24) AS snippet,
               f.rank AS rank,
               a.id AS article_id, a.title AS article_title, a.date AS article_date,
               a.publisher, a.language
        FROM statements_fts f
        JOIN statements s ON s.id = f.rowid
        JOIN articles a ON a.id = s.article_id
        WHERE statements_fts MATCH ? {"AND " + " AND ".join(where) if where else ""}
        ORDER BY {order}
        LIMIT ?
    """
    rows = list(db.query(sql, [match] + params + [size + 1]))
    page = _page(rows, size, key_of)
    page.update(
        sort=sort, matches=min(matches, MATCH_COUNT_CAP), matches_capped=matches > MATCH_COUNT_CAP
    )
    by_publisher = defaultdict(list)
    for row in page["rows"]:
        by_publisher[row["publisher"]].append(row["statement_id"])
    attributions: dict[int, list[dict]] = {}
    for publisher, ids in by_publisher.items():
        attributions.update(_attributions_for(db, ids, publisher))
    for row in page["rows"]:
        row["attributions"] = attributions.get(row["statement_id"], [])
    return page


def search_facets(
    db: sqlite_utils.Database, query: str, filters: SearchFilters = SearchFilters()
) -> dict:
    """Counts of matching statements per source, language and publisher.

    Counted over the FACET_SAMPLE most recently stored matches; `sampled`
    says whether there were more matches than that.
    """
    match = fts_match_expression(query)
    facets: dict[str, Any] = {"source": [], "language": [], "publisher": [], "sampled": False}
    if match is None:
        return facets
    where, params = _search_filter_sql(filters)
    facets["sampled"] = count_matches(db, query, FACET_SAMPLE) > FACET_SAMPLE
    rows = db.query(
        f"""
        WITH hits AS MATERIALIZED (
                SELECT rowid AS id FROM statements_fts WHERE statements_fts MATCH ?
                ORDER BY rowid DESC LIMIT {FACET_SAMPLE}),
             matched AS MATERIALIZED (
                SELECT s.id, a.language, a.publisher FROM hits
                JOIN statements s ON s.id = hits.id
                JOIN articles a ON a.id = s.article_id
                {"WHERE " + " AND ".join(where) if where else ""})
        SELECT * FROM (SELECT 'language' AS facet, language AS value, NULL AS label,
                              count(*) AS count
                       FROM matched GROUP BY language ORDER BY count DESC, value LIMIT 20)
        UNION ALL
        SELECT * FROM (SELECT 'publisher', publisher, NULL, count(*) AS count FROM matched
                       WHERE publisher IS NOT NULL
                       GROUP BY publisher ORDER BY count DESC, publisher LIMIT 20)
        UNION ALL
        SELECT * FROM (SELECT 'source', src.slug, src.name, count(DISTINCT matched.id) AS count
                       FROM matched CROSS JOIN attributions at ON at.statement_id = matched.id
                       CROSS JOIN sources src ON src.id = at.speaker_source_id
                       GROUP BY src.id ORDER BY count DESC, src.name LIMIT 20)
        """,
        [match] + params,
    )
    for row in rows:
        entry = {"value": row["value"], "count": row["count"]}
        if row["facet"] == "source":
            entry["label"] = row["label"]
        facets[row["facet"]].append(entry)
    return facets


# ---------------------------------------------------------------- events


def list_events(
    db: sqlite_utils.Database, *, after: str | None = None, limit: int | None = None
) -> dict:
    """Events, latest date first (undated last), with statement and participant counts."""
    size = _page_size(limit)
    where, params = [], []
    key = decode_cursor(after, (str, int))
    if key:
        where.append("(COALESCE(e.date, '') < ? OR (COALESCE(e.date, '') = ? AND e.id < ?))")
        params += [key[0], key[0], key[1]]
    sql = f"""
        SELECT e.id, e.title, e.date, e.date_precision, e.description,
               (SELECT count(*) FROM event_statements es WHERE es.event_id = e.id) AS statements,
               (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id)
                   AS participants
        FROM events e
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY COALESCE(e.date, '') DESC, e.id DESC
        LIMIT ?
    """
    rows = list(db.query(sql, params + [size + 1]))
    # an event made by hand has no stored participants: count the sources of its articles,
    # the ones its compare page lists
    from claimtrack.store.events import events_speaker_summaries

    unlisted = [row["id"] for row in rows[:size] if not row["participants"] and row["statements"]]
    summaries = events_speaker_summaries(db, unlisted)
    for row in rows[:size]:
        if row["id"] in summaries:
            row["participants"] = len(event_source_names(summaries[row["id"]]))
    return _page(rows, size, lambda r: [r["date"] or "", r["id"]])


UNRESOLVED_SPEAKERS = {"unknown", "unidentified", "onbekend"}


def named_source(name: str | None) -> bool:
    """Whether an attribution's name names a source: not empty, not the engine's "unknown",
    not a common noun ("leaders", "season ticket": no capital letter anywhere)."""
    return bool(name and name.strip()) and (
        name.strip().lower() not in UNRESOLVED_SPEAKERS and any(ch.isupper() for ch in name)
    )


def event_source_names(statements: Iterable[dict]) -> dict[str, tuple[str, int]]:
    """Who speaks in a set of event statements (from store.events.event_statements): each
    publisher, claim-maker and intermediary named -> (kind, number of statements)."""
    counts: dict[str, int] = defaultdict(int)
    kinds: dict[str, str] = {}
    for statement in statements:
        publisher = statement["article"]["publisher"]
        speaker = statement["speaker"]
        if statement.get("own_words") or statement.get("speaker_unresolved"):
            # a publisher's own words count once, as the publisher; an unresolved speaker
            # ("you", "Thanks") is nobody
            speaker = None
        names = {publisher, speaker, *statement["via"]}
        for name in names:
            if not named_source(name):
                continue
            counts[name] += 1
            kinds.setdefault(name, "publisher" if name == publisher else "speaker")
    return {name: (kinds[name], count) for name, count in counts.items()}


def get_event(db: sqlite_utils.Database, event_id: int) -> dict | None:
    """One event with its participants, or None."""
    rows = list(db.query("SELECT * FROM events WHERE id = ?", [event_id]))
    if not rows:
        return None
    event = rows[0]
    event["participants"] = list(
        db.query(
            """
            SELECT src.id, src.name, src.slug, src.kind FROM event_participants ep
            JOIN sources src ON src.id = ep.source_id WHERE ep.event_id = ? ORDER BY src.name
            """,
            [event_id],
        )
    )
    return event


def event_statements(
    db: sqlite_utils.Database,
    event_id: int,
    *,
    after: str | None = None,
    limit: int | None = None,
) -> dict:
    """Statements linked to an event, by article (newest first) then text order, with attributions."""
    size = _page_size(limit)
    where, params = ["es.event_id = ?"], [event_id]
    key = decode_cursor(after, (str, int, int))
    if key:
        where.append(
            "(COALESCE(a.date, '') < ? OR (COALESCE(a.date, '') = ? AND (a.id < ? "
            "OR (a.id = ? AND s.idx > ?))))"
        )
        params += [key[0], key[0], key[1], key[1], key[2]]
    sql = f"""
        SELECT s.id AS statement_id, s.idx AS statement_idx, s.text AS statement_text,
               a.id AS article_id, a.title AS article_title, a.date AS article_date,
               a.publisher, a.language
        FROM event_statements es
        JOIN statements s ON s.id = es.statement_id
        JOIN articles a ON a.id = s.article_id
        WHERE {" AND ".join(where)}
        ORDER BY COALESCE(a.date, '') DESC, a.id DESC, s.idx
        LIMIT ?
    """
    rows = list(db.query(sql, params + [size + 1]))
    page = _page(
        rows, size, lambda r: [r["article_date"] or "", r["article_id"], r["statement_idx"]]
    )
    for row in page["rows"]:
        row["attributions"] = _attributions_for(db, [row["statement_id"]], row["publisher"]).get(
            row["statement_id"], []
        )
    return page


def filter_choices(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Distinct languages and publishers of stored articles, for filter menus."""
    return {
        "languages": distinct_values(db, "articles", "language"),
        "publishers": distinct_values(db, "articles", "publisher"),
    }


def event_choices(db: sqlite_utils.Database, limit: int = 200) -> list[dict]:
    """Latest events as {id, title}, for filter menus."""
    return list(
        db.query("SELECT id, title FROM events ORDER BY date DESC, id DESC LIMIT ?", [limit])
    )


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


# ---------------------------------------------------------------- paging


def _page(rows: list[dict], size: int, key_of) -> dict:
    """Cut the size+1 rows fetched into a page and the token for the next one."""
    if len(rows) > size:
        rows = rows[:size]
        return {"rows": rows, "next": encode_cursor(key_of(rows[-1]))}
    return {"rows": rows, "next": None}
