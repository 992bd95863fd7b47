"""Hostile article content (issue #16): refused with a reason, or cleaned before it is stored.

The articles and their hostile bytes are written for these tests. They go
through the real doors (`claimtrack import`, POST /api/v1/articles, the web
pages) and the real engine.
"""

from __future__ import annotations

import json

import pytest

from claimtrack import importer
from claimtrack.store import open_database

AUTH = {"Authorization": "Bearer test-token"}


def stored_articles(db_path) -> list[dict]:
    db = open_database(db_path)
    try:
        return list(db["articles"].rows)
    finally:
        db.close()


def write_txt(folder, name: str, header: dict, body: str):
    lines = [f"# {key}: {value}" for key, value in header.items()]
    path = folder / name
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return path


# --- metadata that must be refused -------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        {"url": "javascript:alert(document.cookie)"},
        {"url": "JavaScript:alert(1)"},
        {"url": "data:text/html,<script>alert(1)</script>"},
        {"url": "//evil.example/haven"},
    ],
    ids=["url", "url-mixed-case", "data-url", "scheme-relative"],
)
def test_a_script_url_in_a_txt_header_is_refused_naming_the_file(
    cli_runner, db_path, tmp_path, header
):
    path = write_txt(
        tmp_path,
        "haven.txt",
        {"title": "Haven open", "language": "nl", **header},
        "De haven blijft open, zei de havenmeester.\n",
    )
    result = cli_runner("import", str(path))
    assert result.exit_code == 1
    assert "haven.txt" in result.output
    assert "not an http:// or https:// address" in result.output
    assert stored_articles(db_path) == []


def test_a_script_address_in_a_source_header_is_not_taken_as_the_url(
    cli_runner, client, db_path, tmp_path
):
    path = write_txt(
        tmp_path,
        "haven.txt",
        {"title": "Haven open", "source": "javascript:alert(1) (archive)"},
        "De haven blijft open, zei de havenmeester.\n",
    )
    assert cli_runner("import", str(path)).exit_code == 0
    [article] = stored_articles(db_path)
    assert article["url"] is None
    assert "javascript:" not in client.get(f"/articles/{article['id']}").get_data(as_text=True)


def test_an_http_url_in_a_txt_header_is_kept(cli_runner, db_path, tmp_path):
    path = write_txt(
        tmp_path,
        "haven.txt",
        {"title": "Haven open", "url": "https://example.org/haven"},
        "De haven blijft open, zei de havenmeester.\n",
    )
    assert cli_runner("import", str(path)).exit_code == 0
    assert [a["url"] for a in stored_articles(db_path)] == ["https://example.org/haven"]


@pytest.mark.parametrize("date", ["2021-02-31", "2023-02-29", "2021-04-31", "2021-13"])
def test_a_date_that_is_not_in_the_calendar_is_refused(cli_runner, client, db_path, tmp_path, date):
    path = write_txt(
        tmp_path,
        "brug.txt",
        {"title": "Brug dicht", "date": date},
        "De brug blijft dicht, zei de wethouder.\n",
    )
    result = cli_runner("import", str(path))
    assert result.exit_code == 1
    assert "brug.txt" in result.output and date in result.output
    article = {"title": "Brug dicht", "body": "De brug blijft dicht.", "date": date}
    response = client.post("/api/v1/articles", json=article, headers=AUTH)
    assert response.status_code == 422 and "date" in response.get_json()["errors"]
    response = client.post("/api/v1/events", json={"title": "Brug", "date": date}, headers=AUTH)
    assert response.status_code == 422 and "date" in response.get_json()["errors"]
    assert stored_articles(db_path) == []
    assert client.get("/api/v1/events").get_json()["items"] == []


def test_a_leap_day_is_a_real_date(client):
    event = {"title": "Schrikkeldag", "date": "2024-02-29"}
    assert client.post("/api/v1/events", json=event, headers=AUTH).status_code == 201


# --- text that is cleaned before it is stored --------------------------------------------


def post_article(client, **article):
    response = client.post("/api/v1/articles", json={"language": "en", **article}, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_zero_width_characters_do_not_split_one_name_into_two_sources(client):
    post_article(
        client,
        title="Harbour stays open",
        body="Marieke Dekker said that the harbour would stay open.\n\nThe ferry was late.",
    )
    post_article(
        client,
        title="Ferry sails again",
        # a zero-width space, a zero-width non-joiner and a soft hyphen inside the name
        body="Marie\u200bke Dek\u200cker said that the ferry would sail a\u00adgain on Friday.",
    )
    named = [
        s for s in client.get("/api/v1/sources?limit=100").get_json()["items"] if "Dek" in s["name"]
    ]
    assert [(s["name"], s["statement_count"]) for s in named] == [("Marieke Dekker", 2)]
    statements = client.get(f"/api/v1/statements?source={named[0]['id']}").get_json()["items"]
    assert "sail again" in " ".join(s["text"] for s in statements)


def test_control_characters_are_not_stored_and_search_highlighting_holds(client):
    # \x02 and \x03 are the markers the search snippet uses for its highlights
    article = post_article(
        client,
        title="Harbour\x02 news\x03",
        publisher="The \x01Courier\x7f",
        body="The \x02harbour\x03 will stay open, Marieke Dekker said.\x1b\n\n"
        "Ships were \x03waiting\x02 at the quay.",
    )
    stored = client.get(f"/api/v1/articles/{article['id']}").get_json()
    for text in (stored["title"], stored["publisher"], stored["body"]):
        assert not any(ord(c) < 32 and c not in "\t\n\r" or ord(c) == 127 for c in text)
    assert stored["title"] == "Harbour news"
    assert stored["publisher"] == "The Courier"
    assert stored["body"].startswith("The harbour will stay open")
    page = client.get("/search?q=harbour").get_data(as_text=True)
    assert "<mark>harbour</mark> will stay open" in page
    page = client.get("/search?q=waiting").get_data(as_text=True)
    assert "<mark>waiting</mark> at the quay" in page
    assert "\x02" not in page and "\x03" not in page


def test_a_body_over_a_million_characters_is_analysed_to_its_end(client):
    # spaCy refuses a text over 1,000,000 characters in one piece; the import limit is 5 MB.
    # One sentence of a million characters (long words keep the test quick) comes first.
    word = "harbourwall" * 90
    body = " ".join([word] * 1011) + ".\n\n"
    body += "\u201cThe bridge will close in May,\u201d Anna Visser said.\n"
    assert 1_000_000 < len(body) < 5_000_000
    article = post_article(client, title="Long", body=body)
    assert len(article["body"]) == len(body)
    last = article["statements"][-1]
    assert last["start"] > 1_000_000
    assert [a["speaker"]["name"] for a in last["attributions"]] == ["Anna Visser"]


# --- a crash between the article's commit and its event suggestions ----------------------


def test_event_suggestions_are_made_when_an_import_stopped_before_them(
    cli_runner, db_path, tmp_path, monkeypatch
):
    english = write_txt(
        tmp_path,
        "call-en.txt",
        {"title": "The call", "publisher": "White House", "date": "2023-05-10", "language": "en"},
        "On Monday Joe Biden had a phone call with Vladimir Putin.\n",
    )
    dutch = write_txt(
        tmp_path,
        "call-nl.txt",
        {"title": "Het gesprek", "publisher": "De Krant", "date": "2023-05", "language": "nl"},
        "Biden en Poetin voerden maandag een telefoongesprek.\n",
    )
    assert cli_runner("import", str(english)).exit_code == 0

    def crash(*_args):
        raise KeyboardInterrupt  # the process is stopped right after the article committed

    with monkeypatch.context() as patched:
        patched.setattr(importer, "_suggest", crash)
        assert cli_runner("import", str(dutch)).exit_code != 0
    assert json.loads(cli_runner("events", "suggestions", "--json").output) == []
    assert len(stored_articles(db_path)) == 2  # the article itself was committed

    rerun = cli_runner("import", "--json", str(dutch))
    assert json.loads(rerun.stdout.splitlines()[0])["status"] == "unchanged"
    suggestions = json.loads(cli_runner("events", "suggestions", "--json").output)
    assert len(suggestions) == 1
    assert len(suggestions[0]["article_ids"]) == 2
    again = cli_runner("import", str(dutch))  # once made, they are not made twice
    assert again.exit_code == 0
    assert len(json.loads(cli_runner("events", "suggestions", "--json").output)) == 1


def test_a_terminal_colour_code_is_removed_whole_and_the_sentence_still_counts(client):
    article = post_article(
        client,
        title="Harbour report",
        body="The harbour will stay open, Marieke Dekker said.\x1b[31m\n\n"
        "Ships were \x1b[1;32mwaiting\x1b[0m at the quay.",
    )
    stored = client.get(f"/api/v1/articles/{article['id']}").get_json()
    assert "[31m" not in stored["body"] and "[0m" not in stored["body"]
    assert "Ships were waiting at the quay." in stored["body"]
    statements = client.get(f"/api/v1/statements?article={article['id']}").get_json()
    texts = [s["text"] for s in statements["items"]]
    assert "The harbour will stay open, Marieke Dekker said." in texts
