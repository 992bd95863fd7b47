"""Metadata headers of article text files.

Two conventions exist (see the corpus README):

* `# key: value` lines at the top, then a blank line, then the body;
* the old corpus form: the file starts with ` date YYYY-MM ` (or a full date)
  on the same line as the first words of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADER_LINE = re.compile(r"#[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]?(.*)")
OLD_DATE_PREFIX = re.compile(r"\A[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+")
DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class ArticleText:
    """A text file split into its metadata and its body.

    `body_start` is where the body begins in the original text, so an offset
    into the body plus `body_start` is an offset into the file.
    """

    meta: dict[str, str] = field(default_factory=dict)
    body: str = ""
    body_start: int = 0


def date_precision(date: str | None) -> str | None:
    """Return 'year', 'month' or 'day' for an ISO-like date as given, else None."""
    if not date or not DATE_VALUE.fullmatch(date):
        return None
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def split_metadata(text: str) -> ArticleText:
    """Separate the metadata header (either convention) from the body of `text`."""
    old = OLD_DATE_PREFIX.match(text)
    if old:
        return ArticleText({"date": old.group(1)}, text[old.end() :], old.end())

    meta: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        match = HEADER_LINE.fullmatch(text[pos:line_end].rstrip("\r"))
        if not match:
            break
        meta.setdefault(match.group(1).lower(), match.group(2).strip())
        pos = line_end + 1
    if not meta:
        return ArticleText({}, text, 0)
    # skip the blank line(s) that end the header
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return ArticleText(meta, text[pos:], pos)
