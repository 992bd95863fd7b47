"""Reading input files from disk or stdin and choosing the parser by format."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.html_article import parse_html_article
from claimtrack.ingest.json_article import parse_json_article
from claimtrack.ingest.text_article import parse_text_article
from claimtrack.ingest.text_hygiene import clean_text
from claimtrack.ingest.unsupported import refuse_unsupported, unsupported_by_name

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "CLAIMTRACK_MAX_IMPORT_BYTES"
SUPPORTED_SUFFIXES = (".txt", ".json", ".html", ".htm")
PARSERS = {
    "txt": parse_text_article,
    "json": parse_json_article,
    "html": parse_html_article,
}


def max_import_bytes() -> int:
    """The per-file size limit: $CLAIMTRACK_MAX_IMPORT_BYTES or 5 MB."""
    configured = os.environ.get(MAX_BYTES_ENV)
    return int(configured) if configured else DEFAULT_MAX_BYTES


@dataclass
class ArticleFileScan:
    """The files to import from the given paths, and the folder entries passed over.

    `skipped` holds (path, reason) for files inside folders that are not
    article files: known document types (PDF, Word, images) with advice, and
    other files by their suffix.
    """

    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def skipped_summary(self) -> str:
        """'3 files skipped (.pdf: 2, .csv: 1)', or '' when nothing was skipped."""
        if not self.skipped:
            return ""
        suffixes = Counter(Path(path).suffix.lower() or "no suffix" for path, _ in self.skipped)
        listed = ", ".join(f"{suffix}: {n}" for suffix, n in sorted(suffixes.items()))
        noun = "file" if len(self.skipped) == 1 else "files"
        return f"{len(self.skipped)} other {noun} skipped ({listed})"


def scan_article_files(paths: Iterable[str | os.PathLike]) -> ArticleFileScan:
    """Expand folders (recursively) into their article files, in sorted order.

    "-" (stdin) and files named explicitly are taken whatever their suffix
    (the parser refuses what it cannot read); inside folders only
    .txt/.json/.html files are taken and hidden entries are passed over.
    """
    scan = ArticleFileScan()
    for given in paths:
        given = str(given)
        if given == "-" or not os.path.isdir(given):
            scan.files.append(given)
            continue
        for path in sorted(Path(given).rglob("*")):
            if not path.is_file() or any(
                part.startswith(".") for part in path.relative_to(given).parts
            ):
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                scan.files.append(str(path))
            else:
                kind = unsupported_by_name(str(path))
                reason = kind.reason() if kind else "not an article file (.txt, .json or .html)"
                scan.skipped.append((str(path), reason))
    return scan


def find_article_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Yield the given files, and the supported files inside given folders (see scan_article_files)."""
    yield from scan_article_files(paths).files


def detect_format(path: str | None, text: str) -> str:
    """Return "txt", "json" or "html": from the suffix, else sniffed from the content."""
    suffix = Path(path).suffix.lower() if path and path != "-" else ""
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".txt":
        return "txt"
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "txt"


def decode_article_bytes(data: bytes, path: str | None, max_bytes: int | None = None) -> str:
    """Check size and encoding of raw file content and return it as text."""
    limit = max_import_bytes() if max_bytes is None else max_bytes
    refuse_unsupported(path, data)
    if len(data) > limit:
        raise ArticleRejected(path, f"too large: {len(data):,} bytes (limit {limit:,})")
    if not data.strip():
        raise ArticleRejected(path, "empty file")
    if b"\x00" in data:
        raise ArticleRejected(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            path, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at byte {exc.start})"
        ) from None
    return clean_text(text.removeprefix("\ufeff"))


def parse_bytes(
    data: bytes,
    path: str | None = None,
    *,
    file_format: str | None = None,
    max_bytes: int | None = None,
) -> ParsedArticle:
    """Parse raw article content; `file_format` forces txt/json/html, else it is detected."""
    text = decode_article_bytes(data, path, max_bytes)
    chosen = file_format or detect_format(path, text)
    if chosen not in PARSERS:
        raise ArticleRejected(path, f"unsupported format {chosen!r}")
    return PARSERS[chosen](text, path)


def parse_file(path: str | os.PathLike, *, max_bytes: int | None = None) -> ParsedArticle:
    """Read and parse one article file; raises ArticleRejected with the reason."""
    path = str(path)
    limit = max_import_bytes() if max_bytes is None else max_bytes
    try:
        size = os.path.getsize(path)
        if size > limit:
            with open(path, "rb") as handle:
                refuse_unsupported(path, handle.read(16))
            raise ArticleRejected(path, f"too large: {size:,} bytes (limit {limit:,})")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ArticleRejected(path, "no such file") from None
    except IsADirectoryError:
        raise ArticleRejected(path, "is a folder, not a file") from None
    except PermissionError:
        raise ArticleRejected(path, "permission denied") from None
    except OSError as exc:
        raise ArticleRejected(path, f"cannot read: {exc.strerror or exc}") from None
    return parse_bytes(data, path, max_bytes=limit)
