"""Who holds the floor: the speaker of quotations that no reporting verb frames.

A quotation opened by a frame (",,...'', zegt X", "X: ,,...''") keeps that
speaker in every sentence it spans. A quotation without a frame of its own is
given to the best candidate among the article's sources, scored by a linear
model over document-level features: who spoke the previous quotation (holds
the floor), who is the nearest subject before it in the paragraph and who
the subject of the sentence just before, who is named just after it, how
recently each source was mentioned, whether it is a person, and whether it is
the person the article has mentioned most so far (the subject of a profile).
Names mentioned inside quotations are never candidates for that reason alone.
A quotation that opens the article before anyone is named goes to the person
the article mentions most often.

The weights live in `lang/data/quote_speaker_weights.json`, fitted by
`scripts/train_quote_speaker.py` on annotated articles.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claimtrack.engine.document import Attribution, SourceRef, TextSpan
from claimtrack.engine.sources import UNKNOWN, Entity, EntityRegistry

WEIGHTS_PATH = Path(__file__).parent / "lang" / "data" / "quote_speaker_weights.json"
# Counts of earlier turns and subject mentions, a floor-run flag and "subject
# anywhere before in the paragraph" were features too; with them the model
# handed long interviews to whoever had spoken most, and 5-fold
# cross-validation on the Dutch gold scored it lower (see README, "Who holds
# the floor"), so the model keeps these few.
FEATURES = (
    "holds_floor",
    "nearest_subject_before",
    "subject_just_before",
    "named_after",
    "recency",
    "is_person",
    "is_organization",
    "most_mentioned",
    "bias",
)
PENDING = "\x00quote-speaker"

# a hook for the training script: called with (quote sentence views, candidates, features)
decision_recorder: Callable[[list, list[Entity], list[dict[str, float]]], None] | None = None


@cache
def load_weights() -> dict[str, float]:
    """The quote-speaker weights ($CLAIMTRACK_QUOTE_WEIGHTS overrides the shipped file)."""
    chosen = Path(os.environ.get("CLAIMTRACK_QUOTE_WEIGHTS") or WEIGHTS_PATH)
    data = json.loads(chosen.read_text(encoding="utf-8"))
    return {name: float(data["weights"].get(name, 0.0)) for name in FEATURES}


@dataclass
class QuoteRun:
    """The sentences one quotation spans."""

    key: tuple[int, int]
    views: list  # SentenceView, in order
    closed: bool = True  # False: the quotation runs on into the next paragraph


MIN_SPOKEN_SHARE = 0.5
MAX_SCARE_QUOTE_WORDS = 3  # a quoted term inside narration, not a turn of speech


def _spoken_share(view, key: tuple[int, int]) -> float:
    """How much of a sentence the quotation [start, end) covers (0..1)."""
    start, end = key
    s, e = view.sentence.start, view.sentence.end
    return max(0, min(end, e) - max(start, s)) / max(1, e - s)


def _is_title(run: QuoteRun, body: str) -> bool:
    """A quotation that fills no sentence it stands in and is a name or a scare quote.

    "Ze zong in de musical 'Rode rozen'" and "kreeg het etiket 'voorbeeldig'" quote no
    speech; without a reporting frame such a quotation is given to nobody. A longer
    lowercase phrase in quotes may still be someone's words, and a framed one
    ("noemde het 'een schande'") keeps its frame's speaker.
    """
    inner = body[run.key[0] : run.key[1]].strip(",'\"„”“‘’«» ")
    partial = all(_spoken_share(view, run.key) < MIN_SPOKEN_SHARE for view in run.views)
    return partial and (inner[:1].isupper() or len(inner.split()) <= MAX_SCARE_QUOTE_WORDS)


def _runs(views: list) -> list[QuoteRun]:
    """Group the sentences that lie inside a quotation by that quotation."""
    runs: dict[tuple[int, int], QuoteRun] = {}
    for view in views:
        for q in view.quotes:
            if q.inner_end - q.inner_start < 2:
                continue
            runs.setdefault(
                (q.start, q.end), QuoteRun((q.start, q.end), [], q.closed)
            ).views.append(view)
    return sorted(runs.values(), key=lambda r: r.key)


def _speaker_further_on(run: QuoteRun, later: list[QuoteRun]) -> SourceRef | None:
    """The speaker framing a quotation that runs on over paragraphs, for its paragraphs
    before the frame (",,… [new paragraph] ,,…'', zegt X"): the framed speaker of the first
    closed quotation in the paragraphs right after it, through unclosed ones."""
    paragraph = run.views[-1].sentence.paragraph
    for following in later:
        if following.views[0].sentence.paragraph != paragraph + 1:
            return None
        speaker = _framed_speaker(following)
        if speaker is not None or following.closed:
            return speaker
        paragraph = following.views[-1].sentence.paragraph
    return None


def _framed_speaker(run: QuoteRun) -> SourceRef | None:
    """The speaker a reporting frame gives this quotation, if any sentence of it has one."""
    for view in run.views:
        for att in view.statement.attributions:
            if att.speaker.name in (PENDING, UNKNOWN):
                continue
            content = att.content
            if att.type in ("direct", "mixed") or content is None:
                return att.speaker
            if content.start < run.key[1] and run.key[0] < content.end:
                return att.speaker
    return None


@dataclass
class DescribedFloor:
    """The floor held by a speaker known only by a description ('een medewerker van de winkel')."""

    speaker: SourceRef
    entity: Entity  # a stand-in, never registered: descriptions are no names
    sentence: int  # the last sentence of the quotation it was framed with
    paragraph: int
    # False when it spoke only in indirect speech, quoting nobody; it still holds the floor
    # for a quotation right after that sentence ("Een woordvoerster zei dat …. ,,…''")
    holds_floor: bool = True


def _row(
    *,
    holds_floor: bool,
    nearest_subject_before: bool,
    subject_just_before: bool,
    named_after: bool,
    last_seen: int | None,
    first_sentence: int,
    kind: str,
    most_mentioned: bool = False,
) -> dict[str, float]:
    """One candidate's features (FEATURES), from the facts the floor knows of it."""
    return {
        "holds_floor": float(holds_floor),
        "nearest_subject_before": float(nearest_subject_before),
        "subject_just_before": float(subject_just_before),
        "named_after": float(named_after),
        "recency": math.exp(-(first_sentence - last_seen) / 5) if last_seen is not None else 0.0,
        "is_person": float(kind == "person"),
        "is_organization": float(kind == "organization"),
        "most_mentioned": float(most_mentioned),
        "bias": 1.0,
    }


def _described_row(held: DescribedFloor, first_sentence: int, paragraph: int) -> dict[str, float]:
    """The features a named floor holder would have, for one known by a description."""
    here = held.paragraph == paragraph
    return _row(
        holds_floor=held.holds_floor or held.sentence == first_sentence - 1,
        nearest_subject_before=here,
        subject_just_before=here and held.sentence == first_sentence - 1,
        named_after=False,
        last_seen=held.sentence,
        first_sentence=first_sentence,
        kind=held.speaker.kind,
    )


def _features(
    run: QuoteRun,
    views: list,
    registry: EntityRegistry,
    floor: Entity | None,
    spoken: dict[int, int],
    described: DescribedFloor | None = None,
) -> tuple[list[Entity], list[dict[str, float]]]:
    first, last = run.views[0], run.views[-1]
    i, j = first.statement.index, last.statement.index
    paragraph = first.sentence.paragraph
    notes: dict[int, list] = {}  # id(entity) -> its notes before the quotation
    subject_sentences: dict[int, set[int]] = {}  # id(entity) -> sentences of this paragraph
    for h in registry.history:
        if h.sentence >= i or h.role == "quoted":
            continue
        notes.setdefault(id(h.entity), []).append(h)
        if h.role in ("speaker", "subject") and views[h.sentence].sentence.paragraph == paragraph:
            subject_sentences.setdefault(id(h.entity), set()).add(h.sentence)
    nearest = max((k for found in subject_sentences.values() for k in found), default=None)
    mention_counts = {
        key: len(found)
        for key, found in _person_sentences(h for found in notes.values() for h in found).items()
    }
    top = max(mention_counts.values(), default=0)
    after = {
        id(h.entity)
        for h in registry.history
        if h.sentence == j + 1
        and h.role != "quoted"
        and j + 1 < len(views)
        and views[j + 1].sentence.paragraph == last.sentence.paragraph
    }
    candidates: list[Entity] = []
    rows: list[dict[str, float]] = []
    for entity in registry.entities:
        mine = notes.get(id(entity), [])
        if not mine and id(entity) not in after:
            continue
        if entity.place_or_thing and not spoken.get(id(entity)):
            continue  # a city or a tournament takes no quotation it was not framed with
        if entity.described_only and entity is not floor:
            continue  # "een vrouw": an antecedent for 'zij', no candidate of its own
        here = subject_sentences.get(id(entity), set())
        last_seen = max((h.sentence for h in mine), default=None)
        candidates.append(entity)
        rows.append(
            _row(
                holds_floor=entity is floor,
                nearest_subject_before=nearest in here,
                subject_just_before=i - 1 in here,
                named_after=id(entity) in after,
                last_seen=last_seen,
                first_sentence=i,
                kind=entity.kind,
                most_mentioned=top > 1 and mention_counts.get(id(entity)) == top,
            )
        )
    if described is not None:
        candidates.append(described.entity)
        rows.append(_described_row(described, i, paragraph))
    return candidates, rows


def _person_sentences(notes) -> dict[int, set[int]]:
    """id(entity) -> the sentences its notes fall in, for named people only (a sentence that
    notes a speaker twice, as speaker and as a name, counts once)."""
    sentences: dict[int, set[int]] = {}
    for h in notes:
        if h.entity.kind == "person" and not h.entity.described_only:
            sentences.setdefault(id(h.entity), set()).add(h.sentence)
    return sentences


def _protagonist(registry: EntityRegistry) -> Entity | None:
    """The person the article mentions most often outside quotations (the first named of
    those tied): the speaker of a quotation that opens the article before anyone is named."""
    sentences = _person_sentences(h for h in registry.history if h.role != "quoted")
    people = [e for e in registry.entities if id(e) in sentences]
    return max(people, key=lambda e: len(sentences[id(e)]), default=None)


def _score(row: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights[name] * value for name, value in row.items())


def _give(run: QuoteRun, speaker: SourceRef, body: str) -> None:
    """Attribute every sentence of the quotation that has no speaker of its own."""
    plain = SourceRef(speaker.name, speaker.kind, affiliation=speaker.affiliation)
    start, end = run.key
    for view in run.views:
        pending = [a for a in view.statement.attributions if a.speaker.name == PENDING]
        for att in pending:
            att.speaker = plain
        if view.statement.attributions:
            continue
        s = max(start, view.sentence.start)
        e = min(end, view.sentence.end)
        text = body[s:e]
        stripped = text.strip().strip(",'\"„”“»«").strip()
        content = None
        if stripped:
            offset = s + text.find(stripped)
            content = TextSpan(stripped, offset, offset + len(stripped))
        view.statement.attributions.append(Attribution(plain, "direct", None, content, [], 0.6))


def continue_quotes(views: list, registry: EntityRegistry, body: str) -> None:
    """Give quotation sentences without a frame the speaker who holds the floor."""
    weights = load_weights()
    spoken: dict[int, int] = {}
    floor: Entity | None = None
    by_first_sentence = {}
    runs = _runs(views)
    for run in runs:
        by_first_sentence.setdefault(run.views[0].statement.index, []).append(run)
    position = {run.key: k for k, run in enumerate(runs)}
    described: DescribedFloor | None = None
    done_until = -1
    for view in views:
        i = view.statement.index
        for run in by_first_sentence.get(i, []):
            speaker = _framed_speaker(run)
            if speaker is None and not run.closed:
                speaker = _speaker_further_on(run, runs[position[run.key] + 1 :])
            if speaker is None and _is_title(run, body):
                continue
            if speaker is None:
                candidates, rows = _features(run, views, registry, floor, spoken, described)
                if decision_recorder is not None:
                    decision_recorder(run.views, candidates, rows)
                if not candidates and run.views[0].sentence.paragraph == 0:
                    lead = _protagonist(registry)
                    if lead is not None:
                        candidates, rows = [lead], [{name: 0.0 for name in FEATURES}]
                if candidates:
                    best = max(range(len(rows)), key=lambda k: _score(rows[k], weights))
                    entity = candidates[best]
                    speaker = (
                        described.speaker
                        if described is not None and entity is described.entity
                        else SourceRef(entity.name, entity.kind, affiliation=entity.affiliation)
                    )
            if speaker is not None:
                _give(run, speaker, body)
                entity = registry.find(speaker.name)
                last = run.views[-1]
                if entity is not None:
                    floor, described = entity, None
                    spoken[id(entity)] = spoken.get(id(entity), 0) + 1
                elif speaker.name not in (UNKNOWN, PENDING):
                    floor = None
                    described = DescribedFloor(
                        speaker,
                        Entity(speaker.name, speaker.kind),
                        last.statement.index,
                        last.sentence.paragraph,
                    )
            done_until = max(done_until, run.views[-1].statement.index)
        if i <= done_until and view.quotes:
            continue  # a quotation's sentences count once, as one turn
        for att in view.statement.attributions:
            entity = registry.find(att.speaker.name) if att.speaker.name != PENDING else None
            if entity is not None:
                spoken[id(entity)] = spoken.get(id(entity), 0) + 1
            elif att.speaker.name not in (UNKNOWN, PENDING) and att.type != "reportative":
                # "Een woordvoerster zei dat …" and then a quotation: the described
                # speaker is a candidate as a named subject would be
                described = DescribedFloor(
                    att.speaker,
                    Entity(att.speaker.name, att.speaker.kind),
                    i,
                    view.sentence.paragraph,
                    holds_floor=False,
                )
    for view in views:
        view.statement.attributions = [
            a for a in view.statement.attributions if a.speaker.name != PENDING
        ]
