"""Sample data for the web tests, written straight into the store with sqlite-utils.

The pages are tested without the extraction engine: these articles, sources
and attributions are made up for the tests, with offsets computed from the
text so they are exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

NOW = "2026-01-01T00:00:00+00:00"


@dataclass
class Claim:
    """One attribution in a sample sentence; spans are given as substrings of the sentence."""

    speaker: str  # source slug
    type: str
    cue: str | None = None
    content: str | None = None
    mention: str | None = None
    via: list[str] = field(default_factory=list)  # source slugs, outermost first


SOURCES = [
    # slug, name, kind, aliases
    ("joe-biden", "Joe Biden", "person", ["Biden", "president Biden"]),
    ("vladimir-poetin", "Vladimir Poetin", "person", ["Poetin", "Vladimir Putin"]),
    ("witte-huis", "Witte Huis", "organization", ["het Witte Huis"]),
    ("white-house", "White House", "organization", ["the White House"]),
    ("kremlin", "Kremlin", "organization", ["het Kremlin"]),
    ("reuters", "Reuters", "organization", ["persbureau Reuters"]),
    ("harbour-board", "Harbour Board", "organization", []),
]

# Paragraphs of sentences; each sentence has its claims (none = narration).
ARTICLES = [
    {
        "title": "Biden belt met Poetin over troepen",
        "publisher": "Testkrant",
        "language": "nl",
        "date": "2021-04-13",
        "paragraphs": [
            [
                (
                    "Biden zei dat de Verenigde Staten Oekraïne steunen, meldt het Witte Huis.",
                    [
                        Claim(
                            "joe-biden",
                            "indirect",
                            cue="zei",
                            content="de Verenigde Staten Oekraïne steunen",
                            mention="Biden",
                            via=["witte-huis"],
                        )
                    ],
                ),
                ("Het gesprek duurde een uur.", []),
            ],
            [
                (
                    "Het gesprek zou op Bidens initiatief hebben plaatsgehad, meldt persbureau Reuters.",
                    [
                        Claim(
                            "kremlin",
                            "reportative",
                            cue="zou",
                            content="Het gesprek zou op Bidens initiatief hebben plaatsgehad",
                            via=["reuters"],
                        )
                    ],
                ),
                (
                    "Volgens Poetin is de oefening „normaal”.",
                    [
                        Claim(
                            "vladimir-poetin",
                            "according_to",
                            cue="Volgens",
                            content="is de oefening „normaal”",
                            mention="Poetin",
                        )
                    ],
                ),
            ],
        ],
    },
    {
        "title": "White House readout of the call",
        "publisher": "Test Times",
        "language": "en",
        "date": "2021-04",
        "paragraphs": [
            [
                (
                    '"We support Ukraine," Biden said on Tuesday.',
                    [
                        Claim(
                            "joe-biden",
                            "direct",
                            cue="said",
                            content="We support Ukraine,",
                            mention="Biden",
                        )
                    ],
                ),
                (
                    "The White House said the leaders discussed arms control.",
                    [
                        Claim(
                            "white-house",
                            "indirect",
                            cue="said",
                            content="the leaders discussed arms control",
                            mention="The White House",
                        )
                    ],
                ),
            ],
        ],
    },
    {
        "title": 'Harbour <script>alert("x")</script> news',
        "publisher": "Test Times",
        "language": "en",
        "date": "2022-01-05",
        "paragraphs": [
            [
                (
                    'The board said "><img src=x onerror=alert(1)> was a typo.',
                    [
                        Claim(
                            "harbour-board",
                            "indirect",
                            cue="said",
                            content='"><img src=x onerror=alert(1)> was a typo',
                            mention="The board",
                        )
                    ],
                ),
                ("Ships <b>kept</b> sailing.", []),
            ],
        ],
    },
]


def insert_sample(db: sqlite_utils.Database) -> dict:
    """Insert the sample sources, articles, statements and attributions.

    Returns ids for the tests: {"sources": {slug: id}, "articles": [ids],
    "statements": {sentence text: id}, "event": id}.
    """
    ids: dict = {"sources": {}, "articles": [], "statements": {}}
    for slug, name, kind, aliases in SOURCES:
        source_id = (
            db["sources"]
            .insert({"name": name, "kind": kind, "slug": slug, "created_at": NOW})
            .last_pk
        )
        ids["sources"][slug] = source_id
        for alias in [name] + aliases:
            db["source_aliases"].insert(
                {"source_id": source_id, "alias": alias, "alias_key": alias.lower()}
            )
    for number, spec in enumerate(ARTICLES):
        ids["articles"].append(_insert_article(db, spec, number, ids))
    event_id = (
        db["events"]
        .insert(
            {
                "title": "Biden–Poetin call",
                "date": "2021-04-13",
                "date_precision": "day",
                "created_at": NOW,
            }
        )
        .last_pk
    )
    ids["event"] = event_id
    first_article = ids["articles"][0]
    for statement_id in [
        r["id"] for r in db.query("SELECT id FROM statements WHERE article_id = ?", [first_article])
    ]:
        db["event_statements"].insert({"event_id": event_id, "statement_id": statement_id})
    db["event_participants"].insert(
        {"event_id": event_id, "source_id": ids["sources"]["joe-biden"]}
    )
    return ids


def _insert_article(db: sqlite_utils.Database, spec: dict, number: int, ids: dict) -> int:
    def add_claims(statement_id: int, start: int, text: str, claims: list[Claim]) -> None:
        for order, claim in enumerate(claims):
            _insert_claim(db, claim, order, statement_id, start, text, ids)

    return insert_article_rows(
        db, spec, f"sample-{number}", f"2026-01-0{number + 1}", ids, add_claims
    )


def insert_article_rows(
    db: sqlite_utils.Database, spec: dict, content_hash: str, day: str, ids: dict, add_claims
) -> int:
    """Insert an article spec (title, publisher, language, date, paragraphs of
    (sentence, claims)) and its statements, offsets computed from the text; return its id.

    Each statement's id goes to ids["statements"][sentence], and
    add_claims(statement_id, start, sentence, claims) writes its attributions.
    """
    body = "\n\n".join(" ".join(text for text, _ in paragraph) for paragraph in spec["paragraphs"])
    article_id = (
        db["articles"]
        .insert(
            {
                "title": spec["title"],
                "publisher": spec["publisher"],
                "language": spec["language"],
                "date": spec["date"],
                "date_precision": {4: "year", 7: "month"}.get(len(spec["date"]), "day"),
                "body": body,
                "content_hash": content_hash,
                "word_count": len(body.split()),
                "imported_at": f"{day}T00:00:00+00:00",
            }
        )
        .last_pk
    )
    position, index = 0, 0
    for paragraph_number, paragraph in enumerate(spec["paragraphs"]):
        for text, claims in paragraph:
            start = body.index(text, position)
            position = start + len(text)
            statement_id = (
                db["statements"]
                .insert(
                    {
                        "article_id": article_id,
                        "idx": index,
                        "paragraph": paragraph_number,
                        "start": start,
                        "end": position,
                        "text": text,
                    }
                )
                .last_pk
            )
            ids["statements"][text] = statement_id
            index += 1
            add_claims(statement_id, start, text, claims)
    return article_id


def _span(sentence: str, part: str | None, sentence_start: int) -> tuple:
    if part is None:
        return None, None, None
    offset = sentence.index(part)
    return part, sentence_start + offset, sentence_start + offset + len(part)


def _insert_claim(db, claim: Claim, order, statement_id, start, text, ids) -> None:
    name = db["sources"].get(ids["sources"][claim.speaker])["name"]
    mention, mention_start, mention_end = _span(text, claim.mention, start)
    cue, cue_start, cue_end = _span(text, claim.cue, start)
    content, content_start, content_end = _span(text, claim.content, start)
    attribution_id = (
        db["attributions"]
        .insert(
            {
                "statement_id": statement_id,
                "position": order,
                "speaker_source_id": ids["sources"][claim.speaker],
                "speaker_name": name,
                "speaker_kind": db["sources"].get(ids["sources"][claim.speaker])["kind"],
                "mention": mention,
                "mention_start": mention_start,
                "mention_end": mention_end,
                "cue": cue,
                "cue_start": cue_start,
                "cue_end": cue_end,
                "content": content,
                "content_start": content_start,
                "content_end": content_end,
                "type": claim.type,
                "confidence": 0.9,
            }
        )
        .last_pk
    )
    for via_position, slug in enumerate(claim.via):
        via_source = db["sources"].get(ids["sources"][slug])
        db["attribution_via"].insert(
            {
                "attribution_id": attribution_id,
                "position": via_position,
                "source_id": via_source["id"],
                "name": via_source["name"],
                "kind": via_source["kind"],
                **_via_mention(text, via_source["name"], start),
            }
        )


def _via_mention(sentence: str, name: str, sentence_start: int) -> dict:
    """The relay's mention in the sentence, when its name occurs there."""
    if name not in sentence:
        return {}
    mention, start, end = _span(sentence, name, sentence_start)
    return {"mention": mention, "mention_start": start, "mention_end": end}
