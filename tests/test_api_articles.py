"""POST /api/v1/articles through the real engine, and the round trip a newsroom makes.

The articles are written for these tests.
"""

from __future__ import annotations

import pytest

AUTH = {"Authorization": "Bearer test-token"}

DUTCH_ARTICLE = {
    "title": "Biden en Poetin bellen over Oekraïne",
    "publisher": "De Testkrant",
    "language": "nl",
    "date": "2021-04-13",
    "url": "https://example.org/biden-poetin",
    "body": (
        "De Amerikaanse president Joe Biden heeft dinsdag met de Russische president "
        "Vladimir Poetin gebeld.\n\n"
        "Biden wil de spanningen rond Oekraïne verminderen, meldt het Witte Huis. "
        "Hij stelde een ontmoeting in een derde land voor.\n\n"
        "Volgens het Kremlin sprak Poetin over de Amerikaanse sancties."
    ),
}

ENGLISH_ARTICLE = {
    "title": "Kremlin gives its account of the call",
    "publisher": "Test Gazette",
    "language": "en",
    "date": "2021-04-13",
    "body": (
        "Putin told Biden that new sanctions would harm relations, the Kremlin said.\n\n"
        "The two presidents agreed to keep talking."
    ),
}


def post_article(client, article):
    return client.post("/api/v1/articles", json=article, headers=AUTH)


def test_posted_article_is_stored_with_statements_and_attributions(client):
    response = post_article(client, DUTCH_ARTICLE)
    assert response.status_code == 201, response.get_json()
    article = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/articles/{article['id']}")
    assert article["title"] == DUTCH_ARTICLE["title"]
    assert article["date_precision"] == "day"
    assert article["body"] == DUTCH_ARTICLE["body"]
    texts = [s["text"] for s in article["statements"]]
    assert "Biden wil de spanningen rond Oekraïne verminderen, meldt het Witte Huis." in texts
    for statement in article["statements"]:
        assert article["body"][statement["start"] : statement["end"]] == statement["text"]
    speakers = {a["speaker"]["name"] for s in article["statements"] for a in s["attributions"]}
    assert "White House" in speakers
    assert client.get(f"/api/v1/articles/{article['id']}").get_json() == article
    listed = client.get("/api/v1/articles").get_json()["items"]
    assert [a["id"] for a in listed] == [article["id"]]
    assert listed[0]["statement_count"] == len(article["statements"])


def test_same_article_twice_is_a_409_naming_the_stored_one(client):
    first = post_article(client, DUTCH_ARTICLE).get_json()
    again = post_article(client, DUTCH_ARTICLE)
    assert again.status_code == 409
    assert again.get_json()["errors"]["id"] == first["id"]
    assert len(client.get("/api/v1/articles").get_json()["items"]) == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"body": "   "}, "body"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"date": "13-04-2021"}, "date"),
        ({"language": "de"}, "language"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"author": "me"}, "author"),
    ],
)
def test_invalid_article_is_a_422_and_stores_nothing(client, change, field):
    response = post_article(client, DUTCH_ARTICLE | change)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert client.get("/api/v1/articles").get_json()["items"] == []


def test_posting_needs_the_token(client):
    assert client.post("/api/v1/articles", json=DUTCH_ARTICLE).status_code == 401
    assert client.get("/api/v1/articles").get_json()["items"] == []


def test_round_trip_post_filter_by_source_and_compare(client):
    dutch = post_article(client, DUTCH_ARTICLE).get_json()
    english = post_article(client, ENGLISH_ARTICLE).get_json()

    by_source = client.get("/api/v1/statements", query_string={"source": "Witte Huis"})
    items = by_source.get_json()["items"]
    assert "Biden wil de spanningen rond Oekraïne verminderen, meldt het Witte Huis." in [
        s["text"] for s in items
    ]
    for statement in items:
        assert statement["article"]["id"] == dutch["id"]
        assert "White House" in [a["speaker"]["name"] for a in statement["attributions"]]

    event = client.post(
        "/api/v1/events",
        json={
            "title": "Telefoongesprek Biden-Poetin",
            "date": "2021-04-13",
            "participants": ["Joe Biden", "Vladimir Poetin"],
            "articles": [dutch["id"], english["id"]],
        },
        headers=AUTH,
    ).get_json()
    comparison = client.get(
        f"/api/v1/events/{event['id']}/compare", query_string={"a": "Witte Huis", "b": "Kremlin"}
    )
    assert comparison.status_code == 200
    rows = comparison.get_json()["rows"]
    side_a = {s["text"] for row in rows for s in row["a"]}
    side_b = {s["text"] for row in rows for s in row["b"]}
    assert "Biden wil de spanningen rond Oekraïne verminderen, meldt het Witte Huis." in side_a
    assert "Putin told Biden that new sanctions would harm relations, the Kremlin said." in side_b
    assert not side_a & side_b
