"""Attach attributions to the statements of one article.

Pass 1 walks the sentences in order: finds cue frames, resolves their sources
against the article's entity registry, links nested frames into via chains,
applies paragraph carry-over to reportative sentences and anaphoric frames
("Dat heeft hij gezegd") to the sentence before. Pass 2 gives quotation
sentences without a cue the speaker of their quotation or of the context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from claimtrack.engine.chains import (
    ReportedContext,
    context_from,
    drop_publisher,
    link_nested,
    plain_ref,
)
from claimtrack.engine.coordination import coordinated_sources
from claimtrack.engine.cues import find_frames
from claimtrack.engine.document import Attribution, SourceRef, Statement, TextSpan
from claimtrack.engine.floor import PENDING as FIRST_PERSON_PENDING
from claimtrack.engine.floor import continue_quotes
from claimtrack.engine.frame import Frame
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.marker_cues import reportative_marker
from claimtrack.engine.org_types import description_kind
from claimtrack.engine.phrases import np_right
from claimtrack.engine.pipeline import parse_sentences
from claimtrack.engine.quotes import QuoteSpan
from claimtrack.engine.segment import Paragraph, Sentence
from claimtrack.engine.sources import (
    UNKNOWN,
    EntityRegistry,
    agrees_in_gender,
    clean_mention,
    finite_number,
    is_organisation_word,
    resolve,
)
from claimtrack.engine.tokens import lemma
from claimtrack.engine.turns import continue_turns


@dataclass
class SentenceView:
    """One sentence with its parse, position and quotation context."""

    sentence: Sentence
    statement: Statement
    doc: Doc
    quotes: list[QuoteSpan]
    subject: SourceRef | None = None
    salient_before: SourceRef | None = None
    frames: list[Frame] = field(default_factory=list)
    # the organisation that spoke as the subject of the sentence before, and the article it
    # was named with ("De fabriek spreekt dat tegen": the factory, "de")
    organisation_before: tuple[SourceRef, str] | None = None
    # the organisation that speaks as this sentence's subject, in the same form
    speaking_organisation: tuple[SourceRef, str] | None = None
    # positions of pronoun sources found to stand for that organisation: no person's
    settled_pronouns: set[int] = field(default_factory=set)


def _span(body: str, doc: Doc, base: int, start: int, end: int) -> TextSpan | None:
    start, end = max(0, start), min(len(doc), end)
    while start < end and (doc[start].is_space or doc[start].text in ",;:"):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in ",;:"):
        end -= 1
    if start >= end:
        return None
    s = base + doc[start].idx
    e = base + doc[end - 1].idx + len(doc[end - 1])
    return TextSpan(body[s:e], s, e)


def _strip_quote_marks(body: str, span: TextSpan, quotes: list[QuoteSpan]) -> tuple[TextSpan, str]:
    """Content that is (mostly) a quotation becomes its inner text, type direct or mixed."""
    for q in quotes:
        if q.start <= span.start + 1 and span.end - 1 <= q.end:
            s, e = max(span.start, q.inner_start), min(span.end, q.inner_end)
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1] in " ,":
                e -= 1
            if e > s:
                return TextSpan(body[s:e], s, e), "direct"
    for q in quotes:
        if (
            span.start <= q.start
            and q.end <= span.end + 1
            or span.start < q.inner_end
            and q.inner_start < span.end
        ):
            return span, "mixed"
    return span, "indirect"


def _speaker_ref(
    view: SentenceView,
    frame: Frame,
    body: str,
    profile: LanguageProfile,
    registry: EntityRegistry,
    index: int,
) -> SourceRef | None:
    doc, base = view.doc, view.sentence.start
    in_quote = any(q.inner_start <= base + doc[frame.cue[0]].idx < q.inner_end for q in view.quotes)
    if frame.unknown_source:
        return (
            SourceRef(FIRST_PERSON_PENDING, "person") if in_quote else SourceRef(UNKNOWN, "unknown")
        )
    if frame.source is None:
        # a reporting verb with a claim but no visible source: still an attribution, source unknown
        return (
            SourceRef(UNKNOWN, "unknown")
            if frame.content is not None and not frame.opinion
            else None
        )
    if frame.antecedent is not None:
        antecedent = clean_mention(doc, frame.antecedent[0], frame.antecedent[1], profile)
        span = _span(body, doc, base, *frame.source)
        if antecedent is None or span is None:
            return None
        return _resolved(antecedent, span, registry, index)
    mention = clean_mention(doc, frame.source[0], frame.source[1], profile)
    if mention is None:
        return None
    span = _span(body, doc, base, mention.start, mention.end)
    if span is None:
        return None
    if (
        mention.head in profile.first_person
        or mention.pronoun
        and mention.head in profile.first_person
    ):
        return SourceRef(FIRST_PERSON_PENDING, "person") if in_quote else None
    if mention.head in profile.impersonal_subjects or mention.head in profile.demonstratives:
        return None
    owner = _owner_of_claim_noun(doc, mention, profile)
    if owner is not None:
        mention = owner  # "luidt de conclusie van de commissie": the commission concludes
        span = _span(body, doc, base, mention.start, mention.end) or span
    elif (
        mention.head in profile.nominal_cues
        and mention.head not in profile.source_documents  # "the statement said": a document
        and mention.name is None
    ):
        # "…, luidde zijn conclusie": a claim noun with no owner named is the claim of
        # whoever the context is about, like a pronoun
        holder = view.salient_before
        if holder is None:
            return SourceRef(UNKNOWN, "unknown")
        return SourceRef(holder.name, holder.kind, span.text, span.start, span.end)
    organisation = _organisation_pronoun(view, mention, profile)
    if organisation is not None:
        view.settled_pronouns.add(mention.start)
        return SourceRef(
            organisation.name,
            organisation.kind,
            span.text,
            span.start,
            span.end,
            organisation.affiliation,
        )
    group = _pronoun_group(doc, mention, profile, registry, index)
    if group:
        first = group[0]
        return SourceRef(first.name, first.kind, span.text, span.start, span.end, first.affiliation)
    gender = _pronoun_gender(doc, mention, profile)
    named = _named_subject_before(doc, mention, profile, gender)
    if named is not None:
        mention = named
    return _resolved(mention, span, registry, index, gender)


def _pronoun_gender(doc: Doc, mention, profile: LanguageProfile) -> str | None:
    """The gender ("m", "f") a pronoun source refers to ("zij zegt", "she said": "f"); None
    for a source that is no pronoun, and for a pronoun that is also plural unless its verb
    is singular ("zij zeggen" is they)."""
    if not mention.pronoun:
        return None
    number = finite_number(doc[mention.start].head)
    if mention.head in profile.plural_pronouns and number != ["Sing"]:
        return None
    return profile.pronoun_genders.get(mention.head)


def _organisation_pronoun(view: SentenceView, mention, profile: LanguageProfile):
    """'De fabriek spreekt dat tegen. Zij stelt dat …': a singular pronoun that may stand for
    an organisation named with a certain article (organization_subject_pronouns.txt: a
    de-word takes zij/ze) is the organisation that spoke as the subject of the sentence right
    before, when it was named with that article; None otherwise."""
    before = view.organisation_before
    if before is None or not mention.pronoun:
        return None
    organisation, article = before
    if (mention.head, article) not in profile.organization_subject_pronouns:
        return None
    if finite_number(view.doc[mention.start].head) != ["Sing"]:
        return None  # "Zij zeggen": they
    return organisation


def _speaking_organisation(
    view: SentenceView, built: list[tuple[Attribution, Frame]], profile: LanguageProfile
) -> tuple[SourceRef, str] | None:
    """The organisation that speaks as the subject of a cue of this sentence, and the article
    it is named with ("De fabriek spreekt dat tegen": the factory, "de"); a pronoun that stood
    for the one of the sentence before keeps it ("Zij stelt …"). None if there is none."""
    for attribution, frame in built:
        speaker = attribution.speaker
        if (
            frame.source is None
            or frame.antecedent is not None
            or frame.type == "according_to"  # "volgens de bond": no subject
            or speaker.name in (UNKNOWN, FIRST_PERSON_PENDING)
        ):
            continue
        mention = clean_mention(view.doc, frame.source[0], frame.source[1], profile)
        if mention is None:
            continue
        if mention.start in view.settled_pronouns:
            return view.organisation_before
        if mention.pronoun or mention.article is None or mention.kind == "group":
            continue
        if _names_an_organisation(speaker, mention, profile):
            return speaker, mention.article
    return None


def _names_an_organisation(speaker: SourceRef, mention, profile: LanguageProfile) -> bool:
    """A speaker that is an organisation: one by its kind, or a description headed by a noun
    for an institution or for a kind of organisation ("de fabriek", lang/data/org_types.tsv)."""
    if speaker.kind == "organization":
        return True
    return mention.name is None and (
        is_organisation_word(mention.head, profile)
        or description_kind(mention.head, profile.compound_nouns) is not None
    )


def _named_subject_before(doc: Doc, pronoun, profile: LanguageProfile, gender: str | None):
    """'Schepen Ingrid Maes stelde het uit omdat het volgens haar onvolledig was': a singular
    pronoun after the sentence's own subject, a named person, is that person, unless the
    person's first name marks the other gender than the pronoun's `gender`."""
    if not pronoun.pronoun or pronoun.head in profile.plural_pronouns or pronoun.start == 0:
        return None
    if doc[pronoun.start].dep_ in ("nsubj", "nsubj:pass"):
        return None  # "X said he believes …": the parse of nested reports is left as it is
    subject = next(
        (
            t
            for t in doc[: pronoun.start]
            if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT"
        ),
        None,
    )
    if subject is None:
        return None
    words = [t for t in subject.subtree if t.i < pronoun.start]
    named = clean_mention(doc, words[0].i, words[-1].i + 1, profile) if words else None
    if named is None or named.pronoun or not named.name or named.kind != "person":
        return None
    return named if agrees_in_gender(named.name, gender, profile) else None


def _owner_of_claim_noun(doc: Doc, mention, profile: LanguageProfile):
    """The owner a claim noun names with its preposition ("de conclusie van de commissie"),
    as a mention of its own; None when the mention is no such noun phrase."""
    words = [t for t in doc[mention.start : mention.end] if t.lower_ not in profile.determiners]
    if len(words) < 3 or words[0].lower_ not in profile.nominal_cues:
        return None
    if words[1].lower_ not in profile.nominal_preps:
        return None
    return clean_mention(doc, words[1].i + 1, mention.end, profile)


def _pronoun_group(doc: Doc, mention, profile: LanguageProfile, registry: EntityRegistry, index):
    """The people a plural pronoun subject refers to ('Ze zeiden' after 'X, Y en Z …')."""
    if not mention.pronoun or mention.head not in profile.plural_pronouns:
        return []
    if finite_number(doc[mention.start].head) != ["Plur"]:
        return []  # "zij zei": she, not they
    return registry.plural_antecedents(index)


def _resolved(
    mention, span: TextSpan, registry: EntityRegistry, index: int, gender: str | None = None
) -> SourceRef:
    """The source a mention resolves to, pointing at its text in the article (`gender`: a
    pronoun's)."""
    name, kind, affiliation = resolve(mention, registry, index, gender)
    return SourceRef(name, kind, span.text, span.start, span.end, affiliation)


def _attributions_for(
    view: SentenceView, body: str, profile: LanguageProfile, registry: EntityRegistry, index: int
):
    doc, base = view.doc, view.sentence.start
    built: list[tuple[Attribution, Frame]] = []
    for frame in view.frames:
        cue_at = base + doc[frame.cue[0]].idx
        if not doc[frame.cue[0]].is_punct and any(
            q.inner_start <= cue_at < q.inner_end for q in view.quotes
        ):
            continue  # cues inside a quotation belong to the quoted speaker's words
        speaker = _speaker_ref(view, frame, body, profile, registry, index)
        if speaker is None:
            continue
        cue = _span(body, doc, base, *frame.cue) or TextSpan(
            doc[frame.cue[0]].text,
            base + doc[frame.cue[0]].idx,
            base + doc[frame.cue[0]].idx + len(doc[frame.cue[0]]),
        )
        content = None
        kind = frame.type
        if frame.content is not None:
            content = _span(body, doc, base, *frame.content)
            if content is not None:
                content, quoted = _strip_quote_marks(body, content, view.quotes)
                if kind == "indirect" or kind == "direct" and quoted != "indirect":
                    kind = quoted
        confidence = frame.score - (
            0.1 if speaker.mention and speaker.mention.lower() in profile.person_pronouns else 0.0
        )
        if speaker.name == UNKNOWN:
            confidence = min(confidence, 0.4)
        built.append((Attribution(speaker, kind, cue, content, [], round(confidence, 2)), frame))
        if frame.source is not None and frame.antecedent is None and speaker.name != UNKNOWN:
            for member in _coordinated_speakers(view, frame, body, profile, registry, index):
                if member.name != speaker.name:
                    built.append(
                        (Attribution(member, kind, cue, content, [], round(confidence, 2)), frame)
                    )
    return built


def _described_organisation(speaker: SourceRef, profile: LanguageProfile) -> bool:
    """A speaker known only by a description headed by an organisation noun ("The ambulance
    service said"): no name, no pronoun, no phrase of affiliation."""
    words = speaker.name.split()
    return (
        speaker.kind == "organization"
        and speaker.mention is not None
        and speaker.mention.lower() not in profile.organization_pronouns
        and bool(words)
        and speaker.name[:1].islower()
        and is_organisation_word(words[-1], profile)
        # "het ministerie van justitie": a description that names whose it is stays apart
        and not any(w in profile.affiliation_preps for w in words)
    )


def _bind_to_reporter(
    view: SentenceView, built: list[tuple[Attribution, Frame]], profile: LanguageProfile
) -> set[int]:
    """'Harbourlight said it was glad of the offer, but asked …', 'The union blames the
    freeze, which it says cost 300 jobs': a pronoun source inside the claim of a speaker
    named before it in the same sentence stands for that speaker, not for whoever was
    salient in the sentences before. Returns the indices of the attributions so bound:
    they stay, as claims of their own by the same speaker."""
    doc = view.doc
    bound: set[int] = set()
    for index, (attribution, frame) in enumerate(built):
        if frame.source is None or frame.antecedent is not None:
            continue
        mention = clean_mention(doc, frame.source[0], frame.source[1], profile)
        if mention is None or not mention.pronoun:
            continue
        # "Its logs show …, the company added": the owner of records inside the claim of a
        # speaker named after it is that speaker too, and the claim is that speaker's
        owner = doc[frame.source[0]].lower_ in profile.possessive_pronouns
        outers = [
            (a, f)
            for a, f in built
            if f is not frame
            and f.content is not None
            and f.source is not None
            and f.content[0] <= frame.cue[0] < f.content[1]
            and f.content[0] <= frame.source[0] < f.content[1]
            and (f.source[1] <= frame.source[0] or owner and f.inverted)
            and a.speaker.name not in (UNKNOWN, FIRST_PERSON_PENDING)
        ]
        if not outers:
            continue
        outer = min(outers, key=lambda pair: pair[1].content[1] - pair[1].content[0])[0].speaker
        if not (
            outer.kind == "person"
            and mention.head in profile.person_pronouns
            and agrees_in_gender(outer.name, _pronoun_gender(doc, mention, profile), profile)
            or outer.kind in ("organization", "group")
            and mention.head in profile.organization_pronouns
        ):
            continue
        speaker = attribution.speaker
        attribution.speaker = SourceRef(
            outer.name, outer.kind, speaker.mention, speaker.start, speaker.end, outer.affiliation
        )
        if not owner:
            bound.add(index)
    return bound


def _coordinated_speakers(
    view: SentenceView,
    frame: Frame,
    body: str,
    profile: LanguageProfile,
    registry: EntityRegistry,
    index: int,
) -> list[SourceRef]:
    """The other speakers of a list the frame's source stands in ("X, Y en Z zeiden")."""
    doc, base = view.doc, view.sentence.start
    mention = clean_mention(doc, frame.source[0], frame.source[1], profile)
    if mention is not None and mention.pronoun:
        return [
            SourceRef(member.name, member.kind, affiliation=member.affiliation)
            for member in _pronoun_group(doc, mention, profile, registry, index)
        ]
    if mention is None:
        return []
    refs = []
    for start, end in coordinated_sources(doc, mention.start, mention.end, profile):
        member = clean_mention(doc, start, end, profile)
        span = _span(body, doc, base, start, end) if member is not None else None
        if member is None or span is None or member.pronoun:
            continue
        ref = _resolved(member, span, registry, index)
        if ref.name != UNKNOWN:
            refs.append(ref)
    return refs


def _nested_source(
    view: SentenceView,
    frame: Frame,
    profile: LanguageProfile,
    registry: EntityRegistry,
    body: str,
    index: int,
) -> SourceRef | None:
    """'Ook het Kremlin heeft een verklaring ... geplaatst, meldt Reuters': the Kremlin."""
    if frame.content is None:
        return None
    doc = view.doc
    words = doc[frame.content[0] : frame.content[1]]
    if not any(t.lower_ in profile.nominal_cues for t in words):
        return None
    subject = np_right(doc, frame.content[0], profile)
    if subject is None:
        return None
    mention = clean_mention(doc, subject[0], subject[1], profile)
    if (
        mention is None
        or mention.pronoun
        or not (mention.name or mention.head in profile.organization_words)
    ):
        return None
    name, kind, affiliation = resolve(mention, registry, index)
    return SourceRef(name, kind, affiliation=affiliation)


def attribute_article(
    body: str,
    paragraphs: list[Paragraph],
    statements: list[Statement],
    profile: LanguageProfile,
    nlp: Language,
    publisher: str | None,
    docs: Iterable[Doc] | None = None,
) -> None:
    """Fill `statement.attributions` for every statement of one article
    (`docs`: the sentences' parses, when the caller has them already)."""
    sentences = [(p, s) for p in paragraphs for s in p.sentences]
    if docs is None:
        docs = parse_sentences(nlp, body, (s for _, s in sentences))
    registry = EntityRegistry(profile)
    views: list[SentenceView] = []
    context: ReportedContext | None = None
    current_paragraph = -1
    for index, ((paragraph, sentence), doc, statement) in enumerate(
        zip(sentences, docs, statements)
    ):
        quotes = [q for q in paragraph.quotes if q.start < sentence.end and sentence.start < q.end]
        view = SentenceView(sentence, statement, doc, quotes)
        views.append(view)
        if paragraph.index != current_paragraph:
            current_paragraph, context = paragraph.index, None
        salient = registry.resolve_pronoun(index, plural=False)
        view.salient_before = SourceRef(salient.name, salient.kind) if salient else None
        if index > 0:
            view.organisation_before = views[index - 1].speaking_organisation
        view.frames = find_frames(doc, profile)
        built = _attributions_for(view, body, profile, registry, index)
        view.speaking_organisation = _speaking_organisation(view, built, profile)
        bound = _bind_to_reporter(view, built, profile)
        attributions = [a for a, _ in built]
        frames = [f for _, f in built]
        redundant = link_nested(
            attributions,
            [f.content for f in frames],
            [f.cue for f in frames],
            [f.inverted for f in frames],
        )
        redundant -= bound
        attributions = [a for k, a in enumerate(attributions) if k not in redundant]
        frames = [f for k, f in enumerate(frames) if k not in redundant]
        in_quote = any(
            q.inner_start <= sentence.start + 2 and sentence.end - 2 <= q.end for q in quotes
        )
        marker = (
            None if in_quote else reportative_marker(doc, profile, perfect_only=context is None)
        )
        if marker is not None:
            _apply_reportative(view, attributions, marker, context, body)
        for attribution, frame in zip(attributions, frames):
            if frame.anaphoric and index > 0:
                _attribute_previous(views, index, attribution)
        statement.attributions = attributions
        nested = next(
            (
                _nested_source(view, f, profile, registry, body, index)
                for a, f in zip(attributions, frames)
                if f.inverted
            ),
            None,
        )
        # hearsay later in the paragraph is traced to a report ("meldt Reuters"), not to any speaker
        reports = [
            a
            for a, f in zip(attributions, frames)
            if a.speaker.name not in (UNKNOWN, FIRST_PERSON_PENDING)
            and (
                nested is not None
                or _names_a_source_word(doc, f, profile)
                or lemma(doc[f.cue[0]], profile) in profile.report_verbs
            )
        ]
        new_context = context_from(reports, nested)
        if new_context is not None:
            context = new_context
        for attribution in attributions:
            entity = registry.find(attribution.speaker.name)
            if entity is not None:
                registry.note(index, entity, "speaker")
            elif _described_organisation(attribution.speaker, profile):
                registry.note_described_speaker(index, attribution.speaker.name)
        registry.observe(
            doc,
            index,
            _quoted_tokens(doc, sentence.start, quotes),
            frozenset(view.settled_pronouns),
        )
    continue_quotes(views, registry, body)
    continue_turns(views, body, profile)
    for statement in statements:
        for attribution in statement.attributions:
            drop_publisher(attribution, publisher)


def _names_a_source_word(doc: Doc, frame: Frame, profile: LanguageProfile) -> bool:
    """'Volgens Reuters …': a frame opened by a word that introduces a source, whose hearsay
    later in the paragraph is then traced to it (a poll or a document frame is not)."""
    words = tuple(t.lower_ for t in doc[frame.cue[0] : frame.cue[1]])
    return frame.type == "according_to" and words in profile.according_to


def _apply_reportative(
    view: SentenceView,
    attributions: list[Attribution],
    marker,
    context: ReportedContext | None,
    body: str,
) -> None:
    """Hearsay ('zou', 'reportedly'): attributed to the paragraph's reported source."""
    chain = [*context.via, context.speaker] if context else []
    if attributions:
        main = attributions[0]
        main.type = "reportative"
        if not main.via:
            main.via = [plain_ref(v) for v in chain if v.name != main.speaker.name]
        return
    base = view.sentence.start
    cue = TextSpan(marker.text, base + marker.idx, base + marker.idx + len(marker))
    end = view.sentence.end
    while end > view.sentence.start and body[end - 1] in ".!?":
        end -= 1
    content = TextSpan(body[view.sentence.start : end], view.sentence.start, end)
    if context is not None:
        speaker = plain_ref(context.speaker)
        via = [plain_ref(v) for v in context.via]
        confidence = 0.6
    else:
        speaker, via, confidence = SourceRef(UNKNOWN, "unknown"), [], 0.4
    attributions.append(Attribution(speaker, "reportative", cue, content, via, confidence))


def _attribute_previous(views: list[SentenceView], index: int, attribution: Attribution) -> None:
    """'Dat heeft hij gezegd': the previous sentence is the claim this frame refers to."""
    previous = views[index - 1]
    if previous.sentence.paragraph != views[index].sentence.paragraph:
        return
    hearsay = previous.statement.attributions
    if hearsay and all(a.type == "reportative" and a.speaker.name == UNKNOWN for a in hearsay):
        # "X zou … hebben gedaan. Dat meldt de politie.": the frame names the hearsay's source
        for att in hearsay:
            att.speaker = plain_ref(attribution.speaker)
            att.via = list(attribution.via)
        return
    if hearsay:
        return
    st = previous.statement
    previous.statement.attributions.append(
        Attribution(
            plain_ref(attribution.speaker),
            "indirect",
            None,
            TextSpan(st.text.rstrip(".!?"), st.start, st.start + len(st.text.rstrip(".!?"))),
            list(attribution.via),
            0.7,
        )
    )


def _quoted_tokens(doc: Doc, base: int, quotes: list[QuoteSpan]) -> frozenset[int]:
    """Positions of the tokens that lie inside a quotation."""
    if not quotes:
        return frozenset()
    return frozenset(
        t.i for t in doc if any(q.inner_start <= base + t.idx < q.inner_end for q in quotes)
    )
