"""`claimtrack extract`: the engine's analysis as JSON Lines, no database involved.

Output follows shared/spec/extraction-format.md: one object per input, in
order; offsets index into each file's full decoded text.
"""

from __future__ import annotations

import json
import sys

import click

from claimtrack.engine.document import FORMAT_VERSION

# str.splitlines() breaks on these even inside a JSON string, so they are escaped.
LINE_BREAKING = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(data: dict) -> str:
    """One JSON Lines record, safe for readers that split on any Unicode line break."""
    line = json.dumps(data, ensure_ascii=False)
    for char, escaped in LINE_BREAKING.items():
        line = line.replace(char, escaped)
    return line


def read_input_text(path: str) -> str:
    """The file (or stdin for "-") decoded as UTF-8 exactly as stored; raises ValueError."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (invalid byte at {exc.start})") from None


@click.command("extract")
@click.option(
    "--language", type=click.Choice(["auto", "nl", "en"]), default="auto", show_default=True
)
@click.option(
    "--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True
)
@click.argument("files", nargs=-1, required=True)
def extract_cmd(language: str, output_format: str, files: tuple[str, ...]) -> None:
    """Print who-said-what for each FILE (or - for stdin) as JSON Lines."""
    from claimtrack.engine.extract import get_extractor
    from claimtrack.engine.nlp import PipelineUnavailable

    extractor = get_extractor()
    failed = 0
    for path in files:
        try:
            text = read_input_text(path)
            document = extractor.extract(text, language=language, path=path)
            record = document.to_contract()
            record["path"] = path
        except PipelineUnavailable as exc:
            raise click.ClickException(str(exc)) from exc
        except (OSError, ValueError) as exc:
            failed += 1
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            record = {
                "path": path,
                "format_version": FORMAT_VERSION,
                "error": reason,
                "statements": [],
            }
            click.echo(f"error: {path}: {reason}", err=True)
        click.echo(json_line(record))
        sys.stdout.flush()
    if failed:
        sys.exit(1)
