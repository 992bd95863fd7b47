"""The bilingual topic lexicon (claimtrack/data/topics.json): which concepts a statement is about."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimtrack.compare.terms import TermIndex, TermMatch

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Concept:
    """A topic two accounts can both talk about, whatever words or language they use."""

    id: str
    label: str
    weak: bool = False  # the occurrence itself ("the call"): a topic only when nothing else is
    ignore: bool = False  # absorbs phrases that are no topic ("national security adviser")


class TopicLexicon:
    """Concepts and the English/Dutch terms that signal them."""

    def __init__(self, data: dict) -> None:
        self.concepts: dict[str, Concept] = {}
        self.terms = TermIndex()
        # words near a sentence's start that tie it to the sentence before ("This must ...")
        self.continuation_cues: set[str] = {
            word for words in data.get("continuation_cues", {}).values() for word in words
        }
        for entry in data["concepts"]:
            concept = Concept(
                entry["id"],
                entry["label"],
                bool(entry.get("weak", False)),
                bool(entry.get("ignore", False)),
            )
            self.concepts[concept.id] = concept
            self.terms.add_many(concept.id, entry)

    def matches(self, text: str, language: str | None) -> list[TermMatch]:
        """Term matches in `text` (keys are concept ids), longest where they overlap."""
        return self.terms.find(text, language)

    def concepts_in(self, text: str, language: str | None) -> list[Concept]:
        """The concepts `text` mentions, in order of first mention, each once."""
        seen: dict[str, Concept] = {}
        for match in self.matches(text, language):
            if not self.concepts[match.key].ignore:
                seen.setdefault(match.key, self.concepts[match.key])
        return list(seen.values())


def load_json_resource(name: str) -> dict:
    """Read a JSON file shipped in claimtrack/data/."""
    return json.loads((DATA_DIR / name).read_text("utf-8"))


@lru_cache(maxsize=1)
def default_lexicon() -> TopicLexicon:
    """The lexicon shipped with claimtrack (loaded once per process)."""
    return TopicLexicon(load_json_resource("topics.json"))
