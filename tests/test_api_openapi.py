"""The OpenAPI document describes every API route, generated from the marshmallow schemas."""

from __future__ import annotations

import re


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def test_every_api_route_and_method_is_documented(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.rule.endswith("openapi.json"):
            continue
        operations = document["paths"][openapi_path(rule.rule)]
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in operations, f"{method} {rule.rule} undocumented"


def test_writes_declare_the_bearer_token_and_its_errors(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method == "get":
                assert "security" not in operation, path
                continue
            assert operation["security"] == [{"bearerAuth": []}], path
            assert {"401", "403"} <= set(operation["responses"]), path


def test_request_and_response_schemas_come_from_marshmallow(client):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    article_input = schemas["ArticleInput"]
    assert set(article_input["required"]) == {"title", "body"}
    assert article_input["additionalProperties"] is False
    assert article_input["properties"]["language"]["enum"] == ["nl", "en", "auto"]
    assert schemas["Statement"]["properties"]["id"]["readOnly"] is True
    assert set(schemas["Error"]["properties"]) == {"ok", "error", "errors", "status"}
    parameters = document["paths"]["/api/v1/statements"]["get"]["parameters"]
    names = {p["name"] for p in parameters}
    assert names == {
        "source",
        "via",
        "event",
        "article",
        "type",
        "language",
        "q",
        "since",
        "until",
        "publisher",
        # the list conventions every list shares (#14), with the older names kept
        "_sort",
        "_sort_desc",
        "_size",
        "_next",
        "_facet",
        "limit",
        "next",
        "after",
    }


def test_every_json_twin_of_a_web_page_is_documented(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    twins = [
        rule
        for rule in app.url_map.iter_rules()
        if rule.rule.endswith(".json") and not rule.rule.startswith("/api/")
    ]
    assert len(twins) >= 9
    for rule in twins:
        assert openapi_path(rule.rule) in document["paths"], f"{rule.rule} undocumented"


def test_path_parameters_are_the_placeholders_of_their_path(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, operations in document["paths"].items():
        placeholders = set(re.findall(r"{([^}]+)}", path))
        for operation in operations.values():
            named = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert named == placeholders, path
