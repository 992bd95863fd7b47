"""Cues that are not reporting verbs: 'volgens X', 'kritiek van X', 'X: ...',
'“...” ― X', 'in a poll', and the reportative marker ('zou', 'reportedly')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrack.engine.frame import Frame
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.phrases import (
    clause_end,
    content_after,
    np_left,
    np_right,
    opens_next_phrase,
    subtree_span,
)
from claimtrack.engine.tokens import (
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    looks_nominal,
    lower_words,
    text_of,
    tokens_of,
)


def phrase_until_comma(
    doc: Doc, start: int, profile: LanguageProfile, limit: int = 12
) -> tuple[int, int] | None:
    """Tokens from `start` up to a comma, the sentence end or the article of a next noun
    phrase (a source the tagger mislabelled)."""
    end = start
    while (
        end < len(doc)
        and end - start < limit
        and not (doc[end].is_punct and doc[end].text not in ("-", "'", "’"))
        and not (end > start and opens_next_phrase(doc, end, profile))
    ):
        end += 1
    return (start, end) if end > start else None


def _head_words(doc: Doc, source: tuple[int, int], profile: LanguageProfile) -> set[str]:
    """The head of a source phrase, its last word before any 'van'/'of' phrase, as written
    and as its lemma ('afspraken', 'afspraak')."""
    start, end = source
    for k in range(start + 1, end):
        if doc[k].lower_ in profile.affiliation_preps:
            end = k
            break
    head = doc[end - 1]
    return {head.lower_, head.lemma_.lower()}


def _before_finite_verb(doc: Doc, source: tuple[int, int]) -> tuple[int, int]:
    """'Volgens getuigen klonken er …': a clause that opens with the source has its finite verb
    right after it, so a source phrase ends before the first verb past its first word."""
    start, end = source
    for k in range(start + 1, end):
        if doc[k].pos_ in ("VERB", "AUX"):
            return (start, k)
    return source


def according_to_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'volgens X', 'aldus X', 'according to X'."""
    frames = []
    lowers = lower_words(doc)
    for pattern in profile.according_to:
        n = len(pattern)
        for i in range(len(doc) - n + 1):
            if lowers[i] != pattern[0] or lowers[i : i + n] != pattern:
                continue
            source = np_right(doc, i + n, profile) or phrase_until_comma(doc, i + n, profile)
            if source is None:
                continue
            if i == 0:
                source = _before_finite_verb(doc, source)
            if _head_words(doc, source, profile) & profile.according_to_non_sources:
                continue  # "volgens de dienstregeling": a plan followed, no one's claim
            source = document_owner(doc, source, profile)
            relative = _relative_clause(doc, i, source[1], profile) if i > 0 else None
            if relative is not None:
                content = relative
            elif i > 0:
                content = (0, i - 1 if doc[i - 1].text == "," else i)
            else:
                after = (
                    source[1] + 1
                    if source[1] < len(doc) and doc[source[1]].text == ","
                    else source[1]
                )
                content = (after, clause_end(doc, after, profile))
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


def _relative_clause(
    doc: Doc, cue: int, source_end: int, profile: LanguageProfile
) -> tuple[int, int] | None:
    """'… de vacaturestop, die volgens de bond 300 banen kostte': a source word right after
    the relative pronoun that opens a clause claims that clause, not the sentence around
    it; the clause's span (pronoun to the next comma), else None."""
    k = cue - 1
    if k > 0 and doc[k].text == ",":
        k -= 1  # "which, according to the union, cost …"
    if k < 1 or doc[k].lower_ not in profile.relative_pronouns or doc[k - 1].text != ",":
        return None
    end = clause_end(doc, source_end, profile)
    comma = next((t.i for t in doc[source_end:end] if t.text == "," and t.i > source_end), end)
    return (k, comma)


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
        content = (after, clause_end(doc, after, profile)) if tok.i == 0 else (0, tok.i)
        # "Dat blijkt uit onderzoek van X", "Dat is te lezen in …": the claim is the sentence before
        words = doc[content[0] : content[1]]
        anaphoric = (
            len(words) > 0
            and words[0].lower_ in profile.demonstratives
            and all(t.pos_ in ("VERB", "AUX", "ADP", "PART", "ADV") for t in words[1:])
        )
        if content[0] == 0:
            content = (0, _before_inverted_verb(doc, content[1]))
        if content[1] > content[0]:
            return [
                Frame(
                    "according_to",
                    (tok.i, tok.i + 1),
                    document_owner(doc, source, profile),
                    None if anaphoric else content,
                    anaphoric=anaphoric,
                    score=0.6,
                )
            ]
    return []


def _before_inverted_verb(doc: Doc, end: int) -> int:
    """'Het aantal is gedaald, blijkt uit cijfers van X': the claim ends before ', blijkt'."""
    if end >= 2 and doc[end - 1].pos_ in ("VERB", "AUX") and doc[end - 2].text == ",":
        end -= 1
    while end > 1 and doc[end - 1].is_punct:
        end -= 1
    return end


def document_owner(doc: Doc, source: tuple[int, int], profile: LanguageProfile) -> tuple[int, int]:
    """'een rapport van de VN', 'cijfers van het CBS': a document speaks for whoever made it."""
    start, end = source
    for i in range(start, end - 1):
        if (
            doc[i].lower_ in profile.source_documents
            and doc[i + 1].lower_ in profile.affiliation_preps
        ):
            owner = np_right(doc, i + 2, profile)
            if owner is not None and owner[1] <= end:
                return owner
    return source


def _points_back(doc: Doc, cue: Token, profile: LanguageProfile) -> bool:
    """'Dat is de conclusie van X', 'Die verwachting ...': a cue noun that refers to the
    sentence before rather than to a clause of its own."""
    if cue.i == 1 and doc[0].lower_ in profile.demonstrative_determiners:
        return True
    return doc[0].lower_ in profile.demonstratives and cue.i <= 4


def nominal_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'kritiek van X', 'a warning from X', "X's warning"; 'geruchten dat ...' (no source)."""
    frames = []
    toks = tokens_of(doc)
    for i, word in enumerate(lower_words(doc)):
        if word not in profile.hearsay_nouns and word not in profile.nominal_cues:
            continue
        tok = toks[i]
        if tok.lower_ in profile.hearsay_nouns:
            content = content_after(doc, tok, profile, limit=1)
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
            if source and (
                any(
                    t.text[:1].isupper()
                    or t.lower_ in profile.role_nouns
                    or t.lower_ in profile.group_words
                    for t in doc[source[0] : source[1]]
                )
                # "Dat is de conclusie van het waterschap": pointing back, the
                # noun after 'van' is the one who concluded, whatever it is called
                or _points_back(doc, tok, profile)
                and doc[source[1] - 1].pos_ == "NOUN"
                and doc[source[1] - 1].lower_ not in profile.time_nouns
            ):
                content = content_after(doc, doc[source[1] - 1], profile, limit=3)
                anaphoric = content is None and _points_back(doc, tok, profile)
                frames.append(
                    Frame(
                        "nominal",
                        (tok.i, tok.i + 1),
                        source,
                        content,
                        anaphoric=anaphoric,
                        score=0.7,
                    )
                )
        elif tok.i == 1 and _points_back(doc, tok, profile):
            # "Die verwachting heeft X uitgesproken": the subject holds the view just reported
            subject = next(
                (t for t in doc if t.dep_ == "nsubj" and t.i > tok.i and t.head.dep_ == "ROOT"),
                None,
            )
            span = None
            if subject is not None:
                span = (min(t.i for t in subject.subtree), max(t.i for t in subject.subtree) + 1)
            elif tok.dep_.startswith("nsubj"):
                # the parse took the fronted object for the subject: the subject
                # stands right after the finite verb (verb second)
                verb = next(
                    (t for t in doc[tok.i + 1 : tok.i + 3] if t.pos_ in ("AUX", "VERB")), None
                )
                span = np_right(doc, verb.i + 1, profile) if verb is not None else None
            if span is not None:
                left, right = span
                frames.append(
                    Frame(
                        "nominal",
                        (tok.i, tok.i + 1),
                        (left, right),
                        None,
                        anaphoric=True,
                        score=0.65,
                    )
                )
        elif (
            tok.i >= 2 and doc[tok.i - 1].text in ("'s", "’s") and doc[tok.i - 2].text[:1].isupper()
        ):
            content = content_after(doc, tok, profile, limit=2)
            if content is not None:  # "X's claim that ...", not "X's comments" as an object
                source = np_left(doc, tok.i - 1, profile)
                frames.append(Frame("nominal", (tok.i, tok.i + 1), source, content, score=0.65))
    return frames


def _quotation_opens_after(doc: Doc, colon: Token) -> bool:
    """A quotation mark right after the colon (there a straight single quote opens too)."""
    return colon.i + 1 < len(doc) and (
        doc[colon.i + 1].text in QUOTE_OPENERS or doc[colon.i + 1].text == "'"
    )


def colon_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'Rutte: „...”' and bylines such as 'Bron: ANP'."""
    if ":" not in text_of(doc):
        return []
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
    quote_follows = _quotation_opens_after(doc, colon)
    lone_name = (
        quote_follows
        and len(head) == 1
        and head[0].is_alpha
        and head[0].text[:1].isupper()
        and head[0].lower_ not in profile.stopwords
    )  # "Jansen: ,,…": a surname, however the tagger reads it
    if not lone_name and not all(looks_nominal(t, profile) for t in head):
        return []
    if not any(t.text[:1].isupper() or t.lower_ in profile.role_nouns for t in head):
        return []
    if (
        len(head) == 1
        and not quote_follows
        and head[0].pos_ == "NOUN"
        and not head[0].ent_type_
        and head[0].lower_ not in profile.role_nouns
    ):
        return []  # "Gevolg: de club zoekt …": a common noun as a rubric, not a speaker
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


def colon_quote_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'De trainer was tevreden: ,,We hebben goed gespeeld.''': a clause whose subject
    introduces the quotation its colon opens (for sentences with no other cue)."""
    if ":" not in text_of(doc):
        return []
    colon = next((t for t in doc[2:-1] if t.text == ":" and _quotation_opens_after(doc, t)), None)
    if colon is None or any(
        t.text in QUOTE_OPENERS or t.text in QUOTE_CLOSERS for t in doc[: colon.i]
    ):
        return []  # a colon inside a quotation, or a quotation before it
    subject = next(
        (
            t
            for t in doc[: colon.i]
            if t.dep_ in ("nsubj", "nsubj:pass")
            and t.head.i < colon.i
            and t.pos_ in ("NOUN", "PROPN", "PRON")
            and t.lower_ not in profile.impersonal_subjects
            and t.lower_ not in profile.demonstratives
        ),
        None,
    )
    if subject is None:
        return []
    start, end = subtree_span(subject)
    if end > colon.i:
        return []
    content = (colon.i + 1, len(doc))
    return [Frame("direct", (colon.i, colon.i + 1), (start, end), content, score=0.7)]


DASHES = frozenset({"―", "—", "–"})


def dash_frames(doc: Doc, profile: LanguageProfile) -> list[Frame]:
    """'“...” ― Sonya Herridge': a quotation signed with a dash and a name."""
    text = text_of(doc)
    if not any(dash in text for dash in DASHES):
        return []
    toks = tokens_of(doc)
    for tok in toks:
        if tok.text in DASHES and tok.i > 0 and toks[tok.i - 1].text in QUOTE_CLOSERS:
            source = np_right(doc, tok.i + 1, profile)
            if source and any(t.text[:1].isupper() for t in doc[source[0] : source[1]]):
                return [Frame("direct", (tok.i, tok.i + 1), source, (0, tok.i), score=0.8)]
    return []


def reportative_marker(
    doc: Doc, profile: LanguageProfile, perfect_only: bool = True
) -> Token | None:
    """The 'zou/zouden' or 'reportedly' that marks the sentence as hearsay, if any."""
    lowers = lower_words(doc)
    for pattern in profile.reportative_adverbs:
        if pattern[0] not in lowers:
            continue
        n = len(pattern)
        for i in range(len(doc) - n + 1):
            if lowers[i] == pattern[0] and lowers[i : i + n] == pattern:
                return doc[i]
    for i, word in enumerate(lowers):
        if word not in profile.reportative_aux:
            continue
        tok = doc[i]
        # zou in a subordinate clause (after 'dat', 'als', 'if') is future-in-the-past or conditional
        before = lowers[: tok.i]
        if any(w in profile.subordinators for w in before):
            continue
        nxt = lowers[tok.i + 1 : tok.i + 4]
        if any(w in profile.non_reportative_after for w in nxt):
            continue
        if perfect_only and not any(w in profile.perfect_auxiliaries for w in lowers[tok.i + 1 :]):
            continue  # "zou ... plaatsvinden" is a plan; "zou ... hebben plaatsgehad" is hearsay
        return tok
    return None
