"""English words of the same or a broader meaning, from WordNet (claimtrack/data/en_wordnet.tsv).

Two accounts of one event seldom use the same words: "travellers" and
"passengers", "security" and "beveiliging" (protection). A content word's
English keys (its stem, or a Dutch word's translations) give the WordNet
synsets of their commonest senses and those senses' direct hypernyms.
Two words are related when they share a sense (synonyms), or when a sense of
one is a hypernym of a sense of the other ("passenger" is a kind of
traveller); two kinds of the same thing ("Monday", "Tuesday") are not.
A word reaches only the senses of its commonest part of speech, without a
tagger: of the parts of speech its form can be (its own lemma, an irregular
form, or WordNet's regular endings: "seconded" is a verb's), the one whose
senses WordNet's tagged corpus counts most often (en_wordnet_parts.tsv), and
never a verb right after an article, a determiner or a number. So "second" is
the ordinal, never the verb "to second" (to back), and a Dutch word reaches
each translation in that translation's commonest part of speech ("tweede":
second, an adjective).
The aligner counts such a meeting below an exact one (align.RELATED_SHARE).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.compare.lexicon import DATA_DIR

WORDNET_FILE = DATA_DIR / "en_wordnet.tsv"
MAX_SENSES = 3  # senses of an English word (WordNet orders them commonest first)
MAX_TRANSLATION_SENSES = 1  # ... of each English translation of a Dutch word
PARTS = frozenset({"n", "v", "a"})  # WordNet's parts of speech: noun, verb, adjective
PARTS_FILE = DATA_DIR / "en_wordnet_parts.tsv"
# WordNet's regular endings (morphy(7WN)): part of speech -> (ending, what replaces it)
ENDINGS = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}
# an adverb is read as the adjective it is made of ("calmly": calm, "heavily": heavy)
ADVERB_ENDINGS = (("ily", "y"), ("ly", ""), ("ly", "le"))
# words after which the next word is not a verb: articles and words used only as
# determiners (claimtrack/data/determiners.json); a number too
NOT_BEFORE_VERB = {
    language: frozenset(words)
    for language, words in json.loads((DATA_DIR / "determiners.json").read_text("utf-8")).items()
    if language != "about"
}


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


# per part of speech ("n", "v", "a"): its senses, each a synset id and its hypernyms' ids.
# Tuples, not dicts: a table of tuples of strings is left out of the garbage collector's
# full passes, which would otherwise walk its tens of thousands of entries each time
Senses = tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]


class WordNet:
    """English word key -> (part of speech, its senses commonest first), each sense a
    synset id and its direct hypernyms' ids."""

    def __init__(self, entries: dict[str, Senses]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path=WORDNET_FILE) -> WordNet:
        """Read the shipped file's lines: `word<TAB>n:SENSE>HYPERNYM,... ...|v:...`."""
        return cls(
            {
                key: tuple(
                    {
                        part: tuple(_sense(item) for item in senses.split())
                        for part, _, senses in (group.partition(":") for group in groups.split("|"))
                    }.items()
                )
                for key, groups in _tab_pairs(path)
            }
        )

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
        for part, group in entry:
            if part not in parts:
                continue
            for sense, above in group[:senses]:
                own.add(sense)
                broader.update(above)
    if not own:
        return NOTHING
    return Related(frozenset(own), frozenset(broader - own))


def _tab_pairs(path) -> Iterator[tuple[str, str]]:
    """The two tab-separated fields of each line of a data file, comment lines skipped."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                key, value = line.rstrip("\n").split("\t")
                yield key, value


def _sense(item: str) -> tuple[str, tuple[str, ...]]:
    sense, _, above = item.partition(">")
    return sense, tuple(above.split(",")) if above else ()


class PartCounts:
    """English word form -> (part of speech, how often WordNet's tagged corpus has its
    senses), pairs as tuples as in WordNet.entries (en_wordnet_parts.tsv)."""

    def __init__(self, counts: dict[str, tuple[tuple[str, int], ...]]) -> None:
        self.counts = counts

    @classmethod
    def load(cls, path=PARTS_FILE) -> PartCounts:
        """Read the shipped file's lines: `form<TAB>n:COUNT v:COUNT ...`."""
        return cls(
            {
                form: tuple(
                    {
                        part: int(count)
                        for part, _, count in (p.partition(":") for p in parts.split())
                    }.items()
                )
                for form, parts in _tab_pairs(path)
            }
        )

    def parts(self, form: str, not_verb: bool = False) -> frozenset[str]:
        """The commonest part(s) of speech of a folded English word form (all it has when
        none was tagged), a verb left out when `not_verb`; all of them for a form WordNet
        lacks."""
        return _parts(self, form, not_verb)


@lru_cache(maxsize=65536)
def _parts(counts: PartCounts, form: str, not_verb: bool) -> frozenset[str]:
    found = dict(counts.counts.get(form, ()))
    bases = [
        (part, form[: len(form) - len(end)] + new)
        for part, endings in ENDINGS.items()
        for end, new in endings
        if form.endswith(end) and len(form) > len(end) + 1
    ]
    bases += [("a", form[: -len(end)] + new) for end, new in ADVERB_ENDINGS if form.endswith(end)]
    for part, base in dict.fromkeys(bases):
        tagged = dict(counts.counts.get(base, ())) if base != form else {}
        if part in tagged:
            found[part] = found.get(part, 0) + tagged[part]
    if not_verb:
        found.pop("v", None)
    if not found:  # a form WordNet lacks, or only a verb's where no verb stands
        return PARTS - {"v"} if not_verb else PARTS
    top = max(found.values())
    return frozenset(part for part, count in found.items() if count == top)


@lru_cache(maxsize=1)
def default_parts() -> PartCounts:
    """The shipped part-of-speech counts (loaded once per process)."""
    return PartCounts.load()


@lru_cache(maxsize=1)
def default_wordnet() -> WordNet:
    """The shipped WordNet synonym file (loaded once per process)."""
    return WordNet.load()
