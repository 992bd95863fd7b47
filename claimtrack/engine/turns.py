"""Transcript turns: a speaker label holds the floor until the next label.

Press-call and interview transcripts open each turn with a label and a colon,
"SENIOR ADMINISTRATION OFFICIAL: Thanks. …", "Q: …", "Mr. Peskov: …". The
colon frames only the sentence it stands in; the turn's later sentences have no
frame of their own and are the same speaker's words:

- inside the labelled paragraph always;
- in the paragraphs after it only in a transcript, that is a text with at least
  two labelled paragraphs (a news article that quotes one person with a colon
  goes on with its own narration);
- a question is asked, not claimed, and a label that names no source ("Q:")
  holds the floor for nobody.
"""

from __future__ import annotations

from claimtrack.engine.document import Attribution, SourceRef, TextSpan
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.sources import UNKNOWN

MAX_LABEL_WORDS = 6
MIN_TRANSCRIPT_LABELS = 2
QUESTION_MARKS = ("?", "?")


def _label_end(body: str, start: int, end: int, profile: LanguageProfile) -> int | None:
    """Where a speaker label ("Mr. Peskov:", "Q:") that opens the text at `start` ends."""
    colon = body.find(":", start, end)
    if colon <= start or colon + 1 < end and not body[colon + 1].isspace():
        return None
    words = body[start:colon].split()
    if not 0 < len(words) <= MAX_LABEL_WORDS:
        return None
    if not all(w[:1].isupper() or w.lower() in profile.name_particles for w in words):
        return None
    return colon + 1


def _label_speaker(view, body: str, profile: LanguageProfile) -> tuple[bool, SourceRef | None]:
    """(is this sentence a paragraph's label turn, the speaker its colon frame names)."""
    label_end = _label_end(body, view.sentence.start, view.sentence.end, profile)
    if label_end is None:
        return False, None
    for att in view.statement.attributions:
        cue = att.cue
        if cue is not None and cue.start < label_end and att.speaker.name != UNKNOWN:
            return True, att.speaker
    return True, None


def continue_turns(views: list, body: str, profile: LanguageProfile) -> None:
    """Give a turn's later sentences without a speaker of their own the turn's speaker."""
    starts = []
    for k, view in enumerate(views):
        first = k == 0 or views[k - 1].sentence.paragraph != view.sentence.paragraph
        starts.append(_label_speaker(view, body, profile) if first else (False, None))
    transcript = sum(is_label for is_label, _ in starts) >= MIN_TRANSCRIPT_LABELS
    holder: SourceRef | None = None
    paragraph = None
    for view, (is_label, speaker) in zip(views, starts):
        new_paragraph = view.sentence.paragraph != paragraph
        paragraph = view.sentence.paragraph
        if is_label:
            holder = speaker
            continue
        if new_paragraph and not transcript:
            holder = None
        if holder is None or view.statement.attributions or view.quotes:
            continue
        text = body[view.sentence.start : view.sentence.end].rstrip()
        if text.endswith(QUESTION_MARKS):
            continue
        content = text.rstrip(".!")
        view.statement.attributions.append(
            Attribution(
                SourceRef(holder.name, holder.kind, affiliation=holder.affiliation),
                "direct",
                None,
                TextSpan(content, view.sentence.start, view.sentence.start + len(content)),
                [],
                0.6,
            )
        )
