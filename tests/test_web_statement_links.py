"""Pages that explain themselves: article ids for the CLI, hearsay marks with a legend,
statement ids in the side panel, a statement's events and the same claim elsewhere."""

from __future__ import annotations

import re
import sqlite3

import pytest
from links_sample import (
    BEWEERD,
    DETOUR,
    EN_QUOTE,
    EN_REPORTEDLY,
    QUOTE,
    REPEAT,
    SHORT,
    SHORT_AGAIN,
    VERLUIDT,
    ZOU,
    insert_links_sample,
)

from claimtrack.store import open_database, statement_links
from claimtrack.store.schema import CLAIM_KEY_SQL, MIGRATIONS, sql_statements


@pytest.fixture
def sample(db):
    return insert_links_sample(db)


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def claim_html(html: str, statement_id: int) -> str:
    """The rendered claim span of one statement, up to and including its ¶ link."""
    match = re.search(rf'<span class="claim [^"]*" id="s-{statement_id}".*?</a>', html, re.DOTALL)
    assert match, f"statement {statement_id} is not rendered as a claim"
    return match.group(0)


def between(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


# ------------------------------------------------------------------ article ids


def test_article_page_shows_its_id_ready_for_the_cli(client, sample):
    article_id = sample["articles"]["bridge_nl"]
    html = html_of(client, f"/articles/{article_id}")
    header = between(html, "<header>", "</header>")
    assert f'<code class="copy-id" id="article-id">{article_id}</code>' in header
    assert f"claimtrack events add EVENT_ID --article {article_id}" in header


def test_article_list_home_and_event_page_show_article_ids(client, sample):
    ids = sample["articles"]
    listing = html_of(client, "/articles")
    assert '<th scope="col">Id</th>' in listing
    for article_id in ids.values():
        assert f'<td class="nowrap"><code class="copy-id">{article_id}</code></td>' in listing
    home = html_of(client, "/")
    assert f'article #<code class="copy-id">{ids["repeat_nl"]}</code>' in home
    event = html_of(client, f"/events/{sample['event']}")
    assert f'article #<code class="copy-id">{ids["bridge_nl"]}</code>' in event


# ------------------------------------------------------------ hearsay and legend


def test_reportative_statements_carry_a_text_mark(client, sample):
    html = html_of(client, f"/articles/{sample['articles']['bridge_nl']}")
    for text in (ZOU, VERLUIDT):
        claim = claim_html(html, sample["statements"][text])
        assert "is-reportative" in claim.split(">", 1)[0]
        assert '<span class="hearsay-mark mark-reportative">≈ reported</span>' in claim
        assert "mark-unnamed" not in claim
    quote = claim_html(html, sample["statements"][QUOTE])
    assert "hearsay-mark" not in quote and "is-reportative" not in quote


def test_claims_with_nobody_named_carry_the_unnamed_mark(client, sample):
    nl = html_of(client, f"/articles/{sample['articles']['bridge_nl']}")
    claim = claim_html(nl, sample["statements"][BEWEERD])
    assert '<span class="hearsay-mark mark-unnamed">? unnamed source</span>' in claim
    assert "mark-reportative" not in claim
    en = html_of(client, f"/articles/{sample['articles']['bridge_en']}")
    both = claim_html(en, sample["statements"][EN_REPORTEDLY])
    assert "mark-reportative" in both and "mark-unnamed" in both
    assert "hearsay-mark" not in claim_html(en, sample["statements"][EN_QUOTE])


def test_legend_explains_every_mark_used_on_the_article_page(client, sample):
    html = html_of(client, f"/articles/{sample['articles']['bridge_nl']}")
    legend = between(html, '<section class="legend"', "</section>")
    body = between(html, '<div class="article-body"', "</div>").split(">", 1)[1]
    used = set(re.findall(r'class="([^"]+)"', body))
    marks = {c for classes in used for c in classes.split()} - {"chain-tip"}
    marks = {m for m in marks if not re.fullmatch(r"src-\d|chain-line|chain-type|is-\w+", m)}
    assert marks == {
        "claim",
        "claim-label",
        "attributed",
        "cue",
        "mention",
        "hearsay-mark",
        "mark-reportative",
        "mark-unnamed",
        "permalink",
        "narration",
    }
    for mark in marks - {"claim"}:
        assert f'class="{mark}' in legend or f" {mark}" in legend, f"{mark} is not in the legend"
    assert "¶" in legend and "own page" in legend
    assert "zou" in legend and "naar verluidt" in legend and "reportedly" in legend
    assert "er wordt beweerd" in legend


def test_permalink_is_named_by_statement_id(client, sample):
    html = html_of(client, f"/articles/{sample['articles']['bridge_nl']}")
    statement_id = sample["statements"][ZOU]
    claim = claim_html(html, statement_id)
    assert claim.endswith(
        f'<a class="permalink" href="/statements/{statement_id}"'
        f' title="Statement #{statement_id}: its own page"'
        f' aria-label="Statement #{statement_id}: its own page">¶</a>'
    )


# ------------------------------------------------------------------ side panel


def test_side_panel_numbers_are_statement_ids_linking_to_statement_pages(client, sample):
    html = html_of(client, f"/articles/{sample['articles']['bridge_nl']}")
    panel = html[html.index('<aside class="source-panel"') :]
    refs = re.findall(r'<a class="statement-ref" href="/statements/(\d+)"[^>]*>#(\d+)</a>', panel)
    attributed = [QUOTE, ZOU, VERLUIDT, BEWEERD, SHORT_AGAIN]
    assert sorted(int(href) for href, _ in refs) == sorted(
        sample["statements"][t] for t in attributed
    )
    assert all(href == shown for href, shown in refs)
    assert sample["statements"][DETOUR] not in [int(h) for h, _ in refs]
    assert "Statement 1<" not in panel and "Statement 2<" not in panel
    for href, _ in refs:
        assert f'(<a href="#s-{href}">in text</a>)' in panel


# ------------------------------------------------------------------ statement page


def test_statement_page_links_the_events_of_its_article(client, sample):
    statement_id = sample["statements"][DETOUR]
    html = html_of(client, f"/statements/{statement_id}")
    events = between(html, '<section class="statement-events"', "</section>")
    assert f'href="/events/{sample["event"]}"' in events
    assert "Afsluiting brug Havenkade" in events and "this statement is in it" in events
    assert f'<code class="copy-id" id="statement-id">{statement_id}</code>' in html
    data = client.get(f"/statements/{statement_id}.json").get_json()
    assert [(e["id"], e["has_statement"]) for e in data["events"]] == [(sample["event"], 1)]


def test_statement_page_says_when_its_article_is_in_no_event(client, sample):
    html = html_of(client, f"/statements/{sample['statements'][REPEAT]}")
    events = between(html, '<section class="statement-events"', "</section>")
    assert "/events/" not in events and "in no event yet" in events
    assert f"--article {sample['articles']['repeat_nl']}" in events


def test_a_statement_taken_out_of_the_event_still_links_its_articles_event(client, db, sample):
    statement_id = sample["statements"][ZOU]
    db.execute(
        "DELETE FROM event_statements WHERE event_id = ? AND statement_id = ?",
        [sample["event"], statement_id],
    )
    db.conn.commit()
    html = html_of(client, f"/statements/{statement_id}")
    assert f'href="/events/{sample["event"]}"' in html
    assert "other statements of this article are in it" in html


def test_statement_page_links_the_same_claim_in_other_articles(client, sample):
    quote, repeat = sample["statements"][QUOTE], sample["statements"][REPEAT]
    html = html_of(client, f"/statements/{quote}")
    same = between(html, '<section class="same-claim"', "</section>")
    assert f'href="/statements/{repeat}"' in same
    assert f'href="/statements/{quote}"' not in same  # not itself
    assert f'href="/articles/{sample["articles"]["repeat_nl"]}#s-{repeat}"' in same
    # stored text stays text
    assert "Brug &lt;em&gt;dicht&lt;/em&gt; tot juni" in same
    assert "Stadskrant &lt;Proef&gt;" in same and "<em>" not in same
    back = between(
        html_of(client, f"/statements/{repeat}"), '<section class="same-claim"', "</section>"
    )
    assert f'href="/statements/{quote}"' in back
    data = client.get(f"/statements/{quote}.json").get_json()
    assert [r["statement_id"] for r in data["same_claim"]["rows"]] == [repeat]


def test_a_translation_or_a_short_answer_is_not_the_same_claim(client, sample):
    en = html_of(client, f"/statements/{sample['statements'][EN_QUOTE]}")
    assert "None found." in between(en, '<section class="same-claim"', "</section>")
    short = html_of(client, f"/statements/{sample['statements'][SHORT]}")
    assert "None found." in between(short, '<section class="same-claim"', "</section>")


def test_claim_keys_ignore_case_quote_marks_and_end_punctuation(db, sample):
    assert statement_links.claim_keys(db, sample["statements"][QUOTE]) == [
        "de brug blijft tot juni gesloten"
    ]
    assert statement_links.claim_keys(db, sample["statements"][REPEAT]) == [
        "de brug blijft tot juni gesloten"
    ]
    assert statement_links.claim_keys(db, sample["statements"][SHORT]) == []  # two words
    assert statement_links.claim_keys(db, sample["statements"][DETOUR]) == []  # narration


def test_same_claim_lookup_is_one_index_probe(db, sample):
    keyed = CLAIM_KEY_SQL.replace("content", "at.content")
    plan = db.execute(
        f"EXPLAIN QUERY PLAN SELECT at.id FROM attributions at WHERE {keyed} = ?"
        " AND at.article_id IS NOT ? ORDER BY at.article_date DESC, at.id LIMIT 21",
        ["de brug blijft tot juni gesloten", 1],
    ).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "USING INDEX idx_attributions_claim_key" in details
    assert "TEMP B-TREE" not in details  # the index gives the order too


def test_same_claim_list_is_capped_and_says_so(db, sample):
    repeat = sample["statements"][REPEAT]
    found = statement_links.same_claim_elsewhere(db, sample["statements"][QUOTE], limit=1)
    assert [r["statement_id"] for r in found["rows"]] == [repeat] and not found["more"]
    article = db["articles"].get(sample["articles"]["repeat_nl"])
    for number in range(3):
        copy_id = (
            db["articles"]
            .insert(
                {
                    **article,
                    "id": None,
                    "content_hash": f"copy-{number}",
                    "date": "2024-06-0" + str(number + 1),
                }
            )
            .last_pk
        )
        statement = db["statements"].get(repeat)
        new_statement = (
            db["statements"].insert({**statement, "id": None, "article_id": copy_id}).last_pk
        )
        row = next(db["attributions"].rows_where("statement_id = ?", [repeat]))
        db["attributions"].insert({**row, "id": None, "statement_id": new_statement})
    found = statement_links.same_claim_elsewhere(db, sample["statements"][QUOTE], limit=2)
    assert found["more"] and len(found["rows"]) == 2
    assert [r["article_date"] for r in found["rows"]] == ["2024-06-03", "2024-06-02"]


def test_a_version_3_database_gets_the_claim_index_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        for statement in sql_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    old = open_database(path, migrate=False)
    ids = insert_links_sample(old)
    old.close()
    db = open_database(path)
    assert "idx_attributions_claim_key" in {i.name for i in db["attributions"].indexes}
    found = statement_links.same_claim_elsewhere(db, ids["statements"][QUOTE])
    assert [r["statement_id"] for r in found["rows"]] == [ids["statements"][REPEAT]]
    db.close()
