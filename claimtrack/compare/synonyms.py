"""English words of the same or a broader meaning, from WordNet (claimtrack/data/en_wordnet.tsv).

Two accounts of one event seldom use the same words: "travellers" and
"passengers", "security" and "beveiliging" (protection). A content word's
English keys (its stem, or a Dutch word's translations) give the WordNet
synsets of their commonest senses and those senses' direct hypernyms.
Two words are related when they share a sense (synonyms), or when a sense of
one is a hypernym of a sense of the other ("passenger" is a kind of
traveller); two kinds of the same thing ("Monday", "Tuesday") are not.
A word reaches only the senses of its own part of speech in the statement (as
spaCy tags it): "second" in "the second stage" is the ordinal, never the verb
"to second" (to back), and a Dutch word's translations are read in the part
of speech the Dutch word has ("tweede": second, an adjective).
The aligner counts such a meeting below an exact one (align.RELATED_SHARE).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimtrack.compare.lexicon import DATA_DIR

WORDNET_FILE = DATA_DIR / "en_wordnet.tsv"
MAX_SENSES = 3  # senses of an English word (WordNet orders them commonest first)
MAX_TRANSLATION_SENSES = 1  # ... of each English translation of a Dutch word
PARTS = frozenset({"n", "v", "a"})  # WordNet's parts of speech: noun, verb, adjective
# a token's part of speech (spaCy's universal tags) -> the WordNet ones it may mean; a tag
# not listed here (X, or none: no tagger) leaves all three open
WORDNET_PARTS = {
    "NOUN": frozenset({"n"}),
    "PROPN": frozenset({"n"}),
    "VERB": frozenset({"v"}),
    "AUX": frozenset({"v"}),
    "ADJ": frozenset({"a"}),
    "ADV": frozenset({"a"}),  # WordNet's adverbs are not kept; "fast", "hard" are adjectives
    **dict.fromkeys(
        ("NUM", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM"),
        frozenset(),
    ),
}
PARTICIPLE = frozenset({"v", "a"})  # "injured", "gewonde": a verb's form used as an adjective


def wordnet_parts(tag: str, participle: bool = False) -> frozenset[str]:
    """The WordNet parts of speech a token tagged `tag` can reach (all for an unknown tag);
    a participle, tagged verb or adjective alike, reaches both."""
    if participle and tag in ("VERB", "AUX", "ADJ"):
        return PARTICIPLE
    return WORDNET_PARTS.get(tag, PARTS)


@dataclass(frozen=True)
class Related:
    """A word's senses and the broader senses above them (synset ids)."""

    senses: frozenset[str] = frozenset()
    broader: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.senses)

    def __or__(self, other: Related) -> Related:
        if not other:
            return self
        if not self:
            return other
        senses = self.senses | other.senses
        return Related(senses, (self.broader | other.broader) - senses)

    def marked(self, prefix: str) -> Related:
        """The same senses as ids of their own ("~": as what a number counts)."""
        if not self:
            return self
        return Related(
            frozenset(prefix + s for s in self.senses), frozenset(prefix + s for s in self.broader)
        )

    def meets(self, other: Related) -> bool:
        """Whether the two words share a sense, or one's sense is broader than the other's."""
        return not (
            self.senses.isdisjoint(other.senses)
            and self.senses.isdisjoint(other.broader)
            and self.broader.isdisjoint(other.senses)
        )


NOTHING = Related()


Senses = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


class WordNet:
    """English word key -> part of speech ("n", "v", "a") -> its senses, commonest first,
    each a synset id and its direct hypernyms' ids."""

    def __init__(self, entries: dict[str, Senses]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path=WORDNET_FILE) -> WordNet:
        entries = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                key, groups = line.rstrip("\n").split("\t")
                entries[key] = {
                    part: tuple(_sense(item) for item in senses.split())
                    for part, _, senses in (group.partition(":") for group in groups.split("|"))
                }
        return cls(entries)

    def related(
        self, keys: frozenset[str], senses: int = MAX_SENSES, parts: frozenset[str] = PARTS
    ) -> Related:
        """The senses (the first `senses` of each key per part of speech in `parts`) and the
        broader senses above them of a word's English keys."""
        return _related(self, keys, senses, parts)


@lru_cache(maxsize=65536)
def _related(wordnet: WordNet, keys: frozenset[str], senses: int, parts: frozenset[str]) -> Related:
    own: set[str] = set()
    broader: set[str] = set()
    for key in keys:
        entry = wordnet.entries.get(key)
        if entry is None:
            continue
        for part, group in entry.items():
            if part not in parts:
                continue
            for sense, above in group[:senses]:
                own.add(sense)
                broader.update(above)
    if not own:
        return NOTHING
    return Related(frozenset(own), frozenset(broader - own))


def _sense(item: str) -> tuple[str, tuple[str, ...]]:
    sense, _, above = item.partition(">")
    return sense, tuple(above.split(",")) if above else ()


@lru_cache(maxsize=1)
def default_wordnet() -> WordNet:
    """The shipped WordNet synonym file (loaded once per process)."""
    return WordNet.load()
