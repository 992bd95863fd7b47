"""Cues that put a figure on something: "De brandweer houdt het op twintig gewonden",
"The ministry put the number of victims at 40".

A verb from `figure_cues.txt` is a cue only with its preposition in the same clause and a
number right after that preposition; without the number the same words say something
else ("houdt toezicht op de bouw", "put the plan at risk").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.numbers import is_number
from claimtrack.engine.phrases import clause_end, np_right
from claimtrack.engine.speakers import finite_verb, is_participle
from claimtrack.engine.tokens import lemma, phrase_at, tokens_of

CLAUSE_REACH = 8  # words from the verb that its preposition may stand at
# words after the preposition that its number may stand at ("at no more than 300"); a
# currency sign before the number is not counted ("at no more than €480 million")
NUMBER_REACH = 4
COMPOUND_HEAD = 5  # letters a quantity noun needs to end a compound ("stormschade")
# words before a phrase's noun ("Het totale aantal doden")
MODIFIER_POS = frozenset({"DET", "ADJ", "NUM"})
# words that make what stands before the finite verb more than one noun phrase
CLAUSE_POS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ"})


def figure_partner(doc: Doc, verb: Token, profile: LanguageProfile) -> Token | None:
    """The preposition with which `verb` puts a figure on something in its own clause,
    before or after it ("schat de schade op", "het op twintig houdt"), or the number a
    counting verb takes as its object ("telde 23 meldingen"); None if there is none."""
    if lemma(verb, profile) in profile.count_verbs:
        return counted_number(doc, verb, profile)
    entries = profile.figure_partners.get(lemma(verb, profile))
    if not entries:
        return None
    for objects, prep in entries:
        for step in (1, -1):
            found = _preposition_in_clause(doc, verb, prep, step, profile)
            if found is not None and (
                _object_between(doc, verb, found, objects, profile)
                or fronted_quantity(doc, verb, profile) is not None
            ):
                return found
    return None


def counted_number(doc: Doc, verb: Token, profile: LanguageProfile) -> Token | None:
    """'De inspectie telde 23 openstaande vacatures', 'telde er ruim veertig', 'counted 61
    incidents': the number right after a counting verb (`count_verbs.txt`), past 'er',
    words such as 'ruim' and a phrase of `figure_adverbials.txt` ('telt tot nu toe slechts
    14 klachten'); None where there is none, where a time follows it, or where
    what it counts is what something consists of ("telt 300 leden", `count_non_objects.txt`).
    Whether the subject is someone who counts is for `names_someone`."""
    toks = tokens_of(doc)
    k, words = verb.i + 1, 0
    while k < len(toks) and words <= NUMBER_REACH:
        tok = toks[k]
        words += 1
        adverbial = phrase_at(doc, k, profile.figure_adverbials)
        if adverbial:
            k += len(adverbial)  # "telt tot nu toe slechts 14 klachten"
            continue
        k += 1
        if is_number(tok, profile):
            rest = toks[tok.i + 1 : tok.i + 4]
            if rest and (
                rest[0].lower_ in profile.time_words or rest[0].lower_ in profile.time_nouns
            ):
                return None
            # the word after the number's modifiers, however tagged ("350 bedden" a verb)
            noun = next((t for t in rest if t.pos_ not in ("ADJ", "ADV", "NUM")), None)
            if noun is not None and _word_and_lemma(noun) & profile.count_non_objects:
                return None
            return tok
        if tok.is_punct or not (
            tok.lower_ in profile.r_pronouns or tok.pos_ in ("ADV", "ADJ") and tok.text.islower()
        ):
            return None
    return None


def _word_and_lemma(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def fronted_quantity(doc: Doc, verb: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """'De schade schat de gemeente op twee miljoen euro', 'Het aantal slachtoffers houdt de
    politie op twaalf': where the subject may follow the verb, a noun phrase before the
    finite verb that names a quantity (`figure_nouns.txt`) is the object the figure is put
    on, fronted; its span, else None."""
    if not profile.subject_may_follow_verb or not profile.figure_nouns:
        return None
    finite = finite_verb(doc, verb, profile)
    toks = tokens_of(doc)
    opening = toks[: finite.i]
    if not opening or any(
        t.is_punct
        or t.pos_ in CLAUSE_POS
        # "Het aantal gewonden": a participle used as a noun
        and not (t.pos_ == "VERB" and is_participle(t, profile))
        for t in opening
    ):
        return None
    # in a main clause one phrase stands before the finite verb: its first noun heads it
    head = next((t for t in opening if t.pos_ not in MODIFIER_POS), None)
    if head is None or not _names_quantity(head.lower_, profile):
        return None
    return (0, finite.i)


def figure_source(doc: Doc, verb: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """Who puts the figure on a fronted quantity: the noun phrase right after the finite verb
    ("schat de gemeente op"); None where no quantity is fronted or nothing names one."""
    if fronted_quantity(doc, verb, profile) is None:
        return None
    return np_right(doc, finite_verb(doc, verb, profile).i + 1, profile)


def quantity_as_subject(doc: Doc, verb: Token, profile: LanguageProfile) -> bool:
    """'De schade komt uit op twee miljoen euro': a fronted quantity with no one named after
    the verb is the verb's subject; the figure is given, not put on it by a speaker."""
    return (
        fronted_quantity(doc, verb, profile) is not None
        and figure_source(doc, verb, profile) is None
    )


def _names_quantity(word: str, profile: LanguageProfile) -> bool:
    """A noun for a quantity, or (where nouns are compounded) a compound ending in one
    ("stormschade")."""
    if word in profile.figure_nouns:
        return True
    return profile.compound_nouns and any(
        word.endswith(noun) and len(noun) >= COMPOUND_HEAD for noun in profile.figure_nouns
    )


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
    nor a rank ("op de eerste plaats", an ordinal the tagger reads as an adjective), nor
    an indefinite article the tagger reads as a numeral ("op een kruising")."""
    toks = tokens_of(doc)
    words = 0
    for tok in toks[prep + 1 :]:
        if tok.is_currency:
            continue  # "at no more than €480 million": the sign is part of the figure
        words += 1
        if words > NUMBER_REACH or tok.is_punct:
            return False
        if is_number(tok, profile) and tok.lower_ not in profile.indefinite_articles:
            after = toks[tok.i + 1].lower_ if tok.i + 1 < len(toks) else ""
            return (
                after not in profile.time_words
                and after not in profile.time_nouns
                and after not in profile.calendar_names  # "komt op 3 juni met een plan"
            )
    return False


def _object_between(
    doc: Doc, verb: Token, prep: Token, objects: tuple[str, ...], profile: LanguageProfile
) -> bool:
    """One of the words the verb's object must be, between the verb and its preposition (or
    right before the preposition where the verb closes the clause, or after the verb where
    the preposition is fronted: "Op 400 komt de vakbond uit"); any object if none."""
    if not objects:
        return True
    toks = tokens_of(doc)
    if prep.i > verb.i:
        span = toks[verb.i + 1 : prep.i]
    else:
        span = [
            *toks[max(0, prep.i - 3) : prep.i],
            *toks[verb.i + 1 : clause_end(doc, verb.i + 1, profile)],
        ]
    return any(t.lower_ in objects for t in span)
