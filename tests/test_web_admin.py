"""Admin pages: token login, CSRF, source edits and merges, article import."""

from __future__ import annotations

import re

import pytest
from web_sample import insert_sample

from claimtrack.app import create_app


@pytest.fixture
def sample(db):
    """The sample data, inserted straight into the store."""
    return insert_sample(db)


def csrf_from(client, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(client, token: str = "test-token"):
    return client.post("/login", data={"token": token, "csrf_token": csrf_from(client)})


@pytest.fixture
def admin(client):
    """A client logged in as admin, and a function returning its CSRF token."""
    assert log_in(client).status_code == 302
    return client, lambda: csrf_from(client, "/sources/merge")


def test_without_a_configured_token_writes_are_disabled_and_the_page_says_so(db_path, sample):
    app = create_app(
        {"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": None, "SECRET_KEY": "t"}
    )
    client = app.test_client()
    assert "Writes are disabled" in client.get("/login").get_data(as_text=True)
    response = client.get("/sources/merge")
    assert response.status_code == 403
    assert "Writes are disabled" in response.get_data(as_text=True)
    assert 'name="token"' not in client.get("/login").get_data(as_text=True)
    client.post("/login", data={"token": ""})
    assert client.get("/import").status_code == 403


def test_write_pages_send_anonymous_visitors_to_login(client, sample):
    response = client.get("/sources/joe-biden/edit")
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]


def test_wrong_token_is_refused(client, sample):
    response = log_in(client, "guess")
    assert response.status_code == 401
    assert "not right" in response.get_data(as_text=True)
    assert client.get("/sources/merge").status_code == 302


def test_login_without_csrf_token_is_refused(client, sample):
    client.get("/login")
    assert client.post("/login", data={"token": "test-token"}).status_code == 400


def test_login_redirects_only_within_the_site(client, sample):
    token = csrf_from(client)
    response = client.post(
        "/login", data={"token": "test-token", "csrf_token": token, "next": "//evil.example/x"}
    )
    assert response.headers["Location"] == "/"


def test_post_without_csrf_token_changes_nothing(admin, db, sample):
    client, _ = admin
    response = client.post("/sources/merge", data={"keep": "white-house", "drop": "witte-huis"})
    assert response.status_code == 400
    assert db["sources"].count == len(sample["sources"])


def test_merge_witte_huis_into_white_house_moves_relays_and_aliases(admin, db, sample):
    client, csrf = admin
    response = client.post(
        "/sources/merge", data={"keep": "white-house", "drop": "witte-huis", "csrf_token": csrf()}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/sources/white-house"
    assert client.get("/sources/witte-huis").status_code == 404
    source = client.get("/sources/white-house.json").get_json()["source"]
    assert source["relayed_claims"] == 1
    assert "Witte Huis" in {a["alias"] for a in source["aliases"]}
    html = client.get("/sources/joe-biden").get_data(as_text=True)
    assert "Testkrant</bdi></li>" in html
    assert 'href="/sources/white-house"><bdi>White House</bdi>' in html


def test_merge_rejects_unknown_or_identical_sources(admin, sample):
    client, csrf = admin
    unknown = client.post(
        "/sources/merge", data={"keep": "white-house", "drop": "nobody", "csrf_token": csrf()}
    )
    assert unknown.status_code == 422
    same = client.post(
        "/sources/merge", data={"keep": "kremlin", "drop": "kremlin", "csrf_token": csrf()}
    )
    assert same.status_code == 422 and "into itself" in same.get_data(as_text=True)


def test_edit_kind_and_aliases(admin, sample):
    client, csrf = admin
    client.post(
        "/sources/reuters/edit", data={"action": "kind", "kind": "group", "csrf_token": csrf()}
    )
    client.post(
        "/sources/reuters/edit",
        data={
            "action": "add_alias",
            "alias": "Thomson Reuters",
            "language": "en",
            "csrf_token": csrf(),
        },
    )
    source = client.get("/sources/reuters.json").get_json()["source"]
    assert source["kind"] == "group"
    added = next(a for a in source["aliases"] if a["alias"] == "Thomson Reuters")
    assert client.get("/sources.json?q=thomson").get_json()["items"][0]["slug"] == "reuters"
    client.post(
        "/sources/reuters/edit",
        data={"action": "remove_alias", "alias_id": added["id"], "csrf_token": csrf()},
    )
    assert client.get("/sources.json?q=thomson").get_json()["items"] == []


def test_alias_of_another_source_and_bad_kind_are_refused(admin, sample):
    client, csrf = admin
    taken = client.post(
        "/sources/reuters/edit",
        data={"action": "add_alias", "alias": "Kremlin", "csrf_token": csrf()},
    )
    assert taken.status_code == 422 and "already names Kremlin" in taken.get_data(as_text=True)
    bad = client.post(
        "/sources/reuters/edit", data={"action": "kind", "kind": "alien", "csrf_token": csrf()}
    )
    assert bad.status_code == 422
    assert client.get("/sources/reuters.json").get_json()["source"]["kind"] == "organization"


@pytest.mark.parametrize(
    "upload, reason",
    [
        (b"", "empty file"),
        (b"\x00\x01binary", "binary file"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b'{"title": "broken', "JSON"),
    ],
)
def test_bad_uploads_get_a_clear_error_and_store_nothing(admin, db, sample, upload, reason):
    import io

    client, csrf = admin
    before = db["articles"].count
    data = {
        "csrf_token": csrf(),
        "file": (io.BytesIO(upload), "article.json" if b"{" in upload else "a.txt"),
    }
    response = client.post("/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert reason in response.get_data(as_text=True)
    assert db["articles"].count == before


def test_oversized_upload_is_refused(db_path, sample):
    import io

    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(db_path),
            "ADMIN_TOKEN": "test-token",
            "SECRET_KEY": "t",
            "MAX_CONTENT_LENGTH": 1024,
        }
    )
    client = app.test_client()
    log_in(client)
    token = csrf_from(client, "/import")
    response = client.post(
        "/import",
        data={"csrf_token": token, "file": (io.BytesIO(b"a " * 4096), "big.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "larger than the limit" in response.get_data(as_text=True)


def test_pasted_article_is_analysed_stored_and_shown_with_attributions(admin, db):
    client, csrf = admin
    text = "De minister zei dat de brug <b>dicht</b> blijft.\r\n\r\nHet verkeer staat stil."
    response = client.post(
        "/import",
        data={
            "csrf_token": csrf(),
            "text": text,
            "title": "Brug dicht",
            "publisher": "Testkrant",
            "date": "2024-02-03",
            "language": "nl",
        },
    )
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Brug dicht" in html
    assert '<span class="claim' in html and '<mark class="cue">zei</mark>' in html
    assert "&lt;b&gt;dicht&lt;/b&gt;" in html
    assert html.count("<p>") >= 2
    again = client.post(
        "/import",
        data={
            "csrf_token": csrf(),
            "text": text,
            "title": "Brug dicht",
            "publisher": "Testkrant",
            "date": "2024-02-03",
        },
    )
    assert again.headers["Location"] == response.headers["Location"]
    assert db["articles"].count == 1
    article_id = next(db["articles"].rows)["id"]
    shown = client.get(again.headers["Location"]).get_data(as_text=True)
    assert f"already stored as article #{article_id}" in shown
