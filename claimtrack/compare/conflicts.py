"""Why two statements about the same thing disagree, with the phrases that show it.

Each check looks at one statement of side A and one of side B that sit in
the same row and returns findings: a reason a reader can check against the
texts, and the character spans of the differing phrases in each statement.

- numbers: the same thing counted differently ("12 injured" / "30 gewonden");
- times and dates: different clock times or days for the same thing;
- negation: one side negates what the other states ("did not fire" / "fired");
- blame: each side names a different party as responsible;
- sequence: one side has X after Y, the other Y after X;
- opposites: contradicting stance words ("peaceful" / "rellen").

The diplomacy cues of stance.json (who initiated it, contested framings,
distancing, denial) are checked over the whole row by stance.conflict_reason.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack.compare.dates import DAY_OFFSETS, MONTHS, WEEKDAYS, named_days
from claimtrack.compare.features import CUES, Features, features, statement_language
from claimtrack.compare.terms import TermIndex, longest_matches
from claimtrack.compare.text import tokenize

BLAME_AFTER = 5  # words after a blame cue where the blamed party is named
BLAME_BEFORE = 6  # words before "responsible" / "verantwoordelijk" where the party stands
SEQUENCE_WINDOW = 8  # words either side of "after" / "nadat" read as the two events


@dataclass
class Finding:
    """One reason the two sides disagree and the spans to mark in each statement."""

    kind: str
    reason: str
    marks_a: list[tuple[int, int]] = field(default_factory=list)
    marks_b: list[tuple[int, int]] = field(default_factory=list)


class ConflictCues:
    """The blame, sequence and opposite-pole cues of conflict_cues.json as term indexes."""

    def __init__(self, data: dict) -> None:
        self.blame = TermIndex()
        for language, terms in data["blame_cues"].items():
            for term in terms:
                self.blame.add(term, term, language)
        self.party_before = frozenset(
            term for terms in data["blame_party_before"].values() for term in terms
        )
        self.party_links = frozenset(
            word for words in data["party_links"].values() for word in words
        )
        self.sequence = TermIndex()
        for direction, by_language in data["sequence_cues"].items():
            self.sequence.add_many(direction, by_language)
        self.opposites = TermIndex()
        self.labels: dict[str, str] = {}
        self.pole_labels: dict[tuple[str, int], str] = {}
        for entry in data["opposites"]:
            self.labels[entry["id"]] = entry["label"]
            for index, pole in enumerate(entry["poles"]):
                self.pole_labels[(entry["id"], index)] = pole["label"]
                self.opposites.add_many(f"{entry['id']}#{index}", pole)


@lru_cache(maxsize=1)
def default_cues() -> ConflictCues:
    return ConflictCues(CUES)


@dataclass(frozen=True)
class ConflictProfile:
    """What of a statement the conflict checks look at: its keys, the things it counts,
    what its negations negate, which other checks (times, days, ...) can apply, and
    whether it counts something or negates something at all."""

    keys: frozenset[str]
    counted: frozenset[str]
    heads: frozenset[str]
    flags: frozenset[str]
    counts: bool = False
    negates: bool = False


def conflict_profile(statement: dict) -> ConflictProfile:
    """The statement's conflict profile (see ConflictProfile; cached per text, language
    and article date)."""
    article_date = (statement.get("article") or {}).get("date")
    return _profile(statement["text"], statement.get("language"), article_date)


@lru_cache(maxsize=16384)
def _profile(text: str, language: str | None, article_date: str | None) -> ConflictProfile:
    statement = {"text": text, "language": language, "article": {"date": article_date}}
    f = features(statement)
    flags = set()
    if f.times:
        flags.add("times")
    if _day(statement, f):
        flags.add("dates")
    if _blamed(statement, f):
        flags.add("blame")
    if _order(f):
        flags.add("sequence")
    if _poles(statement["text"], f.language):
        flags.add("opposites")
    return ConflictProfile(
        frozenset(f.keys),
        # what is counted, and its WordNet senses: a pair counting related things is checked
        frozenset(
            thing for q in f.quantities for thing in q.things | q.related.senses | q.related.broader
        ),
        frozenset(k for n in f.negations for k in n.heads),
        frozenset(flags),
        bool(f.quantities),
        bool(f.negations),
    )


def possible_kinds(a: ConflictProfile, b: ConflictProfile) -> set[str]:
    """The kinds of finding pair_findings can return for two statements with these
    profiles (a pair with none need not be checked)."""
    kinds = set(a.flags & b.flags)
    if a.counts and b.counts:
        kinds.add("numbers")
    if a.negates or b.negates:
        kinds.add("negation")
    return kinds


def pair_findings(
    side_a: str, a: dict, side_b: str, b: dict, skip: Collection[str] = ()
) -> list[Finding]:
    """Every disagreement found between statement `a` (side A) and `b` (side B), leaving
    out the kinds in `skip` (a row that has its reason of a kind looks for no more)."""
    fa, fb = features(a), features(b)
    checks = []
    if fa.quantities and fb.quantities and "numbers" not in skip:
        checks.append(_numbers)
    if fa.times and fb.times and "times" not in skip:
        checks.append(_times)
    if "dates" not in skip and _day(a, fa) and _day(b, fb):
        checks.append(_dates)
    if (fa.negations or fb.negations) and "negation" not in skip:
        checks.append(_negation)
    if "blame" not in skip and _blamed(a, fa) and _blamed(b, fb):
        checks.append(_blame)
    if "sequence" not in skip and _order(fa) and _order(fb):
        checks.append(_sequence)
    if (
        "opposites" not in skip
        and _poles(a["text"], fa.language)
        and _poles(b["text"], fb.language)
    ):
        checks.append(_opposites)
    found: list[Finding] = []
    for check in checks:
        finding = check(side_a, a, fa, side_b, b, fb)
        if finding:
            found.append(finding)
    return found


def _day(statement: dict, f: Features) -> str | None:
    """The day a statement names, resolved against its article's date (cached)."""
    article_date = (statement.get("article") or {}).get("date")
    return _resolved_day(statement["text"], article_date, f.language) if article_date else None


@lru_cache(maxsize=16384)
def _resolved_day(text: str, article_date: str, language: str) -> str | None:
    # a statement naming two days ("de nacht van maandag op dinsdag") has no one day to
    # hold against another account's
    days = named_days(text, article_date, language)
    return days[0] if len(days) == 1 else None


@lru_cache(maxsize=16384)
def _poles(text: str, language: str) -> tuple:
    return tuple((m.key, m.start, m.end) for m in default_cues().opposites.find(text, language))


def _quote(text: str, start: int, end: int) -> str:
    return "\u201c" + " ".join(text[start:end].split()) + "\u201d"


def _numbers(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    for qa in fa.quantities:
        for qb in fb.quantities:
            if qa.value == qb.value or not (qa.things & qb.things or qa.related.meets(qb.related)):
                continue
            # the same number for the same thing elsewhere in the other text: they agree
            if any(q.value == qa.value and q.things & qa.things for q in fb.quantities):
                continue
            if any(q.value == qb.value and q.things & qb.things for q in fa.quantities):
                continue
            return Finding(
                "numbers",
                f"numbers differ: {side_a} says {_quote(a['text'], qa.start, qa.end)}, "
                f"{side_b} says {_quote(b['text'], qb.start, qb.end)}",
                [(qa.start, qa.end)],
                [(qb.start, qb.end)],
            )
    return None


def _times(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    if not fa.times or not fb.times:
        return None
    if {t for t, _, _ in fa.times} & {t for t, _, _ in fb.times}:
        return None
    ta, tb = fa.times[0], fb.times[0]
    return Finding(
        "times",
        f"times differ: {side_a} says {_quote(a['text'], ta[1], ta[2])}, "
        f"{side_b} says {_quote(b['text'], tb[1], tb[2])}",
        [(ta[1], ta[2])],
        [(tb[1], tb[2])],
    )


def _date_span(text: str, language: str) -> tuple[int, int] | None:
    words = set(WEEKDAYS.get(language, ())) | set(MONTHS.get(language, ()))
    words |= {w for phrase in DAY_OFFSETS.get(language, {}) for w in phrase.split()[:1]}
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        if token.norm in words:
            start, end = token.start, token.end
            for near in (i - 1, i + 1):  # "30 december", "December 30"
                if 0 <= near < len(tokens) and tokens[near].norm.isdigit():
                    start, end = min(start, tokens[near].start), max(end, tokens[near].end)
            return start, end
    return None


def _dates(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    day_a, day_b = _day(a, fa), _day(b, fb)
    if not day_a or not day_b or day_a == day_b:
        return None
    span_a, span_b = _date_span(a["text"], fa.language), _date_span(b["text"], fb.language)
    if not span_a or not span_b:
        return None
    return Finding(
        "dates",
        f"dates differ: {side_a} says {_quote(a['text'], *span_a)} ({day_a}), "
        f"{side_b} says {_quote(b['text'], *span_b)} ({day_b})",
        [span_a],
        [span_b],
    )


def _negation(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    for first, f1, t1, second, f2, t2, flip in (
        (side_a, fa, a, side_b, fb, b, False),
        (side_b, fb, b, side_a, fa, a, True),
    ):
        negated_other = {k for n in f2.negations for k in n.keys}
        for negation in f1.negations:
            # what the negator negates must be what the other statement states
            shared = (negation.heads & f2.keys) - negated_other
            if not shared:
                continue
            spans_1 = [(negation.start, negation.end)]
            spans_1 += [
                span
                for keys, span in zip(f1.word_keys, f1.word_spans, strict=True)
                if keys & shared and abs(span[0] - negation.start) < 60
            ][:1]
            spans_2 = [
                span
                for keys, span in zip(f2.word_keys, f2.word_spans, strict=True)
                if keys & shared
            ][:1]
            if not spans_2:
                continue
            phrase = _quote(t1["text"], min(s for s, _ in spans_1), max(e for _, e in spans_1))
            reason = (
                f"negation: {first} says {phrase}, "
                f"{second} says {_quote(t2['text'], *spans_2[0])} without a negation"
            )
            marks = (spans_1, spans_2) if not flip else (spans_2, spans_1)
            return Finding("negation", reason, *marks)
    return None


def _blamed(statement: dict, f: Features) -> list[tuple[frozenset[str], tuple[int, int]]]:
    """(keys, span) of the parties a statement holds responsible."""
    return _blamed_in(f)


@lru_cache(maxsize=16384)
def _blamed_in(f: Features) -> list[tuple[frozenset[str], tuple[int, int]]]:
    tokens = f.tokens
    keys_by_start = dict(zip([s for s, _ in f.word_spans], f.word_keys, strict=True))
    parties = []
    cues = default_cues()
    for match in longest_matches(cues.blame.find_all(tokens, f.language)):
        if match.key in cues.party_before:
            found = _party_before(tokens, keys_by_start, match.first, cues.party_links)
            if found is not None:
                parties.append((keys_by_start[tokens[found].start], tokens_span(tokens, found)))
            continue
        found = _party_after(tokens, keys_by_start, match.last, cues.party_links)
        if found is not None:
            parties.append((keys_by_start[tokens[found].start], tokens_span(tokens, found)))
    return parties


def _party_after(tokens, keys_by_start, start: int, links: frozenset[str]) -> int | None:
    """The token naming the party after a cue ("caused by a contractor"): the first content
    word, or the last of a run of content words a link word follows ("caused by overdue
    maintenance of the dike": maintenance, not overdue)."""
    end = min(len(tokens), start + BLAME_AFTER)
    first = next((i for i in range(start, end) if keys_by_start.get(tokens[i].start)), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(tokens) and keys_by_start.get(tokens[last + 1].start):
        last += 1
    if last + 1 < len(tokens) and tokens[last + 1].norm in links:
        return last
    return first


def tokens_span(tokens, i: int) -> tuple[int, int]:
    """The character span of token i."""
    return (tokens[i].start, tokens[i].end)


def _party_before(tokens, keys_by_start, cue: int, links: frozenset[str]) -> int | None:
    """The token naming the party before a cue ("the mayor is responsible"): the content
    word nearest the cue, or, past a link word, the one the rest belongs to ("de
    organisatie van de mars is verantwoordelijk": organisatie, not mars)."""
    window = range(max(0, cue - BLAME_BEFORE), cue)
    candidate = None
    for i in reversed(window):
        if tokens[i].norm in links:
            candidate = None  # what came after "of" belongs to the party before it
            continue
        if candidate is None and keys_by_start.get(tokens[i].start):
            candidate = i
            if not any(tokens[j].norm in links for j in window if j < i):
                break
    return candidate


def _blame(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    blamed_a, blamed_b = _blamed(a, fa), _blamed(b, fb)
    if not blamed_a or not blamed_b:
        return None
    keys_a = frozenset().union(*(k for k, _ in blamed_a))
    keys_b = frozenset().union(*(k for k, _ in blamed_b))
    if keys_a & keys_b:
        return None
    span_a, span_b = blamed_a[0][1], blamed_b[0][1]
    return Finding(
        "blame",
        f"who is to blame: {side_a} names {_quote(a['text'], *span_a)}, "
        f"{side_b} names {_quote(b['text'], *span_b)}",
        [span for _, span in blamed_a],
        [span for _, span in blamed_b],
    )


@lru_cache(maxsize=16384)
def _order(f: Features) -> list[tuple[frozenset[str], frozenset[str], tuple[int, int]]]:
    """(keys of what happened first, keys of what happened later, cue span) per sequence cue."""
    tokens = f.tokens
    keys_by_start = dict(zip([s for s, _ in f.word_spans], f.word_keys, strict=True))
    orders = []
    for match in longest_matches(default_cues().sequence.find_all(tokens, f.language)):
        before = range(max(0, match.first - SEQUENCE_WINDOW), match.first)
        after = range(match.last, min(len(tokens), match.last + SEQUENCE_WINDOW))
        keys_before = frozenset(k for i in before for k in keys_by_start.get(tokens[i].start, ()))
        keys_after = frozenset(k for i in after for k in keys_by_start.get(tokens[i].start, ()))
        if not keys_before:
            # the cue opens the sentence: "Pas nadat Y, X" / "Before Y, X"; the clause up to
            # the comma is Y, the rest is X
            stop = next((b for b in f.breaks if b >= match.end), None)
            if stop is not None:
                rest = range(match.last, len(tokens))
                clause = [i for i in rest if tokens[i].start < stop][:SEQUENCE_WINDOW]
                main = [i for i in rest if tokens[i].start > stop][:SEQUENCE_WINDOW]
                keys_clause = frozenset(
                    k for i in clause for k in keys_by_start.get(tokens[i].start, ())
                )
                keys_main = frozenset(
                    k for i in main for k in keys_by_start.get(tokens[i].start, ())
                )
                if match.key == "later":  # "After Y, X": Y first
                    orders.append((keys_clause, keys_main, (match.start, match.end)))
                else:  # "Before Y, X": X first
                    orders.append((keys_main, keys_clause, (match.start, match.end)))
                continue
        if match.key == "later":  # "X after Y": Y first
            orders.append((keys_after, keys_before, (match.start, match.end)))
        else:
            orders.append((keys_before, keys_after, (match.start, match.end)))
    return orders


def _sequence(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    for first_a, later_a, cue_a in _order(fa):
        for first_b, later_b, cue_b in _order(fb):
            swapped_1 = (first_a & later_b) - (later_a | first_b)
            swapped_2 = (later_a & first_b) - (first_a | later_b)
            # one event on opposite sides of the cue is enough when nothing stands on the
            # same side in both ("pas ingelicht nadat de gegevens online stonden" / "we
            # warned them before the data was published": the data, told in other words)
            agreeing = (first_a & first_b) | (later_a & later_b)
            if (swapped_1 and swapped_2) or ((swapped_1 or swapped_2) and not agreeing):
                return Finding(
                    "sequence",
                    f"order of events: {side_a} says {_quote(a['text'], *cue_a)} "
                    f"the other way round from {side_b} ({_quote(b['text'], *cue_b)})",
                    [cue_a] + _spans(fa, swapped_1 | swapped_2),
                    [cue_b] + _spans(fb, swapped_1 | swapped_2),
                )
    return None


def _spans(f: Features, keys: set[str], limit: int = 2) -> list[tuple[int, int]]:
    return [s for k, s in zip(f.word_keys, f.word_spans, strict=True) if k & keys][:limit]


def _opposites(side_a, a, fa: Features, side_b, b, fb: Features) -> Finding | None:
    cues = default_cues()
    poles_a = set(_poles(a["text"], statement_language(a)))
    poles_b = set(_poles(b["text"], statement_language(b)))
    keys_a, keys_b = {k for k, _, _ in poles_a}, {k for k, _, _ in poles_b}
    for key_a, start_a, end_a in sorted(poles_a, key=lambda p: p[1]):
        for key_b, start_b, end_b in sorted(poles_b, key=lambda p: p[1]):
            topic_a, pole_a = key_a.split("#")
            topic_b, pole_b = key_b.split("#")
            if topic_a != topic_b or pole_a == pole_b:
                continue
            if key_b in keys_a or key_a in keys_b:
                continue  # each side uses both words: no clear contrast
            label_a = cues.pole_labels[(topic_a, int(pole_a))]
            label_b = cues.pole_labels[(topic_b, int(pole_b))]
            return Finding(
                "opposites",
                f"{cues.labels[topic_a]}: {side_a} says {_quote(a['text'], start_a, end_a)} "
                f"({label_a}), {side_b} says {_quote(b['text'], start_b, end_b)} ({label_b})",
                [(start_a, end_a)],
                [(start_b, end_b)],
            )
    return None
