"""Source reads: the source list (sortable, filterable, with facets), one source, and what a
user's reference to a source (id, slug, name, alias) means.

A source row: id, name, slug, kind, wikidata_id, affiliation ({id, name,
slug} or None), created_at, aliases [{id, alias, language}],
statement_count (statements it speaks in), speaker_claims, relayed_claims,
languages, first_seen and last_seen (article dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimtrack.store import totals
from claimtrack.store.reads import listing
from claimtrack.store.reads.articles import distinct_values
from claimtrack.store.reads.listing import FIRST_PAGE, Column, ListRequest, Page, Sort
from claimtrack.store.reads.sql import placeholders, rows
from claimtrack.store.sources import alias_key

SOURCE_COLUMNS = (
    "src.id, src.name, src.slug, src.kind, src.wikidata_id, src.affiliation_id, src.created_at"
)
SORTS = (
    Sort("name", (Column("src.name", str), Column("src.id", int)), lambda r: [r["name"], r["id"]]),
    Sort("id", (Column("src.id", int),), lambda r: [r["id"]]),
    Sort(
        "claims",
        (Column("COALESCE(st.speaker_claims, 0)", int), Column("src.id", int)),
        lambda r: [r["speaker_claims"], r["id"]],
    ),
)
FACETS = ("kind",)


@dataclass(frozen=True)
class SourceFilters:
    """Filters of the source list: `q` matches the name or an alias (part of it, ignoring
    case and accents); `language` keeps sources quoted or relayed in that language."""

    kind: str | None = None
    language: str | None = None
    q: str | None = None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filter_sql(filters: SourceFilters) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if filters.kind:
        where.append("src.kind = ?")
        params.append(filters.kind)
    if filters.q and filters.q.strip():
        pattern = "%" + _escape_like(filters.q.strip()) + "%"
        folded = "%" + _escape_like(alias_key(filters.q)) + "%"
        where.append(
            "(src.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM source_aliases sa"
            " WHERE sa.source_id = src.id AND (sa.alias LIKE ? ESCAPE '\\'"
            " OR sa.alias_key LIKE ? ESCAPE '\\')))"
        )
        params += [pattern, pattern, folded]
    if filters.language:
        where.append(
            """(EXISTS (SELECT 1 FROM attributions at JOIN articles a ON a.id = at.article_id
                        WHERE at.speaker_source_id = src.id AND a.language = ?)
                OR EXISTS (SELECT 1 FROM attribution_via v JOIN articles a ON a.id = v.article_id
                        WHERE v.source_id = src.id AND a.language = ?))"""
        )
        params += [filters.language, filters.language]
    return where, params


def list_sources(
    db: sqlite_utils.Database,
    filters: SourceFilters = SourceFilters(),
    request: ListRequest = FIRST_PAGE,
    *,
    default_sort: str = "name",
    facets: tuple[str, ...] = (),
) -> Page:
    """A page of sources with their names and claim counts; by name (A-Z) unless asked for
    id or claims (most first when descending)."""
    default_descending = default_sort != "name"
    pos = listing.position(request, SORTS, default_sort, default_descending)
    where, params = _filter_sql(filters)
    filter_where, filter_params = list(where), list(params)
    where, params = listing.paged_where(pos, where, params)
    found = rows(
        db,
        f"SELECT {SOURCE_COLUMNS}, COALESCE(st.speaker_claims, 0) AS speaker_claims"
        " FROM sources src LEFT JOIN source_totals st ON st.source_id = src.id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''}"
        f" ORDER BY {listing.order_sql(pos)} LIMIT ?",
        [*params, pos.size + 1],
    )
    page = listing.cut(found, pos)
    attach_details(db, page.items)
    if not filter_where:
        page.total = totals.site_totals(db)["sources"]
    else:
        page.total, page.total_exact = listing.count_capped(
            db, f"SELECT 1 FROM sources src WHERE {' AND '.join(filter_where)}", filter_params
        )
    if facets:
        page.facets = {
            "kind": rows(
                db,
                "SELECT src.kind AS value, count(*) AS count FROM sources src"
                f" {'WHERE ' + ' AND '.join(filter_where) if filter_where else ''}"
                " GROUP BY src.kind ORDER BY count DESC, value",
                filter_params,
            )
        }
    return page


def get_source(db: sqlite_utils.Database, source_id: int) -> dict[str, Any] | None:
    """One source by id with its aliases, affiliation and claim counts, or None."""
    found = rows(db, f"SELECT {SOURCE_COLUMNS} FROM sources src WHERE src.id = ?", [source_id])
    attach_details(db, found)
    return found[0] if found else None


def source_by_slug(db: sqlite_utils.Database, slug: str) -> dict[str, Any] | None:
    """One source by its slug (as `get_source`), or None."""
    row = db.execute("SELECT id FROM sources WHERE slug = ?", [slug]).fetchone()
    return get_source(db, row[0]) if row else None


def attach_details(db: sqlite_utils.Database, sources: list[dict[str, Any]]) -> None:
    """Give source rows their aliases, affiliation and claim figures, in place."""
    ids = [s["id"] for s in sources]
    if not ids:
        return
    aliases: dict[int, list] = {i: [] for i in ids}
    for row in rows(
        db,
        "SELECT id, source_id, alias, language FROM source_aliases"
        f" WHERE source_id IN ({placeholders(ids)}) ORDER BY alias COLLATE NOCASE, id",
        ids,
    ):
        aliases[row.pop("source_id")].append(row)
    affiliation_ids = sorted({s["affiliation_id"] for s in sources if s["affiliation_id"]})
    affiliations = {
        r["id"]: r
        for r in rows(
            db,
            f"SELECT id, name, slug FROM sources WHERE id IN ({placeholders(affiliation_ids)})",
            affiliation_ids,
        )
    }
    stats = _source_stats(db, ids)
    for source in sources:
        source["aliases"] = aliases[source["id"]]
        source["affiliation"] = affiliations.get(source["affiliation_id"])
        source.update(stats[source["id"]])


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
        counts = kept.get(
            source_id, {"speaker_claims": 0, "relayed_claims": 0, "speaker_statements": 0}
        )
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
            "statement_count": counts["speaker_statements"],
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


def most_cited_sources(db: sqlite_utils.Database, limit: int = 10) -> list[dict]:
    """Sources with the most claims as speaker, most first (from the kept per-source totals)."""
    return rows(
        db,
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


def source_articles(db: sqlite_utils.Database, source_id: int, limit: int = 200) -> list[dict]:
    """Articles in which the source speaks, newest first (for the article filter)."""
    return rows(
        db,
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
