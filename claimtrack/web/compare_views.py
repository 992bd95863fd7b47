"""Pages of the events feature: two accounts of an event side by side, and suggested events.

Routes hang on the events blueprint (`claimtrack.web.events.bp`); this
module is listed in `claimtrack.web.EXTENSION_MODULES`.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from claimtrack.compare import compare_event
from claimtrack.compare.event_suggestions import accept_suggestion
from claimtrack.db import get_db
from claimtrack.present.list_queries import COMPARE_PAGE_QUERY, ComparePageQuery
from claimtrack.present.operations import operation
from claimtrack.present.params import load_args
from claimtrack.present.render import csv_response, json_response
from claimtrack.present.schemas import COMPARISON, ComparisonSchema
from claimtrack.store.event_suggestions import list_suggestions, reject_suggestion
from claimtrack.store.events import EventNotFound
from claimtrack.store.reads.events import get_event
from claimtrack.web import security
from claimtrack.web.display import isolate
from claimtrack.web.events import bp

STATUS_LABELS = {
    "both": "Both say",
    "only_a": "Only {a}",
    "only_b": "Only {b}",
    "conflict": "Conflict",
}
MAX_SIDE_LENGTH = 300
# which rows each filter shows (?show=...)
FILTERS = {
    "all": ("both", "only_a", "only_b", "conflict"),
    "conflicts": ("conflict",),
    "one-sided": ("only_a", "only_b"),
}
CSV_COLUMNS = [
    ("row", lambda r: r["row"]),
    ("status", lambda r: r["status"]),
    ("topic", lambda r: r["topic"]),
    ("reason", lambda r: r["reason"]),
    ("side", lambda r: r["side"]),
    ("statement_id", lambda r: r["statement"]["id"]),
    ("text", lambda r: r["statement"]["text"]),
    ("speaker", lambda r: r["statement"]["speaker"]),
    ("speaks_for", lambda r: r["statement"]["affiliation"]),
    ("via", lambda r: "; ".join(r["statement"]["via"])),
    ("article_id", lambda r: r["statement"]["article"]["id"]),
    ("article_title", lambda r: r["statement"]["article"]["title"]),
    ("publisher", lambda r: r["statement"]["article"]["publisher"]),
    (
        "marked",
        lambda r: " | ".join(r["statement"]["text"][s:e] for s, e in r["statement"]["marks"]),
    ),
]


def marked_text(text: str, marks: list) -> Markup:
    """The statement's text, escaped, with the conflicting phrases in <mark>."""
    if not marks:
        return escape(text)
    pieces = []
    position = 0
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in marks):
        if start < position or start >= end:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(Markup('<mark class="conflict-mark">%s</mark>') % text[start:end])
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


class SourceLines:
    """The line under each statement of the page: who said it (or "Narration"), through
    whom, and a link to it in its article. The parts are made once per speaker and per
    article, as most statements of an event share them."""

    def __init__(self) -> None:
        self._speakers: dict[tuple, str] = {}
        self._articles: dict[int, tuple[str, str]] = {}

    def __call__(self, statement: dict) -> Markup:
        """The source line of one statement."""
        key = (statement["speaker"], tuple(statement["via"] or ()), statement.get("affiliation"))
        speaker = self._speakers.get(key)
        if speaker is None:
            speaker = str(isolate(key[0])) if key[0] else "Narration"
            if key[0] and key[2]:  # "woordvoerder (for Harbourlight)"
                speaker += f" (for {isolate(key[2])})"
            if key[1]:
                speaker += " · via " + ", ".join(str(isolate(v)) for v in key[1])
            self._speakers[key] = speaker
        article = statement["article"]
        parts = self._articles.get(article["id"])
        if parts is None:
            href = escape(url_for("web.article", article_id=article["id"]))
            published = str(isolate(article["publisher"] or "unknown publisher"))
            if article["date"]:
                published += f", {escape(article['date'])}"
            parts = (
                f'<a href="{href}#s-',
                f'">{isolate(article["title"] or "Untitled article")}</a> ({published})',
            )
            self._articles[article["id"]] = parts
        return Markup(f"{speaker} · {parts[0]}{int(statement['id'])}{parts[1]}")


def csv_rows(comparison: dict):
    """One CSV line per statement: its row number, row kind, topic, reason and side."""
    side_names = dict(zip("ab", comparison["sides"], strict=True))
    for number, row in enumerate(comparison["rows"], 1):
        for side in "ab":
            for statement in row[side]:
                yield {**row, "row": number, "side": side_names[side], "statement": statement}


def default_sides(event: dict) -> list[str]:
    """The publishers of the event's articles, most statements first: the natural two sides."""
    publishers: dict[str, int] = {}
    for article in event["articles"]:
        if article["publisher"]:
            publishers[article["publisher"]] = (
                publishers.get(article["publisher"], 0) + article["statements"]
            )
    return sorted(publishers, key=lambda p: -publishers[p])[:2]


@bp.route("/events/<rowid:event_id>/compare.csv", defaults={"fmt": "csv"})
@bp.route("/events/<rowid:event_id>/compare.json", defaults={"fmt": "json"})
@bp.route("/events/<rowid:event_id>/compare", defaults={"fmt": "html"})
@operation(
    "The comparison page as JSON: the same object as GET /api/v1/events/{id}/compare "
    "(both sides are needed)",
    tag="web pages",
    blueprint="events",
    query=ComparePageQuery,
    responses={200: ComparisonSchema},
    errors=(404, 422),
)
def compare(event_id: int, fmt: str):
    """Two sources' accounts of one event in aligned rows (?a=White House&b=Kremlin&show=all).

    The URL is the permalink: the same sides and filter give the same rows.
    """
    db = get_db()
    event = get_event(db, event_id)
    if event is None:
        abort(404, description=f"There is no event {event_id}.")
    if fmt != "html":
        load_args(COMPARE_PAGE_QUERY)  # the twins validate as the API does (422)
    side_a = request.args.get("a", "").strip()
    side_b = request.args.get("b", "").strip()
    if len(side_a) > MAX_SIDE_LENGTH or len(side_b) > MAX_SIDE_LENGTH:
        abort(400, description=f"A side name is at most {MAX_SIDE_LENGTH} characters.")
    comparison = None
    if (side_a and side_b) or fmt != "html":  # the twins compare what was given, as the API
        try:
            comparison = compare_event(db, event_id, side_a, side_b)
        except EventNotFound:
            abort(404, description=f"There is no event {event_id}.")
    show = request.args.get("show", "all")
    if show not in FILTERS:
        show = "all"
    if fmt == "json":
        return json_response(COMPARISON.dump(comparison))
    if fmt == "csv":
        return csv_response(csv_rows(comparison), CSV_COLUMNS, f"event-{event_id}-compare.csv")
    suggested = default_sides(event)
    rows = []
    if comparison:
        rows = [
            (number, row)
            for number, row in enumerate(comparison["rows"], 1)
            if row["status"] in FILTERS[show]
        ]
    return render_template(
        "events/compare.html",
        event=event,
        comparison=comparison,
        rows=rows,
        show=show,
        filters=FILTERS,
        side_a=side_a or (suggested[0] if suggested else ""),
        side_b=side_b or (suggested[1] if len(suggested) > 1 else ""),
        status_labels=STATUS_LABELS,
        marked_text=marked_text,
        source_line=SourceLines(),
    )


@bp.route("/events/suggestions")
def suggestions():
    """Proposed events waiting for a decision, with their articles' titles and dates."""
    db = get_db()
    found = list_suggestions(db)
    ids = sorted({a for s in found for a in s["article_ids"]})
    articles = {}
    if ids:
        placeholders = ", ".join("?" for _ in ids)
        for aid, title, publisher, date in db.execute(
            f"SELECT id, title, publisher, date FROM articles WHERE id IN ({placeholders})", ids
        ):
            articles[aid] = {"id": aid, "title": title, "publisher": publisher, "date": date}
    return render_template("events/suggestions.html", suggestions=found, articles=articles)


@bp.route("/events/suggestions/<rowid:suggestion_id>", methods=["POST"])
@security.admin_required
def decide_suggestion(suggestion_id: int):
    """Accept (creating or extending an event) or reject one suggestion."""
    decision = request.form.get("decision")
    db = get_db()
    try:
        if decision == "accept":
            event_id = accept_suggestion(db, suggestion_id)
            flash("Suggestion accepted.")
            return redirect(url_for("events.event", event_id=event_id))
        if decision == "reject":
            reject_suggestion(db, suggestion_id)
            flash("Suggestion rejected.")
            return redirect(url_for("events.suggestions"))
    except LookupError as exc:
        abort(404, description=str(exc))
    except ValueError as exc:
        abort(409, description=str(exc))
    abort(400, description="decision must be accept or reject")
