"""Articles written for the API tests, stored through the real save path without the engine.

Each sentence lists its attributions with spans given as substrings, so
offsets are computed from the text and always exact.
"""

from __future__ import annotations

import sqlite_utils

from claimtrack.engine.document import Attribution, Document, SourceRef, Statement, TextSpan
from claimtrack.ingest.article import ParsedArticle
from claimtrack.store.articles import save_article

# (sentence, [(speaker name, kind, type, cue, content, mention, [via names])])
DUTCH_SENTENCES = [
    (
        "De Verenigde Staten willen de spanningen met Rusland verminderen, meldt het Witte Huis.",
        [
            (
                "Witte Huis",
                "organization",
                "indirect",
                "meldt",
                "De Verenigde Staten willen de spanningen met Rusland verminderen",
                "het Witte Huis",
                [],
            )
        ],
    ),
    ("Het gesprek duurde ongeveer een uur.", []),
    (
        "Volgens het Kremlin stelde Poetin een ontmoeting voor.",
        [
            (
                "Kremlin",
                "organization",
                "according_to",
                "Volgens",
                "stelde Poetin een ontmoeting voor",
                "het Kremlin",
                [],
            )
        ],
    ),
    (
        '"We blijven Oekraïne steunen", zei Biden volgens het Witte Huis.',
        [
            (
                "Joe Biden",
                "person",
                "direct",
                "zei",
                "We blijven Oekraïne steunen",
                "Biden",
                ["Witte Huis"],
            )
        ],
    ),
]

ENGLISH_SENTENCES = [
    (
        "The harbour will reopen on Monday, the port authority said.",
        [
            (
                "Port Authority",
                "organization",
                "indirect",
                "said",
                "The harbour will reopen on Monday",
                "the port authority",
                [],
            )
        ],
    ),
    ("Ships waited outside the bay for two days.", []),
]


def _span(sentence: str, offset: int, part: str | None) -> TextSpan | None:
    if part is None:
        return None
    start = sentence.index(part)
    return TextSpan(part, offset + start, offset + start + len(part))


def build_article(sentences, language: str) -> tuple[str, Document]:
    """The body text of `sentences` (one paragraph each) and its hand-made analysis."""
    body, statements, offset = "", [], 0
    for index, (sentence, claims) in enumerate(sentences):
        attributions = []
        for name, kind, type_, cue, content, mention, via in claims:
            mention_span = _span(sentence, offset, mention)
            attributions.append(
                Attribution(
                    speaker=SourceRef(name, kind, mention, mention_span.start, mention_span.end),
                    type=type_,
                    cue=_span(sentence, offset, cue),
                    content=_span(sentence, offset, content),
                    via=[SourceRef(v, "organization") for v in via],
                    confidence=0.9,
                )
            )
        statements.append(
            Statement(index, index, offset, offset + len(sentence), sentence, attributions)
        )
        body += sentence + "\n\n"
        offset = len(body)
    return body, Document(language=language, statements=statements)


def store_article(
    db: sqlite_utils.Database,
    sentences,
    *,
    language: str,
    title: str,
    date: str | None = None,
    publisher: str | None = "Testkrant",
    url: str | None = None,
) -> int:
    """Save one sample article through save_article; return its id."""
    body, document = build_article(sentences, language)
    parsed = ParsedArticle(
        body=body, title=title, publisher=publisher, language=language, date=date, url=url
    )
    return save_article(db, parsed, document).article_id


def populate(db: sqlite_utils.Database, copies: int = 1) -> list[int]:
    """Store the Dutch and the English sample article `copies` times each (distinct titles)."""
    ids = []
    for n in range(copies):
        ids.append(
            store_article(
                db,
                DUTCH_SENTENCES,
                language="nl",
                title=f"Biden en Poetin {n}",
                date="2021-04-13",
                url=f"https://example.org/nl/{n}",
            )
        )
        ids.append(
            store_article(
                db,
                ENGLISH_SENTENCES,
                language="en",
                title=f"Harbour {n}",
                date="2022-01",
                publisher="Test Gazette",
            )
        )
    return ids
