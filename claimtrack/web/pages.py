"""Home, article list, article reading page and statement permalink."""

from __future__ import annotations

from operator import itemgetter

from flask import abort, render_template, request

from claimtrack.db import get_db
from claimtrack.store import queries, statement_links
from claimtrack.store.speaker_names import REASONS as UNRESOLVED_REASONS
from claimtrack.web.blueprint import bp, limit_arg
from claimtrack.web.formats import json_response, next_url, twin_response
from claimtrack.web.highlight import HEARSAY_MARKS, TYPE_LABELS, render_body, source_colours

ARTICLE_COLUMNS = [
    (name, itemgetter(name))
    for name in ("id", "title", "url", "publisher", "language", "date", "word_count", "statements")
]


@bp.route("/")
def home():
    """Counts, recent articles, most-cited sources and events."""
    db = get_db()
    return render_template(
        "home.html",
        counts=queries.site_counts(db),
        articles=queries.recent_articles(db, 10),
        sources=queries.most_cited_sources(db, 10),
        events=queries.list_events(db, limit=10)["rows"],
    )


@bp.route("/articles", defaults={"fmt": "html"})
@bp.route("/articles.<any(json, csv):fmt>")
def articles(fmt: str):
    """Every article, newest first; filter by publisher and language."""
    db = get_db()
    filters = {
        "publisher": request.args.get("publisher") or None,
        "language": request.args.get("language") or None,
    }
    page = queries.list_articles(db, **filters, after=request.args.get("after"), limit=limit_arg())
    more = next_url("web.articles", page["next"], fmt=fmt)
    if twin := twin_response(fmt, page, more, ARTICLE_COLUMNS, "articles.csv"):
        return twin
    return render_template(
        "articles.html",
        page=page,
        next_url=more,
        filters=filters,
        choices=queries.filter_choices(db),
    )


@bp.route("/articles/<rowid:article_id>", defaults={"fmt": "html"})
@bp.route("/articles/<rowid:article_id>.<any(json):fmt>")
def article(article_id: int, fmt: str):
    """The article text with every attributed statement highlighted, and its sources."""
    db = get_db()
    found = queries.get_article(db, article_id)
    if found is None:
        abort(404, description=f"There is no article {article_id}.")
    statements = queries.article_statements(db, article_id)
    sources = queries.article_sources(statements)
    if fmt == "json":
        return json_response({"article": found, "statements": statements, "sources": sources})
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


@bp.route("/statements/<rowid:statement_id>", defaults={"fmt": "html"})
@bp.route("/statements/<rowid:statement_id>.<any(json):fmt>")
def statement(statement_id: int, fmt: str):
    """A statement's permalink: its provenance chains, the same source's other statements,
    the events its article is in and the same claim in other articles."""
    db = get_db()
    found = queries.get_statement(db, statement_id)
    if found is None:
        abort(404, description=f"There is no statement {statement_id}.")
    others = []
    for attribution in found["attributions"]:
        if attribution["speaker_source_id"] is not None:
            others.append(
                (
                    attribution,
                    queries.statements_of_source_in_article(
                        db, found["article_id"], attribution["speaker_source_id"], statement_id
                    ),
                )
            )
    events = statement_links.statement_events(db, statement_id)
    same_claim = statement_links.same_claim_elsewhere(db, statement_id)
    if fmt == "json":
        return json_response(
            {
                "statement": found,
                "same_source": [
                    {"speaker_slug": a["speaker_slug"], "statements": rows} for a, rows in others
                ],
                "events": events,
                "same_claim": same_claim,
            }
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
