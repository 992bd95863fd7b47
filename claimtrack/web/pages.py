"""Home, article list, article reading page and statement permalink.

Each page builds one data dict from the read model; its .json twin is that
dict dumped by the shared schemas (the API's objects), its .csv twin the
same rows as CSV.
"""

from __future__ import annotations

from flask import abort, render_template

from claimtrack.db import get_db
from claimtrack.present.chains import article_sources
from claimtrack.present.columns import ARTICLE_COLUMNS
from claimtrack.present.list_queries import ARTICLE_LIST_QUERY, ArticleListQuery
from claimtrack.present.operations import operation
from claimtrack.present.pages import page_body, page_links
from claimtrack.present.render import csv_response, json_response
from claimtrack.present.schemas import (
    ARTICLE_PAGE_BODY,
    ARTICLE_SUMMARY,
    STATEMENT_PAGE_BODY,
    ArticlePageBodySchema,
    ArticlePageSchema,
    StatementPageBodySchema,
)
from claimtrack.store import statement_links, totals
from claimtrack.store.reads import articles as article_reads
from claimtrack.store.reads import events as event_reads
from claimtrack.store.reads import sources as source_reads
from claimtrack.store.reads import statements as statement_reads
from claimtrack.store.reads.listing import ListRequest
from claimtrack.store.speaker_names import REASONS as UNRESOLVED_REASONS
from claimtrack.web.blueprint import bp, load_page_args
from claimtrack.web.highlight import HEARSAY_MARKS, TYPE_LABELS, render_body, source_colours


@bp.route("/")
def home():
    """Counts, recent articles, most-cited sources and events."""
    db = get_db()
    return render_template(
        "home.html",
        counts=totals.site_totals(db),
        articles=article_reads.recent_articles(db, 10),
        sources=source_reads.most_cited_sources(db, 10),
        events=event_reads.list_events(db, ListRequest(size=10)).items,
    )


@bp.route("/articles.csv", defaults={"fmt": "csv"})
@bp.route("/articles.json", defaults={"fmt": "json"})
@bp.route("/articles", defaults={"fmt": "html"})
@operation(
    "The article list page as JSON: newest date first; the same list as GET /api/v1/articles",
    tag="web pages",
    blueprint="web",
    query=ArticleListQuery,
    responses={200: ArticlePageSchema},
    errors=(422,),
)
def articles(fmt: str):
    """Every article, newest first; filter by publisher, language and year."""
    db = get_db()
    args = load_page_args(ARTICLE_LIST_QUERY, fmt)
    filters = article_reads.ArticleFilters(
        args.get("publisher"), args.get("language"), args.get("year")
    )
    page = article_reads.list_articles(db, filters, args["list"], facets=args["facets"])
    if fmt == "json":
        return json_response(page_body(page, ARTICLE_SUMMARY))
    if fmt == "csv":
        return csv_response(page.items, ARTICLE_COLUMNS, "articles.csv")
    return render_template(
        "articles.html",
        page=page,
        links=page_links(page),
        filters=filters,
        choices=article_reads.filter_choices(db),
    )


@bp.route("/articles/<rowid:article_id>.json", defaults={"fmt": "json"})
@bp.route("/articles/<rowid:article_id>", defaults={"fmt": "html"})
@operation(
    "The article page as JSON: the article (as GET /api/v1/articles/{id}) and its speakers",
    tag="web pages",
    blueprint="web",
    responses={200: ArticlePageBodySchema},
    errors=(404,),
)
def article(article_id: int, fmt: str):
    """The article text with every attributed statement highlighted, and its sources."""
    db = get_db()
    found = article_reads.get_article(db, article_id)
    if found is None:
        abort(404, description=f"There is no article {article_id}.")
    statements = found["statements"]
    sources = article_sources(statements)
    if fmt == "json":
        return json_response(ARTICLE_PAGE_BODY.dump({"article": found, "sources": sources}))
    colours = source_colours(sources)
    return render_template(
        "article.html",
        article=found,
        paragraphs=render_body(found["body"], statements, colours),
        sources=sources,
        colours=colours,
        statements={s["id"]: s for s in statements},
        attributed=sum(1 for s in statements if s["attributions"]),
        total=len(statements),
        type_labels=TYPE_LABELS,
        unresolved_reasons=UNRESOLVED_REASONS,
        hearsay_marks=HEARSAY_MARKS,
    )


@bp.route("/statements/<rowid:statement_id>.json", defaults={"fmt": "json"})
@bp.route("/statements/<rowid:statement_id>", defaults={"fmt": "html"})
@operation(
    "The statement page as JSON: the statement (as GET /api/v1/statements/{id}), its speakers' "
    "other statements in the article, its article's events and the same claim elsewhere",
    tag="web pages",
    blueprint="web",
    responses={200: StatementPageBodySchema},
    errors=(404,),
)
def statement(statement_id: int, fmt: str):
    """A statement's permalink: its provenance chains, the same source's other statements,
    the events its article is in and the same claim in other articles."""
    db = get_db()
    found = statement_reads.get_statement(db, statement_id)
    if found is None:
        abort(404, description=f"There is no statement {statement_id}.")
    others = [
        (
            attribution,
            statement_reads.statements_of_source_in_article(
                db, found["article_id"], attribution["speaker"]["source_id"], statement_id
            ),
        )
        for attribution in found["attributions"]
        if attribution["speaker"]["source_id"] is not None
    ]
    events = statement_links.statement_events(db, statement_id)
    same_claim = statement_links.same_claim_elsewhere(db, statement_id)
    if fmt == "json":
        return json_response(
            STATEMENT_PAGE_BODY.dump(
                {
                    "statement": found,
                    "same_source": [
                        {"speaker_slug": a["speaker"]["slug"], "statements": rows}
                        for a, rows in others
                    ],
                    "events": events,
                    "same_claim": same_claim,
                }
            )
        )
    return render_template(
        "statement.html",
        statement=found,
        others=others,
        events=events,
        same_claim=same_claim,
        type_labels=TYPE_LABELS,
        unresolved_reasons=UNRESOLVED_REASONS,
    )
