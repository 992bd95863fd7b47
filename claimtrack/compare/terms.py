"""Finding lexicon terms (single or multi-word, English or Dutch) in a text.

Terms are written as plain words; `word*` matches any word starting with
`word`, and words of four letters or more also match their usual inflected
forms (+s, +es, +e, +en, +n). Where matches overlap the longest one wins, so
"Leaders Summit on Climate" is the climate summit, not a summit plus climate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from claimtrack.compare.text import Token, term_words, tokenize

LANGUAGES = ("en", "nl")
_INFLECTIONS = ("s", "es", "e", "en", "n")
_MIN_INFLECTED_LENGTH = 4
_CACHE_SIZE = 8192  # texts whose matches are remembered per index


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a term: the key it stands for and where it is (token and char offsets)."""

    key: str
    term: str
    first: int  # first token index
    last: int  # one past the last token index
    start: int  # character offsets into the text
    end: int

    @property
    def length(self) -> int:
        return self.last - self.first


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    if word == pattern:
        return True
    if len(pattern) >= _MIN_INFLECTED_LENGTH and word.startswith(pattern):
        return word[len(pattern) :] in _INFLECTIONS
    return False


class TermIndex:
    """A set of (key, term) pairs per language, searchable in texts."""

    def __init__(self) -> None:
        # language -> first word (without '*') -> [(key, term, pattern words)]
        self._by_first: dict[str, dict[str, list[tuple[str, str, tuple[str, ...]]]]] = {
            lang: defaultdict(list) for lang in LANGUAGES
        }
        self._wildcard_first: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
            lang: [] for lang in LANGUAGES
        }
        # language -> every word _candidates finds a term for: a first word, and each of its
        # inflected forms; other words are passed over at once
        self._reachable: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        self._found: dict[tuple[str, str | None], list[TermMatch]] = {}

    def add(self, key: str, term: str, language: str) -> None:
        """Register `term` (in `language`) as standing for `key`."""
        self._found.clear()
        words = term_words(term)
        if not words:
            return
        entry = (key, term, words)
        first = words[0]
        if first.endswith("*"):
            self._wildcard_first[language].append(entry)
        else:
            self._by_first[language][first].append(entry)
            self._reachable[language].add(first)
            if len(first) >= _MIN_INFLECTED_LENGTH:
                self._reachable[language].update(first + suffix for suffix in _INFLECTIONS)

    def add_many(self, key: str, terms_by_language: dict[str, Iterable[str]]) -> None:
        """Register every term of a {language: [terms]} mapping for `key`."""
        for language in LANGUAGES:
            for term in terms_by_language.get(language, ()):
                self.add(key, term, language)

    def _candidates(self, word: str, language: str):
        by_first = self._by_first[language]
        yield from by_first.get(word, ())
        for suffix in _INFLECTIONS:
            if word.endswith(suffix):
                base = word[: -len(suffix)]
                if len(base) >= _MIN_INFLECTED_LENGTH:
                    yield from by_first.get(base, ())
        yield from self._wildcard_first[language]

    def find_all(self, tokens: tuple[Token, ...], language: str | None) -> list[TermMatch]:
        """Every match in `tokens`, overlapping ones included."""
        languages = [language] if language in LANGUAGES else list(LANGUAGES)
        matches = []
        for lang in languages:
            reachable = None if self._wildcard_first[lang] else self._reachable[lang]
            for i, token in enumerate(tokens):
                if reachable is not None and token.norm not in reachable:
                    continue
                for key, term, words in self._candidates(token.norm, lang):
                    end = i + len(words)
                    if end > len(tokens):
                        continue
                    if all(_word_matches(w, tokens[i + k].norm) for k, w in enumerate(words)):
                        matches.append(
                            TermMatch(key, term, i, end, token.start, tokens[end - 1].end)
                        )
        return matches

    def find(self, text: str, language: str | None) -> list[TermMatch]:
        """Matches in `text`, longest first where they overlap, in text order."""
        key = (text, language)
        if key not in self._found:
            if len(self._found) >= _CACHE_SIZE:
                self._found.clear()
            self._found[key] = longest_matches(self.find_all(tokenize(text), language))
        return list(self._found[key])


def longest_matches(matches: list[TermMatch]) -> list[TermMatch]:
    """Drop every match overlapped by a longer one (matches on the very same span all stay)."""
    ranked = sorted(set(matches), key=lambda m: (-m.length, m.first, m.key))
    kept: list[TermMatch] = []
    for match in ranked:
        clash = any(
            match.first < other.last
            and other.first < match.last
            and (other.first, other.last) != (match.first, match.last)
            for other in kept
        )
        if not clash:
            kept.append(match)
    return sorted(kept, key=lambda m: (m.first, m.key))
