"""Every list follows the same conventions (#14, after Datasette): `_sort` / `_sort_desc`,
`_size` (capped), a total, and `next` / `previous` links that page both ways."""

from __future__ import annotations

import pytest
from api_sample import populate
from web_sample import insert_sample

from claimtrack.store.events import create_event
from claimtrack.store.reads.listing import MAX_PAGE_SIZE


@pytest.fixture
def sample(db):
    ids = insert_sample(db)
    articles = populate(db, copies=3)
    create_event(db, "Haven", "2022-01", article_ids=articles[1::2])
    create_event(db, "Zonder datum", None, article_ids=articles[:2])
    create_event(db, "Haven later", "2022-02", article_ids=articles[3:4])
    return ids


# each list: its URL and its sortable columns
LISTS = {
    "articles page": ("/articles.json", ("date", "id", "imported_at")),
    "sources page": ("/sources.json", ("name", "id", "claims")),
    "events page": ("/events.json", ("date", "id", "title")),
    "source page": ("/sources/joe-biden.json", ("date", "id")),
    "relays page": ("/sources/witte-huis/relays.json", ("date", "id")),
    "event page": ("/events/1.json", ("date", "id")),
    "search page": ("/search.json?q=the", ("rank", "id")),
    "api articles": ("/api/v1/articles", ("date", "id", "imported_at")),
    "api sources": ("/api/v1/sources", ("name", "id", "claims")),
    "api events": ("/api/v1/events", ("date", "id", "title")),
    "api statements": ("/api/v1/statements", ("id",)),
    "api statements filtered": ("/api/v1/statements?language=nl&type=indirect", ("id",)),
    "api source claims": ("/api/v1/sources/1/claims", ("id", "date")),
}


def join(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


def walk(client, url: str) -> tuple[list[list], dict]:
    """Every page of a list by its next links, then back by the previous links."""
    pages, body = [], client.get(url).get_json()
    assert body["ok"] is True, body
    first = body
    while True:
        pages.append([item["id"] for item in body["items"]])
        if body["next_url"] is None:
            break
        body = client.get(body["next_url"]).get_json()
    back = body
    for expected in reversed(pages[:-1]):
        assert back["previous_url"], "a page after the first links back"
        back = client.get(back["previous_url"]).get_json()
        assert [item["id"] for item in back["items"]] == expected
    assert back["previous_url"] is None
    return pages, first


@pytest.mark.parametrize("name", sorted(LISTS))
def test_size_pages_both_ways_and_total(client, sample, name):
    url, _sorts = LISTS[name]
    everything = client.get(join(url, f"_size={MAX_PAGE_SIZE}")).get_json()
    assert everything["next"] is None and len(everything["items"]) > 2, name
    pages, first = walk(client, join(url, "_size=2"))
    assert all(len(page) == 2 for page in pages[:-1]) and 1 <= len(pages[-1]) <= 2
    ids = [i for page in pages for i in page]
    assert ids == [item["id"] for item in everything["items"]]
    assert len(set(ids)) == len(ids)
    if first["total_exact"]:
        assert first["total"] == len(ids)
    else:  # "more than total"
        assert first["total"] < len(ids)
    assert first["size"] == 2
    refused = client.get(join(url, f"_size={MAX_PAGE_SIZE + 1}"))
    assert refused.status_code == 422 and "_size" in refused.get_json()["errors"]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_sort_column_both_ways(client, sample, name):
    url, sorts = LISTS[name]
    for column in sorts:
        up = client.get(join(url, f"_sort={column}&_size={MAX_PAGE_SIZE}")).get_json()
        down = client.get(join(url, f"_sort_desc={column}&_size={MAX_PAGE_SIZE}")).get_json()
        assert (up["sort"], up["sort_desc"]) == (column, False)
        assert (down["sort"], down["sort_desc"]) == (column, True)
        assert [i["id"] for i in up["items"]] == [i["id"] for i in reversed(down["items"])]
        pages, _first = walk(client, join(url, f"_sort_desc={column}&_size=3"))
        assert [i for page in pages for i in page] == [i["id"] for i in down["items"]]
    bad = client.get(join(url, "_sort=no_such_column"))
    assert bad.status_code == 422 and "_sort" in bad.get_json()["errors"]


def test_sorting_orders_by_the_column(client, sample):
    def values(url, key):
        return [item[key] for item in client.get(url).get_json()["items"]]

    names = values("/api/v1/sources?_sort=name&_size=500", "name")
    assert names == sorted(names)
    claims = values("/sources.json?_sort_desc=claims&_size=500", "speaker_claims")
    assert claims == sorted(claims, reverse=True)
    titles = values("/events.json?_sort=title", "title")
    assert titles == sorted(titles)
    dates = values("/articles.json?_sort=date&_size=500", "date")
    undated = [d for d in dates if d is None]
    assert dates == undated + sorted(d for d in dates if d is not None)  # undated first, as SQL


def test_lists_count_their_facets(client, sample):
    body = client.get("/articles.json?_facet=language&_facet=year").get_json()
    languages = {f["value"]: f["count"] for f in body["facets"]["language"]}
    assert sum(languages.values()) == body["total"]
    narrowed = client.get("/articles.json?language=nl").get_json()
    assert narrowed["total"] == languages["nl"]
    years = {f["value"]: f["count"] for f in body["facets"]["year"]}
    assert client.get("/articles.json?year=2022").get_json()["total"] == years["2022"]
    kinds = client.get("/api/v1/sources?_facet=kind").get_json()["facets"]["kind"]
    people = next(f["count"] for f in kinds if f["value"] == "person")
    assert client.get("/api/v1/sources?kind=person").get_json()["total"] == people
    statements = client.get("/api/v1/statements?_facet=type&_facet=publisher").get_json()
    assert {f["value"] for f in statements["facets"]["type"]} >= {"indirect", "direct"}
    search = client.get("/search.json?q=biden&_facet=source&_facet=type").get_json()
    assert any(f["label"] == "Joe Biden" for f in search["facets"]["source"])
    assert client.get("/events.json?_facet=year").get_json()["facets"]["year"]
    assert client.get("/articles.json?_facet=colour").status_code == 422


def test_html_pages_show_total_sort_links_and_both_pager_links(client, sample):
    html = client.get("/articles?_size=2").get_data(as_text=True)
    assert "articles</p>" in html and 'class="sort-links"' in html
    assert 'rel="next"' in html and 'rel="prev"' not in html
    second = client.get("/articles.json?_size=2").get_json()["next"]
    html = client.get(f"/articles?_size=2&_next={second}").get_data(as_text=True)
    assert 'rel="next"' in html and 'rel="prev"' in html
    html = client.get("/sources/joe-biden").get_data(as_text=True)
    total = client.get("/sources/joe-biden.json").get_json()["total"]
    assert f'<p class="list-total">{total} statements</p>' in html
