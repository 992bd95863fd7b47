"""Token helpers shared by the attribution rules (lemmas, noun-phrase edges, offsets)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from claimtrack.engine.lang.inflection import infinitive_candidates
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.numbers import is_number

NP_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"})
VERB_POS = frozenset({"VERB", "AUX"})
NOT_INFLECTED_POS = frozenset({"NOUN", "PROPN", "DET", "PRON", "NUM"})
QUOTE_CLOSERS = frozenset({"''", "”", '"', "’", "'", "»"})
QUOTE_OPENERS = frozenset({",,", "„", "“", '"', "‘", "«"})
# the recognizer's person label, in the shipped pipelines and in OntoNotes ones
PERSON_LABELS = frozenset({"PER", "PERSON"})
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "–", "—", "-"})

T = TypeVar("T")


def per_doc(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """Remember `compute(doc)` for the most recent doc: the rules ask the same question of
    one sentence many times. (Thread-safe: the doc and its value are swapped in together.)"""
    last: list[tuple[Doc, T] | None] = [None]

    @functools.wraps(compute)
    def cached(doc: Doc) -> T:
        entry = last[0]
        if entry is not None and entry[0] is doc:
            return entry[1]
        value = compute(doc)
        last[0] = (doc, value)
        return value

    return cached


# token.morph.get(field) by (morphological analysis key, field): reading a feature from
# the analysis costs ten times as much as looking up its key, and a corpus has few analyses
_MORPH_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """The values of morphological feature `field` of `token` (token.morph.get(field))."""
    morph = token.morph
    key = (morph.key, field)
    values = _MORPH_VALUES.get(key)
    if values is None:
        values = _MORPH_VALUES[key] = tuple(morph.get(field))
    return values


def has_morph(token: Token, field: str, value: str) -> bool:
    """Whether `value` is among the values of `token`'s morphological feature `field`
    ("Tense", "Past")."""
    return value in morph_values(token, field)


@per_doc
def tokens_of(doc: Doc) -> tuple[Token, ...]:
    """Every token of `doc`, by position, each made once: `doc[i]`, `doc[a:b]` and
    `for t in doc` make new Token (and Span) objects at every call, and the rules read
    the same sentence's tokens again and again."""
    return tuple(doc)


@per_doc
def _children_table(doc: Doc) -> tuple[tuple[Token, ...], ...]:
    """Each token's syntactic children by position, read off the head offsets at once."""
    toks = tokens_of(doc)
    heads = (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(toks))).tolist()
    children: list[list[Token]] = [[] for _ in toks]
    for position, head in enumerate(heads):
        if head != position:
            children[head].append(toks[position])
    return tuple(map(tuple, children))


def children_of(token: Token) -> tuple[Token, ...]:
    """`token.children` (in sentence order) from a table made once per sentence:
    `token.children` makes new Token objects at every call."""
    return _children_table(token.doc)[token.i]


@per_doc
def text_of(doc: Doc) -> str:
    """The text of `doc` (`doc.text` joins its tokens' texts again at every call)."""
    return doc.text


@per_doc
def first_word(doc: Doc) -> int:
    """The position of the first token that is no punctuation (len(doc) when all are):
    a token at or before it has only punctuation before it."""
    return next((t.i for t in tokens_of(doc) if not t.is_punct), len(doc))


@per_doc
def long_words_capitalised(doc: Doc) -> tuple[int, int]:
    """How many words of `doc` have more than three letters (all alphabetic), and how many
    of those start with a capital: the measure of a Title Case headline."""
    words = [t.text for t in tokens_of(doc) if t.is_alpha and len(t) > 3]
    return len(words), sum(word[:1].isupper() for word in words)


@per_doc
def lower_words(doc: Doc) -> tuple[str, ...]:
    """The lowercased text of every token of `doc`, by position."""
    return tuple(t.lower_ for t in tokens_of(doc))


def _is_day_or_year(token: Token) -> bool:
    """A day number or a year written in figures ('3', '3rd', '2026')."""
    return token.text[:1].isdigit()


def names_a_date(token: Token, profile: LanguageProfile) -> bool:
    """A month's or a weekday's name (calendar_names.txt) that stands for the date, never for
    a name: after a word of date_preps.txt ('since May', 'Sinds Mei', 'mid-June', 'on
    Monday') or next to a day number or a year ('3 May', 'the 3rd of May', 'May 2026');
    elsewhere too, unless it is a given name as well ('May said') or opens a name with the
    capitalised word after it ('the Sunday Times')."""
    if token.lower_ not in profile.calendar_names:
        return False
    toks, i = tokens_of(token.doc), token.i
    after = toks[i + 1] if i + 1 < len(toks) else None
    if after is not None and _is_day_or_year(after):
        return True
    k = i - 1
    if k > 0 and toks[k].text == "-":
        k -= 1  # "mid-May"
    if k >= 0 and (
        toks[k].lower_ in profile.date_preps
        or _is_day_or_year(toks[k])
        # "the 3rd of May": a day number, then a preposition
        or k > 0
        and toks[k].pos_ == "ADP"
        and toks[k].is_lower
        and _is_day_or_year(toks[k - 1])
    ):
        return True
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return False  # "the Sunday Times", "March Madness": the first word of a name
    return token.text not in profile.given_names and token.text not in profile.given_name_genders


def in_a_date(doc: Doc, i: int, profile: LanguageProfile) -> bool:
    """Token i is a word of a date: a month's or a day's name that names_a_date reads as one,
    or a day number or a year beside such a name ('3 June', 'May 2025', 'June 3')."""
    toks = tokens_of(doc)
    if names_a_date(toks[i], profile):
        return True
    return _is_day_or_year(toks[i]) and any(
        0 <= k < len(toks)
        and toks[k].lower_ in profile.calendar_names
        and names_a_date(toks[k], profile)
        for k in (i - 1, i + 1)
    )


def phrase_at(doc: Doc, i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The one of `phrases` that stands in `doc` from token `i` on, if any."""
    words = lower_words(doc)
    return next((p for p in phrases if words[i : i + len(p)] == p), None)


def lemma(token: Token, profile: LanguageProfile) -> str:
    """The verb lemma from the language tables, else the pipeline's lemma, lowercased.

    Where the pipeline returns a form that is no known verb ("vermoedt"), the
    language's regular inflection is undone by rule and a known infinitive
    that fits is taken ("vermoeden").
    """
    lower = token.lower_
    if lower in profile.verb_forms:
        return profile.verb_forms[lower]
    found = (token.lemma_ or lower).lower()
    if found in profile.known_verbs:
        return _without_particle_apart(lower, found, profile)
    if not profile.infinitive_ending:
        return found
    if token.pos_ in NOT_INFLECTED_POS and not mistagged_verb(token, profile):
        return found  # "zijn antwoord dat …": a noun that equals a verb stem stays a noun
    if lower in profile.known_verbs:
        return lower  # a plural present, the infinitive itself ("wijten", lemmatized 'wijt')
    return _known_infinitive(lower, profile) or found


def _without_particle_apart(form: str, found: str, profile: LanguageProfile) -> str:
    """'legt' lemmatized as 'uitleggen' in "legt zich niet neer bij": a lemma made of a
    separable particle and a listed verb, for a form that does not hold that particle, is
    the verb's own lemma ('leggen'); a particle standing apart is added back from the
    sentence (`separable_lemma`)."""
    for particle in profile.separable_particles:
        rest = found[len(particle) :]
        if found.startswith(particle) and rest in profile.known_verbs and particle not in form:
            return rest
    return found


# forms remembered per profile by _known_infinitive (an article asks of the same words
# again and again); the memo starts over when it holds this many
KNOWN_INFINITIVE_MEMO = 65_536


def _known_infinitive(form: str, profile: LanguageProfile) -> str | None:
    """The first listed verb whose regular inflection gives `form`, if any."""
    memo = profile.infinitive_memo
    if form in memo:
        return memo[form]
    if len(memo) >= KNOWN_INFINITIVE_MEMO:
        memo.clear()
    memo[form] = found = _first_known_infinitive(form, profile)
    return found


def _first_known_infinitive(form: str, profile: LanguageProfile) -> str | None:
    candidates = infinitive_candidates(
        form,
        profile.inflection_suffixes,
        profile.participle_prefix,
        profile.participle_suffixes,
        profile.infinitive_ending,
        profile.voicing,
        profile.separable_particles,
        profile.separating_diaeresis,
    )
    return next((c for c in candidates if c in profile.known_verbs), None)


def separable_lemma(token: Token, particle: str, profile: LanguageProfile) -> str:
    """The lemma of a separable verb whose particle stands apart ("spoorde ... aan").

    Particle + the verb's lemma when that is a known verb; otherwise the regular
    inflection of particle + form is undone, so a lemmatizer that garbles an
    unfamiliar stem ("spoorde" -> "sporon") still yields the listed "aansporen".
    """
    whole = particle + lemma(token, profile)
    if whole in profile.known_verbs or not profile.infinitive_ending:
        return whole
    return _known_infinitive(particle + token.lower_, profile) or whole


def mistagged_verb(token: Token, profile: LanguageProfile) -> bool:
    """'Directeur Blom ontkent dat …' with 'ontkent' tagged a noun: a lowercase word between a
    name or personal pronoun and a 'dat'-clause or colon stands where the finite verb goes."""
    doc, i = token.doc, token.i
    if token.pos_ != "NOUN" or i == 0 or i + 1 >= len(doc) or not token.is_lower:
        return False
    if (
        verb_parsed_as_noun(token, profile)
        or verb_after_opening_phrase(token, profile)
        or reporting_verb_by_word_order(token, profile)
    ):
        return True
    toks = tokens_of(doc)
    before, after = toks[i - 1], toks[i + 1]
    if before.text == "," and i > 1 and toks[i - 2].text in QUOTE_CLOSERS:
        return True  # ",,…'', vreest X": the place of the verb that introduces the quotation
    return (
        (after.lower_ in profile.complementizers and after.pos_ == "SCONJ" or after.text == ":")
        and (
            before.lower_ in profile.nominative_pronouns  # "hij ontkent dat", not "haar hoop dat"
            or before.pos_ == "PROPN"
            or before.text[:1].isupper()
            and before.i > 0
        )
        and before.dep_ != "nmod:poss"
        and before.lower_ not in profile.determiners
    )


def verb_parsed_as_noun(token: Token, profile: LanguageProfile) -> bool:
    """'De boeren protesteerden tegen …' with 'protesteerden' tagged a noun: a lowercase noun
    that heads the sentence with a subject of its own and no copula is its finite verb, when
    its form is the regular inflection of a listed verb."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT" or not token.is_lower:
        return False
    children = [c.dep_ for c in children_of(token)]
    if "nsubj" not in children or "cop" in children or "det" in children:
        return False
    return _known_infinitive(token.lower_, profile) is not None


OPENING_PHRASE_REACH = 4  # words of the noun phrase before a finite verb in second place


def verb_after_opening_phrase(token: Token, profile: LanguageProfile) -> bool:
    """'De bewoners wijten de overlast aan …' with 'wijten' tagged a noun, 'De
    bewonersvereniging eist een onderzoek' with 'eist' an adjective: where the finite verb
    stands second, a lowercase noun or adjective right after the noun phrase that opens
    the sentence, with an article or pronoun after it, is that verb when its form is the
    regular inflection of a listed verb or the verb itself (no noun follows another
    without an article; an adjective may stand before a noun, but not in a sentence that
    has a verb of its own: 'De bewonersvereniging eist opheldering')."""
    doc, i = token.doc, token.i
    if (
        not profile.subject_may_follow_verb
        or token.pos_ not in ("NOUN", "ADJ")
        or not token.is_lower
        or not 0 < i <= OPENING_PHRASE_REACH
        or i + 1 >= len(doc)
    ):
        return False
    toks = tokens_of(doc)
    *modifiers, head = toks[:i]
    if head.pos_ not in ("NOUN", "PROPN") or any(
        t.pos_ not in ("DET", "ADJ", "PROPN") for t in modifiers
    ):
        return False
    after = toks[i + 1]
    if (
        after.pos_ not in ("DET", "PRON")
        and after.lower_ not in profile.complementizers
        # "De bewonersvereniging eist opheldering": a sentence with no verb but this word
        and not (token.pos_ == "ADJ" and not any(t.pos_ in VERB_POS for t in toks))
    ):
        return False
    # the plural of the present is the infinitive itself ("wijten")
    return (
        token.lower_ in profile.known_verbs or _known_infinitive(token.lower_, profile) is not None
    )


NOUN_PHRASE_REACH = 5  # words of a noun phrase the word-order rules walk over
CLAUSE_END_PUNCT = frozenset({".", ",", ";", ":", "!", "?"})


def reporting_verb_by_word_order(token: Token, profile: LanguageProfile) -> bool:
    """A listed verb form that its place in the sentence makes the verb reporting a clause,
    in a language whose subject precedes the verb, whatever the tagger calls it: before a
    clause of its own ('The union claims 40 workers were …') or closing the sentence after
    its subject ('…, the operator claims.'). Its tag ('claims' a plural noun) is wrong there,
    and so is whatever was read off that tag (the cue model's estimate)."""
    return (
        verb_before_its_clause(token, profile)
        or verb_closing_a_report(token, profile)
        or _verb_joined_to_a_report(token, profile)
        or verb_inside_a_report(token, profile)
    )


def _verb_joined_to_a_report(token: Token, profile: LanguageProfile) -> bool:
    """'The university denies recruiting …, and argues that the real cause …' ('argues' read
    as a noun): a listed verb form right after a conjunction and right before a
    complementizer, joined by the parse to a reporting verb before it, is a verb too. Not
    'denied the rumours and claims that …' (joined to a noun)."""
    i = token.i
    toks = tokens_of(token.doc)
    if not _may_be_reporting_verb(token, profile) or i < 2 or i + 2 >= len(toks):
        return False
    if toks[i - 1].lower_ not in profile.conjunctions:
        return False
    if toks[i + 1].lower_ not in profile.complementizers:
        return False
    head = token.head
    return (
        token.dep_ == "conj"
        and head.i < i
        and _may_be_reporting_verb(head, profile)
        and (head.pos_ == "VERB" or verb_before_its_clause(head, profile))
    )


def counting_verb_by_word_order(token: Token, profile: LanguageProfile) -> bool:
    """'The harbour board counts nine complaints' ('board counts' read as one noun): in a
    language whose subject precedes the verb, a form of a counting verb (`count_verbs.txt`)
    right after the noun phrase opening a clause and right before a number is that verb,
    whatever the tagger calls it. Whether its subject is someone who counts is decided
    with the figure (`speakers.names_someone`)."""
    i = token.i
    toks = tokens_of(token.doc)
    return (
        _may_be_counting_verb(token, profile)
        and i + 1 < len(toks)
        and is_number(toks[i + 1], profile)
        and _noun_phrase_before(token) is not None
    )


def _may_be_counting_verb(token: Token, profile: LanguageProfile) -> bool:
    return _verb_the_tagger_may_miss(token, profile) and (
        token.lemma_.lower() in profile.count_verbs or token.lower_ in profile.count_verbs
    )


def _noun_phrase_before(token: Token) -> tuple[int, int] | None:
    """The noun phrase right before `token` (articles, possessives, adjectives, nouns and
    names, a noun or name last), when a punctuation mark or the sentence start stands
    before it: `(start, end)`, else None."""
    toks, i = tokens_of(token.doc), token.i
    if i == 0 or toks[i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    start = i - 1
    while (
        start > 0
        and i - start < NOUN_PHRASE_REACH
        and (
            toks[start - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
            or toks[start - 1].dep_ == "nmod:poss"
        )
    ):
        start -= 1
    if start > 0 and not toks[start - 1].is_punct:
        return None
    return (start, i)


def _is_finite_verb(token: Token) -> bool:
    return token.pos_ in VERB_POS and has_morph(token, "VerbForm", "Fin")


def _may_be_reporting_verb(token: Token, profile: LanguageProfile) -> bool:
    return _verb_the_tagger_may_miss(token, profile) and is_known_verb_form(token, profile)


def _verb_the_tagger_may_miss(token: Token, profile: LanguageProfile) -> bool:
    """A lowercase word tagged a noun or a verb, in a language whose subject stands before
    its verb: where word order may show it is a verb ('The union claims ...')."""
    return not profile.subject_may_follow_verb and token.pos_ in ("NOUN", "VERB") and token.is_lower


def verb_before_its_clause(token: Token, profile: LanguageProfile) -> bool:
    """'The union claims 40 workers were laid off' ('union claims' read as one noun): a
    listed verb form right after the noun phrase opening a clause, followed by a clause of
    its own (a noun phrase opened by a number, an article or a pronoun, which cannot go on
    the noun before it, or any noun phrase after a complementizer, 'The council maintains
    that its team sent …'; then a finite verb). Not 'The city claims were rejected' (a verb
    right after it) nor 'The weather reports this week were wrong' (a time phrase)."""
    i = token.i
    if not _may_be_reporting_verb(token, profile) or _noun_phrase_before(token) is None:
        return False
    toks = tokens_of(token.doc)
    if i + 2 >= len(toks):
        return False
    after = toks[i + 1]
    if (
        lemma(token, profile) in profile.object_cue_verbs
        and after.pos_ == "VERB"
        and after.tag_ == "VBG"
    ):
        return True  # "The university denies recruiting more students": a gerund object
    k = i + 1
    if after.lower_ in profile.complementizers:
        # "The council maintains that its team …": the conjunction opens the clause, and
        # any noun phrase may be its subject
        k += 1
        if k >= len(toks) or toks[k].pos_ not in NP_POS:
            return False
    elif after.pos_ not in ("DET", "PRON", "NUM") or has_morph(after, "Reflex", "Yes"):
        return False  # "The roll call itself was …": no subject of a clause
    start = k
    while k < len(toks) and k - start < NOUN_PHRASE_REACH and toks[k].pos_ in NP_POS:
        k += 1
    if k >= len(toks) or toks[k - 1].lower_ in profile.time_nouns:
        return False
    while k < len(toks) and toks[k].pos_ == "ADV":
        k += 1  # "40 workers have since lost"
    return k < len(toks) and _is_finite_verb(toks[k])


def verb_closing_a_report(token: Token, profile: LanguageProfile) -> bool:
    """'The line shut at noon, well before dark, the operator claims.' ('operator claims'
    read as one noun): a listed verb form ending its clause right after a noun phrase that
    follows a comma (or a quotation closed by one) and opens with an article, a possessive
    or a name, with a verb before that comma, is the verb of the reporting clause
    that closes the report. Not 'covers car claims, home claims' (a list of nouns)."""
    i = token.i
    if not _may_be_reporting_verb(token, profile):
        return False
    toks = tokens_of(token.doc)
    if i + 1 < len(toks) and toks[i + 1].text not in CLAUSE_END_PUNCT:
        return False
    np = _noun_phrase_before(token)
    if np is None or np[0] < 2:
        return False
    comma = np[0] - 1
    if toks[comma].text in QUOTE_CLOSERS and toks[comma - 1].text == ",":
        comma -= 1  # '"… late," the operator claims.'
    if toks[comma].text != ",":
        return False
    opener = toks[np[0]]
    if not (opener.pos_ in ("DET", "PROPN") or opener.dep_ == "nmod:poss"):
        return False
    # (any verb: "The plant closed in June, …" may have 'closed' read as a participle)
    return any(t.pos_ in VERB_POS for t in toks[:comma])


def verb_inside_a_report(token: Token, profile: LanguageProfile) -> bool:
    """'Its guard, the firm maintains, was on site.' ('maintains' read as a noun in
    apposition): a listed verb form right before a comma, after a noun phrase that follows
    a comma and opens with an article, a possessive or a name, is the verb of a reporting
    clause set inside the report, when only a noun phrase stands before the first comma
    (the report's subject, no verb), the parse makes the noun phrase its subject, and a
    verb follows the second (past adverbs). Not 'The claims, the damage claims, were
    rejected' (a noun with a compound before it)."""
    i = token.i
    if not _may_be_reporting_verb(token, profile):
        return False
    toks = tokens_of(token.doc)
    if i + 2 >= len(toks) or toks[i + 1].text != ",":
        return False
    np = _noun_phrase_before(token)
    if np is None or np[0] < 2 or toks[np[0] - 1].text != ",":
        return False
    opener = toks[np[0]]
    if not (opener.pos_ in ("DET", "PROPN") or opener.dep_ == "nmod:poss"):
        return False
    subject = toks[: np[0] - 1]
    if not subject or any(t.is_punct or t.pos_ in VERB_POS for t in subject):
        return False
    if subject[-1].pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if toks[i - 1].head.i != i or not toks[i - 1].dep_.startswith("nsubj"):
        return False  # "The claims, the damage claims, were rejected": a noun's compound
    after = [t for t in toks[i + 2 :] if t.pos_ != "ADV"]
    return bool(after) and after[0].pos_ in VERB_POS


def is_possessive_mark(token: Token) -> bool:
    """ "the commuters' group": an apostrophe glued to a word ending in s, with a word after
    it, and no single quotation mark opened before it in the sentence, marks a possessive,
    not the end of a quotation (the tagger may call it either)."""
    if token.text not in ("'", "’") or token.i == 0 or not token.whitespace_:
        return False
    toks = tokens_of(token.doc)
    before = toks[token.i - 1]
    if before.whitespace_ or not before.is_alpha or not before.lower_.endswith("s"):
        return False
    if token.i + 1 >= len(toks) or not toks[token.i + 1].is_alpha:
        return False
    return not any(
        t.text == "‘" or t.text == "'" and not t.whitespace_ and t.i + 1 < token.i
        for t in toks[: token.i - 1]
    )


def is_capitalised(token: Token) -> bool:
    """True for a word starting with a capital that is not the sentence's first word."""
    return (
        token.text[:1].isupper()
        and token.i > 0
        and token.is_alpha
        or (token.text[:1].isupper() and token.i > 0 and "-" in token.text)
    )


def looks_nominal(token: Token, profile: LanguageProfile) -> bool:
    """Could this token be part of a noun phrase naming a source?"""
    if token.is_punct or token.is_space or token.like_url:
        return False
    lower = token.lower_
    if (
        lower in profile.role_nouns
        or lower in profile.determiners
        or lower in profile.name_particles
    ):
        return True
    if token.text[:1].isupper():
        at_start = token.i <= first_word(token.doc)
        if at_start and _opens_entity(token) and lower not in profile.stopwords:
            return True  # "Omgevingsdienst Twente, …": a name, however its first word is tagged
        return not (
            at_start
            and (
                token.pos_ in ("ADP", "ADV", "SCONJ", "CCONJ", "VERB", "AUX")
                or lower in profile.stopwords
            )
        )
    if lower in profile.complementizers:
        return False
    toks = tokens_of(token.doc)
    if (
        token.pos_ in ("VERB", "ADJ")
        and 0 < token.i < len(toks) - 1
        and toks[token.i - 1].pos_ == "DET"
        and toks[token.i + 1].pos_ in VERB_POS
    ):
        return True  # "de gewonde vertelde": a participle or adjective used as a noun
    if lower in profile.verb_forms and token.pos_ in ("VERB", "AUX", ""):
        return False
    return token.pos_ in NP_POS if token.pos_ else False


def _opens_entity(token: Token) -> bool:
    """The first word of a name of two or more words by the entity recognizer's reading."""
    doc = token.doc
    return (
        token.ent_iob_ == "B"
        and token.i + 1 < len(doc)
        and tokens_of(doc)[token.i + 1].ent_iob_ == "I"
    )


@per_doc
def has_parse(doc: Doc) -> bool:
    """True when the pipeline assigned dependency arcs to this doc."""
    return doc.has_annotation("DEP")


def is_known_verb_form(token: Token, profile: LanguageProfile) -> bool:
    """A listed form of a cue verb, or a regular form of one ("vermoedt", "meldde")."""
    return token.lower_ in profile.verb_forms or lemma(token, profile) in profile.known_verbs


def names_institution(token: Token, profile: LanguageProfile) -> bool:
    """A capitalised organisation noun ('Vereniging', 'Ministerie', 'Bureau') that its name
    continues after a preposition ('Raad van State', 'Bureau voor de Statistiek')."""
    return _institution_noun(token, profile.organization_words)


def _institution_noun(token: Token, words: frozenset[str], foreign: bool = False) -> bool:
    """(A recognizer trained on one language reads the other's names as it may: a foreign
    noun it calls a person's name still opens an institution's.)"""
    return (
        token.text[:1].isupper()
        and not token.text.isupper()
        and (foreign or token.ent_type_ not in PERSON_LABELS)
        and token.lower_ in words
    )


@functools.cache
def _institution_tables(
    code: str,
) -> tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...]:
    """(organisation nouns, institution prepositions, articles) of every language, this one
    first: a name in the other language keeps its own small words ("the Landelijke Raad
    voor Visserij" in an English article, "de Council of Europe" in a Dutch one)."""
    from claimtrack.engine.lang import SUPPORTED_LANGUAGES, get_profile

    order = (code, *(other for other in SUPPORTED_LANGUAGES if other != code))
    return tuple(
        (p.organization_words, p.institution_preps, p.determiners)
        for p in (get_profile(c) for c in order)
    )


def continues_institution(doc: Doc, i: int, profile: LanguageProfile) -> bool:
    """Token `i` is a preposition inside an institution's name: an organisation noun before it,
    a capitalised word after it (past any article); the nouns, prepositions and articles of
    the name's own language, which may be the other one."""
    if i == 0:
        return False
    toks = tokens_of(doc)
    lower = toks[i].lower_
    for n, (words, preps, articles) in enumerate(_institution_tables(profile.code)):
        if lower not in preps or not _institution_noun(toks[i - 1], words, n > 0):
            continue
        k = i + 1
        while k < len(toks) and toks[k].lower_ in articles:
            k += 1
        if k < len(toks) and toks[k].text[:1].isupper() and toks[k].is_alpha:
            return True
    return False
