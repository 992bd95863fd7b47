"""Cues that put a figure on something: "De brandweer houdt het op twintig gewonden",
"The ministry put the number of victims at 40".

A verb from `figure_cues.txt` is a cue only with its preposition in the same clause and a
number right after that preposition; without the number the same words say something
else ("houdt toezicht op de bouw", "put the plan at risk").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.phrases import clause_end
from claimtrack.engine.tokens import lemma, tokens_of

CLAUSE_REACH = 8  # words from the verb that its preposition may stand at
NUMBER_REACH = 3  # words after the preposition that its number may stand at ("op zo'n 300")


def figure_partner(doc: Doc, verb: Token, profile: LanguageProfile) -> Token | None:
    """The preposition with which `verb` puts a figure on something in its own clause,
    before or after it ("schat de schade op", "het op twintig houdt"); None if there is none."""
    entries = profile.figure_partners.get(lemma(verb, profile))
    if not entries:
        return None
    for objects, prep in entries:
        for step in (1, -1):
            found = _preposition_in_clause(doc, verb, prep, step, profile)
            if found is not None and _object_between(doc, verb, found, objects):
                return found
    return None


def figure_content(doc: Doc, verb: Token, prep: Token, profile: LanguageProfile) -> tuple[int, int]:
    """What a figure cue claims: the words after the verb to the clause end ("het aantal op
    twintig"), or, where the verb closes its clause, those from the preposition to it."""
    if prep.i > verb.i:
        return (verb.i + 1, clause_end(doc, verb.i + 1, profile))
    return (prep.i, verb.i)


def _preposition_in_clause(
    doc: Doc, verb: Token, prep: str, step: int, profile: LanguageProfile
) -> Token | None:
    toks = tokens_of(doc)
    k = verb.i + step
    while 0 <= k < len(toks) and abs(k - verb.i) <= CLAUSE_REACH:
        tok = toks[k]
        if tok.is_punct or tok.lower_ in profile.complementizers:
            return None
        if tok.lower_ == prep and _number_after(doc, k, profile):
            return tok
        k += step
    return None


def _number_after(doc: Doc, prep: int, profile: LanguageProfile) -> bool:
    """A number soon after the preposition that counts something, not a time ("at 3 pm")
    nor a rank ("op de eerste plaats", an ordinal the tagger reads as an adjective)."""
    toks = tokens_of(doc)
    for k in range(prep + 1, min(len(toks), prep + 1 + NUMBER_REACH)):
        tok = toks[k]
        if tok.is_punct:
            return False
        if (tok.like_num or tok.pos_ == "NUM") and tok.pos_ != "ADJ":
            after = toks[k + 1].lower_ if k + 1 < len(toks) else ""
            return after not in profile.time_words and after not in profile.time_nouns
    return False


def _object_between(doc: Doc, verb: Token, prep: Token, objects: tuple[str, ...]) -> bool:
    """One of the words the verb's object must be, between the verb and its preposition (or
    right before the preposition where the verb closes the clause); any object if none."""
    if not objects:
        return True
    toks = tokens_of(doc)
    span = toks[verb.i + 1 : prep.i] if prep.i > verb.i else toks[max(0, prep.i - 3) : prep.i]
    return any(t.lower_ in objects for t in span)
