"""A publisher that is a party speaks in its own text.

An article is a *statement* or a *report*. A statement (a readout, a press
release, a government page) is published by one of the parties: every
sentence of it that is not attributed to someone else is the publisher's
own account, and is stored as an attribution of type "publisher" with the
publisher's source as its speaker. A report (a newspaper article) keeps its
narration as narration.

The kind is decided at import: what the article says (the JSON field
`kind`, a `# kind:` header line), else what the importer is told
(`claimtrack import --kind`), else *auto*: a statement when the publisher
is a curated source marked `"publishes_statements": true` in
`claimtrack/data/aliases.json` (the White House, the Kremlin, ministries;
not news agencies), a report otherwise. An admin can change it later
(`set_article_kind`), which credits or uncredits the article's sentences.
"""

from __future__ import annotations

import re

import sqlite_utils

from claimtrack.engine.document import ATTRIBUTION_TYPES
from claimtrack.store.sources import (
    alias_key,
    curated_sources,
    matching_keys,
    resolve_speaker,
    statement_publisher_keys,
)
from claimtrack.store.transactions import write_transaction

ARTICLE_KINDS = ("statement", "report")
KIND_CHOICES = ("auto", *ARTICLE_KINDS)
PUBLISHER_TYPE = "publisher"
# every attribution type the store holds: the engine's, plus the publisher's own words
STORED_ATTRIBUTION_TYPES = (*ATTRIBUTION_TYPES, PUBLISHER_TYPE)
# how confident a publisher attribution is: the text is its own, the sentence segmentation
# and the engine's "nobody else says this" are what may be wrong
PUBLISHER_CONFIDENCE = 0.9


class ArticleKindRejected(ValueError):
    """An article kind that is not one of ARTICLE_KINDS (str() says which are)."""


def chosen_kind(value: str | None) -> str | None:
    """'statement' or 'report' as given, None for auto (or nothing given).

    Raises ArticleKindRejected for any other value.
    """
    if value is None:
        return None
    value = value.strip().lower()
    if value in ("", "auto"):
        return None
    if value not in ARTICLE_KINDS:
        raise ArticleKindRejected(f"kind must be one of {', '.join(KIND_CHOICES)}, not {value!r}")
    return value


def publishes_statements(db: sqlite_utils.Database, publisher: str | None) -> bool:
    """Whether `publisher` is a curated party whose own texts are its statements.

    Matched through the curated aliases, and through the aliases the stored
    source of such a party has gained (an admin's "WH" for the White House).
    """
    if not publisher or not publisher.strip():
        return False
    keys = matching_keys(publisher)
    publishing = statement_publisher_keys()
    if any(key in publishing for key in keys):
        return True
    names = {alias_key(entry.name) for entry in curated_sources() if entry.publishes_statements}
    for key in keys:
        row = db.execute(
            "SELECT src.name FROM source_aliases sa JOIN sources src ON src.id = sa.source_id "
            "WHERE sa.alias_key = ? ORDER BY sa.source_id LIMIT 1",
            [key],
        ).fetchone()
        if row:
            return alias_key(row[0]) in names
    return False


def auto_kind(db: sqlite_utils.Database, publisher: str | None) -> str:
    """The kind an article gets when nobody says: statement for a publishing party."""
    return "statement" if publishes_statements(db, publisher) else "report"


def credit_publisher(db: sqlite_utils.Database, article_id: int) -> int:
    """Give every statement of the article that nobody else speaks in to its publisher.

    Adds one attribution of type "publisher" (speaker: the publisher's
    source, content: the whole sentence) to each statement with no
    attribution, except in a transcript turn that is not the publisher's (a
    paragraph opened by "Q", "MODERATOR:", "OPERATOR:" and what follows it up
    to the next turn): a reporter's question is nobody's claim; nor is a
    separator line without letters ("* * *"). Returns how
    many were added; 0 when the article has no publisher that can be a source.
    """
    row = db.execute(
        "SELECT publisher, language FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None or not row[0]:
        return 0
    publisher, language = row
    with write_transaction(db):
        resolution = resolve_speaker(db, publisher, "organization", language)
        if resolution.source_id is None:
            return 0
        name, kind = db.execute(
            "SELECT name, kind FROM sources WHERE id = ?", [resolution.source_id]
        ).fetchone()
        credited = 0
        others_turn, paragraph = False, None
        for statement_id, number, text, start, end, attributed in db.execute(
            'SELECT s.id, s.paragraph, s.text, s.start, s."end",'
            " EXISTS (SELECT 1 FROM attributions at WHERE at.statement_id = s.id)"
            " FROM statements s WHERE s.article_id = ? ORDER BY s.idx",
            [article_id],
        ).fetchall():
            if number != paragraph:
                paragraph = number
                label = turn_label(text)
                if label is not None:
                    others_turn = not publisher_turn(label, language)
            if attributed or others_turn or not any(ch.isalnum() for ch in text):
                continue  # a separator ("* * *") says nothing
            db.execute(
                "INSERT INTO attributions (statement_id, position, speaker_source_id,"
                " speaker_name, speaker_kind, content, content_start, content_end, type,"
                " confidence) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    statement_id,
                    resolution.source_id,
                    name,
                    kind,
                    text,
                    start,
                    end,
                    PUBLISHER_TYPE,
                    PUBLISHER_CONFIDENCE,
                ],
            )
            credited += 1
        return credited


# "Q", "Q:", "MODERATOR:", "SENIOR ADMINISTRATION OFFICIAL:", "Mr. Peskov:" opening a paragraph
_TURN_LABEL = re.compile(r"\s*(?:(Q)(?=[\s:.])|([A-Z][\w.’' -]{0,60}?):(?=\s))")


def turn_label(text: str) -> str | None:
    """The speaker label opening a transcript turn, if the text starts with one."""
    match = _TURN_LABEL.match(text)
    if not match:
        return None
    return match.group(1) or match.group(2)


def publisher_turn(label: str, language: str | None) -> bool:
    """Whether a transcript turn is the publisher's own: not a reporter's question ("Q"),
    not the moderator's or operator's call management (the labels of
    claimtrack/data/not_sources/<lang>/interjections.txt)."""
    from claimtrack.store.speaker_names import not_source_words

    languages = (language,) if language in ("en", "nl") else ("en", "nl")
    labels = frozenset().union(*(not_source_words(lang, "interjections") for lang in languages))
    words = alias_key(label).split()
    return not words or not all(word in labels for word in words)


def uncredit_publisher(db: sqlite_utils.Database, article_id: int) -> int:
    """Take the publisher's own-words attributions off the article (it is a report now)."""
    with write_transaction(db):
        return db.execute(
            "DELETE FROM attributions WHERE type = ? AND statement_id IN "
            "(SELECT id FROM statements WHERE article_id = ?)",
            [PUBLISHER_TYPE, article_id],
        ).rowcount


def set_article_kind(
    db: sqlite_utils.Database, article_id: int, kind: str, set_by: str = "admin"
) -> dict:
    """Make the article a statement or a report, re-crediting its sentences to match.

    `kind` may be "auto" (decide by the publisher again). Returns {"kind",
    "credited", "uncredited"}. Raises ArticleKindRejected for a bad kind and
    LookupError for an unknown article.
    """
    chosen = chosen_kind(kind)
    with write_transaction(db):
        row = db.execute("SELECT publisher FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise LookupError(f"no article with id {article_id}")
        if chosen is None:
            chosen, set_by = auto_kind(db, row[0]), "auto"
        db.execute(
            "UPDATE articles SET kind = ?, kind_set_by = ? WHERE id = ?",
            [chosen, set_by, article_id],
        )
        uncredited = uncredit_publisher(db, article_id)
        credited = credit_publisher(db, article_id) if chosen == "statement" else 0
    return {"kind": chosen, "credited": credited, "uncredited": uncredited}
