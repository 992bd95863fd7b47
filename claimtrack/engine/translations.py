"""Dutch and English nouns of each other, for descriptions that name an organisation
whose name is in the other language or written with a cognate of the noun.

A Dutch article may name "Vennedal Farmers Cooperative" and go on with "de coöperatie";
an English one may name "Waterbedrijf Lindeveld" and go on with "the water company"
(waterbedrijf: water + bedrijf, company). The translations are read from the FreeDict
word list in `claimtrack/data/nl_en_dictionary.tsv` and the few organisation nouns it
lacks in `lang/data/nl_en_nouns.tsv`, once, when a description first needs them.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

DICTIONARY = Path(__file__).resolve().parent.parent / "data" / "nl_en_dictionary.tsv"
NOUNS = Path(__file__).resolve().parent / "lang" / "data" / "nl_en_nouns.tsv"
# a cognate shares a stem of this many letters or more, and little else ("commando",
# "command"; "coöperatie", "cooperative")
COGNATE_STEM = 6
COGNATE_REST = 3
# the shortest translation that may end a compound ("bedrijf" of "waterbedrijf")
COMPOUND_HEAD = 4
# Dutch joins some compounds with a linking letter ("verkeersbedrijf")
LINKS = ("", "s")


@functools.lru_cache(maxsize=1 << 12)
def fold(word: str) -> str:
    """Lowercase, accents removed ("coöperatie" -> "cooperatie")."""
    if word.isascii():  # no accents to strip: most words and most statements
        return word.lower()
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def word_list(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(Dutch word, its English translations) per entry of a word list written as
    claimtrack/data/nl_en_dictionary.tsv is: a word, a tab, translations separated by '|';
    '#' starts a comment line. Words come as written (not folded); empty ones are left out."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            dutch, _, english = line.rstrip("\n").partition("\t")
            dutch = dutch.strip()
            translated = [word.strip() for word in english.split("|") if word.strip()]
            if dutch and translated:
                yield dutch, translated


@functools.cache
def _tables() -> dict[str, dict[str, frozenset[str]]]:
    """{'nl': Dutch word -> English words, 'en': English word -> Dutch words}, folded."""
    tables: dict[str, dict[str, set[str]]] = {"nl": {}, "en": {}}
    for path in (DICTIONARY, NOUNS):
        if not path.exists():
            continue
        for dutch, english in word_list(path):
            dutch = fold(dutch)
            for word in map(fold, english):
                tables["nl"].setdefault(dutch, set()).add(word)
                tables["en"].setdefault(word, set()).add(dutch)
    return {lang: {k: frozenset(v) for k, v in table.items()} for lang, table in tables.items()}


def translations(word: str, language: str) -> frozenset[str]:
    """The other language's words for `word` of `language` ('nl' or 'en'), folded."""
    return _tables().get(language, {}).get(fold(word), frozenset())


def cognates(a: str, b: str) -> bool:
    """Two folded words that share a stem of six letters or more and differ only in a short
    ending ("commando" and "command", "cooperatie" and "cooperative")."""
    if a == b:
        return True
    stem = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        stem += 1
    return stem >= COGNATE_STEM and max(len(a), len(b)) - stem <= COGNATE_REST


def description_fits(words: tuple[str, ...], name_word: str, language: str) -> bool:
    """Whether the noun of a description (`words`, folded: its head last, nouns before it
    that modify it) is `name_word`, a folded word of a name, in the other language or as a
    cognate: 'cooperatie' fits 'cooperative', 'command' fits 'commando', and ('water',
    'company') fits the Dutch compound 'waterbedrijf'. The description's own word in the
    name is not asked here (NameIndex.organisation_with_word)."""
    *modifiers, head = words
    heads = translations(head, language)
    if not modifiers:
        if any(cognates(name_word, form) for form in (head, *heads)):
            return True
        # "the company" for "Waterbedrijf X": a Dutch compound ends in the translation
        return language == "en" and any(
            len(form) >= COMPOUND_HEAD and name_word.endswith(form) for form in heads
        )
    if len(modifiers) != 1:
        return False
    (modifier,) = modifiers
    starts = {modifier, *translations(modifier, language)}
    if language == "en":
        # "the water company": a Dutch compound of the modifier's and the head's words
        return any(
            name_word == start + link + form for start in starts for link in LINKS for form in heads
        )
    return False
