"""GET /api/v1/statements: filters, keyset pagination, exports and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlsplit

import pytest
from api_sample import DUTCH_SENTENCES, ENGLISH_SENTENCES, populate

from claimtrack.store import open_database


@pytest.fixture
def stored(db_path):
    """Three copies each of the Dutch and the English sample article."""
    db = open_database(db_path)
    article_ids = populate(db, copies=3)
    db.close()
    return article_ids


def texts(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [item["text"] for item in response.get_json()["items"]]


def test_source_filter_accepts_alias_name_slug_and_id(client, stored):
    by_alias = texts(client.get("/api/v1/statements?source=Witte Huis"))
    assert by_alias == [DUTCH_SENTENCES[0][0]] * 3
    source_id = client.get("/api/v1/statements?source=Witte Huis").get_json()["items"][0][
        "attributions"
    ][0]["speaker"]["source_id"]
    slug = client.get(f"/api/v1/sources/{source_id}").get_json()["slug"]
    assert texts(client.get(f"/api/v1/statements?source={slug}")) == by_alias
    assert texts(client.get(f"/api/v1/statements?source={source_id}")) == by_alias
    assert texts(client.get("/api/v1/statements?source=the White House")) == by_alias


def test_a_filter_naming_no_source_is_a_404(client, stored):
    for name in ("source", "via"):
        response = client.get(f"/api/v1/statements?{name}=Nobody At All")
        assert response.status_code == 404
        body = response.get_json()
        assert body["ok"] is False and body["status"] == 404 and name in body["errors"]
    assert client.get("/search.json?q=the&source=Nobody At All").status_code == 404
    assert client.get("/api/v1/statements.csv?source=Nobody At All").status_code == 404


def test_via_filter_finds_claims_passed_on_by_a_source(client, stored):
    relayed = texts(client.get("/api/v1/statements?via=Witte Huis"))
    assert relayed == [DUTCH_SENTENCES[3][0]] * 3
    assert texts(client.get("/api/v1/statements?via=Kremlin")) == []


def test_type_language_article_and_text_filters(client, stored):
    assert texts(client.get("/api/v1/statements?type=according_to")) == [DUTCH_SENTENCES[2][0]] * 3
    english = texts(client.get("/api/v1/statements?language=en"))
    assert sorted(set(english)) == sorted(s for s, _ in ENGLISH_SENTENCES)
    assert len(english) == 6
    one_article = texts(client.get(f"/api/v1/statements?article={stored[0]}"))
    assert sorted(one_article) == sorted(s for s, _ in DUTCH_SENTENCES)
    assert texts(client.get("/api/v1/statements?q=oekraine steunen")) == [DUTCH_SENTENCES[3][0]] * 3
    assert texts(client.get('/api/v1/statements?q=" OR 1')) == []


def test_speaker_and_type_must_hold_for_the_same_attribution(client, stored):
    assert texts(client.get("/api/v1/statements?source=Kremlin&type=direct")) == []
    assert len(texts(client.get("/api/v1/statements?source=Kremlin&type=according_to"))) == 3


def test_date_filters_compare_at_the_precision_given(client, stored):
    assert set(texts(client.get("/api/v1/statements?since=2022"))) == {
        s for s, _ in ENGLISH_SENTENCES
    }
    assert set(texts(client.get("/api/v1/statements?until=2021-04"))) == {
        s for s, _ in DUTCH_SENTENCES
    }
    assert texts(client.get("/api/v1/statements?since=2021-04-14&until=2021-12")) == []


def test_event_filter(client, stored):
    event = client.post(
        "/api/v1/events",
        json={"title": "Harbour reopening", "articles": [stored[1]]},
        headers={"Authorization": "Bearer test-token"},
    ).get_json()
    in_event = texts(client.get(f"/api/v1/statements?event={event['id']}"))
    assert sorted(in_event) == sorted(s for s, _ in ENGLISH_SENTENCES)


def test_pagination_walks_every_row_exactly_once(client, stored):
    everything = client.get("/api/v1/statements?limit=500").get_json()
    assert everything["next"] is None and everything["next_url"] is None
    expected = [item["id"] for item in everything["items"]]
    assert len(expected) == 18

    seen, url, pages = [], "/api/v1/statements?limit=4", 0
    while url:
        page = client.get(url).get_json()
        seen += [item["id"] for item in page["items"]]
        assert len(page["items"]) <= 4
        pages += 1
        next_url = page["next_url"]
        url = None if next_url is None else urlsplit(next_url).path + "?" + urlsplit(next_url).query
    assert seen == expected
    assert pages == 5


def test_pagination_keeps_the_filters_in_next_url(client, stored):
    first = client.get("/api/v1/statements?language=nl&limit=5").get_json()
    assert "language=nl" in first["next_url"]
    rest = client.get("/api/v1/statements?language=nl&limit=50&next=" + first["next"]).get_json()
    ids = [i["id"] for i in first["items"]] + [i["id"] for i in rest["items"]]
    assert len(ids) == len(set(ids)) == 12


def test_page_is_not_shifted_by_rows_added_meanwhile(client, stored, db_path):
    first = client.get("/api/v1/statements?limit=6").get_json()
    db = open_database(db_path)
    populate(db, copies=4)  # adds one more copy of each article (the first three exist)
    db.close()
    second = client.get("/api/v1/statements?limit=6&next=" + first["next"]).get_json()
    assert max(i["id"] for i in second["items"]) < min(i["id"] for i in first["items"])


def test_one_statement_with_article_and_attributions(client, stored):
    first_id = client.get("/api/v1/statements?source=Joe Biden").get_json()["items"][0]["id"]
    statement = client.get(f"/api/v1/statements/{first_id}").get_json()
    assert statement["text"] == DUTCH_SENTENCES[3][0]
    (attribution,) = statement["attributions"]
    assert attribution["type"] == "direct"
    assert attribution["content"]["text"] == "We blijven Oekraïne steunen"
    assert [v["name"] for v in attribution["via"]] == ["White House"]
    assert statement["article"]["language"] == "nl"


def test_csv_export_has_one_row_per_attribution_with_the_filters_applied(client, stored):
    response = client.get("/api/v1/statements.csv?language=en")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 6
    claims = [r for r in rows if r["speaker"]]
    assert {r["speaker"] for r in claims} == {"Port Authority"}
    assert {r["content"] for r in claims} == {"The harbour will reopen on Monday"}


def test_ndjson_export_streams_every_matching_statement(client, stored):
    response = client.get("/api/v1/statements.ndjson")
    assert response.mimetype == "application/x-ndjson"
    lines = response.get_data(as_text=True).splitlines()
    assert len(lines) == 18
    first = json.loads(lines[0])
    assert set(first) >= {"id", "text", "attributions", "article"}
    by_source = client.get("/api/v1/statements.ndjson?source=Kremlin").get_data(as_text=True)
    assert len(by_source.splitlines()) == 3


def test_export_refuses_paging_parameters(client, stored):
    assert client.get("/api/v1/statements.csv?limit=5").status_code == 422


def test_statement_as_claimreview_jsonld(client, stored):
    item = client.get("/api/v1/statements?source=Witte Huis").get_json()["items"][0]
    response = client.get(f"/api/v1/statements/{item['id']}.jsonld")
    assert response.mimetype == "application/ld+json"
    document = response.get_json(force=True)
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ClaimReview"
    claim = document["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {
        "@type": "Organization",
        "name": "White House",
        "url": f"http://localhost/api/v1/sources/{item['attributions'][0]['speaker']['source_id']}",
    }
    assert claim["datePublished"] == "2021-04-13"
    assert claim["appearance"]["url"] == item["article"]["url"]
    assert document["claimReviewed"] == (
        "De Verenigde Staten willen de spanningen met Rusland verminderen"
    )


def test_claimant_of_a_relayed_claim_is_who_made_it(client, stored):
    item = client.get("/api/v1/statements?via=Witte Huis").get_json()["items"][0]
    document = client.get(f"/api/v1/statements/{item['id']}.jsonld").get_json(force=True)
    assert document["itemReviewed"]["author"]["name"] == "Joe Biden"
    assert document["itemReviewed"]["author"]["@type"] == "Person"
    assert document["claimReviewed"] == "We blijven Oekraïne steunen"
