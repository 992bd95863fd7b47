"""Find attribution frames in one parsed sentence: cue, source tokens, content span.

A frame is what a single cue contributes: "X zegt dat ...", "..., meldt X",
"volgens X", "kritiek van X", "X: ...". Resolving the source to a name and
linking frames across sentences happens elsewhere (sources, chains).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.tokens import has_parse, lemma, looks_nominal

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
LEARNED_CUE_THRESHOLD = 0.45
LEARNED_CLAUSE_THRESHOLD = 0.25
STRONG_LEARNED_CUE = 0.8  # forms this reliable are cues even when the tagger calls them nouns
MAX_SOURCE_TOKENS = 10
AUXILIARIES = frozenset(
    [
        "heeft",
        "hebben",
        "had",
        "hadden",
        "zou",
        "zouden",
        "liet",
        "lieten",
        "laat",
        "is",
        "was",
        "werd",
        "wordt",
        "zijn",
        "has",
        "have",
        "would",
        "will",
        "did",
        "does",
        "do",
    ]
)
QUOTE_CLOSERS = frozenset({"''", "”", '"', "’", "'", "»"})
CONJUNCTIONS = frozenset({"en", "maar", "of", "and", "but", "or"})


@dataclass
class Frame:
    """One cue in a sentence, with token ranges for its source and content."""

    type: str
    cue: tuple[int, int]  # token range [start, end) of the cue words
    source: tuple[int, int] | None = None  # token range of the source mention
    content: tuple[int, int] | None = None  # token range of the content
    inverted: bool = False  # the cue follows its content ("..., meldt X")
    anaphoric: bool = False  # "Dat heeft hij gezegd": the content is earlier text
    unknown_source: bool = False  # passive hearsay ("er wordt beweerd dat")
    opinion: bool = False
    score: float = 0.8
    antecedent: tuple[int, int] | None = None  # "X, who said": `source` is "who", this is X

    def cue_tokens(self, doc: Doc) -> list[Token]:
        return list(doc[self.cue[0] : self.cue[1]])


# ---------------------------------------------------------------- noun phrases


def _is_pronoun(token: Token, profile: LanguageProfile) -> bool:
    lower = token.lower_
    return (
        lower in profile.person_pronouns
        or lower in profile.plural_pronouns
        or lower in profile.first_person
    )


def _np_left(doc: Doc, end: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase ending just before token `end` (exclusive).

    Adverbs and time words between the phrase and `end` are skipped ("X also
    said", "X on Tuesday said"), and so is a parenthesis ("Perdue (R-Ga.) said").
    """
    i = end - 1
    while i >= 0 and (
        doc[i].lower_ in profile.time_words
        or doc[i].pos_ == "ADV"
        and doc[i].text[:1].islower()
        or doc[i].lower_ in AUXILIARIES
    ):
        i -= 1
    if i >= 0 and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(-1, i - 8), -1) if doc[j].text == "("), None)
        if opening is not None:
            i = opening - 1
    last = i
    if i >= 0 and _is_pronoun(doc[i], profile):
        return (i, i + 1)
    while i >= 0 and looks_nominal(doc[i], profile) and last - i < MAX_SOURCE_TOKENS:
        i -= 1
    if i == last:
        return None
    return (i + 1, last + 1)


def np_right(doc: Doc, start: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase starting at token `start` (skipping adverbs such as 'desgevraagd')."""
    i = start
    while i < len(doc) and (
        doc[i].lower_ in profile.time_words
        or doc[i].pos_ == "ADV"
        and not doc[i].text[:1].isupper()
    ):
        i += 1
    first = i
    if i < len(doc) and _is_pronoun(doc[i], profile):
        return (i, i + 1)
    while i < len(doc) and looks_nominal(doc[i], profile) and i - first < MAX_SOURCE_TOKENS:
        if i > first and doc[i].lower_ in profile.complementizers:
            break
        i += 1
    if i == first:
        return None
    return (first, i)


def _subtree_span(
    token: Token, stop_deps=("acl:relcl", "acl", "advcl", "parataxis", "conj", "punct", "ccomp")
) -> tuple[int, int]:
    """The contiguous span of `token` and its modifiers, cut before clauses and commas."""
    left = right = token.i
    for child in token.children:
        if child.dep_ in stop_deps or child.pos_ in ("VERB", "AUX"):
            continue
        sub = list(child.subtree)
        if any(t.text in (",", ";", ":") for t in sub):
            continue
        left = min(left, sub[0].i)
        right = max(right, sub[-1].i)
    return (left, right + 1)


# ---------------------------------------------------------------- content


def _clause_end(doc: Doc, start: int, profile: LanguageProfile, stop_at_cue: bool = True) -> int:
    """Where a content clause starting at `start` ends: sentence end, or before ', <cue>'/'; '."""
    i = start
    while i < len(doc):
        tok = doc[i]
        if tok.text in (";",):
            return i
        if tok.text == "," and i + 1 < len(doc):
            nxt = doc[i + 1]
            if stop_at_cue and _is_cue_word(nxt, profile):
                return i
            if nxt.lower_ in ("maar", "but", "terwijl", "while", "aldus", "zo") and i + 2 < len(
                doc
            ):
                return i
            if tuple(t.lower_ for t in doc[i + 1 : i + 3]) in profile.according_to:
                return i
        i += 1
    end = len(doc)
    while end > start and doc[end - 1].is_punct and doc[end - 1].text in ".!?…":
        end -= 1
    return end


def _is_cue_word(token: Token, profile: LanguageProfile) -> bool:
    lem = lemma(token, profile)
    return (
        lem in profile.speech_verbs
        or lem in profile.opinion_verbs
        or (profile.learned_cues.get(token.lower_, 0.0) >= LEARNED_CUE_THRESHOLD)
    )


def _content_after(
    doc: Doc, cue: Token, profile: LanguageProfile, limit: int = 8
) -> tuple[int, int] | None:
    """A 'dat/that' clause, a colon or a quote that follows the cue."""
    for i in range(cue.i + 1, min(len(doc), cue.i + 1 + limit)):
        tok = doc[i]
        if tok.lower_ in profile.complementizers:
            end = _clause_end(doc, i + 1, profile)
            return (i, end) if end > i + 1 else None
        if tok.text == ":" and i + 1 < len(doc):
            return (i + 1, _clause_end(doc, i + 1, profile))
        if tok.text in (".", ";", "?", "!"):
            return None
    return None


def _parse_content(doc: Doc, cue: Token) -> tuple[int, int] | None:
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS and child.i > cue.i:
            sub = list(child.subtree)
            return (sub[0].i, sub[-1].i + 1)
    return None


# ---------------------------------------------------------------- verb cues


def _phrasal_partner(doc: Doc, verb: Token, profile: LanguageProfile) -> Token | None:
    lem = lemma(verb, profile)
    for v, partner in profile.phrasal_cues:
        if v != lem:
            continue
        for tok in doc:
            if tok.i != verb.i and tok.lower_ == partner and abs(tok.i - verb.i) <= 8:
                return tok
    return None


def _is_participle(token: Token, profile: LanguageProfile) -> bool:
    """A past participle ('gezegd', 'said' after 'has'); present participles ('saying') are not."""
    if "Pres" in token.morph.get("Tense") or _is_present_participle(token, profile):
        return False
    return "Part" in token.morph.get("VerbForm") or (
        token.lower_.startswith("ge") and token.lower_.endswith(("d", "t", "en")) and len(token) > 4
    )


def _finite_verb(doc: Doc, cue: Token, profile: LanguageProfile) -> Token:
    """The finite verb of the cue's clause: an auxiliary before a participle, else the cue."""
    if not (
        _is_participle(cue, profile) or cue.pos_ == "VERB" and "Inf" in cue.morph.get("VerbForm")
    ):
        return cue
    finite = cue
    for i in range(cue.i - 1, max(-1, cue.i - 12), -1):
        tok = doc[i]
        if tok.text in (",", ";", ":") or tok.lower_ in profile.complementizers:
            break
        if tok.lower_ in AUXILIARIES or tok.pos_ == "AUX":
            finite = tok
    return finite


def _parse_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None | bool:
    """The cue's nsubj from the parse: a span, None (no subject), or False (impersonal 'er', 'it')."""
    subjects = [
        child
        for child in cue.children
        if (child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS)
        and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")
        and child.lower_ not in profile.demonstratives
        and child.lower_ not in profile.complementizers
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
    return _subtree_span(subjects[0])


def _subordinate_opener(doc: Doc, finite: Token, profile: LanguageProfile) -> int | None:
    """Index of the conjunction opening the verb-final clause the finite verb ends, if any."""
    for j in range(finite.i - 1, max(-1, finite.i - 15), -1):
        tok = doc[j]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") and tok.lower_ not in AUXILIARIES:
            return None
        if tok.pos_ == "SCONJ" and tok.lower_ in profile.clause_openers | profile.complementizers:
            return j
    return None


def _positional_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The noun phrase before the finite verb, or (Dutch inversion) right after it."""
    finite = _finite_verb(doc, cue, profile)
    if profile.subject_may_follow_verb:
        opener = _subordinate_opener(doc, finite, profile)
        if opener is not None:  # "nadat CSF-voorzitter Leoz het besluit bekendmaakte"
            return np_right(doc, opener + 1, profile)
    before = _np_left(doc, finite.i, profile)
    if before and before[1] - before[0] == 1 and doc[before[0]].lower_ in profile.demonstratives:
        before = (
            None  # "Dat heeft hij gezegd": the object comes first, the subject follows the verb
        )
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


def _subject_before_apposition(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'Scott Pruitt, the attorney general of Oklahoma, said ...': the name before the apposition."""
    finite = _finite_verb(doc, cue, profile)
    if finite.i < 2 or doc[finite.i - 1].text != ",":
        return None
    for j in range(finite.i - 2, max(-1, finite.i - 30), -1):
        if doc[j].text in ("”", '"', "''", "’"):
            return None  # '"...," said X' is a quote, handled as inverted
        if doc[j].text == ",":
            np = _np_left(doc, j, profile)
            if np and (np[0] == 0 or doc[np[0] - 1].is_punct):
                return np
            return None
    return None


def _relative_subject(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'Cox, who runs the lobby, said' is not this; 'Cox, who said that ...' is: (who, Cox)."""
    finite = _finite_verb(doc, cue, profile)
    i = finite.i - 1
    while i >= 0 and (
        doc[i].pos_ == "ADV" and doc[i].text[:1].islower() or doc[i].lower_ in AUXILIARIES
    ):
        i -= 1
    if i < 2 or doc[i].lower_ not in profile.relative_pronouns or doc[i - 1].text != ",":
        return None
    antecedent = _np_left(doc, i - 1, profile)
    return ((i, i + 1), antecedent) if antecedent else None


def _source_of_verb(
    doc: Doc, cue: Token, profile: LanguageProfile, inverted: bool
) -> tuple[int, int] | None:
    if inverted:
        return np_right(doc, cue.i + 1, profile) or _subject_before_apposition(doc, cue, profile)
    if profile.subject_may_follow_verb and has_parse(doc):
        parsed = _parse_subject(doc, cue, profile)
        if parsed is False:
            return None
        if parsed is not None:
            return parsed
    finite = _finite_verb(doc, cue, profile)
    if finite.i > 0 and doc[finite.i - 1].text == ",":
        apposition = _apposition_before(doc, finite.i - 1, profile) or _subject_before_apposition(
            doc, cue, profile
        )
        if apposition is not None:
            return apposition
    positional = _positional_subject(doc, cue, profile)
    if positional is not None or not has_parse(doc):
        return positional
    parsed = _parse_subject(doc, cue, profile)
    return parsed or None


def _subject_of_governor(cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
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
        for child in head.children:
            if (
                child.dep_ in SUBJECT_DEPS
                and child.pos_ in ("NOUN", "PROPN", "PRON")
                and child.i < cue.i
            ):
                if (
                    child.lower_ in profile.impersonal_subjects
                    or child.lower_ in profile.demonstratives
                ):
                    return None
                return _subtree_span(child)
    return None


def _main_subject(doc: Doc, cue: Token, profile: LanguageProfile) -> tuple[int, int] | None:
    """The subject of the sentence's main verb, when it precedes a cue that has none of its own."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root is cue:
        return None
    for child in root.children:
        if (
            child.dep_ in SUBJECT_DEPS
            and child.pos_ in ("NOUN", "PROPN", "PRON")
            and child.i < cue.i
        ):
            if (
                child.lower_ in profile.impersonal_subjects
                or child.lower_ in profile.demonstratives
            ):
                return None
            return _subtree_span(child)
    return None


def _subject_of_previous_verb(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'Reid mocked Romney ..., claiming that ...': the subject of the nearest finite verb before."""
    for j in range(cue.i - 1, -1, -1):
        tok = doc[j]
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.text[:1].islower()
            and not _is_present_participle(tok, profile)
        ):
            np = _np_left(doc, j, profile)
            if np is not None and doc[np[0]].lower_ not in profile.complementizers:
                return np
    return None


def _np_at_start(doc: Doc, profile: LanguageProfile) -> tuple[int, int] | None:
    """The sentence's opening noun phrase when a verb follows it ('Trump is defending ..., saying')."""
    np = np_right(doc, 0, profile)
    if np and np[0] == 0 and np[1] < len(doc) and doc[np[1]].pos_ in ("VERB", "AUX"):
        return np
    return None


def _is_present_participle(token: Token, profile: LanguageProfile) -> bool:
    """'saying', 'zeggend': a participle clause that borrows its subject from the main clause."""
    return len(token) > 5 and token.lower_.endswith(profile.present_participle_suffix)


def _is_inverted(doc: Doc, cue: Token, profile: LanguageProfile) -> bool:
    """'..., meldt X', '„...”, zei hij', '..., X said'."""
    if _is_present_participle(cue, profile):
        return False  # '..., saying that ...' is a participle clause, not an inversion
    finite = _finite_verb(doc, cue, profile)
    prev = finite.i - 1
    if prev < 0:
        return False
    if doc[prev].text == "," and _apposition_before(doc, prev, profile) is not None:
        return False
    if doc[prev].text == "," and _is_interruption(doc, prev, profile):
        return False
    return (
        doc[prev].text in (",", "”", "''", '"', "’")
        or doc[prev].lower_ in profile.inversion_adverbs
    )


def _is_interruption(doc: Doc, comma: int, profile: LanguageProfile) -> bool:
    """'Cox, who runs the lobby, says' / 'Lewandowski, Trump's manager, said': the part
    before the comma interrupts the subject and its verb instead of being the content."""
    start = comma - 1
    while start >= 0 and doc[start].text != ",":
        if doc[start].text in QUOTE_CLOSERS or doc[start].text in ("„", "“", ",,"):
            return False  # a quotation before the comma is the content
        start -= 1
    if start < 1:
        return False  # no opening comma: the whole start of the sentence is the content
    segment = doc[start + 1 : comma]
    if not len(segment):
        return False
    if segment[0].lower_ in profile.relative_pronouns:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in segment)


def _apposition_before(doc: Doc, comma: int, profile: LanguageProfile) -> tuple[int, int] | None:
    """'The chairman, Phil Lovas, said': the noun phrase between two commas right before the verb."""
    np = _np_left(doc, comma, profile)
    if np is None or np[0] == 0 or doc[np[0] - 1].text != ",":
        return None
    if not any(t.text[:1].isupper() or t.lower_ in profile.role_nouns for t in doc[np[0] : np[1]]):
        return None
    return np


def _english_trailing_subject(
    doc: Doc, cue: Token, profile: LanguageProfile
) -> tuple[int, int] | None:
    """', Smith said.' - the subject sits between a comma and the cue at the clause end."""
    np = _np_left(doc, cue.i, profile)
    if np and np[0] > 0 and doc[np[0] - 1].text in (",", "”", '"', "''"):
        return np
    return None


def _is_title_case(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _may_be_verb(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """Trust the tagger's VERB, but let a listed verb form through a doubtful noun/adjective tag
    unless it sits inside a noun phrase ('the United States', 'his claims')."""
    if tok.i > 0 and (
        doc[tok.i - 1].lower_ in profile.determiners or doc[tok.i - 1].text in ("'s", "’s")
    ):
        return False  # "the report", "Trump's tweets"
    if (
        tok.i > 0
        and tok.text[:1].isupper()
        and not doc[tok.i - 1].is_punct
        and not _is_title_case(doc)
    ):
        return False  # "United States"
    if tok.pos_ in ("VERB", "AUX", ""):
        return True
    strong = profile.learned_cues.get(tok.lower_, 0.0) >= STRONG_LEARNED_CUE
    if (
        tok.pos_ in ("DET", "ADP", "PRON", "NUM", "CCONJ", "SCONJ")
        or tok.lower_ not in profile.verb_forms
        and not strong
    ):
        return False
    if tok.i == 0:
        return False
    if strong or any(
        t.lower_ in profile.complementizers or t.text == ":" for t in doc[tok.i + 1 : tok.i + 3]
    ):
        return True  # "Engineers fear that ...": the clause settles it
    prev = doc[tok.i - 1]
    return not (prev.pos_ in ("DET", "ADJ", "NUM", "NOUN") or prev.dep_ == "nmod:poss")


def _learned_pair(doc: Doc, tok: Token, profile: LanguageProfile) -> float:
    """Precision of the learned two-word cue that starts with this verb ('talks about')."""
    if tok.pos_ != "VERB" or tok.i + 1 >= len(doc):
        return 0.0
    return profile.learned_cues.get(f"{tok.lower_} {doc[tok.i + 1].lower_}", 0.0)


def _is_reduced_relative(doc: Doc, tok: Token, profile: LanguageProfile) -> bool:
    """'a programme called X', 'remarks made by': a participle describing the noun before it."""
    if tok.i == 0 or not _is_participle(tok, profile) or "Past" not in tok.morph.get("Tense"):
        return False
    prev = doc[tok.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.text[:1].isupper():
        return False
    return not any(
        t.lower_ in profile.complementizers or t.text == ":" for t in doc[tok.i + 1 : tok.i + 3]
    )


def verb_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """Frames introduced by reporting and opinion verbs."""
    frames = []
    partners: set[int] = set()
    for tok in doc:
        if tok.is_punct or tok.is_space or tok.i in partners or not _may_be_verb(doc, tok, profile):
            continue
        if any(
            tuple(t.lower_ for t in doc[tok.i : tok.i + len(p)]) == p for p in profile.according_to
        ):
            continue
        if tok.i > 0 and (doc[tok.i - 1].text in ("-", "–") or "-" in tok.text):
            continue  # "so-called", "long-announced": part of a compound adjective
        if _is_reduced_relative(doc, tok, profile):
            continue
        lem = lemma(tok, profile)
        partner = _phrasal_partner(doc, tok, profile)
        if partner is not None:
            partners.add(partner.i)  # "liet zij weten": 'weten' is not a cue of its own
        learned = profile.learned_cues.get(tok.lower_, 0.0) if tok.pos_ == "VERB" else 0.0
        pair = _learned_pair(doc, tok, profile)
        if pair > max(learned, LEARNED_CUE_THRESHOLD) and partner is None:
            learned, partner = pair, doc[tok.i + 1]  # "talks about", "points to"
        if LEARNED_CLAUSE_THRESHOLD <= learned < LEARNED_CUE_THRESHOLD and _content_after(
            doc, tok, profile, limit=3
        ):
            learned = (
                LEARNED_CUE_THRESHOLD  # a weaker cue word followed by 'that ...' is still a report
            )
        next_to_quote = (
            tok.i > 0
            and doc[tok.i - 1].text == ","
            and tok.i > 1
            and doc[tok.i - 2].text in QUOTE_CLOSERS
        )
        speech = (
            lem in profile.speech_verbs
            or partner is not None
            or learned >= LEARNED_CUE_THRESHOLD
            or next_to_quote
            and (
                lem in profile.quote_verbs
                or tok.pos_ == "VERB"
                and np_right(doc, tok.i + 1, profile) is not None
            )
        )
        opinion = lem in profile.opinion_verbs and not speech
        if not (speech or opinion):
            continue
        if any(t.lower_ in profile.modal_verbs for t in doc[max(0, tok.i - 3) : tok.i]):
            continue  # "moet toegeven", "must admit": an obligation, not a statement
        window = doc[tok.i + 1 : tok.i + 3]
        if any(t.lower_ in profile.non_speech_objects for t in window) or any(
            c.lower_ in profile.non_speech_objects for c in tok.children
        ):
            continue
        cue_range = (
            (min(tok.i, partner.i), max(tok.i, partner.i) + 1)
            if partner is not None and abs(partner.i - tok.i) == 1
            else (tok.i, tok.i + 1)
        )
        inverted = _is_inverted(doc, tok, profile)
        content = None
        anaphoric = False
        if inverted:
            comma = _finite_verb(doc, tok, profile).i - 1
            content = (0, comma) if comma > 0 else None
        trailing = None
        if not profile.subject_may_follow_verb and not inverted:
            trailing = _english_trailing_subject(doc, tok, profile)
            if trailing is not None:
                content = (0, trailing[0] - 1)
                inverted = True
        if content is None:
            content = _content_after(doc, tok, profile) or (
                _parse_content(doc, tok) if has_parse(doc) else None
            )
        if content is None:
            first = doc[0].lower_
            if first in profile.demonstratives and tok.i <= 4:
                anaphoric = True
        if content is None and not anaphoric:
            if opinion and not any(
                t.text in QUOTE_CLOSERS or t.text in ("„", "“", ",,") for t in doc
            ):
                continue
            if (
                partner is None
                and learned < 0.7
                and lem
                not in ("bevestigen", "ontkennen", "betwijfelen", "confirm", "deny", "voorstellen")
            ):
                # a bare speech verb without a claim ("hij zei niets") is not an attribution
                rest = [t for t in doc[tok.i + 1 :] if not t.is_punct]
                if len(rest) < 3:
                    continue
            if tok.i + 1 < len(doc):
                content = (tok.i + 1, _clause_end(doc, tok.i + 1, profile))
        relative = None if inverted or trailing else _relative_subject(doc, tok, profile)
        source = trailing or (
            relative[0] if relative else _source_of_verb(doc, tok, profile, inverted)
        )
        if source is None and has_parse(doc):
            source = _subject_of_governor(tok, profile) or _main_subject(doc, tok, profile)
        if source is None and _is_present_participle(tok, profile):
            source = _subject_of_previous_verb(doc, tok, profile) or _np_at_start(doc, profile)
        if (
            source is None
            and frames
            and tok.i > 0
            and (doc[tok.i - 1].lower_ in CONJUNCTIONS or doc[tok.i - 2].lower_ in CONJUNCTIONS)
        ):
            source = frames[-1].source  # "X bevestigt dat ..., maar zei niet ...": same subject
        clause_start = max([t.i + 1 for t in doc[: tok.i] if t.is_punct] + [0, tok.i - 6])
        passive = _is_participle(tok, profile) and any(
            t.lower_ in profile.passive_auxiliaries for t in doc[clause_start : tok.i]
        )
        unknown = False
        if passive:
            agent = next(
                (t for t in doc[tok.i + 1 : tok.i + 3] if t.lower_ in ("door", "by")), None
            )
            if agent is not None:
                source = np_right(doc, agent.i + 1, profile)
            else:
                source, unknown = None, True
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


# ---------------------------------------------------------------- other cues


def _phrase_until_comma(doc: Doc, start: int, limit: int = 12) -> tuple[int, int] | None:
    """Tokens from `start` up to a comma or the sentence end (a source the tagger mislabelled)."""
    end = start
    while (
        end < len(doc)
        and end - start < limit
        and not (doc[end].is_punct and doc[end].text not in ("-", "'", "’"))
    ):
        end += 1
    return (start, end) if end > start else None


def according_to_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'volgens X', 'aldus X', 'according to X'."""
    frames = []
    lowers = [t.lower_ for t in doc]
    for pattern in profile.according_to:
        n = len(pattern)
        for i in range(len(doc) - n + 1):
            if tuple(lowers[i : i + n]) != pattern:
                continue
            if pattern[-1] in ("verluidt",):
                continue  # 'naar verluidt' is hearsay without a source: handled as reportative
            if n == 2 and pattern[0] == "zo":
                continue  # 'zo meldt X' is an inverted verb cue
            source = np_right(doc, i + n, profile) or _phrase_until_comma(doc, i + n)
            if source is None:
                continue
            if i > 0:
                content = (0, i - 1 if doc[i - 1].text == "," else i)
            else:
                after = (
                    source[1] + 1
                    if source[1] < len(doc) and doc[source[1]].text == ","
                    else source[1]
                )
                content = (after, _clause_end(doc, after, profile))
            frames.append(
                Frame(
                    "according_to",
                    (i, i + n),
                    source,
                    content if content[1] > content[0] else None,
                    score=0.85,
                )
            )
    return frames


def document_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'In a recent poll, 38 percent ...': a document or survey as the source."""
    for tok in doc:
        if tok.lower_ not in profile.document_preps:
            continue
        source = np_right(doc, tok.i + 1, profile)
        if source is None:
            continue
        words = {t.lower_ for t in doc[source[0] : source[1]]}
        if not words & profile.source_documents:
            continue
        after = source[1] + 1 if source[1] < len(doc) and doc[source[1]].text == "," else source[1]
        content = (after, _clause_end(doc, after, profile)) if tok.i == 0 else (0, tok.i)
        if content[1] > content[0]:
            return [Frame("according_to", (tok.i, tok.i + 1), source, content, score=0.6)]
    return []


def nominal_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'kritiek van X', 'a warning from X', "X's warning"; 'geruchten dat ...' (no source)."""
    frames = []
    for tok in doc:
        if tok.lower_ in profile.hearsay_nouns:
            content = _content_after(doc, tok, profile, limit=1)
            if content is not None:
                frames.append(
                    Frame(
                        "nominal", (tok.i, tok.i + 1), None, content, unknown_source=True, score=0.4
                    )
                )
            continue
        if tok.lower_ not in profile.nominal_cues:
            continue
        nxt = tok.i + 1
        if nxt < len(doc) and doc[nxt].lower_ in profile.nominal_preps:
            source = np_right(doc, nxt + 1, profile)
            if source and any(
                t.text[:1].isupper()
                or t.lower_ in profile.role_nouns
                or t.lower_ in profile.group_words
                for t in doc[source[0] : source[1]]
            ):
                content = _content_after(doc, doc[source[1] - 1], profile, limit=3)
                frames.append(Frame("nominal", (tok.i, tok.i + 1), source, content, score=0.7))
        elif (
            tok.i >= 2 and doc[tok.i - 1].text in ("'s", "’s") and doc[tok.i - 2].text[:1].isupper()
        ):
            content = _content_after(doc, tok, profile, limit=2)
            if content is not None:  # "X's claim that ...", not "X's comments" as an object
                source = _np_left(doc, tok.i - 1, profile)
                frames.append(Frame("nominal", (tok.i, tok.i + 1), source, content, score=0.65))
    return frames


def colon_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'Rutte: „...”' and bylines such as 'Bron: ANP'."""
    colon = next((t for t in doc[:8] if t.text == ":" or t.text.endswith(":") and len(t) > 1), None)
    if colon is None or colon.i == 0:
        return []
    lead = 1 if doc[0].text in ('"', "“", "„", ",,", "'") else 0
    head = doc[lead : colon.i]
    if not len(head):
        return []
    if head[0].lower_ in profile.byline_prefixes and colon.i <= 2:
        source = (colon.i + 1, len(doc) - (1 if doc[-1].is_punct else 0))
        if source[1] > source[0]:
            return [Frame("according_to", (0, colon.i), source, None, score=0.8)]
        return []
    if not all(looks_nominal(t, profile) for t in head):
        return []
    if not any(t.text[:1].isupper() or t.lower_ in profile.role_nouns for t in head):
        return []
    quote_follows = colon.i + 1 < len(doc) and doc[colon.i + 1].text in (
        '"',
        "“",
        "„",
        ",,",
        "'",
        "‘",
    )
    transcript = lead == 1 and all(t.text.isupper() for t in head if t.is_alpha)
    headline = (
        len(head) <= 4
        and all(t.text[:1].isupper() or t.is_punct for t in head)
        and head[0].lower_ not in profile.determiners
        and head.text.lower() not in profile.colon_non_sources
    )
    if not (quote_follows or transcript or headline):
        return []  # "The Latest: ..." is a rubric, not a speaker
    content = (colon.i + 1, len(doc))
    return [Frame("direct", (colon.i, colon.i + 1), (lead, colon.i), content, score=0.8)]


DASHES = frozenset({"―", "—", "–"})


def dash_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'“...” ― Sonya Herridge': a quotation signed with a dash and a name."""
    for tok in doc:
        if tok.text in DASHES and tok.i > 0 and doc[tok.i - 1].text in QUOTE_CLOSERS:
            source = np_right(doc, tok.i + 1, profile)
            if source and any(t.text[:1].isupper() for t in doc[source[0] : source[1]]):
                return [Frame("direct", (tok.i, tok.i + 1), source, (0, tok.i), score=0.8)]
    return []


def reportative_marker(
    doc: Doc, profile: LanguageProfile, perfect_only: bool = True
) -> Token | None:
    """The 'zou/zouden' or 'reportedly' that marks the sentence as hearsay, if any."""
    lowers = [t.lower_ for t in doc]
    for pattern in profile.reportative_adverbs:
        n = len(pattern)
        for i in range(len(doc) - n + 1):
            if tuple(lowers[i : i + n]) == pattern:
                return doc[i]
    for tok in doc:
        if tok.lower_ not in profile.reportative_aux:
            continue
        # zou in a subordinate clause (after 'dat', 'als', 'if') is future-in-the-past or conditional
        before = lowers[: tok.i]
        if any(
            w in ("dat", "als", "indien", "wanneer", "of", "die", "omdat", "tenzij", "alsof")
            for w in before
        ):
            continue
        nxt = lowers[tok.i + 1 : tok.i + 4]
        if any(w in ("moeten", "kunnen", "willen", "mogen", "graag", "liever") for w in nxt):
            continue
        if perfect_only and not any(w in profile.perfect_auxiliaries for w in lowers[tok.i + 1 :]):
            continue  # "zou ... plaatsvinden" is a plan; "zou ... hebben plaatsgehad" is hearsay
        return tok
    return None


def find_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """All attribution frames of one sentence, cue order."""
    frames = (
        verb_frames(doc, profile) + according_to_frames(doc, profile) + nominal_frames(doc, profile)
    )
    frames += colon_frames(doc, profile) + dash_frames(doc, profile)
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
