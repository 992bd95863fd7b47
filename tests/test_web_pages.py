"""The read pages: what a journalist sees on each page, and their .json/.csv twins."""

from __future__ import annotations

import csv
import io
import re

import pytest
from web_sample import insert_sample


@pytest.fixture
def sample(db):
    """The sample articles, sources and claims, inserted straight into the store."""
    return insert_sample(db)


def page_text(response) -> str:
    return response.get_data(as_text=True)


def test_home_shows_counts_recent_articles_and_most_cited_source(client, sample):
    html = page_text(client.get("/"))
    assert "<dd>3</dd>" in html  # three articles
    assert "White House readout of the call" in html
    cited = html[html.index("Most-cited sources") :]
    assert cited.index("Joe Biden") < cited.index("Kremlin")  # Biden has two claims


def test_sources_index_counts_claims_as_speaker_and_as_relay(client, sample):
    rows = client.get("/sources.json").get_json()["items"]
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["joe-biden"]["speaker_claims"] == 2
    assert by_slug["joe-biden"]["languages"] == ["en", "nl"]
    assert by_slug["joe-biden"]["first_seen"] == "2021-04"
    assert by_slug["reuters"]["speaker_claims"] == 0
    assert by_slug["reuters"]["relayed_claims"] == 1


def test_sources_index_filters_by_kind_language_and_alias(client, sample):
    people = client.get("/sources.json?kind=person").get_json()["items"]
    assert {r["slug"] for r in people} == {"joe-biden", "vladimir-poetin"}
    english = client.get("/sources.json?language=en").get_json()["items"]
    assert {r["slug"] for r in english} == {"joe-biden", "white-house", "harbour-board"}
    by_alias = client.get("/sources.json?q=putin").get_json()["items"]
    assert [r["slug"] for r in by_alias] == ["vladimir-poetin"]
    html = page_text(client.get("/sources?q=putin"))
    assert "Vladimir Poetin" in html and "Joe Biden" not in html


def test_sources_index_pages_with_next_token_without_repeating(client, sample):
    first = client.get("/sources.json?limit=3").get_json()
    second = client.get(first["next_url"]).get_json()
    names = [r["name"] for r in first["items"] + second["items"]]
    assert len(names) == len(set(names)) == 6
    assert names == sorted(names)


def test_bad_next_token_is_refused_not_a_crash(client, sample):
    response = client.get("/sources/joe-biden.json?after=not-a-token")
    assert response.status_code == 422  # as the API answers a token it did not make
    assert response.get_json()["ok"] is False
    assert list(response.get_json()["errors"]) == ["after"]
    assert client.get("/sources/joe-biden?after=not-a-token").status_code == 400


def test_source_page_lists_claims_newest_first_with_cue_type_and_chain(client, sample):
    html = page_text(client.get("/sources/joe-biden"))
    claims = html[html.index("Claims by <bdi>Joe Biden</bdi>") : html.index("relayed for others")]
    # the Dutch article (2021-04-13) is newer than the English one (2021-04)
    assert claims.index("Biden zei dat") < claims.index("We support Ukraine")
    assert "indirect" in claims and "direct quote" in claims
    assert "zei" in claims
    chain = re.search(r'<ol class="chain".*?</ol>', claims, re.DOTALL).group(0)
    assert chain.index("Testkrant") < chain.index("Witte Huis") < chain.index("Joe Biden")


def test_source_page_filters_by_type_date_article_and_event(client, sample):
    def statements(query):
        rows = client.get(f"/sources/joe-biden.json?{query}").get_json()["items"]
        return [r["text"] for r in rows]

    assert statements("type=direct") == ['"We support Ukraine," Biden said on Tuesday.']
    assert len(statements("from=2021-04-10")) == 2  # the month-precise article overlaps
    assert len(statements("from=2021-05")) == 0
    assert len(statements("to=2021-04-12")) == 1
    assert len(statements(f"article={sample['articles'][1]}")) == 1
    assert len(statements(f"event={sample['event']}")) == 1
    assert client.get("/sources/joe-biden.json?type=rumour").status_code == 422
    assert client.get("/sources/joe-biden.json?from=yesterday").status_code == 422
    assert client.get("/sources/joe-biden?type=rumour").status_code == 400


def test_source_page_pages_with_keyset_token(client, sample):
    first = client.get("/sources/joe-biden.json?limit=1").get_json()
    assert first["next"]
    second = client.get(first["next_url"]).get_json()
    assert second["next"] is None
    texts = [r["text"] for r in first["items"] + second["items"]]
    assert len(set(texts)) == 2


def test_source_page_lists_claims_it_relayed_for_others(client, sample):
    html = page_text(client.get("/sources/reuters"))
    relayed = html[html.index("relayed for others") :]
    assert "Het gesprek zou op Bidens initiatief" in relayed
    assert 'href="/sources/kremlin"' in relayed
    rows = client.get("/sources/reuters/relays.json").get_json()["items"]
    assert [a["speaker"]["slug"] for r in rows for a in r["attributions"]] == ["kremlin"]


def test_source_csv_has_one_row_per_claim_with_the_chain(client, sample):
    response = client.get("/sources/joe-biden.csv?type=indirect")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1
    assert rows[0]["chain"] == "Testkrant > Witte Huis > Joe Biden"
    assert rows[0]["attribution_type"] == "indirect"
    assert rows[0]["cue"] == "zei"


def test_unknown_source_article_and_statement_are_404(client, sample):
    assert client.get("/sources/nobody").status_code == 404
    assert client.get("/articles/999").status_code == 404
    assert client.get("/statements/999").status_code == 404
    assert client.get("/statements/999.json").get_json()["status"] == 404


def test_article_page_highlights_each_claim_with_label_cue_and_chain(client, sample):
    html = page_text(client.get(f"/articles/{sample['articles'][0]}"))
    statement_id = sample["statements"][
        "Biden zei dat de Verenigde Staten Oekraïne steunen, meldt het Witte Huis."
    ]
    claim = re.search(
        rf'<span class="claim src-(\d)" id="s-{statement_id}".*?</span></span>', html, re.DOTALL
    )
    assert claim, "the attributed statement is wrapped as a claim"
    text = claim.group(0)
    assert 'tabindex="0"' in text and f'aria-describedby="chain-{statement_id}"' in text
    assert '<span class="claim-label src-' in text and "Joe Biden (indirect)" in text
    assert '<mark class="cue">zei</mark>' in text
    assert '<span class="mention">Biden</span>' in text
    assert "Chain: Testkrant → Witte Huis → Joe Biden" in text
    assert '<span class="via-mention">Witte Huis</span>' in text


def test_claim_label_names_each_speaker_once(client, db, sample):
    statement_id = sample["statements"]["Volgens Poetin is de oefening „normaal”."]
    db["attributions"].insert(
        {
            "statement_id": statement_id,
            "position": 1,
            "type": "according_to",
            "confidence": 0.5,
            "speaker_source_id": sample["sources"]["vladimir-poetin"],
            "speaker_name": "Vladimir Poetin",
        }
    )
    html = page_text(client.get(f"/articles/{sample['articles'][0]}"))
    label = re.search(
        rf'id="s-{statement_id}".*?<span class="claim-label[^"]*">([^<]*)<', html
    ).group(1)
    assert label == "Vladimir Poetin (according to)"


def test_article_page_gives_each_source_its_own_colour_and_keeps_paragraphs(client, sample):
    html = page_text(client.get(f"/articles/{sample['articles'][0]}"))
    colours = dict(re.findall(r'<span class="claim-label src-(\d)">([^<(]+) \(', html))
    assert len(colours) == 3  # Biden, Kremlin, Poetin
    body = html[
        html.index('<div class="article-body"') : html.index(
            "</div>", html.index('<div class="article-body"')
        )
    ]
    assert body.count('<p dir="auto">') == 2


def test_article_page_shows_narration_unattributed(client, sample):
    html = page_text(client.get(f"/articles/{sample['articles'][0]}"))
    narration_id = sample["statements"]["Het gesprek duurde een uur."]
    assert (
        f'<span class="narration" id="s-{narration_id}">Het gesprek duurde een uur.</span>' in html
    )
    assert "1 of 4" not in html and "3 of 4 statements attributed" in html


def test_article_side_panel_lists_sources_with_links_and_chains(client, sample):
    html = page_text(client.get(f"/articles/{sample['articles'][0]}"))
    panel = html[html.index('<aside class="source-panel"') :]
    for slug in ("joe-biden", "kremlin", "vladimir-poetin"):
        assert f'href="/sources/{slug}"' in panel
    assert "via <bdi>Reuters</bdi>" in panel


def test_article_text_with_markup_is_shown_as_text(client, sample):
    html = page_text(client.get(f"/articles/{sample['articles'][2]}"))
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Ships &lt;b&gt;kept&lt;/b&gt; sailing." in html


def test_statement_page_shows_chain_and_other_statements_of_the_source(client, db, sample):
    # a second Biden statement in the same article, added for this test
    statement_id = sample["statements"]["Het gesprek duurde een uur."]
    db["attributions"].insert(
        {
            "statement_id": statement_id,
            "speaker_source_id": sample["sources"]["joe-biden"],
            "speaker_name": "Joe Biden",
            "type": "reportative",
            "confidence": 0.5,
        }
    )
    first = sample["statements"][
        "Biden zei dat de Verenigde Staten Oekraïne steunen, meldt het Witte Huis."
    ]
    html = page_text(client.get(f"/statements/{first}"))
    chain = re.search(r'<ol class="chain".*?</ol>', html, re.DOTALL).group(0)
    assert re.findall(r"(publisher|via|speaker): </span>", chain) == ["publisher", "via", "speaker"]
    others = html[html.index("Other statements of <bdi>Joe Biden</bdi>") :]
    assert f'href="/statements/{statement_id}"' in others


def test_search_highlights_matches_safely_and_offers_facets(client, sample):
    html = page_text(client.get("/search?q=typo"))
    assert "<mark>typo</mark>" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    html = page_text(client.get("/search?q=biden"))
    facets = html[html.index("Narrow down") :]
    assert "Joe Biden" in facets and "Testkrant" in facets and ">nl</bdi></a>" in facets


def test_search_facet_filters_apply_to_results_and_twins(client, sample):
    everything = client.get("/search.json?q=biden").get_json()["items"]
    assert len(everything) == 2
    dutch = client.get("/search.json?q=biden&language=nl").get_json()["items"]
    assert [r["article"]["language"] for r in dutch] == ["nl"]
    quoted = client.get("/search.json?q=biden&source=vladimir-poetin").get_json()["items"]
    assert quoted == []
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/search.csv?q=biden&publisher=Test+Times").get_data(as_text=True)
            )
        )
    )
    assert [r["publisher"] for r in rows] == ["Test Times"]


def test_search_accepts_any_input_without_error(client, sample):
    for query in ['"unbalanced', "AND OR NOT", "NEAR(", "*", "biden*", "«»"]:
        assert client.get("/search", query_string={"q": query}).status_code == 200
    assert len(client.get("/search.json?q=bide*").get_json()["items"]) == 3  # Biden, Bidens
    assert len(client.get('/search.json?q="leaders discussed"').get_json()["items"]) == 1


def test_events_pages_list_events_and_their_statements(client, sample):
    html = page_text(client.get("/events"))
    assert "Biden–Poetin call" in html
    detail = client.get(f"/events/{sample['event']}.json").get_json()
    assert len(detail["items"]) == 4
    assert detail["event"]["participants"][0]["slug"] == "joe-biden"
    assert "Het gesprek duurde een uur." in page_text(client.get(f"/events/{sample['event']}"))


def test_every_list_page_has_json_and_csv_twins(client, sample):
    for path in (
        "/sources",
        "/sources/joe-biden",
        "/sources/reuters/relays",
        "/search",
        "/events",
        "/articles",
        f"/events/{sample['event']}",
    ):
        query = "?q=biden" if path == "/search" else ""
        assert client.get(f"{path}.json{query}").get_json()["ok"] is True
        assert client.get(f"{path}.csv{query}").mimetype == "text/csv"


def test_every_response_carries_security_headers(client, sample):
    for path in ("/", "/sources.json", "/search.csv?q=x", "/nowhere", "/static/claimtrack.css"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]


def test_pages_have_no_inline_script_or_handlers(client, sample):
    for path in (
        "/",
        "/sources/joe-biden",
        f"/articles/{sample['articles'][2]}",
        "/search?q=biden",
    ):
        html = page_text(client.get(path))
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert not re.search(r"\son[a-z]+=", html.replace("onerror=alert(1)&gt;", ""))
