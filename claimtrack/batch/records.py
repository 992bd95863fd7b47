"""One JSON record per input file: what `claimtrack extract` prints, and import records.

An *extract record* follows shared/spec/extraction-format.md (file offsets
for text files, body offsets for .json/.html). An *import record* carries
everything `claimtrack import` stores for an article — its metadata, its
cleaned body and the analysis with body offsets — so `claimtrack import
--from-jsonl` can store it with no language model at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimtrack.engine.document import FORMAT_VERSION, Document, document_from_contract
from claimtrack.engine.language import clearly_other_language
from claimtrack.ingest import ArticleRejected, ParsedArticle, parse_bytes, parse_file
from claimtrack.ingest.article import sanitised
from claimtrack.ingest.unsupported import refuse_unsupported

# str.splitlines() breaks on these even inside a JSON string, so they are escaped.
LINE_BREAKING = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# Formats whose body is not a slice of the file: they are parsed as `import` parses them.
PARSED_SUFFIXES = (".json", ".html", ".htm")
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
ARTICLE_FIELDS = ("title", "url", "publisher", "language", "date", "body_offset", "source_path")


def json_line(data: dict) -> str:
    """One JSON Lines record, safe for readers that split on any Unicode line break."""
    line = json.dumps(data, ensure_ascii=False)
    for char, escaped in LINE_BREAKING.items():
        line = line.replace(char, escaped)
    return line


def error_record(path: str, reason: str) -> dict[str, Any]:
    """The record of an input that could not be read or analysed."""
    return {"path": path, "format_version": FORMAT_VERSION, "error": reason, "statements": []}


def read_input_bytes(path: str, stdin=None) -> bytes:
    """The raw content of a file, or of `stdin` (a binary stream) for "-"."""
    if path == "-":
        return stdin.read()
    with open(path, "rb") as handle:
        return handle.read()


def decode_exactly(data: bytes) -> str:
    """UTF-8 text with nothing changed; ValueError for binary data or another encoding."""
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (invalid byte at {exc.start})") from None


def shift_offsets(record: dict, by: int) -> None:
    """Move every start/end in a contract record by `by` characters."""
    for statement in record["statements"]:
        statement["start"] += by
        statement["end"] += by
        for attribution in statement["attributions"]:
            spans = [attribution["speaker"], attribution["cue"], attribution["content"]]
            for span in [*spans, *attribution["via"]]:
                if span and span.get("start") is not None:
                    span["start"] += by
                    span["end"] += by


def extract_record(extractor, path: str, data: bytes, language: str, offsets: str) -> dict:
    """The extract record of one input's bytes; raises OSError/ValueError for a bad file."""
    record = extract_records(extractor, [(path, data)], language, offsets)[0]
    if isinstance(record, Exception):
        raise record
    return record


def extract_records(
    extractor, items: Sequence[tuple[str, bytes | Exception]], language: str, offsets: str
) -> list[dict | Exception]:
    """The extract record of each (path, content or read error), in order.

    The bodies are analysed together (`Extractor.analyse_bodies`: their sentences
    share the pipeline's batches), each as `extract_path` would analyse it alone. An
    unreadable or undecodable input gets an error record; any other failure is
    returned in place of its record, for the caller to raise when its turn comes.
    """
    records: list[dict | Exception | None] = []
    bodies = []
    finish: list[Callable[[Document], dict]] = []
    for path, data in items:
        try:
            if isinstance(data, Exception):
                raise data
            body, done = _extract_input(path, data, language, offsets)
        except (OSError, ValueError) as exc:
            records.append(error_record(path, failure_reason(exc)))
            continue
        records.append(None)
        bodies.append(body)
        finish.append(done)
    documents = iter(extractor.analyse_bodies(bodies))
    done_with = iter(finish)
    for index, record in enumerate(records):
        if record is not None:
            continue
        document, done = next(documents), next(done_with)
        try:
            if isinstance(document, Exception):
                raise document
            records[index] = done(document)
        except (OSError, ValueError) as exc:
            records[index] = error_record(items[index][0], failure_reason(exc))
        except Exception as exc:  # noqa: BLE001  (raised by the caller in its turn)
            records[index] = exc
    return records


def _extract_input(path: str, data: bytes, language: str, offsets: str):
    """(the Body to analyse, a function making the record of its Document)."""
    from claimtrack.engine.extract import Body, file_body, place_in_file

    if Path(path).suffix.lower() in PARSED_SUFFIXES:
        parsed = parse_bytes(data, path)
        body = Body(
            parsed.body,
            language=parsed.language if language == "auto" else language,
            publisher=parsed.publisher,
            date=parsed.date,
            title=parsed.title,
        )

        def done(document: Document) -> dict:
            record = document.to_contract()
            record.update(path=path, offsets="body", body_offset=None, body=parsed.body)
            return _with_warning(record, parsed.body, document.language)

        return body, done
    refuse_unsupported(path, data)
    text = decode_exactly(data)
    body, body_start = file_body(text, language)

    def done(document: Document) -> dict:
        place_in_file(document, body_start, path)
        record = document.to_contract()
        record.update(path=path, offsets=offsets, body_offset=body_start)
        if offsets == "body":
            shift_offsets(record, -body_start)
        return _with_warning(record, body.text, document.language)

    return body, done


def _with_warning(record: dict, body: str, language: str) -> dict:
    warning = language_warning(body, language)
    if warning:
        record["warnings"] = [warning]
    return record


def extract_path(path: str, language: str = "auto", offsets: str = "file", stdin=None) -> dict:
    """The extract record of a file (an error record if it cannot be read or decoded).

    PipelineUnavailable is raised, not recorded: no other file could be analysed either.
    """
    record = extract_paths([path], language, offsets, stdin)[0]
    if isinstance(record, Exception):
        raise record
    return record


def extract_paths(
    paths: Sequence[str], language: str = "auto", offsets: str = "file", stdin=None
) -> list[dict | Exception]:
    """`extract_path` of each path, analysed together (see extract_records); a failure
    other than a bad file is returned in place of its record."""
    from claimtrack.engine.extract import get_extractor

    items = []
    for path in paths:
        try:
            items.append((path, read_input_bytes(path, stdin)))
        except OSError as exc:
            items.append((path, exc))
    return extract_records(get_extractor(), items, language, offsets)


def failure_reason(exc: Exception) -> str:
    """The one-line reason shown for a file that could not be read."""
    if isinstance(exc, ArticleRejected):
        return exc.reason
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def language_warning(body: str, language: str) -> str | None:
    """A warning when `body` is plainly written in another language than `language`."""
    other = clearly_other_language(body, language)
    if other is None:
        return None
    return (
        f"the text looks {LANGUAGE_NAMES[other]} but was analysed as "
        f"{LANGUAGE_NAMES[language]}; attributions will be missed "
        f"(use --language {other} or --language auto)"
    )


def apply_defaults(
    parsed: ParsedArticle,
    publisher: str | None = None,
    language: str | None = None,
    title: str | None = None,
    kind: str | None = None,
) -> ParsedArticle:
    """Fill what the article does not state itself from the command's options."""
    if kind and kind != "auto" and not parsed.kind:
        parsed.kind = kind
    if publisher and not parsed.publisher:
        parsed.publisher = publisher
    if title and not parsed.title:
        parsed.title = title
    if language and language != "auto" and parsed.language == "auto":
        parsed.language = language
    return parsed


def analyse_parsed(parsed: ParsedArticle) -> Document:
    """The engine's analysis of a parsed article's body (offsets into the body)."""
    document = analyse_parsed_many([parsed])[0]
    if isinstance(document, Exception):
        raise document
    return document


def analyse_parsed_many(articles: Sequence[ParsedArticle]) -> list[Document | Exception]:
    """`analyse_parsed` of each article, analysed together (Extractor.analyse_bodies);
    a failure is returned in place of its Document."""
    from claimtrack.engine.extract import Body, get_extractor

    return get_extractor().analyse_bodies(
        [Body(p.body, language=p.language, publisher=p.publisher, date=p.date, title=p.title)
         for p in articles]
    )  # fmt: skip


def import_record(parsed: ParsedArticle, document: Document) -> dict[str, Any]:
    """The import record of an analysed article: its contract with body offsets, plus its text.

    Confidences keep their full precision so that storing the record gives
    the same rows as importing the file.
    """
    record = document.to_contract()
    for statement, data in zip(document.statements, record["statements"], strict=True):
        for attribution, attribution_data in zip(
            statement.attributions, data["attributions"], strict=True
        ):
            attribution_data["confidence"] = float(attribution.confidence)
    record.update({name: getattr(parsed, name) for name in ARTICLE_FIELDS})
    record.update(path=parsed.source_path, offsets="body", body=parsed.body)
    record["language"] = document.language
    if parsed.kind:
        record["kind"] = parsed.kind
    return record


def prepare_import_record(
    path: str,
    data: bytes | None = None,
    publisher: str | None = None,
    language: str | None = None,
    title: str | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """Parse, clean and analyse one input as `claimtrack import` would; its import record.

    `data` is the file's content (read from `path` when None). A file that
    cannot be imported gives an error record.
    """
    record = prepare_import_records([(path, data)], publisher, language, title, kind)[0]
    if isinstance(record, Exception):
        raise record
    return record


def prepare_import_records(
    items: Sequence[tuple[str, bytes | None]],
    publisher: str | None = None,
    language: str | None = None,
    title: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any] | Exception]:
    """`prepare_import_record(path, data, ...)` of each item, the articles analysed together
    (see analyse_parsed_many); a failure other than a rejected file is returned in place of
    its record."""
    records: list[dict[str, Any] | Exception | None] = []
    articles: list[ParsedArticle] = []
    for path, data in items:
        try:
            parsed = parse_file(path) if data is None else parse_bytes(data, path)
            parsed = sanitised(apply_defaults(parsed, publisher, language, title, kind))
        except ArticleRejected as exc:
            records.append(error_record(path, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001  (raised by the caller in its turn)
            records.append(exc)
            continue
        records.append(None)
        articles.append(parsed)
    analysed = iter(zip(articles, analyse_parsed_many(articles)))
    for index, record in enumerate(records):
        if record is None:
            parsed, document = next(analysed)
            records[index] = (
                document if isinstance(document, Exception) else import_record(parsed, document)
            )
    return records


def from_import_record(record: dict[str, Any]) -> tuple[ParsedArticle, Document]:
    """The parsed article and its analysis stored in an import record (ValueError if malformed)."""
    try:
        parsed = ParsedArticle(body=record["body"], **{n: record[n] for n in ARTICLE_FIELDS})
        parsed.language = record["language"]
        parsed.kind = record.get("kind")  # absent in records written before article kinds
        return parsed, document_from_contract(record)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not an import record (missing or wrong field {exc})") from None
