"""Word-overlap similarity for statements the topic lexicon says nothing about.

TF-IDF weighted cosine over stemmed content words, with the document
frequencies taken from the statements being compared: names that occur in
nearly every statement of an event (the two leaders, the two countries)
weigh little, rarer shared words (Navalny, bounties) weigh a lot.
"""

from __future__ import annotations

import math
from collections import Counter

from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.text import stem, tokenize

STOPWORDS = {
    language: set(words)
    for language, words in load_json_resource("stopwords.json").items()
    if language != "about"
}
MIN_WORD_LENGTH = 3


def content_words(text: str, language: str | None) -> list[str]:
    """Stemmed words of `text` that carry content (no stopwords, no short words)."""
    lang = language if language in STOPWORDS else "en"
    stop = STOPWORDS[lang]
    return [
        stem(token.norm, lang)
        for token in tokenize(text)
        if len(token.norm) >= MIN_WORD_LENGTH
        and token.norm not in stop
        and not token.norm.isdigit()
    ]


class LexicalSimilarity:
    """Cosine similarity of TF-IDF word vectors over a fixed pool of texts."""

    def __init__(self, word_lists: list[list[str]]) -> None:
        self._documents = len(word_lists)
        self._df = Counter(word for words in word_lists for word in set(words))

    def idf(self, word: str) -> float:
        """Inverse document frequency of `word` in the pool (smoothed)."""
        return math.log((1 + self._documents) / (1 + self._df.get(word, 0))) + 1.0

    def vector(self, words: list[str]) -> dict[str, float]:
        """TF-IDF vector of a list of content words."""
        return {word: count * self.idf(word) for word, count in Counter(words).items()}

    def cosine(self, words_a: list[str], words_b: list[str]) -> float:
        """Similarity in [0, 1] of two word lists."""
        va, vb = self.vector(words_a), self.vector(words_b)
        dot = sum(weight * vb.get(word, 0.0) for word, weight in va.items())
        norm = math.sqrt(sum(w * w for w in va.values())) * math.sqrt(
            sum(w * w for w in vb.values())
        )
        return dot / norm if norm else 0.0

    def shared_words(self, words_a: list[str], words_b: list[str], limit: int = 3) -> list[str]:
        """The most informative words the two lists share."""
        shared = set(words_a) & set(words_b)
        return sorted(shared, key=lambda w: (-self.idf(w), w))[:limit]
