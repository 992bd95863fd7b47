"""Full-text search over statements, with highlighted snippets and facets."""

from __future__ import annotations

from flask import render_template
from markupsafe import Markup, escape

from claimtrack.db import get_db
from claimtrack.present.columns import SEARCH_COLUMNS, statement_rows
from claimtrack.present.filters import source_ids
from claimtrack.present.list_queries import SEARCH_QUERY, SearchQuery
from claimtrack.present.operations import operation
from claimtrack.present.pages import page_body, page_links
from claimtrack.present.render import csv_response, json_response
from claimtrack.present.schemas import SEARCH_HIT, SearchPageSchema
from claimtrack.store.reads import search as search_reads
from claimtrack.store.reads.listing import ListRequest
from claimtrack.store.reads.text_query import fts_match_expression
from claimtrack.web.blueprint import bp, load_page_args
from claimtrack.web.highlight import TYPE_LABELS


def snippet_html(snippet: str) -> Markup:
    """Escape a search snippet, then turn its match markers into <mark> elements."""
    escaped = str(escape(snippet))
    return Markup(
        escaped.replace(search_reads.SNIPPET_START, "<mark>").replace(
            search_reads.SNIPPET_END, "</mark>"
        )
    )


def snippet_text(snippet: str) -> str:
    """A snippet without its match markers (for JSON and CSV)."""
    return snippet.replace(search_reads.SNIPPET_START, "").replace(search_reads.SNIPPET_END, "")


@bp.route("/search.csv", defaults={"fmt": "csv"})
@bp.route("/search.json", defaults={"fmt": "json"})
@bp.route("/search", defaults={"fmt": "html"})
@operation(
    "Statements matching `q` as JSON, best match first (`_sort_desc=id`: newest stored first); "
    "a `source` naming no source is a 404; facets by source, language, publisher, type, year",
    tag="web pages",
    blueprint="web",
    query=SearchQuery,
    responses={200: SearchPageSchema},
    errors=(404, 422),
)
def search(fmt: str):
    """Statements matching `q`, best first; facets by source, language and publisher."""
    db = get_db()
    args = load_page_args(SEARCH_QUERY, fmt)
    query = (args.get("q") or "").strip()
    filters = search_reads.SearchFilters(
        source_ids=source_ids(db, args, "source"),
        language=args.get("language"),
        publisher=args.get("publisher"),
        type=args.get("type"),
        year=args.get("year"),
    )
    request: ListRequest = args["list"]
    if request.sort is None and args.get("sort") == "recent":
        request = ListRequest("id", True, request.size, request.token)
    page = search_reads.search_statements(db, query, filters, request)
    plain = [{**row, "snippet": snippet_text(row["snippet"])} for row in page.items]
    facets = None
    if query and (fmt == "html" or args["facets"]):
        # the page shows who, which language and which publisher; the rest when asked
        names = args["facets"] or ()
        if fmt == "html":
            names = (*dict.fromkeys(("source", "language", "publisher", *names)),)
        facets = search_reads.search_facets(db, query, filters, names)
    if fmt in ("json", "csv"):
        html_rows, page.items = page.items, plain
        if facets is not None:
            page.facets = {name: facets[name] for name in (*args["facets"], "sampled")}
        if fmt == "csv":
            return csv_response(page.items, SEARCH_COLUMNS, "search.csv", statement_rows)
        body = page_body(page, SEARCH_HIT, q=query, **page.extra)
        page.items = html_rows
        return json_response(body)
    for row in page.items:
        row["snippet_html"] = snippet_html(row["snippet"])
    return render_template(
        "search.html",
        q=query,
        page=page,
        links=page_links(page),
        filters={
            name: args.get(name) for name in ("source", "language", "publisher", "type", "year")
        },
        facets=facets,
        searchable=fts_match_expression(query) is not None,
        sort=page.sort,
        facet_sample=search_reads.FACET_SAMPLE,
        type_labels=TYPE_LABELS,
    )
