"""Resolving relative dates in a text ("dinsdag", "today", "On Tuesday") against the article's date.

News and readouts report what just happened: a weekday means the most
recent such day on or before the publication date, "yesterday" the day
before. A weekday said of what is to come ("next Tuesday", "volgende
dinsdag", "will reopen on Tuesday", "zal dinsdag openen") means the first
such day after it, one after "last" / "vorige" the one a week or less before. A relative date can only be resolved when the article's date is
precise to the day; explicit dates ("December 30", "30 december") only
need the year.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from claimtrack.compare.lexicon import DATA_DIR
from claimtrack.compare.text import fold

WORDS_FILE = DATA_DIR / "date_words.json"


def _languages(section: dict) -> dict:
    """A section of date_words.json without its note."""
    return {language: value for language, value in section.items() if language != "_note"}


_WORDS = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
WEEKDAYS: dict[str, list[str]] = _languages(_WORDS["weekdays"])
DAY_OFFSETS: dict[str, dict[str, int]] = _languages(_WORDS["day_offsets"])
MONTHS: dict[str, list[str]] = _languages(_WORDS["months"])
# a word right before a weekday that says which one: +1 the coming one, -1 the past one
WEEKDAY_QUALIFIERS: dict[str, dict[str, int]] = _languages(_WORDS["weekday_qualifiers"])
FOLLOWING_QUALIFIERS = {k: tuple(v) for k, v in _languages(_WORDS["following_qualifiers"]).items()}
# after one of these a weekday names a kind of thing ("a Saturday ticket"), not when
DETERMINERS = {k: frozenset(v) for k, v in _languages(_WORDS["kind_determiners"]).items()}
# a clause with one of these speaks of what is to come ("will", "zal")
FUTURE_CUES = {k: re.compile(v) for k, v in _languages(_WORDS["future_cues"]).items()}
CLAUSE_EDGE = re.compile(_WORDS["clause_edges"])


def _alternatives(words) -> re.Pattern:
    """One pattern finding any of `words` as whole words, the longest first."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b")


_WEEKDAY_PATTERNS = {lang: _alternatives(names) for lang, names in WEEKDAYS.items()}
_OFFSET_PATTERNS = {lang: _alternatives(phrases) for lang, phrases in DAY_OFFSETS.items()}


def parse_article_date(value: str | None) -> tuple[date, str] | None:
    """('2021-04-13' -> (date, 'day'), '2021-04' -> (first of month, 'month'), '2021' -> year)."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return parsed, "day" if day else "month" if month else "year"


def date_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date as given can mean ('2021-04' -> 1 to 30 April)."""
    parsed = parse_article_date(value)
    if parsed is None:
        return None
    start, precision = parsed
    if precision == "day":
        return start, start
    if precision == "month":
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    return start, date(start.year, 12, 31)


def days_apart(first: str | None, second: str | None) -> int | None:
    """Smallest distance in days between two dates as given (0 when they can be the same day)."""
    a, b = date_range(first), date_range(second)
    if a is None or b is None:
        return None
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def resolve_relative_date(
    text: str, article_date: str | None, language: str | None = None
) -> str | None:
    """The day (ISO) the first date expression in `text` refers to, or None.

    None when `text` has no date expression, or the article's date is not
    precise enough to resolve it (a weekday in a month-dated article).
    """
    found = _found_days(text, article_date, language)
    return min(found)[1].isoformat() if found else None


def named_days(text: str, article_date: str | None, language: str | None = None) -> list[str]:
    """Every distinct day (ISO) the date expressions of `text` refer to, in order ("in de
    nacht van maandag op dinsdag" names two)."""
    days = [day.isoformat() for _, day in sorted(_found_days(text, article_date, language))]
    return list(dict.fromkeys(days))


def _found_days(text: str, article_date: str | None, language: str | None) -> list:
    parsed = parse_article_date(article_date)
    if parsed is None:
        return []
    published, precision = parsed
    folded = fold(text)
    languages = [language] if language in WEEKDAYS else list(WEEKDAYS)
    found = []  # (position in text, resolved date)
    for lang in languages:
        explicit = _explicit_dates(folded, lang, published, precision)
        found.extend(explicit)
        if precision != "day":
            continue
        for match in _OFFSET_PATTERNS[lang].finditer(folded):
            offset = DAY_OFFSETS[lang][match.group()]
            found.append((match.start(), published + timedelta(days=offset)))
        for match in _WEEKDAY_PATTERNS[lang].finditer(folded):
            weekday = WEEKDAYS[lang].index(match.group())
            direction = _direction(folded, match.start(), match.end(), lang)
            if direction > 0:  # the first such day after publication
                ahead = (weekday - published.weekday()) % 7 or 7
                found.append((match.start(), published + timedelta(days=ahead)))
                continue
            back = (published.weekday() - weekday) % 7
            if direction < 0 and not back:  # "last Tuesday" in a Tuesday paper
                back = 7
            found.append((match.start(), published - timedelta(days=back)))
    return found


def _direction(folded: str, start: int, end: int, language: str) -> int:
    """+1 when a weekday at start:end is one to come ("next Tuesday", "will ... on
    Tuesday"), -1 when a word before it says it is past ("last Tuesday"), else 0."""
    before = folded[:start].split()
    after = folded[end:].split()
    previous = before[-1].strip(".,;:!?") if before else ""
    following = after[0].strip(".,;:!?") if after else ""
    qualifiers = WEEKDAY_QUALIFIERS.get(language, {})
    if previous in qualifiers:
        return qualifiers[previous]
    if following in FOLLOWING_QUALIFIERS.get(language, ()):  # "dinsdag aanstaande"
        return 1
    if previous in DETERMINERS.get(language, ()):
        return 0
    edges = list(CLAUSE_EDGE.finditer(folded))
    clause_start = max((m.end() for m in edges if m.end() <= start), default=0)
    clause_end = min((m.start() for m in edges if m.start() >= end), default=len(folded))
    return 1 if FUTURE_CUES[language].search(folded[clause_start:clause_end]) else 0


def _explicit_patterns(months: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """The two ways a day of a month is written, for one language's month names."""
    names = "|".join(months)
    return (
        re.compile(rf"\b(?P<month>{names})\s+(?P<day>\d{{1,2}})\b"),  # December 30
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{names})\b"),  # 30 december
    )


_EXPLICIT_PATTERNS = {lang: _explicit_patterns(months) for lang, months in MONTHS.items()}


def _explicit_dates(folded: str, language: str, published: date, precision: str):
    for pattern in _EXPLICIT_PATTERNS[language]:
        for match in pattern.finditer(folded):
            month = MONTHS[language].index(match.group("month")) + 1
            try:
                day = date(published.year, month, int(match.group("day")))
            except ValueError:
                continue
            if precision == "day" and day > published + timedelta(days=1):
                day = day.replace(year=day.year - 1)  # "December 30" in a January article
            yield match.start(), day
