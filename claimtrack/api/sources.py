"""Sources: list, read, their claims, merging two into one, editing aliases."""

from __future__ import annotations

from claimtrack.api.auth import require_admin
from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.api.inputs import load_json_body, load_query
from claimtrack.api.pagination import page_body, page_of
from claimtrack.api.schemas import (
    ALIAS_INPUT,
    ALIAS_QUERY,
    MERGE_INPUT,
    MERGE_RESULT,
    PAGE_QUERY,
    SOURCE,
    SOURCE_LIST_QUERY,
    STATEMENT,
    AliasInputSchema,
    AliasQuerySchema,
    MergeInputSchema,
    MergeResultSchema,
    PageQuerySchema,
    SourceListQuerySchema,
    SourcePageSchema,
    SourceSchema,
    StatementPageSchema,
)
from claimtrack.db import get_db
from claimtrack.store import api_queries, source_edits
from claimtrack.store.sources import alias_key, merge_sources


def _source_or_404(source_id: int) -> dict:
    source = api_queries.get_source(get_db(), source_id)
    if source is None:
        raise ApiError(404, f"no source with id {source_id}")
    return source


@api.get("/sources")
@operation(
    "List sources, newest first; `q` matches names and aliases",
    tag="sources",
    query=SourceListQuerySchema,
    responses={200: SourcePageSchema},
    errors=(422,),
)
def list_sources():
    """A page of sources, newest first, optionally matching `q`."""
    args = load_query(SOURCE_LIST_QUERY)
    rows = api_queries.list_sources(get_db(), args["next"], args["limit"], args.get("q"))
    page, token = page_of(rows, args["limit"])
    return page_body(SOURCE.dump(page, many=True), token)


@api.get("/sources/<rowid:source_id>")
@operation("A source with its aliases", tag="sources", responses={200: SourceSchema}, errors=(404,))
def read_source(source_id: int):
    """One source with its aliases and statement count."""
    return SOURCE.dump(_source_or_404(source_id))


@api.get("/sources/<rowid:source_id>/claims")
@operation(
    "Statements in which the source is the speaker, newest first",
    tag="sources",
    query=PageQuerySchema,
    responses={200: StatementPageSchema},
    errors=(404, 422),
)
def source_claims(source_id: int):
    """A page of the statements in which the source speaks."""
    _source_or_404(source_id)
    args = load_query(PAGE_QUERY)
    filters = api_queries.StatementFilters(source_ids=[source_id])
    rows = api_queries.find_statements(get_db(), filters, args["next"], args["limit"])
    page, token = page_of(rows, args["limit"])
    return page_body(STATEMENT.dump(page, many=True), token)


@api.post("/sources/<rowid:source_id>/merge")
@operation(
    "Merge this source into the source `into`; this one is deleted",
    tag="sources",
    body=MergeInputSchema,
    responses={200: MergeResultSchema},
    errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
    write=True,
)
@require_admin
def merge_source(source_id: int):
    """Fold this source into `into` and answer with the kept source."""
    _source_or_404(source_id)
    into = load_json_body(MERGE_INPUT)["into"]
    if into == source_id:
        raise ApiError(409, "a source cannot be merged into itself", {"into": [into]})
    db = get_db()
    if api_queries.get_source(db, into) is None:
        raise ApiError(422, "the request did not validate", {"into": [f"no source with id {into}"]})
    try:
        moved = merge_sources(db, keep_id=into, drop_id=source_id)
    except LookupError:  # one of the two was merged away by a request running meanwhile
        raise ApiError(404, "the source no longer exists") from None
    return MERGE_RESULT.dump(
        {"source": api_queries.get_source(db, into), "merged_id": source_id, "moved": moved}
    )


@api.post("/sources/<rowid:source_id>/aliases")
@operation(
    "Add a name by which the source is also known",
    tag="sources",
    body=AliasInputSchema,
    responses={201: SourceSchema},
    errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
    write=True,
)
@require_admin
def add_alias(source_id: int):
    """Add an alias to the source; 409 when it already names another source."""
    _source_or_404(source_id)
    data = load_json_body(ALIAS_INPUT)
    try:
        source_edits.add_alias(get_db(), source_id, data["alias"].strip(), data["language"])
    except source_edits.SourceEditRejected as exc:
        raise ApiError(409, str(exc), {"alias": [str(exc)]}) from None
    return SOURCE.dump(_source_or_404(source_id)), 201


@api.delete("/sources/<rowid:source_id>/aliases")
@operation(
    "Remove one of the source's aliases (`?alias=...`, matched ignoring case and accents)",
    tag="sources",
    query=AliasQuerySchema,
    responses={200: SourceSchema},
    errors=(401, 403, 404, 422, 429),
    write=True,
)
@require_admin
def remove_alias(source_id: int):
    """Remove the alias given as `?alias=` from the source."""
    source = _source_or_404(source_id)
    wanted = alias_key(load_query(ALIAS_QUERY)["alias"])
    matching = [a["id"] for a in source["aliases"] if alias_key(a["alias"]) == wanted]
    if not matching:
        raise ApiError(404, f"source {source_id} has no such alias")
    for alias_id in matching:
        source_edits.remove_alias(get_db(), source_id, alias_id)
    return SOURCE.dump(_source_or_404(source_id))
