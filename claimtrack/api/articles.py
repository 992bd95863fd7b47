"""Articles: submit one for analysis, list them, read one with its statements."""

from __future__ import annotations

from flask import Response, url_for
from marshmallow import ValidationError

from claimtrack.api.article_detail import stored_article_detail
from claimtrack.api.auth import require_admin
from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.api.inputs import load_json_body
from claimtrack.api.schemas import (
    ARTICLE_INPUT,
    ARTICLE_KIND_INPUT,
    ArticleInputSchema,
    ArticleKindInputSchema,
)
from claimtrack.db import get_db
from claimtrack.extraction_worker import ExtractionFailed
from claimtrack.http_importer import http_importer
from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.files import max_import_bytes
from claimtrack.present.list_queries import ARTICLE_LIST_QUERY, ArticleListQuery
from claimtrack.present.pages import page_body
from claimtrack.present.params import load_args
from claimtrack.present.schemas import (
    ARTICLE_DETAIL,
    ARTICLE_SUMMARY,
    ArticleDetailSchema,
    ArticlePageSchema,
)
from claimtrack.store.publisher_voice import set_article_kind
from claimtrack.store.reads import articles as article_reads


@api.post("/articles")
@operation(
    "Analyse an article and store it with its statements and attributions",
    tag="articles",
    body=ArticleInputSchema,
    responses={201: ArticleDetailSchema},
    errors=(400, 401, 403, 409, 413, 415, 422, 429, 503),
    write=True,
)
@require_admin
def create_article():
    """Analyse the posted article, store it and answer 201 with the stored result."""
    data = load_json_body(ARTICLE_INPUT)
    if not data["title"].strip():
        raise ValidationError({"title": ["must contain text"]})
    parsed = ParsedArticle(
        body=data["body"],
        title=data["title"].strip(),
        url=data["url"],
        publisher=(data["publisher"] or "").strip() or None,
        language=data["language"],
        date=data["date"],
        kind=None if data.get("kind") in (None, "auto") else data["kind"],
    )
    # imported here, not at module level: the engine pulls in spaCy, which the
    # read endpoints (and the web pages in the same process) never need
    from claimtrack.engine.nlp import PipelineUnavailable

    limit = max_import_bytes()
    size = len(parsed.body.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise ApiError(413, f"the body is {size:,} bytes; the import limit is {limit:,} bytes")
    try:
        # the same path as `claimtrack import`: known content is not analysed again
        result, detail = http_importer().import_parsed(parsed, render=stored_article_detail)
    except ExtractionFailed as exc:
        raise ApiError(503, str(exc)) from None
    except ArticleRejected as exc:
        raise ApiError(422, f"the article cannot be imported: {exc.reason}") from None
    except PipelineUnavailable as exc:
        raise ApiError(503, f"the analysis engine is not available: {exc}") from None
    if result.status != "imported":
        raise ApiError(
            409,
            f"this article is already stored as article {result.article_id}",
            {
                "id": result.article_id,
                "url": url_for("api.read_article", article_id=result.article_id),
            },
        )
    location = url_for("api.read_article", article_id=result.article_id)
    return Response(detail, 201, {"Location": location}, mimetype="application/json")


@api.get("/articles")
@operation(
    "List articles, newest stored first (`_sort`/`_sort_desc`: date, id, imported_at); "
    "filter by publisher, language and year; facets by language, publisher and year",
    tag="articles",
    query=ArticleListQuery,
    responses={200: ArticlePageSchema},
    errors=(422,),
)
def list_articles():
    """A page of stored articles, newest stored first unless sorted otherwise."""
    args = load_args(ARTICLE_LIST_QUERY)
    filters = article_reads.ArticleFilters(
        args.get("publisher"), args.get("language"), args.get("year")
    )
    page = article_reads.list_articles(
        get_db(), filters, args["list"], default_sort="id", facets=args["facets"]
    )
    return page_body(page, ARTICLE_SUMMARY)


@api.get("/articles/<rowid:article_id>")
@operation(
    "An article with its body, statements and attributions",
    tag="articles",
    responses={200: ArticleDetailSchema},
    errors=(404,),
)
def read_article(article_id: int):
    """One stored article with its statements."""
    article = article_reads.get_article(get_db(), article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id}")
    return ARTICLE_DETAIL.dump(article)


@api.post("/articles/<rowid:article_id>/kind")
@operation(
    "Make the article a statement (its publisher's own words) or a report, and credit "
    "its sentences again to match",
    tag="articles",
    body=ArticleKindInputSchema,
    responses={200: ArticleDetailSchema},
    errors=(400, 401, 403, 404, 413, 415, 422, 429),
    write=True,
)
@require_admin
def set_kind(article_id: int):
    """Change the article's kind (statement, report or auto) and answer with the article."""
    kind = load_json_body(ARTICLE_KIND_INPUT)["kind"]
    db = get_db()
    try:
        set_article_kind(db, article_id, kind)
    except LookupError:
        raise ApiError(404, f"no article with id {article_id}") from None
    return ARTICLE_DETAIL.dump(article_reads.get_article(db, article_id))
