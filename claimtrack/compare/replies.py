"""Statements that answer the statement right before them in their article.

News reports set the two sides' claims one after the other: "The council says the
ferry broke its concession. The company denied this, saying ..." The second names
nothing of the first; it points back at it. The verbs and the words that point back
are in `claimtrack/data/replies.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claimtrack.compare.lexicon import load_json_resource
from claimtrack.compare.text import fold

REPLY_WINDOW = 10  # words from a statement's start where its answering verb stands
WORDS = re.compile(r"\w+|[,.;:]")


@dataclass(frozen=True)
class ReplyCues:
    """The cue words of one language, folded; pointers as word tuples."""

    verbs: frozenset[str]
    pointers: tuple[tuple[str, ...], ...]
    after_pointer: frozenset[str]


@cache
def reply_cues() -> dict[str, ReplyCues]:
    """replies.json per language."""
    data = load_json_resource("replies.json")
    return {
        language: ReplyCues(
            frozenset(fold(v) for v in verbs),
            tuple(
                sorted(
                    (tuple(fold(p).split()) for p in data["pointers"][language]),
                    key=len,
                    reverse=True,
                )
            ),
            frozenset(fold(w) for w in data["after_pointer"][language]),
        )
        for language, verbs in data["verbs"].items()
    }


def answers_previous(text: str, language: str | None) -> bool:
    """Whether a statement opens by answering what was said just before it: "Dat ontkent
    de bond", "The company denied this, saying ...", "De bond ontkent dat en ..."."""
    return answer_span(text, language) is not None


def answer_span(text: str, language: str | None) -> tuple[int, int] | None:
    """The characters of the words that answer (the verb and the pointer: "denied this",
    "Dat ontkent"), or None for a statement that answers nothing."""
    return _answer(text, language or "")


@lru_cache(maxsize=16384)
def _answer(text: str, language: str) -> tuple[int, int] | None:
    cues = reply_cues().get(language)
    if cues is None:
        return None
    found = list(WORDS.finditer(text))[: REPLY_WINDOW + 3]
    words = [fold(m.group()) for m in found]
    for pointer in cues.pointers:  # "Dat ontkent de politie": the pointer opens it
        size = len(pointer)
        if tuple(words[:size]) == pointer and size < len(words) and words[size] in cues.verbs:
            return found[0].start(), found[size].end()
    for k, word in enumerate(words[:REPLY_WINDOW]):
        if word not in cues.verbs:
            continue
        for pointer in cues.pointers:
            end = k + 1 + len(pointer)
            if tuple(words[k + 1 : end]) == pointer and (
                end >= len(words) or words[end] in cues.after_pointer
            ):
                return found[k].start(), found[end - 1].end()
    return None


def replies(statements_a: list[dict], statements_b: list[dict]) -> list[tuple[int, int]]:
    """(A position, B position) of each statement that answers the statement right before
    it in its article, when that one is in the other side's account."""
    where = {}
    for side, statements in ((0, statements_a), (1, statements_b)):
        for position, statement in enumerate(statements):
            key = _place(statement)
            if key is not None:
                where[key] = (side, position)
    found = []
    for side, statements in ((0, statements_a), (1, statements_b)):
        for position, statement in enumerate(statements):
            key = _place(statement)
            if key is None or not answers_previous(statement["text"], statement.get("language")):
                continue
            previous = where.get((key[0], key[1] - 1))
            if previous is None or previous[0] == side:
                continue
            found.append((position, previous[1]) if side == 0 else (previous[1], position))
    return found


def _place(statement: dict) -> tuple | None:
    article = (statement.get("article") or {}).get("id")
    index = statement.get("index")
    return None if article is None or index is None else (article, index)


def unclaimed_answers(
    statements: list[dict], ids_a: set[int], ids_b: set[int]
) -> tuple[set[int], set[int]]:
    """Ids of the statements in neither account that answer one side's statement right
    before them, said by someone the engine did not name ("Dat ontkent de bond", "The
    company denied this"): the other side's, for each side. A named speaker is left alone:
    a third party may answer too."""
    before = {_place(s): s["id"] for s in statements if _place(s) is not None}
    found: tuple[set[int], set[int]] = (set(), set())
    for statement in statements:
        place = _place(statement)
        if place is None or statement["id"] in ids_a or statement["id"] in ids_b:
            continue
        speaker = statement.get("speaker")
        if speaker and speaker != speaker.lower():
            continue
        if not answers_previous(statement["text"], statement.get("language")):
            continue
        previous = before.get((place[0], place[1] - 1))
        if previous in ids_a and previous not in ids_b:
            found[1].add(statement["id"])
        elif previous in ids_b and previous not in ids_a:
            found[0].add(statement["id"])
    return found


def answer_in_row(a: list[dict], b: list[dict]) -> tuple[str, int, tuple[int, int]] | None:
    """The first statement of a row that answers the other side's statement right before
    it, when that one is in the row too: ("a" or "b", its position, the answering words)."""
    places = ({_place(s) for s in a}, {_place(s) for s in b})
    for side, statements, others in (("a", a, places[1]), ("b", b, places[0])):
        for position, statement in enumerate(statements):
            place = _place(statement)
            if place is None or (place[0], place[1] - 1) not in others:
                continue
            span = answer_span(statement["text"], statement.get("language"))
            if span is not None:
                return side, position, span
    return None
