"""How the articles write a source's name: the audit's check of cut names and descriptions.

A source named by a parse can be a piece of a longer name ("Hampshire" of
"New Hampshire", "Institute for the Study" of "… of Labor", a headline's
"Trump May Not Have …") or a common word that only ever opens a sentence
("Crowds", "Participants"). Both show in the articles its claims come from:

- `cut`: every time the articles write the name, a capitalised word (no
  title, no possessive) or an ordinal ("3rd Circuit") stands right before
  it, or a capitalised word right after it, either maybe joined by a small
  word of claimtrack/data/not_sources/<lang>/name_connectors.txt ("of",
  "and": "Center for Economic and Policy Research");
- `description`: one word, a common word of the dictionary or one with a
  noun's ending (not_sources/<lang>/noun_endings.txt: "Proponents",
  "Legislation"), that opens its sentence in every mention and is never
  written with its capital after another word of a sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import sqlite_utils

from claimtrack.store.person_names import full_name
from claimtrack.store.sources import alias_key, title_words
from claimtrack.store.speaker_names import (
    common_word,
    name_word_lists,
    not_source_words,
    written_as_name,
)

_CAPITALISED = r"[A-Z][\w'’&-]*"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|ste|de) $")  # "the 3rd Circuit"


@cache
def _connectors() -> str:
    words = not_source_words("en", "name_connectors") | not_source_words("nl", "name_connectors")
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"


def _before(text: str, connected: bool) -> re.Match | None:
    """A capitalised word right before the end, with a connector when `connected`
    ("Economic and ")."""
    connector = rf"(?: (?:{_connectors()}))?" if connected else ""
    return re.search(rf"({_CAPITALISED}){connector} $", text)


def _after(text: str, connected: bool) -> re.Match | None:
    """A capitalised word right at the start, after a connector when `connected`
    (" of Labor")."""
    connector = rf"(?:(?:{_connectors()}) )?" if connected else ""
    return re.match(rf" {connector}{_CAPITALISED}", text)


def _not_extending(word: str) -> bool:
    """A word before a name that does not make it longer: a title ("Sen.", "President"),
    an article or clause word ("The", "While"), a possessive ("CNN's"), an abbreviation or a
    sentence end."""
    lists = name_word_lists(None)
    key = alias_key(word)
    return (
        word.endswith((".", "'s", "’s", "'", "’"))
        or re.search(r"-[a-z]+$", word) is not None  # "Dublin-based", "Kurdish-led"
        or key in title_words()
        or key in lists["roles"]
        or key in lists["function"]
        or key in lists["pronouns"]
    )


def longer_name(name: str, bodies: list[str], kind: str = "person") -> str | None:
    """The longer name the bodies always write `name` inside ("New Hampshire" for
    "Hampshire"), or None when they write it alone at least once or not at all.

    A person's full name (of a source of `kind` person) is only cut by a capitalised
    word after it ("… Says He"):
    the words before one ("Pastor", "Korean-born") and "of Ohio" after it say who
    the person is.
    """
    person = kind == "person" and full_name(name) is not None
    example = None
    for body in bodies:
        for start, end in _occurrences(name, body):
            preceding = body[max(0, start - 40) : start]
            # "Fresno and Sacramento", "Manriquez of Oakland": one word after a
            # connector is more often a second name than the end of a longer one
            before = _before(preceding, connected=" " in name)
            after = _after(body[end : end + 40], connected=" " in name)
            if person:
                before = None
                after = after if after and after.group(0).split()[0][:1].isupper() else None
            if not person and _ORDINAL.search(preceding):
                example = example or f"{preceding.split()[-1]} {name}"
            elif before and not _not_extending(before.group(1)):
                example = example or f"{before.group(0).strip()} {name}"
            elif after:
                example = example or f"{name}{after.group(0)}"
            else:
                return None
    return example


def _occurrences(name: str, body: str):
    """(start, end) of each place `body` writes `name` as whole words."""
    start = body.find(name)
    while start != -1:
        end = start + len(name)
        if not (start and _word_char(body[start - 1])) and not (
            end < len(body) and _word_char(body[end])
        ):
            yield start, end
        start = body.find(name, start + 1)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def written_in_articles(db: sqlite_utils.Database) -> dict[int, dict]:
    """Per source with claims: {'cut': longer name or None, 'description': bool}."""
    mentions: dict[int, list[tuple]] = defaultdict(list)
    kinds: dict[int, str] = {}
    for source_id, kind, name, mention, start, sentence_start, article_id in db.execute(
        "SELECT at.speaker_source_id, s.kind, s.name, at.mention, at.mention_start, st.start,"
        " st.article_id FROM attributions at JOIN sources s ON s.id = at.speaker_source_id"
        " JOIN statements st ON st.id = at.statement_id"
        " WHERE at.type != 'publisher' AND s.kind_set_by = 'engine' AND s.wikidata_id IS NULL"
    ):
        mentions[source_id].append((name, mention, start, sentence_start, article_id))
        kinds[source_id] = kind
    bodies: dict[int, str] = {}

    def body(article_id: int) -> str:
        if article_id not in bodies:
            bodies[article_id] = db.execute(
                "SELECT body FROM articles WHERE id = ?", [article_id]
            ).fetchone()[0]
        return bodies[article_id]

    found = {}
    for source_id, rows in mentions.items():
        name = rows[0][0]
        texts = {article_id: body(article_id) for article_id in sorted({r[4] for r in rows})}
        found[source_id] = {
            "cut": longer_name(name, list(texts.values()), kinds[source_id]),
            "description": _opens_sentences_only(name, rows, texts),
        }
    return found


def _opens_sentences_only(name: str, rows: list[tuple], texts: dict[int, str]) -> bool:
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    endings = not_source_words("en", "noun_endings") | not_source_words("nl", "noun_endings")
    if not (name.lower().endswith(tuple(endings)) or common_word(name.lower())):
        return False  # "Goldberg said …" twice at a sentence start is still a surname
    for _, mention, start, sentence_start, article_id in rows:
        if mention != name or start is None:
            return False
        if any(ch.isalnum() for ch in texts[article_id][sentence_start:start]):
            return False
    return not any(written_as_name(name, text) for text in texts.values())
