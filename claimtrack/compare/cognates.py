"""English cousins of Dutch words (claimtrack/data/cognates.json).

Many Dutch words of Latin or French origin differ from their English cousin
only in a regular ending ("evacuatie" / evacuation, "concessie" / concession,
"controleren" / control). A Dutch word is also read as the English words
the listed endings make of it, where English WordNet knows that word: for a
word the Dutch-English list lacks, and for one it gives another sense of
("concessie": the list has only "abandon").
"""

from __future__ import annotations

from functools import lru_cache

from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.synonyms import default_wordnet
from claimtrack.compare.text import english_key

_DATA = load_json_resource("cognates.json")
MIN_STEM = int(_DATA["min_stem"])
# (Dutch ending, English ending, shortest stem), longest Dutch ending first
ENDINGS: tuple[tuple[str, str, int], ...] = tuple(
    sorted(
        ((pair[0], pair[1], max([MIN_STEM, *pair[2:]])) for pair in _DATA["endings"]),
        key=lambda pair: -len(pair[0]),
    )
)


def english_cousins(word: str) -> frozenset[str]:
    """English word keys of the cousins of a folded Dutch word ("evacuatie" -> evacu),
    empty when no ending fits or English WordNet knows none of the words made."""
    return _english_cousins(word)


@lru_cache(maxsize=65536)
def _english_cousins(word: str) -> frozenset[str]:
    known = default_wordnet().entries
    keys = set()
    for dutch, english, shortest in ENDINGS:
        if word.endswith(dutch) and len(word) - len(dutch) >= shortest:
            key = english_key(word[: len(word) - len(dutch)] + english)
            if key in known:
                keys.add(key)
    return frozenset(keys)
