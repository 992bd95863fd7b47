"""Query parameters of every list, read through marshmallow the same way on every route.

Every list takes `_sort` / `_sort_desc` (a column name), `_size` (rows per
page, 1 to MAX_PAGE_SIZE), `_next` (a page token from `next` or `previous`)
and, where it has facets, `_facet` (repeatable). Older names keep working:
`limit` for `_size`; `next` (the API's) and `after` (the web's) for `_next`;
`sort=relevance|recent` on the search. An empty value counts as not given.

Given together, `_sort_desc` wins over `_sort`, `_size` over `limit`, and
`_next` over `next` over `after`. Loaded strictly (JSON and CSV: the API and
the twins) an unknown or repeated parameter is a validation error; an HTML
page ignores unknown parameters.
"""

from __future__ import annotations

import re
from typing import Any

from flask import request
from marshmallow import (
    EXCLUDE,
    RAISE,
    Schema,
    ValidationError,
    fields,
    post_load,
    validate,
)

from claimtrack.ingest.fields import is_valid_date
from claimtrack.request_checks import MAX_ROW_ID
from claimtrack.schema_patterns import CALENDAR_DATE
from claimtrack.store.reads.listing import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ListRequest

LANGUAGES = ("nl", "en")
TOKEN_NAMES = ("_next", "next", "after")
REPEATABLE = ("_facet",)
_ASCII_INTEGER = re.compile(r"-?[0-9]+")
YEAR = "^[0-9]{4}$"


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


def check_date(value: str | None) -> None:
    """A ValidationError unless `value` is YYYY, YYYY-MM or YYYY-MM-DD (or None)."""
    if value is not None and not is_valid_date(value):
        raise ValidationError("expected YYYY, YYYY-MM or YYYY-MM-DD")


def date_field(description: str) -> fields.String:
    """A partial date parameter (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return fields.String(
        validate=check_date, metadata={"description": description, "pattern": CALENDAR_DATE}
    )


def year_field() -> fields.String:
    """A year parameter (YYYY)."""
    return fields.String(
        validate=validate.Regexp(YEAR), metadata={"description": "a year (YYYY)", "pattern": YEAR}
    )


class StrictSchema(Schema):
    """Base of every input schema: an unknown field is a validation error."""

    class Meta:
        unknown = RAISE


class ListQuery(StrictSchema):
    """The parameters every list shares; `load` gives {"list": ListRequest, "facets": (...),
    and each filter}."""

    SORTS: tuple[str, ...] = ()
    FACETS: tuple[str, ...] = ()

    size = QueryInteger(
        data_key="_size",
        validate=validate.Range(1, MAX_PAGE_SIZE),
        metadata={"description": f"rows per page (1-{MAX_PAGE_SIZE}, default {DEFAULT_PAGE_SIZE})"},
    )
    limit = QueryInteger(
        validate=validate.Range(1, MAX_PAGE_SIZE),
        metadata={"description": "the older name of `_size`"},
    )
    token = fields.String(
        data_key="_next",
        validate=validate.Length(1, 2000),
        metadata={"description": "the `next` or `previous` token of a page of this list"},
    )
    next = fields.String(
        validate=validate.Length(1, 2000), metadata={"description": "the older name of `_next`"}
    )
    after = fields.String(
        validate=validate.Length(1, 2000), metadata={"description": "the older name of `_next`"}
    )

    @post_load
    def _list_request(self, data: dict[str, Any], **_kwargs) -> dict[str, Any]:
        sort, descending = data.pop("order_by", None), None
        if "order_by_desc" in data:  # given both, _sort_desc wins
            sort, descending = data.pop("order_by_desc"), True
        elif sort is not None:
            descending = False
        tokens = [data.pop(name, None) for name in ("token", "next", "after")]
        token = next((t for t in tokens if t), None)
        sizes = [data.pop(name, None) for name in ("size", "limit")]
        size = next((n for n in sizes if n), None)
        data["list"] = ListRequest(sort, descending, size, token)
        data["facets"] = tuple(dict.fromkeys(data.pop("facet", ())))
        return data


def list_query(
    name: str, sorts: tuple[str, ...], facets: tuple[str, ...] = (), **filters: fields.Field
) -> type[ListQuery]:
    """The query schema of one list: its sortable columns, its facets and its filters."""
    extra: dict[str, Any] = {
        "order_by": fields.String(
            data_key="_sort",
            validate=validate.OneOf(sorts),
            metadata={"description": "sort by this column, ascending"},
        ),
        "order_by_desc": fields.String(
            data_key="_sort_desc",
            validate=validate.OneOf(sorts),
            metadata={"description": "sort by this column, descending"},
        ),
    }
    if facets:
        extra["facet"] = fields.List(
            fields.String(validate=validate.OneOf(facets)),
            data_key="_facet",
            validate=validate.Length(max=len(facets)),
            metadata={"description": "count the list's rows per value of these columns"},
        )
    extra.update(filters)
    schema = type(name, (ListQuery,), {**extra, "SORTS": sorts, "FACETS": facets})
    return schema


def query_args() -> dict[str, Any]:
    """The query string as a dict: empty values left out, repeatable names as lists."""
    args: dict[str, Any] = {}
    for key, values in request.args.lists():
        values = [v for v in values if v != ""]
        if not values:
            continue
        args[key] = values if key in REPEATABLE else values[0]
    return args


def repeated_parameters() -> list[str]:
    """Names given more than once (other than the repeatable ones)."""
    return [
        name
        for name, values in request.args.lists()
        if len([v for v in values if v != ""]) > 1 and name not in REPEATABLE
    ]


def load_args(schema: Schema, *, strict: bool = True) -> dict[str, Any]:
    """The request's query string loaded by `schema`.

    Strict: an unknown or repeated parameter is a validation error (the JSON
    and CSV answers). Not strict: unknown ones are ignored (HTML pages).
    """
    repeated = repeated_parameters()
    if repeated and strict:
        raise ValidationError({name: ["give this parameter once"] for name in repeated})
    return schema.load(query_args(), unknown=RAISE if strict else EXCLUDE)
