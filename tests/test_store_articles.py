"""Saving an article with statements and attributions: one transaction, exact offsets."""

from __future__ import annotations

import sqlite3

import pytest

from claimtrack.engine.document import Attribution, Document, SourceRef, Statement, TextSpan
from claimtrack.ingest import ParsedArticle
from claimtrack.store.articles import OffsetMismatch, save_article

BODY = (
    "Het havenbedrijf meldt dat de bond zei dat de staking maandag begint.\n\n"
    "„We gaan door”, aldus de voorzitter."
)
TABLES = ("articles", "statements", "attributions", "attribution_via", "sources", "source_aliases")


def span(text: str, body: str = BODY, after: int = 0) -> TextSpan:
    start = body.index(text, after)
    return TextSpan(text, start, start + len(text))


def ref(name: str, mention: str | None, kind: str = "organization") -> SourceRef:
    if mention is None:
        return SourceRef(name, kind)
    s = span(mention)
    return SourceRef(name, kind, mention, s.start, s.end)


def sample_document() -> Document:
    first, second = BODY.split("\n\n")
    outer = Attribution(
        speaker=ref("Havenbedrijf", "Het havenbedrijf"),
        type="indirect",
        cue=span("meldt"),
        content=span("de bond zei dat de staking maandag begint"),
        confidence=0.9,
    )
    inner = Attribution(
        speaker=ref("Bond", "de bond"),
        type="indirect",
        cue=span("zei"),
        content=span("de staking maandag begint"),
        via=[ref("Havenbedrijf", "Het havenbedrijf")],
        confidence=0.8,
    )
    quote = Attribution(
        speaker=ref("voorzitter", "de voorzitter", "person"),
        type="direct",
        cue=span("aldus"),
        content=span("We gaan door"),
        confidence=0.95,
    )
    return Document(
        language="nl",
        statements=[
            Statement(0, 0, 0, len(first), first, [outer, inner]),
            Statement(1, 1, BODY.index(second), len(BODY), second, [quote]),
        ],
    )


def parsed(body: str = BODY, **meta) -> ParsedArticle:
    return ParsedArticle(body=body, title="Staking", publisher="Kustkrant", language="nl", **meta)


def counts(db) -> dict[str, int]:
    return {table: db[table].count for table in TABLES}


def test_save_stores_article_statements_and_attributions(db):
    result = save_article(db, parsed(date="2024-05-06"), sample_document())
    assert result.status == "imported"
    assert result.statements == 2
    article = db["articles"].get(result.article_id)
    assert article["language"] == "nl"
    assert article["date_precision"] == "day"
    assert article["word_count"] == len(BODY.split())
    for row in db.query("SELECT start, [end], text FROM statements"):
        assert article["body"][row["start"] : row["end"]] == row["text"]
    rows = list(db.query("SELECT * FROM attributions ORDER BY id"))
    assert [r["type"] for r in rows] == ["indirect", "indirect", "direct"]
    for row in rows:
        for part in ("mention", "cue", "content"):
            assert article["body"][row[f"{part}_start"] : row[f"{part}_end"]] == row[part]


def test_nested_attribution_points_to_the_outer_one(db):
    save_article(db, parsed(), sample_document())
    outer, inner, quote = db.query("SELECT id, parent_id FROM attributions ORDER BY id")
    assert inner["parent_id"] == outer["id"]
    assert outer["parent_id"] is None and quote["parent_id"] is None
    via = list(db.query("SELECT * FROM attribution_via"))
    assert [(v["attribution_id"], v["name"], v["mention"]) for v in via] == [
        (inner["id"], "Havenbedrijf", "Het havenbedrijf")
    ]
    speaker_id = db.execute(
        "SELECT speaker_source_id FROM attributions WHERE id = ?", [outer["id"]]
    ).fetchone()[0]
    assert via[0]["source_id"] == speaker_id


def test_same_content_again_is_unchanged_and_adds_nothing(db):
    first = save_article(db, parsed(), sample_document())
    before = counts(db)
    again = save_article(db, parsed(), sample_document())
    assert (again.status, again.article_id, again.statements) == ("unchanged", first.article_id, 2)
    assert counts(db) == before


def test_failure_half_way_leaves_no_trace(db, monkeypatch):
    save_article(db, parsed(), sample_document())
    before = counts(db)
    document = sample_document()
    document.statements[1].attributions[0].type = "gossip"  # violates the CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        save_article(db, parsed(body=BODY, date="2020"), document)
    assert counts(db) == before
    assert not db.conn.in_transaction


def test_wrong_offsets_are_refused_before_writing(db):
    document = sample_document()
    document.statements[0].start += 1
    with pytest.raises(OffsetMismatch):
        save_article(db, parsed(), document)
    assert db["articles"].count == 0


def test_statements_are_searchable_by_full_text(db):
    save_article(db, parsed(), sample_document())
    hits = list(db["statements"].search("staking"))
    assert [h["idx"] for h in hits] == [0]
    assert [h["idx"] for h in db["statements"].search("gaan door")] == [1]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            'INSERT INTO statements (article_id, idx, paragraph, start, "end", text)'
            " VALUES (999, 0, 0, 0, 1, 'x')"
        )


def test_deleting_an_article_removes_its_statements_and_attributions(db):
    result = save_article(db, parsed(), sample_document())
    db.execute("DELETE FROM articles WHERE id = ?", [result.article_id])
    assert db["statements"].count == 0
    assert db["attributions"].count == 0
    assert list(db["statements"].search("staking")) == []


def test_article_without_title_is_listed_under_its_first_sentence(db):
    untitled = ParsedArticle(body=BODY, publisher="Kustkrant", language="nl")
    result = save_article(db, untitled, sample_document())
    title = db["articles"].get(result.article_id)["title"]
    assert title == "Het havenbedrijf meldt dat de bond zei dat de staking maandag begint."
