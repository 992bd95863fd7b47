"""JSON articles, validated by a marshmallow schema."""

from __future__ import annotations

import json

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.fields import is_valid_date
from claimtrack.schema_patterns import CALENDAR_DATE, HAS_TEXT, WEB_ADDRESS


class ArticleSchema(Schema):
    """One article as JSON: `title` and `body` required, unknown keys refused."""

    class Meta:
        unknown = RAISE

    # the patterns only describe these checks in the OpenAPI document (claimtrack.schema_patterns)
    title = fields.String(
        required=True, validate=validate.Length(min=1, max=1000), metadata={"pattern": HAS_TEXT}
    )
    body = fields.String(required=True, metadata={"pattern": HAS_TEXT})
    url = fields.Url(
        load_default=None,
        allow_none=True,
        schemes={"http", "https"},
        metadata={"pattern": WEB_ADDRESS},
    )
    publisher = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=300))
    language = fields.String(load_default="auto", validate=validate.OneOf(["nl", "en", "auto"]))
    date = fields.String(load_default=None, allow_none=True, metadata={"pattern": CALENDAR_DATE})
    kind = fields.String(
        load_default="auto",
        allow_none=True,
        validate=validate.OneOf(["statement", "report", "auto"]),
        metadata={
            "description": "statement: the publisher is a party and its own sentences are its "
            "claims (a readout, a press release); report: narration stays narration; auto: "
            "a statement when the publisher is a curated party that publishes statements"
        },
    )

    @validates("body")
    def _body_has_text(self, value: str, **_kwargs) -> None:
        if not value.strip():
            raise ValidationError("must contain article text")

    @validates("date")
    def _date_is_iso(self, value: str | None, **_kwargs) -> None:
        if value is not None and not is_valid_date(value):
            raise ValidationError("expected YYYY, YYYY-MM or YYYY-MM-DD")


ARTICLE_SCHEMA = ArticleSchema()


def describe_validation_error(error: ValidationError) -> str:
    """Turn marshmallow's message dict into one line, e.g. "body: missing"."""
    messages = error.messages if isinstance(error.messages, dict) else {"_": error.messages}
    parts = []
    for key in sorted(messages):
        text = "; ".join(str(m) for m in _flatten(messages[key]))
        text = text.replace("Missing data for required field.", "missing")
        text = text.replace("Unknown field.", "unknown field")
        parts.append(text if key == "_schema" else f"{key}: {text}")
    return ", ".join(parts)


def _flatten(value) -> list:
    if isinstance(value, list):
        return [item for v in value for item in _flatten(v)]
    if isinstance(value, dict):
        return [item for v in value.values() for item in _flatten(v)]
    return [value]


def parse_json_article(text: str, path: str | None = None) -> ParsedArticle:
    """Parse and validate one JSON article object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleRejected(
            path, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict):
        raise ArticleRejected(path, "malformed JSON: expected an object with title and body")
    try:
        article = ARTICLE_SCHEMA.load(data)
    except ValidationError as exc:
        reason = describe_validation_error(exc)
        if reason == "body: missing":
            raise ArticleRejected(path, 'missing body: the JSON has no "body" field') from None
        raise ArticleRejected(path, f"invalid article JSON: {reason}") from None
    return ParsedArticle(
        body=article["body"],
        title=article["title"].strip(),
        url=article["url"],
        publisher=(article["publisher"] or "").strip() or None,
        language=article["language"],
        date=article["date"],
        source_path=path,
        kind=None if article["kind"] in (None, "auto") else article["kind"],
    )
