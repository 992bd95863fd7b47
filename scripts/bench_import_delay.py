#!/usr/bin/env python3
"""How long one pathological 1 MB article posted to the API delays concurrent reads.

Starts `claimtrack serve` (waitress, on loopback) on a copy of --db, lets a
few reader threads fetch API lists and HTML pages for a baseline, then posts
one hostile article to POST /api/v1/articles with the admin token while the
readers go on. Reports the readers' latency before and during the import
(p50, p95, max) and the import's own time and status. The figure to watch
is `added_delay_ms`: the slowest read during the import minus the baseline
median (the issue's target is at most 1 s). The server is stopped at the
end, whatever happens.

    python scripts/bench_import_delay.py --db /tmp/ct-load.db
    python scripts/bench_import_delay.py --db /tmp/ct-load.db --case lines

Cases (built here): `paragraph`, one 1 MB paragraph of words without a full
stop; `lines`, 100k short lines (1.2 MB); `word`, one 1 MB word (refused
with 422 before any analysis).
"""

from __future__ import annotations

import argparse
import http.client
import json
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api import HOST, free_port, start_server, wait_until_up

MB = 1_000_000
READ_PATHS = ["/api/v1/statements", "/api/v1/sources?limit=20", "/", "/sources", "/articles"]


def hostile_body(case: str) -> str:
    """The article text of one case (see the module docstring)."""
    if case == "paragraph":
        unit = "de minister zegt dat de haven open blijft en dat de schepen mogen varen "
        return (unit * (MB // len(unit) + 1))[:MB]
    if case == "lines":
        return "Het regent.\n" * 100_000
    return "a" * MB


def reader(port: int, stop: threading.Event, samples: list) -> None:
    """Fetch READ_PATHS in turn until `stop`; record (start time, seconds, status) per request."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    i = 0
    while not stop.is_set():
        path = READ_PATHS[i % len(READ_PATHS)]
        i += 1
        started = time.monotonic()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = "error"
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=120)
        samples.append((started, time.monotonic() - started, status))
    connection.close()


def post_article(port: int, token: str, body: str) -> tuple[int, float, dict]:
    """POST the article; return (status, seconds, answer without the long fields)."""
    article = {"title": f"Hostile load {secrets.token_hex(4)}", "language": "nl", "body": body}
    payload = json.dumps(article).encode()
    connection = http.client.HTTPConnection(HOST, port, timeout=600)
    started = time.monotonic()
    connection.request(
        "POST",
        "/api/v1/articles",
        body=payload,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    response = connection.getresponse()
    answer = json.loads(response.read() or b"{}")
    seconds = time.monotonic() - started
    connection.close()
    brief = {
        "statements": len(answer.get("statements", [])),
        "error": answer.get("error"),
        "errors": answer.get("errors"),
    }
    return response.status, seconds, brief


def integrity_check(db: Path) -> str:
    """SQLite's `PRAGMA integrity_check` answer for `db` ("ok" when sound)."""
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def summary(latencies: list[float]) -> dict:
    """Count, p50, p95 and max in milliseconds."""
    if not latencies:
        return {"requests": 0}
    ordered = sorted(latencies)
    p95 = statistics.quantiles(ordered, n=100)[94] if len(ordered) > 1 else ordered[0]
    return {
        "requests": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="database to copy and serve")
    parser.add_argument("--case", choices=["paragraph", "lines", "word"], default="paragraph")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--baseline-seconds", type=float, default=10.0)
    parser.add_argument("--server-threads", type=int, default=8)
    args = parser.parse_args()

    body = hostile_body(args.case)
    token = secrets.token_hex(16)
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryFile() as log:
        db = Path(scratch) / "delay.db"
        shutil.copyfile(args.db, db)
        server = start_server(db, port, args.server_threads, log, token=token)
        stop = threading.Event()
        samples: list = []
        threads = [
            threading.Thread(target=reader, args=(port, stop, samples)) for _ in range(args.readers)
        ]
        try:
            wait_until_up(port, server, log)
            for thread in threads:
                thread.start()
            time.sleep(min(args.baseline_seconds, 120))
            import_started = time.monotonic()
            status, seconds, answer = post_article(port, token, body)
            import_ended = time.monotonic()
            time.sleep(2)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=130)
            server.terminate()
            try:
                server.wait(timeout=10)
            except Exception:  # noqa: BLE001
                server.kill()
        integrity = integrity_check(db)
    before = [s for s in samples if s[0] < import_started and s[0] + s[1] < import_started]
    during = [s for s in samples if s[0] < import_ended and s[0] + s[1] > import_started]
    errors = [s for s in samples if s[2] != 200]
    slowest = max(during, key=lambda s: s[1], default=None)
    baseline = summary([s[1] for s in before])
    while_importing = summary([s[1] for s in during])
    report = {
        "case": args.case,
        "body_chars": len(body),
        "import": {"status": status, "seconds": round(seconds, 2), **answer},
        "reads_before": baseline,
        "reads_during_import": while_importing,
        "added_delay_ms": round(while_importing.get("max_ms", 0) - baseline.get("p50_ms", 0), 1),
        "slowest_read_started_s_after_import_start": (
            round(slowest[0] - import_started, 1) if slowest else None
        ),
        "reads_over_500_ms_during_import": sum(1 for s in during if s[1] > 0.5),
        "read_errors": len(errors),
        "integrity_check": integrity,
        "readers": args.readers,
        "database": str(args.db),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
