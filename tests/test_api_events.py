"""Events through the API: create, list, read, and compare two accounts."""

from __future__ import annotations

import pytest
from api_sample import populate

from claimtrack.store import open_database

AUTH = {"Authorization": "Bearer test-token"}


@pytest.fixture
def article_ids(db_path):
    db = open_database(db_path)
    ids = populate(db, copies=1)
    db.close()
    return ids


def test_create_list_and_read_an_event(client, article_ids):
    response = client.post(
        "/api/v1/events",
        json={
            "title": "Telefoongesprek Biden-Poetin",
            "date": "2021-04-13",
            "participants": ["Biden", "het Kremlin"],
            "articles": [article_ids[0]],
        },
        headers=AUTH,
    )
    assert response.status_code == 201, response.get_json()
    event = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/events/{event['id']}")
    assert event["date_precision"] == "day"
    assert event["statement_count"] == 4
    assert sorted(p["name"] for p in event["participants"]) == ["Joe Biden", "Kremlin"]
    assert client.get(f"/api/v1/events/{event['id']}").get_json() == event
    listed = client.get("/api/v1/events").get_json()
    assert [e["id"] for e in listed["items"]] == [event["id"]]


def test_event_refers_only_to_stored_records(client, article_ids):
    response = client.post(
        "/api/v1/events", json={"title": "Top", "statements": [987654]}, headers=AUTH
    )
    assert response.status_code == 422
    assert "statements" in response.get_json()["errors"]
    response = client.post(
        "/api/v1/events", json={"title": "Top", "participants": ["..."]}, headers=AUTH
    )
    assert response.status_code == 422
    assert client.get("/api/v1/events").get_json()["items"] == []


def test_compare_needs_an_existing_event_and_both_sides(client, article_ids):
    assert client.get("/api/v1/events/987654/compare?a=Witte Huis&b=Kremlin").status_code == 404
    event = client.post("/api/v1/events", json={"title": "Gesprek"}, headers=AUTH).get_json()
    missing = client.get(f"/api/v1/events/{event['id']}/compare?a=Witte Huis")
    assert missing.status_code == 422 and "b" in missing.get_json()["errors"]


def test_compare_splits_the_event_into_each_sides_account(client, article_ids):
    event = client.post(
        "/api/v1/events", json={"title": "Gesprek", "articles": [article_ids[0]]}, headers=AUTH
    ).get_json()
    comparison = client.get(
        f"/api/v1/events/{event['id']}/compare", query_string={"a": "Witte Huis", "b": "Kremlin"}
    ).get_json()
    assert comparison["sides"] == ["White House", "Kremlin"]
    side_a = {s["text"] for row in comparison["rows"] for s in row["a"]}
    side_b = {s["text"] for row in comparison["rows"] for s in row["b"]}
    assert "Volgens het Kremlin stelde Poetin een ontmoeting voor." in side_b
    assert "Volgens het Kremlin stelde Poetin een ontmoeting voor." not in side_a
    assert any("meldt het Witte Huis" in text for text in side_a)
