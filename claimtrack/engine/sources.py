"""Turn a source mention into a canonical source, and keep the article's entity registry.

"het Witte Huis dinsdag" -> Witte Huis (organization); "persbureau Reuters" ->
Reuters; "secretaris-generaal Jens Stoltenberg van de NAVO" -> Jens Stoltenberg,
person, affiliation NAVO; "hij" and "de Amerikaanse president" -> the most
recent compatible named source (coreference within one article).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimtrack.engine.lang import SUPPORTED_LANGUAGES, get_profile
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.org_types import description_kind, name_kinds, unnamed_kinds
from claimtrack.engine.tokens import (
    PERSON_LABELS,
    QUOTE_OPENERS,
    children_of,
    continues_institution,
    first_word,
    has_morph,
    in_a_date,
    is_known_verb_form,
    long_words_capitalised,
    lower_words,
    mistagged_verb,
    names_a_date,
    per_doc,
    tokens_of,
)
from claimtrack.engine.translations import description_fits

UNKNOWN = "unknown"
# capitalised words of these kinds inside a sentence mark a Title Case headline
HEADLINE_EVIDENCE_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "CCONJ", "SCONJ", "DET"})
PRONOUN_WINDOW = 6
# the other language's organisation nouns that make a name an organisation's are this long
FOREIGN_NOUN = 5
GROUP_WINDOW = 3  # sentences a named group stays the referent of a plural pronoun

# Entity labels of the shipped pipelines (CoNLL: PER ORG LOC MISC) and of spaCy's
# official ones (OntoNotes), so either kind of pipeline can be loaded.
ORGANIZATION_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC", "NORP"})
NON_SPEAKER_LABELS = frozenset(
    {
        "LOC",
        "MISC",
        "GPE",
        "FAC",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
    }
)


WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Lowercase, accents and punctuation removed: the key for comparing names.

    Remembered per string: an article names the same sources again and again.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(WORD.findall(text))


@dataclass
class Entity:
    """A source known in this article, with the ways it has been referred to."""

    name: str
    kind: str
    descriptors: set[str] = field(default_factory=set)
    affiliation: str | None = None
    # NER labels of its name mentions, counted by (words in the mention, label)
    entity_labels: Counter = field(default_factory=Counter)
    # introduced somewhere with a person's role ("zijn vrouw Ria", "trainer Smit")
    has_role: bool = False
    # known only by a description ("een woordvoerder"): an antecedent, never a name
    described_only: bool = False
    # its name was read in the article's text (not only from a headline's speaker)
    named_in_text: bool = False

    def __setattr__(self, attr: str, value) -> None:
        object.__setattr__(self, attr, value)
        if attr == "name" and (index := self.__dict__.get("_index")) is not None:
            index.rename(self)  # a registered entity's new name is found by its new key

    @property
    def place_or_thing(self) -> bool:
        """The entity recognizer reads this name as a place or a thing (LOC, MISC).

        The longest mentions decide ("Theo de Wit" is a person even where a
        bare "De Wit" reads as a place); among those, the most frequent label.
        Such a source speaks only where a sentence makes it the speaker
        ("Moskou verklaarde …"); it never takes an unframed quotation or a pronoun.
        """
        if not self.entity_labels or self.has_role:
            return False
        longest = max(length for length, _ in self.entity_labels)
        label = max(
            (lab for length, lab in self.entity_labels if length == longest),
            key=lambda lab: self.entity_labels[(longest, lab)],
        )
        return label in NON_SPEAKER_LABELS


def given_name_gender(name: str, profile: LanguageProfile) -> str | None:
    """The gender ("m", "f") that the first name of a person's full `name` marks by
    `given_name_genders.txt` ("Pieter de Boer": "m", "Anne-Marie Jansen": "f"), or None: a
    name not listed, or a single word, which is as often a surname ("Martin")."""
    words = name.split()
    if len(words) < 2:
        return None
    genders = profile.given_name_genders
    return genders.get(words[0]) or genders.get(words[0].split("-")[0])


def agrees_in_gender(name: str, gender: str | None, profile: LanguageProfile) -> bool:
    """Whether a pronoun of `gender` ("m", "f", None for unmarked) may stand for the person
    called `name`: unless the first name marks the other gender ("she" is not John Baker)."""
    marked = given_name_gender(name, profile) if gender is not None else None
    return marked is None or marked == gender


def _surname_forms(words: list[str], particles: frozenset[str]) -> set[str]:
    """Ways to name a person by surname, from the normalised words of the full name:
    'berg', 'der berg', and 'van der berg' with all its particles."""
    forms = {words[-1], " ".join(words[-2:])}
    first_particle = next((k for k, w in enumerate(words) if k > 0 and w in particles), None)
    if first_particle is not None:
        forms.add(" ".join(words[first_particle:]))
    return forms


@dataclass
class Mention:
    """A cleaned source mention: its token range and what it says about the source."""

    start: int  # token range in the sentence doc
    end: int
    name: str | None  # the proper name inside the mention, if any
    descriptor: str | None  # the describing noun phrase ("amerikaanse president")
    head: str  # the last word, lowercased
    kind: str
    affiliation: str | None = None
    pronoun: bool = False
    label: str | None = (
        None  # the description as written, determiner dropped ("Russische regering")
    )
    article: str | None = None  # the determiner that opens the mention, lowercased ("het")
    name_label: str | None = None  # the recognizer's label for the name ("PER", "LOC")


# ---------------------------------------------------------------- mentions


def _inside_a_name(tok: Token) -> bool:
    """A word between a proper noun and a capitalised word: 'De' in "Bart De Wever"."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and after.is_alpha
        and after.text[:1].isupper()
        and not after.text.isupper()
    )


def _is_name_token(tok: Token, profile: LanguageProfile, first_in_sentence: bool) -> bool:
    text = tok.text
    if not text[:1].isupper() or tok.is_punct:
        return False
    first_in_sentence = first_in_sentence or tok.i <= first_word(tok.doc)
    if "-" in text and text.rsplit("-", 1)[1][:1].islower():
        return False  # "Kok-tribune", "PSV-trainer": a compound noun, not a name
    if "-" in text and _is_role_noun(tok.lower_.rsplit("-", 1)[1], profile):
        return False  # "Midden-Oostendeskundige": a role whose compound opens with a name
    lower = tok.lower_
    if lower in profile.name_particles and _inside_a_name(tok):
        return True  # "Bart De Wever": a capitalised particle between two parts of a name
    if (
        lower in profile.determiners
        or lower in profile.person_pronouns
        or lower in profile.plural_pronouns
    ):
        return False
    if lower in profile.first_person or lower in profile.stopwords:
        return False
    if names_a_date(tok, profile):
        return False  # "since May", "Sinds Mei", "on Tuesday": a date, whatever the recognizer says
    if tok.ent_iob_ == "I" and tok.ent_type_ in PERSON_LABELS:
        return True  # inside a person's name by the recognizer's reading, whatever the tag
    if first_in_sentence and opens_organisation_name(tok, profile):
        return True  # "Provincie Drenthe stelt", with only "Drenthe" the recognizer's name
    if (
        first_in_sentence
        and tok.ent_iob_ == "B"
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].ent_iob_ == "I"
    ):
        return True  # "Waterschap Veenland said": the recognizer's name, however it is tagged
    if first_in_sentence and _unknown_word_before_name(tok, profile):
        return True  # "Railbeheer Noord zegt", 'Railbeheer' read as an adverb
    if first_in_sentence and tok.pos_ not in ("PROPN", "X", "NOUN", ""):
        return False  # a capital that only marks the sentence start ("Misschien", "Engineers")
    if first_in_sentence and lower in profile.group_words:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if (
        first_in_sentence
        and _is_role_noun(lower, profile)
        and nxt is not None
        and nxt.is_alpha
        and nxt.text[:1].isupper()
    ):
        return False  # "Zangeres Roos Verbeek": the role describes ("Arts zei" is a surname)
    if (
        first_in_sentence
        and tok.pos_ == "NOUN"
        and (lower in profile.group_words or tok.morph.get("Number") == ["Plur"])
    ):
        return False
    if (
        first_in_sentence
        and tok.pos_ == "NOUN"
        and not tok.ent_type_
        and nxt is not None
        and nxt.ent_iob_ == "B"
        and nxt.ent_type_ in PERSON_LABELS
        # a neuter noun describes no person: "Netbeheer Oost zegt" is one name, whatever
        # the recognizer makes of the compass word after it (roles such as "Kamerlid" are
        # read above)
        and tok.morph.get("Gender") != ["Neut"]
    ):
        return False  # "Schaatsster Mirjam de Boer": a role at the sentence start, then the name
    if (
        nxt is not None
        and nxt.text[:1].islower()
        and nxt.is_alpha
        and lower.endswith(profile.adjective_suffixes)
        and tok.ent_type_ not in PERSON_LABELS  # "Sullivan said"
        and not (tok.i > 0 and _is_title(tok.doc[tok.i - 1], profile))  # "Mr. Morgan has"
    ):
        return False  # "Amerikaanse president": a capitalised adjective, not a name
    return not (
        tok.pos_ == "ADJ"
        and nxt is not None
        and nxt.text[:1].islower()
        and nxt.pos_ == "NOUN"
        and not mistagged_verb(nxt, profile)  # "Mulder ontkent dat": a verb, tagged a noun
        # "Marieke van Brakel" with 'Marieke' an adjective and 'van' a noun by the tagger
        and not (nxt.lower_ in profile.name_particles and _listed_given_name(tok, profile))
    )


def _unknown_word_before_name(tok: Token, profile: LanguageProfile) -> bool:
    """A sentence's first word that the tagger reads as an adverb, an adjective, a verb or a
    plural noun without knowing it, its lemma left capitalised, right before a word that
    names something other than a person (the recognizer opens a name with it, or it is a
    name by the other tests): the first part of that name ("Railbeheer Noord zegt", with
    'Railbeheer' read as an adverb; "Greenfield Energy Partners", 'Greenfield' as a plural
    noun). A word the lemmatizer knows ("Misschien", "Engineers") keeps its reading."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or not tok.is_alpha or not tok.lemma_[:1].isupper():
        return False
    if tok.pos_ in ("PROPN", "X", "") or tok.pos_ == "NOUN" and tok.morph.get("Number") != ["Plur"]:
        return False  # read as a name or a noun already: the other tests decide
    nxt = doc[tok.i + 1]
    if (
        tok.ent_iob_ == "B"
        or tok.text.isupper()
        or tok.lower_ in profile.stopwords
        or tok.text in profile.given_names
        or not (nxt.is_alpha and nxt.text[:1].isupper())
        or nxt.ent_type_ in PERSON_LABELS
        or nxt.text in profile.given_names
    ):
        return False
    return nxt.ent_iob_ == "B" or not nxt.ent_type_ and _is_name_at(doc, nxt.i, profile, False)


@per_doc
def _capitalised(doc: Doc) -> tuple[bool, ...]:
    """Whether each token of `doc` starts with a capital: past the first token, only such
    a token is a name (_is_name_token) or opens a surname (_opens_surname)."""
    return tuple([t.text[:1].isupper() for t in tokens_of(doc)])


@per_doc
def _names_read(doc: Doc) -> dict[tuple[int, bool, int], bool]:
    """_is_name_token's answers for the tokens of `doc` so far, by (position,
    first_in_sentence, id(profile))."""
    return {}


def _is_name_at(doc: Doc, k: int, profile: LanguageProfile, first_in_sentence: bool) -> bool:
    """_is_name_token for token k of `doc`, answered once per sentence: the registry and the
    reading of each source mention ask it of the same words."""
    if not _capitalised(doc)[k]:
        return False  # _is_name_token's first test
    read = _names_read(doc)
    key = (k, first_in_sentence, id(profile))
    answer = read.get(key)
    if answer is None:
        answer = read[key] = _is_name_token(tokens_of(doc)[k], profile, first_in_sentence)
    return answer


def _opens_surname(tok: Token, profile: LanguageProfile) -> bool:
    """A capitalised particle before a name starts a surname: 'Van der Berg', 'De Wit', 'Ten Brink'."""
    capitalised = tok.text[:1].isupper() or tok.i == 0 and tok.text[:1] in "'’"  # "'t Hart"
    if not (capitalised and tok.lower_ in profile.name_particles):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    while nxt is not None and nxt.lower_ in profile.name_particles and not nxt.text[:1].isupper():
        nxt = tok.doc[nxt.i + 1] if nxt.i + 1 < len(tok.doc) else None
    return (
        nxt is not None
        and nxt.text[:1].isupper()
        and nxt.is_alpha
        and not nxt.text.isupper()  # "De VVD": an article before an acronym
        and nxt.lower_ not in profile.stopwords
    )


def _particle_after(doc: Doc, i: int, profile: LanguageProfile) -> bool:
    """'van der', 'van den', 'van 't': a particle that is no article follows the preposition."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        nxt is not None
        and nxt.lower_ in profile.name_particles
        and nxt.lower_ not in profile.determiners
    )


def _listed_given_name(tok: Token, profile: LanguageProfile) -> bool:
    """A given name of `given_names.txt` or of the shared `given_name_genders.txt`, whatever
    the tagger calls it ("Marieke" tagged as an adjective in an English sentence)."""
    return tok.text in profile.given_names or tok.text in profile.given_name_genders


def _surname_particle_after_given_name(
    doc: Doc, i: int, end: int, profile: LanguageProfile
) -> bool:
    """'van' in "Marieke van Brakel": a particle right after a listed given name, followed
    by particles and one capitalised word that ends the mention and is no organisation's
    noun or acronym, opens a surname rather than an affiliation."""
    toks = tokens_of(doc)
    if toks[i].lower_ not in profile.name_particles or not _listed_given_name(toks[i - 1], profile):
        return False
    k = i + 1
    while k < end - 1 and toks[k].lower_ in profile.name_particles:
        k += 1
    last = toks[k]
    return (
        k == end - 1
        and last.is_alpha
        and last.text[:1].isupper()
        and not last.text.isupper()
        and not is_organisation_word(last.lower_, profile)
    )


def _acronym_after(doc: Doc, i: int, end: int, profile: LanguageProfile) -> bool:
    """'van de KNVB' after a name: the preposition and articles lead to an acronym, an
    organisation's name, even where the recognizer runs the person's name on."""
    toks = tokens_of(doc)
    k = i + 1
    while k < end and toks[k].lower_ in profile.determiners:
        k += 1
    return k < end and len(toks[k].text) > 1 and toks[k].text.isupper() and toks[k].is_alpha


def _person_after_portfolio(doc: Doc, prep: int, end: int, profile: LanguageProfile) -> int | None:
    """Where a person's name starts after 'role van <portfolio>' ('staatssecretaris van
    Financiën Eric Wiebes'): the recognizer's person name that runs to the mention's end."""
    toks = tokens_of(doc)
    if prep == 0 or toks[prep].lower_ not in profile.affiliation_preps:
        return None
    if not _is_role_noun(toks[prep - 1].lower_, profile):
        return None
    for k in range(prep + 2, end):
        if toks[k].ent_iob_ == "B" and toks[k].ent_type_ in PERSON_LABELS:
            rest = toks[k:end]
            if all(
                t.ent_type_ in PERSON_LABELS or t.lower_ in profile.name_particles for t in rest
            ):
                return k
            return None
    # without the recognizer: the portfolio is written with common nouns ("Financiën",
    # "Buitenlandse Zaken"), the person's name with proper nouns and particles after it
    for k in range(prep + 2, end - 1):
        rest = toks[k:end]
        if toks[k].pos_ == "PROPN" and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in profile.name_particles
            for t in rest
        ):
            return k
        if toks[k].pos_ == "PROPN":
            return None
    return None


def _past_articles(doc: Doc, i: int, profile: LanguageProfile) -> int:
    """The first position at or before `i` that is not an article ('voor de' -> 'voor')."""
    lowers = lower_words(doc)
    while i > 0 and lowers[i] in profile.determiners:
        i -= 1
    return i


def _inside_institution_name(tok: Token, profile: LanguageProfile) -> bool:
    """'voor' and 'de' in "Bureau voor de Statistiek": small words inside an institution's name."""
    return continues_institution(tok.doc, _past_articles(tok.doc, tok.i, profile), profile)


@per_doc
def _subjects(doc: Doc) -> tuple[int, ...]:
    """The positions of the subjects of `doc` (nsubj, nsubj:pass)."""
    return tuple(k for k, t in enumerate(tokens_of(doc)) if t.dep_ in ("nsubj", "nsubj:pass"))


@per_doc
def _mentions_read(doc: Doc) -> dict[tuple[int, int, int], Mention | None]:
    """clean_mention's readings of the spans of `doc` so far, by (start, end, id(profile))."""
    return {}


def clean_mention(doc: Doc, start: int, end: int, profile: LanguageProfile) -> Mention | None:
    """Trim a raw source span and read its name, descriptor, kind and affiliation.

    A sentence's source spans are read again by later rules (the registry, the
    speakers of a list): each is read once, and every caller gets its own copy."""
    read = _mentions_read(doc)
    key = (start, end, id(profile))
    if key not in read:
        read[key] = _read_mention(doc, start, end, profile)
    mention = read[key]
    # a copy as dataclasses.replace makes it, at a third of the cost
    return Mention(**vars(mention)) if mention is not None else None


def _read_mention(doc: Doc, start: int, end: int, profile: LanguageProfile) -> Mention | None:
    """clean_mention, for a span not read before."""
    toks = tokens_of(doc)
    while start < end and (
        toks[start].is_punct
        or toks[start].is_space
        or toks[start].lower_ in profile.complementizers
        or toks[start].lower_ in profile.conjunctions
        # a date before the noun phrase: "noted Friday that his campaign …", "On 3 June the
        # board said", "May 2025 the board" (a year after its month goes with it)
        or in_a_date(doc, start, profile)
        # "Ook de supporters", "Zelfs de minister": an adverb before the noun phrase
        or toks[start].pos_ == "ADV"
        and start + 1 < end
        and toks[start + 1].pos_ == "DET"
    ):
        start += 1
    while end > start and (
        toks[end - 1].is_punct
        or toks[end - 1].is_space
        or toks[end - 1].lower_ in profile.time_words
        or in_a_date(doc, end - 1, profile)
        or toks[end - 1].pos_ == "ADV"
        and not toks[end - 1].text[:1].isupper()
    ):
        end -= 1
    while end > start + 1 and toks[end - 1].lower_ in profile.time_nouns:
        end -= 1  # "men vorige week": the time is no part of the source
        while end > start + 1 and (
            toks[end - 1].pos_ in ("ADJ", "DET", "NUM")
            or in_a_date(doc, end - 1, profile)  # "his doctor Friday afternoon"
        ):
            end -= 1
    if (
        start + 2 < end
        and (toks[start].pos_ == "NUM" or toks[start].lower_ in profile.indefinite_articles)
        and toks[start + 1].lower_ in profile.affiliation_preps
    ):
        start += 2  # "een van de demonstranten", "one of the protesters": the group speaks
    if start >= end:
        return None
    # "de burgemeester op de radio": a prepositional phrase after the head is no part of the source
    for k in range(start + 1, end):
        if (
            toks[k].pos_ == "ADP"
            and toks[k].lower_ not in profile.affiliation_preps
            and toks[k].lower_ not in profile.name_particles
            and not toks[k].text.isupper()  # "het OM": an acronym, whatever the tagger says
            and not continues_institution(doc, k, profile)
        ):
            end = k
            break
    # "Senator John Miller of Ohio said": a parse may give only the place after 'of'
    prep = _past_articles(doc, start - 1, profile) if start > 0 else 0
    if (
        prep >= 1
        and toks[prep].lower_ in profile.affiliation_preps
        and toks[prep - 1].ent_type_ in PERSON_LABELS
        and toks[start].ent_type_ not in PERSON_LABELS
    ):
        start = prep - 1
    # "the Centers for Disease Control said": the parse may give only the part after 'for'
    prep = _past_articles(doc, start - 1, profile) if start > 0 else 0
    if prep >= 1 and continues_institution(doc, prep, profile):
        start = prep - 1
    # a parse may attach only part of a name: widen to the whole capitalised run
    while (
        start > 0
        and _is_name_at(doc, start - 1, profile, start - 1 == 0)
        and _is_name_at(doc, start, profile, start == 0)
    ):
        start -= 1
    if (
        start >= 2
        and toks[start - 1].lower_ in profile.affiliation_preps
        and _is_role_noun(toks[start - 2].lower_, profile)
    ):
        start -= 2  # "staatssecretaris van Toerisme Femke …": the portfolio is read below
    # ... and to the particles before a surname ("Van 't Veld", "Anna van der Berg")
    k = start
    while k > 0 and toks[k - 1].lower_ in profile.name_particles:
        k -= 1
    if k < start and (
        _opens_surname(toks[k], profile)
        or k > 0
        and _is_name_at(doc, k - 1, profile, k - 1 == 0)
        and (toks[k - 1].pos_ in ("PROPN", "X", "") or _listed_given_name(toks[k - 1], profile))
    ):
        start = k
        while start > 0 and _is_name_at(doc, start - 1, profile, start - 1 == 0):
            start -= 1
    if (
        end < len(doc)
        and _is_role_noun(toks[end - 1].lower_.rsplit("-", 1)[-1], profile)
        and _is_name_at(doc, end, profile, False)
    ):
        end += 1  # "KNVB-voorzitter Mulder": a parse may stop at the role
    while (
        end < len(doc)
        and _is_name_at(doc, end, profile, False)
        and _is_name_at(doc, end - 1, profile, end - 1 == 0)
    ):
        end += 1
    affiliation = None
    name_from = start  # where the name may begin ("minister van Onderwijs Karin Peeters": at Karin)
    for i in range(start + 1, end - 1):
        if _particle_after(doc, i, profile):
            continue  # "Pieter van der Meulen": 'van der' belongs to the surname
        if (
            toks[i].ent_iob_ == "I"
            and toks[i].ent_type_ in PERSON_LABELS
            and not _acronym_after(doc, i, end, profile)
        ):
            continue  # the recognizer reads "Hans van Dam" as one person's name
        if continues_institution(doc, i, profile):
            continue  # "Raad van State", "Kamer van Koophandel": 'van' inside the name
        if _surname_particle_after_given_name(doc, i, end, profile):
            continue  # "Marieke van Brakel": the recognizer may read it as an organisation
        person = _person_after_portfolio(doc, i, end, profile)
        if person is not None:
            # "minister van Onderwijs Karin Peeters": the role's portfolio, then the name
            affiliation = " ".join(
                t.text for t in toks[i + 1 : person] if t.lower_ not in profile.determiners
            )
            name_from = person
            break
        if toks[i].lower_ in profile.affiliation_preps and any(
            t.text[:1].isupper() for t in toks[i + 1 : end]
        ):
            aff_tokens = [t for t in toks[i + 1 : end] if t.lower_ not in profile.determiners]
            if (
                aff_tokens
                and any(t.text[:1].isupper() for t in toks[start:i])
                or toks[i - 1].lower_ in profile.role_nouns
            ):
                affiliation = " ".join(t.text for t in aff_tokens).rstrip(".")
                end = i
                break
    tokens = list(toks[start:end])
    # "trainer Smit tevreden": words trailing a name are not part of the mention
    last_name = next(
        (
            k
            for k in range(len(tokens) - 1, -1, -1)
            if _is_name_at(doc, start + k, profile, start + k == 0)
        ),
        None,
    )
    if (
        last_name is not None
        and last_name < len(tokens) - 1
        and (
            all(
                t.pos_ in ("ADJ", "ADV", "VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ")
                # "het Goede Hoop-verdrag": a compound the name opens is its head
                or not t.is_alpha
                and not (t.text[:1].isupper() and "-" in t.text)
                for t in tokens[last_name + 1 :]
            )
            # a parse may tag "kortaf" or "zich" otherwise, or run on into "van de
            # havenbond": lowercase words after the last name are not part of it
            or not any(t.text[:1].isupper() for t in tokens[last_name + 1 :])
        )
    ):
        tokens = tokens[: last_name + 1]
        end = start + len(tokens)
    if len(tokens) == 1 and (
        tokens[0].lower_ in profile.person_pronouns or tokens[0].lower_ in profile.plural_pronouns
    ):
        tok = tokens[0]
        kind = (
            "group"
            if tok.lower_ in profile.plural_pronouns and tok.lower_ not in profile.person_pronouns
            else "person"
        )
        return Mention(start, end, None, None, tok.lower_, kind, pronoun=True)
    if len(tokens) == 1 and tokens[0].lower_ in profile.possessive_pronouns:
        # "Its logs show": the owner of the records, as the pronoun it stands for
        pronoun = profile.possessive_pronouns[tokens[0].lower_]
        kind = "group" if pronoun in profile.plural_pronouns - profile.person_pronouns else "person"
        return Mention(start, end, None, None, pronoun, kind, pronoun=True)
    if all(t.lower_ in profile.interjections for t in tokens):
        return None  # "waarmee de kerk nee zegt": what is said, not who says it
    # the name is the capitalised run that ends the mention ("De Amerikaanse president Joe Biden")
    j = len(tokens)
    while j > name_from - start and (
        _is_name_at(doc, start + j - 1, profile, start + j - 1 == 0)
        or _inside_institution_name(tokens[j - 1], profile)
        or tokens[j - 1].lower_ in profile.name_particles
        and j < len(tokens)
        and (j - 1 > 0 or _opens_surname(tokens[j - 1], profile))
    ):
        j -= 1
    name_tokens = tokens[j:]
    if name_tokens and is_title_case_headline(doc):
        # in a headline capitals prove nothing: the name is the recognizer's entity
        # that opens the run ("Ben Carson | Slams Hillary")
        k = 0
        while k < len(name_tokens) and name_tokens[k].ent_type_:
            k += 1
        name_tokens = name_tokens[:k]
    for k in range(len(name_tokens) - 1, 0, -1):
        # "Buitenlandse Zaken Hanna Smit": an organisation's name, then a person's;
        # "Political Affairs Wendy Sherman": words of no entity, then a full name
        if (
            name_tokens[k].ent_iob_ == "B"
            and name_tokens[k].ent_type_ in PERSON_LABELS
            and all(t.ent_type_ in PERSON_LABELS for t in name_tokens[k:])
            and (
                all(
                    t.ent_type_ not in PERSON_LABELS
                    # an unlabelled word goes only if it is no proper noun ("Chester Burton
                    # Atkins" with 'Chester' unlabelled keeps it)
                    and (t.ent_type_ or t.pos_ != "PROPN" and len(name_tokens) - k > 1)
                    and t.lower_ not in profile.name_particles
                    for t in name_tokens[:k]
                )
                # "Trump Booed After Telling Jeb Bush": a headline's verb or preposition,
                # outside any entity, ends what came before
                or any(
                    not t.ent_type_ and t.pos_ in ("VERB", "AUX", "ADP", "SCONJ")
                    for t in name_tokens[1:k]
                )
            )
        ):
            j += k
            name_tokens = name_tokens[k:]
            break
    if (
        name_tokens
        and name_tokens[-1].lower_ in profile.role_nouns
        # "the Northgate Ambulance Agency": a role that is an organisation noun too ends
        # the name of one
        and not (len(name_tokens) > 1 and name_tokens[-1].lower_ in profile.organization_words)
    ):
        # "the US President": a capitalised role is a description, not a name
        j, name_tokens = len(tokens), []
    while (
        len(name_tokens) > 1
        and (
            _is_title(name_tokens[0], profile)
            # "General Electric Company": a title word that opens an organisation's name
            and not any(t.lower_ in profile.organization_words for t in name_tokens[1:])
            # a capitalised particle opens a Dutch surname ("Van der Berg"), a lowercase one does not
            or name_tokens[0].lower_ in profile.name_particles
            and not _opens_surname(name_tokens[0], profile)
        )
    ):
        name_tokens = name_tokens[1:]
        j += 1  # "President Joseph Biden": the title describes, the rest names
    title_end = _title_phrase_end(name_tokens, profile)
    if title_end:
        name_tokens = name_tokens[title_end:]
        j += title_end  # "Senate Minority Leader Harry Reid": the whole title describes
    while (
        len(name_tokens) > 1
        and (
            (
                name_tokens[0].ent_type_ in NON_SPEAKER_LABELS
                # "Rival Hillary Clinton" in a headline: a capitalised word that is no name
                or not name_tokens[0].ent_type_
                and name_tokens[0].pos_ not in ("PROPN", "X")
                and len(name_tokens) > 2
                and all(t.ent_type_ in PERSON_LABELS for t in name_tokens[1:])
            )
            and name_tokens[-1].ent_type_ in PERSON_LABELS
            or _opens_no_name(name_tokens, profile)
            or _describes_the_name_after(name_tokens, profile)
        )
    ):
        name_tokens = name_tokens[1:]
        j += 1  # "de Chileen Pablo Reyes": the nationality describes, the rest names
    if _name_noun_before(tokens, j, name_tokens, profile):
        j -= 1  # "de gemeente Zandvoorde": the municipality's name is "Gemeente Zandvoorde"
        name_tokens = tokens[j:]
    descriptor_tokens = [
        t for t in tokens[:j] if t.lower_ not in profile.determiners and not t.is_space
    ]
    name = " ".join(t.text for t in name_tokens) if name_tokens else None
    if name and name_tokens[0].is_lower:
        name = name[:1].upper() + name[1:]
    if name and name.lower().endswith(("'s", "’s")):
        name = name[:-2]
    descriptor = " ".join(t.lower_ for t in descriptor_tokens) or None
    head = tokens[-1].lower_
    kind = _kind(tokens, name_tokens, descriptor_tokens, profile)
    label = " ".join(t.text for t in descriptor_tokens) or None
    article = tokens[0].lower_ if tokens[0].lower_ in profile.determiners else None
    return Mention(
        start,
        end,
        name,
        descriptor,
        head,
        kind,
        affiliation,
        label=label,
        article=article,
        name_label=entity_label(name_tokens) if name_tokens else None,
    )


def _name_noun_before(
    tokens: list[Token], j: int, name_tokens: list[Token], profile: LanguageProfile
) -> bool:
    """A noun that forms an organisation's name with the name right after it ("gemeente",
    "provincie", "waterschap": "de gemeente Zandvoorde" is Gemeente Zandvoorde), before a
    name that is no person's (no given name, no particle, not the recognizer's person)."""
    if not name_tokens or j == 0 or tokens[j - 1].lower_ not in profile.name_nouns:
        return False
    first = name_tokens[0]
    return (
        first.text not in profile.given_names
        and first.lower_ not in profile.name_particles
        and not (len(name_tokens) > 1 and entity_label(name_tokens) in PERSON_LABELS)
    )


def is_organisation_noun(token: Token, profile: LanguageProfile) -> bool:
    """A noun for an institution ('provincie', 'council'), or a compound ending in one
    ('omgevingsdienst'); a word for a kind of company ('fabrikant') is none: it describes."""
    return token.is_alpha and is_organisation_word(token.lower_, profile)


def is_organisation_word(lower: str, profile: LanguageProfile) -> bool:
    """is_organisation_noun for a lowercased word."""
    if lower in profile.organization_kinds:
        return False
    return lower in profile.organization_words or lower.endswith(
        _compound_heads(profile.organization_words)
    )


def organisation_tail(key: str, profile: LanguageProfile) -> str | None:
    """The rest of a normalised name after the organisation nouns it opens with ('drenthe'
    of 'provincie drenthe'), or None if it opens with none or is nothing else."""
    words = key.split()
    k = 0
    while k < len(words) - 1 and (
        is_organisation_word(words[k], profile) or words[k] in profile.name_nouns
    ):
        k += 1
    return " ".join(words[k:]) if k else None


def opens_organisation_name(token: Token, profile: LanguageProfile) -> bool:
    """A capitalised organisation noun right before a capitalised word that is no given name:
    the first word of the organisation's name ('Gemeente Utrecht', 'Waterschap Veenland')."""
    doc = token.doc
    if token.i + 1 >= len(doc) or not token.text[:1].isupper():
        return False
    after = tokens_of(doc)[token.i + 1]
    return (
        (is_organisation_noun(token, profile) or token.lower_ in profile.name_nouns)
        and after.is_alpha
        and after.text[:1].isupper()
        and after.text not in profile.given_names
    )


def _names_an_organisation(token: Token, profile: LanguageProfile) -> bool:
    """A word for the kind of company a name is ('fabrikant Voltaro'), or a compound ending in
    an organisation noun that opens a name ('Havenbedrijf Westerpoort', 'Vakbond FNV'); the
    compound stays part of the name, as a place after it often names only the town."""
    lower = token.lower_
    if not token.is_alpha or lower in profile.organization_words:
        return False
    return lower in profile.organization_kinds or lower.endswith(
        _compound_heads(profile.organization_words)
    )


@functools.cache
def _foreign_organisation_words(code: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The other languages' organisation nouns long enough (five letters or more) not to be
    a word or a surname of this one as well ('cooperative', 'company' for Dutch; 'bedrijf',
    'stichting' for English), and the ones among them that end a compound where that
    language writes compounds as one word."""
    words: set[str] = set()
    heads: list[str] = []
    for other in SUPPORTED_LANGUAGES:
        if other == code:
            continue
        foreign = get_profile(other)
        long_words = {w for w in foreign.organization_words if len(w) >= FOREIGN_NOUN}
        words |= long_words
        if foreign.compound_nouns:
            heads += sorted(long_words)
    return frozenset(words), tuple(heads)


def _foreign_organisation_name(name_tokens: list[Token], profile: LanguageProfile) -> bool:
    """A name of two capitalised words or more that the other language's organisation nouns
    make an organisation's: its last word is one ('Vennedal Farmers Cooperative' in a Dutch
    article), or its first a compound ending in one ('Waterbedrijf Lindeveld' in an English
    article), and it opens with no given name and holds no name particle."""
    if (
        len(name_tokens) < 2
        or not all(t.is_alpha and t.text[:1].isupper() for t in name_tokens)
        or name_tokens[0].text in profile.given_names
        or any(t.lower_ in profile.name_particles for t in name_tokens)
    ):
        return False
    words, heads = _foreign_organisation_words(profile.code)
    first, last = name_tokens[0].lower_, name_tokens[-1].lower_
    return last in words or first.endswith(heads) if heads else last in words


def _read_as_person(entity: Entity) -> bool:
    """The recognizer reads the longest mentions of `entity` as a person's name (a short form
    read as one does not count: "Korvanger" alone, after "Korvanger Logistiek Groep")."""
    if not entity.entity_labels:
        return False
    longest = max(length for length, _ in entity.entity_labels)
    return any(
        label in PERSON_LABELS for length, label in entity.entity_labels if length == longest
    )


def _heads(key: str) -> list[str]:
    """The leading parts of a normalised name of two words or more, each shorter than the
    name: 'brightline' and 'brightline freight' of 'brightline freight services'."""
    words = key.split()
    return [" ".join(words[:k]) for k in range(1, len(words))]


@functools.cache
def _compound_heads(words: frozenset[str]) -> tuple[str, ...]:
    """The words long enough (four letters or more) to end a compound that names an
    organisation, as one tuple for str.endswith."""
    return tuple(word for word in words if len(word) >= 4)


def _describes_the_name_after(name_tokens: list[Token], profile: LanguageProfile) -> bool:
    """A first word that describes the name after it: a kind of company ("Fabrikant
    Voltaro"), or a nationality the recognizer labels on its own, with its article ("De
    Noorse Ingrid Lie", "het Duitse Siemens")."""
    first, after = name_tokens[0], name_tokens[1]
    if first.lower_ in profile.organization_kinds:
        return after.text[:1].isupper()
    if first.lower_ in profile.determiners:
        return len(name_tokens) > 2 and _is_nationality_before(after, name_tokens[2], profile)
    return _is_nationality_before(first, after, profile)


def _is_nationality_before(word: Token, after: Token, profile: LanguageProfile) -> bool:
    """`word` is a nationality labelled on its own (MISC, with an adjective ending, not a
    given name), and `after` opens a name of its own; a place before a name may be part of it."""
    return (
        word.ent_iob_ == "B"
        and word.ent_type_ == "MISC"
        and word.lower_.endswith(profile.adjective_suffixes)
        and word.text not in profile.given_names
        and after.ent_iob_ != "I"
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
    )


def _opens_no_name(name_tokens: list[Token], profile: LanguageProfile) -> bool:
    """A capitalised word before a name that is no part of it: a function word ("Over Marco
    Rubio", "Is Ted Cruz") or a word before a common given name ("Rival Hillary Clinton",
    "Real Donald Trump"); never a name particle ("De Wever", "Van Dam")."""
    first = name_tokens[0]
    if (
        first.lower_ in profile.name_particles
        or first.text.isupper()
        or first.text in profile.given_names
    ):
        return False
    if first.pos_ in ("ADP", "AUX", "CCONJ", "SCONJ", "PRON", "VERB"):
        # "Daan Visser" with 'Daan' tagged a preposition is still a name, and so is
        # "Waterschap Veenland" with a Dutch word tagged by an English pipeline: a word
        # inside the recognizer's entity goes only if it is one of the language's stop words
        return not first.ent_type_ or first.is_stop
    if len(name_tokens) < 3:
        return False
    if name_tokens[1].text in profile.given_names:
        return True
    # "Political Affairs Wendy Sherman": words the recognizer does not take for a person's
    # before a given name further on
    return first.ent_type_ not in PERSON_LABELS and any(
        t.text in profile.given_names for t in name_tokens[2:-1]
    )


@per_doc
def is_title_case_headline(doc: Doc) -> bool:
    """'Ben Carson Slams Hillary And The Media': nearly every word capitalised, and a verb,
    an adverb or a function word among them that the recognizer does not take for a name."""
    words, capitalised = long_words_capitalised(doc)
    if words < 3 or capitalised < 0.8 * words:
        return False
    return any(
        t.text[:1].isupper() and t.pos_ in HEADLINE_EVIDENCE_POS and not t.ent_type_
        for t in doc[1:]
        if t.is_alpha
    )


def _is_title(tok: Token, profile: LanguageProfile) -> bool:
    """A role noun or its abbreviation written with a full stop ("Mr.", "Sen.", "Gen.")."""
    return tok.lower_ in profile.role_nouns or (
        tok.text.endswith(".") and tok.lower_.rstrip(".") in profile.role_nouns
    )


def _title_phrase_end(name_tokens: list[Token], profile: LanguageProfile) -> int:
    """Where a title phrase before a person's name ends ("FBI Director | James Comey",
    "House Speaker | Paul Ryan"): after its last title word, when the recognizer reads
    every word after it as a person's name; 0 when there is none."""
    for r in range(len(name_tokens) - 2, -1, -1):
        if _is_title(name_tokens[r], profile):
            rest = name_tokens[r + 1 :]
            if rest[0].ent_type_ in PERSON_LABELS and all(
                t.ent_type_ in PERSON_LABELS or t.lower_ in profile.name_particles for t in rest
            ):
                return r + 1
            # the recognizer may read "Texas Senator Ted Cruz" as one organisation: a
            # title inside the run, then two or more proper nouns that name nothing else
            if (
                r > 0
                and len(rest) >= 2
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
                and not any(t.lower_ in profile.organization_words for t in rest)
            ):
                return r + 1
            return 0
    return 0


def _is_role_noun(word: str, profile: LanguageProfile) -> bool:
    """A role noun, also as the head of a Dutch compound ("havenwethouder")."""
    return word in profile.role_nouns or word.endswith(profile.compound_role_heads)


def entity_label(tokens) -> str | None:
    """The entity recognizer's label for a name: that of its last word inside an entity.

    The last word heads a Dutch or English name ("de Chileen Pablo Reyes" is
    a person although "Chileen" reads as MISC).
    """
    return next((t.ent_type_ for t in reversed(list(tokens)) if t.ent_type_), None)


def _kind(
    tokens: list[Token],
    name_tokens: list[Token],
    descriptor_tokens: list[Token],
    profile: LanguageProfile,
) -> str:
    if len(name_tokens) > 1 and name_tokens[0].lower_ in profile.name_nouns:
        return "organization"  # "Waterschap Rijnvallei", "de gemeente Zandvoorde"
    if (
        len(name_tokens) > 1
        and name_tokens[-1].lower_ in profile.organization_words
        and name_tokens[-1].text[:1].isupper()
        and name_tokens[0].text not in profile.given_names
        and not any(t.lower_ in profile.name_particles for t in name_tokens)  # "Van 't Hof"
    ):
        return "organization"  # "Guttmacher Institute", "Justice Department": whatever the recognizer says
    if _foreign_organisation_name(name_tokens, profile):
        return "organization"  # "Farmers Cooperative" in Dutch, "Waterbedrijf X" in English
    if name_tokens and any(
        _names_an_organisation(t, profile) for t in [*descriptor_tokens, name_tokens[0]]
    ):
        return "organization"  # "fabrikant Voltaro", "Havenbedrijf X": whatever the recognizer says
    if len(name_tokens) > 1 and opens_organisation_name(name_tokens[0], profile):
        return "organization"  # "Provincie Drenthe", though the recognizer reads a person after it
    if name_tokens and (
        name_tokens[0].ent_type_ in PERSON_LABELS
        or entity_label(name_tokens) in PERSON_LABELS
        or len(name_tokens) > 1
        and name_tokens[0].text in profile.given_names
    ):
        return "person"  # "Anna van der Bank": a surname may be a word for an institution
    if any(t.lower_ in profile.organization_words for t in tokens):
        return "organization"
    if name_tokens:
        first = name_tokens[0]
        before = tokens[tokens.index(first) - 1] if tokens.index(first) > 0 else None
        if before is not None and before.lower_ in profile.organization_determiners:
            return "organization"
        if all(t.text.isupper() and len(t.text) > 1 for t in name_tokens):
            return "organization"
        if any(_is_role_noun(t.lower_, profile) for t in descriptor_tokens):
            return "person"  # "de wethouder Van Dam": a role describes a person
        if entity_label(name_tokens) in ORGANIZATION_LABELS:
            return "organization"  # a place as a source speaks through its government
        return "person"
    head = tokens[-1]
    if head.lower_ in profile.group_words or has_morph(head, "Number", "Plur"):
        return "group"
    if head.lower_ in profile.role_nouns:
        return "person"
    return "person"


# ---------------------------------------------------------------- registry


@dataclass
class Salience:
    sentence: int
    entity: Entity
    role: str  # speaker | subject | mention


class NameIndex:
    """The registry's entities by normalised name, each name normalised once.

    `by_key` maps a full name's key ('jan van der berg') and `by_surname` each way
    to name a person of two or more words by surname ('berg', 'der berg',
    'van der berg') to the positions of the entities in the registry's list, so a
    lookup reads a few dictionary entries instead of normalising every known name.
    Entities appended to the list are indexed at the next lookup; an indexed
    entity that is given a new name tells the index itself (Entity.__setattr__).
    """

    def __init__(
        self,
        entities: list[Entity],
        particles: frozenset[str],
        profile: LanguageProfile | None = None,
    ) -> None:
        self.entities = entities
        self.particles = particles
        self.profile = profile
        self.by_key: dict[str, list[int]] = {}
        self.by_surname: dict[str, list[int]] = {}
        # 'drenthe' -> positions of names such as 'provincie drenthe'
        self.by_organisation_tail: dict[str, list[int]] = {}
        # 'park' -> positions of names with that word, such as 'nationaal park de veluwezoom'
        self.by_word: dict[str, list[int]] = {}
        # 'brightline', 'brightline freight' -> positions of names they open, such as
        # 'brightline freight services'
        self.by_head: dict[str, list[int]] = {}
        self.keys: list[str] = []  # the key each entity is indexed under, by position
        self.positions: dict[int, int] = {}  # id(entity) -> position

    def sync(self) -> None:
        """Index the entities appended since the last lookup."""
        for position in range(len(self.keys), len(self.entities)):
            entity = self.entities[position]
            self.positions[id(entity)] = position
            self.keys.append("")
            self._add(position, normalise(entity.name))
            object.__setattr__(entity, "_index", self)

    def rename(self, entity: Entity) -> None:
        """Move an indexed entity to the key of its new name."""
        position = self.positions.get(id(entity))
        if position is None or self.entities[position] is not entity:
            return
        key = normalise(entity.name)
        if key == self.keys[position]:
            return
        old = self.keys[position]
        self.by_key[old].remove(position)
        for form in self._surname_forms(old):
            self.by_surname[form].remove(position)
        tail = self._organisation_tail(old)
        if tail is not None:
            self.by_organisation_tail[tail].remove(position)
        for word in set(old.split()):
            self.by_word[word].remove(position)
        for head in _heads(old):
            self.by_head[head].remove(position)
        self._add(position, key)

    def latest(self, groups: list[list[int] | None]) -> int:
        """The highest position in any of `groups` (-1 for none): the most recent entity."""
        best = -1
        for group in groups:
            if group:
                best = max(best, max(group))
        return best

    def latest_person(self, groups: list[list[int] | None]) -> int:
        """The highest position in `groups` held by a person (-1 for none)."""
        return self._latest_of_kind(groups, "person")

    def organisation_with_tail(self, key: str) -> int:
        """The position of the one organisation named by organisation nouns before `key`
        ('Provincie Drenthe' for 'drenthe'); -1 for none, or for two different ones."""
        positions = [
            p
            for p in self.by_organisation_tail.get(key, ())
            if self.entities[p].kind == "organization"
        ]
        if len({self.keys[p] for p in positions}) != 1:
            return -1
        return max(positions)

    def organisation_with_head(self, key: str) -> int:
        """The position of the one organisation whose name opens with the words of `key` and
        goes on ('Brightline Freight Services' for 'brightline'); -1 for none, or for two
        different ones."""
        positions = [p for p in self.by_head.get(key, ()) if not self.entities[p].described_only]
        if len({self.keys[p] for p in positions}) != 1:
            return -1
        position = max(positions)
        return position if self._no_person(self.entities[position]) else -1

    def _no_person(self, entity: Entity) -> bool:
        """An organisation, or a name read as a person's only for want of other evidence: no
        role, no person's label from the recognizer, no given name first ('Brightline Freight
        Services', which no word marks as an organisation's)."""
        if entity.place_or_thing:
            return False  # "Mexico City", "U.N. Charter"
        return entity.kind == "organization" or not self.person_evidence(entity)

    def person_evidence(self, entity: Entity, recognizer: bool = True) -> bool:
        """Whether `entity`, read as a person's, is one by some evidence: a role, a given
        name first, a name never read in the text (a Title Case headline's run, "X Says
        Y"), or with `recognizer` the recognizer's person label; an organisation's is
        never."""
        return entity.kind == "person" and (
            not entity.named_in_text
            or entity.has_role
            or entity.described_only
            or recognizer
            and _read_as_person(entity)
            or self.profile is not None
            and entity.name.split()[0] in self.profile.given_names
        )

    def organisation_with_word(
        self, noun: str, compound_heads: bool, language: str | None = None
    ) -> int:
        """The position of the one organisation with `noun` among the words of its name
        ('Nationaal Park De Veluwezoom' for 'park'), with `compound_heads` also as the head of
        a compound word in it ('Woonstichting Rivierstad' for 'stichting'); -1 for none, or
        for two different ones.

        With `language`, the article's, a word of the name may also be the noun in the
        other language or a cognate of it ('Vennedal Farmers Cooperative' for 'coöperatie',
        'Waterbedrijf Lindeveld' for 'water company'); a noun of two words is a modifier
        and its head, found together in the name ('Lindeveld Water Company') or as the
        other language's compound ('waterbedrijf'). Every organisation that fits counts
        towards the one."""
        words = tuple(noun.split())
        groups: list[list[int] | None] = []
        if len(words) == 1:
            groups.append(self.by_word.get(noun))
            if compound_heads:
                groups += [ps for word, ps in self.by_word.items() if word.endswith(noun)]
        elif len(words) == 2:
            phrase = f" {noun} "
            groups.append([p for p, key in enumerate(self.keys) if phrase in f" {key} "])
        if language is not None and 0 < len(words) <= 2:
            groups += [
                ps for word, ps in self.by_word.items() if description_fits(words, word, language)
            ]
        positions = [
            p for group in groups for p in group or () if self.entities[p].kind == "organization"
        ]
        if len({self.keys[p] for p in positions}) != 1:
            return -1
        return max(positions)

    def _latest_of_kind(self, groups: list[list[int] | None], kind: str) -> int:
        best = -1
        for group in groups:
            for p in group or ():
                if p > best and self.entities[p].kind == kind:
                    best = p
        return best

    def _add(self, position: int, key: str) -> None:
        self.keys[position] = key
        self.by_key.setdefault(key, []).append(position)
        for form in self._surname_forms(key):
            self.by_surname.setdefault(form, []).append(position)
        tail = self._organisation_tail(key)
        if tail is not None:
            self.by_organisation_tail.setdefault(tail, []).append(position)
        for word in set(key.split()):
            self.by_word.setdefault(word, []).append(position)
        for head in _heads(key):
            self.by_head.setdefault(head, []).append(position)

    def _organisation_tail(self, key: str) -> str | None:
        return organisation_tail(key, self.profile) if self.profile is not None else None

    def _surname_forms(self, key: str) -> set[str]:
        words = key.split()
        return _surname_forms(words, self.particles) if len(words) > 1 else set()


class DescriptorIndex:
    """The registry's entities by descriptor, and where each was last noted.

    resolve_description asks for the latest noted entity described a certain way;
    scanning the history for it would cost time in proportion to the article so far.
    `by_word` maps each descriptor ('amerikaanse president', 'president') and
    `by_suffix` each ending of four letters or more of a descriptor's last word
    ('coach' of 'bondscoach') to the entities that have it, by id (entities are not
    hashable); `last_note` and `position` give an entity's last position in the
    history and in the entity list. Entities and notes appended to the registry's
    lists are indexed at the next lookup; descriptors added later by
    EntityRegistry.add are indexed there.
    """

    def __init__(self, entities: list[Entity], history: list[Salience]) -> None:
        self.entities = entities
        self.history = history
        self.by_word: dict[str, dict[int, Entity]] = {}
        self.by_suffix: dict[str, dict[int, Entity]] = {}
        self.position: dict[int, int] = {}  # id(entity) -> last position in `entities`
        self.last_note: dict[int, int] = {}  # id(entity) -> last position in `history`
        self.indexed: set[int] = set()  # ids of the entities whose descriptors are indexed
        self.synced = (0, 0)  # how many entities and notes are indexed

    def sync(self) -> None:
        """Index the entities and notes appended since the last lookup."""
        entities, notes = self.synced
        for position in range(entities, len(self.entities)):
            entity = self.entities[position]
            self.position[id(entity)] = position
            self._index_entity(entity)
        for position in range(notes, len(self.history)):
            entity = self.history[position].entity
            self.last_note[id(entity)] = position
            self._index_entity(entity)
        self.synced = (len(self.entities), len(self.history))

    def add(self, entity: Entity, descriptor: str) -> None:
        """Index one descriptor of `entity`."""
        self.by_word.setdefault(descriptor, {})[id(entity)] = entity
        words = descriptor.split()
        last = words[-1] if words else ""
        for length in range(4, len(last) + 1):
            self.by_suffix.setdefault(last[-length:], {})[id(entity)] = entity

    def _index_entity(self, entity: Entity) -> None:
        if id(entity) not in self.indexed:
            self.indexed.add(id(entity))
            for descriptor in entity.descriptors:
                self.add(entity, descriptor)


def _kinds_of_fuller_name(
    name: str, entities: list[Entity], kinds: list[frozenset[str]]
) -> frozenset[str]:
    """The kinds of the one organisation whose longer name holds `name`'s words (those of
    Stichting Tegenwind Eemkerk for "Tegenwind"); none where no or more than one such name
    has kinds."""
    words = name.split()
    found = {
        kinds[n]
        for n, other in enumerate(entities)
        if kinds[n] and len(other.name.split()) > len(words) and _holds(other.name.split(), words)
    }
    return next(iter(found)) if len(found) == 1 else frozenset()


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether `part` is a run of `words`."""
    size = len(part)
    return any(words[k : k + size] == part for k in range(len(words) - size + 1))


class EntityRegistry:
    """The sources of one article, and which of them was talked about most recently."""

    def __init__(self, profile: LanguageProfile) -> None:
        self.profile = profile
        self.entities: list[Entity] = []
        self._name_index = NameIndex(self.entities, profile.name_particles, profile)
        self.history: list[Salience] = []
        # people named together as the subject of one sentence ("X, Y en Z presenteerden")
        self.groups: list[tuple[int, list[Entity]]] = []
        self._descriptor_index = DescriptorIndex(self.entities, self.history)

    def find(self, name: str) -> Entity | None:
        """The known entity that `name` refers to (full name, surname or genitive).

        The most recent entity whose full name is `name` (or `name` less a genitive
        -s); failing that, the most recent person it names by surname ('Berg',
        'van der Berg' for Jan van der Berg) or entity whose name ends `name`
        ('minister Jan Pronk' for Jan Pronk). Looked up in the name index.
        """
        key = normalise(name)
        if not key:
            return None
        index = self._name_index
        index.sync()
        bare = key.removesuffix("s")
        position = index.latest([index.by_key.get(key), index.by_key.get(bare)])
        if position < 0:
            words = key.split()
            position = max(
                index.latest_person([index.by_surname.get(key), index.by_surname.get(bare)]),
                index.latest([index.by_key.get(" ".join(words[k:])) for k in range(1, len(words))]),
            )
        return self.entities[position] if position >= 0 else None

    def organisation_by_tail(self, name: str) -> Entity | None:
        """The one known organisation whose name is `name` after organisation nouns
        ('Provincie Drenthe' for 'Drenthe'), when no entity has `name` itself."""
        if self.find(name) is not None:
            return None
        index = self._name_index
        position = index.organisation_with_tail(normalise(name))
        return self.entities[position] if position >= 0 else None

    def organisation_by_head(self, name: str, label: str | None = None) -> Entity | None:
        """The one known organisation whose name `name` opens, the rest left out ('Brightline
        Freight Services' for 'Brightline'), when no entity has `name` itself and `name` is
        no person's (a given name, or a name that opens with a particle or an article).

        `label` is the recognizer's for `name` here: a place ("New York" after "New York
        Times") is none.
        Once found, `name` is a name of the organisation: a later "Unlike Brightline" finds
        it too."""
        key = normalise(name)
        words = key.split()
        if (
            not words
            or label in NON_SPEAKER_LABELS
            # an acronym is a name of its own ("U.N." and "U.N. Charter")
            or name.replace(".", "").isupper()
            or self.find(name) is not None
            or name.split()[0] in self.profile.given_names
            or words[0] in self.profile.name_particles
            or words[0] in self.profile.determiners
            or words[-1] in self.profile.stopwords
            or any(is_organisation_word(w, self.profile) for w in words)
        ):
            return None
        index = self._name_index
        position = index.organisation_with_head(key)
        if position < 0:
            return None
        index.by_key.setdefault(key, []).append(position)
        return self.entities[position]

    def organisation_by_noun(self, noun: str) -> Entity | None:
        """The one known organisation with `noun` among the words of its name, where the
        language writes compounds as one word also as the head of one that is an
        organisation noun ('Woonstichting Rivierstad' for 'stichting')."""
        index = self._name_index
        index.sync()
        compound = self.profile.compound_nouns and is_organisation_word(noun, self.profile)
        position = index.organisation_with_word(normalise(noun), compound, self.profile.code)
        return self.entities[position] if position >= 0 else None

    def organisation_by_kind(self, noun: str) -> Entity | None:
        """The one organisation named in the article so far that a description's noun fits by
        kind (lang/data/org_types.tsv): 'de gemeente', 'the council' for Gemeente Zandvoorde,
        'het bedrijf', 'the operator' for the one company. A description of a kind whose names
        seldom say it (lang/data/unnamed_kinds.txt: 'het bedrijf', 'de partij') may also
        name the one organisation of no known kind, when each other one's kind is known
        and another ('Korvanger Logistiek Groep' beside Gemeente Zandvoorde) and it has
        spoken in the article. None when two fit, or none does."""
        compounds = self.profile.compound_nouns
        kind = description_kind(noun, compounds)
        if kind is None:
            return None
        index = self._name_index
        index.sync()
        named: dict[str, tuple[Entity, frozenset[str]]] = {}
        all_kinds = [name_kinds(e.name, e.descriptors, compounds) for e in self.entities]
        for position, entity in enumerate(self.entities):
            if index.keys[position] in named:
                continue
            kinds = all_kinds[position]
            # "Tegenwind" after Stichting Tegenwind Eemkerk is that foundation, no
            # organisation of unknown kind beside it (the town "Waalkerk" after Havenbedrijf
            # Waalkerk is still the town)
            if (
                not kinds
                and not entity.place_or_thing
                and _kinds_of_fuller_name(entity.name, self.entities, all_kinds)
            ):
                continue
            if self._named_organisation(entity, kinds):
                named[index.keys[position]] = (entity, kinds)
        fits = [entity for entity, kinds in named.values() if kind in kinds]
        if len(fits) == 1:
            return fits[0]
        if fits or kind not in unnamed_kinds():
            return None
        # ... of the ones that have spoken: a place named in passing ("in Dalmerveen", "to
        # Skelmar"), even as a subject ("de Noordkade raakte"), is no company
        actors = {id(s.entity) for s in self.history if s.role == "speaker"}
        unknown = [e for e, kinds in named.values() if not kinds and id(e) in actors]
        return unknown[0] if len(unknown) == 1 else None

    def _named_organisation(self, entity: Entity, kinds: frozenset[str]) -> bool:
        """An organisation the article has named: no description, no person's name (a name
        read as one only for want of other evidence may be one: 'Korvanger Logistiek
        Groep'), and no place or thing the recognizer reads ('Zandvoorde' the town). Where
        its name has the `kinds` of an organisation ('Hallewijn Vervoer BV', 'Korvanger
        Logistiek NV'), the name outweighs the recognizer's label."""
        index = self._name_index
        if entity.described_only or index.person_evidence(entity, recognizer=not kinds):
            return False
        return bool(kinds) or not entity.place_or_thing

    def known_person(self, word: str) -> Entity | None:
        """The article's person a single capitalised word names, if any ('Siemons')."""
        entity = self.find(word) if word[:1].isupper() else None
        return entity if entity is not None and entity.kind == "person" else None

    def _known_surname(self, word: str) -> Entity | None:
        """The person with a full name in the article that a capitalised word names by surname."""
        entity = self.known_person(word)
        return entity if entity is not None and len(entity.name.split()) > 1 else None

    def add(
        self, name: str, kind: str, descriptor: str | None = None, affiliation: str | None = None
    ) -> Entity:
        """Register a named source (or find it), remembering its descriptor."""
        entity = self.find(name)
        if entity is None:
            entity = Entity(name, kind)
            self.entities.append(entity)
        elif self._names_more(name, entity):
            entity.name = name
        if descriptor and descriptor.strip():
            for word in (descriptor, descriptor.split()[-1]):
                entity.descriptors.add(word)
                self._descriptor_index.add(entity, word)
        if affiliation and not entity.affiliation:
            entity.affiliation = affiliation
        return entity

    def _names_more(self, name: str, entity: Entity) -> bool:
        """`name` is a longer name of `entity` ('Jan Pronk' for 'Pronk'), not its name after
        an article ('De X Agency' at a sentence start for 'X Agency'). An article before a
        one-word name of a person may be a particle of the surname ('De Vries')."""
        key, known = normalise(name), normalise(entity.name)
        if len(key) <= len(known) or not key.endswith(known):
            return False
        before = key[: -len(known)].split()
        surname = entity.kind == "person" and " " not in known
        return surname or not all(w in self.profile.determiners for w in before)

    def note_described_speaker(self, sentence: int, description: str) -> None:
        """'The ambulance service said …. It says …': an organisation known only by its
        description spoke; a later pronoun may stand for it. It is noted, not registered:
        no later name or description is looked up among it."""
        entity = Entity(description, "organization", {description}, described_only=True)
        self.note(sentence, entity, "speaker")

    def note(self, sentence: int, entity: Entity, role: str) -> None:
        """Record that `entity` was speaker, subject or mentioned in `sentence`."""
        self.history.append(Salience(sentence, entity, role))

    def agrees(self, entity: Entity, gender: str | None) -> bool:
        """Whether a pronoun of `gender` ("m", "f", None for unmarked) may stand for `entity`:
        anything but a person whose first name marks the other gender."""
        return entity.kind != "person" or agrees_in_gender(entity.name, gender, self.profile)

    def resolve_pronoun(
        self, sentence: int, plural: bool, earlier_only: bool = False, gender: str | None = None
    ) -> Entity | None:
        """The most salient earlier source compatible with a pronoun.

        With `earlier_only`, names noted in `sentence` itself are no antecedents
        ("Toen belde zij haar trainer Jansen": zij is not Jansen). With `gender`, the
        pronoun's, a person whose first name marks the other one is none ("Zij zegt" is
        not Jan Bakker): then the pronoun may find no antecedent at all.
        """
        kinds = ("group", "organization") if plural else ("person",)
        rank = {"speaker": 0, "subject": 1}
        # notes are recorded in sentence order: only the last few sentences' can count
        window = self.history[
            bisect.bisect_left(self.history, sentence - PRONOUN_WINDOW, key=lambda h: h.sentence) :
        ]
        history = [h for h in window if h.sentence < sentence] if earlier_only else window
        recent = [
            item
            for item in history
            if sentence - item.sentence <= PRONOUN_WINDOW
            and item.role in rank
            and (item.entity.kind in kinds or plural and self._maybe_organisation(item.entity))
            and not item.entity.place_or_thing
            and self.agrees(item.entity, gender)
        ]
        if recent:
            best = max(recent, key=lambda item: (item.sentence, -rank[item.role]))
            return best.entity
        for item in reversed(history):
            if sentence - item.sentence > PRONOUN_WINDOW:
                break
            if (
                item.entity.kind in kinds
                and not item.entity.place_or_thing
                and self.agrees(item.entity, gender)
            ):
                return item.entity
        return None  # "they" after two named people is a group we do not name

    def _maybe_organisation(self, entity: Entity) -> bool:
        """A name read as a person's only by the recognizer ("Harbourline blamed the storm"):
        no role, no given name; 'it' may stand for it as for an organisation."""
        index = self._name_index
        index.sync()
        return (
            entity.kind == "person"
            and entity.named_in_text
            and not index.person_evidence(entity, recognizer=False)
        )

    def resolve_description(self, descriptor: str | None, head: str) -> Entity | None:
        """'de Amerikaanse president' -> the entity introduced with that description."""
        index = self._descriptor_index
        index.sync()
        if descriptor:
            described = index.by_word.get(descriptor, {})
            found = self._latest_described(described)
            if found is not None:
                return found
            # the last registered entity with it, though it was never noted
            registered = [index.position[key] for key in described if key in index.position]
            if registered:
                return self.entities[max(registered)]
        found = self._latest_described(index.by_word.get(head, {}))
        if found is None and len(head) >= 4:  # Dutch compounds: "coach" for "bondscoach"
            found = self._latest_described(index.by_suffix.get(head, {}))
        return found

    def _latest_described(self, described: dict[int, Entity]) -> Entity | None:
        """The last noted entity of `described` (by id); among those noted in the few
        sentences before it, one that was a speaker or subject ("President Biden spoke with
        President Putin. The President stressed …": Biden, not the object Putin)."""
        last_note = self._descriptor_index.last_note
        noted = [last_note[key] for key in described if key in last_note]
        if not noted:
            return None
        top = max(noted)
        latest = self.history[top]
        for k in range(top, -1, -1):
            h = self.history[k]
            if latest.sentence - h.sentence > PRONOUN_WINDOW:
                break
            if id(h.entity) in described and h.role in ("speaker", "subject"):
                return h.entity
        return latest.entity

    def observe(
        self,
        doc: Doc,
        sentence: int,
        quoted: frozenset[int] = frozenset(),
        settled: frozenset[int] = frozenset(),
    ) -> None:
        """Register the named sources a sentence mentions (first one as its subject).

        Names at token positions in `quoted` lie inside a quotation: they are
        registered, but noted as 'quoted', which makes them no antecedent and
        no candidate speaker ("Het paard van Jansen liep goed" said by someone else).
        Pronouns at positions in `settled` were found to stand for something no person
        ("Zij stelt" for the factory before): they keep no person salient.
        """
        toks = tokens_of(doc)
        first_note = len(self.history)

        verb: list[int] = []

        def first_verb() -> int:
            """The position of the sentence's first verb (len(doc) if none), found once."""
            if not verb:
                verb.append(
                    next(
                        (
                            t.i
                            for t in toks
                            if t.pos_ in ("VERB", "AUX") or is_known_verb_form(t, self.profile)
                        ),
                        len(doc),
                    )
                )
            return verb[0]

        if is_title_case_headline(doc):
            return  # a Title Case headline capitalises everything: no evidence of names
        i = 0
        parsed_person_subject = False
        capitalised = _capitalised(doc)
        subjects = _subjects(doc)
        while i < len(doc):
            if i > 0 and not capitalised[i]:
                i += 1  # no name, and no particle that opens a surname ("Van Dam")
                continue
            known_first = (
                self._known_surname(toks[i].text)
                if i == 0 and toks[i].is_alpha and not names_a_date(toks[i], self.profile)
                else None
            )
            if (
                not known_first
                and not _opens_surname(toks[i], self.profile)
                and (
                    not _is_name_at(doc, i, self.profile, i == 0)
                    or toks[i].i == 0
                    and toks[i].pos_ != "PROPN"
                    and not (i + 1 < len(doc) and toks[i + 1].text[:1].isupper())
                )
            ):
                i += 1
                continue
            j = i
            while j < len(doc) and (
                _is_name_at(doc, j, self.profile, j == 0)
                or j > i
                and _inside_institution_name(toks[j], self.profile)
                or toks[j].lower_ in self.profile.name_particles
                and j + 1 < len(doc)
                and (
                    toks[j + 1].text[:1].isupper()
                    or toks[j + 1].lower_ in self.profile.name_particles
                )
            ):
                j += 1
            while j > i + 1 and toks[j - 1].lower_ in self.profile.name_particles:
                j -= 1  # a run never ends in a particle
            if known_first:
                j = max(j, i + 1)
            if j == i:
                i += 1
                continue
            k = i
            named_by_noun = (
                i > 0 and toks[i - 1].is_lower and toks[i - 1].lower_ in self.profile.name_nouns
            )
            if named_by_noun:
                k = i - 1  # "de gemeente Zandvoorde": the noun is part of the name
            while (
                k > 0
                and (
                    _is_role_noun(toks[k - 1].lower_, self.profile)
                    # "the ferry operator Harbourline": a kind of company describes the name
                    or toks[k - 1].lower_ in self.profile.organization_kinds
                    or toks[k - 1].is_lower
                    and toks[k - 1].pos_ == "NOUN"
                    and toks[k].lower_ in self.profile.organization_kinds
                    or toks[k - 1].pos_ == "ADJ"
                    or toks[k - 1].text[:1].isupper()
                    and k - 1 == 0
                    and toks[k - 1].lower_ not in self.profile.determiners
                )
            ):
                k -= 1
            descriptor = (
                " ".join(t.lower_ for t in toks[k:i] if t.lower_ not in self.profile.determiners)
                or None
            )
            if descriptor and not any(_is_role_noun(w, self.profile) for w in descriptor.split()):
                descriptor = None
            mention = clean_mention(doc, k, j, self.profile)
            if known_first and j == i + 1 and not (mention and mention.name):
                # "Wolters zelf bleef kalm": a known surname the tagger reads as a plural noun
                entity = known_first
                role = (
                    "subject" if i < first_verb() or toks[i].dep_.startswith("nsubj") else "mention"
                )
                self.note(sentence, entity, "quoted" if i in quoted else role)
                i = j
                continue
            if (
                mention
                and mention.name
                and len(mention.name.strip(". ")) > 1  # "de gouden C": a letter is no name
                and normalise(mention.name) not in self.profile.stopwords
            ):
                entity = self.find(mention.name)
                if entity is None and j - i == 1 and toks[i].ent_type_ in NON_SPEAKER_LABELS:
                    # "een Rus" after "de Rus Ivan Petrov": a known description, not a new name
                    entity = self.resolve_description(toks[i].lower_, toks[i].lower_)
                    if entity is not None:
                        self.note(
                            sentence,
                            entity,
                            "quoted"
                            if i in quoted
                            else "subject"
                            if i < first_verb()
                            else "mention",
                        )
                        i = j
                        continue
                if (
                    entity is None
                    and i > 0
                    and toks[i - 1].lower_ in self.profile.indefinite_articles
                ):
                    i = j  # "won een Oscar": a thing or a kind, not a source
                    continue
                short_form = None
                if (
                    entity is None
                    and not descriptor
                    # "Mr. Ban", "burgemeester Jansen": a person's title before the name
                    and not _described_person(mention, self.profile)
                    and not any(_is_title(t, self.profile) for t in toks[max(k - 1, 0) : i])
                ):
                    # "Brightline zegt" after "Brightline Freight Services"
                    short_form = self.organisation_by_head(mention.name, mention.name_label)
                if short_form is not None:
                    entity = short_form
                elif entity is None and len(toks[i:j]) == 1 and _starts_a_turn(toks, i):
                    pass  # a capitalised first word on its own is no evidence of a name
                else:
                    entity = self.add(
                        mention.name,
                        mention.kind,
                        descriptor or mention.descriptor,
                        mention.affiliation,
                    )
                after_locative = i > 0 and toks[i - 1].lower_ in self.profile.locative_preps
                single_word = entity is not None and len(entity.name.split()) == 1
                if single_word and after_locative and entity.kind == "person":
                    entity.kind = (
                        "organization"  # "in Turkey": a place; as a source, its government
                    )
                if entity is not None and descriptor:
                    entity.has_role = (
                        True  # "zijn vrouw Ria": a person, whatever the recognizer says
                    )
                if entity is not None:
                    entity.named_in_text = True
                if (
                    entity is not None
                    # the recognizer's place in "de gemeente Zandvoorde" is the town's
                    and not (named_by_noun and entity.kind == "organization")
                    and (label := entity_label(toks[i:j]))
                ):
                    entity.entity_labels[(j - i, label)] += 1
                if entity is not None:
                    is_subject = (
                        i < first_verb()
                        and not _after_preposition(toks, k, self.profile)
                        or any(i <= s < j for s in subjects)
                        # "Tot de finish had Van Dam moeite": in a Dutch main clause the
                        # subject follows the finite verb when something else comes first
                        or self.profile.subject_may_follow_verb
                        and 0 < first_verb() == k - 1
                    )
                    role = "subject" if is_subject else "mention"
                    self.note(sentence, entity, "quoted" if i in quoted else role)
                    noun = _apposition_noun(toks, j, entity.kind, self.profile)
                    if noun is not None and i not in quoted:
                        # "Zuivelbond Oost, de belangenvereniging van …": "de vereniging" later
                        entity.descriptors.add(noun)
                        self._descriptor_index.add(entity, noun)
                    parsed_person_subject = parsed_person_subject or (
                        entity.kind == "person"
                        and i not in quoted
                        and any(i <= s < j for s in subjects)
                    )
            i = j
        self._note_group(sentence, first_note)
        if not any(h.role == "subject" for h in self.history[first_note:]):
            self._note_described_subject(doc, sentence, quoted)
        if not parsed_person_subject:
            # "Bakker reed aan kop, maar ze viel": ze is the named subject beside it
            self._note_pronoun_subject(doc, sentence, quoted | settled)

    def _note_described_subject(self, doc: Doc, sentence: int, quoted: frozenset[int]) -> None:
        """'Een woordvoerder gaf details.': a person known by a role, as a later 'hij' may
        refer to them."""
        toks = tokens_of(doc)
        for k in _subjects(doc):
            tok = toks[k]
            if k in quoted:
                continue
            if not (
                tok.pos_ == "NOUN"
                and tok.is_lower
                and _is_role_noun(tok.lower_, self.profile)
                and tok.morph.get("Number") != ["Plur"]
                and any(c.lower_ in self.profile.determiners for c in children_of(tok))
            ):
                return
            entity = self.resolve_description(tok.lower_, tok.lower_)
            if entity is None:
                entity = Entity(tok.lower_, "person", {tok.lower_}, described_only=True)
                self.entities.append(entity)
            self.note(sentence, entity, "subject")
            return

    def _note_group(self, sentence: int, first_note: int) -> None:
        """Remember the people this sentence names together as its subject."""
        members: list[Entity] = []
        for h in self.history[first_note:]:
            if h.role == "subject" and h.entity.kind == "person" and h.entity not in members:
                members.append(h.entity)
        if len(members) > 1:
            self.groups.append((sentence, members))

    def plural_antecedents(self, sentence: int) -> list[Entity]:
        """'Ze zeiden' after 'X, Y en Z presenteerden …': the people last named together as a
        subject, when no group or organisation was a subject since."""
        if not self.groups:
            return []
        at, members = self.groups[-1]
        if sentence - at > GROUP_WINDOW or at >= sentence:
            return []
        # notes are recorded in sentence order: only those of the sentences between count
        first = bisect.bisect_right(self.history, at, key=lambda h: h.sentence)
        stop = bisect.bisect_left(self.history, sentence, key=lambda h: h.sentence)
        later = any(
            h.role in ("subject", "speaker") and h.entity.kind in ("group", "organization")
            for h in self.history[first:stop]
        )
        return [] if later else members

    def _note_pronoun_subject(self, doc: Doc, sentence: int, quoted: frozenset[int]) -> None:
        """'Hij won de rit': a singular pronoun subject keeps its antecedent salient."""
        toks = tokens_of(doc)
        for k in _subjects(doc):
            tok = toks[k]
            if (
                k not in quoted
                and tok.lower_ in self.profile.person_pronouns
                and (
                    tok.lower_ not in self.profile.plural_pronouns
                    or finite_number(tok.head) == ["Sing"]
                )
            ):
                gender = self.profile.pronoun_genders.get(tok.lower_)
                entity = self.resolve_pronoun(
                    sentence, plural=False, earlier_only=True, gender=gender
                )
                if entity is not None:
                    self.note(sentence, entity, "subject")
                return


def _after_preposition(toks: tuple[Token, ...], start: int, profile: LanguageProfile) -> bool:
    """'in de persoon van Jan Smit': a name governed by a preposition is no subject, though it
    stands before the verb (unless the preposition marks a passive's agent, 'door')."""
    k = start - 1
    while k >= 0 and toks[k].lower_ in profile.determiners:
        k -= 1
    return k >= 0 and toks[k].pos_ == "ADP" and toks[k].lower_ not in profile.agent_preps


def _apposition_noun(
    toks: tuple[Token, ...], end: int, kind: str, profile: LanguageProfile
) -> str | None:
    """The noun of an apposition right after a name that ends at `end`, between commas:
    "Zuivelbond Oost, de belangenvereniging van de melkveehouders, …" ('belangenvereniging'),
    "Riverside Growers Alliance, the association for fruit farmers, …" ('association').

    The apposition opens with an article, its noun is singular and comes before any
    preposition, and a comma closes it with no verb or conjunction before (no list of
    names, no relative clause). An organisation's noun is no role; a person's is one
    ("Jan Smit, de voorzitter van de bond,"). None if there is no such apposition.
    """
    articles = (profile.determiners | profile.indefinite_articles) - (
        profile.demonstrative_determiners | profile.relative_pronouns
    )
    if kind not in ("organization", "person") or end + 2 >= len(toks):
        return None
    if toks[end].text != "," or toks[end + 1].lower_ not in articles:
        return None
    k = end + 2
    while k < len(toks) and toks[k].is_alpha and toks[k].is_lower and toks[k].pos_ == "ADJ":
        k += 1
    if k >= len(toks) or not (toks[k].is_alpha and toks[k].is_lower and toks[k].pos_ == "NOUN"):
        return None
    noun = toks[k]
    if noun.morph.get("Number") == ["Plur"] or noun.lower_ in profile.group_words:
        return None
    for t in toks[k + 1 :]:
        if t.text == ",":
            break
        if t.pos_ in ("VERB", "AUX", "CCONJ", "PRON", "SCONJ") or t.text in QUOTE_OPENERS:
            return None
    else:
        return None
    if _is_role_noun(noun.lower_, profile) != (kind == "person"):
        return None
    return noun.lower_


def _starts_a_turn(toks: tuple[Token, ...], i: int) -> bool:
    """Token i begins the sentence, or what follows a colon or an opening quotation mark
    ("Q: Thanks.", 'zei: ,,Nee'), where any word is written with a capital."""
    return i == 0 or toks[i - 1].text == ":" or toks[i - 1].text in QUOTE_OPENERS


def finite_number(head: Token) -> list[str]:
    """Grammatical number of a clause's finite verb: the head's, or its auxiliary's or copula's."""
    number = head.morph.get("Number")
    if number:
        return number
    for child in children_of(head):
        if child.dep_ in ("aux", "aux:pass", "cop") and child.morph.get("Number"):
            return child.morph.get("Number")
    return []


def resolve(
    mention: Mention, registry: EntityRegistry, sentence: int, gender: str | None = None
) -> tuple[str, str, str | None]:
    """Canonical (name, kind, affiliation) for a mention; ('unknown', 'unknown') if unresolvable.

    `gender` is a pronoun's ("m", "f"), where its form and verb give it one."""
    if mention.pronoun:
        entity = registry.resolve_pronoun(sentence, plural=mention.kind == "group", gender=gender)
        if entity is None:
            return (UNKNOWN, "unknown", None)
        profile = registry.profile
        kind = entity.kind
        if (
            kind == "person"
            and mention.head in profile.organization_pronouns
            and mention.head not in profile.person_pronouns
        ):
            kind = "organization"  # "Harbourline blamed … It also": no person is 'it'
        return (entity.name, kind, entity.affiliation)
    if mention.name:
        # "Drenthe zegt" after "Provincie Drenthe": the organisation named in full before
        entity = (
            registry.organisation_by_tail(mention.name)
            # "Brightline zegt" after "Brightline Freight Services"
            or not _described_person(mention, registry.profile)
            and registry.organisation_by_head(mention.name, mention.name_label)
            or registry.add(mention.name, mention.kind, mention.descriptor, mention.affiliation)
        )
        return entity.name, entity.kind, entity.affiliation
    label = mention.label or ""
    entity = registry.known_person(label) if " " not in label else None
    if entity is not None:  # "Siemons wijst op …": a known surname read as a plural noun
        return entity.name, entity.kind, entity.affiliation
    entity = registry.resolve_description(mention.descriptor, mention.head)
    if entity is not None and mention.kind != "group":
        return entity.name, entity.kind, entity.affiliation
    noun = _definite_noun(mention, registry.profile)
    entity = registry.organisation_by_noun(noun) if noun else None
    if entity is not None:  # "het park" after "Nationaal Park De Veluwezoom"
        return entity.name, entity.kind, entity.affiliation
    entity = registry.organisation_by_kind(noun) if noun else None
    if entity is not None:  # "the council" after "Gemeente Zandvoorde"
        return entity.name, entity.kind, entity.affiliation
    description = mention.label or mention.descriptor or mention.head
    return description, mention.kind, mention.affiliation


def _described_person(mention: Mention, profile: LanguageProfile) -> bool:
    """A mention whose descriptor has a role noun ("burgemeester Jansen"): a person's name."""
    return any(
        _is_role_noun(w, profile) or _is_role_noun(w.rstrip("."), profile)
        for w in (mention.descriptor or "").split()
    )


def _definite_noun(mention: Mention, profile: LanguageProfile) -> str | None:
    """The noun of a mention that is only a definite article or demonstrative and a noun
    ('het park', 'the association'), or a noun with one word before it ('the water
    company'), or None."""
    if mention.end - mention.start not in (2, 3) or mention.article is None:
        return None
    if mention.article in profile.indefinite_articles or not mention.descriptor:
        return None
    words = mention.descriptor.split()
    if len(words) != mention.end - mention.start - 1:
        return None
    return mention.descriptor if all(w.isalpha() for w in words) else None
