"""Quotation spans found on the raw text: „…”, ,,…'', “…”, "…", ‘…’, '…', «…»."""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks it accepts
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("”", "“", '"'),
    ",,": ("''", "”", "“", '"'),
    "“": ("”", '"', "“"),  # sloppy typography closes with a straight or opening mark
    "«": ("»",),
    '"': ('"', "”"),
    "‘": ("’",),
    "'": ("'",),
}
QUOTE_MARK = re.compile(r",,|''|[„“”«»\"‘’']")
CLOSING_ONLY = ("''", "”", "»", "’")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: `start`/`end` include the marks, `inner_start`/`inner_end` do not."""

    start: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool = True

    def contains(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside the quotation (marks included)."""
        return self.start <= start and end <= self.end


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _single_quote_role(text: str, at: int, mark: str) -> str | None:
    """Decide whether a single ' or ’ is an opening mark, closing mark, or an apostrophe."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if _is_word_char(before) and _is_word_char(after):
        return None  # Rabo's, regio’s, don't
    if not _is_word_char(before) and _is_word_char(after):
        # 's avonds / 't: Dutch clitics are apostrophes, not quotes
        if re.match(r"(?:s|t|n)\b", text[at + 1 : at + 3]):
            return None
        return "open"
    if (_is_word_char(before) or before in ".,!?;:") and not _is_word_char(after):
        return "close"
    return None


def _closes_earlier_quote(text: str, at: int, end: int) -> bool:
    """A straight double mark shaped like a closing one: right after a word or a full stop
    (not a digit: 12" is inches), before a space, a punctuation mark or the end."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < end else " "
    return (before.isalpha() or before in ".!?") and not after.isalnum() and after not in "\"'"


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Return the quotations in text[start:end], in order, with offsets into `text`.

    Quotes do not nest except single marks inside double ones, which are ignored
    (the outer quote is what carries the attribution). A quote left open runs
    to `end`, as when a quotation continues into the next paragraph.
    """
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    open_mark: str | None = None
    open_at = open_inner = 0
    for match in QUOTE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if mark in ("'", "’", "‘"):
            role = "open" if mark == "‘" else _single_quote_role(text, at, mark)
            if role is None:
                continue
            if open_mark is None and role == "open":
                open_mark, open_at, open_inner = ("'" if mark == "'" else "‘"), at, match.end()
            elif open_mark in ("'", "‘") and role == "close" and mark in QUOTE_PAIRS[open_mark]:
                spans.append(QuoteSpan(open_at, open_inner, at, match.end()))
                open_mark = None
            continue
        if open_mark is not None and open_mark not in ("'", "‘") and mark in QUOTE_PAIRS[open_mark]:
            spans.append(QuoteSpan(open_at, open_inner, at, match.end()))
            open_mark = None
            continue
        if open_mark in ("'", "‘"):
            open_mark = None  # a double mark ends a stray single opening
        if open_mark is None and mark == '"' and _closes_earlier_quote(text, at, end):
            # 'voorjaar", aldus X' with no mark open: the quotation began in an earlier
            # paragraph (a new paragraph of a quotation reopens it only in some styles)
            spans.append(QuoteSpan(start, start, at, match.end()))
        elif open_mark is None and mark in QUOTE_PAIRS and mark not in CLOSING_ONLY:
            open_mark, open_at, open_inner = mark, at, match.end()
        elif (
            open_mark is None
            and mark == "''"
            and (at == start or text[at - 1].isspace())
            and at + 2 < end
            and text[at + 2].isalnum()
        ):
            open_mark, open_at, open_inner = (
                ",,",
                at,
                match.end(),
            )  # ''...'' as in some English archives
        elif (
            open_mark is None
            and mark == "”"
            and (at == start or text[at - 1].isspace())
            and at + 1 < end
            and text[at + 1].isalnum()
        ):
            open_mark, open_at, open_inner = "“", at, match.end()  # a closing mark used to open
    if open_mark is not None and open_mark not in ("'", "‘"):
        spans.append(QuoteSpan(open_at, open_inner, end, end, closed=False))
    return spans
