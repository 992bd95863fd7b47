"""In headless Chromium: the article page's legend and hearsay marks, the side panel's
statement ids, and a statement page's links to its event and to the same claim elsewhere.

Screenshots go to test-artifacts/ (git-ignored): article-legend.png, statement-links.png.
"""

from __future__ import annotations

import re

import pytest
from browser_support import needs_chromium, screenshot, served_app
from links_sample import QUOTE, REPEAT, ZOU, insert_links_sample

from claimtrack.store import open_database

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on the invented bridge articles, served on a free loopback port."""
    db_path = tmp_path_factory.mktemp("links") / "claimtrack.db"
    db = open_database(db_path)
    ids = insert_links_sample(db)
    db.close()
    config = {"DATABASE": str(db_path), "ADMIN_TOKEN": "t", "SECRET_KEY": "links"}
    with served_app(config) as url:
        yield {"url": url, "ids": ids}


def test_legend_and_reportative_mark_are_visible(site, page):
    article_id = site["ids"]["articles"]["bridge_nl"]
    page.goto(f"{site['url']}/articles/{article_id}")
    legend = page.locator("section.legend")
    assert legend.is_visible()
    assert legend.locator("h2").inner_text() == "How to read this page"
    for item in ("claim", "cue", "mention", "reportative", "unnamed", "permalink", "ids"):
        assert legend.locator(f"li.legend-{item}").is_visible(), item
    zou = page.locator(f"#s-{site['ids']['statements'][ZOU]}")
    mark = zou.locator(".hearsay-mark.mark-reportative")
    assert mark.is_visible() and mark.inner_text() == "≈ reported"
    # the same badge text is what the legend explains
    legend_mark = legend.locator("li.legend-reportative .hearsay-mark")
    assert legend_mark.inner_text() == mark.inner_text()
    assert "zou" in legend.locator("li.legend-reportative").inner_text()
    assert "¶" in legend.locator("li.legend-permalink").inner_text()
    # a mark is text, and it is not the only difference: the claim is outlined too
    box = mark.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 5
    assert mark.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    assert page.locator("#article-id").inner_text() == str(article_id)
    assert page.locator("#article-id").evaluate("e => getComputedStyle(e).userSelect") == "all"
    screenshot(page, "article-legend.png")


def test_panel_number_opens_that_statement(site, page):
    zou_id = site["ids"]["statements"][ZOU]
    page.goto(f"{site['url']}/articles/{site['ids']['articles']['bridge_nl']}")
    link = page.locator(".source-panel a.statement-ref", has_text=f"#{zou_id}")
    assert link.count() == 1 and link.inner_text() == f"#{zou_id}"
    link.click()
    page.wait_for_url(re.compile(rf"/statements/{zou_id}$"))
    assert page.locator("#statement-id").inner_text() == str(zou_id)
    assert page.locator("blockquote.statement-text").inner_text() == ZOU


def test_statement_page_links_its_event_and_the_same_claim(site, page):
    ids = site["ids"]
    page.goto(f"{site['url']}/statements/{ids['statements'][QUOTE]}")
    event_link = page.locator("section.statement-events a", has_text="Afsluiting brug Havenkade")
    assert event_link.is_visible()
    same = page.locator("section.same-claim a.same-claim-statement")
    assert same.count() == 1 and same.inner_text() == REPEAT
    screenshot(page, "statement-links.png")

    event_link.click()
    page.wait_for_url(re.compile(rf"/events/{ids['event']}$"))
    assert page.locator("h1").inner_text() == "Afsluiting brug Havenkade"

    page.go_back()
    page.locator("section.same-claim a.same-claim-statement").click()
    page.wait_for_url(re.compile(rf"/statements/{ids['statements'][REPEAT]}$"))
    assert page.locator("blockquote.statement-text").inner_text() == REPEAT
    # the way back: the other article's statement links the first one as the same claim
    back = page.locator("section.same-claim a.same-claim-statement")
    assert back.inner_text() == QUOTE
