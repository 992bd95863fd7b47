"""Sources index, a source's claims and relays."""

from __future__ import annotations

from flask import abort, render_template, url_for

from claimtrack.db import get_db
from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.present.columns import SOURCE_COLUMNS, STATEMENT_COLUMNS, statement_rows
from claimtrack.present.filters import statement_filters
from claimtrack.present.list_queries import (
    SOURCE_LIST_QUERY,
    SOURCE_STATEMENTS_QUERY,
    SourceListQuery,
    SourceStatementsQuery,
)
from claimtrack.present.operations import operation
from claimtrack.present.pages import page_body, page_links
from claimtrack.present.render import csv_response, json_response
from claimtrack.present.schemas import (
    SOURCE,
    STATEMENT,
    SourcePageSchema,
    SourceStatementPageSchema,
)
from claimtrack.present.source_lists import source_statement_page
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.store.reads import articles as article_reads
from claimtrack.store.reads import events as event_reads
from claimtrack.store.reads import sources as source_reads
from claimtrack.store.reads.listing import ListRequest
from claimtrack.store.reads.statements import source_statements
from claimtrack.web.blueprint import bp, load_page_args
from claimtrack.web.highlight import TYPE_LABELS

RELAYS_ON_SOURCE_PAGE = 20


def source_or_404(slug: str) -> dict:
    """The source with this slug, or a 404."""
    found = source_reads.source_by_slug(get_db(), slug)
    if found is None:
        abort(404, description=f"There is no source '{slug}'.")
    return found


@bp.route("/sources.csv", defaults={"fmt": "csv"})
@bp.route("/sources.json", defaults={"fmt": "json"})
@bp.route("/sources", defaults={"fmt": "html"})
@operation(
    "The source list page as JSON: by name; the same list as GET /api/v1/sources",
    tag="web pages",
    blueprint="web",
    query=SourceListQuery,
    responses={200: SourcePageSchema},
    errors=(422,),
)
def sources(fmt: str):
    """Every source with its claim counts; filter by kind and language, search name or alias."""
    db = get_db()
    args = load_page_args(SOURCE_LIST_QUERY, fmt)
    filters = source_reads.SourceFilters(args.get("kind"), args.get("language"), args.get("q"))
    page = source_reads.list_sources(db, filters, args["list"], facets=args["facets"])
    if fmt == "json":
        return json_response(page_body(page, SOURCE))
    if fmt == "csv":
        return csv_response(page.items, SOURCE_COLUMNS, "sources.csv")
    return render_template(
        "sources.html",
        page=page,
        links=page_links(page),
        filters=filters,
        kinds=SOURCE_KINDS,
        choices=article_reads.filter_choices(db),
    )


@bp.route("/sources/<slug>.csv", defaults={"fmt": "csv"})
@bp.route("/sources/<slug>.json", defaults={"fmt": "json"})
@bp.route("/sources/<slug>", defaults={"fmt": "html"})
@operation(
    "The source page as JSON: the source (as GET /api/v1/sources/{id}) and the statements it "
    "speaks in, newest article first (the list of GET /api/v1/sources/{id}/claims)",
    tag="web pages",
    blueprint="web",
    query=SourceStatementsQuery,
    responses={200: SourceStatementPageSchema},
    errors=(404, 422),
)
def source(slug: str, fmt: str):
    """All claims by one source, newest first, and the claims it relayed for others."""
    db = get_db()
    found = source_or_404(slug)
    args = load_page_args(SOURCE_STATEMENTS_QUERY, fmt)
    claims = source_statement_page(db, found["id"], "speaker", args, default_sort="date")
    if fmt == "csv":
        return csv_response(claims.items, STATEMENT_COLUMNS, f"{slug}.csv", statement_rows)
    if fmt == "json":
        return json_response(
            page_body(
                claims,
                STATEMENT,
                source=SOURCE.dump(found),
                relays_url=url_for("web.source_relays", slug=slug, fmt="json", _external=True),
            )
        )
    filters = statement_filters(db, args)
    relays = source_statements(
        db, found["id"], "relay", filters, ListRequest(size=RELAYS_ON_SOURCE_PAGE), count=False
    )
    focus(claims.items, found["id"], "speaker")
    focus(relays.items, found["id"], "relay")
    return render_template(
        "source.html",
        source=found,
        claims=claims,
        links=page_links(claims),
        relays=relays,
        relays_url=url_for("web.source_relays", slug=slug, **_filter_args(args))
        if relays.next
        else None,
        filters=filters,
        types=ATTRIBUTION_TYPES,
        type_labels=TYPE_LABELS,
        source_articles=source_reads.source_articles(db, found["id"]),
        events=event_reads.event_choices(db),
    )


def focus(statements: list[dict], source_id: int, role: str) -> None:
    """Give each statement `focus`: its attributions in which the source speaks (role
    "speaker") or that it passed on ("relay"), the ones a claim table shows."""
    for statement in statements:
        if role == "speaker":
            mine = [a for a in statement["attributions"] if a["speaker"]["source_id"] == source_id]
        else:
            mine = [
                a
                for a in statement["attributions"]
                if any(v["source_id"] == source_id for v in a["via"])
            ]
        statement["focus"] = mine or statement["attributions"][:1]


def _filter_args(args: dict) -> dict:
    names = ("article", "event", "type", "since", "until", "from", "to")
    return {name: args[name] for name in names if args.get(name) is not None}


@bp.route("/sources/<slug>/relays.csv", defaults={"fmt": "csv"})
@bp.route("/sources/<slug>/relays.json", defaults={"fmt": "json"})
@bp.route("/sources/<slug>/relays", defaults={"fmt": "html"})
@operation(
    "The claims of others that the source passed on, newest article first, as JSON",
    tag="web pages",
    blueprint="web",
    query=SourceStatementsQuery,
    responses={200: SourceStatementPageSchema},
    errors=(404, 422),
)
def source_relays(slug: str, fmt: str):
    """The claims of others that this source passed on, with the same filters as its page."""
    db = get_db()
    found = source_or_404(slug)
    args = load_page_args(SOURCE_STATEMENTS_QUERY, fmt)
    relays = source_statement_page(db, found["id"], "relay", args, default_sort="date")
    if fmt == "json":
        return json_response(page_body(relays, STATEMENT, source=SOURCE.dump(found)))
    if fmt == "csv":
        return csv_response(relays.items, STATEMENT_COLUMNS, f"{slug}-relays.csv", statement_rows)
    focus(relays.items, found["id"], "relay")
    return render_template(
        "relays.html",
        source=found,
        relays=relays,
        links=page_links(relays),
        type_labels=TYPE_LABELS,
    )
