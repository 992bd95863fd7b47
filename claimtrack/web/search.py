"""Full-text search over statements, with highlighted snippets and facets."""

from __future__ import annotations

from flask import render_template, request
from markupsafe import Markup, escape

from claimtrack.db import get_db
from claimtrack.store import queries
from claimtrack.web.blueprint import bp, limit_arg
from claimtrack.web.claim_columns import statement_columns
from claimtrack.web.formats import csv_response, json_response, next_url
from claimtrack.web.highlight import TYPE_LABELS


def snippet_html(snippet: str) -> Markup:
    """Escape a search snippet, then turn its match markers into <mark> elements."""
    escaped = str(escape(snippet))
    return Markup(
        escaped.replace(queries.SNIPPET_START, "<mark>").replace(queries.SNIPPET_END, "</mark>")
    )


def snippet_text(snippet: str) -> str:
    """A snippet without its match markers (for JSON and CSV)."""
    return snippet.replace(queries.SNIPPET_START, "").replace(queries.SNIPPET_END, "")


@bp.route("/search", defaults={"fmt": "html"})
@bp.route("/search.<any(json, csv):fmt>")
def search(fmt: str):
    """Statements matching `q`, best first; facets by source, language and publisher."""
    db = get_db()
    query = request.args.get("q", "").strip()
    filters = queries.SearchFilters(
        source=request.args.get("source") or None,
        language=request.args.get("language") or None,
        publisher=request.args.get("publisher") or None,
    )
    sort = "recent" if request.args.get("sort") == "recent" else "relevance"
    page = queries.search_statements(
        db, query, filters, sort=sort, after=request.args.get("after"), limit=limit_arg()
    )
    more = next_url("web.search", page["next"], fmt=fmt, sort=page["sort"])
    for row in page["rows"]:
        row["snippet_text"] = snippet_text(row["snippet"])
    if fmt == "json":
        rows = [{k: v for k, v in row.items() if k != "snippet"} for row in page["rows"]]
        return json_response(
            {
                "q": query,
                "sort": page["sort"],
                "matches": page["matches"],
                "matches_capped": page["matches_capped"],
                "rows": rows,
                "next": page["next"],
                "next_url": more,
            }
        )
    if fmt == "csv":
        columns = statement_columns() + [("snippet", lambda r: r["snippet_text"])]
        return csv_response(page["rows"], columns, "search.csv")
    for row in page["rows"]:
        row["snippet_html"] = snippet_html(row["snippet"])
    return render_template(
        "search.html",
        q=query,
        page=page,
        next_url=more,
        filters=filters,
        facets=queries.search_facets(db, query, filters) if query else None,
        searchable=queries.fts_match_expression(query) is not None,
        sort=sort,
        facet_sample=queries.FACET_SAMPLE,
        type_labels=TYPE_LABELS,
    )
