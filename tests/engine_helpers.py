"""Helpers for the engine tests: analyse a text and look up attributions by sentence."""

from __future__ import annotations

from claimtrack.engine.document import Attribution, Document
from claimtrack.engine.extract import get_extractor


def analyse(body: str, language: str, publisher: str | None = None) -> Document:
    """Run the shipped extractor over a test text."""
    return get_extractor().analyse_body(body, language=language, publisher=publisher)


def attributions_of(doc: Document, sentence_start: str) -> list[Attribution]:
    """The attributions of the statement that starts with `sentence_start`."""
    matches = [st for st in doc.statements if st.text.startswith(sentence_start)]
    assert matches, (
        f"no statement starts with {sentence_start!r}: {[s.text for s in doc.statements]}"
    )
    return matches[0].attributions


def speakers_of(doc: Document, sentence_start: str) -> list[str]:
    return [a.speaker.name for a in attributions_of(doc, sentence_start)]


def only(doc: Document, sentence_start: str) -> Attribution:
    found = attributions_of(doc, sentence_start)
    assert len(found) == 1, f"{sentence_start!r}: {[(a.speaker.name, a.type) for a in found]}"
    return found[0]


def check_offsets(doc: Document, body: str) -> None:
    """Every span the engine reports must be the text at its offsets."""
    for st in doc.statements:
        assert body[st.start : st.end] == st.text
        for a in st.attributions:
            for span in (a.cue, a.content, a.speaker, *a.via):
                text = getattr(span, "text", None) or getattr(span, "mention", None)
                if span is not None and span.start is not None:
                    assert body[span.start : span.end] == text


def speaker_named(body: str, language: str, sentence_start: str) -> str:
    """The name of the one speaker of the sentence opening with `sentence_start`, after
    checking every offset of the analysis of `body`."""
    doc = analyse(body, language)
    check_offsets(doc, body)
    return only(doc, sentence_start).speaker.name
