"""What kind of occurrence an article reports (a call, a video call, a meeting) and when.

Used to propose that articles published within a few days of each other,
naming the same participants and the same kind of occurrence, report one
event. Pure: works on the article's lead text and date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimtrack.compare.dates import days_apart, resolve_relative_date
from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.terms import TermIndex

MAX_REPORTING_DELAY_DAYS = 7


@dataclass(frozen=True)
class Occurrence:
    """The kind of occurrence a text reports, its family, and the date it happened."""

    kind: str
    family: str
    date: str | None


class OccurrenceKinds:
    """The occurrence vocabulary (claimtrack/data/occurrences.json)."""

    def __init__(self, data: dict) -> None:
        self.families = {kind: entry["family"] for kind, entry in data["kinds"].items()}
        self.terms = TermIndex()
        for kind, entry in data["kinds"].items():
            self.terms.add_many(kind, entry)

    def kind_in(self, text: str, language: str | None) -> str | None:
        """The first kind of occurrence `text` mentions ("video call" before "call" when both fit)."""
        matches = self.terms.find(text, language)
        return matches[0].key if matches else None


@lru_cache(maxsize=1)
def default_occurrence_kinds() -> OccurrenceKinds:
    """The occurrence vocabulary shipped with claimtrack."""
    return OccurrenceKinds(load_json_resource("occurrences.json"))


def detect_occurrence(
    lead: list[str], language: str | None, article_date: str | None
) -> Occurrence | None:
    """The occurrence an article's lead (title and first sentences) reports, or None.

    The date is the first relative or explicit date in the lead resolved
    against `article_date` ("On Tuesday" in a 2021-04-13 readout is
    2021-04-13), else the article's own date as precise as it is.
    """
    kinds = default_occurrence_kinds()
    kind = None
    for text in lead:
        kind = kinds.kind_in(text, language)
        if kind:
            break
    if kind is None:
        return None
    resolved = None
    for text in lead:
        candidate = resolve_relative_date(text, article_date, language)
        # a date far from publication is about something else ("the December 7 talks")
        distance = days_apart(candidate, article_date)
        if candidate and distance is not None and distance <= MAX_REPORTING_DELAY_DAYS:
            resolved = candidate
            break
    return Occurrence(kind, kinds.families[kind], resolved or article_date)
