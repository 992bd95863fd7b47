"""Document types claimtrack cannot read, recognised so the user is told what to do instead.

A PDF, a Word file or a photo of a page is not refused as "binary data" or
"not UTF-8": the message names the type and the way to get its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimtrack.ingest.article import ArticleRejected


@dataclass(frozen=True)
class UnsupportedType:
    """A kind of file that is not an article text, and the advice for it."""

    name: str
    advice: str

    def reason(self) -> str:
        """The one-line message shown for a file of this type."""
        return f"{self.name} files are not supported: {self.advice}"


PDF = UnsupportedType(
    "PDF",
    "extract the text first (for example `pdftotext -layout FILE.pdf FILE.txt`) "
    "and import the .txt file",
)
WORD_PROCESSOR = UnsupportedType(
    "Word and OpenDocument text",
    "save the document as plain text (.txt) or web page (.html), or convert it with "
    "`libreoffice --headless --convert-to txt FILE`, and import that",
)
SPREADSHEET = UnsupportedType(
    "Spreadsheet",
    "claimtrack imports articles, not tables: put each article's text in a .txt file",
)
PRESENTATION = UnsupportedType(
    "Presentation",
    "export the slides' text (for example `libreoffice --headless --convert-to pdf`, then "
    "`pdftotext`) and import the .txt file",
)
RICH_TEXT = UnsupportedType(
    "RTF",
    "save the document as plain text (.txt) and import that",
)
IMAGE = UnsupportedType(
    "Image",
    "claimtrack reads text, not pictures: copy the article's text into a .txt file "
    "(or run OCR first) and import that",
)
ARCHIVE = UnsupportedType(
    "Archive",
    "unpack it and import the folder",
)
OFFICE_OR_ZIP = UnsupportedType(
    "Office, OpenDocument and ZIP",
    "save the document as plain text (.txt) or web page (.html), or unpack the archive, "
    "and import that",
)

BY_SUFFIX = {
    ".pdf": PDF,
    ".doc": WORD_PROCESSOR,
    ".docx": WORD_PROCESSOR,
    ".odt": WORD_PROCESSOR,
    ".pages": WORD_PROCESSOR,
    ".rtf": RICH_TEXT,
    ".xls": SPREADSHEET,
    ".xlsx": SPREADSHEET,
    ".ods": SPREADSHEET,
    ".ppt": PRESENTATION,
    ".pptx": PRESENTATION,
    ".odp": PRESENTATION,
    ".png": IMAGE,
    ".jpg": IMAGE,
    ".jpeg": IMAGE,
    ".gif": IMAGE,
    ".webp": IMAGE,
    ".tif": IMAGE,
    ".tiff": IMAGE,
    ".bmp": IMAGE,
    ".heic": IMAGE,
    ".zip": ARCHIVE,
    ".gz": ARCHIVE,
    ".tgz": ARCHIVE,
    ".bz2": ARCHIVE,
    ".xz": ARCHIVE,
    ".7z": ARCHIVE,
    ".rar": ARCHIVE,
}

# The first bytes of each type, whatever the file is called.
SIGNATURES = (
    (b"%PDF-", PDF),
    (b"{\\rtf", RICH_TEXT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", WORD_PROCESSOR),  # Word/Excel 97-2003 container
    (b"PK\x03\x04", OFFICE_OR_ZIP),
    (b"\x89PNG\r\n\x1a\n", IMAGE),
    (b"\xff\xd8\xff", IMAGE),
    (b"GIF87a", IMAGE),
    (b"GIF89a", IMAGE),
    (b"II*\x00", IMAGE),
    (b"MM\x00*", IMAGE),
    (b"\x1f\x8b", ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", ARCHIVE),
    (b"Rar!\x1a\x07", ARCHIVE),
)


def unsupported_by_name(path: str | None) -> UnsupportedType | None:
    """The unsupported type a file name announces (by its suffix), if any."""
    if not path or path == "-":
        return None
    return BY_SUFFIX.get(Path(path).suffix.lower())


def unsupported_by_content(data: bytes) -> UnsupportedType | None:
    """The unsupported type the first bytes of `data` show, if any."""
    head = data[:16]
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return IMAGE
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def refuse_unsupported(path: str | None, data: bytes) -> None:
    """Raise ArticleRejected, with the advice, for a file whose name or first bytes show
    a type claimtrack cannot read."""
    kind = unsupported_by_name(path) or unsupported_by_content(data)
    if kind is not None:
        raise ArticleRejected(path, kind.reason())
