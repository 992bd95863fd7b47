"""Property-based run of the API against its own OpenAPI document (schemathesis).

The document describes every JSON route: the API's and the web pages' .json
twins (#14). Every documented operation gets generated requests, both fitting the
document (positive) and breaking it (negative); no response may be a server
error or differ from what the document promises (status, content type,
body schema), and no request that fits the document may be refused as bad
input (400, 413, 415 or 422: the document is as strict as the server).
The whole document runs twice: with the admin token, so writes reach
validation and storage, and without it, so every write meets the token
check (the rate limit on failed attempts is off in that run, or after ten
attempts every write would be a 429 instead). Run with `-s` to see the
per-operation summary.

schemathesis' own pytest plugin does not work with this pytest version, so
the operations are driven through its Python API with Hypothesis directly.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
import schemathesis
from api_sample import populate
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claimtrack.app import create_app
from claimtrack.store import open_database
from claimtrack.store.events import create_event

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Answers that refuse a request as bad input. A schema-valid (positive) request may get one
# only for what no schema can say: an id in the body naming no stored row, or a page token
# the server did not make (a 422 naming only these fields); those are counted apart.
REFUSALS = (400, 413, 415, 422)
REFERENCE_FIELDS = {"next", "_next", "after", "into", "articles", "statements"}
EXAMPLES_PER_MODE = 20
AUTH = {"Authorization": "Bearer test-token"}


AUTH_MODES = {"token": AUTH, "anonymous": {}}


@pytest.fixture(params=sorted(AUTH_MODES))
def auth_mode(request) -> str:
    """Run the document with the admin token, and again without it."""
    return request.param


SLUG = {}


@pytest.fixture
def api_schema(auth_mode, db_path):
    """The API's OpenAPI document, loaded from the app itself, over a few stored articles."""
    db = open_database(db_path)
    article_ids = populate(db, copies=2)
    create_event(db, "Gesprek", date="2021-04-13", article_ids=article_ids)
    # a source that speaks and relays, for the runs on rows that exist
    SLUG["slug"] = db.execute("SELECT slug FROM sources WHERE id = 1").fetchone()[0]
    db.close()
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(db_path),
            "ADMIN_TOKEN": "test-token",
            "SECRET_KEY": "t",
            "RATELIMIT_ENABLED": auth_mode == "token",
        }
    )
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def run_operation(
    operation,
    mode: GenerationMode,
    statuses: Counter | None = None,
    path_parameters: dict | None = None,
    headers: dict | None = None,
    refusals: Counter | None = None,
) -> tuple[int, list[str]]:
    """Send generated requests of one mode to one operation; return (requests, failures).

    `statuses` (if given) counts the status codes of the responses;
    `path_parameters` fixes path ids instead of generating them; `headers`
    go with every request (the admin token, or nothing); `refusals` counts
    positive requests refused, by kind ("schema-valid" fails the run,
    "reference" is a 422 about REFERENCE_FIELDS only).
    """
    refusals = Counter() if refusals is None else refusals
    sent, failures = 0, []
    statuses = Counter() if statuses is None else statuses
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_MODE,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def exercise(case):
        nonlocal sent
        sent += 1
        response = case.call_and_validate(headers=headers or {}, checks=CHECKS)
        statuses[response.status_code] += 1
        if mode is GenerationMode.POSITIVE and response.status_code in REFUSALS:
            fields = set(response.json().get("errors") or {})
            if response.status_code == 422 and fields and fields <= REFERENCE_FIELDS:
                refusals["reference"] += 1
                return
            refusals["schema-valid"] += 1
            raise AssertionError(
                f"schema-valid request refused with {response.status_code}: "
                f"{response.text[:300]}\n{case.as_curl_command()}"
            )

    try:
        exercise()
    # any failure is collected, so one run reports every failing operation at once;
    # FailureGroup (schemathesis' check failures) derives from BaseException
    except (FailureGroup, Exception) as exc:  # noqa: BLE001
        failures.append(f"{operation.label} [{mode.value}]: {exc}")
    return sent, failures


def engine_available() -> bool:
    """Whether the spaCy pipelines POST /articles analyses with can be loaded."""
    from claimtrack.engine.nlp import PipelineUnavailable
    from claimtrack.engine.pipeline import get_pipeline

    try:
        get_pipeline("nl")
        get_pipeline("en")
    except PipelineUnavailable:
        return False
    return True


def test_api_conforms_to_its_openapi_document(api_schema, auth_mode):
    started = time.monotonic()
    total, failures, operations, statuses, refusals = 0, [], 0, Counter(), Counter()
    skip_analysis = not engine_available()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1
        if skip_analysis and operation.label == "POST /api/v1/articles":
            print(f"{operation.label:55} skipped: spaCy pipelines not available")
            continue
        runs = [(GenerationMode.POSITIVE, None), (GenerationMode.NEGATIVE, None)]
        path_names = [p.name for p in operation.path_parameters]
        if path_names:
            # random ids mostly miss; one more run on rows that exist reaches the 2xx answers
            runs.append((GenerationMode.POSITIVE, {name: SLUG.get(name, 1) for name in path_names}))
        for mode, path_parameters in runs:
            sent, failed = run_operation(
                operation, mode, statuses, path_parameters, AUTH_MODES[auth_mode], refusals
            )
            total += sent
            failures += failed
            label = f"{mode.value}{' id=1' if path_parameters else ''}"
            print(f"{operation.label:55} {label:13} {sent:3} requests {'FAIL' if failed else 'ok'}")
    print(
        f"schemathesis ({auth_mode}): {operations} operations, {total} requests, "
        f"{len(failures)} failures, "
        f"{time.monotonic() - started:.1f} s"
    )
    print("status codes:", dict(sorted(statuses.items())))
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    print(
        f"server errors: {server_errors}; schema-valid requests refused: "
        f"{refusals['schema-valid']}; refused for naming missing rows or a forged page token: "
        f"{refusals['reference']}"
    )
    assert operations >= 25
    twins = [r.ok().label for r in api_schema.get_all_operations()]
    assert sum(1 for label in twins if not label.split(" ", 1)[1].startswith("/api/")) >= 10
    assert not failures, "\n\n".join(failures)
