"""`claimtrack extract`: the engine's analysis as JSON Lines, no database involved.

Output follows shared/spec/extraction-format.md: one object per input, in
order. For a text file the offsets index into the file's full decoded text
(the contract); `body_offset` says how many characters of header come
before the body, so `start - body_offset` is the body offset that the store
and the API report. `--offsets body` prints body offsets directly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimtrack.engine.document import FORMAT_VERSION
from claimtrack.engine.language import clearly_other_language
from claimtrack.engine.metadata import split_metadata
from claimtrack.ingest import ArticleRejected, parse_bytes, scan_article_files
from claimtrack.ingest.unsupported import unsupported_by_content, unsupported_by_name

# str.splitlines() breaks on these even inside a JSON string, so they are escaped.
LINE_BREAKING = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# Formats whose body is not a slice of the file: they are parsed as `import` parses them.
PARSED_SUFFIXES = (".json", ".html", ".htm")
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def json_line(data: dict) -> str:
    """One JSON Lines record, safe for readers that split on any Unicode line break."""
    line = json.dumps(data, ensure_ascii=False)
    for char, escaped in LINE_BREAKING.items():
        line = line.replace(char, escaped)
    return line


def read_input_bytes(path: str) -> bytes:
    """The raw content of a file, or of stdin for "-"."""
    if path == "-":
        return sys.stdin.buffer.read()
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


@click.command("extract")
@click.option(
    "--language", type=click.Choice(["auto", "nl", "en"]), default="auto", show_default=True
)
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True
)
@click.option(
    "--offsets",
    type=click.Choice(["file", "body"]),
    default="file",
    show_default=True,
    help="Index into the whole file (the contract) or into the body, as the API does.",
)
@click.argument("paths", nargs=-1, required=True)
def extract_cmd(language: str, output_format: str, offsets: str, paths: tuple[str, ...]) -> None:
    """Print who-said-what for each FILE, each article file in a FOLDER, or - (stdin).

    One JSON line per file, in order. Text files are read exactly as stored
    (header included); .json and .html files are parsed as `claimtrack
    import` parses them, their offsets index into the `body` the record
    carries. The exit status is 1 if any file failed, 2 if no file was found.
    """
    from claimtrack.engine.extract import get_extractor
    from claimtrack.engine.nlp import PipelineUnavailable

    scan = scan_article_files(paths)
    if not scan.files:
        click.echo(
            f"error: no article files found in {', '.join(paths)} "
            "(claimtrack reads .txt, .json and .html files)",
            err=True,
        )
        sys.exit(2)
    extractor = get_extractor()
    failed = 0
    for path in scan.files:
        try:
            record = _extract_one(extractor, path, language, offsets)
        except PipelineUnavailable as exc:
            raise click.ClickException(str(exc)) from exc
        except (OSError, ValueError) as exc:
            failed += 1
            if isinstance(exc, ArticleRejected):
                reason = exc.reason
            elif isinstance(exc, OSError) and exc.strerror:
                reason = exc.strerror
            else:
                reason = str(exc)
            record = {
                "path": path,
                "format_version": FORMAT_VERSION,
                "error": reason,
                "statements": [],
            }
            click.echo(f"error: {path}: {reason}", err=True)
        for warning in record.get("warnings", ()):
            click.echo(f"warning: {path}: {warning}", err=True)
        click.echo(json_line(record))
        sys.stdout.flush()
    if failed:
        sys.exit(1)


def _extract_one(extractor, path: str, language: str, offsets: str) -> dict:
    """The contract record for one input file; raises OSError or ValueError for a bad file."""
    data = read_input_bytes(path)
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
        kind = unsupported_by_name(path) or unsupported_by_content(data)
        if kind is not None:
            raise ArticleRejected(path, kind.reason())
        text = decode_exactly(data)
        document = extractor.extract(text, language=language, path=path)
        split = split_metadata(text)
        record = document.to_contract()
        record.update(path=path, offsets=offsets, body_offset=split.body_start)
        if offsets == "body":
            shift_offsets(record, -split.body_start)
        body = split.body
    other = clearly_other_language(body, document.language)
    if other is not None:
        warning = (
            f"the text looks {LANGUAGE_NAMES[other]} but was analysed as "
            f"{LANGUAGE_NAMES[document.language]}; attributions will be missed "
            f"(use --language {other} or --language auto)"
        )
        record["warnings"] = [warning]
    return record
