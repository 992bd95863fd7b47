"""The engine's entry point: text in, Document of statements and attributions out.

Usage:
    ex = get_extractor()
    doc = ex.extract(file_text)          # offsets into file_text (header included)
    doc = ex.analyse_body(body, ...)     # offsets into body
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from claimtrack.engine.attribute import attribute_article
from claimtrack.engine.document import Document, Statement
from claimtrack.engine.lang import SUPPORTED_LANGUAGES, get_profile
from claimtrack.engine.language import detect_language
from claimtrack.engine.metadata import split_metadata
from claimtrack.engine.pipeline import get_pipeline, parse_texts
from claimtrack.engine.segment import Paragraph, segment

# A body longer than this is analysed in chunks of whole paragraphs, each with
# its own record of who was mentioned: the article-level rules (pronouns, the
# quote floor) then cost the same per character however long the input is.
# News articles are far shorter, so for them nothing changes.
CHUNK_CHARS = 60_000


@dataclass(frozen=True)
class Body:
    """An article body to analyse, with what `Extractor.analyse_body` takes along with it."""

    text: str
    language: str = "auto"
    publisher: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass
class _Prepared:
    """A body segmented into chunks, waiting for its sentences' parses."""

    body: Body
    language: str
    chunks: list[list[Paragraph]]

    def sentence_texts(self) -> Iterator[str]:
        text = self.body.text
        for chunk in self.chunks:
            for paragraph in chunk:
                for sentence in paragraph.sentences:
                    yield text[sentence.start : sentence.end]


class Extractor:
    """Finds statements and their attributions; pipelines are loaded lazily per language."""

    def extract(self, text: str, language: str = "auto", path: str | None = None) -> Document:
        """Analyse a whole file's text (metadata header included); offsets index into `text`."""
        return _raise_failure(self.extract_many([(text, language, path)])[0])

    def extract_many(
        self, texts: Sequence[tuple[str, str, str | None]]
    ) -> list[Document | Exception]:
        """`extract(text, language, path)` of each item, sentences parsed in shared batches
        (see analyse_bodies); a failure is returned in place of its Document."""
        if not texts:
            return []
        bodies, starts = zip(*(file_body(text, language) for text, language, _ in texts))
        documents = self.analyse_bodies(bodies)
        for document, body_start, (_, _, path) in zip(documents, starts, texts):
            if isinstance(document, Document):
                place_in_file(document, body_start, path)
        return documents

    def analyse_body(
        self,
        body: str,
        language: str = "auto",
        publisher: str | None = None,
        date: str | None = None,
        title: str | None = None,
    ) -> Document:
        """Analyse an article body; offsets index into `body`."""
        return _raise_failure(
            self.analyse_bodies([Body(body, language, publisher, date, title)])[0]
        )

    def analyse_bodies(self, bodies: Sequence[Body]) -> list[Document | Exception]:
        """`analyse_body` of each body, in order; a failure is returned in place of its Document.

        The sentences of all the bodies of one language go through one `nlp.pipe`
        stream, so the pipeline works on batches of pipeline.BATCH_SIZE sentences however short
        each article is (a parse does not depend on the other texts of its batch, so the
        Documents are those of analysing each body alone).
        """
        prepared: list[_Prepared | Exception] = []
        for body in bodies:
            try:
                prepared.append(_prepare(body))
            except Exception as exc:  # noqa: BLE001  (the caller decides; see analyse_body)
                prepared.append(exc)
        parses = _Parses(prepared)
        results: list[Document | Exception] = []
        for index, item in enumerate(prepared):
            if isinstance(item, Exception):
                results.append(item)
                continue
            try:
                results.append(_analyse(item, parses.taker(index)))
            except _ParseFailed as failed:
                results.append(failed.error)
                parses.restart(item.language, after=index)
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
        return results


class _ParseFailed(Exception):
    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class _Parses:
    """The sentence parses of prepared bodies: one `nlp.pipe` stream per language."""

    def __init__(self, prepared: list[_Prepared | Exception]) -> None:
        self.prepared = prepared
        self.streams: dict[str, Iterator[Doc]] = {}
        for language in dict.fromkeys(p.language for p in prepared if isinstance(p, _Prepared)):
            self.restart(language, after=-1)

    def restart(self, language: str, after: int) -> None:
        """A new stream for the bodies of `language` after index `after` (the old one failed)."""
        texts = (
            text
            for p in self.prepared[after + 1 :]
            if isinstance(p, _Prepared) and p.language == language
            for text in p.sentence_texts()
        )
        self.streams[language] = parse_texts(get_pipeline(language), texts)

    def taker(self, index: int) -> Callable[[int], list[Doc]]:
        """take(n): the next n parses of body `index`'s language."""
        stream = self.streams[self.prepared[index].language]

        def take(count: int) -> list[Doc]:
            try:
                docs = list(itertools.islice(stream, count))
            except Exception as exc:
                raise _ParseFailed(exc) from exc
            if len(docs) != count:
                raise RuntimeError(f"{count} sentences to parse, {len(docs)} parses")
            return docs

        return take


def file_body(text: str, language: str = "auto") -> tuple[Body, int]:
    """The Body that `extract` analyses for a file's text (its metadata header gives the
    publisher, date, title and, for language "auto", a language it states), and the
    offset of the body in the text."""
    article = split_metadata(text)
    meta = article.meta
    if language == "auto" and meta.get("language", "").lower() in SUPPORTED_LANGUAGES:
        language = meta["language"].lower()
    body = Body(
        article.body,
        language=language,
        publisher=meta.get("publisher") or None,
        date=meta.get("date") or None,
        title=meta.get("title") or None,
    )
    return body, article.body_start


def place_in_file(document: Document, body_start: int, path: str | None) -> None:
    """Turn a Document of a file's body (see file_body) into the Document of the file."""
    document.path = path
    if body_start:
        _shift(document, body_start)


def _prepare(body: Body) -> _Prepared:
    language = body.language
    if language == "auto":
        language = detect_language(body.text)
    profile = get_profile(language)
    return _Prepared(body, language, _chunks(segment(body.text, profile)))


def _analyse(article: _Prepared, take: Callable[[int], list[Doc]]) -> Document:
    """The Document of a prepared body; takes exactly its sentences' parses (also when the
    engine fails on one chunk, so that the next body gets its own)."""
    body, language = article.body, article.language
    profile = get_profile(language)
    nlp = get_pipeline(language)
    statements: list[Statement] = []
    failure: Exception | None = None
    for chunk in article.chunks:
        # statement indexes count from 0 within a chunk while it is analysed
        chunk_statements = [
            Statement(
                index=i,
                paragraph=s.paragraph,
                start=s.start,
                end=s.end,
                text=body.text[s.start : s.end],
            )
            for i, s in enumerate(s for p in chunk for s in p.sentences)
        ]
        docs = take(len(chunk_statements))
        if failure is not None:
            continue
        try:
            attribute_article(
                body.text, chunk, chunk_statements, profile, nlp, body.publisher, docs=docs
            )
        except Exception as exc:  # noqa: BLE001  (raised once the other chunks' parses are taken)
            failure = exc
            continue
        for statement in chunk_statements:
            statement.index += len(statements)
        statements.extend(chunk_statements)
    if failure is not None:
        raise failure
    return Document(
        language=language,
        statements=statements,
        publisher=body.publisher,
        date=body.date,
        title=body.title,
    )


def _raise_failure(result: Document | Exception) -> Document:
    if isinstance(result, Exception):
        raise result
    return result


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
