"""What a user sees stays right now that pages read kept totals and range scans (issue #17).

The home page and source lists read totals kept by triggers: they must equal
a fresh count after imports, deletions, merges and admin edits. Statement
lists and exports read in keyset pages from the most selective index: paging
through must give every match exactly once, newest first, whatever the
filters. Search counts stop at a cap and say "more than".
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from api_sample import populate, store_article
from web_sample import insert_sample

from claimtrack.api import exports
from claimtrack.store import open_database, schema, totals
from claimtrack.store.reads import search, sources, statements
from claimtrack.store.reads.listing import ListRequest
from claimtrack.store.reads.text_query import fts_match_expression
from claimtrack.store.source_edits import add_alias, remove_alias, set_source_kind
from claimtrack.store.sources import merge_sources
from claimtrack.store.transactions import write_transaction


def assert_totals_right(db) -> None:
    assert totals.stored(db) == totals.recount(db)


def source_id(db, slug: str) -> int:
    return db.execute("SELECT id FROM sources WHERE slug = ?", [slug]).fetchone()[0]


# ---------------------------------------------------------------- kept totals


def test_totals_follow_imports_merges_edits_and_deletions(db):
    populate(db, copies=3)
    assert_totals_right(db)
    counts = totals.site_totals(db)
    assert counts["articles"] == 6 and counts["statements"] > counts["attributed_statements"] > 0

    biden, white_house = source_id(db, "joe-biden"), source_id(db, "white-house")
    merge_sources(db, keep_id=white_house, drop_id=biden)  # speaker claims and relays move
    assert_totals_right(db)
    set_source_kind(db, white_house, "group")
    add_alias(db, white_house, "Het Huis", "nl")
    alias_id = db.execute("SELECT id FROM source_aliases WHERE alias = 'Het Huis'", []).fetchone()[
        0
    ]
    remove_alias(db, white_house, alias_id)
    assert_totals_right(db)

    with write_transaction(db):
        first = db.execute("SELECT min(id) FROM articles").fetchone()[0]
        db.execute("DELETE FROM articles WHERE id = ?", [first])  # cascades to its claims
    assert_totals_right(db)
    assert totals.site_totals(db)["articles"] == 5

    with write_transaction(db):  # a deleted source: its claims keep their text, lose the link
        db.execute("DELETE FROM sources WHERE id = ?", [white_house])
    assert_totals_right(db)
    assert white_house not in totals.stored(db)["sources"]


def test_a_rolled_back_write_leaves_the_totals_as_they_were(db):
    populate(db)
    before = totals.stored(db)
    with pytest.raises(RuntimeError), write_transaction(db):
        db.execute("DELETE FROM statements")
        raise RuntimeError("interrupted")
    assert totals.stored(db) == before
    assert_totals_right(db)


def test_two_claims_of_one_speaker_in_one_statement_count_as_one_statement(db):
    sentence = "Biden said the deal holds and Biden added that talks go on."
    claims = [
        ("Joe Biden", "person", "indirect", "said", "the deal holds", "Biden", []),
        ("Joe Biden", "person", "indirect", "added", "talks go on", "Biden", []),
    ]
    store_article(db, [(sentence, claims)], language="en", title="Twice")
    biden = source_id(db, "joe-biden")
    kept = totals.source_totals(db, [biden])[biden]
    assert (kept["speaker_claims"], kept["speaker_statements"]) == (2, 1)
    assert totals.site_totals(db)["attributed_statements"] == 1
    assert_totals_right(db)
    with write_transaction(db):
        db.execute("DELETE FROM attributions WHERE id = (SELECT min(id) FROM attributions)")
    assert totals.source_totals(db, [biden])[biden]["speaker_statements"] == 1
    assert_totals_right(db)


def test_home_page_shows_the_kept_numbers_and_most_cited_sources(client, db):
    insert_sample(db)
    html = client.get("/").get_data(as_text=True)
    fresh = totals.recount(db)["site"]
    for value in fresh.values():
        assert f"<dd>{value}</dd>" in html
    cited = sources.most_cited_sources(db, 10)
    grouped = db.execute(
        "SELECT at.speaker_source_id, count(*) FROM attributions at "
        "JOIN sources src ON src.id = at.speaker_source_id "
        "GROUP BY 1 ORDER BY 2 DESC, src.name"
    ).fetchall()
    assert [(s["id"], s["claims"]) for s in cited] == [tuple(row) for row in grouped]


def test_api_statement_count_of_a_source_follows_a_merge(client, db):
    populate(db, copies=2)
    biden, white_house = source_id(db, "joe-biden"), source_id(db, "white-house")
    merge_sources(db, keep_id=white_house, drop_id=biden)
    listed = client.get(f"/api/v1/sources/{white_house}").get_json()
    expected = db.execute(
        "SELECT count(DISTINCT statement_id) FROM attributions WHERE speaker_source_id = ?",
        [white_house],
    ).fetchone()[0]
    assert listed["statement_count"] == expected > 0


# ---------------------------------------------------------------- schema upgrade


def test_a_version_4_database_is_upgraded_keeping_its_rows_and_counting_them(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
        old.setattr(schema, "SCHEMA_VERSION", 4)
        db = open_database(path)
        insert_sample(db)  # plain rows: today's save_article writes columns version 4 lacks
        assert schema.schema_version(db) == 4
        assert "site_totals" not in db.table_names()
        rows_before = {t: db[t].count for t in ("articles", "statements", "attributions")}
        db.close()
    db = open_database(path)
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
    assert {t: db[t].count for t in rows_before} == rows_before
    assert_totals_right(db)
    assert totals.site_totals(db)["articles"] == rows_before["articles"]
    populate(db)  # and the upgraded database takes new articles, counted
    assert_totals_right(db)
    db.close()


# ---------------------------------------------------------------- paging and exports


def reference_ids(db, filters: statements.StatementFilters) -> list[int]:
    """Every matching statement id, newest first, the slow obvious way."""
    where, params = ["1"], []
    if filters.source_ids is not None:
        marks = ", ".join("?" * len(filters.source_ids)) or "NULL"
        extra = " AND t.type = ?" if filters.type else ""
        where.append(
            f"s.id IN (SELECT statement_id FROM attributions t "
            f"WHERE t.speaker_source_id IN ({marks}){extra})"
        )
        params += filters.source_ids + ([filters.type] if filters.type else [])
    elif filters.type:
        where.append("s.id IN (SELECT statement_id FROM attributions WHERE type = ?)")
        params.append(filters.type)
    if filters.via_ids is not None:
        marks = ", ".join("?" * len(filters.via_ids))
        where.append(
            "s.id IN (SELECT t.statement_id FROM attributions t JOIN attribution_via v "
            f"ON v.attribution_id = t.id WHERE v.source_id IN ({marks}))"
        )
        params += filters.via_ids
    if filters.text_query:
        where.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
        params.append(fts_match_expression(filters.text_query))
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.since:
        where.append("substr(a.date, 1, ?) >= ?")
        params += [len(filters.since), filters.since]
    if filters.event_id is not None:
        where.append("s.id IN (SELECT statement_id FROM event_statements WHERE event_id = ?)")
        params.append(filters.event_id)
    sql = (
        "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id "
        f"WHERE {' AND '.join(where)} ORDER BY s.id DESC"
    )
    return [row[0] for row in db.execute(sql, params)]


def paged_ids(db, filters, limit: int) -> list[int]:
    """Every id of the list, page by page; then back again by the `previous` tokens."""
    ids, token, pages = [], None, []
    while True:
        page = statements.list_statements(db, filters, ListRequest(size=limit, token=token))
        pages.append([row["id"] for row in page.items])
        ids += pages[-1]
        token = page.next
        if token is None:
            break
    back = page.previous
    for expected in reversed(pages[:-1]):
        earlier = statements.list_statements(db, filters, ListRequest(size=limit, token=back))
        assert [row["id"] for row in earlier.items] == expected, filters
        back = earlier.previous
    return ids


@pytest.fixture
def corpus(db, monkeypatch):
    """Many articles, so pages and word-search rounds cross many boundaries."""
    insert_sample(db)
    populate(db, copies=6)
    # small rounds, so the words are checked over many id ranges
    monkeypatch.setattr(statements, "WORDS_CHUNK", 3)
    monkeypatch.setattr(statements, "WORDS_CHUNK_MAX", 5)
    return db


def filter_cases(db) -> list[statements.StatementFilters]:
    biden, harbour = source_id(db, "joe-biden"), source_id(db, "harbour-board")
    white_house, kremlin = source_id(db, "white-house"), source_id(db, "kremlin")
    event = db.execute(
        "INSERT INTO events (title, created_at) VALUES ('Talks', '2026-01-01')"
    ).lastrowid
    db.execute(
        "INSERT INTO event_statements (event_id, statement_id) "
        "SELECT ?, id FROM statements WHERE id % 3 = 0",
        [event],
    )
    F = statements.StatementFilters
    return [
        F(),
        F(source_ids=[biden]),
        F(source_ids=[biden, harbour, kremlin]),
        F(source_ids=[biden], type="indirect"),
        F(source_ids=[biden], text_query="Biden"),
        F(source_ids=[harbour], text_query="the"),
        F(source_ids=[]),
        F(text_query="the"),
        F(text_query="Poetin", language="nl"),
        F(via_ids=[white_house]),
        F(via_ids=[white_house], source_ids=[biden]),
        F(type="direct", language="en"),
        F(since="2022"),
        F(event_id=event),
        F(event_id=event, text_query="the"),
    ]


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_api_statement_pages_give_every_match_once_newest_first(corpus, limit):
    for filters in filter_cases(corpus):
        expected = reference_ids(corpus, filters)
        got = paged_ids(corpus, filters, limit)
        assert got == expected, filters
    assert reference_ids(corpus, statements.StatementFilters(text_query="the"))


def test_api_pages_follow_next_tokens_without_gaps(client, corpus):
    expected = reference_ids(corpus, statements.StatementFilters(text_query="the"))
    ids, url = [], "/api/v1/statements?q=the&limit=2"
    while url:
        body = client.get(url).get_json()
        ids += [item["id"] for item in body["items"]]
        url = body["next_url"]
    assert ids == expected and len(expected) > 4


def csv_statement_ids(text: str) -> list[int]:
    """Statement ids of a CSV export in row order, each repeated run kept once."""
    ids: list[int] = []
    for row in csv.DictReader(io.StringIO(text)):
        statement = int(row["statement_id"])
        if not ids or ids[-1] != statement:
            ids.append(statement)
    return ids


@pytest.mark.parametrize("query", ["source={biden}", "source={biden}&q=Oekraïne", "q=the"])
def test_export_gives_every_statement_once_in_order_across_batches(
    client, corpus, monkeypatch, query
):
    monkeypatch.setattr(exports, "EXPORT_BATCH", 2)
    biden = source_id(corpus, "joe-biden")
    query = query.format(biden=biden)
    filters = statements.StatementFilters(
        source_ids=[biden] if "source" in query else None,
        text_query=query.split("q=")[1] if "q=" in query else None,
    )
    expected = reference_ids(corpus, filters)
    text = client.get(f"/api/v1/statements.csv?{query}").get_data(as_text=True)
    ids = csv_statement_ids(text)
    assert ids == expected and len(ids) == len(set(ids)) and len(ids) > 2
    lines = client.get(f"/api/v1/statements.ndjson?{query}").get_data(as_text=True).splitlines()
    assert [json.loads(line)["id"] for line in lines] == expected


# ---------------------------------------------------------------- search counts


def test_search_count_is_capped_and_said_as_more_than(client, corpus, monkeypatch):
    matches = len(reference_ids(corpus, statements.StatementFilters(text_query="the")))
    monkeypatch.setattr(search, "MATCH_COUNT_CAP", 3)
    assert matches > 3
    html = client.get("/search?q=the").get_data(as_text=True)
    assert "More than 3 matching statements" in html
    body = client.get("/search.json?q=the").get_json()
    assert (body["matches"], body["matches_capped"]) == (3, True)

    few = len(reference_ids(corpus, statements.StatementFilters(text_query="Poetin")))
    monkeypatch.setattr(search, "MATCH_COUNT_CAP", few)
    body = client.get("/search.json?q=Poetin").get_json()
    assert (body["matches"], body["matches_capped"]) == (few, False)
    assert f"{few} matching statements" in client.get("/search?q=Poetin").get_data(as_text=True)


@pytest.mark.parametrize("sort", ["recent", "relevance"])
def test_search_pages_have_no_gaps_or_duplicates(client, corpus, sort):
    expected = set(reference_ids(corpus, statements.StatementFilters(text_query="the")))
    ids, url = [], f"/search.json?q=the&sort={sort}&limit=2"
    while url:
        body = client.get(url).get_json()
        ids += [row["id"] for row in body["items"]]
        url = body["next_url"]
    assert len(ids) == len(set(ids)) and set(ids) == expected
    if sort == "recent":
        assert ids == sorted(ids, reverse=True)


def test_totals_are_kept_when_rows_are_written_with_plain_sql(db_path):
    """Scripts that bulk-load rows (the benchmark data) get right totals without calling us."""
    db = open_database(db_path)
    db.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute("INSERT INTO sources (id, name, slug, created_at) VALUES (1, 'A', 'a', 'now')")
        conn.execute(
            "INSERT INTO articles (id, language, body, content_hash, imported_at) "
            "VALUES (1, 'en', 'x', 'h', 'now')"
        )
        conn.executemany(
            'INSERT INTO statements (id, article_id, idx, paragraph, start, "end", text) '
            "VALUES (?, 1, ?, 0, 0, 1, 'x')",
            [(i, i) for i in range(1, 5)],
        )
        conn.executemany(
            "INSERT INTO attributions (statement_id, speaker_source_id, speaker_name, type, "
            "confidence) VALUES (?, 1, 'A', 'direct', 0.5)",
            [(1,), (1,), (3,)],
        )
    conn.close()
    db = open_database(db_path)
    assert totals.site_totals(db)["attributed_statements"] == 2
    assert totals.source_totals(db, [1])[1] == {
        "speaker_claims": 3,
        "speaker_statements": 2,
        "relayed_claims": 0,
    }
    assert_totals_right(db)


def test_a_filtered_search_reads_a_bounded_number_of_matches_per_page(client, corpus, monkeypatch):
    """A filter that rules out most matches leaves short pages, never a gap or a repeat."""
    monkeypatch.setattr(search, "SCAN_LIMIT", 3)
    expected = [
        statement_id
        for statement_id in reference_ids(corpus, statements.StatementFilters(text_query="the"))
        if corpus.execute(
            "SELECT a.publisher FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.id = ?",
            [statement_id],
        ).fetchone()[0]
        == "Test Times"
    ]
    assert len(expected) >= 2
    ids, url, pages = [], "/search.json?q=the&publisher=Test+Times&_sort_desc=id&_size=2", []
    while url:
        body = client.get(url).get_json()
        pages.append(body)
        ids += [row["id"] for row in body["items"]]
        url = body["next_url"]
    assert ids == expected
    assert any(len(page["items"]) < 2 for page in pages[:-1])  # some pages stopped early
    back, url = [], pages[-1]["previous_url"]
    while url:
        body = client.get(url).get_json()
        back = [row["id"] for row in body["items"]] + back
        url = body["previous_url"]
    assert back + [row["id"] for row in pages[-1]["items"]] == expected
    assert pages[0]["total_exact"] is False
