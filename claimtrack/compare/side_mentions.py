"""Statements that name a side of a comparison without its full name.

News reports name a side in full once and then go on with a part of the name
("Northgrid" for Northgrid Data Centres, "Tegenwind" for Stichting Tegenwind
Eemkerk), a role noun before the name ("aannemer Bruggeman Bouw") or a
description of the side's kind ("de bond", "the council"). The kinds of
organisation come from `engine/lang/data/org_types.tsv`; a side's kinds come
from the words of its name and from how the event's texts describe it: an
apposition ("Zorgbond Lindewaard, de vakbond van ...") or a role noun before its
name ("vakbond Zorgbond Lindewaard").
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.engine.org_types import COMPANY, description_kind, name_kinds, org_types
from claimtrack.engine.translations import fold
from claimtrack.store.events import in_account
from claimtrack.store.sources import alias_key

MIN_SHORT_NAME = 4  # letters of the shortest part of a side's name that still names it
APPOSITION_WORDS = 4  # words after "Name," read for the noun that describes it
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+|[,.;:()\u201e\u201c\u201d\"]")


def loosely_named(
    statements: list[dict], side_a: dict[str, Any], side_b: dict[str, Any]
) -> tuple[frozenset[int], frozenset[int]]:
    """Ids of the statements whose speaker (or relay) names a side by a part of its name,
    by its name after a role noun, or by a description of its kind, for each side; a name
    or description that fits both sides names neither."""
    texts = [statement["text"] for statement in statements]
    kinds = (side_kinds(side_a, texts), side_kinds(side_b, texts))
    cores = (_core_keys(side_a), _core_keys(side_b))
    full_names = set(side_a["keys"]) | set(side_b["keys"])
    found: tuple[set[int], set[int]] = (set(), set())
    for statement in statements:
        names = [
            name
            for name in (
                statement.get("speaker"),
                statement.get("affiliation"),
                *(statement.get("via") or []),
            )
            if name
        ]
        # a side's full name is in_account's to find: only other names are loose
        keys = {
            key
            for name in names
            if alias_key(name) not in full_names
            for key in _without_role_noun(alias_key(name))
        }
        fits = [any(_part_of(key, cores[n]) for key in keys) for n in (0, 1)]
        if not any(fits):
            # a description is weaker than a full name: it names no side the chain names
            # the other side in full ("the company" in a chain that names the province)
            fits = [
                fit and not in_account(statement, (side_b, side_a)[n])
                for n, fit in enumerate(_described(names, kinds))
            ]
        if fits[0] != fits[1]:
            found[0 if fits[0] else 1].add(statement["id"])
    return frozenset(found[0]), frozenset(found[1])


def side_kinds(side: dict[str, Any], texts: list[str]) -> frozenset[str]:
    """The kinds of organisation a side is: by the words of its name, and by the nouns the
    texts put right before its name or in an apposition after it."""
    kinds = set(name_kinds(side["name"], set(), compounds=True))
    wanted = [key.split() for key in side["keys"] if len(key) >= MIN_SHORT_NAME]
    for text in texts:
        words = [fold(word) for word in WORD.findall(text)]
        for name in wanted:
            for start in _occurrences(words, name):
                kind = _role_noun_kind(words, start)
                if kind is None:
                    kind = _apposition_kind(words, start + len(name))
                if kind is not None:
                    kinds.add(kind)
    return frozenset(kinds)


def _occurrences(words: list[str], name: list[str]) -> list[int]:
    size = len(name)
    return [
        start
        for start in range(len(words) - size + 1)
        if words[start] == name[0] and words[start : start + size] == name
    ]


def _role_noun_kind(words: list[str], start: int) -> str | None:
    """The kind of the noun right before a name ("aannemer Bruggeman Bouw")."""
    if start == 0 or not words[start - 1][:1].isalpha():
        return None
    return description_kind(words[start - 1], compounds=True)


def _apposition_kind(words: list[str], end: int) -> str | None:
    """The kind of the first describing noun within a few words after "Name," (", de
    vakbond van ...", ", a local residents' association")."""
    if end >= len(words) or words[end] != ",":
        return None
    for word in words[end + 1 : end + 1 + APPOSITION_WORDS]:
        if not word[:1].isalpha():
            return None
        kind = description_kind(word, compounds=True)
        if kind is not None:
            return kind
    return None


def _core_keys(side: dict[str, Any]) -> set[str]:
    """The side's name keys, and each without the words before its name that only say its
    kind ("stichting tegenwind eemkerk" -> "tegenwind eemkerk": "Tegenwind" names it)."""
    naming = org_types().naming
    cores = set(side["keys"])
    for key in side["keys"]:
        words = key.split()
        while len(words) > 1 and words[0] in naming:
            words = words[1:]
        cores.add(" ".join(words))
    return cores


def _without_role_noun(key: str) -> list[str]:
    """A name key, and the key without a role noun that opens it ("aannemer bruggeman
    bouw" -> also "bruggeman bouw")."""
    words = key.split()
    if len(words) > 1 and description_kind(words[0], compounds=True) is not None:
        return [key, " ".join(words[1:])]
    return [key]


def _part_of(key: str, side_keys: set[str]) -> bool:
    """Whether the name key is one of the side's keys, or its first or last words."""
    words = key.split()
    if len(key) < MIN_SHORT_NAME or all(word in org_types().describing for word in words):
        return False  # "stichting" alone is a description (_described), no part of a name
    for side_key in side_keys:
        full = side_key.split()
        if words == full:
            return True
        if len(words) < len(full) and words in (full[: len(words)], full[-len(words) :]):
            return True
    return False


def _described(names: list[str], kinds: tuple[frozenset[str], frozenset[str]]) -> list[bool]:
    """For each side, whether a description among the names (lower case: "municipality",
    "de bond") is of its kind; a company description ("het bedrijf", "the operator") also
    fits the one side of no known kind when the other's kind is known and no company."""
    fits = [False, False]
    for name in names:
        key = alias_key(name)
        kind = description_kind(key, compounds=True)
        if kind is None or name != name.lower():
            continue
        for n in (0, 1):
            fits[n] |= kind in kinds[n]
        listed = key in org_types().describing
        if kind == COMPANY and listed and not any(COMPANY in k for k in kinds):
            unknown = [n for n in (0, 1) if not kinds[n]]
            if len(unknown) == 1:
                fits[unknown[0]] = True
    return fits
