"""Sources index, a source's claims and relays, and source management (admin)."""

from __future__ import annotations

from flask import abort, render_template, request, url_for

from claimtrack.db import get_db
from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.store import queries
from claimtrack.store.publisher_voice import STORED_ATTRIBUTION_TYPES as ATTRIBUTION_TYPES
from claimtrack.web.blueprint import bp, claim_filters, limit_arg
from claimtrack.web.claim_columns import CLAIM_COLUMNS
from claimtrack.web.formats import csv_response, json_response, next_url, twin_response
from claimtrack.web.highlight import TYPE_LABELS

SOURCE_COLUMNS = [
    ("name", lambda r: r["name"]),
    ("slug", lambda r: r["slug"]),
    ("kind", lambda r: r["kind"]),
    ("claims_as_speaker", lambda r: r["speaker_claims"]),
    ("claims_relayed", lambda r: r["relayed_claims"]),
    ("languages", lambda r: " ".join(r["languages"])),
    ("first_seen", lambda r: r["first_seen"]),
    ("last_seen", lambda r: r["last_seen"]),
]


def _source_or_404(slug: str) -> dict:
    found = queries.get_source(get_db(), slug)
    if found is None:
        abort(404, description=f"There is no source '{slug}'.")
    return found


@bp.route("/sources", defaults={"fmt": "html"})
@bp.route("/sources.<any(json, csv):fmt>")
def sources(fmt: str):
    """Every source with its claim counts; filter by kind and language, search name or alias."""
    db = get_db()
    kind = request.args.get("kind") or None
    if kind and kind not in SOURCE_KINDS:
        abort(400, description=f"'kind' must be one of {', '.join(SOURCE_KINDS)}")
    filters = {
        "kind": kind,
        "language": request.args.get("language") or None,
        "q": request.args.get("q") or None,
    }
    page = queries.list_sources(db, **filters, after=request.args.get("after"), limit=limit_arg())
    more = next_url("web.sources", page["next"], fmt=fmt)
    if twin := twin_response(fmt, page, more, SOURCE_COLUMNS, "sources.csv"):
        return twin
    return render_template(
        "sources.html",
        page=page,
        next_url=more,
        filters=filters,
        kinds=SOURCE_KINDS,
        choices=queries.filter_choices(db),
    )


@bp.route("/sources/<slug>", defaults={"fmt": "html"})
@bp.route("/sources/<slug>.<any(json, csv):fmt>")
def source(slug: str, fmt: str):
    """All claims by one source, newest first, and the claims it relayed for others."""
    db = get_db()
    found = _source_or_404(slug)
    filters = claim_filters()
    claims = queries.source_claims(
        db, found["id"], filters, after=request.args.get("after"), limit=limit_arg()
    )
    more = next_url("web.source", claims["next"], slug=slug, fmt=fmt)
    if fmt == "csv":
        return csv_response(claims["rows"], CLAIM_COLUMNS, f"{slug}.csv")
    relays = queries.source_relays(db, found["id"], filters, limit=20)
    if fmt == "json":
        return json_response(
            {
                "source": found,
                "rows": claims["rows"],
                "next": claims["next"],
                "next_url": more,
                "relays_url": url_for("web.source_relays", slug=slug, fmt="json"),
            }
        )
    return render_template(
        "source.html",
        source=found,
        claims=claims,
        next_url=more,
        relays=relays,
        relays_url=next_url("web.source_relays", relays["next"], slug=slug, fmt="html"),
        filters=filters,
        types=ATTRIBUTION_TYPES,
        type_labels=TYPE_LABELS,
        source_articles=queries.source_articles(db, found["id"]),
        events=queries.event_choices(db),
    )


@bp.route("/sources/<slug>/relays", defaults={"fmt": "html"})
@bp.route("/sources/<slug>/relays.<any(json, csv):fmt>")
def source_relays(slug: str, fmt: str):
    """The claims of others that this source passed on, with the same filters as its page."""
    db = get_db()
    found = _source_or_404(slug)
    relays = queries.source_relays(
        db, found["id"], claim_filters(), after=request.args.get("after"), limit=limit_arg()
    )
    more = next_url("web.source_relays", relays["next"], slug=slug, fmt=fmt)
    if twin := twin_response(fmt, relays, more, CLAIM_COLUMNS, f"{slug}-relays.csv", source=found):
        return twin
    return render_template(
        "relays.html", source=found, relays=relays, next_url=more, type_labels=TYPE_LABELS
    )
