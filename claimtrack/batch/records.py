"""One JSON record per input file: what `claimtrack extract` prints, and import records.

An *extract record* follows shared/spec/extraction-format.md (file offsets
for text files, body offsets for .json/.html). An *import record* carries
everything `claimtrack import` stores for an article — its metadata, its
cleaned body and the analysis with body offsets — so `claimtrack import
--from-jsonl` can store it with no language model at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimtrack.engine.document import FORMAT_VERSION, Document, document_from_contract
from claimtrack.engine.language import clearly_other_language
from claimtrack.engine.metadata import split_metadata
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
    if Path(path).suffix.lower() in PARSED_SUFFIXES:
        parsed = parse_bytes(data, path)
        document = extractor.analyse_body(
            parsed.body,
            language=parsed.language if language == "auto" else language,
            publisher=parsed.publisher,
            date=parsed.date,
            title=parsed.title,
        )
        record = document.to_contract()
        record.update(path=path, offsets="body", body_offset=None, body=parsed.body)
        body = parsed.body
    else:
        refuse_unsupported(path, data)
        text = decode_exactly(data)
        document = extractor.extract(text, language=language, path=path)
        split = split_metadata(text)
        record = document.to_contract()
        record.update(path=path, offsets=offsets, body_offset=split.body_start)
        if offsets == "body":
            shift_offsets(record, -split.body_start)
        body = split.body
    warning = language_warning(body, document.language)
    if warning:
        record["warnings"] = [warning]
    return record


def extract_path(path: str, language: str = "auto", offsets: str = "file", stdin=None) -> dict:
    """The extract record of a file (an error record if it cannot be read or decoded).

    PipelineUnavailable is raised, not recorded: no other file could be analysed either.
    """
    from claimtrack.engine.extract import get_extractor

    try:
        data = read_input_bytes(path, stdin)
        return extract_record(get_extractor(), path, data, language, offsets)
    except (OSError, ValueError) as exc:
        return error_record(path, failure_reason(exc))


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
    from claimtrack.engine.extract import get_extractor

    return get_extractor().analyse_body(
        parsed.body,
        language=parsed.language,
        publisher=parsed.publisher,
        date=parsed.date,
        title=parsed.title,
    )


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
    try:
        parsed = parse_file(path) if data is None else parse_bytes(data, path)
        parsed = sanitised(apply_defaults(parsed, publisher, language, title, kind))
    except ArticleRejected as exc:
        return error_record(path, str(exc))
    return import_record(parsed, analyse_parsed(parsed))


def from_import_record(record: dict[str, Any]) -> tuple[ParsedArticle, Document]:
    """The parsed article and its analysis stored in an import record (ValueError if malformed)."""
    try:
        parsed = ParsedArticle(body=record["body"], **{n: record[n] for n in ARTICLE_FIELDS})
        parsed.language = record["language"]
        parsed.kind = record.get("kind")  # absent in records written before article kinds
        return parsed, document_from_contract(record)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not an import record (missing or wrong field {exc})") from None
