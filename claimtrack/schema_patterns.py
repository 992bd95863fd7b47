"""Patterns that make the OpenAPI document as strict as the server's own checks.

The marshmallow schemas say which fields exist and how long they may be;
some checks the server makes are not visible there. This module writes them
into the generated document as JSON Schema `pattern`s, so that every request
the document allows is one the server accepts:

- a query-string value holds no control character (tab, line feed and
  carriage return aside), which `request_checks` refuses with 400;
- a string in a JSON body holds no NUL, which the body reader refuses with 422;
- a date is a real calendar date (YYYY, YYYY-MM or YYYY-MM-DD);
- a web address is http(s) with a host name;
- a source name or alias holds at least one letter or digit;
- an article's title and body hold more than white space.

Patterns read the same in ECMAScript and Python. Where a line feed is not
allowed they end in `(?![\\s\\S])` (nothing follows) rather than `$`, which
Python also matches before a final line feed.
"""

from __future__ import annotations

from typing import Any

NO_CONTROL = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"
NO_NUL = "^[^\\u0000]*$"
_END = "(?![\\s\\S])"

_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = (
    "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    "|(?:0[13-9]|1[0-2])-(?:29|30)"
    "|(?:0[13578]|1[02])-31)"
)
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
CALENDAR_DATE = (
    f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|(?!0000){_LEAP_YEAR}-02-29){_END}"
)
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
WEB_ADDRESS = f"^https?://(?:{_LABEL}\\.)+[A-Za-z]{{2,6}}(?::[0-9]{{1,5}})?(?:/|[/?][!-~]+)?{_END}"
HAS_LETTER_OR_DIGIT = "^[^\\u0000]*[^\\W_][^\\u0000]*$"
# a character that is neither white space nor one that ingest.text_hygiene removes
HAS_TEXT = (
    "^[^\\u0000]*[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u200b-\\u200f"
    "\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff][^\\u0000]*$"
)


def restrict(document: dict[str, Any]) -> dict[str, Any]:
    """Add the server's text rules to every query parameter and request body in `document`."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    _pattern_strings(parameter.get("schema", {}), NO_CONTROL)
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        if name.endswith("Input"):
            for field in schema.get("properties", {}).values():
                _pattern_strings(field, NO_NUL)
    return document


def _pattern_strings(schema: dict[str, Any], default: str) -> None:
    """Give a string schema (or an array's string items) `default` unless it has a pattern."""
    if schema.get("type") == "array":
        _pattern_strings(schema.get("items", {}), default)
    elif schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("pattern", default)
