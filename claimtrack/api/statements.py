"""Statements: the filtered list, one statement, and its ClaimReview-style JSON-LD."""

from __future__ import annotations

from typing import Any

from flask import url_for

from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.db import get_db
from claimtrack.present.filters import statement_filters
from claimtrack.present.list_queries import STATEMENT_LIST_QUERY, StatementListQuery
from claimtrack.present.pages import page_body
from claimtrack.present.params import load_args
from claimtrack.present.schemas import (
    CLAIM_REVIEW,
    STATEMENT,
    ClaimReviewSchema,
    StatementPageSchema,
    StatementSchema,
)
from claimtrack.store.reads import statements as statement_reads

JSONLD_MEDIA_TYPE = "application/ld+json"


@api.get("/statements")
@operation(
    "Search statements by speaker, relaying source, event, article, type, language, "
    "publisher, words and article date; newest stored first (`_sort=id`: oldest first); "
    "a `source` or `via` naming no source is a 404; facets by type, language, publisher, year",
    tag="statements",
    query=StatementListQuery,
    responses={200: StatementPageSchema},
    errors=(404, 422),
)
def list_statements():
    """A page of statements matching the query filters, newest first."""
    args = load_args(STATEMENT_LIST_QUERY)
    db = get_db()
    page = statement_reads.list_statements(
        db, statement_filters(db, args), args["list"], facets=args["facets"]
    )
    return page_body(page, STATEMENT)


def _statement_or_404(statement_id: int) -> dict:
    statement = statement_reads.get_statement(get_db(), statement_id)
    if statement is None:
        raise ApiError(404, f"no statement with id {statement_id}")
    return statement


@api.get("/statements/<rowid:statement_id>")
@operation(
    "One statement with its article and attributions",
    tag="statements",
    responses={200: StatementSchema},
    errors=(404,),
)
def read_statement(statement_id: int):
    """One statement with its article and attributions."""
    return STATEMENT.dump(_statement_or_404(statement_id))


@api.get("/statements/<rowid:statement_id>.jsonld")
@operation(
    "The statement as schema.org ClaimReview JSON-LD: claimant, claim date, appearance",
    tag="statements",
    responses={200: ClaimReviewSchema},
    errors=(404,),
    media_type=JSONLD_MEDIA_TYPE,
)
def statement_jsonld(statement_id: int):
    """The statement as ClaimReview JSON-LD."""
    statement = _statement_or_404(statement_id)
    body = CLAIM_REVIEW.dump(claim_review(statement))
    return body, 200, {"Content-Type": JSONLD_MEDIA_TYPE}


def claim_review(statement: dict[str, Any]) -> dict[str, Any]:
    """Describe a stored statement the way fact-checkers publish claims (schema.org).

    The claimant is whoever made the claim: of the statement's attributions
    the one passed on by the most others (Biden in "Biden said ..., the
    White House reports"); the claim date is the article's date; the
    appearance is the article. claimtrack does not rate claims, so there is
    no reviewRating.
    """
    article = statement["article"] or {}
    claimant = max(statement["attributions"], key=lambda a: len(a["via"]), default=None)
    claim: dict[str, Any] = {
        "type": "Claim",
        "text": statement["text"],
        "date_published": article.get("date"),
        "appearance": {
            "type": "NewsArticle",
            "headline": article.get("title"),
            "url": article.get("url")
            or url_for("api.read_article", article_id=statement["article_id"], _external=True),
            "date_published": article.get("date"),
            "in_language": article.get("language"),
            "publisher": {"type": "Organization", "name": article["publisher"]}
            if article.get("publisher")
            else None,
        },
    }
    if claimant is not None:
        speaker = claimant["speaker"]
        claim["author"] = {
            "type": "Person" if speaker["kind"] == "person" else "Organization",
            "name": speaker["name"],
            "url": url_for("api.read_source", source_id=speaker["source_id"], _external=True)
            if speaker["source_id"]
            else None,
        }
    claimed = claimant["content"]["text"] if claimant and claimant["content"] else statement["text"]
    return {
        "context": "https://schema.org",
        "type": "ClaimReview",
        "id": url_for("api.statement_jsonld", statement_id=statement["id"], _external=True),
        "url": url_for("api.read_statement", statement_id=statement["id"], _external=True),
        "claim_reviewed": claimed,
        "item_reviewed": claim,
    }
