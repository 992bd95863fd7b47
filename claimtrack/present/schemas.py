"""The one JSON shape of every entity, for the web's .json twins and the API alike.

marshmallow output schemas (every field dump_only): a statement, an article,
a source, an event and their parts look the same on every surface, and the
OpenAPI document is generated from these same classes. A list page is
`page_schema(item)`: items, total, sort, size, next/previous tokens and URLs
and facets (see `claimtrack.present.pages`).
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.store.publisher_voice import ARTICLE_KINDS
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.store.speaker_names import REASONS as UNRESOLVED_REASONS


def _out(field_class, **kwargs):
    return field_class(dump_only=True, **kwargs)


class SpanSchema(Schema):
    """A piece of text with character offsets into the article body."""

    text = _out(fields.String)
    start = _out(fields.Integer, allow_none=True)
    end = _out(fields.Integer, allow_none=True)


class SourceRefSchema(Schema):
    """A source as it appears in an attribution."""

    source_id = _out(fields.Integer, allow_none=True)
    name = _out(fields.String)
    slug = _out(fields.String, allow_none=True)
    kind = _out(fields.String)
    mention = _out(fields.Nested, nested=SpanSchema, allow_none=True)
    unresolved = _out(
        fields.String,
        allow_none=True,
        validate=validate.OneOf(list(UNRESOLVED_REASONS)),
        metadata={
            "description": "why the name is an unresolved speaker and no source (a pronoun, "
            "a number, a date, ...); null for a source, and for relays"
        },
    )


class ChainLinkSchema(Schema):
    """One link of a provenance chain: the publisher, a source that passed it on, the speaker."""

    role = _out(fields.String, validate=validate.OneOf(["publisher", "via", "speaker"]))
    name = _out(fields.String)
    slug = _out(fields.String, allow_none=True)


CHAIN_LINK_JSON_SCHEMA = {
    "type": "object",
    "description": "One link of a provenance chain: the publisher, a source that passed it on, "
    "the speaker",
    "properties": {
        "role": {"type": "string", "enum": ["publisher", "via", "speaker"]},
        "name": {"type": "string"},
        "slug": {"type": "string", "nullable": True},
    },
    "required": ["role", "name", "slug"],
    "additionalProperties": False,
}


class AttributionSchema(Schema):
    """Who says it (speaker), the words that say so (cue), what is said (content).

    Type "publisher": a sentence of a statement article (a readout, a press
    release) that nobody else speaks in, credited to its publisher.
    """

    id = _out(fields.Integer)
    type = _out(fields.String, validate=validate.OneOf(ATTRIBUTION_TYPES))
    confidence = _out(fields.Float)
    speaker = _out(fields.Nested, nested=SourceRefSchema)
    cue = _out(fields.Nested, nested=SpanSchema, allow_none=True)
    content = _out(fields.Nested, nested=SpanSchema, allow_none=True)
    via = _out(fields.List, cls_or_instance=fields.Nested(SourceRefSchema))
    parent_id = _out(fields.Integer, allow_none=True)
    # dumped as built by the store (a Nested per link doubles the cost of a statement page);
    # the document still describes each link
    chain = _out(
        fields.Raw,
        metadata={
            "description": "how the claim reached the reader: publisher, via..., speaker",
            "type": "array",
            "items": CHAIN_LINK_JSON_SCHEMA,
        },
    )


class ArticleSummarySchema(Schema):
    """An article's metadata."""

    id = _out(fields.Integer)
    title = _out(fields.String, allow_none=True)
    url = _out(fields.String, allow_none=True)
    publisher = _out(fields.String, allow_none=True)
    language = _out(fields.String)
    date = _out(fields.String, allow_none=True)
    date_precision = _out(fields.String, allow_none=True)
    word_count = _out(fields.Integer)
    imported_at = _out(fields.String)
    body_offset = _out(
        fields.Integer,
        metadata={
            "description": "Characters of the imported file before the body (its header). "
            "Offsets in this API index into the body; add body_offset for offsets into the "
            "file, as `claimtrack extract` prints them."
        },
    )
    statement_count = _out(fields.Integer)
    kind = _out(
        fields.String,
        validate=validate.OneOf(ARTICLE_KINDS),
        metadata={
            "description": "statement: the publisher is a party speaking in its own text; "
            "report: its narration is narration"
        },
    )


class ArticleRefSchema(ArticleSummarySchema):
    """The article a statement comes from."""

    class Meta:
        exclude = ("statement_count",)


class StatementSchema(Schema):
    """One sentence of an article and its attributions (none = narration)."""

    id = _out(fields.Integer)
    article_id = _out(fields.Integer)
    index = _out(fields.Integer)
    paragraph = _out(fields.Integer)
    start = _out(fields.Integer)
    end = _out(fields.Integer)
    text = _out(fields.String)
    attributions = _out(fields.List, cls_or_instance=fields.Nested(AttributionSchema))
    article = _out(fields.Nested, nested=ArticleRefSchema, allow_none=True)


class SearchHitSchema(StatementSchema):
    """A statement found by a word search, with the matching part of its text."""

    snippet = _out(fields.String, metadata={"description": "the text around the matches"})


class ArticleStatementSchema(StatementSchema):
    """A statement inside its article (the article is not repeated)."""

    class Meta:
        exclude = ("article",)


class ArticleDetailSchema(ArticleSummarySchema):
    """An article with its body and statements."""

    body = _out(fields.String)
    statements = _out(fields.List, cls_or_instance=fields.Nested(ArticleStatementSchema))


class AliasSchema(Schema):
    """One name of a source."""

    id = _out(fields.Integer)
    alias = _out(fields.String)
    language = _out(fields.String, allow_none=True)


class AffiliationSchema(Schema):
    """The source a source is part of."""

    id = _out(fields.Integer)
    name = _out(fields.String)
    slug = _out(fields.String)


class SourceSchema(Schema):
    """A canonical source (person, organisation, group)."""

    id = _out(fields.Integer)
    name = _out(fields.String)
    kind = _out(fields.String, validate=validate.OneOf(SOURCE_KINDS))
    slug = _out(fields.String)
    wikidata_id = _out(fields.String, allow_none=True)
    affiliation_id = _out(fields.Integer, allow_none=True)
    affiliation = _out(fields.Nested, nested=AffiliationSchema, allow_none=True)
    created_at = _out(fields.String)
    statement_count = _out(
        fields.Integer, metadata={"description": "statements in which the source speaks"}
    )
    speaker_claims = _out(fields.Integer, metadata={"description": "attributions to the source"})
    relayed_claims = _out(fields.Integer, metadata={"description": "claims it passed on"})
    languages = _out(fields.List, cls_or_instance=fields.String())
    first_seen = _out(fields.String, allow_none=True)
    last_seen = _out(fields.String, allow_none=True)
    aliases = _out(fields.List, cls_or_instance=fields.Nested(AliasSchema))


class MergeResultSchema(Schema):
    """The kept source after a merge and how many rows moved to it."""

    source = _out(fields.Nested, nested=SourceSchema)
    merged_id = _out(fields.Integer)
    moved = _out(fields.Dict, keys=fields.String(), values=fields.Integer())


class ParticipantSchema(Schema):
    """A source taking part in an event."""

    id = _out(fields.Integer)
    name = _out(fields.String)
    slug = _out(fields.String)
    kind = _out(fields.String)


class EventFieldsSchema(Schema):
    """What every rendering of an event says of it."""

    id = _out(fields.Integer)
    title = _out(fields.String)
    date = _out(fields.String, allow_none=True)
    date_precision = _out(fields.String, allow_none=True)
    description = _out(fields.String, allow_none=True)


class EventSchema(EventFieldsSchema):
    """A news event."""

    created_at = _out(fields.String)
    statement_count = _out(fields.Integer)
    article_count = _out(fields.Integer)
    participants = _out(fields.List, cls_or_instance=fields.Nested(ParticipantSchema))
    participant_count = _out(
        fields.Integer,
        metadata={
            "description": "the stored participants, or for an event without them the sources "
            "its compare page lists"
        },
    )


class EventArticleSchema(Schema):
    """An article with statements in the event."""

    id = _out(fields.Integer)
    title = _out(fields.String, allow_none=True)
    publisher = _out(fields.String, allow_none=True)
    date = _out(fields.String, allow_none=True)
    statements = _out(fields.Integer)


class EventDetailSchema(EventSchema):
    """An event with the articles its statements come from."""

    articles = _out(fields.List, cls_or_instance=fields.Nested(EventArticleSchema))


class ErrorSchema(Schema):
    """The envelope of every error response."""

    ok = _out(fields.Boolean)
    error = _out(fields.String)
    errors = _out(fields.Dict)
    status = _out(fields.Integer)


class CompareArticleSchema(Schema):
    """The article a compared statement comes from."""

    id = _out(fields.Integer)
    title = _out(fields.String, allow_none=True)
    publisher = _out(fields.String, allow_none=True)
    date = _out(fields.String, allow_none=True)
    language = _out(fields.String)


class CompareStatementSchema(Schema):
    """A statement in one side's account: who made the claim and who passed it on."""

    id = _out(fields.Integer)
    text = _out(fields.String)
    language = _out(fields.String)
    article = _out(fields.Nested, nested=CompareArticleSchema)
    speaker = _out(fields.String, allow_none=True)
    affiliation = _out(
        fields.String,
        allow_none=True,
        metadata={
            "description": "the organisation the speaker speaks for, as the article names it"
        },
    )
    via = _out(fields.List, cls_or_instance=fields.String())
    marks = _out(
        fields.List,
        cls_or_instance=fields.List(fields.Integer()),
        metadata={"description": "[start, end] character spans of the phrases in conflict"},
    )


class CompareRowSchema(Schema):
    """One row of the comparison: what each side says about one matter (each statement is
    in exactly one row)."""

    topic = _out(fields.String)
    status = _out(fields.String, validate=validate.OneOf(["both", "conflict", "only_a", "only_b"]))
    reason = _out(fields.String, allow_none=True)
    kinds = _out(
        fields.List,
        cls_or_instance=fields.String(),
        metadata={
            "description": (
                "numbers, times, dates, negation, blame, sequence, opposites, stance, denial"
            )
        },
    )
    a = _out(fields.List, cls_or_instance=fields.Nested(CompareStatementSchema))
    b = _out(fields.List, cls_or_instance=fields.Nested(CompareStatementSchema))


class ComparePartySchema(Schema):
    """A participant of the compared event (from the articles' sources when none is stored:
    then id is null)."""

    id = _out(fields.Integer, allow_none=True)
    name = _out(fields.String)
    kind = _out(fields.String)


class CompareEventSchema(EventFieldsSchema):
    """The event being compared."""

    participants = _out(fields.List, cls_or_instance=fields.Nested(ComparePartySchema))
    participants_from = _out(fields.String, validate=validate.OneOf(["event", "articles"]))


class CompareSummarySchema(Schema):
    """How many rows of each kind."""

    both = _out(fields.Integer)
    only_a = _out(fields.Integer)
    only_b = _out(fields.Integer)
    conflict = _out(fields.Integer)


class CompareCountsSchema(Schema):
    """Statements in rows per side, and those left out (questions, small talk)."""

    a = _out(fields.Integer)
    b = _out(fields.Integer)
    left_out = _out(fields.Integer)


class CompareWarningSchema(Schema):
    """A side that matches no statement of the event, with names that look like it."""

    side = _out(fields.String, validate=validate.OneOf(["a", "b"]))
    name = _out(fields.String)
    known_source = _out(fields.Boolean)
    suggestions = _out(fields.List, cls_or_instance=fields.String())


class CompareSourceSchema(Schema):
    """A publisher or claim-maker in the event, with its number of statements."""

    name = _out(fields.String)
    kind = _out(fields.String)
    statements = _out(fields.Integer)


class ComparisonSchema(Schema):
    """Two sources' accounts of one event, aligned statement by statement. When a side matches
    no statement of the event, `warnings` says so and `rows` is empty."""

    ok = _out(fields.Boolean, metadata={"description": "true (the comparison page's twin)"})
    event = _out(fields.Nested, nested=CompareEventSchema)
    sides = _out(fields.List, cls_or_instance=fields.String())
    summary = _out(fields.Nested, nested=CompareSummarySchema)
    statements = _out(fields.Nested, nested=CompareCountsSchema)
    warnings = _out(fields.List, cls_or_instance=fields.Nested(CompareWarningSchema))
    sources = _out(fields.List, cls_or_instance=fields.Nested(CompareSourceSchema))
    rows = _out(fields.List, cls_or_instance=fields.Nested(CompareRowSchema))


class JsonLdThingSchema(Schema):
    """A schema.org person or organisation (claimant, publisher)."""

    type = _out(fields.String, data_key="@type")
    name = _out(fields.String)
    url = _out(fields.String, allow_none=True)


class JsonLdAppearanceSchema(Schema):
    """Where the claim appeared: the news article."""

    type = _out(fields.String, data_key="@type")
    headline = _out(fields.String, allow_none=True)
    url = _out(fields.String)
    date_published = _out(fields.String, allow_none=True, data_key="datePublished")
    in_language = _out(fields.String, allow_none=True, data_key="inLanguage")
    publisher = _out(fields.Nested, nested=JsonLdThingSchema, allow_none=True)


class JsonLdClaimSchema(Schema):
    """A schema.org Claim: who claimed it, when, and where it appeared."""

    type = _out(fields.String, data_key="@type")
    text = _out(fields.String)
    author = _out(fields.Nested, nested=JsonLdThingSchema)
    date_published = _out(fields.String, allow_none=True, data_key="datePublished")
    appearance = _out(fields.Nested, nested=JsonLdAppearanceSchema)


class ClaimReviewSchema(Schema):
    """A statement rendered as schema.org ClaimReview JSON-LD (without a rating)."""

    context = _out(fields.String, data_key="@context")
    type = _out(fields.String, data_key="@type")
    id = _out(fields.String, data_key="@id")
    url = _out(fields.String)
    claim_reviewed = _out(fields.String, data_key="claimReviewed")
    item_reviewed = _out(fields.Nested, nested=JsonLdClaimSchema, data_key="itemReviewed")


class FacetValueSchema(Schema):
    """How many rows of a list have one value (a source facet also has the name as `label`)."""

    value = _out(fields.Raw, allow_none=True)
    count = _out(fields.Integer)
    label = _out(fields.String, allow_none=True)


class FacetsSchema(Schema):
    """Counts per value of the facets asked for (`_facet=`); `sampled`: counted over the
    newest matches only."""

    type = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    language = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    publisher = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    year = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    kind = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    source = _out(fields.List, cls_or_instance=fields.Nested(FacetValueSchema))
    sampled = _out(fields.Boolean)


PAGE_FIELDS = {
    "ok": fields.Boolean(dump_only=True),
    "total": fields.Integer(
        dump_only=True,
        allow_none=True,
        metadata={"description": "rows of the whole list; a lower bound when total_exact is false"},
    ),
    "total_exact": fields.Boolean(
        dump_only=True, metadata={"description": 'false: "more than total"'}
    ),
    "sort": fields.String(dump_only=True, metadata={"description": "the column sorted by"}),
    "sort_desc": fields.Boolean(dump_only=True),
    "size": fields.Integer(dump_only=True, metadata={"description": "rows per page"}),
    "next": fields.String(
        dump_only=True, allow_none=True, metadata={"description": "token of the next page"}
    ),
    "next_url": fields.String(dump_only=True, allow_none=True),
    "previous": fields.String(
        dump_only=True, allow_none=True, metadata={"description": "token of the previous page"}
    ),
    "previous_url": fields.String(dump_only=True, allow_none=True),
    "facets": fields.Nested(FacetsSchema, dump_only=True),
}


def page_schema(item_schema: type[Schema], name: str, **extra: fields.Field) -> type[Schema]:
    """A list page of `item_schema` (with `extra` fields, such as the source a list belongs to)."""
    return Schema.from_dict(
        {"items": fields.List(fields.Nested(item_schema), dump_only=True), **PAGE_FIELDS, **extra},
        name=name,
    )


ArticlePageSchema = page_schema(ArticleSummarySchema, "ArticlePage")
StatementPageSchema = page_schema(StatementSchema, "StatementPage")
SourcePageSchema = page_schema(SourceSchema, "SourcePage")
EventPageSchema = page_schema(EventSchema, "EventPage")
SourceStatementPageSchema = page_schema(
    StatementSchema,
    "SourceStatementPage",
    source=fields.Nested(SourceSchema, dump_only=True),
    relays_url=fields.String(dump_only=True),
)
EventStatementPageSchema = page_schema(
    StatementSchema, "EventStatementPage", event=fields.Nested(EventDetailSchema, dump_only=True)
)
SearchPageSchema = page_schema(
    SearchHitSchema,
    "SearchPage",
    q=fields.String(dump_only=True),
    matches=fields.Integer(
        dump_only=True, metadata={"description": "statements matching the words, before filters"}
    ),
    matches_capped=fields.Boolean(dump_only=True),
)


class ArticleSourceRefSchema(Schema):
    """Where an article's source speaks: a statement and the chain of that attribution."""

    statement_id = _out(fields.Integer)
    index = _out(fields.Integer)
    chain = _out(fields.List, cls_or_instance=fields.Nested(ChainLinkSchema))


class ArticleSourceSchema(Schema):
    """A speaker of an article's statements, in order of first appearance."""

    key = _out(fields.String)
    name = _out(fields.String)
    slug = _out(fields.String, allow_none=True)
    kind = _out(fields.String, allow_none=True)
    unresolved = _out(fields.String, allow_none=True)
    statement_ids = _out(fields.List, cls_or_instance=fields.Integer())
    refs = _out(fields.List, cls_or_instance=fields.Nested(ArticleSourceRefSchema))
    types = _out(fields.List, cls_or_instance=fields.String())
    vias = _out(fields.List, cls_or_instance=fields.String())


class ArticlePageBodySchema(Schema):
    """The article page as JSON: the article (as the API gives it) and its speakers."""

    ok = _out(fields.Boolean)
    article = _out(fields.Nested, nested=ArticleDetailSchema)
    sources = _out(fields.List, cls_or_instance=fields.Nested(ArticleSourceSchema))


class StatementBriefSchema(Schema):
    """Another statement of the same speaker in the same article."""

    id = _out(fields.Integer)
    index = _out(fields.Integer)
    text = _out(fields.String)


class SameSourceSchema(Schema):
    """The other statements of one speaker of the statement, in its article."""

    speaker_slug = _out(fields.String, allow_none=True)
    statements = _out(fields.List, cls_or_instance=fields.Nested(StatementBriefSchema))


class StatementPageBodySchema(Schema):
    """The statement page as JSON: the statement (as the API gives it), the same speakers'
    other statements, the events of its article and the same claim elsewhere."""

    ok = _out(fields.Boolean)
    statement = _out(fields.Nested, nested=StatementSchema)
    same_source = _out(fields.List, cls_or_instance=fields.Nested(SameSourceSchema))
    events = _out(fields.List, cls_or_instance=fields.Dict())
    same_claim = _out(fields.Dict)


ARTICLE_SUMMARY = ArticleSummarySchema()
ARTICLE_DETAIL = ArticleDetailSchema()
STATEMENT = StatementSchema()
SEARCH_HIT = SearchHitSchema()
SOURCE = SourceSchema()
MERGE_RESULT = MergeResultSchema()
EVENT = EventSchema()
EVENT_DETAIL = EventDetailSchema()
CLAIM_REVIEW = ClaimReviewSchema()
COMPARISON = ComparisonSchema()
ARTICLE_PAGE_BODY = ArticlePageBodySchema()
STATEMENT_PAGE_BODY = StatementPageBodySchema()
