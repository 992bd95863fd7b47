"""Stored text on the pages (issue #16): isolated from its surroundings, links only to the web.

Rows are written straight into the store, as they might have been before
the import-time cleaning existed (or through a future door that forgets
it): the pages must stay safe whatever the database holds. The hostile
values are written for these tests.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from browser_support import CHROMIUM, served_app
from web_sample import insert_sample

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
HOSTILE_NAME = f"Kremlin {RLO}sreiciffo"
RTL_NAME = "مجلس الميناء"  # a real right-to-left name
HOSTILE_TITLE = f"Poetin {RLO}tlaah"
HOSTILE_PUBLISHER = f"De {RLO}tnarkstseT"
# elements the stylesheet isolates (see claimtrack.css), besides <bdi> and any dir attribute
ISOLATED_CLASSES = {"claim", "claim-label", "chain-line", "narration"}


@pytest.fixture
def hostile(db):
    """The sample data with a source, an article title and a publisher holding bidi text."""
    ids = insert_sample(db)
    db.execute("UPDATE sources SET name = ? WHERE slug = 'kremlin'", [HOSTILE_NAME])
    db.execute("UPDATE sources SET name = ? WHERE slug = 'reuters'", [RTL_NAME])
    db.execute(
        "UPDATE articles SET title = ?, publisher = ? WHERE id = ?",
        [HOSTILE_TITLE, HOSTILE_PUBLISHER, ids["articles"][0]],
    )
    db.conn.commit()
    return ids


class _Occurrences(HTMLParser):
    """Where each of some strings occurs in the page body, and whether it is isolated there."""

    def __init__(self, needles: list[str]):
        super().__init__(convert_charrefs=True)
        self.needles = needles
        self.stack: list[tuple[str, dict]] = []
        self.in_body = False
        self.found: list[tuple[str, bool, str]] = []  # (needle, isolated, enclosing tag)

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag not in ("br", "input", "img", "meta", "link"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.in_body:
            return
        for needle in self.needles:
            for _ in range(data.count(needle)):
                self.found.append((needle, self._isolated(), self.stack[-1][0]))

    def _isolated(self) -> bool:
        for tag, attrs in self.stack:
            classes = set((attrs.get("class") or "").split())
            if tag == "bdi" or "dir" in attrs or classes & ISOLATED_CLASSES:
                return True
        return False


def occurrences(html: str, needles: list[str]) -> list[tuple[str, bool, str]]:
    parser = _Occurrences(needles)
    parser.feed(html)
    return parser.found


def page_paths(ids: dict) -> list[str]:
    kremlin_statement = ids["statements"]["Volgens Poetin is de oefening „normaal”."]
    return [
        "/",
        "/sources",
        "/sources/kremlin",
        "/sources/kremlin/relays",
        "/sources/reuters",
        "/articles",
        f"/articles/{ids['articles'][0]}",
        f"/articles/{ids['articles'][1]}",
        f"/statements/{kremlin_statement}",
        "/search?q=Poetin",
        f"/events/{ids['event']}",
    ]


def test_names_titles_and_publishers_are_isolated_wherever_they_are_shown(client, hostile):
    needles = [HOSTILE_NAME, RTL_NAME, HOSTILE_TITLE, HOSTILE_PUBLISHER]
    seen = set()
    for path in page_paths(hostile):
        response = client.get(path)
        assert response.status_code == 200, path
        for needle, isolated, tag in occurrences(response.get_data(as_text=True), needles):
            assert isolated, f"{needle!r} is shown unisolated in <{tag}> on {path}"
            seen.add(needle)
    assert seen == set(needles)


def test_statement_text_is_shown_in_its_own_direction(client, hostile):
    statement = hostile["statements"]["Volgens Poetin is de oefening „normaal”."]
    html = client.get(f"/statements/{statement}").get_data(as_text=True)
    assert '<blockquote class="statement-text" lang="nl" dir="auto">' in html
    html = client.get(f"/articles/{hostile['articles'][0]}").get_data(as_text=True)
    assert '<div class="article-body" lang="nl">\n<p dir="auto">' in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/article",
        "https:evil.example",  # no host
    ],
)
def test_a_stored_address_that_is_not_http_is_never_a_link(client, db, url):
    ids = insert_sample(db)
    db.execute("UPDATE articles SET url = ? WHERE id = ?", [url, ids["articles"][0]])
    db.conn.commit()
    html = client.get(f"/articles/{ids['articles'][0]}").get_data(as_text=True)
    assert f'href="{url.strip()}' not in html
    assert ">original</a>" not in html
    assert "not a web address, so not a link" in html


def test_a_stored_http_address_is_a_link(client, db):
    ids = insert_sample(db)
    url = "https://example.org/nieuws/biden-poetin?deel=2"
    db.execute("UPDATE articles SET url = ? WHERE id = ?", [url, ids["articles"][0]])
    db.conn.commit()
    html = client.get(f"/articles/{ids['articles'][0]}").get_data(as_text=True)
    assert (
        '<a href="https://example.org/nieuws/biden-poetin?deel=2" rel="noopener noreferrer">'
        in html
    )


# --- in a real browser -----------------------------------------------------------------------


# Left edges of the first and the last letter of `phrase` inside the element `selector`.
_PHRASE_EDGES = """([selector, phrase]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode()) && !node.textContent.includes(phrase)) {}
  const start = node.textContent.indexOf(phrase);
  const left = (i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect().left;
  };
  return {first: left(start), last: left(start + phrase.length - 1)};
}"""


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
def test_an_override_in_a_name_does_not_reverse_the_words_after_it(db_path, hostile, browser):
    config = {"DATABASE": str(db_path), "ADMIN_TOKEN": None, "SECRET_KEY": "b"}
    with served_app(config) as url:
        page = browser.new_page()
        page.goto(f"{url}/sources/kremlin")
        # "Claims <name> relayed for others": the words after the name read left to right
        edges = page.evaluate(_PHRASE_EDGES, ["#relays-h", "relayed for others"])
        assert edges["first"] < edges["last"]
        edges = page.evaluate(_PHRASE_EDGES, ["#claims-h", "Claims by"])
        assert edges["first"] < edges["last"]
        bidi = page.evaluate(
            "getComputedStyle(document.querySelector('#relays-h bdi')).unicodeBidi"
        )
        assert bidi == "isolate"
        page.close()
