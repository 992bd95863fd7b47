"""Article text as HTML with every attributed span marked.

The article page shows the body with its paragraphs; each statement that
carries an attribution becomes a focusable element with a text label (who,
which type), its content coloured per source, its cue and speaker mention
marked, and a tooltip holding the provenance chain. Narration stays plain.
Every piece of text goes through `escape`, so article text can never become
markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from claimtrack.present.chains import chain_text, source_key
from claimtrack.store.sources import UNKNOWN_SPEAKER

PALETTE_SIZE = 8
TYPE_LABELS = {
    "direct": "direct quote",
    "indirect": "indirect",
    "mixed": "mixed quote",
    "according_to": "according to",
    "reportative": "reportative",
    "nominal": "nominal",
    "publisher": "own words",
}
# Marks on claims the article passes on without vouching for them; each is a
# text badge (never colour alone) and has an entry in the article page's legend.
HEARSAY_MARKS = {
    "reportative": "≈ reported",
    "unnamed": "? unnamed source",
    "unresolved": "? unresolved speaker",
}


def hearsay_marks(statement: dict) -> list[str]:
    """The HEARSAY_MARKS keys that apply to a statement, in HEARSAY_MARKS order.

    "reportative": an attribution of type reportative (Dutch "zou/zouden",
    "naar verluidt", English "reportedly"); "unnamed": an attribution whose
    speaker is nobody in particular ("er wordt beweerd", "it is claimed");
    "unresolved": a speaker named by a word that names no source (a pronoun
    not resolved, a number, a title without a name: see store.speaker_names).
    """
    found = set()
    for attribution in statement["attributions"]:
        if attribution["type"] == "reportative":
            found.add("reportative")
        speaker = attribution["speaker"]
        if speaker.get("source_id") is None and (
            (speaker.get("name") or UNKNOWN_SPEAKER).lower() == UNKNOWN_SPEAKER
        ):
            found.add("unnamed")
        elif speaker.get("source_id") is None and speaker.get("unresolved"):
            found.add("unresolved")
    return [mark for mark in HEARSAY_MARKS if mark in found]


@dataclass
class Paragraph:
    """One paragraph of the rendered body: a list of HTML pieces."""

    pieces: list[Markup] = field(default_factory=list)

    @property
    def html(self) -> Markup:
        return Markup("").join(self.pieces)


def source_colours(sources: list[dict]) -> dict[str, int]:
    """Colour number per source key, in order of first appearance (cycles after PALETTE_SIZE)."""
    return {source["key"]: number % PALETTE_SIZE for number, source in enumerate(sources)}


def render_body(body: str, statements: list[dict], colours: dict[str, int]) -> list[Paragraph]:
    """Split the body into paragraphs and mark up each statement in place.

    Text between statements (headings, link footers) is kept as plain text.
    Falls back to the statements' own text, grouped by paragraph number, if
    their offsets do not match the body.
    """
    ordered = sorted(statements, key=lambda s: s["start"])
    if not all(body[s["start"] : s["end"]] == s["text"] for s in ordered):
        return _render_by_paragraph_number(ordered, colours)
    paragraphs = [Paragraph()]
    cursor = 0
    for statement in ordered:
        _add_gap(paragraphs, body[cursor : statement["start"]])
        paragraphs[-1].pieces.append(render_statement(statement, colours))
        cursor = statement["end"]
    _add_gap(paragraphs, body[cursor:])
    return [p for p in paragraphs if p.pieces]


def _add_gap(paragraphs: list[Paragraph], gap: str) -> None:
    """Append text between statements; every line break starts a new paragraph."""
    lines = gap.split("\n")
    for number, line in enumerate(lines):
        if number > 0:
            paragraphs.append(Paragraph())
        if line.strip() or (line and paragraphs[-1].pieces):
            paragraphs[-1].pieces.append(
                Markup('<span class="narration">{}</span>').format(line)
                if line.strip()
                else Markup(escape(line))
            )


def _render_by_paragraph_number(statements: list[dict], colours: dict[str, int]) -> list[Paragraph]:
    by_number: dict[int, Paragraph] = {}
    for statement in statements:
        paragraph = by_number.setdefault(statement["paragraph"], Paragraph())
        if paragraph.pieces:
            paragraph.pieces.append(Markup(" "))
        paragraph.pieces.append(render_statement(statement, colours))
    return [by_number[n] for n in sorted(by_number)]


def render_statement(statement: dict, colours: dict[str, int]) -> Markup:
    """One statement as HTML: plain narration, or a labelled, focusable attributed claim."""
    attributions = statement["attributions"]
    if not attributions:
        return Markup('<span class="narration" id="s-{}">{}</span>').format(
            statement["id"], statement["text"]
        )
    primary = attributions[0]
    colour = colours.get(source_key(primary), 0)
    tip_id = f"chain-{statement['id']}"
    label = "; ".join(
        dict.fromkeys(
            f"{a['speaker']['name']} ({TYPE_LABELS.get(a['type'], a['type'])})"
            for a in attributions
        )
    )
    marks = hearsay_marks(statement)
    return Markup(
        '<span class="claim src-{colour}{modifiers}" id="s-{sid}" tabindex="0"'
        ' aria-describedby="{tip}">'
        '<span class="claim-label src-{colour}">{label}</span>{badges} {text}'
        '<span class="chain-tip" role="tooltip" id="{tip}">{tip_text}</span></span>'
        '<a class="permalink" href="/statements/{sid}" title="Statement #{sid}: its own page"'
        ' aria-label="Statement #{sid}: its own page">¶</a>'
    ).format(
        colour=colour,
        modifiers="".join(f" is-{mark}" for mark in marks),
        sid=statement["id"],
        tip=tip_id,
        label=label,
        badges=Markup("").join(
            Markup(' <span class="hearsay-mark mark-{}">{}</span>').format(
                mark, HEARSAY_MARKS[mark]
            )
            for mark in marks
        ),
        text=_marked_text(statement, colours),
        tip_text=_tooltip(attributions),
    )


def _tooltip(attributions: list[dict]) -> Markup:
    lines = []
    for attribution in attributions:
        cue = f", cue “{attribution['cue']['text']}”" if attribution.get("cue") else ""
        lines.append(
            Markup(
                '<span class="chain-line">{chain} <span class="chain-type">({type}{cue})</span></span>'
            ).format(
                chain="Chain: " + chain_text(attribution["chain"], " → "),
                type=TYPE_LABELS.get(attribution["type"], attribution["type"]),
                cue=cue,
            )
        )
    return Markup("").join(lines)


def _marked_text(statement: dict, colours: dict[str, int]) -> Markup:
    """The statement text cut at every span boundary; each piece carries its marks."""
    text, base = statement["text"], statement["start"]
    spans = []  # (start, end, mark, colour) relative to the statement
    for attribution in statement["attributions"]:
        colour = colours.get(source_key(attribution), 0)
        spans_of = [
            ("content", attribution.get("content")),
            ("cue", attribution.get("cue")),
            ("mention", attribution["speaker"].get("mention")),
        ] + [("via", via.get("mention")) for via in attribution["via"]]
        marked = [(mark, (s or {}).get("start"), (s or {}).get("end")) for mark, s in spans_of]
        for mark, start, end in marked:
            if start is None or end is None:
                continue
            start, end = max(start - base, 0), min(end - base, len(text))
            if start < end:
                spans.append((start, end, mark, colour))
    if not any(mark == "content" for _, _, mark, _ in spans):
        colour = colours.get(source_key(statement["attributions"][0]), 0)
        spans.append((0, len(text), "content", colour))
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    out = []
    for start, end in pairwise(cuts):
        marks = [(mark, colour) for s, e, mark, colour in spans if s <= start and end <= e]
        out.append(_piece(text[start:end], marks))
    return Markup("").join(out)


def _piece(text: str, marks: list[tuple[str, int]]) -> Markup:
    html = Markup(escape(text))
    names = {mark for mark, _ in marks}
    if "mention" in names:
        html = Markup('<span class="mention">{}</span>').format(html)
    elif "via" in names:
        html = Markup('<span class="via-mention">{}</span>').format(html)
    if "cue" in names:
        html = Markup('<mark class="cue">{}</mark>').format(html)
    content_colours = [colour for mark, colour in marks if mark == "content"]
    if content_colours:
        html = Markup('<span class="attributed src-{}">{}</span>').format(content_colours[-1], html)
    return html
