"""Saving an imported article with its statements and attributions.

Everything for one article is written in one transaction: a failure at any
point (a bad offset, a crash, a locked database) leaves no trace of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from claimtrack.engine.document import Attribution, Document, SourceRef, TextSpan
from claimtrack.ingest.article import ParsedArticle
from claimtrack.store.institution_names import consolidate_institutions
from claimtrack.store.person_names import consolidate_people
from claimtrack.store.publisher_voice import auto_kind, chosen_kind, credit_publisher
from claimtrack.store.sources import (
    SpeakerResolution,
    ensure_curated_sources,
    resolve_source,
    resolve_speaker,
    set_affiliation,
)
from claimtrack.store.transactions import write_transaction


@dataclass(frozen=True)
class SaveResult:
    """Outcome of saving one article: "imported" or "unchanged" (same content already stored)."""

    status: str
    article_id: int
    statements: int
    title: str | None = None


class OffsetMismatch(ValueError):
    """The engine returned a span whose offsets do not select its text in the body."""


def find_article_by_hash(db: sqlite_utils.Database, content_hash: str) -> SaveResult | None:
    """The stored article with this content hash, as an "unchanged" result, if any."""
    row = db.execute(
        "SELECT id, (SELECT count(*) FROM statements WHERE article_id = articles.id), title "
        "FROM articles WHERE content_hash = ?",
        [content_hash],
    ).fetchone()
    return SaveResult("unchanged", row[0], row[1], row[2]) if row else None


def suggestions_pending(db: sqlite_utils.Database, article_id: int) -> bool:
    """True when the article's event suggestions have not been computed yet."""
    row = db.execute(
        "SELECT suggestions_pending FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return bool(row and row[0])


def save_article(
    db: sqlite_utils.Database, parsed: ParsedArticle, document: Document
) -> SaveResult:
    """Store `parsed` with the engine's analysis `document` of its body, in one transaction.

    `document` offsets index into `parsed.body`. If an article with the
    same content hash is already stored nothing is written and the result
    is "unchanged". The article is a statement or a report as `parsed.kind`
    says, else as its publisher decides (`publisher_voice.auto_kind`); a
    statement's sentences that nobody else speaks in are credited to its
    publisher.
    """
    _check_offsets(parsed.body, document)
    ensure_curated_sources(db)
    kind = chosen_kind(getattr(parsed, "kind", None))
    # each distinct source is looked up once per article, however often it speaks
    resolved: dict[tuple, SpeakerResolution] = {}
    with write_transaction(db):
        existing = find_article_by_hash(db, parsed.content_hash)
        if existing:
            return existing
        kind_set_by = "import" if kind else "auto"
        kind = kind or auto_kind(db, parsed.publisher)
        article_id = db.execute(
            "INSERT INTO articles (title, url, publisher, language, date, date_precision, body,"
            " body_offset, content_hash, source_path, word_count, imported_at,"
            " suggestions_pending, kind, kind_set_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            [
                parsed.title or headline_from(document),
                parsed.url,
                parsed.publisher,
                document.language,
                parsed.date,
                parsed.date_precision,
                parsed.body,
                parsed.body_offset,
                parsed.content_hash,
                parsed.source_path,
                parsed.word_count,
                datetime.now(UTC).isoformat(timespec="seconds"),
                kind,
                kind_set_by,
            ],
        ).lastrowid
        for statement in document.statements:
            statement_id = db.execute(
                'INSERT INTO statements (article_id, idx, paragraph, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    article_id,
                    statement.index,
                    statement.paragraph,
                    statement.start,
                    statement.end,
                    statement.text,
                ],
            ).lastrowid
            context = MentionContext(parsed.body, statement.start, document.language)
            _save_attributions(db, statement_id, statement.attributions, context, resolved)
        if kind == "statement":
            credit_publisher(db, article_id)
        # "Kasich" stored before "John Kasich" was: one person, one source
        used = {r.source_id for r in resolved.values() if r.source_id}
        consolidate_people(db, used)
        consolidate_institutions(db, used)
    return SaveResult("imported", article_id, len(document.statements), parsed.title)


@dataclass(frozen=True)
class MentionContext:
    """Where a mention stands: the article body, its sentence's start, the language."""

    body: str
    sentence_start: int
    language: str

    def starts_sentence(self, ref: SourceRef) -> bool:
        """Whether the mention opens its sentence (only quote marks or spaces before it)."""
        if ref.start is None:
            return False
        before = self.body[self.sentence_start : ref.start]
        return not any(ch.isalnum() for ch in before)


def _save_attributions(
    db: sqlite_utils.Database,
    statement_id: int,
    attributions: list[Attribution],
    context: MentionContext,
    resolved: dict[tuple, SpeakerResolution],
) -> None:
    saved: list[tuple[int, str]] = []  # (attribution id, speaker name) in order
    for position, attribution in enumerate(attributions):
        speaker = attribution.speaker
        resolution = _resolve_ref(db, speaker, context, resolved)
        # nested reporting: "X meldt dat Y zei ..." - the outer attribution is
        # the one whose speaker passed this one on first
        parent_id = None
        if attribution.via:
            first_via = attribution.via[0].name
            parent_id = next((aid for aid, name in saved if name == first_via), None)
        cue, content = attribution.cue, attribution.content
        attribution_id = db.execute(
            "INSERT INTO attributions (statement_id, position, speaker_source_id, speaker_name,"
            " speaker_kind, mention, mention_start, mention_end, cue, cue_start, cue_end,"
            " content, content_start, content_end, type, confidence, parent_id, unresolved,"
            " speaker_affiliation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                statement_id,
                position,
                resolution.source_id,
                speaker.name,
                speaker.kind,
                speaker.mention,
                speaker.start,
                speaker.end,
                *_span_values(cue),
                *_span_values(content),
                attribution.type,
                float(attribution.confidence),
                parent_id,
                resolution.unresolved,
                speaker.affiliation,
            ],
        ).lastrowid
        saved.append((attribution_id, speaker.name))
        for via_position, via in enumerate(attribution.via):
            db.execute(
                "INSERT INTO attribution_via (attribution_id, position, source_id, name, kind,"
                " mention, mention_start, mention_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    attribution_id,
                    via_position,
                    _resolve_ref(db, via, context, resolved).source_id,
                    via.name,
                    via.kind,
                    via.mention,
                    via.start,
                    via.end,
                ],
            )


def _resolve_ref(
    db: sqlite_utils.Database,
    ref: SourceRef,
    context: MentionContext,
    resolved: dict[tuple, SpeakerResolution],
) -> SpeakerResolution:
    starts_sentence = context.starts_sentence(ref)
    key = (ref.name, ref.kind, ref.affiliation, starts_sentence)
    if key not in resolved:
        resolved[key] = _resolve_new_ref(db, ref, context, starts_sentence)
    return resolved[key]


def _resolve_new_ref(
    db: sqlite_utils.Database, ref: SourceRef, context: MentionContext, starts_sentence: bool
) -> SpeakerResolution:
    resolution = resolve_speaker(
        db,
        ref.name,
        ref.kind,
        context.language,
        starts_sentence=starts_sentence,
        body=context.body,
    )
    if resolution.source_id is not None and ref.affiliation:
        affiliation_id = resolve_source(db, ref.affiliation, "organization", context.language)
        if affiliation_id is not None:
            set_affiliation(db, resolution.source_id, affiliation_id)
    return resolution


def headline_from(document: Document, limit: int = 90) -> str | None:
    """A stand-in title for an article that has none: its first sentence, cut at a word."""
    if not document.statements:
        return None
    first = " ".join(document.statements[0].text.split())
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + " …"


def _span_values(span: TextSpan | None) -> tuple:
    return (span.text, span.start, span.end) if span else (None, None, None)


def _check_offsets(body: str, document: Document) -> None:
    """Refuse a document whose offsets do not select their text in `body`."""

    def check(what: str, text: str | None, start: int | None, end: int | None) -> None:
        if start is None or text is None:
            return
        if body[start:end] != text:
            raise OffsetMismatch(
                f"{what} offsets {start}-{end} select {body[start:end]!r}, not {text!r}"
            )

    for statement in document.statements:
        check("statement", statement.text, statement.start, statement.end)
        for attribution in statement.attributions:
            refs = [attribution.speaker, *attribution.via]
            for ref in refs:
                check("mention", ref.mention, ref.start, ref.end)
            for span in (attribution.cue, attribution.content):
                if span:
                    check("span", span.text, span.start, span.end)
