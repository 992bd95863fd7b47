"""One JSON (#14): a web page's .json twin and the API give the same object, the same list
keys, the same error envelope and the same CSV columns."""

from __future__ import annotations

import csv
import io

import pytest
from api_sample import populate
from web_sample import insert_sample

from claimtrack.store.events import create_event

LIST_KEYS = {
    "ok",
    "items",
    "total",
    "total_exact",
    "sort",
    "sort_desc",
    "size",
    "next",
    "next_url",
    "previous",
    "previous_url",
}


@pytest.fixture
def sample(db):
    ids = insert_sample(db)
    articles = populate(db, copies=2)
    ids["more_event"] = create_event(db, "Haven", "2022-01", article_ids=articles[1::2])
    return ids


def test_a_statement_is_the_same_object_on_its_page_and_in_the_api(client, sample):
    for statement_id in sample["statements"].values():
        page = client.get(f"/statements/{statement_id}.json").get_json()
        api = client.get(f"/api/v1/statements/{statement_id}").get_json()
        assert page["statement"] == api
        assert api["attributions"] == [] or "chain" in api["attributions"][0]


def test_a_source_is_the_same_object_on_its_page_and_in_the_api(client, sample):
    for slug, source_id in sample["sources"].items():
        page = client.get(f"/sources/{slug}.json").get_json()
        assert page["source"] == client.get(f"/api/v1/sources/{source_id}").get_json()
        # and its statements are one list, in the order each route is asked for
        for sort in ("_sort_desc=id", "_sort_desc=date", "_sort=date&_size=1"):
            twin = client.get(f"/sources/{slug}.json?{sort}").get_json()
            api = client.get(f"/api/v1/sources/{source_id}/claims?{sort}").get_json()
            assert twin["items"] == api["items"]
            assert (twin["total"], twin["next"]) == (api["total"], api["next"])


def test_an_event_is_the_same_object_on_its_page_and_in_the_api(client, sample):
    for event_id in (sample["event"], sample["more_event"]):
        page = client.get(f"/events/{event_id}.json").get_json()
        assert page["event"] == client.get(f"/api/v1/events/{event_id}").get_json()


def test_an_article_is_the_same_object_on_its_page_and_in_the_api(client, sample):
    for article_id in sample["articles"]:
        page = client.get(f"/articles/{article_id}.json").get_json()
        assert page["article"] == client.get(f"/api/v1/articles/{article_id}").get_json()


@pytest.mark.parametrize(
    "twin, api",
    [
        ("/articles.json?_sort_desc=id", "/api/v1/articles"),
        ("/sources.json?_sort_desc=id", "/api/v1/sources"),
        ("/events.json?_sort_desc=id", "/api/v1/events"),
        (
            "/articles.json?language=nl&_size=2",
            "/api/v1/articles?language=nl&_sort_desc=date&_size=2",
        ),
        (
            "/sources.json?kind=person&_facet=kind",
            "/api/v1/sources?kind=person&_sort=name&_facet=kind",
        ),
    ],
)
def test_a_list_is_the_same_on_its_page_and_in_the_api(client, sample, twin, api):
    from_page, from_api = client.get(twin).get_json(), client.get(api).get_json()
    assert set(from_page) >= LIST_KEYS and set(from_api) >= LIST_KEYS
    for key in ("items", "total", "total_exact", "sort", "sort_desc", "next", "facets"):
        assert from_page.get(key) == from_api.get(key), key


def test_page_tokens_work_across_the_twin_and_the_api(client, sample):
    first = client.get("/api/v1/articles?_sort_desc=date&_size=2").get_json()
    following = client.get(f"/articles.json?_size=2&_next={first['next']}").get_json()
    again = client.get(f"/api/v1/articles?_sort_desc=date&_size=2&_next={first['next']}")
    assert following["items"] == again.get_json()["items"]


def test_errors_have_one_envelope_everywhere(client, sample):
    for url, status in [
        ("/sources/nobody.json", 404),
        ("/api/v1/sources/999", 404),
        ("/api/v1/statements?source=nobody", 404),
        ("/search.json?q=biden&source=nobody", 404),
        ("/articles.json?_size=0", 422),
        ("/api/v1/articles?_size=0", 422),
        ("/articles.json?_sort=colour", 422),
        ("/api/v1/articles?_sort=colour", 422),
        ("/articles.json?colour=red", 422),
        ("/api/v1/articles?colour=red", 422),
        ("/events.json?_next=bm90LWEtdG9rZW4", 422),
        ("/api/v1/events?_next=bm90LWEtdG9rZW4", 422),
    ]:
        response = client.get(url)
        body = response.get_json()
        assert response.status_code == status, url
        assert set(body) == {"ok", "error", "errors", "status"} and body["ok"] is False, url
        assert body["status"] == status


def test_the_html_page_ignores_what_its_twin_refuses(client, sample):
    assert client.get("/articles?utm_source=mail").status_code == 200
    assert client.get("/articles.json?utm_source=mail").status_code == 422
    assert client.get("/articles?_size=0").status_code == 400


def test_statement_lists_have_the_same_csv_columns_everywhere(client, sample):
    slug = "joe-biden"
    headers = {
        url: next(csv.reader(io.StringIO(client.get(url).get_data(as_text=True))))
        for url in (
            f"/sources/{slug}.csv",
            f"/sources/{slug}/relays.csv",
            f"/events/{sample['event']}.csv",
            "/api/v1/statements.csv",
        )
    }
    first = next(iter(headers.values()))
    assert all(header == first for header in headers.values()), headers
    assert first[:3] == ["statement_id", "article_id", "article_title"]
    assert {"attribution_type", "speaker", "via", "chain"} <= set(first)
    search = next(csv.reader(io.StringIO(client.get("/search.csv?q=biden").get_data(as_text=True))))
    assert search == [*first, "snippet"]


def test_the_older_parameter_names_keep_working(client, sample):
    new = client.get("/api/v1/articles?_size=2").get_json()
    old = client.get("/api/v1/articles?limit=2").get_json()
    assert new["items"] == old["items"]
    assert client.get(f"/api/v1/articles?limit=2&next={new['next']}").status_code == 200
    page = client.get("/sources.json?limit=2").get_json()
    assert client.get(f"/sources.json?limit=2&after={page['next']}").get_json()["items"]
    recent = client.get("/search.json?q=biden&sort=recent").get_json()
    assert recent["sort"] == "id" and recent["sort_desc"] is True


def test_page_tokens_made_before_the_change_still_lead_on(client, sample):
    from claimtrack.store.cursors import encode_cursor

    first = client.get("/api/v1/statements?limit=3").get_json()
    older = encode_cursor([first["items"][-1]["id"]])  # the API's token was the last row's id
    again = client.get(f"/api/v1/statements?limit=3&next={older}").get_json()
    assert again["items"] == client.get(first["next_url"]).get_json()["items"]
    page = client.get("/sources.json?limit=2").get_json()
    last = page["items"][-1]
    older = encode_cursor([last["name"], last["id"]])  # the pages' token: the sort key
    following = client.get(f"/sources.json?limit=2&after={older}").get_json()
    assert following["items"] == client.get(page["next_url"]).get_json()["items"]
