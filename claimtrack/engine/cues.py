"""Find attribution frames in one parsed sentence: cue, source tokens, content span.

A frame is what a single cue contributes: "X zegt dat ...", "..., meldt X",
"volgens X", "kritiek van X", "X: ...". Reporting verbs are found here;
other cue types live in marker_cues, subjects in speakers, phrase edges in
phrases. Resolving the source to a name and linking frames across sentences
happens elsewhere (sources, chains).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimtrack.engine.figure_cues import (
    figure_content,
    figure_partner,
    figure_source,
    quantity_as_subject,
)
from claimtrack.engine.frame import Frame
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.marker_cues import (
    according_to_frames,
    colon_frames,
    colon_quote_frames,
    dash_frames,
    document_frames,
    nominal_frames,
)
from claimtrack.engine.phrases import (
    LEARNED_CUE_THRESHOLD,
    clause_end,
    content_after,
    np_left,
    np_right,
    parse_content,
)
from claimtrack.engine.speakers import (
    finite_verb,
    is_inverted,
    is_participle,
    is_present_participle,
    is_time_phrase,
    main_subject,
    names_someone,
    np_at_start,
    own_account_holder,
    parse_subject,
    relative_subject,
    source_of_verb,
    subject_of_governor,
    subject_of_previous_verb,
    trailing_subject,
    up_to_first_noun,
)
from claimtrack.engine.tokens import (
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    VERB_POS,
    children_of,
    counting_verb_by_word_order,
    has_morph,
    has_parse,
    is_known_verb_form,
    is_possessive_mark,
    lemma,
    long_words_capitalised,
    lower_words,
    mistagged_verb,
    per_doc,
    phrase_at,
    reporting_verb_by_word_order,
    separable_lemma,
    tokens_of,
    verb_after_opening_phrase,
    verb_parsed_as_noun,
)

LEARNED_CLAUSE_THRESHOLD = 0.25
STRONG_LEARNED_CUE = 0.8  # forms this reliable are cues even when the tagger calls them nouns
MODEL_VETO = 0.15  # below this the cue model overrules the verb lists (chosen on the train slice)
# tags _may_be_verb turns down whatever the word: none passes any of its tests for a verb
# (a mistagged one is read as a NOUN, ADJ, ADP, ADV or CCONJ), and the last rejects them
NEVER_VERB_POS = frozenset({"DET", "PRON", "NUM", "SCONJ"})
# words after a verb its companion may close the clause at ("geeft … de schuld")
COMPANION_REACH = 14
MAX_CLAUSE_DEPTH = 6  # parse links walked up from a verb to the reporting verb above it
# tags it lets through only before a complementizer ("De bank schat dat …" with 'schat'
# mistagged ADP): the last of its tests rejects them whatever else holds
CLAUSE_ONLY_POS = frozenset({"ADP", "CCONJ"})


def _phrasal_partner(doc: Doc, verb: Token, profile: LanguageProfile) -> Token | None:
    toks, words = tokens_of(doc), lower_words(doc)
    v = lemma(verb, profile)
    for partner in profile.phrasal_partners.get(v, ()):
        phrase = tuple(partner.split())
        if len(phrase) > 1:  # "wijst de kritiek van de hand": the phrase's first word
            found = _phrase_near(doc, verb, phrase, profile)
            if found is not None:
                return found
            continue
        split = _preposition_apart(doc, verb, partner, profile)
        if split is not None:
            return split
        for i in range(max(0, verb.i - 8), min(len(words), verb.i + 9)):
            if words[i] != partner or i == verb.i:
                continue
            tok = toks[i]
            if (
                # a verb the tagger took for another word has no objects in the parse:
                # the preposition after it counts ("De bewoners wijten de overlast aan")
                _governs_object_of(tok, verb) or verb.pos_ not in VERB_POS and i > verb.i
                if (v, partner) in profile.prepositional_cues
                else not _opens_phrase(tok, profile)
            ):
                return tok
        far = _companion_closing_clause(doc, verb, partner, profile)
        if far is not None:
            return far
    return None


def _companion_closing_clause(
    doc: Doc, verb: Token, partner: str, profile: LanguageProfile
) -> Token | None:
    """'Het bedrijf geeft de bemanning van de veerboot van de concurrent de schuld': where a
    verb's companion closes its clause (`companion_closes_clause`), a companion word that
    is no particle or preposition ('schuld', 'verantwoordelijk') may stand past a long
    object, in the same clause (no punctuation or complementizer between)."""
    if (
        not profile.companion_closes_clause
        or partner in profile.separable_particles
        or (lemma(verb, profile), partner) in profile.prepositional_cues
    ):
        return None
    toks, words = tokens_of(doc), lower_words(doc)
    for k in range(verb.i + 1, min(len(toks), verb.i + 1 + COMPANION_REACH)):
        if toks[k].is_punct or words[k] in profile.complementizers:
            return None
        if words[k] == partner:
            return toks[k]
    return None


def _phrase_near(
    doc: Doc, verb: Token, phrase: tuple[str, ...], profile: LanguageProfile
) -> Token | None:
    """The first word of a companion phrase of several words in the verb's own clause, after
    it ("wijst de kritiek van de hand", "put the delay down to") or, where the verb closes a
    subordinate clause, before it ("dat hij het van de hand wijst")."""
    toks, words = tokens_of(doc), lower_words(doc)
    for step in (1, -1):
        k = verb.i + step
        while 0 <= k < len(toks) and abs(k - verb.i) <= 8:
            if toks[k].is_punct or words[k] in profile.complementizers and k != verb.i + 1:
                break
            if words[k : k + len(phrase)] == phrase:
                return toks[k]
            k += step
    return None


def _preposition_apart(
    doc: Doc, verb: Token, partner: str, profile: LanguageProfile
) -> Token | None:
    """'rekent er echt op dat …', 'wijst daar ook op': the preposition of a listed cue
    ('rekenen erop', 'wijzen op') after the verb, with a pronominal adverb between them
    standing for its object."""
    toks = tokens_of(doc)
    r_pronoun = next((r for r in profile.r_pronouns if partner.startswith(r)), None)
    prep = partner[len(r_pronoun) :] if r_pronoun else partner
    if not prep:
        return None
    seen_r = False
    for tok in toks[verb.i + 1 : verb.i + 8]:
        if tok.is_punct or tok.lower_ in profile.complementizers:
            return None
        if tok.lower_ in profile.r_pronouns:
            seen_r = True
        elif tok.lower_ == prep and seen_r:
            return tok
    return None


def _side_of_subject(
    doc: Doc, cue: Token, source: tuple[int, int], inverted: bool
) -> tuple[int, int] | None:
    """A source span that runs over its own cue ("(1953) schreef hij") cut to one side of it:
    the side with a subject in the parse (the side the frame's word order puts it on
    first), else that side."""
    toks = tokens_of(doc)
    before = (source[0], cue.i) if cue.i > source[0] else None
    after = (cue.i + 1, source[1]) if source[1] > cue.i + 1 else None
    for side in (after, before) if inverted else (before, after):
        if side is not None and any(t.dep_.startswith("nsubj") for t in toks[side[0] : side[1]]):
            return side
    return after if inverted else before


def _object_taken_for_complementizer(word: Token, cue: Token, profile: LanguageProfile) -> bool:
    """'heeft dat tegenover de pers gemeld' parsed with 'dat' as the complementizer of the cue
    verb itself: a clause opened by 'dat' needs a subject of its own, so without one
    between them 'dat' is the object pointing back."""
    if not (word.lower_ in profile.demonstratives and word.dep_ == "mark" and word.i < cue.i):
        return False
    toks = tokens_of(word.doc)
    return not any(
        t.dep_.startswith("nsubj") and t.head.i == cue.i for t in toks[word.i + 1 : cue.i]
    )


def _governs_object_of(prep: Token, verb: Token) -> bool:
    """'vraagt het kabinet om opheldering': the preposition heads an object of the verb
    itself, not an 'om … te' clause or a phrase of another word. Without a parse, any
    preposition near the verb counts."""
    if not has_parse(prep.doc):
        return True
    if prep.dep_ != "case" and not (prep.dep_ == "mark" and prep.head.pos_ == "NOUN"):
        return False  # "om … te vragen": 'om' opens an infinitive clause
    node = prep.head
    for _ in range(3):  # a parse may hang the preposition on an adjective of its noun
        if node.head.i == verb.i and node.i != verb.i:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _opens_phrase(tok: Token, profile: LanguageProfile) -> bool:
    """A particle word followed by a noun phrase is a preposition there, no particle
    ('geeft de voorkeur aan een sporthal', 'meldt op basis van')."""
    doc = tok.doc
    toks = tokens_of(doc)
    nxt = toks[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.lower_ in profile.separable_particles
        and nxt is not None
        and nxt.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ")
        # "roept de regering op de wet in te trekken": the particle before its te-clause
        and not any(t.lower_ == profile.infinitive_marker for t in toks[tok.i + 1 : tok.i + 7])
    )


def _separable_particle(verb: Token, profile: LanguageProfile) -> str | None:
    """The separable particle the parser attaches to a verb ("gaf … aan" -> 'aan'), if any."""
    for child in children_of(verb):
        if child.dep_ == "compound:prt" and child.lower_ in profile.separable_particles:
            if _opens_phrase(child, profile):
                continue  # "meldt op basis van …": a preposition opening a phrase, no particle
            return child.lower_
    return None


def _wanted(verb: Token, profile: LanguageProfile) -> bool:
    """A verb governed by a verb of wanting, as its auxiliary or as its head ('wil weten',
    'wants to know')."""
    governors = [c for c in children_of(verb) if c.dep_ == "aux"]
    if verb.dep_ == "xcomp":
        governors.append(verb.head)
    return any(lemma(g, profile) in profile.wanting_verbs for g in governors)


def _stray_particle(doc: Doc, verb: Token, profile: LanguageProfile) -> str | None:
    """'spoorde hem aan toch door te gaan' with 'aan' hung on 'gaan': a particle soon after an
    unlisted verb that it makes a listed cue with, though the parse gives it to another verb."""
    toks = tokens_of(doc)
    for tok in toks[verb.i + 1 : verb.i + 6]:
        if tok.is_punct or tok.lower_ in profile.complementizers:
            return None
        if (
            tok.dep_ == "compound:prt"
            and tok.head.i != verb.i
            and tok.lower_ in profile.separable_particles
            and separable_lemma(verb, tok.lower_, profile) in profile.known_verbs
        ):
            return tok.lower_
    return None


def _checked_source(
    doc: Doc,
    cue: Token,
    source: tuple[int, int] | None,
    partner: Token | None,
    inverted: bool,
    profile: LanguageProfile,
) -> tuple[int, int] | None:
    """Correct a source the word order rules out.

    - "Steevast klaagt hij": with a nominative pronoun right after the finite verb, what
      stands before the verb is no subject.
    - "Zij wisten te melden dat de club …": a source past the clause's 'dat' is none.
    - "maakte het stadsbestuur bekend": a phrasal cue's partner ends the source.
    - "naar eigen zeggen": the speaker is the sentence's subject (or a person named in it).
    """
    toks = tokens_of(doc)
    if _after_own_account_phrase(doc, cue, profile):
        return own_account_holder(doc, cue, profile)
    if source is None:
        return None
    start, end = source
    if (
        not inverted
        and end <= cue.i
        and cue.i + 1 < len(doc)
        and toks[cue.i + 1].lower_ in profile.nominative_pronouns
        and toks[cue.i + 1].dep_ in ("nsubj", "nsubj:pass")  # "liet ze weten": an object
    ):
        return (cue.i + 1, cue.i + 2)
    if (
        not inverted
        and start > cue.i
        and any(t.lower_ in profile.complementizers for t in toks[cue.i + 1 : start + 1])
    ):
        return subject_of_governor(cue, profile) or main_subject(doc, cue, profile)
    if partner is not None and start < partner.i < end:
        return (start, partner.i)
    while end > start + 1 and toks[end - 1].lower_ in profile.conjunctions | profile.determiners:
        end -= 1  # "De gemeente en de provincie vinden": at least the first of them
    return (start, end)


def _after_own_account_phrase(doc: Doc, cue: Token, profile: LanguageProfile) -> bool:
    """'naar eigen zeggen': the cue word closes a phrase of `own_account_phrases.txt`."""
    toks = tokens_of(doc)
    return any(
        tuple(t.lower_ for t in toks[max(0, cue.i - len(p)) : cue.i]) == p
        for p in profile.own_account_phrases
    )


def _without_partner(doc: Doc, content: tuple[int, int], partner: Token) -> tuple[int, int] | None:
    """Content that starts with a phrasal cue's own partner ('laten weten in een brief') keeps
    only what follows it, and only when that holds a clause; otherwise there is none."""
    toks = tokens_of(doc)
    start, end = content
    if not start <= partner.i < end or any(
        t.i < partner.i and not t.is_punct for t in toks[start:end]
    ):
        return content
    rest = toks[partner.i + 1 : end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return (partner.i + 1, end)


def _states_its_own_claim(doc: Doc, content: tuple[int, int], profile: LanguageProfile) -> bool:
    """Content that is a claim in its own right: after a colon, quoted, or opened by 'dat'."""
    toks = tokens_of(doc)
    start, end = content
    before = toks[start - 1] if start > 0 else None
    words = toks[start:end]
    return (
        before is not None
        and before.text == ":"
        or any(t.text in QUOTE_CLOSERS or t.text in QUOTE_OPENERS for t in words)
        or len(words) > 0
        and words[0].lower_ in profile.complementizers
    )


def _opens_with_fronted_object(doc: Doc, cue: Token, profile: LanguageProfile) -> bool:
    """'Dat laat de minister in een brief weten': a demonstrative, then the finite verb of the
    main clause (verb second), so the demonstrative is the fronted object the cue reports
    (whatever the tagger calls 'Dat')."""
    toks = tokens_of(doc)
    if len(doc) < 3 or toks[0].lower_ not in profile.demonstratives:
        return False
    if toks[1].pos_ not in ("VERB", "AUX") or toks[1].i > cue.i:
        return False
    return not any(t.text in (",", ";", ":") or t.pos_ == "SCONJ" for t in toks[2 : cue.i])


def _inside_fixed_phrase(doc: Doc, tok: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `tok` is one of the words of a listed phrase standing in the sentence."""
    words, i = lower_words(doc), tok.i
    for phrase in phrases:
        if words[i] not in phrase:
            continue  # a phrase standing over `tok` has its word
        n = len(phrase)
        for start in range(max(0, i - n + 1), i + 1):
            if words[start : start + n] == phrase:
                return True
    return False


def _contradicted(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """'Contrary to what the council has suggested, every weld was tested', 'Anders dan de
    gemeente beweert, …': a cue in a clause opened by a listed phrase reports a claim that
    the rest of the sentence denies; it makes no claim of its own there."""
    if not profile.contradicted_openers:
        return False
    words, toks = lower_words(doc), tokens_of(doc)
    start = tok.i
    while start > 0 and not toks[start - 1].is_punct:
        start -= 1
    end = tok.i + 1
    while end < len(toks) and not toks[end].is_punct:
        end += 1
    if end >= len(toks) or toks[end].text != ",":
        return False  # the clause must give way to the main clause it is contrasted with
    if any(w in profile.complementizers for w in words[tok.i + 1 : end]):
        return False  # "Anders dan vorig jaar zegt de minister dat …": a report of its own
    clause = words[start : tok.i]
    return any(
        clause[k : k + len(phrase)] == phrase
        for phrase in profile.contradicted_openers
        for k in range(len(clause) - len(phrase) + 1)
    )


def _is_title_case(doc: Doc) -> bool:
    words, capitalised = long_words_capitalised(doc)
    return words >= 3 and capitalised >= 0.8 * words


def _may_be_verb(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """Trust the tagger's VERB, but let a listed verb form through a doubtful noun/adjective tag
    unless it sits inside a noun phrase ('the United States', 'his claims')."""
    pos = tok.pos_
    if pos in NEVER_VERB_POS:
        return False
    i = tok.i
    if pos in CLAUSE_ONLY_POS and not (
        0 < i < len(doc) - 1 and lower_words(doc)[i + 1] in profile.complementizers
    ):
        return False
    toks = tokens_of(doc)
    before = toks[i - 1] if i > 0 else None
    if before is not None and (
        before.lower_ in profile.determiners
        and before.pos_ != "PRON"  # "Dat zei hij": a pronoun, not an article
        and not (tok.i == 1 and pos == "VERB" and _opens_with_fronted_object(doc, tok, profile))
        or before.text in ("'s", "’s")
    ):
        return False  # "the report", "Trump's tweets"
    if (
        tok.i == 0
        and len(doc) > 1
        and toks[1].pos_ == "NOUN"
        and toks[1].is_lower
        and is_participle(tok, profile)
    ):
        return False  # "Erkende clubs krijgen …": a participle used as an adjective
    if (
        before is not None
        and tok.text[:1].isupper()
        and not before.is_punct
        and not _is_title_case(doc)
    ):
        return False  # "United States"
    if pos in ("VERB", "AUX", "") or _is_predicate_adjective(tok):
        return True
    if (
        verb_parsed_as_noun(tok, profile)
        or verb_after_opening_phrase(tok, profile)
        or reporting_verb_by_word_order(tok, profile)
        or counting_verb_by_word_order(tok, profile)
    ):
        return True
    known = is_known_verb_form(tok, profile)
    if (
        before is not None
        and (pos in ("ADP", "CCONJ", "ADJ", "ADV") or mistagged_verb(tok, profile))
        and known
        and any(t.lower_ in profile.complementizers for t in toks[tok.i + 1 : tok.i + 2])
        and not (before.pos_ in ("DET", "ADJ", "NUM", "NOUN") or before.dep_ == "nmod:poss")
    ):
        return True  # "De bank schat dat …" with 'schat' mistagged: the clause settles it
    if (
        pos == "NOUN"
        and tok.is_lower
        and tok.i > 1
        and before.text == ","
        and toks[tok.i - 2].text in QUOTE_CLOSERS
        and known
    ):
        return True  # ",,…'', vreest de burgemeester": the verb after a quotation, mistagged
    strong = profile.learned_cues.get(tok.lower_, 0.0) >= STRONG_LEARNED_CUE
    if pos in ("DET", "ADP", "PRON", "NUM", "CCONJ", "SCONJ") or not known and not strong:
        return False
    if tok.i == 0:
        return False
    if strong or any(
        t.lower_ in profile.complementizers or t.text == ":" for t in toks[tok.i + 1 : tok.i + 3]
    ):
        return True  # "Engineers fear that ...": the clause settles it
    return not (before.pos_ in ("DET", "ADJ", "NUM", "NOUN") or before.dep_ == "nmod:poss")


def _negated_or_refused(tok: Token, profile: LanguageProfile) -> bool:
    """A reporting verb with a negation of its own, or governed by a verb of refusal."""
    if any(c.lower_ in profile.negations and c.dep_ == "advmod" for c in children_of(tok)):
        return True
    doc = tok.doc
    toks = tokens_of(doc)
    if (
        tok.i + 2 < len(doc)
        and toks[tok.i + 1].lower_ in profile.negations
        and toks[tok.i + 2].pos_ in ("SCONJ", "PRON")
    ):
        return True  # "zei niet wat …" where a parse hangs 'niet' in the clause after it
    if any(c.lower_ in profile.negative_objects and c.dep_ == "obj" for c in children_of(tok)):
        return True  # "kan nog niets zeggen over de toedracht"
    head = tok.head
    return (
        head is not tok
        and tok.dep_ in ("xcomp", "ccomp")
        and lemma(head, profile) in profile.refusal_verbs
    )


def _opens_clause(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """An opinion verb followed by its clause: 'denkt dat', 'vindt het goed dat', 'believes:'."""
    toks = tokens_of(doc)
    for t in toks[tok.i + 1 : tok.i + 8]:
        if t.lower_ in profile.complementizers or t.text in (":", "„", "“", ",,", '"'):
            return True
        if (
            t.pos_ in ("ADV", "PRON", "DET", "ADJ")
            or t.pos_ in ("ADP", "NOUN", "PROPN")
            and t.i < tok.i + 5  # "stelt in een brief dat"
            or t.lower_ in profile.clause_bridges
            or t.dep_ == "compound:prt"  # "vroeg zich af of"
            or t.lower_ in profile.time_words  # "weet nu al dat"
            or t.text == ","
        ):
            continue
        return False
    return False


def _is_predicate_adjective(tok: Token) -> bool:
    """'X is worried that ...', 'X is eager to ...': an adjective that has its own subject."""
    return (
        tok.pos_ == "ADJ"
        and any(c.dep_.startswith("nsubj") for c in children_of(tok))
        # "X staat bekend als …": no copula, no predicate of a report
        and any(c.dep_ in ("cop", "aux", "aux:pass") for c in children_of(tok))
    )


def _determines_noun(tok: Token) -> bool:
    """'each' in 'said each year ...' opens the reported clause; 'each other' stays an object."""
    doc = tok.doc
    toks = tokens_of(doc)
    return tok.dep_ == "det" and tok.i + 1 < len(doc) and toks[tok.i + 1].pos_ in ("NOUN", "PROPN")


def _learned_precision(
    tok: Token, profile: LanguageProfile, cue_score: Callable[[Token], float] | None
) -> float:
    """How likely this verb or predicate adjective is a cue: the trained model's estimate
    for this occurrence where there is a model, else how often the form was a cue."""
    if tok.pos_ != "VERB" and not _is_predicate_adjective(tok):
        return 0.0
    if cue_score is not None:
        return cue_score(tok)
    return profile.learned_cues.get(tok.lower_, 0.0)


def _inside_markup(doc: Doc, tok: Token) -> bool:
    """A word inside an embedded tag ('<tweet author="...">') names the tag, it is not a cue."""
    texts = _markup_texts(doc)
    if texts is None:
        return False
    for k in range(tok.i - 1, -1, -1):
        if ">" in texts[k]:
            return False
        if texts[k].startswith("<"):
            return True
    return False


@per_doc
def _markup_texts(doc: Doc) -> tuple[str, ...] | None:
    """The token texts of a sentence with a word that opens a tag, else None."""
    if not any(word.startswith("<") for word in lower_words(doc)):
        return None  # (the lowercased words are read once per sentence anyway)
    texts = tuple(t.text for t in tokens_of(doc))
    return texts if any(text.startswith("<") for text in texts) else None


def _learned_pair(doc: Doc, tok: Token, profile: LanguageProfile) -> float:
    """Precision of the learned two-word cue that starts with this verb ('talks about')."""
    if tok.pos_ != "VERB" or tok.i + 1 >= len(doc):
        return 0.0
    toks = tokens_of(doc)
    return profile.learned_cues.get(f"{tok.lower_} {toks[tok.i + 1].lower_}", 0.0)


def _is_reduced_relative(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """'a programme called X', 'remarks made by': a participle describing the noun before it."""
    if tok.i == 0 or not is_participle(tok, profile) or not has_morph(tok, "Tense", "Past"):
        return False
    toks = tokens_of(doc)
    prev = toks[tok.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.text[:1].isupper():
        return False
    if not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in toks):
        return False  # "The council blamed contractors for …": the sentence's only verb is its main one
    return not any(
        t.lower_ in profile.complementizers or t.text == ":" for t in toks[tok.i + 1 : tok.i + 3]
    )


def _owner_of_records(
    doc: Doc, source: tuple[int, int] | None, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'The agency's records put the call at 21:14', 'Its logs show …': records someone owns
    (`source_documents.txt`) speak for their owner, named before the possessive mark or by
    the possessive pronoun (`possessive_pronouns.txt`)."""
    if source is None:
        return None
    toks = tokens_of(doc)
    start, end = source
    head = toks[end - 1]
    if not {head.lower_, head.lemma_.lower()} & profile.source_documents:
        return source
    k = start
    while k > 0 and toks[k - 1].pos_ == "ADJ" and toks[k - 1].text.islower():
        k -= 1  # "the agency's own records"
    for j in range(k - 1, end - 1):
        if j < 0:
            continue
        if toks[j].lower_ in profile.possessive_pronouns:
            return (j, j + 1)
        if toks[j].text in ("'s", "’s") or is_possessive_mark(toks[j]):
            owner = np_left(doc, j, profile)
            if owner is not None:
                return owner
    return source


def _figure_without_object(doc: Doc, verb: Token, prep: Token) -> bool:
    """'komt op driehonderd klanten': a figure verb with its preposition after it and no
    object between them says what something comes to, which is someone's figure only where
    the subject names someone; one with an object ("put the number at 14") is an estimate."""
    between = tokens_of(doc)[verb.i + 1 : prep.i]
    return prep.i > verb.i and not any(t.pos_ in ("NOUN", "PROPN", "PRON", "DET") for t in between)


def verb_frames(
    doc: Doc, profile: LanguageProfile, cue_score: Callable[[Token], float] | None = None
) -> list[Frame]:
    """Frames introduced by reporting and opinion verbs.

    `cue_score` gives the cue model's estimate for a token, where the language has a model.
    """
    toks = tokens_of(doc)
    frames = []
    # companions of phrasal cues are no cues of their own, wherever they stand
    # ("duidelijk had gemaakt": 'duidelijk' belongs to 'maken', read before it)
    verbs = [
        not tok.is_punct and not tok.is_space and _may_be_verb(doc, tok, profile) for tok in toks
    ]
    phrasal = {tok.i: _phrasal_partner(doc, tok, profile) for tok in toks if verbs[tok.i]}
    figure_of = {i: figure_partner(doc, toks[i], profile) for i, p in phrasal.items() if p is None}
    partner_of = {i: partner or figure_of.get(i) for i, partner in phrasal.items()}
    partners: set[int] = {partner.i for partner in partner_of.values() if partner is not None}
    for tok in toks:
        if not verbs[tok.i] or tok.i in partners:
            continue
        if phrase_at(doc, tok.i, profile.according_to):
            continue
        if _inside_fixed_phrase(doc, tok, profile.non_cue_phrases):
            continue  # "dat wil zeggen": a connective, no report
        if _contradicted(doc, tok, profile):
            continue  # "Anders dan de gemeente beweert, is …": the claim is denied, not stated
        if tok.i > 0 and (toks[tok.i - 1].text in ("-", "–") or "-" in tok.text):
            continue  # "so-called", "long-announced": part of a compound adjective
        if _is_reduced_relative(doc, tok, profile) or _inside_markup(doc, tok):
            continue
        lem = lemma(tok, profile)
        partner = partner_of[tok.i]
        particle = _separable_particle(tok, profile) if partner is None else None
        if particle is None and partner is None and lem not in profile.known_verbs:
            particle = _stray_particle(doc, tok, profile)
        if particle is not None and not lem.startswith(particle):
            whole = separable_lemma(tok, particle, profile)
            if whole not in profile.speech_verbs and whole not in profile.opinion_verbs:
                continue  # "stelde het besluit uit": uitstellen, another verb than stellen
            lem = whole
        learned = _learned_precision(tok, profile, cue_score)
        pair = _learned_pair(doc, tok, profile)
        if pair > max(learned, LEARNED_CUE_THRESHOLD) and partner is None:
            learned, partner = pair, toks[tok.i + 1]  # "talks about", "points to"
        if LEARNED_CLAUSE_THRESHOLD <= learned < LEARNED_CUE_THRESHOLD and content_after(
            doc, tok, profile, limit=3
        ):
            learned = (
                LEARNED_CUE_THRESHOLD  # a weaker cue word followed by 'that ...' is still a report
            )
        next_to_quote = tok.i > 1 and (
            toks[tok.i - 1].text == ","
            and toks[tok.i - 2].text in QUOTE_CLOSERS
            # ",,Waarom niet?'' riep hij": no comma after a question or an exclamation
            or toks[tok.i - 1].text in QUOTE_CLOSERS
            and toks[tok.i - 2].text in ("?", "!")
        )
        speech = (
            lem in profile.speech_verbs
            or lem in profile.joined_phrasal_verbs
            or partner is not None
            or learned >= LEARNED_CUE_THRESHOLD
            or next_to_quote
            and (
                lem in profile.quote_verbs
                or tok.pos_ == "VERB"
                and np_right(doc, tok.i + 1, profile) is not None
            )
            # "Het is tijd, roept de actiegroep": a verb of manner closing its words,
            # in a language whose subject follows the verb after what is fronted
            or profile.subject_may_follow_verb
            and lem in profile.quote_verbs
            and lem not in profile.opinion_verbs  # ", weet X niet": an opinion frame
            and tok.i > 1
            and toks[tok.i - 1].text == ","
            and tok.dep_ in ("parataxis", "conj")  # not "Toen de bel ging, riep de juf …"
            and np_right(doc, tok.i + 1, profile) is not None
        )
        opinion = lem in profile.opinion_verbs and not speech
        if not (speech or opinion):
            continue
        if opinion and _wanted(tok, profile):
            continue  # "De oppositie wil weten waarom …": a question, no claim
        stance = _stance_cue(doc, tok, lem, partner, profile) if partner is not None else None
        if stance is False:
            continue  # "hield de man vast aan zijn arm": holding, no stance
        if speech and not stance and _negated_or_refused(tok, profile):
            continue  # "zei niet wat ...", "weigerde te zeggen of ...": no claim is made
        if (
            cue_score is not None
            and partner is None
            and cue_score(tok) < MODEL_VETO
            and not reporting_verb_by_word_order(tok, profile)
        ):
            continue  # a listed verb the trained model is sure is no cue here
        if (
            any(t.lower_ in profile.modal_verbs for t in toks[max(0, tok.i - 3) : tok.i])
            or any(c.dep_ == "aux" and c.lower_ in profile.modal_verbs for c in children_of(tok))
            # "moesten … hun meerdere erkennen": the parse may make the modal the head
            or tok.dep_ == "xcomp"
            and tok.head.lower_ in profile.modal_verbs
        ):
            continue  # "moet toegeven", "must admit": an obligation, not a statement
        if (
            tok.dep_ == "amod"
            and cue_score is None
            and not next_to_quote
            and "Part" in tok.morph.get("VerbForm")
            and tok.head.pos_ == "NOUN"
            and tok.head.i > tok.i
        ):
            # "waarschuwende geluiden": a participle describing a noun; where a trained
            # cue model exists it knows which attributive forms are cues ("alleged")
            continue
        window = [t for t in toks[tok.i + 1 : tok.i + 3] if not _determines_noun(t)]
        if (
            lem not in profile.reflexive_cues
            and not stance
            and (
                any(t.lower_ in profile.non_speech_objects for t in window)
                or any(c.lower_ in profile.non_speech_objects for c in children_of(tok))
            )
        ):
            continue
        cue_range = (
            (min(tok.i, partner.i), max(tok.i, partner.i) + 1)
            if partner is not None
            and abs(partner.i - tok.i) == 1
            and lem not in profile.count_verbs  # "telde 23 …": the number is what is counted
            else (tok.i, tok.i + 1)
        )
        inverted = is_inverted(doc, tok, profile)
        content = None
        anaphoric = False
        if inverted:
            comma = finite_verb(doc, tok, profile).i - 1
            content = (0, comma) if comma > 0 else None
        trailing = None
        if not profile.subject_may_follow_verb and not inverted:
            trailing = trailing_subject(doc, tok, profile)
            if trailing is not None:
                content = (0, trailing[0] - 1)
                inverted = True
        small_clause = opinion and _small_clause_opinion(doc, tok, lem, profile)
        if opinion and not inverted and not small_clause and not _opens_clause(doc, tok, profile):
            continue  # "wist het record te breken": knowing how, not holding an opinion
        if small_clause and not _opens_clause(doc, tok, profile):
            # "vindt de dienstregeling in strijd met de afspraken": object and predicate
            content = (tok.i + 1, clause_end(doc, tok.i + 1, profile))
        if content is None:
            content = content_after(doc, tok, profile) or (
                parse_content(doc, tok) if has_parse(doc) else None
            )
        figure = figure_of.get(tok.i)
        if content is None and figure is not None:
            content = figure_content(doc, tok, figure, profile)
        if content is not None and partner is not None and lem not in profile.count_verbs:
            content = _without_partner(doc, content, partner)
        fronted = _opens_with_fronted_object(doc, tok, profile)
        if content is not None and fronted and not _states_its_own_claim(doc, content, profile):
            content = None  # "Dat zei ze dinsdag tijdens …": the object is 'Dat', said before
        if content is None:
            first = toks[0].lower_
            ends_clause = all(t.is_punct for t in toks[tok.i + 1 :])
            if first in profile.demonstratives and (
                tok.i <= 4 or ends_clause and tok.i <= 12 or fronted
            ):
                anaphoric = True  # "Dat heeft (de voorzitter van de bond) gezegd."
            elif any(
                c.lower_ in profile.demonstratives
                and c.pos_ == "PRON"
                # a parse may call it the subject; after a verb ("heeft dat …
                # bevestigd") it is the object
                and (
                    c.dep_ != "nsubj"
                    or any(
                        t.i < c.i and t.pos_ in ("AUX", "VERB")
                        for t in (tok.head, *children_of(tok))
                    )
                )
                for c in children_of(tok)
            ) or any(_object_taken_for_complementizer(c, tok, profile) for c in children_of(tok)):
                anaphoric = True  # "Een woordvoerder heeft dat gisteren bevestigd."
        if content is None and not anaphoric:
            if opinion and not any(
                t.text in QUOTE_CLOSERS or t.text in ("„", "“", ",,") for t in toks
            ):
                continue
            if partner is None and learned < 0.7 and lem not in profile.object_cue_verbs:
                # a bare speech verb without a claim ("hij zei niets") is not an attribution
                rest = [t for t in toks[tok.i + 1 :] if not t.is_punct]
                # "… heeft het waterschap naar eigen zeggen nooit ontvangen": the phrase
                # reports the whole sentence, however little of it follows the phrase
                if len(rest) < 3 and not _after_own_account_phrase(doc, tok, profile):
                    continue
            if tok.i + 1 < len(doc):
                content = (tok.i + 1, clause_end(doc, tok.i + 1, profile))
        participle = not (inverted or trailing) and _participle_clause(tok, profile)
        if participle and _part_of_a_report(doc, tok, frames, profile):
            # "The council maintains that its team sent an alert at 08:40 telling residents
            # …": the participle belongs to what the main clause's verb reports
            continue
        relative = None if inverted or trailing else relative_subject(doc, tok, profile)
        # "De schade schat de gemeente op …": a fronted quantity, the subject after the verb
        fronted_figure = figure_source(doc, tok, profile) if figure is not None else None
        if fronted_figure is None and figure is not None and quantity_as_subject(doc, tok, profile):
            continue  # "De schade komt uit op twee miljoen": a figure given, by no one
        if participle and not relative:
            source = _participle_subject(doc, tok, frames, profile)
        else:
            source = (
                fronted_figure
                or trailing
                or (relative[0] if relative else source_of_verb(doc, tok, profile, inverted))
            )
        source = _checked_source(doc, tok, source, partner, inverted, profile)
        source = _past_earlier_cues(doc, source, frames, profile)
        source = _owner_of_records(doc, source, profile)
        if (
            figure is not None
            and lem in profile.count_verbs
            and not names_someone(doc, source, profile)
        ):
            continue  # "De wachtlijst telt 300 namen": a thing counts nobody's figure
        if (
            figure is not None
            and lem not in profile.speech_verbs | profile.opinion_verbs | profile.count_verbs
            and _figure_without_object(doc, tok, figure)
            and not names_someone(doc, up_to_first_noun(doc, source), profile)
        ):
            continue  # "De rekening komt op 40 euro": no one arrives at a figure
        if partner is not None and not _blames_a_party(doc, tok, lem, partner, source, profile):
            continue  # "De pijl wijst naar het noorden": no one is blamed
        if stance and not names_someone(doc, up_to_first_noun(doc, source), profile):
            continue  # "Het touw houdt vast aan de paal": no one takes a stance
        if source is not None and source[0] <= tok.i < source[1]:
            source = _side_of_subject(doc, tok, source, inverted)
        if source is None and anaphoric and fronted:
            source = np_right(doc, 2, profile)  # "Dat heeft <source> … bevestigd", however parsed
        if source is None and has_parse(doc) and not (inverted and next_to_quote):
            # right after a quotation the governor is the quotation, whose subject is no source
            source = subject_of_governor(tok, profile) or main_subject(doc, tok, profile)
        if source is None and is_present_participle(tok, profile):
            source = subject_of_previous_verb(doc, tok, profile) or np_at_start(doc, profile)
        if (
            source is None
            and frames
            and tok.i > 0
            and (
                toks[tok.i - 1].lower_ in profile.conjunctions
                or toks[tok.i - 2].lower_ in profile.conjunctions
            )
        ):
            source = frames[-1].source  # "X bevestigt dat ..., maar zei niet ...": same subject
        clause_start = max([t.i + 1 for t in toks[: tok.i] if t.is_punct] + [0, tok.i - 6])
        passive = (
            is_participle(tok, profile)
            and any(
                t.lower_ in profile.passive_auxiliaries
                and not (has_parse(doc) and t.pos_ in ("DET", "PRON"))  # possessive "Haar zoon"
                for t in toks[clause_start : tok.i]
            )
        )
        unknown = False
        if (
            passive
            and opinion
            and source is not None
            and source[1] <= tok.i
            and toks[source[0]].pos_ in ("PROPN", "NOUN", "PRON", "DET")
            and toks[source[0]].lower_ not in profile.impersonal_subjects
        ):
            passive = False  # "X is ervan overtuigd dat …": a state of X's, not a passive
        if passive:
            agent = next(
                (t for t in toks[tok.i + 1 : tok.i + 3] if t.lower_ in profile.agent_preps), None
            )
            if agent is not None:
                source = np_right(doc, agent.i + 1, profile)
            else:
                source = _venue_of_voices(doc, tok, profile)
                unknown = source is None
        if (
            source is not None
            and content is not None
            and source[0] < content[1]
            and content[0] < source[1]
        ):
            content = (
                (source[1], content[1]) if source[0] <= content[0] else (content[0], source[0])
            )
        frames.append(
            Frame(
                type="indirect",
                cue=cue_range,
                source=source,
                content=content if content and content[1] > content[0] else None,
                inverted=inverted,
                anaphoric=anaphoric,
                unknown_source=unknown,
                opinion=opinion,
                score=0.85 if speech else 0.7,
                antecedent=relative[1] if relative and source == relative[0] else None,
            )
        )
    return frames


def _small_clause_opinion(doc: Doc, verb: Token, lem: str, profile: LanguageProfile) -> bool:
    """An opinion verb of `small_clause_verbs.txt` with an object and a predicate of
    `opinion_predicates.txt` after it in its clause ('vindt de nieuwe dienstregeling in
    strijd met de afspraken', 'acht het plan onverantwoord'), not 'vond de auto in een
    sloot'."""
    if lem not in profile.small_clause_verbs:
        return False
    toks = tokens_of(doc)
    for k in range(verb.i + 2, len(toks)):
        if toks[k].is_punct or toks[k].lower_ in profile.complementizers:
            return False
        if phrase_at(doc, k, profile.opinion_predicates):
            return True
    return False


def _stance_cue(
    doc: Doc, verb: Token, lem: str, partner: Token, profile: LanguageProfile
) -> bool | None:
    """For a cue of `stance_cues.txt` standing in the sentence ('houdt vast aan', 'legt zich
    niet neer bij'), whether it is one: after the verb with only adverbs, a negation or a
    reflexive pronoun between them (not 'hield de man vast aan zijn arm'); None for any
    other cue."""
    words = lower_words(doc)
    if not any(
        v == lem and words[partner.i : partner.i + len(rest)] == tuple(rest)
        for v, *rest in profile.stance_cues
    ):
        return None
    return (
        partner.i > verb.i
        and all(
            t.pos_ == "ADV"
            or t.lower_ in profile.negations
            or t.lower_ in profile.non_speech_objects
            or t.lower_ in profile.time_words
            or t.lower_ in profile.time_nouns  # "houdt al jaren vast aan"
            for t in tokens_of(doc)[verb.i + 1 : partner.i]
        )
    )


def _blames_a_party(
    doc: Doc,
    verb: Token,
    lem: str,
    partner: Token,
    source: tuple[int, int] | None,
    profile: LanguageProfile,
) -> bool:
    """For a cue of `party_cues.txt` ('wijzen naar', 'rekenen aan'), whether someone blames
    someone: its subject and the noun phrase after the verb (after its preposition, for a
    prepositional cue) both name someone ("De gemeente wijst naar de aannemer", not "De pijl
    wijst naar het noorden" nor "De agent wees naar de auto"). True for any other cue."""
    if (lem, partner.lower_) not in profile.party_cues:
        return True
    after = partner if (lem, partner.lower_) in profile.prepositional_cues else verb
    # "rekent de bouwer twee keuringen aan": two objects read as one phrase; the one
    # blamed ends at the first common noun
    party = up_to_first_noun(doc, np_right(doc, after.i + 1, profile))
    return names_someone(doc, source, profile) and names_someone(doc, party, profile)


def _participle_clause(cue: Token, profile: LanguageProfile) -> bool:
    """A present participle that opens a clause of its own ('…, saying that …', 'an alert
    telling residents …'), not the verb of a progressive form ('is calling for')."""
    if not is_present_participle(cue, profile):
        return False
    if any(c.dep_ in ("aux", "aux:pass") for c in children_of(cue)):
        return False
    k = _past_adverbs(cue)
    return k < 0 or not (cue.doc[k].pos_ == "AUX" or cue.doc[k].lower_ in profile.auxiliaries)


def _past_adverbs(token: Token) -> int:
    """The position of the word before `token`, past adverbs and particles ('not', 'now')."""
    toks = tokens_of(token.doc)
    k = token.i - 1
    while k >= 0 and toks[k].pos_ in ("ADV", "PART"):
        k -= 1
    return k


def _part_of_a_report(doc: Doc, cue: Token, frames: list[Frame], profile: LanguageProfile) -> bool:
    """A participle clause inside the content of a reporting verb before it that is no report
    of its own: it has no subject in the parse ('with passengers saying'), no noun phrase
    right before it that may be its speaker ('a posting saying', 'footage of X asking'),
    and it is no complement of the verb right before it ('could not resist pointing out');
    'sent an alert at 08:40 telling residents …', 'a notice on Tuesday asking families …'
    report nothing the main clause's verb does not."""
    if not any(
        f.content is not None and f.cue[0] < cue.i and f.content[0] <= cue.i < f.content[1]
        for f in frames
    ):
        return False
    if _own_subject(doc, cue, frames, profile):
        return False
    if cue.i > 0 and doc[cue.i - 1].text == ",":
        return False  # "X said the risk grew, citing …": the main clause's speaker's own words
    if _speaker_before(doc, cue, profile) is not None:
        return False
    k = _past_adverbs(cue)
    return not (k >= 0 and k == cue.head.i and cue.head.pos_ == "VERB")


def _own_subject(
    doc: Doc, cue: Token, frames: list[Frame], profile: LanguageProfile
) -> tuple[int, int] | None:
    """A participle's own subject in the parse ('with passengers saying'), past the cue of a
    reporting verb before it that the parse took into it ('The board insists that its letter
    … asking', with 'board insists' read as a noun phrase): None if nothing is left."""
    own = parse_subject(doc, cue, profile) if has_parse(doc) else None
    return _past_earlier_cues(doc, own, frames, profile) if own else None


def _past_earlier_cues(
    doc: Doc, source: tuple[int, int] | None, frames: list[Frame], profile: LanguageProfile
) -> tuple[int, int] | None:
    """A source span that takes in the cue of a reporting verb before it ('The hospital
    maintains that nurses' for 'warned'), read from past that cue and the conjunction
    after it ('nurses'); None where nothing is left."""
    if source is None:
        return None
    inside = [f.cue[1] for f in frames if source[0] <= f.cue[0] < source[1]]
    if not inside:
        return source
    start = max(inside)
    while start < source[1] and doc[start].lower_ in profile.complementizers:
        start += 1
    return (start, source[1]) if start < source[1] else None


def _speaker_before(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase right before a participle, no comma between, that may be the one it
    describes ('a statement announcing', 'one saying', 'footage of X asking'); not a time or
    a number ('sent an alert at 08:40 telling', 'on Tuesday asking')."""
    before = np_left(doc, cue.i, profile)
    if before is None or before[1] != cue.i or not _may_speak(doc, before, profile):
        return None
    return before


def _participle_subject(
    doc: Doc, cue: Token, frames: list[Frame], profile: LanguageProfile
) -> tuple[int, int] | None:
    """Who speaks in a participle clause ('…, saying that …'): its own subject in the parse
    ('with passengers saying'); the noun phrase right before it ('a statement announcing');
    set off by a comma and hanging on a verb inside what a reporting verb before it reports,
    that verb's source ('The mayor said the bridge would stay shut, adding …': the main
    clause's verb wins, not 'the bridge'); the subject of the verb it hangs on ('The union
    welcomed the ruling, saying', 'they could not resist pointing out'); or the source of
    the reporting verb it hangs on, where the parse gave that verb none ('The board claims
    …, telling'). Never a time or a number that stands before it ('at 08:40 telling'). None
    where nothing tells."""
    own = _own_subject(doc, cue, frames, profile)
    if own and _may_speak(doc, own, profile):
        return own
    before = _speaker_before(doc, cue, profile)
    if before is not None:
        return before
    governor = cue.head
    earlier = [f for f in frames if f.source is not None and _may_speak(doc, f.source, profile)]
    detached = cue.i > 0 and doc[cue.i - 1].text == ","
    for f in earlier:
        if detached and f.cue[0] < governor.i < cue.i and _governed_by(governor, doc[f.cue[0]]):
            return f.source
    if has_parse(doc):
        parsed = subject_of_governor(cue, profile) or main_subject(doc, cue, profile)
        if parsed and _may_speak(doc, parsed, profile):
            return parsed
    return next((f.source for f in earlier if f.cue[0] <= governor.i < f.cue[1]), None)


def _governed_by(token: Token, ancestor: Token) -> bool:
    """`token` stands in the parse below `ancestor`: part of the clause it governs."""
    for _ in range(MAX_CLAUSE_DEPTH):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == ancestor.i:
            return True
    return False


def _may_speak(doc: Doc, span: tuple[int, int], profile: LanguageProfile) -> bool:
    """A noun phrase that may be a source: no time ('at 08:40', 'on Tuesday') or number
    written in figures ('in 2015')."""
    return not is_time_phrase(doc, span, profile) and not doc[span[1] - 1].text[:1].isdigit()


def _venue_of_voices(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """'In de Duitse pers is verbaasd gereageerd': a passive report without an agent, made in
    a venue that stands for those speaking there (the press, political circles)."""
    toks = tokens_of(doc)
    for prep in toks[: cue.i]:
        if prep.lower_ not in profile.venue_preps:
            continue
        span = np_right(doc, prep.i + 1, profile)
        if span is None:
            continue
        head = toks[span[1] - 1].lower_
        if any(
            head == venue or head.endswith(venue) and len(head) - len(venue) >= 3
            for venue in profile.venue_nouns
        ):
            return span
    return None


# ---------------------------------------------------------------- other cues


def find_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """All attribution frames of one sentence, cue order."""
    model = profile.cue_model
    cue_score = model.scorer(doc) if model is not None and has_parse(doc) else None
    frames = (
        verb_frames(doc, profile, cue_score)
        + according_to_frames(doc, profile)
        + nominal_frames(doc, profile)
    )
    frames += colon_frames(doc, profile) + dash_frames(doc, profile)
    introduced = colon_quote_frames(doc, profile)
    colon = introduced[0].cue[0] if introduced else None
    if colon is not None and all(f.source is None or f.cue[0] > colon for f in frames):
        # "was blij met alle geruchten: ,,…''": hearsay with no source does not take the
        # quotation from the subject who introduces it, nor does a cue inside the quotation
        frames = introduced + [f for f in frames if f.cue[0] > colon]
    if not frames:
        frames = document_frames(doc, profile)
    frames.sort(key=lambda f: f.cue[0])
    return _drop_overlapping(frames)


def _drop_overlapping(frames: list[Frame]) -> list[Frame]:
    """A cue word inside another frame's source is not a cue of its own."""
    kept = []
    for frame in frames:
        if any(
            other is not frame
            and other.source
            and other.source[0] <= frame.cue[0] < other.source[1]
            for other in frames
        ):
            continue
        if any(k.cue[0] <= frame.cue[0] < k.cue[1] for k in kept):
            continue
        kept.append(frame)
    return kept
