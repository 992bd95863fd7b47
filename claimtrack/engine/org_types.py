"""Kinds of organisation, for descriptions that name one by its kind.

An article names "Gemeente Zandvoorde" and "Korvanger Logistiek Groep", then goes on
with "de gemeente", "the council" or "het bedrijf". The nouns of each kind are listed in
`lang/data/org_types.tsv`, Dutch and English together (read once, when a description
first needs them). An organisation's kinds come from the words of its name and from the
nouns it was described with; EntityRegistry.organisation_by_kind picks the one
organisation a description fits.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from claimtrack.engine.translations import fold

TYPES = Path(__file__).resolve().parent / "lang" / "data" / "org_types.tsv"
UNNAMED_KINDS = Path(__file__).resolve().parent / "lang" / "data" / "unnamed_kinds.txt"
# the shortest listed noun that may end a Dutch compound ("transportbedrijf")
COMPOUND_HEAD = 4
DESCRIBES = "describes"
DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


@dataclass(frozen=True)
class OrgTypes:
    """The folded nouns of each kind: `describing` as a description, `naming` in a name
    (the nouns marked 'describes' only in the first)."""

    describing: dict[str, str]
    naming: dict[str, str]
    compound_heads: tuple[str, ...]  # describing nouns that may end a Dutch compound


@functools.cache
def org_types(path: Path = TYPES) -> OrgTypes:
    """The table of `path`, read once."""
    describing: dict[str, str] = {}
    naming: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            noun, kind, *rest = (part.strip() for part in line.split("\t"))
            noun = " ".join(fold(word) for word in noun.split())
            if not noun or not kind:
                continue
            describing[noun] = kind
            if not (rest and rest[0] == DESCRIBES):
                naming[noun] = kind
    heads = tuple(n for n in describing if " " not in n and len(n) >= COMPOUND_HEAD)
    return OrgTypes(describing, naming, heads)


@functools.cache
def unnamed_kinds(path: Path = UNNAMED_KINDS) -> frozenset[str]:
    """The kinds whose names seldom say them ("company": Northgrid; "party": Lokaal
    Belang): a description of such a kind may also stand for the one organisation of no
    known kind."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _kind_of_word(word: str, table: dict[str, str], compounds: bool) -> str | None:
    """The kind of one folded word, also as a Dutch compound that ends in a listed noun
    ('transportbedrijf' is a 'bedrijf')."""
    if word in table:
        return table[word]
    if compounds:
        for noun in org_types().compound_heads:
            if word.endswith(noun) and len(word) > len(noun) and noun in table:
                return table[noun]
    return None


def description_kind(noun: str, compounds: bool) -> str | None:
    """The kind of organisation a description's noun names ('gemeente', 'town hall', 'the
    transport company' by its head), or None."""
    words = [fold(w) for w in noun.split()]
    if not words:
        return None
    table = org_types().describing
    phrase = " ".join(words)
    if phrase in table:
        return table[phrase]
    return _kind_of_word(words[-1], table, compounds)


def name_kinds(name: str, descriptors: set[str], compounds: bool) -> frozenset[str]:
    """The kinds of organisation a name's words ('Gemeente Zandvoorde', 'Transport Workers
    Union') and the nouns it was described with ('vervoerder', 'transportbedrijf') make it."""
    kinds: set[str] = set()
    naming = org_types().naming
    # "B.V.", "N.V.": an abbreviation's letters are one word
    name = DOTTED.sub(lambda m: m.group().replace(".", ""), name)
    words = [fold(w) for w in name.replace(".", " ").split()]
    k = 0
    while k < len(words):
        pair = " ".join(words[k : k + 2])
        if k + 1 < len(words) and pair in naming:
            kinds.add(naming[pair])
            k += 2
            continue
        kind = _kind_of_word(words[k], naming, compounds)
        if kind is not None:
            kinds.add(kind)
        k += 1
    for descriptor in descriptors:
        kind = description_kind(descriptor, compounds)
        if kind is not None:
            kinds.add(kind)
    return frozenset(kinds)
