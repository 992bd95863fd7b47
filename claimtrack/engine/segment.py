"""Split an article body into paragraphs and sentences with exact offsets.

Headings (a short line without final punctuation) and link footers
("Lees ook: ...") are recognised and left out of the statements.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.quotes import QuoteSpan, find_quotes

TERMINAL = ".!?…"
CLOSERS = "\"'”’»)]"
LINE_END_PUNCT = TERMINAL + ":;" + CLOSERS
BOUNDARY = re.compile(r"[.!?…]+")
HEADING_MAX_WORDS = 12
ABBREVIATION_MAX_CHARS = 32
# Longer "sentences" (a list without full stops, a pasted table, one endless
# word) are cut into pieces of at most this size, so that no single parse and
# no rule that looks across a sentence sees unbounded input.
MAX_SENTENCE_CHARS = 2000
# A paragraph longer than this is split, at sentence boundaries, into several:
# rules that look across a paragraph then stay bounded too.
MAX_PARAGRAPH_CHARS = 20_000
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: text[start:end], and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body with its sentences and quotations."""

    index: int
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    quotes: tuple[QuoteSpan, ...]


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) offsets, surrounding whitespace trimmed."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    return lines


def is_heading(line: str) -> bool:
    """A short line without final punctuation, such as 'Strategische dialoog'."""
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    if line[-1] in LINE_END_PUNCT or line[0] in "\"'„“‘,«-–—•*":
        return False
    return line[0].isupper() or line[0].isdigit()


def is_footer(line: str, profile: LanguageProfile) -> bool:
    """A link footer such as 'Lees ook: ...' or 'Read more: ...'."""
    lowered = line.lower()
    return any(lowered.startswith(prefix) for prefix in profile.footer_prefixes)


def is_byline(line: str, profile: LanguageProfile) -> bool:
    """'Bron: ANP' - a source line, kept as a statement although it looks like a heading."""
    head, colon, _ = line.partition(":")
    return bool(colon) and head.strip().lower() in profile.byline_prefixes


def paragraph_spans(text: str, profile: LanguageProfile) -> list[tuple[int, int]]:
    """Paragraphs as (start, end), without headings and footers.

    Blank lines separate paragraphs; so does a single newline (the seed
    article's style), unless the line before stops mid-sentence and the next
    continues in lower case: a hard wrap inside the paragraph.
    """
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_end = -1
    for start, end in _lines(text):
        line = text[start:end]
        blank_before = previous_end >= 0 and text.count("\n", previous_end, start) > 1
        previous_end = end
        if is_footer(line, profile) or is_heading(line) and not is_byline(line, profile):
            if current:
                spans.append(current)
            current = None
            continue
        continues = (
            current is not None
            and not blank_before
            and text[current[1] - 1] not in LINE_END_PUNCT
            and line[:1].islower()  # a hard wrap continues a sentence in lower case
        )
        if continues:
            current = (current[0], end)
        else:
            if current:
                spans.append(current)
            current = (start, end)
    if current:
        spans.append(current)
    return spans


def _ends_with_abbreviation(text: str, dot: int, para_start: int, profile: LanguageProfile) -> bool:
    # only the last few characters can hold an abbreviation: looking further back
    # would make every full stop cost the length of the paragraph
    word_match = _WORD_BEFORE.search(text, max(para_start, dot - ABBREVIATION_MAX_CHARS), dot)
    if not word_match:
        return False
    word = word_match.group(1).lower()
    after_apostrophe = word_match.start() > 0 and text[word_match.start() - 1] in "'’"
    if len(word) == 1 and word.isalpha() and not after_apostrophe:
        return True  # an initial: "J. Biden" (but "collega's." ends a sentence)
    if _INITIALS.fullmatch(word) and word_match.group(1).islower():
        return True  # "o.m.", "d.w.z.": small letters with full stops between them
    return word in profile.abbreviations or word.rstrip(".") in profile.abbreviations


def _starts_sentence(text: str, at: int, quotes: list[QuoteSpan]) -> bool:
    ch = text[at]
    return (
        ch.isupper()
        or ch.isdigit()
        or ch in "„“\"«‘(['-–—"
        or text.startswith((",,", "'s ", "'t "), at)  # Dutch quotes and clitics ('s avonds)
    )


def sentence_spans(
    text: str, start: int, end: int, quotes: list[QuoteSpan], profile: LanguageProfile
) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences (start, end)."""
    closing_at = {q.inner_end: q for q in quotes if q.closed}
    sentences = []
    sent_start = start
    for match in BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if match.group() == "." and _ends_with_abbreviation(text, match.start(), start, profile):
            continue
        # closing quotes and brackets right after the punctuation belong to the sentence
        while cut < end and text[cut] in CLOSERS or text.startswith("''", cut):
            cut += 2 if text.startswith("''", cut) else 1
        gap = cut
        while gap < end and text[gap] in " \t\r\n":
            gap += 1
        if gap >= end:
            break
        # a closing quote separated by a space (",, ... gezien. ''") still closes this sentence
        quote = closing_at.get(gap)
        if quote is not None and gap > cut:
            cut = quote.end
            gap = cut
            while gap < end and text[gap] in " \t\r\n":
                gap += 1
            if gap >= end:
                break
        if gap == cut or not _starts_sentence(text, gap, quotes):
            continue
        sentences.append((sent_start, cut))
        sent_start = gap
    if sent_start < end:
        sentences.append((sent_start, end))
    return [piece for s, e in sentences for piece in _pieces(text, s, e)]


def _pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS):
    """Cut text[start:end] into pieces of at most `limit` characters, at a space if there is one."""
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut < 0:
            cut = start + limit
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def segment(text: str, profile: LanguageProfile) -> list[Paragraph]:
    """Split a body into paragraphs of sentences; offsets index into `text`."""
    paragraphs: list[Paragraph] = []
    for start, end in paragraph_spans(text, profile):
        quotes = find_quotes(text, start, end)
        spans = sentence_spans(text, start, end, quotes, profile)
        for group in _bounded_groups(spans):
            index = len(paragraphs)
            g_start, g_end = (
                (start, end) if len(group) == len(spans) else (group[0][0], group[-1][1])
            )
            paragraphs.append(
                Paragraph(
                    index,
                    g_start,
                    g_end,
                    tuple(Sentence(s, e, index) for s, e in group),
                    _overlapping(quotes, g_start, g_end),
                )
            )
    return paragraphs


def _overlapping(quotes: list[QuoteSpan], start: int, end: int) -> tuple[QuoteSpan, ...]:
    """The quotations (in order, not overlapping each other) that overlap [start, end)."""
    first = bisect.bisect_right(quotes, start, key=lambda q: q.end)
    found = []
    for k in range(first, len(quotes)):
        quote = quotes[k]
        if quote.start >= end:
            break
        found.append(quote)
    return tuple(found)


def _bounded_groups(spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Consecutive sentences grouped so that no group spans more than MAX_PARAGRAPH_CHARS."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and span[1] - groups[-1][0][0] <= MAX_PARAGRAPH_CHARS:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups
