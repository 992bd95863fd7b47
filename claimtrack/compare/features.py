"""What a statement says, as comparable pieces: word keys, names, numbers, times, negations.

Every content word becomes a set of keys that an English and a Dutch
statement can share: an English word its stem, a Dutch word the stems of
its dictionary translations plus itself (names and cognates: "Rotterdam",
"Tata"). Numbers are read with the thing they count ("twaalf gewonden" ->
12 of {injur, wound}); clock times and explicit dates are read too;
negation words are kept with the keys of the words around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from claimtrack.compare.cognates import english_cousins
from claimtrack.compare.dates import MONTHS
from claimtrack.compare.dictionary import default_dictionary
from claimtrack.compare.lexical import STOPWORDS
from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.synonyms import (
    MAX_SENSES,
    MAX_TRANSLATION_SENSES,
    NOT_BEFORE_VERB,
    NOTHING,
    Related,
    default_parts,
    default_wordnet,
)
from claimtrack.compare.text import Token, english_key, tokenize

_MONTH_NAMES = frozenset(name for names in MONTHS.values() for name in names)

CUES = load_json_resource("conflict_cues.json")
NUMBER_WORDS = {lang: dict(words) for lang, words in CUES["number_words"].items()}
TENS = frozenset(range(20, 100, 10))
UNITS_AFTER_TENS = {lang: dict(words) for lang, words in CUES["units_after_tens"].items()}
MULTIPLIERS = {lang: dict(words) for lang, words in CUES["multipliers"].items()}
COMPOUNDS = CUES["number_compounds"]  # languages that write "driehonderdvijftig" as one word
REPORTING = {lang: set(words) for lang, words in CUES["reporting"].items()}
UNITS = CUES["units"]  # "km" -> kilometre, whatever the language
NEGATORS = {lang: set(words) for lang, words in CUES["negators"].items()}
NOT_NEGATING = {"only", "just", "alleen", "enkel", "slechts"}  # after a negator: no negation
NEGATION_SCOPE = 4  # words either side of a negator it can be about
COUNTED_WITHIN = 3  # words after a number in which the thing it counts stands
MAX_DAY = 31  # a number after a month's name this small is its day ("December 2")
MIN_WORD_LENGTH = 3
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'\[\]-]{1,60}:\s+")
CLOCK = re.compile(
    r"\b(?:om\s+|at\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?m\.?)?"
    r"(?:\s*uur)?\b",
    re.IGNORECASE,
)
CLOCK_AMPM = re.compile(r"\b(?P<h>1[0-2]|[1-9])\s*(?P<ampm>[ap])\.?m\b\.?", re.IGNORECASE)
CLOCK_UUR = re.compile(r"\b(?P<h>[01]?\d|2[0-3])\s+uur\b", re.IGNORECASE)
NUMBER_TAIL = re.compile(r"(?:[.,]\d+)+")  # the rest of "3.000" or "12,5" after "3" / "12"
CLAUSE_BREAK = re.compile(r"[,;:](?!\d)")  # not inside "3,5" or "14:10"
DIGITS = re.compile(r"(?<![\w.,:])(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w:])")


@dataclass(frozen=True)
class Quantity:
    """A number and the keys of what it counts, where it stands in the text."""

    value: float
    things: frozenset[str]
    start: int
    end: int
    related: Related = NOTHING  # WordNet senses of what it counts ("travellers": passengers)


@dataclass(frozen=True)
class Negation:
    """A negation word, the keys of the words it can be about, and of the words it
    negates most directly (heads: the next two content words, else the one before)."""

    keys: frozenset[str]
    start: int
    end: int
    heads: frozenset[str] = frozenset()


@dataclass(eq=False)
class Features:
    """A statement's comparable pieces."""

    language: str
    tokens: tuple[Token, ...]
    word_keys: list[frozenset[str]] = field(default_factory=list)  # per content word
    word_spans: list[tuple[int, int]] = field(default_factory=list)
    word_norms: list[str] = field(default_factory=list)
    # per content word: its WordNet senses (synonyms, broader words); empty for names, numbers
    word_related: list[Related] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[tuple[str, int, int]] = field(default_factory=list)  # ("14:10", start, end)
    negations: list[Negation] = field(default_factory=list)
    breaks: tuple[int, ...] = ()  # where a clause ends: offsets of , ; and :

    @cached_property
    def keys(self) -> frozenset[str]:
        """Every key of every content word (worked out once: features are not changed after
        they are made)."""
        return frozenset(key for keys in self.word_keys for key in keys)

    @cached_property
    def senses(self) -> frozenset[str]:
        """Every WordNet sense of every content word (worked out once, as `keys`)."""
        return frozenset(sense for related in self.word_related for sense in related.senses)


def statement_language(statement: dict) -> str:
    language = statement.get("language") or "en"
    return language if language in STOPWORDS else "en"


def word_keys(norm: str, language: str, capitalised: bool) -> frozenset[str]:
    """The keys one folded word stands for in `language`."""
    return _word_keys(norm, language, capitalised)


@lru_cache(maxsize=65536)
def _word_keys(norm: str, language: str, capitalised: bool) -> frozenset[str]:
    if norm.isdigit():
        return frozenset({"#" + norm})
    if language == "nl":
        keys = set(default_dictionary().english_keys(norm))
        if not capitalised:
            keys |= english_cousins(norm)  # "evacuatie", "concessie" (the list: "abandon")
        if capitalised or not keys:
            keys.add(english_key(norm))  # names and words the dictionary lacks
        keys.add(norm)
        return frozenset(keys)
    return frozenset({english_key(norm), norm})


def related_words(norm: str, language: str, not_verb: bool = False) -> Related:
    """WordNet senses of a folded common word in its commonest part of speech (synonyms.
    PartCounts; not a verb when `not_verb`): an English word's own, a Dutch word's through
    its dictionary translations (the first sense of each, in that translation's commonest
    part of speech)."""
    return _related_words(norm, language, not_verb)


@lru_cache(maxsize=65536)
def _related_words(norm: str, language: str, not_verb: bool) -> Related:
    wordnet, counts = default_wordnet(), default_parts()
    if language == "nl":
        related = NOTHING
        for english in default_dictionary().english_words(norm):
            parts = counts.parts(english, not_verb)
            related = related | wordnet.related(
                frozenset({english_key(english)}), MAX_TRANSLATION_SENSES, parts
            )
        return related
    parts = counts.parts(norm, not_verb)
    return wordnet.related(frozenset({english_key(norm), norm}), MAX_SENSES, parts)


def _not_verb(tokens: tuple[Token, ...], position: int, language: str) -> bool:
    """Whether the word at `position` follows an article, a determiner or a number (no verb
    stands there: "the second", "twelve injured")."""
    if not position:
        return False
    before = tokens[position - 1].norm
    return (
        before in NOT_BEFORE_VERB.get(language, ())
        or before.isdigit()
        or before in NUMBER_WORDS.get(language, {})
        or before in NUMBER_WORDS["any"]
    )


def features(statement: dict) -> Features:
    """The features of one statement (cached per text and language)."""
    return _statement_features(statement["text"], statement.get("language"))


@lru_cache(maxsize=16384)
def _statement_features(text: str, language: str | None) -> Features:
    return _features(SPEAKER_LABEL.sub("", text), statement_language({"language": language}))


@lru_cache(maxsize=16384)
def _features(text: str, language: str) -> Features:
    tokens = tokenize(text)
    result = Features(language, tokens)
    stop = STOPWORDS[language]
    token_keys: list[frozenset[str]] = []
    token_related: list[Related] = []
    # the words of a clock time ("om 14.40 uur", "8 p.m.") are the time, read below, and no
    # word of their own: "uur" would otherwise meet "hour" and "time" in any sentence
    clocks = list(_clock_matches(text))
    clock_spans = [(m.start(), m.end()) for m in clocks]
    for position, token in enumerate(tokens):
        original = text[token.start : token.end]
        if clock_spans and any(start <= token.start < end for start, end in clock_spans):
            token_keys.append(frozenset())
            token_related.append(NOTHING)
            continue
        capitalised = original[:1].isupper() and position > 0
        if capitalised and not original.isupper() or (original.isupper() and len(original) > 1):
            result.names.add(token.norm)
        if token.norm in UNITS:
            keys = word_keys(UNITS[token.norm], "en", False)
            token_keys.append(keys)
            token_related.append(NOTHING)
            result.word_keys.append(keys)
            result.word_spans.append((token.start, token.end))
            result.word_norms.append(token.norm)
            result.word_related.append(NOTHING)
            continue
        if (
            len(token.norm) < MIN_WORD_LENGTH
            or token.norm in stop
            or token.norm in REPORTING.get(language, ())
            or token.norm.isdigit()
            or token.norm in NUMBER_WORDS.get(language, {})
        ):
            token_keys.append(frozenset())
            token_related.append(NOTHING)
            continue
        keys = word_keys(token.norm, language, capitalised)
        token_keys.append(keys)
        token_related.append(
            NOTHING
            if capitalised
            else related_words(token.norm, language, _not_verb(tokens, position, language))
        )
        result.word_keys.append(keys)
        result.word_spans.append((token.start, token.end))
        result.word_norms.append(token.norm)
        result.word_related.append(token_related[-1])
        # a Dutch compound is two words to English ("accubranden": battery fires)
        # (a name's parts are not looked up: "Noordhaven" is no compound to translate)
        modifier = (
            default_dictionary().modifier_keys(token.norm)
            if language == "nl" and not capitalised
            else None
        )
        if modifier:
            result.word_keys.append(modifier)
            result.word_spans.append((token.start, token.end))
            result.word_norms.append(token.norm)
            result.word_related.append(NOTHING)
    result.quantities = _quantities(text, tokens, token_keys, token_related, language, clock_spans)
    for quantity in result.quantities:  # the same number meets in any language ("12", "twaalf")
        value = f"#{quantity.value:g}"
        result.word_keys.append(frozenset({value}))
        result.word_spans.append((quantity.start, quantity.start))
        result.word_norms.append(value)
        result.word_related.append(NOTHING)
        # ... and two counts of the same thing meet whatever the numbers ("twelve people were
        # injured" / "only four people were hurt"): the row a numeric conflict needs
        result.word_keys.append(frozenset("~" + thing for thing in quantity.things))
        result.word_spans.append((quantity.start, quantity.start))
        result.word_norms.append("~" + value)
        result.word_related.append(quantity.related.marked("~"))
    result.times = _times(clocks)
    result.breaks = tuple(m.start() for m in CLAUSE_BREAK.finditer(text))
    negators = NEGATORS.get(language, set()) | NEGATORS["any"]
    for position, token in enumerate(tokens):
        following = tokens[position + 1].norm if position + 1 < len(tokens) else ""
        if following in NOT_NEGATING:  # "not only", "niet alleen"
            continue
        if token.norm in negators or token.norm.endswith("n't"):
            around = range(
                max(0, position - NEGATION_SCOPE), min(len(tokens), position + NEGATION_SCOPE + 1)
            )
            keys = frozenset(k for i in around for k in token_keys[i])
            heads = _negation_heads(tokens, token_keys, position, result.names)
            result.negations.append(Negation(keys, token.start, token.end, heads))
    return result


def _negation_heads(tokens, token_keys, position: int, names: set[str]) -> frozenset[str]:
    """Keys of what a negator at `position` negates: the next two content words within
    its scope ("No chlorine was released" -> chlorine, released; "geen chloor"), else
    the nearest one before it (Dutch verb-final "was niet onderhouden" has it after).
    Names are not heads: "Verolux denied ..." denies something, not Verolux."""

    def usable(i: int) -> bool:
        return bool(token_keys[i]) and tokens[i].norm not in names

    after = [
        i for i in range(position + 1, min(len(tokens), position + NEGATION_SCOPE + 1)) if usable(i)
    ][:2]
    if not after:
        after = [
            i for i in range(position - 1, max(-1, position - NEGATION_SCOPE - 1), -1) if usable(i)
        ][:1]
    return frozenset(k for i in after for k in token_keys[i])


def _quantities(text, tokens, token_keys, token_related, language, clocks) -> list[Quantity]:
    """The counts in a text; a number inside a clock time (`clocks`, its spans) counts
    nothing ("14.10 uur")."""
    words = NUMBER_WORDS.get(language, {}) | NUMBER_WORDS["any"]
    multipliers = MULTIPLIERS.get(language, {})
    units = _units(language)
    found = []
    for position, token in enumerate(tokens):
        value = None
        if token.norm in words:
            value = float(words[token.norm])
        elif language in COMPOUNDS and token.norm.isalpha():
            value = compound_number(token.norm, language)
        elif token.norm[:1].isdigit() and DIGITS.fullmatch(
            text[token.start : _number_end(text, token.end)]
        ):
            raw = text[token.start : _number_end(text, token.end)]
            value = _parse_number(raw, language)
        if value is None:
            continue
        if position and any(start <= token.start < end for start, end in clocks):
            continue
        end = token.end
        following = position + 1
        # "12,5", "3.000": the tokenizer splits at the separator
        while (
            following < len(tokens)
            and tokens[following].start == end + 1
            and (text[end] in ".," and tokens[following].norm.isdigit())
        ):
            end = tokens[following].end
            following += 1
        # "thirty-seven", "twenty one": a ten and the unit after it are one number
        if (
            token.norm in words
            and value in TENS
            and following < len(tokens)
            and text[end : tokens[following].start] in ("-", " ")
            and tokens[following].norm in units
        ):
            value += units[tokens[following].norm]
            end = tokens[following].end
            following += 1
        # "2 december", "December 2": a day of a month, counting nothing
        if (following < len(tokens) and tokens[following].norm in _MONTH_NAMES) or (
            position and tokens[position - 1].norm in _MONTH_NAMES and value <= MAX_DAY
        ):
            continue
        if following < len(tokens) and tokens[following].norm in multipliers:
            value *= multipliers[tokens[following].norm]
            end = tokens[following].end
            following += 1
        things: set[str] = set()
        related = NOTHING
        counted = 0
        for i in range(following, min(len(tokens), following + COUNTED_WITHIN)):
            if token_keys[i] and not token_keys[i] & things:
                things |= token_keys[i]
                related = related | token_related[i]
                end = tokens[i].end if not counted else end
                counted += 1
                if counted == 2:
                    break
        if "%" in text[token.end : token.end + 2]:
            things |= {"percent"}
        currency = text[max(0, token.start - 1) : token.start]  # "€620 million"
        if currency in UNITS:
            things |= word_keys(UNITS[currency], "en", False)
        if not things:
            continue
        found.append(Quantity(value, frozenset(things), token.start, end, related))
    # a number inside a longer one ("12" of "12,5") is not a number of its own
    return [q for q in found if not any(o is not q and o.start < q.start < o.end for o in found)]


@lru_cache(maxsize=16)
def _units(language: str) -> dict[str, float]:
    """Numerals that may follow a ten ("seven" of "thirty-seven", "one" of "forty-one")."""
    words = NUMBER_WORDS.get(language, {}) | NUMBER_WORDS["any"]
    return {w: v for w, v in words.items() if v < 10} | UNITS_AFTER_TENS.get(language, {})


def compound_number(word: str, language: str) -> float | None:
    """The value of a number written as one word of several number words
    ("driehonderdvijftig" 350, "vijfentwintig" 25, "tweeduizend" 2000), or None."""
    if language not in COMPOUNDS:
        return None
    return _compound_number(word, language)


@lru_cache(maxsize=16384)
def _compound_number(word: str, language: str) -> float | None:
    if len(word) < 7:  # the shortest such word, "elfhonderd", is longer than any other numeral
        return None
    rules = COMPOUNDS[language]
    small = {
        w: v
        for w, v in (NUMBER_WORDS.get(language, {}) | dict(rules["units"])).items()
        if float(v).is_integer() and v < 100
    }
    value = _number_parts(word, small, MULTIPLIERS.get(language, {}), rules["and"])
    return float(value) if value else None


def _number_parts(word: str, small: dict, multipliers: dict, joiner: str) -> int | None:
    """The value of `word` read as numerals only (largest multiplier first), else None."""
    if word in small:
        return int(small[word])
    for multiplier, factor in sorted(multipliers.items(), key=lambda item: -item[1]):
        if factor >= 1_000_000:
            continue  # "miljoen" is written apart: "drie miljoen"
        head, found, rest = word.partition(multiplier)
        if not found:
            continue
        count = _number_parts(head, small, multipliers, joiner) if head else 1
        remainder = _number_parts(rest, small, multipliers, joiner) if rest else 0
        if count and remainder is not None and count * factor > (remainder or 0):
            return count * factor + remainder
        return None
    # "vijfentwintig", "eenentwintig": a unit, the joining word, a ten
    tens = range(20, 100, 10)
    at = word.find(joiner)
    while at > 0:
        unit, ten = word[:at], word[at + len(joiner) :]
        if small.get(unit, 10) < 10 and small.get(ten) in tens:
            return int(small[unit]) + int(small[ten])
        at = word.find(joiner, at + 1)
    return None


def _number_end(text: str, end: int) -> int:
    match = NUMBER_TAIL.match(text, end)
    return match.end() if match else end


def _parse_number(raw: str, language: str) -> float | None:
    thousands, decimal = (".", ",") if language == "nl" else (",", ".")
    if re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})+", raw):
        raw = raw.replace(thousands, "")
    raw = raw.replace(thousands, "").replace(decimal, ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _clock_matches(text: str):
    for pattern in (CLOCK, CLOCK_AMPM, CLOCK_UUR):
        for match in pattern.finditer(text):
            if pattern is CLOCK and not (
                match.group("ampm") or "uur" in match.group().lower() or ":" in match.group()
            ):
                continue
            yield match


def _times(clocks) -> list[tuple[str, int, int]]:
    """("HH:MM", start, end) of each clock time among the matches `clocks`."""
    times = []
    for match in clocks:
        hour = int(match.group("h"))
        minute = int(match.groupdict().get("m") or 0)
        ampm = (match.groupdict().get("ampm") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        span = (match.start("h"), match.end())
        if not any(s <= span[0] < e for _, s, e in times):
            times.append((f"{hour:02d}:{minute:02d}", *span))
    return sorted(times, key=lambda t: t[1])
