"""Invented articles for the statement-link, hearsay-mark and article-id tests.

Three articles about a made-up bridge closure: a Dutch one with a claim
passed on as hearsay ("zou", "naar verluidt"), one with no named source
("er wordt beweerd") and an event holding it; an English one; and a second
Dutch one that repeats the first one's quote word for word (the same claim)
under a title with markup in it. Written straight into the store, offsets
computed from the text.
"""

from __future__ import annotations

import sqlite_utils
from web_sample import insert_article_rows

from claimtrack.store.events import create_event

NOW = "2026-01-01T00:00:00+00:00"

SOURCES = [
    # slug, name, kind
    ("mira-kool", "Mira Kool", "person"),
    ("omroep-rivierstad", "Omroep Rivierstad", "organization"),
]

ZOU = "De aannemer zou de planning twee keer hebben gemist, meldt Omroep Rivierstad."
VERLUIDT = "Naar verluidt is er ook roest gevonden in de pijlers."
BEWEERD = "Er wordt beweerd dat de kosten verdubbelen."
QUOTE = "Wethouder Mira Kool zei: „De brug blijft tot juni gesloten.”"
DETOUR = "Het verkeer rijdt om via de Dijkweg."
EN_QUOTE = '"The bridge stays shut until June," alderman Mira Kool said.'
EN_REPORTEDLY = "The contractor reportedly missed two deadlines."
REPEAT = "„De brug blijft tot juni gesloten”, aldus wethouder Kool."
SHORT = "Kool zei: „Dat klopt.”"
SHORT_AGAIN = "Kool reageerde kort: „Dat klopt.”"

# claim: (speaker slug or None for nobody named, type, cue, content, mention)
ARTICLES = [
    {
        "key": "bridge_nl",
        "title": "Brug Havenkade blijft dicht",
        "publisher": "Dagblad Proef",
        "language": "nl",
        "date": "2024-05-02",
        "paragraphs": [
            [
                (QUOTE, ("mira-kool", "direct", "zei", "De brug blijft tot juni gesloten.", "Wethouder Mira Kool")),
                (ZOU, ("omroep-rivierstad", "reportative", "zou", "De aannemer zou de planning twee keer hebben gemist", "Omroep Rivierstad")),
                (VERLUIDT, ("omroep-rivierstad", "reportative", "Naar verluidt", "is er ook roest gevonden in de pijlers", None)),
            ],
            [
                (BEWEERD, (None, "indirect", "beweerd", "de kosten verdubbelen", None)),
                (DETOUR, None),
                (SHORT_AGAIN, ("mira-kool", "direct", "reageerde", "Dat klopt.", "Kool")),
            ],
        ],
    },
    {
        "key": "bridge_en",
        "title": "Havenkade bridge stays shut",
        "publisher": "Rivertown Ledger",
        "language": "en",
        "date": "2024-05-03",
        "paragraphs": [
            [
                (EN_QUOTE, ("mira-kool", "direct", "said", "The bridge stays shut until June,", "alderman Mira Kool")),
                (EN_REPORTEDLY, (None, "reportative", "reportedly", "The contractor reportedly missed two deadlines", None)),
            ]
        ],
    },
    {
        "key": "repeat_nl",
        "title": "Brug <em>dicht</em> tot juni",
        "publisher": "Stadskrant <Proef>",
        "language": "nl",
        "date": "2024-05-04",
        "paragraphs": [
            [
                (REPEAT, ("mira-kool", "direct", "aldus", "„De brug blijft tot juni gesloten”", "wethouder Kool")),
                (SHORT, ("mira-kool", "direct", "zei", "Dat klopt.", "Kool")),
            ]
        ],
    },
]  # fmt: skip


def insert_links_sample(db: sqlite_utils.Database) -> dict:
    """Insert the sources, articles and one event; return their ids.

    {"sources": {slug: id}, "articles": {key: id}, "statements": {text: id},
    "event": id of "Afsluiting brug Havenkade", which holds the Dutch article.}
    """
    ids: dict = {"sources": {}, "articles": {}, "statements": {}}
    for slug, name, kind in SOURCES:
        ids["sources"][slug] = (
            db["sources"]
            .insert({"name": name, "kind": kind, "slug": slug, "created_at": NOW})
            .last_pk
        )
        db["source_aliases"].insert(
            {"source_id": ids["sources"][slug], "alias": name, "alias_key": name.lower()}
        )
    for number, spec in enumerate(ARTICLES):
        ids["articles"][spec["key"]] = _insert_article(db, spec, number, ids)
    ids["event"] = create_event(
        db,
        "Afsluiting brug Havenkade",
        date="2024-05-02",
        article_ids=[ids["articles"]["bridge_nl"]],
    )
    return ids


def _insert_article(db: sqlite_utils.Database, spec: dict, number: int, ids: dict) -> int:
    def add_claim(statement_id: int, start: int, text: str, claim: tuple | None) -> None:
        if claim:
            _insert_claim(db, claim, statement_id, start, text, ids)

    return insert_article_rows(
        db, spec, f"links-sample-{number}", f"2026-02-0{number + 1}", ids, add_claim
    )


def _insert_claim(db, claim: tuple, statement_id: int, start: int, text: str, ids: dict) -> None:
    slug, kind, cue, content, mention = claim
    source = db["sources"].get(ids["sources"][slug]) if slug else None
    row = {
        "statement_id": statement_id,
        "position": 0,
        "speaker_source_id": source["id"] if source else None,
        "speaker_name": source["name"] if source else "unknown",
        "speaker_kind": source["kind"] if source else "unknown",
        "type": kind,
        "confidence": 0.8,
    }
    for name, part in (("cue", cue), ("content", content), ("mention", mention)):
        if part is not None:
            offset = start + text.index(part)
            row |= {name: part, f"{name}_start": offset, f"{name}_end": offset + len(part)}
    db["attributions"].insert(row)
