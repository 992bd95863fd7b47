"""The pages in real headless Chromium: source → article → statement, focus shows the chain.

Screenshots go to test-artifacts/ (git-ignored): the source page, the seed
article's page and a search.
"""

from __future__ import annotations

import re

import pytest
from browser_support import needs_chromium, screenshot, served_app
from conftest import shared_path
from web_sample import insert_sample

from claimtrack.store import open_database

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on the sample data plus the seed article, served on a free loopback port."""
    db_path = tmp_path_factory.mktemp("browser") / "claimtrack.db"
    db = open_database(db_path)
    ids = insert_sample(db)
    seed = _import_seed(db)
    db.close()
    config = {"DATABASE": str(db_path), "ADMIN_TOKEN": "test-token", "SECRET_KEY": "browser"}
    with served_app(config) as url:
        yield {"url": url, "ids": ids, "seed": seed}


def _import_seed(db) -> int | None:
    """Import the seed article through the real importer; None when ../shared is absent."""
    from claimtrack.importer import import_paths

    try:
        path = shared_path("corpus", "seed", "nrc-2021-04-biden-poetin.txt")
    except pytest.skip.Exception:
        return None
    (outcome,) = import_paths(db, [str(path)], publisher="NRC")
    assert outcome.status == "imported", outcome.error
    return outcome.article_id


def test_source_to_article_to_statement(site, page):
    page.goto(f"{site['url']}/sources/joe-biden")
    assert page.locator("h1").inner_text() == "Joe Biden"
    first_row = page.locator("table.claims").first.locator("tbody tr").first
    assert "Testkrant" in first_row.locator("ol.chain").inner_text()
    screenshot(page, "source-page.png")

    first_row.locator("td").nth(1).locator("a").click()
    page.wait_for_url(re.compile(r"/articles/\d+"))
    claims = page.locator(".article-body .claim")
    assert claims.count() == 3
    labels = page.locator(".article-body .claim-label").all_inner_texts()
    assert "Joe Biden (indirect)" in labels
    # each source has its own colour class
    colours = {claims.nth(i).get_attribute("class") for i in range(claims.count())}
    assert len(colours) == 3
    narration = page.locator(".article-body .narration").first
    assert narration.inner_text() == "Het gesprek duurde een uur."
    assert narration.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"

    page.locator(".article-body .permalink").first.click()
    page.wait_for_url(re.compile(r"/statements/\d+"))
    chain = page.locator("section.provenance ol.chain li").all_inner_texts()
    # each link reads "<role>: <name>" to screen readers
    assert [c.split(":", 1)[-1].strip() for c in chain] == ["Testkrant", "Witte Huis", "Joe Biden"]


def test_keyboard_focus_shows_the_chain(site, page):
    page.goto(f"{site['url']}/articles/{site['ids']['articles'][0]}")
    tip = page.locator(".article-body .claim .chain-tip").first
    assert not tip.is_visible()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('claim')"):
            break
    else:
        pytest.fail("Tab never reached an attributed statement")
    focused_tip = page.locator(".claim:focus .chain-tip")
    assert focused_tip.is_visible()
    assert "Chain: Testkrant → Witte Huis → Joe Biden" in focused_tip.inner_text()
    described_by = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{described_by}").inner_text() == focused_tip.inner_text()
    screenshot(page, "article-focus-chain.png")
    page.keyboard.press("Escape")
    assert not focused_tip.is_visible()


def test_hostile_article_text_stays_text_in_the_browser(site, page):
    page.goto(f"{site['url']}/articles/{site['ids']['articles'][2]}")
    assert page.locator(".article-body img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.locator(".article-body").inner_text()
    assert "<script>" in page.locator("h1").inner_text()


def test_seed_article_page(site, page):
    if site["seed"] is None:
        pytest.skip("../shared seed article not available")
    page.goto(f"{site['url']}/articles/{site['seed']}")
    body = page.locator(".article-body")
    assert body.locator("p").count() >= 6  # paragraphs kept, heading on its own line
    assert body.locator(".claim").count() >= 3
    assert any("Joe Biden" in label for label in body.locator(".claim-label").all_inner_texts())
    assert page.locator(".source-panel .panel-source").count() >= 2
    page.locator(".article-body .claim").first.focus()
    assert page.locator(".claim:focus .chain-tip").is_visible()
    screenshot(page, "seed-article.png")


def test_search_with_highlighted_snippets_and_facets(site, page):
    page.goto(f"{site['url']}/")
    page.fill("#site-search", "Biden")
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Biden"))
    marks = page.locator(".results .snippet mark").all_inner_texts()
    assert marks and all(m.lower().startswith("biden") for m in marks)
    page.locator(".facets a", has_text="nl").first.click()
    page.wait_for_url(re.compile(r"language=nl"))
    languages = page.locator(".results .result .muted").all_inner_texts()
    assert languages and all(text.rstrip().endswith("nl") for text in languages if "·" in text)
    page.goto(f"{site['url']}/search?q=Biden")
    screenshot(page, "search.png")
