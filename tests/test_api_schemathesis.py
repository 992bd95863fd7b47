"""Property-based run of the API against its own OpenAPI document (schemathesis).

Every documented operation gets generated requests, both fitting the
document (positive) and breaking it (negative); no response may be a server
error or differ from what the document promises (status, content type,
body schema). Writes carry the admin token so they reach validation and
storage. Run with `-s` to see the per-operation summary.

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

from claimtrack.store import open_database
from claimtrack.store.events import create_event

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_MODE = 20
AUTH = {"Authorization": "Bearer test-token"}


@pytest.fixture
def api_schema(app, db_path):
    """The API's OpenAPI document, loaded from the app itself, over a few stored articles."""
    db = open_database(db_path)
    article_ids = populate(db, copies=2)
    create_event(db, "Gesprek", date="2021-04-13", article_ids=article_ids)
    db.close()
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def run_operation(
    operation,
    mode: GenerationMode,
    statuses: Counter | None = None,
    path_parameters: dict | None = None,
) -> tuple[int, list[str]]:
    """Send generated requests of one mode to one operation; return (requests, failures).

    `statuses` (if given) counts the status codes of the responses;
    `path_parameters` fixes path ids instead of generating them.
    """
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
        response = case.call_and_validate(headers=AUTH, checks=CHECKS)
        statuses[response.status_code] += 1

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


def test_api_conforms_to_its_openapi_document(api_schema):
    started = time.monotonic()
    total, failures, operations, statuses = 0, [], 0, Counter()
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
            runs.append((GenerationMode.POSITIVE, dict.fromkeys(path_names, 1)))
        for mode, path_parameters in runs:
            sent, failed = run_operation(operation, mode, statuses, path_parameters)
            total += sent
            failures += failed
            label = f"{mode.value}{' id=1' if path_parameters else ''}"
            print(f"{operation.label:55} {label:13} {sent:3} requests {'FAIL' if failed else 'ok'}")
    print(
        f"schemathesis: {operations} operations, {total} requests, {len(failures)} failures, "
        f"{time.monotonic() - started:.1f} s"
    )
    print("status codes:", dict(sorted(statuses.items())))
    assert operations >= 15
    assert not failures, "\n\n".join(failures)
