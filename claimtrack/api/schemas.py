"""marshmallow schemas of the API: what it accepts (load) and what it returns (dump).

Input schemas refuse unknown fields. Output schemas mark every field
dump_only; the OpenAPI document is generated from these same classes.
"""

from __future__ import annotations

import re

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from claimtrack.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_ROW_ID, PageToken
from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.ingest.fields import is_valid_date
from claimtrack.ingest.json_article import ArticleSchema
from claimtrack.schema_patterns import CALENDAR_DATE, HAS_LETTER_OR_DIGIT
from claimtrack.store.publisher_voice import ARTICLE_KINDS, KIND_CHOICES
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.store.sources import UNKNOWN_SPEAKER, alias_key
from claimtrack.store.speaker_names import REASONS as UNRESOLVED_REASONS

LANGUAGES = ("nl", "en")


_ASCII_INTEGER = re.compile(r"-?[0-9]+")


class QueryInteger(fields.Integer):
    """An integer given as text in a query string: ASCII digits only.

    Python's int() also reads other scripts' digits ("٣" is 3), which no
    client means and the OpenAPI document does not allow.
    """

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not _ASCII_INTEGER.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def row_id(*, strict: bool = True, **kwargs) -> fields.Integer:
    """An integer field for a row id (1 up to SQLite's largest integer).

    Strict (JSON numbers only) in bodies; query parameters pass strict=False
    because they arrive as text (ASCII digits only, see QueryInteger).
    """
    field = fields.Integer if strict else QueryInteger
    return field(strict=strict, validate=validate.Range(1, MAX_ROW_ID), **kwargs)


def _check_date(value: str | None) -> None:
    if value is not None and not is_valid_date(value):
        raise ValidationError("expected YYYY, YYYY-MM or YYYY-MM-DD")


def _names_a_source(value: str) -> None:
    key = alias_key(value)
    if not key or key == UNKNOWN_SPEAKER:
        raise ValidationError("must be a source name (letters or digits, not 'unknown')")


class StrictSchema(Schema):
    """Base of every input schema: an unknown field is a validation error."""

    class Meta:
        unknown = RAISE


# --- inputs ------------------------------------------------------------------


class ArticleInputSchema(ArticleSchema):
    """An article to analyse and store (the importer's JSON article schema)."""


class ArticleKindInputSchema(StrictSchema):
    """A change of an article's kind (its statements are credited again to match)."""

    kind = fields.String(
        required=True,
        validate=validate.OneOf(KIND_CHOICES),
        metadata={
            "description": "statement: the publisher is a party, its sentences nobody else "
            "speaks in are its own words (type publisher); report: they are narration; "
            "auto: decide by the publisher again"
        },
    )


class PageQuerySchema(StrictSchema):
    """Paging parameters shared by every list."""

    limit = QueryInteger(
        load_default=DEFAULT_PAGE_SIZE,
        validate=validate.Range(1, MAX_PAGE_SIZE),
        metadata={"description": f"rows per page (1-{MAX_PAGE_SIZE})"},
    )
    next = PageToken(
        load_default=None, metadata={"description": "the `next` token of the previous page"}
    )


class SourceListQuerySchema(PageQuerySchema):
    """Filters of the source list."""

    q = fields.String(
        validate=validate.Length(1, 200), metadata={"description": "part of a name or alias"}
    )


class StatementQuerySchema(PageQuerySchema):
    """Filters of the statement list and its exports."""

    source = fields.String(
        validate=validate.Length(1, 300),
        metadata={"description": "speaker: source id, slug, name or alias (e.g. Witte Huis)"},
    )
    via = fields.String(
        validate=validate.Length(1, 300),
        metadata={"description": "a source that passed the claim on: id, slug, name or alias"},
    )
    event = row_id(strict=False, metadata={"description": "event id"})
    article = row_id(strict=False, metadata={"description": "article id"})
    type = fields.String(validate=validate.OneOf(ATTRIBUTION_TYPES))
    language = fields.String(validate=validate.OneOf(LANGUAGES))
    q = fields.String(
        validate=validate.Length(1, 500), metadata={"description": "words in the statement"}
    )
    since = fields.String(
        metadata={"description": "article date from (YYYY[-MM[-DD]])", "pattern": CALENDAR_DATE}
    )
    until = fields.String(
        metadata={"description": "article date up to (YYYY[-MM[-DD]])", "pattern": CALENDAR_DATE}
    )

    @validates("since")
    def _since_is_date(self, value: str, **_kwargs) -> None:
        _check_date(value)

    @validates("until")
    def _until_is_date(self, value: str, **_kwargs) -> None:
        _check_date(value)


class ExportQuerySchema(StatementQuerySchema):
    """Filters of the statement exports (all matching rows, no paging)."""

    class Meta:
        exclude = ("limit", "next")


class MergeInputSchema(StrictSchema):
    """Merge this source into another: the path's source disappears."""

    into = row_id(required=True, metadata={"description": "id of the source to keep"})


class AliasInputSchema(StrictSchema):
    """A name by which a source is also known."""

    alias = fields.String(
        required=True, validate=validate.Length(1, 300), metadata={"pattern": HAS_LETTER_OR_DIGIT}
    )
    language = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(LANGUAGES))

    @validates("alias")
    def _alias_has_letters(self, value: str, **_kwargs) -> None:
        if not any(ch.isalnum() for ch in value):
            raise ValidationError("must contain letters or digits")


class AliasQuerySchema(StrictSchema):
    """The alias to remove, as a query parameter."""

    alias = fields.String(required=True, validate=validate.Length(1, 300))


class EventInputSchema(StrictSchema):
    """A news event that statements and sources can be linked to."""

    title = fields.String(required=True, validate=validate.Length(1, 500))
    date = fields.String(load_default=None, allow_none=True, metadata={"pattern": CALENDAR_DATE})
    description = fields.String(
        load_default=None, allow_none=True, validate=validate.Length(max=5000)
    )
    participants = fields.List(
        fields.String(
            validate=[validate.Length(1, 300), _names_a_source],
            metadata={"pattern": HAS_LETTER_OR_DIGIT},
        ),
        load_default=list,
        validate=validate.Length(max=200),
        metadata={"description": "source names or aliases (unknown names become new sources)"},
    )
    articles = fields.List(
        row_id(),
        load_default=list,
        validate=validate.Length(max=1000),
        metadata={"description": "ids of articles whose statements all belong to the event"},
    )
    statements = fields.List(row_id(), load_default=list, validate=validate.Length(max=5000))

    @validates("date")
    def _date_is_iso(self, value: str | None, **_kwargs) -> None:
        _check_date(value)


class CompareQuerySchema(StrictSchema):
    """The two sides of a comparison: source id, slug, name or alias."""

    a = fields.String(required=True, validate=validate.Length(1, 300))
    b = fields.String(required=True, validate=validate.Length(1, 300))


# --- outputs -----------------------------------------------------------------


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


class SourceSchema(Schema):
    """A canonical source (person, organisation, group)."""

    id = _out(fields.Integer)
    name = _out(fields.String)
    kind = _out(fields.String, validate=validate.OneOf(SOURCE_KINDS))
    slug = _out(fields.String)
    wikidata_id = _out(fields.String, allow_none=True)
    affiliation_id = _out(fields.Integer, allow_none=True)
    created_at = _out(fields.String)
    statement_count = _out(fields.Integer)
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


class EventSchema(Schema):
    """A news event."""

    id = _out(fields.Integer)
    title = _out(fields.String)
    date = _out(fields.String, allow_none=True)
    date_precision = _out(fields.String, allow_none=True)
    description = _out(fields.String, allow_none=True)
    created_at = _out(fields.String)
    statement_count = _out(fields.Integer)
    participants = _out(fields.List, cls_or_instance=fields.Nested(ParticipantSchema))


def page_schema(item_schema: type[Schema], name: str) -> type[Schema]:
    """A list page of `item_schema`: items, `next` token and `next_url`."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema), dump_only=True),
            "next": fields.String(dump_only=True, allow_none=True),
            "next_url": fields.String(dump_only=True, allow_none=True),
        },
        name=name,
    )


ArticlePageSchema = page_schema(ArticleSummarySchema, "ArticlePage")
StatementPageSchema = page_schema(StatementSchema, "StatementPage")
SourcePageSchema = page_schema(SourceSchema, "SourcePage")
EventPageSchema = page_schema(EventSchema, "EventPage")


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
            "description": "numbers, times, dates, negation, blame, sequence, opposites, stance"
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


class CompareEventSchema(Schema):
    """The event being compared."""

    id = _out(fields.Integer)
    title = _out(fields.String)
    date = _out(fields.String, allow_none=True)
    date_precision = _out(fields.String, allow_none=True)
    description = _out(fields.String, allow_none=True)
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


# module-level instances used by the views
ARTICLE_INPUT = ArticleInputSchema()
ARTICLE_KIND_INPUT = ArticleKindInputSchema()
PAGE_QUERY = PageQuerySchema()
SOURCE_LIST_QUERY = SourceListQuerySchema()
STATEMENT_QUERY = StatementQuerySchema()
EXPORT_QUERY = ExportQuerySchema()
MERGE_INPUT = MergeInputSchema()
ALIAS_INPUT = AliasInputSchema()
ALIAS_QUERY = AliasQuerySchema()
EVENT_INPUT = EventInputSchema()
COMPARE_QUERY = CompareQuerySchema()

ARTICLE_SUMMARY = ArticleSummarySchema()
ARTICLE_DETAIL = ArticleDetailSchema()
STATEMENT = StatementSchema()
SOURCE = SourceSchema()
MERGE_RESULT = MergeResultSchema()
EVENT = EventSchema()
CLAIM_REVIEW = ClaimReviewSchema()
COMPARISON = ComparisonSchema()
