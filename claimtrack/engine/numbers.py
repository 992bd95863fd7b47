"""Numbers in a sentence, in figures or in words: "14", "480", "nine", and numbers written
as one word of several numerals ("driehonderd", "achttienduizend", "vijfenveertig",
"forty-two"), read through the language's `number_words.txt` and `number_joiners`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claimtrack.engine.lang.profile import LanguageProfile


def is_number(tok: Token, profile: LanguageProfile) -> bool:
    """A cardinal number: written in figures or tagged a numeral (not an ordinal the tagger
    reads as an adjective, "de eerste plaats"), or a word made of numerals only, however
    the tagger reads it ("driehonderd" as a verb, "achttienduizend" as an adjective)."""
    if (tok.like_num or tok.pos_ == "NUM") and tok.pos_ != "ADJ":
        return True
    return tok.is_alpha and is_number_word(tok.lower_, profile)


def is_number_word(word: str, profile: LanguageProfile) -> bool:
    """`word` is one numeral of `number_words.txt` or several of them written together, a
    joiner of the language between two of them where it puts one ("vijf|en|veertig")."""
    return _reads_as_numerals(word, profile.number_words, profile.number_joiners)


@lru_cache(maxsize=16384)
def _reads_as_numerals(word: str, numerals: frozenset[str], joiners: tuple[str, ...]) -> bool:
    if not word:
        return False
    for numeral in numerals:
        if not word.startswith(numeral):
            continue
        rest = word[len(numeral) :]
        if not rest or _reads_as_numerals(rest, numerals, joiners):
            return True
        for joiner in joiners:
            if rest.startswith(joiner) and _reads_as_numerals(
                rest[len(joiner) :], numerals, joiners
            ):
                return True
    return False
