"""Guess whether a text is Dutch or English from its most common function words."""

from __future__ import annotations

import re

from claimtrack.engine.lang import SUPPORTED_LANGUAGES, get_profile

WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    """Return "nl" or "en": the language whose stopwords cover most of the text.

    Ties (including empty text) go to Dutch, the project's first language.
    """
    scores = language_scores(text)
    return max(SUPPORTED_LANGUAGES, key=lambda code: (scores[code], code == "nl"))


# A chosen language is only called wrong when the other one's function words
# clearly outnumber its own; short or mixed texts are left alone.
DISAGREEMENT_RATIO = 2.0
DISAGREEMENT_MIN_WORDS = 5


def language_scores(text: str) -> dict[str, int]:
    """How many words of `text` (its first SAMPLE_CHARS) are function words of each language."""
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARS])]
    return {
        code: sum(1 for w in words if w in get_profile(code).stopwords)
        for code in SUPPORTED_LANGUAGES
    }


def clearly_other_language(text: str, chosen: str) -> str | None:
    """The language `text` is plainly written in when that is not `chosen`, else None."""
    scores = language_scores(text)
    best = max(scores, key=scores.get)
    if best == chosen or scores[best] < DISAGREEMENT_MIN_WORDS:
        return None
    return best if scores[best] >= DISAGREEMENT_RATIO * scores.get(chosen, 0) else None
