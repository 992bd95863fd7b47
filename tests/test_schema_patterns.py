"""The OpenAPI document's patterns say what the server's own checks say."""

from __future__ import annotations

import re

import pytest

from claimtrack.ingest.fields import is_valid_date, is_web_address
from claimtrack.schema_patterns import CALENDAR_DATE, NO_CONTROL, WEB_ADDRESS


def dates():
    for year in (0, 1, 4, 100, 1900, 2000, 2021, 2024, 9999):
        yield f"{year:04d}"
        for month in range(14):
            yield f"{year:04d}-{month:02d}"
            for day in range(33):
                yield f"{year:04d}-{month:02d}-{day:02d}"
    yield from ("2021-02-28\n", "2021-2-3", "21-02-03", "2021-02-03T00:00", "")


def test_the_date_pattern_accepts_exactly_the_real_calendar_dates():
    pattern = re.compile(CALENDAR_DATE)
    disagree = [d for d in dates() if bool(pattern.search(d)) != is_valid_date(d)]
    assert disagree == []


@pytest.mark.parametrize(
    "url, allowed",
    [
        ("https://example.org/nieuws?id=3", True),
        ("http://a.bc", True),
        ("javascript:alert(1)", False),
        ("https://example.org/a b", False),
        ("https://example.org/\n", False),
        ("//example.org/x", False),
        ("ftp://example.org/x", False),
    ],
)
def test_an_address_the_pattern_allows_is_one_the_server_takes(url, allowed):
    assert bool(re.search(WEB_ADDRESS, url)) is allowed
    assert is_web_address(url) is allowed


def test_query_text_pattern_refuses_what_the_request_check_refuses():
    from claimtrack.request_checks import _CONTROL

    for code in range(0x80):
        character = chr(code)
        assert bool(re.search(NO_CONTROL, f"a{character}b")) != bool(_CONTROL.search(character))


def test_the_document_carries_the_patterns(client):
    document = client.get("/api/v1/openapi.json").get_json()
    event = document["components"]["schemas"]["EventInput"]["properties"]
    assert event["date"]["pattern"] == CALENDAR_DATE
    assert event["title"]["pattern"] == "^[^\\u0000]*$"
    parameters = document["paths"]["/api/v1/statements"]["get"]["parameters"]
    q = next(p for p in parameters if p["name"] == "q")
    assert q["schema"]["pattern"] == NO_CONTROL
