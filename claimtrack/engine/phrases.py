"""Token ranges of noun phrases and content clauses in a parsed sentence.

Positional rules that stay useful when the parse is wrong: the noun phrase
left or right of a token, the 'dat/that' clause after a cue, where a clause ends.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.tokens import (
    children_of,
    continues_institution,
    lemma,
    looks_nominal,
    phrase_at,
    reporting_verb_by_word_order,
    tokens_of,
)

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
LEARNED_CUE_THRESHOLD = 0.35
MAX_SOURCE_TOKENS = 10


def is_pronoun(token: Token, profile: LanguageProfile) -> bool:
    lower = token.lower_
    return (
        lower in profile.person_pronouns
        or lower in profile.plural_pronouns
        or lower in profile.first_person
    )


def np_left(doc: Doc, end: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase ending just before token `end` (exclusive).

    Adverbs and time words between the phrase and `end` are skipped ("X also
    said", "X on Tuesday said"), and so is a parenthesis ("Perdue (R-Ga.) said").
    """
    toks = tokens_of(doc)
    i = end - 1
    while i >= 0 and (
        toks[i].lower_ in profile.time_words
        or toks[i].pos_ == "ADV"
        and toks[i].text[:1].islower()
        or toks[i].lower_ in profile.auxiliaries
    ):
        i -= 1
    if i >= 0 and toks[i].text == ")":
        opening = next((j for j in range(i - 1, max(-1, i - 8), -1) if toks[j].text == "("), None)
        if opening is not None:
            i = opening - 1
    last = i
    if i >= 0 and is_pronoun(toks[i], profile):
        return (i, i + 1)
    while i >= 0 and looks_nominal(toks[i], profile) and last - i < MAX_SOURCE_TOKENS:
        i -= 1
    if i == last:
        return None
    return (i + 1, last + 1)


def opens_next_phrase(doc: Doc, i: int, profile: LanguageProfile) -> bool:
    """'in het bijzijn van president X een verklaring': an article right after a noun starts
    the next noun phrase (however the noun is tagged), unless it is a particle of the name
    that follows ('Jan de Vries')."""
    toks = tokens_of(doc)
    tok = toks[i]
    article = tok.pos_ == "DET" or tok.lower_ in profile.indefinite_articles  # "een" tagged NUM
    if not article or toks[i - 1].pos_ in ("ADP", "DET", "ADJ", "NUM", "CCONJ"):
        return False
    nxt = toks[i + 1] if i + 1 < len(doc) else None
    return not (tok.lower_ in profile.name_particles and nxt is not None and nxt.text[:1].isupper())


def np_right(doc: Doc, start: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase starting at token `start` (skipping adverbs such as 'desgevraagd')."""
    toks = tokens_of(doc)
    i = start
    while i < len(doc) and (
        toks[i].lower_ in profile.time_words
        or toks[i].pos_ == "ADV"
        and not toks[i].text[:1].isupper()
    ):
        i += 1
    first = i
    if i < len(doc) and is_pronoun(toks[i], profile):
        return (i, i + 1)
    while (
        i < len(doc)
        and (looks_nominal(toks[i], profile) or continues_institution(doc, i, profile))
        and i - first < MAX_SOURCE_TOKENS
    ):
        if i > first and toks[i].lower_ in profile.complementizers and not toks[i].text.isupper():
            break  # an acronym that spells a complementizer ("het OM") is a name
        if i > first and opens_next_phrase(doc, i, profile):
            break
        if i > first and ends_noun_phrase(doc, i, profile):
            break
        i += 1
    if i == first:
        return None
    return (first, i)


def ends_noun_phrase(doc: Doc, i: int, profile: LanguageProfile) -> bool:
    """Token `i` belongs to the clause's predicate, not to the noun phrase before it: a
    separable particle of the verb ("blijft volgens het bedrijf open") or a listed
    predicate phrase ("blijft volgens de gemeente van kracht"), or an adjective the parse
    makes the verb's predicate ("blijft volgens de universiteit open tot en met januari").
    After a common noun, a word tagged adjective before an article is the clause's verb the
    tagger missed ("Volgens de bond beloofde de hogeschool …"), and a number counting a
    noun after it opens the next phrase ("volgens de stichting 52 banen")."""
    toks = tokens_of(doc)
    tok = toks[i]
    after_noun = toks[i - 1].pos_ == "NOUN" and toks[i - 1].text[:1].islower()
    nxt = toks[i + 1] if i + 1 < len(doc) else None
    return (
        after_noun
        and nxt is not None
        and (
            tok.pos_ == "ADJ"
            and tok.text[:1].islower()
            and nxt.pos_ == "DET"
            or tok.pos_ == "NUM"
            and tok.dep_ == "nummod"
            and tok.head.i > i
        )
        or tok.dep_ == "compound:prt"
        or tok.dep_ == "xcomp"
        and tok.pos_ == "ADJ"
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.text[:1].islower()
        or phrase_at(doc, i, profile.predicate_phrases) is not None
    )


def subtree_span(
    token: Token, stop_deps=("acl:relcl", "acl", "advcl", "parataxis", "conj", "punct", "ccomp")
) -> tuple[int, int]:
    """The contiguous span of `token` and its modifiers, cut before clauses and commas."""
    left = right = token.i
    for child in children_of(token):
        if child.dep_ in stop_deps or child.pos_ in ("VERB", "AUX"):
            continue
        sub = list(child.subtree)
        if any(t.text in (",", ";", ":") for t in sub):
            continue
        left = min(left, sub[0].i)
        right = max(right, sub[-1].i)
    return (left, right + 1)


# ---------------------------------------------------------------- content


def clause_end(doc: Doc, start: int, profile: LanguageProfile, stop_at_cue: bool = True) -> int:
    """Where a content clause starting at `start` ends: sentence end, or before ', <cue>'/'; '."""
    toks = tokens_of(doc)
    i = start
    while i < len(doc):
        tok = toks[i]
        if tok.text in (";",):
            return i
        if (
            stop_at_cue
            and i > start
            and tok.lower_ in profile.conjunctions
            and i + 1 < len(doc)
            and toks[i + 1].dep_ == "conj"
            and (
                toks[i + 1].pos_ == "VERB"
                and is_cue_word(toks[i + 1], profile)
                # "…, and argues that …" with 'argues' read as a noun
                or reporting_verb_by_word_order(toks[i + 1], profile)
            )
        ):
            return i  # "... whether X could testify, but said that ...": the next report
        if tok.text == "," and i + 1 < len(doc):
            nxt = toks[i + 1]
            if stop_at_cue and is_cue_word(nxt, profile):
                return i
            if nxt.lower_ in profile.clause_breakers and i + 2 < len(doc):
                return i
            if tuple(t.lower_ for t in toks[i + 1 : i + 3]) in profile.according_to:
                return i
        i += 1
    end = len(doc)
    while end > start and toks[end - 1].is_punct and toks[end - 1].text in ".!?…":
        end -= 1
    return end


def is_cue_word(token: Token, profile: LanguageProfile) -> bool:
    lem = lemma(token, profile)
    return (
        lem in profile.speech_verbs
        or lem in profile.opinion_verbs
        or (profile.learned_cues.get(token.lower_, 0.0) >= LEARNED_CUE_THRESHOLD)
    )


def content_after(
    doc: Doc, cue: Token, profile: LanguageProfile, limit: int = 8
) -> tuple[int, int] | None:
    """A 'dat/that' clause, a colon or a quote that follows the cue."""
    toks = tokens_of(doc)
    for i in range(cue.i + 1, min(len(doc), cue.i + 1 + limit)):
        tok = toks[i]
        if tok.lower_ in profile.complementizers:
            end = clause_end(doc, i + 1, profile)
            return (i, end) if end > i + 1 else None
        if tok.text == ":" and i + 1 < len(doc):
            return (i + 1, clause_end(doc, i + 1, profile))
        if tok.text in (".", ";", "?", "!"):
            return None
    return None


def parse_content(doc: Doc, cue: Token) -> tuple[int, int] | None:
    for child in children_of(cue):
        if child.dep_ in CONTENT_DEPS and child.i > cue.i:
            sub = list(child.subtree)
            return (sub[0].i, sub[-1].i + 1)
    return None


# ---------------------------------------------------------------- verb cues
