"""One person, one source: short forms of a person's name reach the person's full name.

Two uniqueness rules, used when a name is resolved at import, after each
saved article and by the schema 8 upgrade of a stored database:

- a lone surname ("Kasich") reaches the one person whose full name ends
  with it ("John Kasich"); a lone given name ("Melania") the one person
  whose full name starts with it. When two people fit (two Bushes, or an
  Elizabeth Warren next to a Warren Gunnels) nothing is merged. A common
  word of the dictionary ("State", "Hill") is no lone name: it is more
  often a piece of a longer name. The engine often labels a surname
  alone an organisation: such a name must also be the person's surname
  (not a given name: "Orlando", "Exxon"), no word in capitals ("PAC") and
  never written right after a place preposition in its articles ("in
  Vermont"; claimtrack/data/not_sources/<lang>/place_prepositions.txt);
- "Vladimir V. Putin" and "Vladimir Putin" are one person unless another
  person has the same given name and surname with another middle initial:
  George W. Bush, George H. W. Bush and George Bush stay three sources.

Only clean full names count as people: two to four words written with a
capital (name particles aside), none of them a title, a function, an
organisation or group word or a function word, nor after the first an
inflected verb ("Bernie Sanders Says"), of a source whose kind is person.
A source an admin or the curated table set the kind of, or that has a
Wikidata id, is never merged away; an alias an admin added is
matched before any of these rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import sqlite_utils

from claimtrack.store.sources import (
    SAME_PERSON,
    alias_key,
    claim_count,
    kept_from_merging,
    merge_sources,
    stripped_keys,
    title_words,
    untitled_key,
)
from claimtrack.store.speaker_names import (
    common_word,
    engine_words,
    name_word_lists,
    not_source_words,
    unresolved_reason,
)


@dataclass(frozen=True)
class PersonName:
    """A full person name as alias-key words: given name, middle words, surname, suffix."""

    given: str
    middles: tuple[str, ...]
    surname: str
    suffix: str = ""  # "jr": Donald Trump Jr. is not Donald Trump

    @property
    def initials_only(self) -> bool:
        """Whether every middle word is an initial ("George H. W. Bush")."""
        return all(len(word) == 1 for word in self.middles)


@cache
def _not_name_words() -> frozenset[str]:
    lists = name_word_lists(None)
    return (
        lists["roles"]
        | lists["organisations"]
        | lists["groups"]
        | lists["function"]
        | lists["party_nouns"]
        | lists["pronouns"]
        | lists["dates"]
        | title_words()
    )


@cache
def _verb_forms() -> frozenset[str]:
    """Inflected verbs of the engine's lists ("says", "tweets"): a headline's words, no
    surname ("Bernie Sanders Says")."""
    forms: set[str] = set()
    for language in ("en", "nl"):
        path = resources.files("claimtrack").joinpath(f"engine/lang/data/{language}/verb_forms.txt")
        for line in path.read_text("utf-8").splitlines():
            if ":" in line and not line.startswith("#"):
                lemma, inflected = line.split(":", 1)
                forms.update(word.lower() for word in [lemma, *inflected.split()])
    return frozenset(forms)


@cache
def _particles() -> frozenset[str]:
    return engine_words("en", "name_particles") | engine_words("nl", "name_particles")


@lru_cache(maxsize=65536)
def full_name(name: str) -> PersonName | None:
    """The parts of `name` when it reads as a person's full name, else None.

    "Vladimir V. Putin" -> (vladimir, (v,), putin); "Connecticut Democrat",
    "the Smith family" or "Kasich" -> None.
    """
    suffixes = name_word_lists(None)["suffixes"]
    tokens = name.split()
    suffix = []
    while tokens and alias_key(tokens[-1]) in suffixes:
        suffix.insert(0, alias_key(tokens.pop()))  # "Jr.", "III"
    if not 2 <= len(tokens) <= 4 or unresolved_reason(" ".join(tokens)) is not None:
        return None
    keys = [alias_key(token) for token in tokens]
    if any(not key or " " in key for key in keys):
        return None
    blocked = _not_name_words()
    for position, (token, key) in enumerate(zip(tokens, keys)):
        if 0 < position < len(tokens) - 1 and (key in _particles() or len(key) == 1):
            continue  # "Bill de Blasio", "Osama bin Laden", "Robert A. Pruzan"
        if key in blocked or any(ch.isdigit() for ch in key) or not token[:1].isupper():
            return None
        if position and key in _verb_forms():
            return None
    if len(keys[0]) == 1 or len(keys[-1]) == 1:
        return None  # "W. Bush", "George W.": a cut name
    return PersonName(keys[0], tuple(keys[1:-1]), keys[-1], " ".join(suffix))


def lone_word(name: str, language: str | None = None) -> str | None:
    """The key of a name that is one word once titles are set aside ("Mr. Kasich" ->
    "kasich"), when that word is written with a capital, is no initial and no common
    word of the language ("State", "Hill": a cut name more often than a surname)."""
    key = untitled_key(alias_key(name))
    if " " in key or len(key) < 2 or key in _not_name_words():
        return None
    if common_word(key, language):
        return None
    word = name.split()[-1]
    if not word[:1].isupper():
        return None
    return key


def _people(db: sqlite_utils.Database, pattern: str) -> list[tuple[int, str, int, PersonName]]:
    """Person sources whose name matches the LIKE `pattern` and is a clean full name:
    (id, name, claims, parts)."""
    found = []
    for source_id, name, claims in db.execute(
        "SELECT s.id, s.name, COALESCE(t.speaker_claims, 0) FROM sources s"
        " LEFT JOIN source_totals t ON t.source_id = s.id"
        " WHERE s.kind = 'person' AND s.name LIKE ?",
        [pattern],
    ):
        parts = full_name(name)
        if parts is not None:
            found.append((source_id, name, claims, parts))
    return found


def _one_person(candidates: list[tuple[int, str, int, PersonName]]) -> int | None:
    """The source of the one person among `candidates` (variants with and without the
    same middle initials are one person), or None when none or several fit."""
    if not candidates:
        return None
    names = {(c[3].given, c[3].surname, c[3].suffix) for c in candidates}
    if len(names) > 1 or not all(c[3].initials_only for c in candidates):
        if len({c[0] for c in candidates}) == 1:
            return candidates[0][0]
        return None
    if len({c[3].middles for c in candidates} - {()}) > 1:
        return None
    return _keeper(candidates)


def _keeper(candidates: list[tuple[int, str, int, PersonName]]) -> int:
    """The most-claimed source (the lowest id on a tie)."""
    return min(candidates, key=lambda c: (-c[2], c[0]))[0]


def people_for_lone_word(
    db: sqlite_utils.Database, word: str, exclude: int | None = None
) -> list[tuple[int, str, int, PersonName]]:
    """The person sources whose full name ends (surname) or starts (given name) with
    `word`: (id, name, claims, parts)."""
    return [
        c
        for c in _people(db, f"%{word}%")
        if c[0] != exclude and word in (c[3].given, c[3].surname)
    ]


def person_for_lone_word(
    db: sqlite_utils.Database, word: str, exclude: int | None = None
) -> int | None:
    """The one person whose full name ends (surname) or starts (given name) with `word`,
    or None when nobody or several people fit."""
    return _one_person(people_for_lone_word(db, word, exclude))


def middle_initial_rivals(
    db: sqlite_utils.Database, name: str, exclude: int | None = None
) -> list[tuple[int, str, int, PersonName]]:
    """The people `name` (written without middle initials) may be, when the store has the
    same given name and surname with two or more different middle initials."""
    parts = full_name(name)
    if parts is None or parts.middles:
        return []
    variants = [
        c
        for c in _people(db, f"%{parts.given}%{parts.surname}%")
        if c[0] != exclude
        and (c[3].given, c[3].surname, c[3].suffix) == (parts.given, parts.surname, parts.suffix)
        and c[3].middles
        and c[3].initials_only
    ]
    return variants if len({c[3].middles for c in variants}) > 1 else []


def middle_initial_variant(
    db: sqlite_utils.Database, name: str, exclude: int | None = None
) -> int | None:
    """The source of the same person as `name` written with or without a middle initial
    ("Vladimir V. Putin" / "Vladimir Putin"), unless another middle initial is in the
    store for the same given name and surname."""
    parts = full_name(name)
    if parts is None or not parts.initials_only:
        return None
    variants = [
        c
        for c in _people(db, f"%{parts.given}%{parts.surname}%")
        if c[0] != exclude
        and (c[3].given, c[3].surname, c[3].suffix) == (parts.given, parts.surname, parts.suffix)
    ]
    if not variants or not all(c[3].initials_only for c in variants):
        return None
    if len(({c[3].middles for c in variants} | {parts.middles}) - {()}) > 1:
        return None
    return _keeper(variants)


def organisation_labelled_surname(
    db: sqlite_utils.Database, name: str, bodies: list[str], exclude: int | None = None
) -> int | None:
    """The one person a lone name the engine labelled an organisation is the surname of
    ("Kasich"): not a word in capitals ("PAC"), of three letters at least, never written
    right after a place preposition in `bodies` ("in Vermont"), and the surname (not the
    given name: "Orlando", "Exxon") of the one person it fits."""
    word = lone_word(name)
    written = name.split()[-1] if name.split() else ""
    if word is None or written.isupper() or len(word) < 3 or _after_place_word(written, bodies):
        return None
    candidates = people_for_lone_word(db, word, exclude)
    target = _one_person(candidates)
    if target is None or any(c[3].surname != word for c in candidates if c[0] == target):
        return None
    return target


def _after_place_word(word: str, bodies: list[str]) -> bool:
    prepositions = not_source_words("en", "place_prepositions") | not_source_words(
        "nl", "place_prepositions"
    )
    if not prepositions:
        return False
    pattern = re.compile(
        r"\b(?i:"
        + "|".join(map(re.escape, sorted(prepositions)))
        + r")\s+"
        + re.escape(word)
        + r"\b"
    )
    return any(pattern.search(body) for body in bodies)


def same_person(
    db: sqlite_utils.Database,
    name: str,
    language: str | None = None,
    kind: str = "person",
    body: str | None = None,
) -> int | None:
    """The stored person a new speaker name is a short form or a variant of, if only one
    person fits (see the module's rules); None otherwise. `kind` is the engine's label of
    the mention and `body` its article."""
    word = lone_word(name, language)
    if word is not None:
        if kind == "organization":
            return organisation_labelled_surname(db, name, [body] if body else [])
        return person_for_lone_word(db, word) if kind in ("person", "unknown") else None
    if kind not in ("person", "unknown"):
        return None
    for tail in _untitled_tails(name):
        if full_name(tail) is not None:
            return middle_initial_variant(db, tail)
    return None


def _untitled_tails(name: str) -> list[str]:
    """The name, then its last words without the titles and origin words before them
    ("Sen. John R. Kasich" -> "John R. Kasich")."""
    tails = [name]
    words = name.split()
    key = alias_key(name)
    for shorter in (untitled_key(key), *stripped_keys(key)):
        size = len(shorter.split())
        tail = " ".join(words[-size:])
        if size < len(words) and alias_key(tail) == shorter:
            tails.append(tail)
    return tails


def _fold_lone(db: sqlite_utils.Database, keep_id: int, drop_id: int, word: str) -> None:
    """Merge a lone-name source into its person; the lone word does not stay an alias, so a
    later second person with that surname makes it ambiguous again."""
    moved = [
        r[0]
        for r in db.execute(
            "SELECT id FROM source_aliases WHERE source_id = ? AND alias_key = ?",
            [drop_id, word],
        )
    ]
    merge_sources(db, keep_id, drop_id)
    for alias_id in moved:
        db.execute("DELETE FROM source_aliases WHERE id = ?", [alias_id])


def consolidate_people(db: sqlite_utils.Database, source_ids=None) -> int:
    """Merge the short forms and middle-initial variants of each person (the module's
    rules) among `source_ids` and the sources they match, or in the whole store when
    None; return how many sources were merged away."""
    kinds = "kind IN ('person', 'organization')"
    if source_ids is None:
        rows = db.execute(f"SELECT id, name, kind FROM sources WHERE {kinds}").fetchall()
    else:
        rows = [
            row
            for source_id in sorted(set(source_ids))
            for row in db.execute(
                f"SELECT id, name, kind FROM sources WHERE id = ? AND {kinds}", [source_id]
            )
        ]
    merged = 0
    lone: list[tuple[int, str]] = []
    for source_id, name, kind in rows:
        parts = full_name(name) if kind == "person" else None
        if parts is None:
            word = lone_word(name)
            if word is not None:
                lone.append((source_id, word))
            continue
        merged += _merge_variants(db, source_id, name)
        if source_ids is not None:
            # a full name seen now may be the person a stored lone name was waiting for
            for word in (parts.given, parts.surname):
                for (other,) in db.execute(
                    "SELECT DISTINCT sa.source_id FROM source_aliases sa"
                    " JOIN sources s ON s.id = sa.source_id"
                    f" WHERE sa.alias_key = ? AND s.{kinds}",
                    [word],
                ).fetchall():
                    lone.append((other, word))
    for source_id, word in lone:
        if not _exists(db, source_id) or kept_from_merging(db, source_id):
            continue
        name, kind = db.execute(
            "SELECT name, kind FROM sources WHERE id = ?", [source_id]
        ).fetchone()
        if lone_word(name) != word:
            continue
        if kind == "organization":
            bodies = [
                r[0]
                for r in db.execute(
                    "SELECT DISTINCT a.body FROM attributions at"
                    " JOIN statements st ON st.id = at.statement_id"
                    " JOIN articles a ON a.id = st.article_id WHERE at.speaker_source_id = ?",
                    [source_id],
                )
            ]
            target = organisation_labelled_surname(db, name, bodies, exclude=source_id)
        else:
            target = person_for_lone_word(db, word, exclude=source_id)
        if target is not None:
            _fold_lone(db, target, source_id, word)
            merged += 1
    return merged


def _merge_variants(db: sqlite_utils.Database, source_id: int, name: str) -> int:
    if not _exists(db, source_id):
        return 0
    target = middle_initial_variant(db, name, exclude=source_id)
    if target is None:
        return 0
    keep, drop = target, source_id
    if kept_from_merging(db, drop) or (
        not kept_from_merging(db, keep) and claim_count(db, drop) > claim_count(db, keep)
    ):
        keep, drop = drop, keep
    if kept_from_merging(db, drop):
        return 0
    merge_sources(db, keep, drop)
    return 1


def _exists(db: sqlite_utils.Database, source_id: int) -> bool:
    return db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is not None


SAME_PERSON.append(same_person)
