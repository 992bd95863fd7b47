"""Who is the subject of a reporting verb: parse first, word order as fallback.

Handles Dutch inversion ("Dat heeft hij gezegd"), verb-final subclauses,
inverted reports ("..., meldt X", "..., X said"), appositions and relative
clauses between subject and verb, and participle clauses ("..., saying").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.org_types import description_kind
from claimtrack.engine.phrases import (
    np_left,
    np_right,
    subtree_span,
)
from claimtrack.engine.tokens import (
    PERSON_LABELS,
    QUOTE_CLOSERS,
    children_of,
    has_morph,
    has_parse,
    is_possessive_mark,
    lemma,
    names_a_date,
    phrase_at,
    tokens_of,
)

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# letters a noun for someone needs to end a compound that names someone ("havenbedrijf")
NAMING_COMPOUND_HEAD = 5
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})


def is_participle(token: Token, profile: LanguageProfile) -> bool:
    """A past participle ('gezegd', 'said' after 'has'); present participles ('saying') are not."""
    if has_morph(token, "Tense", "Pres") or is_present_participle(token, profile):
        return False
    if has_morph(token, "VerbForm", "Part"):
        return True
    prefix = profile.participle_prefix
    if not prefix:
        return False
    lower, lemma_ = token.lower_, token.lemma_.lower()
    # "bekendgemaakt" (bekendmaken): the prefix may follow the part the lemma starts with
    shared = next((k for k, (a, b) in enumerate(zip(lower, lemma_)) if a != b), 0)
    stem = lower[shared:] if lower[shared:].startswith(prefix) else lower
    return stem.startswith(prefix) and stem.endswith(("d", "t", "en")) and len(stem) > 4


def finite_verb(doc: Doc, cue: Token, profile: LanguageProfile) -> Token:
    """The finite verb of the cue's clause: an auxiliary before a participle, else the cue."""
    if not (
        is_participle(cue, profile) or cue.pos_ == "VERB" and has_morph(cue, "VerbForm", "Inf")
    ):
        return cue
    finite = cue
    for i in range(cue.i - 1, max(-1, cue.i - 12), -1):
        tok = doc[i]
        if tok.text in (",", ";", ":") or tok.lower_ in profile.complementizers:
            break
        if tok.lower_ in profile.auxiliaries or tok.pos_ == "AUX":
            finite = tok
    return finite


def _inside_pp(tok: Token, profile: LanguageProfile) -> bool:
    """A noun phrase that a preposition opens ("Tegen de omroep zei zij"): no subject."""
    doc = tok.doc
    k = min(t.i for t in tok.subtree) - 1
    if k >= 0 and doc[k + 1].pos_ != "DET":
        # a name in apposition has no determiner of its own ("de krant El Pais"):
        # walk back over the noun phrase it belongs to
        while k >= 0 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            k -= 1
    return k >= 0 and doc[k].pos_ == "ADP" and doc[k].lower_ not in profile.name_particles


def _looks_like_name(tok: Token) -> bool:
    """A capitalised word the tagger got wrong: not sentence-initial, or an entity there."""
    return tok.is_alpha and tok.text[:1].isupper() and (tok.i > 0 or bool(tok.ent_type_))


def parse_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None | bool:
    """The cue's nsubj from the parse: a span, None (no subject), or False (impersonal 'er', 'it')."""
    # a parse may hang the subject on the auxiliary ("X heeft … gemeld": X under heeft)
    auxiliaries = [c for c in children_of(cue) if c.dep_ in ("aux", "aux:pass")]
    children = [*children_of(cue), *(g for aux in auxiliaries for g in children_of(aux))]
    subjects = [
        child
        for child in children
        if (child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS)
        and (
            child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X", "VERB")
            or _looks_like_name(child)
        )
        # an adjective or participle heads a subject only with a determiner ("de rijken",
        # "de verdachte"), not as a mis-parsed adverb ("reageerde direct"), unless it is
        # a word of a name the recognizer reads ("Railbeheer Noord zegt", 'Noord' an ADJ)
        and (
            child.pos_ not in ("ADJ", "VERB")
            or any(c.dep_ == "det" for c in children_of(child))
            or _looks_like_name(child)
            and child.ent_type_ != ""
        )
        and child.lower_ not in profile.demonstratives
        and child.lower_ not in profile.complementizers
        and child.lower_ not in profile.time_nouns  # "Vorige maand aarzelde hij"
        and child.lower_ not in profile.time_words  # "Gisteren meldde de politie"
        and not _inside_pp(child, profile)
        and not _figure_object(cue, child, profile)
    ]
    subjects.sort(
        key=lambda c: (
            c.dep_ not in SUBJECT_DEPS,
            c.i == 0 and c.pos_ != "PRON" and len(subjects) > 1,
        )
    )
    if not subjects:
        return None
    if subjects[0].lower_ in profile.impersonal_subjects:
        return False
    return subtree_span(subjects[0])


def _figure_object(cue: Token, child: Token, profile: LanguageProfile) -> bool:
    """'X, de vakbond waarbij …, houdt het op 60 ontslagen' with 'het' parsed as the subject:
    a word after the verb that its figure cue names as its object (`houden het op`) is no
    subject."""
    return child.i > cue.i and any(
        child.lower_ in objects
        for objects, _ in profile.figure_partners.get(lemma(cue, profile), ())
    )


def subordinate_opener(doc: Doc, finite: Token, profile: LanguageProfile) -> int | None:
    """Index of the conjunction opening the verb-final clause the finite verb ends, if any."""
    for j in range(finite.i - 1, max(-1, finite.i - 15), -1):
        tok = doc[j]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") and tok.lower_ not in profile.auxiliaries:
            return None
        if tok.pos_ == "SCONJ" and tok.lower_ in profile.clause_openers | profile.complementizers:
            return j
    return None


def positional_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase before the finite verb, or (Dutch inversion) right after it."""
    finite = finite_verb(doc, cue, profile)
    if profile.subject_may_follow_verb:
        opener = subordinate_opener(doc, finite, profile)
        if opener is not None:  # "nadat bondsvoorzitter Smit de uitslag bekendmaakte"
            return np_right(doc, opener + 1, profile)
    before = np_left(doc, finite.i, profile)
    if before and before[1] - before[0] == 1 and doc[before[0]].lower_ in profile.demonstratives:
        before = (
            None  # "Dat heeft hij gezegd": the object comes first, the subject follows the verb
        )
    if before and is_time_phrase(doc, before, profile):
        before = None  # "Vorige week kondigde de minister … aan": a time adverbial comes first
    if before and (
        not profile.subject_may_follow_verb
        or before[0] == 0
        or doc[before[0] - 1].text in (",", ":", "„", "“", '"')
        or doc[before[0] - 1].lower_ in profile.clause_openers
    ):
        return before
    if profile.subject_may_follow_verb:
        return np_right(doc, finite.i + 1, profile)
    return None


def is_time_phrase(doc: Doc, span: tuple[int, int], profile: LanguageProfile) -> bool:
    """A noun phrase that names a time ('vorige week', 'afgelopen dinsdag', 'late August'):
    its last word is a time noun, a time word or a date's month or day."""
    last = doc[span[1] - 1]
    return (
        last.lower_ in profile.time_nouns
        or last.lower_ in profile.time_words
        or names_a_date(last, profile)
    )


def subject_before_apposition(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'Scott Pruitt, the attorney general of Oklahoma, said ...': the name before the apposition."""
    finite = finite_verb(doc, cue, profile)
    if finite.i < 2 or doc[finite.i - 1].text != ",":
        return None
    for j in range(finite.i - 2, max(-1, finite.i - 30), -1):
        if doc[j].text in ("”", '"', "''", "’") and not is_possessive_mark(doc[j]):
            return None  # '"...," said X' is a quote, handled as inverted
        if doc[j].text == ",":
            np = np_left(doc, j, profile)
            if np and (np[0] == 0 or doc[np[0] - 1].is_punct):
                return np
            return None
    return None


def relative_subject(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'Cox, who runs the lobby, said' is not this; 'Cox, who said that ...' is: (who, Cox)."""
    finite = finite_verb(doc, cue, profile)
    i = finite.i - 1
    while i >= 0 and (
        doc[i].pos_ == "ADV" and doc[i].text[:1].islower() or doc[i].lower_ in profile.auxiliaries
    ):
        i -= 1
    if i < 2 or doc[i].lower_ not in profile.relative_pronouns:
        return None
    if doc[i - 1].text == ",":
        antecedent = np_left(doc, i - 1, profile)
    elif doc[i - 1].pos_ in ("NOUN", "PROPN") or doc[i - 1].text[:1].isupper():
        antecedent = np_left(doc, i, profile)  # "de arts die aanraadde te …": restrictive
    else:
        return None
    return ((i, i + 1), antecedent) if antecedent else None


def source_of_verb(
    doc: Doc, cue: Token, profile: LanguageProfile, inverted: bool
) -> tuple[int, int] | None:
    if inverted:
        # "…, zo heeft een woordvoerder gisteren bekendgemaakt": after the finite verb
        after = finite_verb(doc, cue, profile).i + 1
        return (
            np_right(doc, _past_according_to(doc, after, profile), profile)
            or after <= cue.i
            and np_right(doc, _past_according_to(doc, cue.i + 1, profile), profile)
            or subject_before_apposition(doc, cue, profile)
            or _words_closing_the_sentence(doc, cue)
        )
    if profile.subject_may_follow_verb and has_parse(doc):
        parsed = parse_subject(doc, cue, profile)
        if parsed is False:
            return None
        if parsed is not None:
            parsed = _fronted_name(doc, cue, parsed, profile) or parsed
            return _named_half_of_apposition(doc, cue, parsed, profile)
    finite = finite_verb(doc, cue, profile)
    if finite.i > 0 and doc[finite.i - 1].text == ",":
        apposition = apposition_before(doc, finite.i - 1, profile) or subject_before_apposition(
            doc, cue, profile
        )
        if apposition is not None:
            return _named_half_of_apposition(doc, cue, apposition, profile)
    positional = positional_subject(doc, cue, profile)
    if positional is not None or not has_parse(doc):
        return positional
    parsed = parse_subject(doc, cue, profile)
    return parsed or None


def _fronted_name(
    doc: Doc, cue: Token, parsed: tuple[int, int], profile: LanguageProfile
) -> tuple[int, int] | None:
    """'Netbeheer Noord geeft de monteur de schuld' with the object parsed as the subject:
    a name of two or more capitalised words that fills everything before the finite verb
    is the subject, not a noun phrase the parse finds after the verb."""
    finite = finite_verb(doc, cue, profile)
    if parsed[0] <= finite.i or finite.i < 2:
        return None
    before = doc[: finite.i]
    if not all(
        t.is_alpha and t.text[:1].isupper() and t.lower_ not in profile.stopwords for t in before
    ):
        return None
    first = before[0]
    if (
        first.pos_ in ("ADP", "SCONJ", "CCONJ", "DET", "PRON")
        or first.lower_ in profile.locative_preps
        or phrase_at(doc, 0, profile.according_to)
    ):
        return None  # "In Den Haag zegt …", "Volgens …": a phrase of its own comes first
    # the tagger may call the first word anything ("Railbeheer" an adverb): in a main
    # clause only one constituent stands before the finite verb, so the run is one name,
    # when the recognizer reads a name in it or its first word is a compound on a noun for
    # someone ("Keuringsbureau Zuidwest rekent de bouwer …", 'Zuidwest' an adverb)
    return (
        (0, finite.i)
        if any(t.ent_type_ or t.pos_ == "PROPN" for t in before)
        or names_someone(doc, (0, 1), profile)
        else None
    )


def _names_a_person(doc: Doc, span: tuple[int, int]) -> bool:
    """A noun phrase that holds a person's name, by the recognizer or else by its tags."""
    tokens = doc[span[0] : span[1]]
    if any(t.ent_type_ for t in doc):
        return any(t.ent_type_ in PERSON_LABELS for t in tokens)
    return sum(t.pos_ == "PROPN" for t in tokens) >= 2


def _named_half_of_apposition(
    doc: Doc, cue: Token, parsed: tuple[int, int], profile: LanguageProfile
) -> tuple[int, int]:
    """'Kees Smit, de voorzitter van de bond, zei' and 'De voorzitter, Kees Smit, zei': of a
    subject and its apposition right before the verb, the half that names the person."""
    finite = finite_verb(doc, cue, profile)
    if finite.i == 0 or doc[finite.i - 1].text != "," or _names_a_person(doc, parsed):
        return parsed
    for half in (
        apposition_before(doc, finite.i - 1, profile),
        subject_before_apposition(doc, cue, profile),
    ):
        if half is not None and half != parsed and _names_a_person(doc, half):
            return half
    return parsed


def _past_according_to(doc: Doc, i: int, profile: LanguageProfile) -> int:
    """Where the subject of an inverted frame starts: after a 'volgens X' phrase that stands
    between the verb and it (",,…'', riep volgens ooggetuigen een demonstrant")."""
    words = phrase_at(doc, i, profile.according_to)
    if words is None:
        return i
    # the phrase's own noun phrase ends where the next article starts the subject
    for k in range(i + len(words) + 1, len(doc)):
        if doc[k].is_punct:
            break
        if doc[k].lower_ in profile.determiners or doc[k].lower_ in profile.indefinite_articles:
            return k
    return i


MAX_CLOSING_SUBJECT = 4


def _words_closing_the_sentence(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """'…, zeggen getuigen.': a few words between an inverted cue and the sentence end are its
    subject, whatever the tagger calls them (a plural noun that is also a verb form)."""
    end = cue.i + 1
    while end < len(doc) and not doc[end].is_punct:
        end += 1
    if end == cue.i + 1 or end - cue.i - 1 > MAX_CLOSING_SUBJECT:
        return None
    if any(not t.is_punct for t in doc[end:]):
        return None
    return (cue.i + 1, end)


def subject_of_governor(cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """'..., saying that ...': the subject of the verb the participle clause hangs on."""
    head = cue
    for _ in range(3):
        if head.head is head or head.dep_ not in (
            "advcl",
            "xcomp",
            "conj",
            "acl",
            "ccomp",
            "parataxis",
        ):
            return None
        head = head.head
        subject = _subject_before(head, cue)
        if subject is not None:
            return _named_span(subject, profile)
    return None


def main_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The subject of the sentence's main verb, when it precedes a cue that has none of its own."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root is cue:
        return None
    subject = _subject_before(root, cue)
    return _named_span(subject, profile) if subject is not None else None


def names_someone(doc: Doc, source: tuple[int, int] | None, profile: LanguageProfile) -> bool:
    """Whether a noun phrase names someone, as the subject of a counting verb must ("De
    wachtlijst telt 300 namen" counts nobody's figure): a name, a person pronoun, or a noun
    for an organisation (also a kind of one, `org_types.tsv`), a group or a role ("De
    inspectie telde", "Het ziekenhuis telt", "Inspectors counted")."""
    if source is None:
        return False
    toks = tokens_of(doc)[source[0] : source[1]]
    if any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > 0 for t in toks):
        return True
    head = toks[-1].lower_
    nouns = profile.organization_words | profile.group_words | profile.role_nouns
    return (
        head in nouns
        or head in profile.person_pronouns
        or profile.compound_nouns
        and any(head.endswith(noun) and len(noun) >= NAMING_COMPOUND_HEAD for noun in nouns)
        # a noun for a kind of organisation ("Het ziekenhuis telt", "The trust counts")
        or description_kind(head, profile.compound_nouns) is not None
    )


def up_to_first_noun(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A noun phrase cut after its first common noun ('de bouwer' of 'de bouwer twee gemiste
    keuringen', 'Die brief' of 'Die brief van de provincie'): the words that say who or
    what it is; a phrase of names only is kept whole."""
    if span is None:
        return None
    noun = next((t.i for t in doc[span[0] : span[1]] if t.pos_ == "NOUN" and t.is_lower), None)
    return (span[0], noun + 1) if noun is not None else span


def own_account_holder(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """Whose own account 'naar eigen zeggen' reports: the sentence's subject, or, when that
    subject is a thing ('De nederlaag was voor trainer Piet Kuipers naar eigen zeggen een
    grote klap'), the first person named before the phrase, or else, where the subject may
    follow the verb, someone named right before or after the finite verb ('Die brief heeft
    het waterschap naar eigen zeggen nooit ontvangen': the letter is the fronted object)."""
    subject = main_subject(doc, cue, profile)
    if subject is None:
        return _named_beside_finite_verb(doc, cue, profile)
    head = max(doc[subject[0] : subject[1]], key=lambda t: t.pos_ in ("NOUN", "PROPN", "PRON"))
    if (
        head.pos_ != "NOUN"
        or head.text[:1].isupper()
        or head.lower_ in profile.role_nouns
        # "Het waterschap heeft … naar eigen zeggen"
        or names_someone(doc, up_to_first_noun(doc, subject), profile)
    ):
        return subject
    for tok in doc[subject[1] : cue.i]:
        if tok.pos_ == "PROPN" and tok.ent_type_ in PERSON_LABELS:
            end = tok.i + 1
            while end < cue.i and (
                doc[end].ent_iob_ == "I"
                or doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                or doc[end].lower_ in profile.name_particles
                and end + 1 < cue.i
                and doc[end + 1].text[:1].isupper()
            ):
                end += 1
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in profile.name_particles:
                start -= 1
            return (start, end)
    return _named_beside_finite_verb(doc, cue, profile)


def _named_beside_finite_verb(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """Where the subject may follow the verb, whichever of the noun phrases around the
    finite verb in second place names someone, the one before it first ('Het waterschap
    heeft die brief …', 'Die brief heeft het waterschap …', both before `cue`); else None."""
    if not profile.subject_may_follow_verb:
        return None
    for tok in doc[1 : cue.i]:
        if tok.is_punct:
            return None
        if tok.pos_ in ("VERB", "AUX") and has_morph(tok, "VerbForm", "Fin"):
            before = np_left(doc, tok.i, profile)
            after = np_right(doc, tok.i + 1, profile)
            for np in (before if before and before[0] == 0 else None, after):
                if (
                    np is not None
                    and np[1] <= cue.i
                    and names_someone(doc, up_to_first_noun(doc, np), profile)
                ):
                    return np
            return None
    return None


def _subject_before(verb: Token, cue: Token) -> Token | None:
    """The first nominal subject of `verb` that stands before `cue`."""
    for child in children_of(verb):
        if (
            child.dep_ in SUBJECT_DEPS
            and child.pos_ in ("NOUN", "PROPN", "PRON")
            and child.i < cue.i
        ):
            return child
    return None


def _named_span(subject: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The subject's span, or None for impersonal and demonstrative subjects ('het', 'dat')."""
    if subject.lower_ in profile.impersonal_subjects or subject.lower_ in profile.demonstratives:
        return None
    return subtree_span(subject)


def subject_of_previous_verb(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'Reid mocked Romney ..., claiming that ...': the subject of the nearest finite verb before."""
    for j in range(cue.i - 1, -1, -1):
        tok = doc[j]
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.text[:1].islower()
            and not is_present_participle(tok, profile)
        ):
            np = np_left(doc, j, profile)
            if np is not None and doc[np[0]].lower_ not in profile.complementizers:
                return np
    return None


def np_at_start(doc: Doc, profile: LanguageProfile) -> tuple[int, int] | None:
    """The sentence's opening noun phrase when a verb follows it ('Trump is defending ..., saying')."""
    np = np_right(doc, 0, profile)
    if np and np[0] == 0 and np[1] < len(doc) and doc[np[1]].pos_ in ("VERB", "AUX"):
        return np
    return None


def is_present_participle(token: Token, profile: LanguageProfile) -> bool:
    """'saying', 'zeggend': a participle clause that borrows its subject from the main clause."""
    return len(token) > 5 and token.lower_.endswith(profile.present_participle_suffix)


def is_inverted(doc: Doc, cue: Token, profile: LanguageProfile) -> bool:
    """'..., meldt X', '„...”, zei hij', '..., X said'."""
    if is_present_participle(cue, profile):
        return False  # '..., saying that ...' is a participle clause, not an inversion
    finite = finite_verb(doc, cue, profile)
    prev = finite.i - 1
    if prev < 0:
        return False
    if doc[prev].text == "," and apposition_before(doc, prev, profile) is not None:
        return False
    if doc[prev].text == "," and is_interruption(doc, prev, profile):
        return False
    return (
        doc[prev].text in (",", "”", "''", '"', "’")
        or doc[prev].lower_ in profile.inversion_adverbs
    )


def is_interruption(doc: Doc, comma: int, profile: LanguageProfile) -> bool:
    """'Cox, who runs the lobby, says' / 'Lewandowski, Trump's manager, said': the part
    before the comma interrupts the subject and its verb instead of being the content."""
    start = comma - 1
    while start >= 0 and doc[start].text != ",":
        if (doc[start].text in QUOTE_CLOSERS and not is_possessive_mark(doc[start])) or doc[
            start
        ].text in ("„", "“", ",,"):
            return False  # a quotation before the comma is the content
        start -= 1
    if start < 1:
        return False  # no opening comma: the whole start of the sentence is the content
    segment = doc[start + 1 : comma]
    if not len(segment):
        return False
    if segment[0].lower_ in profile.relative_pronouns:
        return True
    verbs = [t for t in segment if t.pos_ in ("VERB", "AUX")]
    if _described_by_relative_clause(doc, start, segment, profile):
        return True
    # "X, in 1996 opgericht in Wenen, wil …": a participle without an auxiliary
    # describes the subject, as a relative clause would
    return all(t.pos_ == "VERB" and is_participle(t, profile) for t in verbs)


def _described_by_relative_clause(
    doc: Doc, opening: int, segment, profile: LanguageProfile
) -> bool:
    """'Kustwacht Noord, de dienst die de reddingen leidt, houdt het op …': between the
    commas an article, a noun and a relative clause on it (opened by a relative pronoun or
    one of `relative_openers.txt`: 'de vakbond waarbij …'), every verb of the segment in
    that clause, and no verb before the opening comma (the words before it are a name, not
    a clause that the verb after the segment reports, as in "Er komt een brug, de brug
    die de stad wil, meldt de gemeente")."""
    if segment[0].lower_ not in profile.determiners or segment[0].lower_ in (
        profile.demonstrative_determiners
    ):
        return False
    relative = next(
        (
            k
            for k, t in enumerate(segment)
            if k > 1
            and (
                t.lower_ in profile.relative_pronouns
                # "de vakbond waarbij veel verzorgenden zijn aangesloten"
                or phrase_at(doc, t.i, profile.relative_openers)
            )
            and segment[k - 1].pos_ == "NOUN"
        ),
        None,
    )
    if relative is None:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in segment[:relative]):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[:opening])


def apposition_before(doc: Doc, comma: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """'The chairman, Phil Lovas, said': the noun phrase between two commas right before the verb."""
    np = np_left(doc, comma, profile)
    if np is None or np[0] == 0 or doc[np[0] - 1].text != ",":
        return None
    if not any(t.text[:1].isupper() or t.lower_ in profile.role_nouns for t in doc[np[0] : np[1]]):
        return None
    return np


def trailing_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """', Smith said.' - the subject sits between a comma and the cue at the clause end."""
    np = np_left(doc, cue.i, profile)
    if not (np and np[0] > 0 and doc[np[0] - 1].text in (",", "”", '"', "''")):
        return None
    if doc[np[0] - 1].text == "," and (
        not any(t.pos_ in ("VERB", "AUX") for t in doc[: np[0]])
        or phrase_at(doc, 0, profile.according_to)
    ):
        return None  # "According to Reuters, Putin said …", "In a statement, X said …"
    return np
