"""Links between attributions: nesting (via chains), paragraph carry-over, quote continuation."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.engine.document import Attribution, SourceRef
from claimtrack.engine.sources import UNKNOWN as UNKNOWN_NAME
from claimtrack.engine.sources import normalise


@dataclass
class ReportedContext:
    """Who the current paragraph's hearsay comes from: 'the Kremlin, via Reuters'."""

    speaker: SourceRef
    via: list[SourceRef] = field(default_factory=list)


def plain_ref(ref: SourceRef) -> SourceRef:
    """A copy of `ref` without its mention in the sentence (speaker named elsewhere)."""
    return SourceRef(name=ref.name, kind=ref.kind, affiliation=ref.affiliation)


def chain_of(attribution: Attribution) -> list[SourceRef]:
    """The via chain an attribution passes on to a claim nested inside it."""
    return [*attribution.via, attribution.speaker]


def link_nested(
    attributions: list[Attribution],
    contents: list[tuple[int, int] | None],
    cues: list[tuple[int, int] | None],
    inverted: list[bool],
) -> set[int]:
    """Give each attribution whose cue lies inside another's content that one as `via`.

    An inverted cue ("..., meldt X") is outer to everything before it; otherwise
    the attribution whose content holds the other's cue is the outer one.
    Returns the indices of nested attributions by the outer speaker themself
    ("Sanders said he didn't think ..."), which add nothing and are dropped.
    """
    redundant: set[int] = set()
    for i, inner in enumerate(attributions):
        outers = []
        for j, outer in enumerate(attributions):
            if i == j or cues[i] is None or contents[j] is None:
                continue
            c0, c1 = contents[j]
            if not (c0 <= cues[i][0] < c1):
                continue
            mutual = (
                cues[j] is not None
                and contents[i] is not None
                and contents[i][0] <= cues[j][0] < contents[i][1]
            )
            if not inverted[j] and mutual and (inverted[i] or cues[j][0] < cues[i][0]):
                continue
            outers.append(j)
        if outers:
            # the nearest enclosing attribution is the one with the smallest content span
            j = min(outers, key=lambda k: contents[k][1] - contents[k][0])
            same = normalise(attributions[j].speaker.name) == normalise(inner.speaker.name)
            if same and inner.speaker.name != UNKNOWN_NAME:
                redundant.add(i)
            elif not inner.via:
                inner.via = [plain_ref(v) for v in chain_of(attributions[j])]
    return redundant


def drop_publisher(attribution: Attribution, publisher: str | None) -> None:
    """The document's own publisher never appears in a via chain."""
    if not publisher:
        return
    key = normalise(publisher)
    attribution.via = [v for v in attribution.via if normalise(v.name) != key]


def context_from(
    attributions: list[Attribution], nested_source: SourceRef | None
) -> ReportedContext | None:
    """What a paragraph's later hearsay is attributed to after this sentence."""
    if not attributions:
        return None
    inner = max(attributions, key=lambda a: len(a.via))
    if nested_source is not None and normalise(nested_source.name) != normalise(inner.speaker.name):
        return ReportedContext(plain_ref(nested_source), [plain_ref(v) for v in chain_of(inner)])
    return ReportedContext(plain_ref(inner.speaker), [plain_ref(v) for v in inner.via])
