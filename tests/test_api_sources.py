"""Sources through the API: list, read, claims, merge and alias edits."""

from __future__ import annotations

import pytest
from api_sample import ENGLISH_SENTENCES, populate

from claimtrack.store import open_database

AUTH = {"Authorization": "Bearer test-token"}


@pytest.fixture
def stored(db_path):
    db = open_database(db_path)
    populate(db, copies=2)
    db.close()


def source_named(client, name: str) -> dict:
    page = client.get("/api/v1/sources", query_string={"q": name, "limit": 500}).get_json()
    (match,) = [s for s in page["items"] if s["name"] == name]
    return match


def test_source_list_searches_names_and_aliases(client, stored):
    found = client.get("/api/v1/sources?q=witte huis").get_json()["items"]
    assert [s["name"] for s in found] == ["White House"]
    assert found[0]["statement_count"] == 2


def test_source_list_pages_through_every_source_once(client, stored):
    total = [s["id"] for s in client.get("/api/v1/sources?limit=500").get_json()["items"]]
    seen, token = [], None
    while True:
        query = {"limit": 7} | ({"next": token} if token else {})
        page = client.get("/api/v1/sources", query_string=query).get_json()
        seen += [s["id"] for s in page["items"]]
        token = page["next"]
        if token is None:
            break
    assert seen == total and len(set(seen)) == len(seen) > 7


def test_source_detail_and_claims(client, stored):
    port = source_named(client, "Port Authority")
    detail = client.get(f"/api/v1/sources/{port['id']}").get_json()
    assert [a["alias"] for a in detail["aliases"]] == ["Port Authority"]
    claims = client.get(f"/api/v1/sources/{port['id']}/claims").get_json()["items"]
    assert [c["text"] for c in claims] == [ENGLISH_SENTENCES[0][0]] * 2
    assert client.get("/api/v1/sources/987654/claims").status_code == 404


def test_alias_added_then_usable_as_a_filter_then_removed(client, stored):
    port = source_named(client, "Port Authority")
    added = client.post(
        f"/api/v1/sources/{port['id']}/aliases",
        json={"alias": "Havenbedrijf", "language": "nl"},
        headers=AUTH,
    )
    assert added.status_code == 201
    assert {"alias": "Havenbedrijf", "language": "nl"} in [
        {k: a[k] for k in ("alias", "language")} for a in added.get_json()["aliases"]
    ]
    found = client.get("/api/v1/statements?source=het havenbedrijf").get_json()["items"]
    assert len(found) == 2

    removed = client.delete(
        f"/api/v1/sources/{port['id']}/aliases?alias=havenbedrijf", headers=AUTH
    )
    assert removed.status_code == 200
    # the name now names no source: a filter naming no source is a 404, not an empty list
    gone = client.get("/api/v1/statements?source=Havenbedrijf")
    assert gone.status_code == 404 and "source" in gone.get_json()["errors"]
    again = client.delete(f"/api/v1/sources/{port['id']}/aliases?alias=havenbedrijf", headers=AUTH)
    assert again.status_code == 404


def test_alias_that_names_another_source_is_a_409(client, stored):
    port = source_named(client, "Port Authority")
    response = client.post(
        f"/api/v1/sources/{port['id']}/aliases", json={"alias": "het Kremlin"}, headers=AUTH
    )
    assert response.status_code == 409
    assert response.get_json()["ok"] is False


def test_alias_edits_need_the_token(client, stored):
    port = source_named(client, "Port Authority")
    url = f"/api/v1/sources/{port['id']}/aliases"
    assert client.post(url, json={"alias": "Haven"}).status_code == 401
    assert client.delete(url + "?alias=Port Authority").status_code == 401


def test_merge_moves_claims_and_aliases_to_the_kept_source(client, stored):
    port = source_named(client, "Port Authority")
    kremlin = source_named(client, "Kremlin")
    response = client.post(
        f"/api/v1/sources/{port['id']}/merge", json={"into": kremlin["id"]}, headers=AUTH
    )
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["merged_id"] == port["id"]
    assert result["moved"]["attributions"] == 2
    assert result["source"]["statement_count"] == 4
    assert "Port Authority" in [a["alias"] for a in result["source"]["aliases"]]
    assert client.get(f"/api/v1/sources/{port['id']}").status_code == 404
    assert len(client.get("/api/v1/statements?source=Port Authority").get_json()["items"]) == 4


def test_merge_refusals(client, stored):
    port = source_named(client, "Port Authority")
    url = f"/api/v1/sources/{port['id']}/merge"
    assert client.post(url, json={"into": port["id"]}, headers=AUTH).status_code == 409
    unknown = client.post(url, json={"into": 987654}, headers=AUTH)
    assert unknown.status_code == 422 and "into" in unknown.get_json()["errors"]
    assert client.post(url, json={"into": "Kremlin"}, headers=AUTH).status_code == 422
    assert client.post(url, json={"into": 1}).status_code == 401
    assert (
        client.post("/api/v1/sources/987654/merge", json={"into": 1}, headers=AUTH).status_code
        == 404
    )
    assert client.get(f"/api/v1/sources/{port['id']}").status_code == 200
