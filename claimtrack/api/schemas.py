"""marshmallow schemas of the API: what it accepts (load) and what it returns (dump).

Input schemas refuse unknown fields. The output shapes live in
`claimtrack.present.schemas` and the list parameters in
`claimtrack.present.list_queries`: the web's .json twins use the same ones.
The OpenAPI document is generated from these classes.
"""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate, validates

from claimtrack.ingest.json_article import ArticleSchema
from claimtrack.present.params import LANGUAGES, StrictSchema, check_date, row_id
from claimtrack.schema_patterns import CALENDAR_DATE, HAS_LETTER_OR_DIGIT
from claimtrack.store.publisher_voice import KIND_CHOICES
from claimtrack.store.sources import UNKNOWN_SPEAKER, alias_key


def _names_a_source(value: str) -> None:
    key = alias_key(value)
    if not key or key == UNKNOWN_SPEAKER:
        raise ValidationError("must be a source name (letters or digits, not 'unknown')")


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
        check_date(value)


# module-level instances used by the views
ARTICLE_INPUT = ArticleInputSchema()
ARTICLE_KIND_INPUT = ArticleKindInputSchema()
MERGE_INPUT = MergeInputSchema()
ALIAS_INPUT = AliasInputSchema()
ALIAS_QUERY = AliasQuerySchema()
EVENT_INPUT = EventInputSchema()
