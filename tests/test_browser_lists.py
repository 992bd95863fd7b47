"""The list conventions in real headless Chromium (#14): sort links, a total, a facet, and
paging forward and back with the pager links."""

from __future__ import annotations

import re

import pytest
from browser_support import needs_chromium, screenshot, served_app
from web_sample import insert_sample

from claimtrack.store import open_database

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on the sample data, served on a free loopback port."""
    db_path = tmp_path_factory.mktemp("browser-lists") / "claimtrack.db"
    db = open_database(db_path)
    insert_sample(db)
    db.close()
    config = {"DATABASE": str(db_path), "ADMIN_TOKEN": "test-token", "SECRET_KEY": "browser"}
    with served_app(config) as url:
        yield url


def names(page) -> list[str]:
    return page.locator("table.sources tbody tr td:first-child").all_inner_texts()


def test_sources_sort_count_and_page_both_ways(site, page):
    page.goto(f"{site}/sources?_size=2")
    assert page.locator(".list-total").inner_text() == "7 sources"
    first = names(page)
    assert first == sorted(first) and len(first) == 2
    page.locator("a[rel=next]").click()
    page.wait_for_url(re.compile(r"_next="))
    second = names(page)
    assert second and not set(second) & set(first)
    page.locator("a[rel=prev]").click()
    page.wait_for_url(re.compile(r"_next="))
    assert names(page) == first
    assert page.locator("a[rel=prev]").count() == 0

    page.locator(".sort-links a", has_text="descending").first.click()
    page.wait_for_url(re.compile(r"_sort_desc=name"))
    assert names(page) == sorted(names(page), reverse=True)
    assert "_size=2" in page.url  # the page size is kept
    screenshot(page, "sources-sorted.png")


def test_a_facet_link_counts_and_filters(site, page):
    page.goto(f"{site}/sources")
    page.locator(".list-facets a", has_text="kind").click()
    page.wait_for_url(re.compile(r"_facet=kind"))
    person = page.locator(".list-facets a", has_text="person")
    assert person.count() == 1
    person.click()
    page.wait_for_url(re.compile(r"kind=person"))
    assert page.locator(".list-total").inner_text() == "2 sources"
