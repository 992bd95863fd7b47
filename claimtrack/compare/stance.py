"""Where two accounts disagree: initiator claims, contested framings, distancing, denial.

The cues live in claimtrack/data/stance.json. Everything here is pure: it
looks at statement texts and returns sets of findings or a reason string.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.terms import TermIndex, TermMatch, longest_matches
from claimtrack.compare.text import tokenize

# how many words before / after an initiative cue the initiating party may stand
_BEFORE_CUE = 3
_AFTER_CUE = 5


@dataclass(frozen=True)
class Framing:
    """A contested description: which framing, which pole, and the words used."""

    framing: str
    pole: int
    words: str


_CACHE_SIZE = 16384  # statements whose initiators are remembered


class StanceLexicon:
    """Stance cues in English and Dutch."""

    def __init__(self, data: dict) -> None:
        self.parties = TermIndex()
        for party, terms in data["parties"].items():
            self.parties.add_many(party, terms)
        self.initiative = TermIndex()
        self.initiative.add_many("initiative", data["initiative_cues"])
        self.framings = TermIndex()
        self.framing_labels: dict[str, str] = {}
        self.pole_labels: dict[tuple[str, int], str] = {}
        for framing in data["framings"]:
            self.framing_labels[framing["id"]] = framing["label"]
            for index, pole in enumerate(framing["poles"]):
                self.pole_labels[(framing["id"], index)] = pole["label"]
                self.framings.add_many(f"{framing['id']}#{index}", pole)
        self.distancing = TermIndex()
        self.distancing.add_many("distancing", data["distancing"])
        self.denial = TermIndex()
        self.denial.add_many("denial", data["denial"])
        self._initiators: dict[tuple[str, str | None], frozenset[str]] = {}

    def initiators(self, text: str, language: str | None) -> set[str]:
        """Parties `text` says started the contact ("initiated by the United States" -> United States)."""
        key = (text, language)
        found = self._initiators.get(key)
        if found is None:
            if len(self._initiators) >= _CACHE_SIZE:
                self._initiators.clear()
            found = self._initiators[key] = frozenset(self._find_initiators(text, language))
        return set(found)

    def _find_initiators(self, text: str, language: str | None) -> set[str]:
        tokens = tokenize(text)
        parties = longest_matches(self.parties.find_all(tokens, language))
        found = set()
        for cue in self.initiative.find_all(tokens, language):
            nearby = [
                (_distance(cue, party), party.key)
                for party in parties
                if cue.first - _BEFORE_CUE <= party.first and party.last <= cue.last + _AFTER_CUE
            ]
            if nearby:
                found.add(min(nearby)[1])
        return found

    def framings_in(self, text: str, language: str | None) -> set[Framing]:
        """The contested framings `text` uses."""
        return {
            Framing(m.key.split("#")[0], int(m.key.split("#")[1]), text[m.start : m.end])
            for m in self.framings.find(text, language)
        }

    def distancing_in(self, text: str, language: str | None) -> list[str]:
        """Words in `text` that cast doubt on what is reported ("ostensibly", "zogenaamde")."""
        return [text[m.start : m.end] for m in self.distancing.find(text, language)]

    def denials_in(self, text: str, language: str | None) -> list[str]:
        """Denial verbs in `text` ("denied", "ontkent")."""
        return [text[m.start : m.end] for m in self.denial.find(text, language)]


def _distance(cue: TermMatch, party: TermMatch) -> int:
    if party.first >= cue.last:
        return party.first - cue.last
    return cue.first - party.last


@lru_cache(maxsize=1)
def default_stance_lexicon() -> StanceLexicon:
    """The stance cues shipped with claimtrack (loaded once per process)."""
    return StanceLexicon(load_json_resource("stance.json"))


def conflict_reason(
    side_a: str,
    statements_a: list[dict],
    side_b: str,
    statements_b: list[dict],
    stance: StanceLexicon | None = None,
) -> str | None:
    """Why the two sides' statements in one row disagree, or None if nothing says they do.

    Statements are dicts with at least "text" and optionally "language".
    """
    if not statements_a or not statements_b:
        return None
    stance = stance or default_stance_lexicon()
    reasons = []

    def collect(statements, finder):
        found = []
        for statement in statements:
            found.extend(finder(statement["text"], statement.get("language")))
        return found

    initiators_a = set(collect(statements_a, stance.initiators))
    initiators_b = set(collect(statements_b, stance.initiators))
    if initiators_a and initiators_b and not initiators_a & initiators_b:
        reasons.append(
            f"who initiated it: {side_a} names {', '.join(sorted(initiators_a))}, "
            f"{side_b} names {', '.join(sorted(initiators_b))}"
        )

    framings_a = set(collect(statements_a, stance.framings_in))
    framings_b = set(collect(statements_b, stance.framings_in))
    poles_a = {(f.framing, f.pole) for f in framings_a}
    poles_b = {(f.framing, f.pole) for f in framings_b}
    for fa in sorted(framings_a, key=lambda f: (f.framing, f.pole, f.words)):
        for fb in sorted(framings_b, key=lambda f: (f.framing, f.pole, f.words)):
            if fa.framing != fb.framing or fa.pole == fb.pole:
                continue
            if (fb.framing, fb.pole) in poles_a and (fa.framing, fa.pole) in poles_b:
                continue  # both sides use both framings: no clear contrast
            reason = (
                f"{stance.framing_labels[fa.framing]}: {side_a} says \u201c{fa.words}\u201d "
                f"({stance.pole_labels[(fa.framing, fa.pole)]}), {side_b} says "
                f"\u201c{fb.words}\u201d ({stance.pole_labels[(fb.framing, fb.pole)]})"
            )
            if reason not in reasons and not any(
                r.startswith(reason.split(":")[0]) for r in reasons
            ):
                reasons.append(reason)

    for finder, what in ((stance.distancing_in, "casts doubt"), (stance.denials_in, "denies")):
        words_a, words_b = collect(statements_a, finder), collect(statements_b, finder)
        if words_a and not words_b:
            reasons.append(f"{side_a} {what} (\u201c{words_a[0]}\u201d), {side_b} does not")
        elif words_b and not words_a:
            reasons.append(f"{side_b} {what} (\u201c{words_b[0]}\u201d), {side_a} does not")
    return "; ".join(reasons) or None
