"""Hostile requests to the web pages and the API (issue #16): a clear 4xx, never a 500 or a way in.

Every hostile value here is written for these tests. Each test also checks
that what was stored before is still there, and that a well-formed request
right after the hostile one is answered as usual.
"""

from __future__ import annotations

import json
import re

import pytest
from web_sample import insert_sample

from claimtrack.app import create_app

AUTH = {"Authorization": "Bearer test-token"}
NOT_64_BITS = "123456789012345678901234567890"  # far beyond SQLite's 64-bit integer
MULTIPART_TITLE = b'--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nTop\r\n--x--\r\n'


@pytest.fixture
def sample(db):
    """The web sample data (articles, sources, attributions), inserted straight into the store."""
    return insert_sample(db)


def assert_envelope(response, status: int) -> dict:
    """The API's JSON error envelope with `status`."""
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body


def csrf_from(client, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(client, token: str = "test-token", query: str = ""):
    return client.post(
        "/login" + query, data={"token": token, "csrf_token": csrf_from(client, "/login" + query)}
    )


def is_admin(client) -> bool:
    """Whether the client's session may open an admin page (else it is sent to the login)."""
    response = client.get("/sources/merge")
    assert response.status_code in (200, 302)
    return response.status_code == 200


# --- redirects after login ---------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "?next=/%09/evil.example",  # a tab that browsers drop: //evil.example
        "?next=/%0a/evil.example",  # a newline, dropped the same way
        "?next=/%5Cevil.example",  # a backslash, read as a slash
        "?next=%2F%2Fevil.example%2Fx",
        "?next=https://evil.example/",
    ],
    ids=["tab", "newline", "backslash", "double-slash", "absolute"],
)
def test_login_never_redirects_off_the_site(client, sample, query):
    response = log_in(client, query=query)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert is_admin(client)


def test_login_with_a_newline_in_next_is_a_redirect_home_not_a_500(client, sample):
    response = log_in(client, query="?next=/sources%0d%0aSet-Cookie:%20admin=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "admin=1" not in response.headers.get("Set-Cookie", "")


def test_login_still_returns_to_a_plain_path_on_the_site(client, sample):
    response = log_in(client, query="?next=/sources/joe-biden/edit")
    assert response.headers["Location"] == "/sources/joe-biden/edit"


# --- hostile query strings and path ids ---------------------------------------------------


@pytest.mark.parametrize("path", ["/search", "/search.csv", "/search.json"])
def test_nul_in_a_web_search_is_a_400_and_search_still_works(client, sample, path):
    response = client.get(path + "?q=Biden%00troops")
    assert response.status_code == 400
    assert "U+0000" in response.get_data(as_text=True)
    found = client.get("/search.csv?q=Biden")
    assert found.status_code == 200
    assert found.get_data(as_text=True).count("\n") >= 2  # a header and at least one row


def test_nul_in_an_api_search_is_a_400_envelope(client, sample):
    body = assert_envelope(client.get("/api/v1/statements?q=Biden%00troops"), 400)
    assert "U+0000" in body["error"]
    assert client.get("/api/v1/statements?q=Biden").get_json()["items"]


@pytest.mark.parametrize("value", ["%C2%B2", "%D9%A3", "3%C2%B2"], ids=["²", "arabic-3", "3²"])
def test_a_digit_that_is_not_ascii_is_refused_where_a_number_is_expected(client, sample, value):
    # str.isdigit() says yes to "²" and "٣", int() does not accept "²"
    assert client.get(f"/sources/joe-biden?article={value}").status_code == 400
    assert client.get(f"/articles/{value}").status_code == 404
    assert_envelope(client.get(f"/api/v1/statements?limit={value}"), 422)
    assert_envelope(client.get(f"/api/v1/articles/{value}"), 404)


def test_a_digit_that_is_not_ascii_in_the_event_form_is_refused(client, sample):
    assert log_in(client).status_code == 302
    before = client.get("/api/v1/events").get_json()["items"]
    response = client.post(
        "/events/new",
        data={"title": "Top", "articles": "1, ²", "csrf_token": csrf_from(client, "/events/new")},
    )
    assert response.status_code == 422
    assert "whole numbers" in response.get_data(as_text=True)
    assert client.get("/api/v1/events").get_json()["items"] == before


@pytest.mark.parametrize(
    "path",
    [
        f"/articles/{NOT_64_BITS}",
        f"/statements/{NOT_64_BITS}",
        f"/events/{NOT_64_BITS}",
        f"/events/{NOT_64_BITS}/compare?a=A&b=B",
        f"/articles/{2**63}",
    ],
)
def test_web_ids_beyond_64_bits_are_a_404(client, sample, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/articles/{NOT_64_BITS}",
        f"/api/v1/statements/{NOT_64_BITS}",
        f"/api/v1/sources/{NOT_64_BITS}",
        f"/api/v1/sources/{NOT_64_BITS}/claims",
        f"/api/v1/events/{NOT_64_BITS}",
        f"/api/v1/articles/{2**63}",
    ],
)
def test_api_ids_beyond_64_bits_are_a_404_envelope(client, sample, path):
    assert_envelope(client.get(path), 404)


def test_query_ids_beyond_64_bits_are_refused(client, sample):
    assert client.get(f"/sources/joe-biden?article={NOT_64_BITS}").status_code == 400
    assert client.get(f"/sources/joe-biden?event={NOT_64_BITS}").status_code == 400
    for name in ("article", "event"):
        body = assert_envelope(client.get(f"/api/v1/statements?{name}={NOT_64_BITS}"), 422)
        assert name in body["errors"]
    # a source is looked up by id, slug or name: a number no id can have names no source (#14: 404)
    assert_envelope(client.get(f"/api/v1/statements?source={NOT_64_BITS}"), 404)


# --- hostile JSON bodies -------------------------------------------------------------------


def post_raw(client, path: str, raw: bytes, content_type: str = "application/json"):
    return client.post(path, data=raw, content_type=content_type, headers=AUTH)


def test_a_lone_surrogate_in_a_json_body_is_a_400_and_stores_nothing(client):
    raw = b'{"title": "Top in \\ud800 Gen\\u00e8ve", "date": "2021-04-13"}'
    body = assert_envelope(post_raw(client, "/api/v1/events", raw), 400)
    assert "surrogate" in body["error"]
    assert client.get("/api/v1/events").get_json()["items"] == []
    raw = b'{"title": "Ok", "body": "De minister zei \\udfff iets."}'
    assert_envelope(post_raw(client, "/api/v1/articles", raw), 400)
    assert client.get("/api/v1/articles").get_json()["items"] == []


def test_a_nul_in_a_json_string_is_a_422_naming_the_field(client):
    body = assert_envelope(post_raw(client, "/api/v1/events", b'{"title": "Top\\u0000"}'), 422)
    assert "title" in body["errors"]
    assert client.get("/api/v1/events").get_json()["items"] == []


@pytest.mark.parametrize("depth", [50, 100_000])
def test_json_nested_very_deep_is_a_400_and_stores_nothing(client, depth):
    raw = b'{"title": "Top", "description": ' + b"[" * depth + b"]" * depth + b"}"
    body = assert_envelope(post_raw(client, "/api/v1/events", raw), 400)
    assert "nested" in body["error"]
    assert client.get("/api/v1/events").get_json()["items"] == []
    assert client.post("/api/v1/events", json={"title": "Top"}, headers=AUTH).status_code == 201


@pytest.mark.parametrize(
    "content_type, raw",
    [
        ("text/plain", b'{"title": "Top"}'),
        ("application/x-www-form-urlencoded", b"title=Top"),
        ("multipart/form-data; boundary=x", MULTIPART_TITLE),
        (None, b'{"title": "Top"}'),
    ],
    ids=["text", "form", "multipart", "none"],
)
def test_a_body_that_is_not_declared_json_is_a_415(client, content_type, raw):
    headers = dict(AUTH)
    response = client.post("/api/v1/events", data=raw, content_type=content_type, headers=headers)
    body = assert_envelope(response, 415)
    assert "application/json" in body["error"]
    assert client.get("/api/v1/events").get_json()["items"] == []


# --- admin sessions -------------------------------------------------------------------------


def test_the_session_cookie_is_samesite_lax_and_httponly(client, sample):
    response = log_in(client)
    cookie = response.headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie
    assert "HttpOnly" in cookie


def test_a_cookie_saved_before_logout_is_no_longer_admin(app, client, sample):
    assert log_in(client).status_code == 302
    saved = client.get_cookie("session").value
    assert is_admin(client)
    logout = client.post("/logout", data={"csrf_token": csrf_from(client, "/sources/merge")})
    assert logout.status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", saved)
    assert not is_admin(replay)
    token = csrf_from(replay, "/login")
    response = replay.post(
        "/sources/merge", data={"keep": "white-house", "drop": "witte-huis", "csrf_token": token}
    )
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert replay.get("/sources/witte-huis").status_code == 200  # not merged away


def restarted(db_path, token: str):
    """The server started again on the same database and secret key, with `token`."""
    return create_app(
        {"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": token, "SECRET_KEY": "t"}
    )


def test_a_restart_with_a_new_admin_token_ends_old_sessions(db_path, client, sample):
    assert log_in(client).status_code == 302
    saved = client.get_cookie("session").value

    same_token = restarted(db_path, "test-token").test_client()
    same_token.set_cookie("session", saved)
    assert is_admin(same_token)  # the cookie itself survives a plain restart

    new_token = restarted(db_path, "a-new-token").test_client()
    new_token.set_cookie("session", saved)
    assert not is_admin(new_token)
    assert log_in(new_token, "a-new-token").status_code == 302
    assert is_admin(new_token)


# --- guessing the admin token ----------------------------------------------------------------


def test_too_many_wrong_tokens_on_the_web_login_are_a_429(client, sample):
    statuses = [log_in(client, f"guess-{i}").status_code for i in range(10)]
    assert statuses == [401] * 10
    limited = log_in(client, "guess-10")
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert log_in(client).status_code == 429  # even the right token waits
    assert not is_admin(client)


def test_too_many_wrong_tokens_on_the_api_are_a_429_envelope(client):
    for i in range(10):
        wrong = {"Authorization": f"Bearer guess-{i}"}
        assert_envelope(client.post("/api/v1/events", json={"title": "x"}, headers=wrong), 401)
    response = client.post(
        "/api/v1/events", json={"title": "x"}, headers={"Authorization": "Bearer guess-10"}
    )
    body = assert_envelope(response, 429)
    assert "too many" in body["error"]
    assert int(response.headers["Retry-After"]) > 0
    assert_envelope(client.post("/api/v1/events", json={"title": "x"}, headers=AUTH), 429)
    assert client.get("/api/v1/events").get_json()["items"] == []  # reads stay open


def test_right_tokens_do_not_use_up_the_budget(client):
    for i in range(15):
        response = client.post("/api/v1/events", json={"title": f"Top {i}"}, headers=AUTH)
        assert response.status_code == 201
    assert len(client.get("/api/v1/events?limit=50").get_json()["items"]) == 15


def test_a_huge_json_body_is_never_parsed_twice_into_a_500(client):
    # a JSON document of a million characters (but below the upload limit) validates normally
    raw = json.dumps({"title": "Top", "description": "woord " * 200_000}).encode()
    body = assert_envelope(post_raw(client, "/api/v1/events", raw), 422)
    assert "description" in body["errors"]


# --- after all of it ---------------------------------------------------------------------------


def test_the_database_is_intact_after_every_probe(app, client, db, sample):
    tables = ("articles", "statements", "sources", "events", "source_aliases")
    before = {table: db[table].count for table in tables}
    probes = [
        lambda: client.get("/login?next=/%09/evil.example"),
        lambda: client.get("/search.csv?q=Biden%00x"),
        lambda: client.get("/api/v1/statements?q=%00"),
        lambda: client.get("/sources/joe-biden?article=%C2%B2"),
        lambda: client.get(f"/api/v1/articles/{NOT_64_BITS}"),
        lambda: post_raw(client, "/api/v1/events", b'{"title": "\\ud800"}'),
        lambda: post_raw(
            client, "/api/v1/events", b'{"title": [' + b"[" * 50_000 + b"]" * 50_001 + b"}"
        ),
        lambda: post_raw(client, "/api/v1/events", b"title=x", "application/x-www-form-urlencoded"),
        lambda: post_raw(client, "/api/v1/articles", b'{"title": "x", "body": "a\\u0000b"}'),
        lambda: client.post(
            "/api/v1/events", json={"title": "x"}, headers={"Authorization": "Bearer no"}
        ),
    ]
    for _ in range(3):
        for probe in probes:
            assert probe().status_code < 500
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert {table: db[table].count for table in before} == before
    assert client.get("/sources/joe-biden").status_code == 200
