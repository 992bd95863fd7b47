"""The CSV columns of each entity, the same for the web's .csv twins and the API's export.

A statement list is one CSV row per attribution (one row with empty
attribution columns for narration); `statement_rows` expands a statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from claimtrack.present.chains import CHAIN_SEPARATOR, chain_text


def statement_rows(statement: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The statement once per attribution (once with None for narration)."""
    if not statement["attributions"]:
        yield {"statement": statement, "attribution": None}
    for attribution in statement["attributions"]:
        yield {"statement": statement, "attribution": attribution}


def _article(field: str):
    return lambda r: (r["statement"]["article"] or {}).get(field)


def _attribution(get):
    return lambda r: "" if r["attribution"] is None else get(r["attribution"])


def _span_text(name: str):
    return _attribution(lambda a: (a[name] or {}).get("text"))


STATEMENT_COLUMNS = [
    ("statement_id", lambda r: r["statement"]["id"]),
    ("article_id", lambda r: r["statement"]["article_id"]),
    ("article_title", _article("title")),
    ("article_date", _article("date")),
    ("publisher", _article("publisher")),
    ("language", _article("language")),
    ("paragraph", lambda r: r["statement"]["paragraph"]),
    ("statement_index", lambda r: r["statement"]["index"]),
    ("statement", lambda r: r["statement"]["text"]),
    ("attribution_type", _attribution(lambda a: a["type"])),
    ("speaker", _attribution(lambda a: a["speaker"]["name"])),
    ("speaker_slug", _attribution(lambda a: a["speaker"]["slug"])),
    ("via", _attribution(lambda a: CHAIN_SEPARATOR.join(v["name"] for v in a["via"]))),
    ("cue", _span_text("cue")),
    ("content", _span_text("content")),
    ("confidence", _attribution(lambda a: a["confidence"])),
    ("chain", _attribution(lambda a: chain_text(a["chain"]))),
]
SEARCH_COLUMNS = [*STATEMENT_COLUMNS, ("snippet", lambda r: r["statement"].get("snippet"))]
ARTICLE_COLUMNS = [
    (name, itemgetter(name))
    for name in (
        "id",
        "title",
        "url",
        "publisher",
        "language",
        "date",
        "word_count",
        "statement_count",
    )
]
SOURCE_COLUMNS = [
    ("id", itemgetter("id")),
    ("name", itemgetter("name")),
    ("slug", itemgetter("slug")),
    ("kind", itemgetter("kind")),
    ("statement_count", itemgetter("statement_count")),
    ("speaker_claims", itemgetter("speaker_claims")),
    ("relayed_claims", itemgetter("relayed_claims")),
    ("languages", lambda r: " ".join(r["languages"])),
    ("first_seen", itemgetter("first_seen")),
    ("last_seen", itemgetter("last_seen")),
]
EVENT_COLUMNS = [
    (name, itemgetter(name))
    for name in (
        "id",
        "title",
        "date",
        "date_precision",
        "statement_count",
        "article_count",
        "participant_count",
    )
]
