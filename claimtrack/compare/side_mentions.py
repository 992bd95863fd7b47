"""Statements that name a side of a comparison without its full name.

News reports name a side in full once and then go on with a part of the name
("Northgrid" for Northgrid Data Centres, "Tegenwind" for Stichting Tegenwind
Eemkerk, "Financiën" for Ministerie van Financiën), a short form given in
brackets ("(OJV)") or made of its first letters ("RAV" for Regionale
Ambulancevoorziening Zuidervaart), a role noun before the name ("aannemer
Bruggeman Bouw"), a description of the side's kind ("de bond", "the council",
"the finance ministry"), of a body with what its name is for ("the ambulance
service", "the patients' group"), some of its people ("union officials") or one
of them ("Brandsma", quoted in the side's own release; "Burgemeester Anna
Veldkamp" when only that side is a municipality).
The kinds of organisation come from `engine/lang/data/org_types.tsv`; a side's
kinds come from the words of its name and from how the event's texts describe
it: an apposition ("Werkkracht Lindewaard, de vakbond van ...") or a role noun
before its name ("vakbond Werkkracht Lindewaard").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimtrack.compare.dictionary import default_dictionary
from claimtrack.compare.features import word_keys
from claimtrack.compare.text import fold as fold_text
from claimtrack.engine.org_types import description_kind, name_kinds, org_types, unnamed_kinds
from claimtrack.engine.translations import fold
from claimtrack.store.events import in_account
from claimtrack.store.sources import alias_key

MIN_INITIALS = 2  # letters of the shortest short form made of a name's first letters
MIN_SHORT_NAME = 4  # letters of the shortest part of a side's name that still names it
APPOSITION_WORDS = 6  # words after "Name," read for the noun that describes it
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+|[,.;:()\u201e\u201c\u201d\"]")
NAME_LINKS = Path(__file__).resolve().parent.parent / "data" / "name_links.txt"
BODY_NOUNS = Path(__file__).resolve().parent.parent / "data" / "body_nouns.txt"
NAME_DERIVATIONS = Path(__file__).resolve().parent.parent / "data" / "name_derivations.txt"
ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")
# an English possessor right before a noun: "patients' ", "the council's "
POSSESSOR = re.compile(r"\b([^\W\d_][\w-]*(?:'s|s'|’s|s’)) ")
ROLE_KINDS = Path(__file__).resolve().parent.parent / "data" / "role_kinds.tsv"
MAX_NAME_WORDS = 3  # words of a person's name after a role noun ("Anna van Veldkamp")
MEMBER_NOUNS = Path(__file__).resolve().parent.parent / "data" / "member_nouns.txt"


@functools.cache
def name_links() -> frozenset[str]:
    """Words between the noun that opens a name and what it names ("van", "of")."""
    return frozenset(_data_lines(NAME_LINKS))


@functools.cache
def body_nouns() -> frozenset[str]:
    """Nouns for a body of people that say nothing of what it does ("service", "groep")."""
    return frozenset(_data_lines(BODY_NOUNS))


@functools.cache
def role_kinds() -> dict[str, str]:
    """Role noun -> the kind of organisation its holder speaks for ("burgemeester":
    municipality)."""
    pairs = (line.split("\t") for line in _data_lines(ROLE_KINDS) if "\t" in line)
    return {fold_text(role.strip()): kind.strip() for role, kind, *_ in pairs}


@functools.cache
def member_nouns() -> frozenset[str]:
    """Nouns for some of an organisation's people ("officials", "leden")."""
    return frozenset(_data_lines(MEMBER_NOUNS))


@functools.cache
def name_derivations() -> tuple[tuple[str, str], ...]:
    """(name noun ending, description ending) pairs: "Houtverwerking" is "de houtverwerker"."""
    pairs = (line.split("\t") for line in _data_lines(NAME_DERIVATIONS) if "\t" in line)
    return tuple((ending.strip(), replacement.strip()) for ending, replacement, *_ in pairs)


def _data_lines(path: Path) -> list[str]:
    """The lines of a word list, stripped, without blank lines and '#' comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def loosely_named(
    statements: list[dict], side_a: dict[str, Any], side_b: dict[str, Any]
) -> tuple[frozenset[int], frozenset[int]]:
    """Ids of the statements whose speaker (or relay, or the organisation a spokesperson
    speaks for) names a side by a part of its name, by its name after a role noun, by an
    acronym the texts give it, by a description of its kind, or is a person who speaks in
    the side's own releases; for each side. A name that fits both sides names neither."""
    first, second = SideProfile.of(side_a, statements), SideProfile.of(side_b, statements)
    profiles = (first.without_members_of(second), second.without_members_of(first))
    profiles = (
        profiles[0].with_people_of_its_kind(profiles[1], statements),
        profiles[1].with_people_of_its_kind(profiles[0], statements),
    )
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
            if _key(name) not in full_names
            for key in _without_role_noun(_key(name))
        }
        fits = [any(profile.named_by(key) for key in keys) for profile in profiles]
        if not any(fits):
            # a description is weaker than a full name: it names no side the chain names
            # the other side in full ("the company" in a chain that names the province)
            described = [_as_written(name, statement["text"]) for name in names]
            fits = [
                fit and not in_account(statement, (side_b, side_a)[n])
                for n, fit in enumerate(_described(described, profiles))
            ]
        if fits[0] != fits[1]:
            found[0 if fits[0] else 1].add(statement["id"])
    return frozenset(found[0]), frozenset(found[1])


@dataclass(frozen=True)
class SideProfile:
    """What names a side in an event's texts: its name keys and their parts (`cores`), its
    kinds of organisation, the words of what its name is for (`topic_keys`), the people
    who speak in its own releases (`members`, name keys), the short forms the texts give
    its name in brackets (`acronyms`), whom its name says it speaks for
    (`constituents`: "bewoners" of a Bewonersvereniging) and the words its name is made of,
    with the nouns for who does what a name's noun says (`nouns`: "houtverwerker" for
    Houtverwerking Brinkman)."""

    cores: frozenset[str]
    kinds: frozenset[str]
    topic_keys: frozenset[str]
    members: frozenset[str]
    acronyms: frozenset[str] = frozenset()
    constituents: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()

    @classmethod
    def of(cls, side: dict[str, Any], statements: list[dict]) -> SideProfile:
        """The side's profile, read from its name and the event's statements."""
        cores = _core_keys(side)
        acronyms = set()
        kinds = set(name_kinds(side["name"], set(), compounds=True))
        wanted = [key.split() for key in side["keys"] if len(key) >= MIN_SHORT_NAME]
        for statement in statements:
            text = statement["text"]
            # most statements do not name the side: a look at the folded text first
            named = [name for name in wanted if name[0] in _folded(text)]
            if not named:
                continue
            written, tokens, words, plain = _tokens(text)
            for name in named:
                for start in _occurrences(plain, name):
                    before = words[start] - 1
                    after = words[start + len(name) - 1] + 1
                    acronym = _acronym(written, tokens, after)
                    if acronym:
                        acronyms.add(acronym)
                    # "Name (ACR), the regulator": the apposition follows the short form
                    apposition = after + 3 if acronym else after
                    kind = _role_noun_kind(tokens, before) or _apposition_kind(tokens, apposition)
                    if kind is not None:
                        kinds.add(kind)
        topic = {
            key
            for core in cores
            for word in core.split()
            if len(word) >= MIN_SHORT_NAME and word not in org_types().describing
            for key in _both_languages(word) | _first_part_keys(word)
        }
        members = {
            _key(s["speaker"])
            for s in statements
            if s.get("speaker")
            and s["speaker"] != s["speaker"].lower()
            and " " in s["speaker"].strip()
            and s["article"].get("publisher")
            and _key(s["article"]["publisher"]) in side["keys"]
            and _key(s["speaker"]) not in side["keys"]
        }
        # people, not organisations: no name with a noun of a kind ("Provincie Oost")
        members = {m for m in members if not name_kinds(m, set(), compounds=False)}
        return cls(
            frozenset(cores),
            frozenset(kinds),
            frozenset(topic),
            frozenset(members),
            frozenset(acronyms | _initials(side)),
            _constituents(side),
            _name_nouns(side),
        )

    def without_members_of(self, other: SideProfile) -> SideProfile:
        """The profile without the people that also speak for, or name, the other side."""
        return replace(self, members=frozenset(other.not_its_own(self.members)))

    def with_people_of_its_kind(self, other: SideProfile, statements: list[dict]) -> SideProfile:
        """The profile with the people the texts give a role of a kind only this side is
        ("Burgemeester Anna Veldkamp" for a municipality against a company), unless they
        name the other side or speak in its own releases."""
        people = _people_of_kinds(self.kinds - other.kinds, statements)
        return replace(self, members=self.members | frozenset(other.not_its_own(people)))

    def not_its_own(self, people: frozenset[str] | set[str]) -> set[str]:
        """Those of `people` (name keys) who neither speak for this side nor name it."""
        return {p for p in people if p not in self.members and not _part_of(p, self.cores)}

    def named_by(self, key: str) -> bool:
        """Whether a name key names the side: a part of its name, or one of its people
        ("Brandsma", "minister Sietske Brandsma" for Sietske Brandsma)."""
        if _part_of(key, self.cores) or key in self.acronyms:
            return True
        words = key.split()
        return any(
            words[-1] == member.split()[-1]
            and (len(words) == 1 or key.endswith(" " + member) or key == member)
            for member in self.members
        )


def _people_of_kinds(kinds: frozenset[str] | set[str], statements: list[dict]) -> set[str]:
    """Name keys of the people the event's texts give a role of one of `kinds`
    (`role_kinds.tsv`: "Burgemeester Anna Veldkamp"; "A police spokesman, Tom Hagen,";
    "politiewoordvoerder Tom Hagen")."""
    if not kinds:
        return set()
    return {
        person
        for statement in statements
        for kind, person in _people_with_roles(statement["text"])
        if kind in kinds
    }


@functools.lru_cache(maxsize=16384)
def _people_with_roles(text: str) -> tuple[tuple[str, str], ...]:
    """(kind, name key) of each person a text names right after a role noun of a kind
    (", " between them allowed: "a police spokesman, Tom Hagen,")."""
    written, tokens, _, _ = _tokens(text)
    found = []
    for k, token in enumerate(tokens[:-1]):
        if not (token in _role_words() or token.endswith(_member_endings())):
            continue
        kind = _role_kind(tokens, k)
        if kind is None:
            continue
        start = k + 2 if tokens[k + 1] == "," else k + 1
        name = []
        for word in written[start : start + MAX_NAME_WORDS]:
            if not word[:1].isupper() or not word[:1].isalpha():
                break
            name.append(word)
        if name:
            found.append((kind, _key(" ".join(name))))
    return tuple(found)


@functools.cache
def _role_words() -> frozenset[str]:
    """The last word of each listed role noun."""
    return frozenset(role.split()[-1] for role in role_kinds())


@functools.cache
def _member_endings() -> tuple[str, ...]:
    return tuple(member_nouns())


def _role_kind(tokens: list[str], k: int) -> str | None:
    """The kind of organisation the role noun at `k` speaks for: a listed role ("wethouder",
    "police chief"), or a noun of some of an organisation's people after a kind's noun
    ("police spokesman") or ending a compound on one ("politiewoordvoerder")."""
    token = tokens[k]
    table = role_kinds()
    if k > 0 and f"{tokens[k - 1]} {token}" in table:
        return table[f"{tokens[k - 1]} {token}"]
    if token in table:
        return table[token]
    if token in member_nouns():
        return description_kind(tokens[k - 1], compounds=True) if k > 0 else None
    modifier = _before_member_noun(token)
    return description_kind(modifier, compounds=True) if modifier else None


def _before_member_noun(word: str) -> str | None:
    """What a Dutch compound ending in a noun of some of an organisation's people says they
    are of ("partijleden" -> partij, "politiewoordvoerder" -> politie), or None."""
    for noun in member_nouns():
        if word.endswith(noun) and len(word) - len(noun) >= MIN_SHORT_NAME:
            return word[: -len(noun)]
    return None


@functools.lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    # a whole text, folded once here: not through the engine's cache of single words
    return fold_text(text)


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[list[str], list[str], list[int], list[str]]:
    """A text's words and marks as written and folded, the positions of its words, and its
    folded words alone."""
    written = WORD.findall(text)
    tokens = [fold(word) for word in written]
    words = [k for k, token in enumerate(tokens) if token[:1].isalnum()]
    return written, tokens, words, [tokens[k] for k in words]


@functools.lru_cache(maxsize=16384)
def _key(name: str) -> str:
    return alias_key(name)


def _occurrences(words: list[str], name: list[str]) -> list[int]:
    size = len(name)
    return [
        start
        for start in range(len(words) - size + 1)
        if words[start] == name[0] and words[start : start + size] == name
    ]


def _role_noun_kind(tokens: list[str], before: int) -> str | None:
    """The kind of the noun right before a name ("aannemer Bruggeman Bouw")."""
    if before < 0 or not tokens[before][:1].isalpha():
        return None
    return description_kind(tokens[before], compounds=True)


def _apposition_kind(tokens: list[str], end: int) -> str | None:
    """The kind of the first describing noun within a few words after "Name," (", de
    vakbond van ...", ", a local residents' association")."""
    if end >= len(tokens) or tokens[end] != ",":
        return None
    for word in tokens[end + 1 : end + 1 + APPOSITION_WORDS]:
        if not word[:1].isalpha():
            return None
        kind = description_kind(word, compounds=True)
        if kind is not None:
            return kind
    return None


def _acronym(written: list[str], tokens: list[str], end: int) -> str | None:
    """The short form a text gives a name in brackets right after it ("(OJV)"); `written`
    and `tokens` are the text's words and marks as written and folded."""
    if end + 2 >= len(tokens) or tokens[end] != "(" or tokens[end + 2] != ")":
        return None
    short = written[end + 1]
    return short.lower() if ACRONYM.fullmatch(short) and short[1:] != short[1:].lower() else None


def _initials(side: dict[str, Any]) -> frozenset[str]:
    """Short forms made of the first letters of a side's name, a Dutch compound's parts
    each giving one or together one ("Regionale Ambulancevoorziening Zuidervaart": rav,
    ravz, and "rav zuidervaart" with the words not abbreviated after them; also raz); the
    linking words of a name give none ("Centrum voor Jeugdzorg": cj, cjz)."""
    found = set()
    for key in side["keys"]:
        words = [word for word in key.split() if word not in name_links()]
        letters = {""}
        for k, word in enumerate(words):
            if not word[:1].isalpha():
                break
            parts = default_dictionary().compound_parts(word)
            ways = {word[0]} | ({word[0] + parts[1][0]} if parts else set())
            letters = {start + way for start in letters for way in ways}
            for short in letters:
                if len(short) >= MIN_INITIALS:
                    found.add(" ".join([short, *words[k + 1 :]]))
                    found.add(short)
    return frozenset(found)


def _constituents(side: dict[str, Any]) -> frozenset[str]:
    """Whom a side's kind noun says it speaks for: the word before it ("Zonnehof Tenants
    Association": tenants) or, in a Dutch compound, its first part ("Bewonersvereniging De
    Ravelijn": bewoners)."""
    naming = org_types().naming
    found = set()
    for key in side["keys"]:
        words = key.split()
        for k, word in enumerate(words):
            if word in naming and k > 0:
                found.add(words[k - 1])
            for head in org_types().compound_heads:
                if word.endswith(head) and len(word) - len(head) >= MIN_SHORT_NAME:
                    found.add(word[: -len(head)])
    return frozenset(w for w in found if len(w) >= MIN_SHORT_NAME and w not in naming)


def _name_nouns(side: dict[str, Any]) -> frozenset[str]:
    """The words of a side's name keys, each also as the noun for who does it."""
    nouns = set()
    for key in side["keys"]:
        for word in key.split():
            if len(word) < MIN_SHORT_NAME or word in name_links():
                continue
            nouns.add(word)
            for ending, replacement in name_derivations():
                if word.endswith(ending) and len(word) - len(ending) >= MIN_SHORT_NAME:
                    nouns.add(word[: -len(ending)] + replacement)
    return frozenset(nouns)


def _owner(key: str, profiles: tuple[SideProfile, SideProfile]) -> int | None:
    """The one side whose name is built on a description's noun: a word of its name ("de
    rederij" for Rederij Van Dalen), the noun for who does what it says ("de
    houtverwerker" for Houtverwerking Brinkman), or the end of such a word ("het platform"
    for Huurdersplatform Oost) unless the other side is of that noun's kind too ("het
    bedrijf" for Havenbedrijf Noord against a shipping company)."""
    head = key.split()[-1] if key else ""
    if len(head) < MIN_SHORT_NAME:
        return None
    kind = description_kind(head, compounds=True)
    owners = []
    for n, profile in enumerate(profiles):
        if head in profile.nouns or (
            any(noun.endswith(head) for noun in profile.nouns) and kind not in profiles[1 - n].kinds
        ):
            owners.append(n)
    return owners[0] if len(owners) == 1 else None


def _body_of(key: str, profiles: tuple[SideProfile, SideProfile]) -> int | None:
    """The one side whose name holds what a description of a body says it is for: a word
    before its noun or the first part of a Dutch compound ("the ambulance service", "de
    ambulancedienst" for Regionale Ambulancevoorziening X; "the patients' group" for
    Vereniging Patiëntenstem), in either language. The noun is one for a body of people
    (`body_nouns.txt`) or an organisation's kind, and a kind the side is known not to be
    names no side ("de havenpolitie" is no Havenbedrijf's)."""
    words = [word.strip("'’") for word in key.split()]
    if not words:
        return None
    head = words[-1]
    parts = default_dictionary().compound_parts(head)
    noun = parts[1] if parts else head
    kind = description_kind(head, compounds=True)
    if kind is None and noun not in body_nouns() and head not in body_nouns():
        return None
    wanted: set[str] = set()
    for word in words[:-1]:
        if len(word) >= MIN_SHORT_NAME:
            wanted |= _both_languages(word)
    if parts:
        wanted |= default_dictionary().part_keys(parts[0])
    if not wanted:
        return None
    owners = [
        n
        for n, profile in enumerate(profiles)
        if wanted & profile.topic_keys
        and not (kind and profile.kinds and kind not in profile.kinds)
    ]
    return owners[0] if len(owners) == 1 else None


def _among(key: str, constituents: frozenset[str]) -> bool:
    """Whether a description names whom a side speaks for, in either language ("the
    residents", "de bewoners" for a Bewonersvereniging)."""
    if key in constituents:
        return True
    words = key.split()
    if not constituents or not words or len(words[-1]) < MIN_SHORT_NAME:
        return False
    if description_kind(words[-1], compounds=True) is not None:
        return False  # "the city" describes a municipality, not the "stads" of a Stadsschouwburg
    keys = _both_languages(words[-1])
    return any(keys & _both_languages(word) for word in constituents)


@functools.lru_cache(maxsize=4096)
def _first_part_keys(word: str) -> frozenset[str]:
    """English stems of the first part of a Dutch compound ("ambulancedienst": ambulance;
    "patiëntenstem", whose last part is too short to look up: patient)."""
    parts = default_dictionary().compound_parts(word)
    keys = default_dictionary().modifier_keys(word)
    return keys | default_dictionary().part_keys(parts[0]) if parts else keys


@functools.lru_cache(maxsize=4096)
def _both_languages(word: str) -> frozenset[str]:
    return word_keys(word, "nl", False) | word_keys(word, "en", False)


def _core_keys(side: dict[str, Any]) -> set[str]:
    """The side's name keys, and each without the words before its name that only say its
    kind ("stichting tegenwind eemkerk" -> "tegenwind eemkerk": "Tegenwind" names it;
    "ministerie van financien" -> "financien")."""
    naming = org_types().naming
    cores = set(side["keys"])
    for key in side["keys"]:
        words = key.split()
        while len(words) > 1 and (words[0] in naming or words[0] in name_links()):
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


def _as_written(name: str, text: str) -> str:
    """A description as the text writes it with whose it is ("group" in "The patients'
    group said" -> "patients' group"), or in lower case where the text writes it so or
    only as its first word ("Museum" for "Volgens het museum", "City figures show" ->
    "city", "Union officials said" -> "union"); any other name as it is."""
    if name != name.lower():
        lower = name.lower()
        # the text writes it in lower case, or only its first word is capitalised there
        written = name[1:] == name[1:].lower() and (
            text.startswith(name)
            or bool(_occurrences(_tokens(text)[0], lower.split()))  # as written, not folded
        )
        if not (written and description_kind(lower, compounds=True) is not None):
            return name
        return lower
    if " " in name.strip():
        return name
    found = POSSESSOR.search(text, 0) if name in text else None
    while found is not None:
        if text.startswith(name, found.end()) and not text[found.end() + len(name) :][:1].isalnum():
            return f"{found.group(1)} {name}"
        found = POSSESSOR.search(text, found.start() + 1)
    return name


def _without_member_noun(key: str) -> str:
    """A description of some of a side's people as one of the side ("party members",
    "finance ministry spokesman", "partijleden" -> party, finance ministry, partij); any
    other description as it is."""
    words = key.split()
    if len(words) > 1 and words[-1] in member_nouns():
        return " ".join(words[:-1])
    if len(words) == 1:
        return _before_member_noun(words[0]) or key
    return key


def _described(names: list[str], profiles: tuple[SideProfile, SideProfile]) -> list[bool]:
    """For each side, whether a description among the names (lower case: "municipality",
    "de bond") is of its kind; where both sides are of that kind, whether a word before the
    noun is what the side's name is for ("the finance ministry" for Ministerie van
    Financiën). A company description ("het bedrijf", "the operator") also fits the one
    side of no known kind when the other's kind is known and no company."""
    fits = [False, False]
    kinds = (profiles[0].kinds, profiles[1].kinds)
    for name in names:
        if name.split()[-1] != name.split()[-1].lower():
            continue  # a name ("Harbourview Residents Association"), no description
        key = _without_member_noun(alias_key(name))
        # "de bewoners", "the tenants": whom a side's name says it speaks for
        for n in (0, 1):
            fits[n] |= _among(key, profiles[n].constituents)
        owner = _owner(key, profiles)
        if owner is None:
            owner = _body_of(key, profiles)
        if owner is not None:
            fits[owner] = True
            continue
        kind = description_kind(key, compounds=True)
        if kind is None:
            continue
        of_kind = [kind in kinds[n] for n in (0, 1)]
        if all(of_kind):
            modifiers = [w for w in key.split()[:-1] if len(w) >= MIN_SHORT_NAME]
            of_kind = [
                any(
                    (word_keys(w, "en", False) | word_keys(w, "nl", False)) & p.topic_keys
                    for w in modifiers
                )
                for p in profiles
            ]
        for n in (0, 1):
            fits[n] |= of_kind[n]
        listed = key in org_types().describing
        if kind in unnamed_kinds() and listed and not any(kind in k for k in kinds):
            unknown = [n for n in (0, 1) if not kinds[n]]
            if len(unknown) == 1:
                fits[unknown[0]] = True
    return fits
