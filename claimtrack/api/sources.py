"""Sources: list, read, their claims, merging two into one, editing aliases."""

from __future__ import annotations

from claimtrack.api.auth import require_admin
from claimtrack.api.blueprint import api, operation
from claimtrack.api.errors import ApiError
from claimtrack.api.inputs import load_json_body, load_query
from claimtrack.api.schemas import (
    ALIAS_INPUT,
    ALIAS_QUERY,
    MERGE_INPUT,
    AliasInputSchema,
    AliasQuerySchema,
    MergeInputSchema,
)
from claimtrack.db import get_db
from claimtrack.present.list_queries import (
    SOURCE_LIST_QUERY,
    SOURCE_STATEMENTS_QUERY,
    SourceListQuery,
    SourceStatementsQuery,
)
from claimtrack.present.pages import page_body
from claimtrack.present.params import load_args
from claimtrack.present.schemas import (
    MERGE_RESULT,
    SOURCE,
    STATEMENT,
    MergeResultSchema,
    SourcePageSchema,
    SourceSchema,
    StatementPageSchema,
)
from claimtrack.present.source_lists import source_statement_page
from claimtrack.store import source_edits
from claimtrack.store.reads import sources as source_reads
from claimtrack.store.sources import alias_key, merge_sources


def _source_or_404(source_id: int) -> dict:
    source = source_reads.get_source(get_db(), source_id)
    if source is None:
        raise ApiError(404, f"no source with id {source_id}")
    return source


@api.get("/sources")
@operation(
    "List sources, newest first (`_sort`/`_sort_desc`: name, id, claims); `q` matches names "
    "and aliases; filter by kind and language; facet by kind",
    tag="sources",
    query=SourceListQuery,
    responses={200: SourcePageSchema},
    errors=(422,),
)
def list_sources():
    """A page of sources, newest first unless sorted otherwise."""
    args = load_args(SOURCE_LIST_QUERY)
    filters = source_reads.SourceFilters(args.get("kind"), args.get("language"), args.get("q"))
    page = source_reads.list_sources(
        get_db(), filters, args["list"], default_sort="id", facets=args["facets"]
    )
    return page_body(page, SOURCE)


@api.get("/sources/<rowid:source_id>")
@operation(
    "A source with its aliases and claim counts",
    tag="sources",
    responses={200: SourceSchema},
    errors=(404,),
)
def read_source(source_id: int):
    """One source with its aliases and claim counts."""
    return SOURCE.dump(_source_or_404(source_id))


@api.get("/sources/<rowid:source_id>/claims")
@operation(
    "Statements in which the source is the speaker, newest stored first (`_sort_desc=date`: "
    "newest article first, as the source's page lists them)",
    tag="sources",
    query=SourceStatementsQuery,
    responses={200: StatementPageSchema},
    errors=(404, 422),
)
def source_claims(source_id: int):
    """A page of the statements in which the source speaks."""
    _source_or_404(source_id)
    args = load_args(SOURCE_STATEMENTS_QUERY)
    page = source_statement_page(get_db(), source_id, "speaker", args, default_sort="id")
    return page_body(page, STATEMENT)


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
    if source_reads.get_source(db, into) is None:
        raise ApiError(422, "the request did not validate", {"into": [f"no source with id {into}"]})
    try:
        moved = merge_sources(db, keep_id=into, drop_id=source_id)
    except LookupError:  # one of the two was merged away by a request running meanwhile
        raise ApiError(404, "the source no longer exists") from None
    return MERGE_RESULT.dump(
        {"source": source_reads.get_source(db, into), "merged_id": source_id, "moved": moved}
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
