"""Word-level normalisation shared by the comparison modules.

Comparison works on lower-cased, accent-free word tokens with their character
offsets, so a lexicon term written "Oekraine" matches "Oekraïense" and a
quote-wrapped „voorspelbare” matches voorspelbare.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVES = ("'s", "’s")


@dataclass(frozen=True)
class Token:
    """A normalised word and where it sits in the original text."""

    norm: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower-case `text` and strip accents ("Oekraïense" -> "oekraiense")."""
    if text.isascii():  # no accents to strip: most words of most texts
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split `text` into folded word tokens; a possessive 's is dropped ("Ukraine's" -> ukraine).

    Cached: the same statement is looked at by several lexicons and rows.
    """
    tokens = []
    for match in WORD.finditer(text):
        norm = fold(match.group())
        if norm.endswith(_POSSESSIVES):  # what POSSESSIVE finds, without a regex per word
            norm = norm[:-2]
        tokens.append(Token(norm.replace("’", "'"), match.start(), match.end()))
    return tuple(tokens)


# Crude suffix stripping: enough to let "summits"/"summit" or "gesprekken"/"gesprek"
# meet in the lexical fallback; concepts are matched through the lexicon instead.
_SUFFIXES = {
    "en": ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s"),
    "nl": ("heden", "heid", "ingen", "ing", "ende", "end", "en", "es", "e", "s"),
}


def stem(word: str, language: str = "en") -> str:
    """Strip one common inflectional suffix from a folded word, keeping at least 4 letters."""
    for suffix in _SUFFIXES.get(language, _SUFFIXES["en"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_MIN_ADVERB_STEM = 4  # "calmly" loses its -ly, "early" and "only" keep it


def english_key(word: str) -> str:
    """The key an English word meets its other forms and its Dutch translations on: its stem
    without a final "e", so "cause", "caused" and "causes" (veroorzaken) all give "caus",
    "cars" meets "car" (auto's), "copied" meets "copy" (kopiëren) and an adverb its
    adjective ("calmly": calm, rustig)."""
    if len(word) >= 5 and word.endswith(("ies", "ied")):
        # "copied", "copies" -> copy; "countries" -> country; "families" as "family" is
        return english_key(word[:-3] + "y")
    if word.endswith("ily") and len(word) - 3 >= _MIN_ADVERB_STEM:
        return word[:-3] + "y"  # an adverb: "voluntarily" -> voluntary
    if word.endswith("ly") and len(word) - 2 >= _MIN_ADVERB_STEM:
        word = word[:-2]  # "calmly" -> calm (rustig), "safely" -> safe
    key = stem(word, "en")
    if key == word and len(word) == 4 and word[-1] == "s" and word[-2] not in "su":
        key = word[:-1]  # a short plural: "cars" -> car, "jobs" -> job (not "bus", "gas")
    if key.endswith("e") and len(key) >= 5:
        key = key[:-1]
    if key.endswith("ter") and len(key) >= 6:
        key = key[:-2] + "r"  # American spelling: "kilometer" meets "kilometre" (kilometer)
    return key


TERM_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?", re.UNICODE)


def term_words(term: str) -> tuple[str, ...]:
    """Split a lexicon term into folded words the way `tokenize` splits text, keeping a final '*'."""
    words = []
    for match in TERM_WORD.finditer(term):
        word = match.group()
        star = word.endswith("*")
        norm = POSSESSIVE.sub("", fold(word.rstrip("*"))).replace("’", "'")
        words.append(norm + ("*" if star else ""))
    return tuple(words)
