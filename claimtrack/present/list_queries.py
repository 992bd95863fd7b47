"""The query schema of each list, shared by its HTML page, its twins and its API route."""

from __future__ import annotations

from marshmallow import fields, validate

from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.present.params import (
    LANGUAGES,
    StrictSchema,
    date_field,
    list_query,
    row_id,
    year_field,
)
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.store.reads import articles, events, sources, statements


def _language() -> fields.String:
    return fields.String(validate=validate.OneOf(LANGUAGES))


def _publisher() -> fields.String:
    return fields.String(validate=validate.Length(1, 300), metadata={"description": "publisher"})


def _type() -> fields.String:
    return fields.String(
        validate=validate.OneOf(ATTRIBUTION_TYPES), metadata={"description": "attribution type"}
    )


def _source(description: str) -> fields.String:
    return fields.String(validate=validate.Length(1, 300), metadata={"description": description})


def _words() -> fields.String:
    return fields.String(
        validate=validate.Length(1, 500), metadata={"description": "words in the statement"}
    )


ArticleListQuery = list_query(
    "ArticleListQuery",
    tuple(s.name for s in articles.SORTS),
    articles.FACETS,
    publisher=_publisher(),
    language=_language(),
    year=year_field(),
)
SourceListQuery = list_query(
    "SourceListQuery",
    tuple(s.name for s in sources.SORTS),
    sources.FACETS,
    kind=fields.String(validate=validate.OneOf(SOURCE_KINDS)),
    language=_language(),
    q=fields.String(
        validate=validate.Length(1, 200), metadata={"description": "part of a name or alias"}
    ),
)
EventListQuery = list_query(
    "EventListQuery", tuple(s.name for s in events.SORTS), events.FACETS, year=year_field()
)


def _statement_filters() -> dict[str, fields.Field]:
    return {
        "source": _source("speaker: source id, slug, name or alias (e.g. Witte Huis)"),
        "via": _source("a source that passed the claim on: id, slug, name or alias"),
        "event": row_id(strict=False, metadata={"description": "event id"}),
        "article": row_id(strict=False, metadata={"description": "article id"}),
        "type": _type(),
        "language": _language(),
        "publisher": _publisher(),
        "q": _words(),
        "since": date_field("article date from (YYYY[-MM[-DD]])"),
        "until": date_field("article date up to (YYYY[-MM[-DD]])"),
    }


StatementListQuery = list_query(
    "StatementListQuery", ("id",), statements.FACETS, **_statement_filters()
)
ExportQuery = type("ExportQuery", (StrictSchema,), _statement_filters())
SourceStatementsQuery = list_query(
    "SourceStatementsQuery",
    ("date", "id"),
    article=row_id(strict=False, metadata={"description": "article id"}),
    event=row_id(strict=False, metadata={"description": "event id"}),
    type=_type(),
    since=date_field("article date from (YYYY[-MM[-DD]])"),
    until=date_field("article date up to (YYYY[-MM[-DD]])"),
    **{
        "from": date_field("the older name of `since`"),
        "to": date_field("the older name of `until`"),
    },
)
EventStatementsQuery = list_query("EventStatementsQuery", ("date", "id"))
SearchQuery = list_query(
    "SearchQuery",
    ("rank", "id"),
    ("source", "language", "publisher", "type", "year"),
    q=fields.String(validate=validate.Length(0, 500), metadata={"description": "words to find"}),
    source=_source("speaker: source id, slug, name or alias"),
    language=_language(),
    publisher=_publisher(),
    type=_type(),
    year=year_field(),
    sort=fields.String(
        validate=validate.OneOf(["relevance", "recent"]),
        metadata={"description": "the older way to sort: relevance (_sort=rank) or recent"},
    ),
)


class CompareQuerySchema(StrictSchema):
    """The two sides of a comparison: source id, slug, name or alias."""

    a = fields.String(required=True, validate=validate.Length(1, 300))
    b = fields.String(required=True, validate=validate.Length(1, 300))


class ComparePageQuery(CompareQuerySchema):
    """The comparison page's parameters: the two sides, and which rows the page shows."""

    show = fields.String(
        validate=validate.OneOf(["all", "conflicts", "one-sided"]),
        metadata={"description": "which rows the HTML page shows (the JSON has them all)"},
    )


ARTICLE_LIST_QUERY = ArticleListQuery()
SOURCE_LIST_QUERY = SourceListQuery()
EVENT_LIST_QUERY = EventListQuery()
STATEMENT_LIST_QUERY = StatementListQuery()
EXPORT_QUERY = ExportQuery()
SOURCE_STATEMENTS_QUERY = SourceStatementsQuery()
EVENT_STATEMENTS_QUERY = EventStatementsQuery()
SEARCH_QUERY = SearchQuery()
COMPARE_QUERY = CompareQuerySchema()
COMPARE_PAGE_QUERY = ComparePageQuery()
