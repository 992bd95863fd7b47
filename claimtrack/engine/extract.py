"""The engine's entry point: text in, Document of statements and attributions out.

Usage:
    ex = get_extractor()
    doc = ex.extract(file_text)          # offsets into file_text (header included)
    doc = ex.analyse_body(body, ...)     # offsets into body
"""

from __future__ import annotations

import threading

from claimtrack.engine.attribute import attribute_article
from claimtrack.engine.document import Document, Statement
from claimtrack.engine.lang import SUPPORTED_LANGUAGES, get_profile
from claimtrack.engine.language import detect_language
from claimtrack.engine.metadata import split_metadata
from claimtrack.engine.pipeline import get_pipeline
from claimtrack.engine.segment import Paragraph, segment

# A body longer than this is analysed in chunks of whole paragraphs, each with
# its own record of who was mentioned: the article-level rules (pronouns, the
# quote floor) then cost the same per character however long the input is.
# News articles are far shorter, so for them nothing changes.
CHUNK_CHARS = 60_000


class Extractor:
    """Finds statements and their attributions; pipelines are loaded lazily per language."""

    def extract(self, text: str, language: str = "auto", path: str | None = None) -> Document:
        """Analyse a whole file's text (metadata header included); offsets index into `text`."""
        article = split_metadata(text)
        meta = article.meta
        if language == "auto" and meta.get("language", "").lower() in SUPPORTED_LANGUAGES:
            language = meta["language"].lower()
        document = self.analyse_body(
            article.body,
            language=language,
            publisher=meta.get("publisher") or None,
            date=meta.get("date") or None,
            title=meta.get("title") or None,
        )
        document.path = path
        if article.body_start:
            _shift(document, article.body_start)
        return document

    def analyse_body(
        self,
        body: str,
        language: str = "auto",
        publisher: str | None = None,
        date: str | None = None,
        title: str | None = None,
    ) -> Document:
        """Analyse an article body; offsets index into `body`."""
        if language == "auto":
            language = detect_language(body)
        profile = get_profile(language)
        nlp = get_pipeline(language)
        statements: list[Statement] = []
        for chunk in _chunks(segment(body, profile)):
            # statement indexes count from 0 within a chunk while it is analysed
            chunk_statements = [
                Statement(
                    index=i,
                    paragraph=s.paragraph,
                    start=s.start,
                    end=s.end,
                    text=body[s.start : s.end],
                )
                for i, s in enumerate(s for p in chunk for s in p.sentences)
            ]
            attribute_article(body, chunk, chunk_statements, profile, nlp, publisher)
            for statement in chunk_statements:
                statement.index += len(statements)
            statements.extend(chunk_statements)
        return Document(
            language=language, statements=statements, publisher=publisher, date=date, title=title
        )


def _chunks(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Consecutive paragraphs grouped into chunks of at most CHUNK_CHARS (a paragraph never split)."""
    chunks: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        if chunks and paragraph.end - chunks[-1][0].start <= CHUNK_CHARS:
            chunks[-1].append(paragraph)
        else:
            chunks.append([paragraph])
    return chunks


def _shift(document: Document, offset: int) -> None:
    """Move every offset of `document` by `offset` characters."""
    for st in document.statements:
        st.start += offset
        st.end += offset
        for att in st.attributions:
            spans = [att.speaker, att.cue, att.content, *att.via]
            for span in spans:
                if span is not None and span.start is not None:
                    span.start += offset
                    span.end += offset


_extractor: Extractor | None = None
_extractor_lock = threading.Lock()


def get_extractor() -> Extractor:
    """Return the process-wide extractor."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            _extractor = Extractor()
        return _extractor
