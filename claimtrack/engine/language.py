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
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARS])]
    scores = {
        code: sum(1 for w in words if w in get_profile(code).stopwords)
        for code in SUPPORTED_LANGUAGES
    }
    return max(SUPPORTED_LANGUAGES, key=lambda code: (scores[code], code == "nl"))
