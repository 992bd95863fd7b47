"""What a statement page links to besides its own article: events and the same claim elsewhere.

Events. An event holds statements (`event_statements`); adding an article
to an event adds all its statements. A statement's events are the events
that hold it or any other statement of its article, each with
`has_statement` telling which of the two.

The same claim. Two attributions make *the same claim* when their content
(the attributed words, not the whole sentence) has the same claim key:
lower-cased, quote marks, commas, colons and semicolons spaced out, runs of
spaces collapsed and end punctuation trimmed (`schema.CLAIM_KEY_SQL`). So
„We support Ukraine,” and "we support Ukraine." match; a paraphrase does
not. The speaker may differ: who else the article says makes the claim is
the point of the list. Content of fewer than MIN_CLAIM_WORDS words
("ja", "dat klopt") is too generic to link. The lookup is one probe of the
`idx_attributions_claim_key` expression index per attribution of the
statement, newest article first and at most `limit` rows, whatever the
size of the store.
"""

from __future__ import annotations

import sqlite_utils

from claimtrack.store.schema import CLAIM_KEY_SQL

MIN_CLAIM_WORDS = 3
SAME_CLAIM_LIMIT = 20


def statement_events(db: sqlite_utils.Database, statement_id: int) -> list[dict]:
    """Events holding this statement or another statement of its article, by date then id.

    Each row: id, title, date, has_statement (1 when this very statement is in the event).
    """
    return list(
        db.query(
            """
            SELECT e.id, e.title, e.date, MAX(es.statement_id = :statement) AS has_statement
            FROM statements s
            JOIN event_statements es ON es.statement_id = s.id
            JOIN events e ON e.id = es.event_id
            WHERE s.article_id = (SELECT article_id FROM statements WHERE id = :statement)
            GROUP BY e.id
            ORDER BY e.date IS NULL, e.date, e.id
            """,
            {"statement": statement_id},
        )
    )


def claim_keys(db: sqlite_utils.Database, statement_id: int) -> list[str]:
    """The distinct claim keys of a statement's attributions that are long enough to link."""
    rows = db.execute(
        f"SELECT DISTINCT {CLAIM_KEY_SQL} FROM attributions "
        "WHERE statement_id = ? AND content IS NOT NULL ORDER BY position",
        [statement_id],
    ).fetchall()
    return [key for (key,) in rows if key and len(key.split()) >= MIN_CLAIM_WORDS]


def same_claim_elsewhere(
    db: sqlite_utils.Database, statement_id: int, limit: int = SAME_CLAIM_LIMIT
) -> dict:
    """Statements in other articles that make the same claim (see the module docstring).

    Returns {"rows": [...], "more": bool}: at most `limit` rows, newest
    article first, one per (statement, speaker); `more` is True when there
    were further matches. Each row: statement_id, statement_text, article_id,
    article_title, publisher, article_date, language, speaker_name,
    speaker_slug, type, content.
    """
    own = db.execute("SELECT article_id FROM statements WHERE id = ?", [statement_id]).fetchone()
    if own is None:
        return {"rows": [], "more": False}
    keyed = CLAIM_KEY_SQL.replace("content", "at.content")
    rows: dict[tuple, dict] = {}
    more = False
    for key in claim_keys(db, statement_id):
        found = db.query(
            f"""
            SELECT at.statement_id, s.text AS statement_text, s.article_id,
                   a.title AS article_title, a.publisher, a.date AS article_date, a.language,
                   COALESCE(src.name, at.speaker_name) AS speaker_name,
                   src.slug AS speaker_slug, at.type, at.content
            FROM attributions at
            JOIN statements s ON s.id = at.statement_id
            JOIN articles a ON a.id = s.article_id
            LEFT JOIN sources src ON src.id = at.speaker_source_id
            WHERE {keyed} = ? AND at.article_id IS NOT ?
            ORDER BY at.article_date DESC, at.id
            LIMIT ?
            """,
            [key, own[0], limit + 1],
        )
        for row in found:
            rows.setdefault((row["statement_id"], row["speaker_name"]), row)
    ordered = sorted(
        rows.values(), key=lambda r: (r["article_date"] or "", r["article_id"]), reverse=True
    )
    if len(ordered) > limit:
        ordered, more = ordered[:limit], True
    return {"rows": ordered, "more": more}
