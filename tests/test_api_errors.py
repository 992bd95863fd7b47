"""Every API failure answers with the same JSON envelope and the right status."""

from __future__ import annotations

import json

import pytest

from claimtrack.app import create_app

AUTH = {"Authorization": "Bearer test-token"}


def assert_envelope(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], dict)
    return body


def test_unknown_api_url_is_a_json_404(client):
    assert_envelope(client.get("/api/v1/no-such-thing"), 404)
    assert_envelope(client.get("/api/v2/statements"), 404)


def test_missing_record_is_a_json_404_naming_it(client):
    body = assert_envelope(client.get("/api/v1/articles/4242"), 404)
    assert "4242" in body["error"]
    assert_envelope(client.get("/api/v1/sources/0"), 404)


def test_wrong_method_is_a_json_405_with_allow_header(client):
    response = client.delete("/api/v1/statements")
    assert_envelope(response, 405)
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    "data",
    [b"", b"{not json", b"[1, 2, 3]", b'"just a string"', b"\xff\xfe\x00binary"],
    ids=["empty", "broken", "array", "string", "binary"],
)
def test_body_that_is_not_a_json_object_is_a_400(client, data):
    response = client.post(
        "/api/v1/events", data=data, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_envelope(response, 400)


def test_unknown_and_invalid_fields_are_a_422_per_field(client):
    response = client.post(
        "/api/v1/events", json={"title": "Top", "date": "2021-13", "colour": "red"}, headers=AUTH
    )
    body = assert_envelope(response, 422)
    assert set(body["errors"]) == {"date", "colour"}


def test_invalid_query_parameters_are_a_422(client):
    body = assert_envelope(client.get("/api/v1/statements?type=shouted&limit=0&size=3"), 422)
    assert set(body["errors"]) == {"type", "limit", "size"}
    body = assert_envelope(client.get("/api/v1/statements?next=not-a-token"), 422)
    assert "next" in body["errors"]


def test_body_over_the_configured_limit_is_a_json_413(db_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(db_path),
            "ADMIN_TOKEN": "test-token",
            "MAX_CONTENT_LENGTH": 1000,
        }
    )
    small_enough = app.test_client().post("/api/v1/events", json={"title": "x"}, headers=AUTH)
    assert small_enough.status_code == 201
    too_big = json.dumps({"title": "x", "description": "y" * 2000})
    response = app.test_client().post(
        "/api/v1/events", data=too_big, content_type="application/json", headers=AUTH
    )
    assert_envelope(response, 413)


def test_fifty_megabyte_article_is_a_json_413_and_stores_nothing(client):
    body = json.dumps({"title": "Huge", "body": "woord " * (50 * 1024 * 1024 // 6)})
    response = client.post(
        "/api/v1/articles", data=body, content_type="application/json", headers=AUTH
    )
    assert_envelope(response, 413)
    assert client.get("/api/v1/articles").get_json()["items"] == []


def test_writes_without_or_with_a_wrong_token_are_401(client):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic dGVzdA=="}):
        response = client.post("/api/v1/events", json={"title": "x"}, headers=headers)
        assert_envelope(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/v1/events").get_json()["items"] == []


def test_reads_need_no_token(client):
    assert client.get("/api/v1/events").status_code == 200


def test_without_a_configured_token_writes_are_disabled_with_403(db_path):
    app = create_app({"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": None})
    response = app.test_client().post("/api/v1/events", json={"title": "x"}, headers=AUTH)
    body = assert_envelope(response, 403)
    assert "disabled" in body["error"]


def test_unexpected_failure_is_a_json_500(app, client, monkeypatch):
    from claimtrack.store.reads import events

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(events, "list_events", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    body = assert_envelope(client.get("/api/v1/events"), 500)
    assert "disk on fire" not in body["error"]


def test_a_flood_of_bad_requests_does_not_affect_good_ones(client):
    bad_requests = [
        lambda: client.post("/api/v1/events", data=b"{", headers=AUTH),
        lambda: client.post("/api/v1/events", json={"title": ""}, headers=AUTH),
        lambda: client.get("/api/v1/statements?limit=-5"),
        lambda: client.get("/api/v1/sources/99999"),
    ]
    for _ in range(60):
        for send in bad_requests:
            assert send().status_code >= 400
    assert client.get("/api/v1/events").get_json()["items"] == []
    created = client.post("/api/v1/events", json={"title": "Top in Genève"}, headers=AUTH)
    assert created.status_code == 201
    assert client.get("/api/v1/events").get_json()["items"][0]["title"] == "Top in Genève"
