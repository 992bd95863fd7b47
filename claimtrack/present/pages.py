"""One data dict per list page, for every format: the rows, the total, the sort, both
page tokens with their URLs, and the facets asked for.

The URLs repeat the request's parameters with the page token as `_next` and
the sort the page used as `_sort` / `_sort_desc`.
"""

from __future__ import annotations

from typing import Any

from flask import request, url_for
from marshmallow import Schema

from claimtrack.present.params import TOKEN_NAMES
from claimtrack.store.reads.listing import Page

_REPLACED = {*TOKEN_NAMES, "_sort", "_sort_desc", "sort", "limit"}


def page_url(page: Page, token: str | None, *, external: bool = True, **values: Any) -> str | None:
    """The URL of the page `token` leads to: the current URL with that token and sort."""
    if token is None:
        return None
    args: dict[str, Any] = {
        key: request.args.getlist(key) if len(request.args.getlist(key)) > 1 else value
        for key, value in request.args.items()
        if key not in _REPLACED and value != ""
    }
    if "limit" in request.args and "_size" not in args and request.args["limit"]:
        args["_size"] = request.args["limit"]
    args["_sort_desc" if page.descending else "_sort"] = page.sort
    args["_next"] = token
    view_args = {**(request.view_args or {}), **values}
    return url_for(request.endpoint, _external=external, **view_args, **args)


def page_links(page: Page, *, external: bool = False, **values: Any) -> dict[str, str | None]:
    """The next and previous URLs of a page (relative by default, for HTML pages)."""
    return {
        "next_url": page_url(page, page.next, external=external, **values),
        "previous_url": page_url(page, page.previous, external=external, **values),
    }


def page_body(
    page: Page,
    item_schema: Schema,
    *,
    external: bool = True,
    url_values: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The data dict of a list page: `extra` (what the list belongs to), the items dumped by
    `item_schema`, total, sort, size, next/previous tokens and URLs, and facets (if any)."""
    values = url_values or {}
    body: dict[str, Any] = {
        "ok": True,
        **extra,
        "items": item_schema.dump(page.items, many=True),
        "total": page.total,
        "total_exact": page.total_exact,
        "sort": page.sort,
        "sort_desc": page.descending,
        "size": page.size,
        "next": page.next,
        "next_url": page_url(page, page.next, external=external, **values),
        "previous": page.previous,
        "previous_url": page_url(page, page.previous, external=external, **values),
    }
    if page.facets:
        body["facets"] = page.facets
    return body
