"""The read model's lists behind the pages: keyset paging both ways, claim order, the copied
article dates."""

from __future__ import annotations

import sqlite3

import pytest

from claimtrack.store import open_database
from claimtrack.store.cursors import BadCursor
from claimtrack.store.reads import articles, search, sources, statements
from claimtrack.store.reads.listing import ListRequest
from claimtrack.store.schema import MIGRATIONS

NOW = "2026-01-01T00:00:00+00:00"


def add_article(db, number: int, date: str | None, claims: int, speaker: int, relay: int | None):
    """An article with `claims` statements, each said by `speaker` (relayed by `relay`)."""
    sentences = [f"Zin {number}-{i} over de haven." for i in range(claims)]
    body = " ".join(sentences)
    article_id = (
        db["articles"]
        .insert(
            {
                "title": f"Artikel {number}",
                "language": "nl",
                "date": date,
                "body": body,
                "content_hash": f"h{number}",
                "imported_at": NOW,
            }
        )
        .last_pk
    )
    position = 0
    for index, sentence in enumerate(sentences):
        statement_id = (
            db["statements"]
            .insert(
                {
                    "article_id": article_id,
                    "idx": index,
                    "paragraph": 0,
                    "start": position,
                    "end": position + len(sentence),
                    "text": sentence,
                }
            )
            .last_pk
        )
        position += len(sentence) + 1
        attribution_id = (
            db["attributions"]
            .insert(
                {
                    "statement_id": statement_id,
                    "speaker_source_id": speaker,
                    "speaker_name": "Spreker",
                    "type": "indirect",
                    "confidence": 0.9,
                }
            )
            .last_pk
        )
        if relay:
            db["attribution_via"].insert(
                {
                    "attribution_id": attribution_id,
                    "position": 0,
                    "source_id": relay,
                    "name": "Doorgever",
                }
            )
    return article_id


@pytest.fixture
def corpus(db):
    speaker = (
        db["sources"].insert({"name": "Spreker", "slug": "spreker", "created_at": NOW}).last_pk
    )
    relay = (
        db["sources"].insert({"name": "Doorgever", "slug": "doorgever", "created_at": NOW}).last_pk
    )
    dates = ["2020-05-01", None, "2021", "2021-03", "2019-12-31", None, "2021-03-02"]
    articles = [add_article(db, n, d, 3, speaker, relay) for n, d in enumerate(dates)]
    return {"speaker": speaker, "relay": relay, "articles": articles, "dates": dates}


def walk(fetch, limit: int, sort=None, descending=None) -> list[dict]:
    """Every row of a keyset-paged list, page by page, then checked backwards with `previous`."""
    rows, token, pages = [], None, []
    while True:
        page = fetch(ListRequest(sort, descending, limit, token))
        assert len(page.items) <= limit
        pages.append([r["id"] for r in page.items])
        rows += page.items
        token = page.next
        if token is None:
            break
    # back from the last page: every previous page holds the same rows as on the way forward
    back = page.previous
    for expected in reversed(pages[:-1]):
        earlier = fetch(ListRequest(sort, descending, limit, back))
        assert [r["id"] for r in earlier.items] == expected
        back = earlier.previous
    assert back is None
    return rows


def claims(db, source_id, role="speaker"):
    return lambda request: statements.source_statements(db, source_id, role, request=request)


def expected_order(rows: list[dict]) -> list[tuple]:
    dated = sorted(
        (r for r in rows if r["article"]["date"]),
        key=lambda r: (r["article"]["date"], r["article_id"]),
        reverse=True,
    )
    undated = sorted(
        (r for r in rows if not r["article"]["date"]), key=lambda r: r["article_id"], reverse=True
    )
    return [(r["article_id"], r["index"]) for r in dated + undated]


@pytest.mark.parametrize("limit", [1, 2, 4, 50])
def test_claims_come_newest_article_first_undated_last_in_text_order(db, corpus, limit):
    rows = walk(claims(db, corpus["speaker"]), limit)
    assert len(rows) == 21 and len({r["id"] for r in rows}) == 21
    order = [(r["article_id"], r["index"]) for r in rows]
    by_article = {}
    for article_id, idx in order:
        by_article.setdefault(article_id, []).append(idx)
    assert all(idxs == [0, 1, 2] for idxs in by_article.values())
    assert order == sorted(order, key=lambda pair: expected_order(rows).index(pair))
    assert [r["article"]["date"] for r in rows][-6:] == [None] * 6


@pytest.mark.parametrize("limit", [1, 5])
def test_relays_page_through_the_same_order(db, corpus, limit):
    rows = walk(claims(db, corpus["relay"], "relay"), limit)
    assert len(rows) == 21
    assert rows[0]["article"]["date"] == "2021-03-02"
    assert all(r["attributions"][0]["chain"][-2]["name"] == "Doorgever" for r in rows)


def test_claims_ascending_are_the_descending_ones_reversed(db, corpus):
    newest = walk(claims(db, corpus["speaker"]), 4)
    oldest = walk(claims(db, corpus["speaker"]), 4, "date", False)
    assert [r["id"] for r in oldest] == [r["id"] for r in reversed(newest)]


def test_changing_an_article_date_moves_its_claims(db, corpus):
    oldest = corpus["articles"][4]  # 2019-12-31
    db.execute("UPDATE articles SET date = '2030-01-01' WHERE id = ?", [oldest])
    first = claims(db, corpus["speaker"])(ListRequest(size=1)).items[0]
    assert first["article_id"] == oldest
    relayed = claims(db, corpus["relay"], "relay")(ListRequest(size=1)).items[0]
    assert relayed["article_id"] == oldest


def test_merged_speaker_keeps_its_claims_in_order(db, corpus):
    from claimtrack.store.sources import merge_sources

    other = db["sources"].insert({"name": "Ander", "slug": "ander", "created_at": NOW}).last_pk
    add_article(db, 99, "2022-01-01", 2, other, None)
    merge_sources(db, corpus["speaker"], other)
    page = statements.source_statements(db, corpus["speaker"])
    assert page.total == 23 and page.total_exact
    assert page.items[0]["article"]["date"] == "2022-01-01"


def test_a_next_token_from_another_list_or_sort_is_refused(db, corpus):
    token = sources.list_sources(db, request=ListRequest(size=1)).next
    with pytest.raises(BadCursor):
        statements.source_statements(db, corpus["speaker"], request=ListRequest(token=token))
    token = articles.list_articles(db, request=ListRequest(size=1)).next
    with pytest.raises(BadCursor):
        articles.list_articles(db, request=ListRequest("id", True, token=token))


def test_source_stats_count_speaker_and_relay_roles(db, corpus):
    source = sources.source_by_slug(db, "doorgever")
    assert source["speaker_claims"] == 0 and source["relayed_claims"] == 21
    assert source["first_seen"] == "2019-12-31" and source["last_seen"] == "2021-03-02"
    assert source["languages"] == ["nl"]
    assert sources.source_by_slug(db, "spreker")["statement_count"] == 21


def test_upgrading_a_version_1_database_fills_the_copied_dates(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (id, language, date, body, content_hash, imported_at) "
        "VALUES (1, 'en', '2021-04-13', 'He said so.', 'x', 'now')"
    )
    conn.execute(
        'INSERT INTO statements (id, article_id, idx, paragraph, start, "end", text) '
        "VALUES (1, 1, 0, 0, 0, 11, 'He said so.')"
    )
    # a name, not a pronoun: since schema 6 a stored pronoun loses its source (#13)
    conn.execute(
        "INSERT INTO sources (id, name, slug, created_at) VALUES (1, 'Ilse Varn', 'ilse-varn', 'now')"
    )
    conn.execute(
        "INSERT INTO attributions (id, statement_id, speaker_source_id, speaker_name, "
        "type, confidence) VALUES (1, 1, 1, 'Ilse Varn', 'indirect', 0.9)"
    )
    conn.execute(
        "INSERT INTO attribution_via (attribution_id, position, source_id, name) "
        "VALUES (1, 0, 1, 'Ilse Varn')"
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    assert db.execute("SELECT article_id, article_date FROM attributions").fetchone() == (
        1,
        "2021-04-13",
    )
    assert db.execute("SELECT article_date FROM attribution_via").fetchone() == ("2021-04-13",)
    assert statements.source_statements(db, 1).items[0]["text"] == "He said so."
    db.close()


def test_search_over_many_matches_switches_to_latest_first(db, corpus, monkeypatch):
    monkeypatch.setattr(search, "RANK_LIMIT", 5)
    page = search.search_statements(db, "haven", request=ListRequest(size=4))
    assert page.sort == "id" and page.extra["matches"] == 21
    assert page.total == 21 and page.total_exact

    def fetch(request):
        return search.search_statements(db, "haven", request=request)

    rows = walk(fetch, 4, "id", True)
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids, reverse=True) and len(ids) == 21
    ranked = walk(lambda request: search.search_statements(db, '"Zin 3-1"', request=request), 1)
    assert ranked[0]["text"] == "Zin 3-1 over de haven."
    assert "\x02" in ranked[0]["snippet"]


@pytest.mark.parametrize("limit", [1, 3])
def test_articles_list_pages_newest_first_with_undated_last(db, corpus, limit):
    rows = walk(lambda request: articles.list_articles(db, request=request), limit)
    dates = [r["date"] for r in rows]
    assert dates == ["2021-03-02", "2021-03", "2021", "2020-05-01", "2019-12-31", None, None]
    assert all(r["statement_count"] == 3 for r in rows)
    oldest = walk(lambda request: articles.list_articles(db, request=request), limit, "date", False)
    assert [r["date"] for r in oldest] == [None, None, *reversed(dates[:5])]


def test_a_token_of_the_older_form_still_leads_to_the_next_page(db, corpus):
    from claimtrack.store.cursors import encode_cursor

    first = articles.list_articles(db, request=ListRequest(size=2))
    last = first.items[-1]
    older = encode_cursor([last["date"], last["id"]])  # what the article pages used to make
    following = articles.list_articles(db, request=ListRequest(size=2, token=older))
    assert (
        following.items
        == articles.list_articles(db, request=ListRequest(size=2, token=first.next)).items
    )
