"""Throughput of GET /api/v1/statements under concurrent load, on loopback.

Builds (or reuses) a synthetic database with scripts/make_bench_data.py,
starts the production server (`claimtrack serve`, waitress) on 127.0.0.1,
then runs N client threads with keep-alive connections for a fixed time and
reports requests/s, latency percentiles and errors. With --bad-clients,
more threads send only bad requests (broken JSON, wrong token, invalid
parameters, unknown ids) at the same time, to show they change nothing for
the good ones. With --mix pages-and-api the clients also fetch the HTML
pages (home, lists, source, article and statement pages, search). With
--import-during PATH an import of the articles under PATH runs at the same
time, on a copy of the database (each .txt, .json or .html file is copied
with its text marked as a copy, so it is new content that is analysed and
stored, not skipped as unchanged). The server is stopped at the end,
whatever happens.

    python scripts/bench_api.py --statements 50000 --clients 8 --seconds 30
    python scripts/bench_api.py --mix mixed --bad-clients 4
    python scripts/bench_api.py --db /tmp/ct-load.db --mix pages-and-api
    python scripts/bench_api.py --db /tmp/ct-load.db --mix pages-and-api --import-during ../shared/corpus
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def ensure_database(path: Path, statements: int) -> None:
    if path.exists():
        return
    print(f"building {path} with {statements} statements ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "make_bench_data.py"),
            "--db",
            str(path),
            "--statements",
            str(statements),
        ],
        check=True,
    )


def start_server(
    db: Path, port: int, threads: int, log: IO[bytes], token: str | None = None
) -> subprocess.Popen:
    """Start `claimtrack serve` on loopback; its output goes to `log`.

    The log is a file, not a pipe: waitress warns on stderr when its queue
    grows, and an unread pipe would fill up and stall the server. Writes are
    enabled with `token`, or by default with a token no client knows, so bad
    writes meet the 401 path.
    """
    env = {**os.environ, "CLAIMTRACK_ADMIN_TOKEN": token or secrets.token_hex(16)}
    command = [
        sys.executable,
        "-c",
        "from claimtrack.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--threads",
        str(threads),
    ]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until_up(port: int, server: subprocess.Popen, log: IO[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"server exited: {log.read().decode()[-2000:]}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/api/v1/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not come up")


def client_loop(port: int, paths: list[str], stop_at: float, results: list, errors: list) -> None:
    """Send requests one after another on a keep-alive connection until `stop_at`."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    i = 0
    while time.monotonic() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - started
            expected = b"<!doctype" if not path.startswith("/api/") else b"{"
            if response.status != 200 or not body.lstrip()[:9].lower().startswith(expected):
                errors.append(f"{response.status} {path}")
            else:
                results.append((path, elapsed))
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__}: {exc} ({path})")
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.close()


BAD_REQUESTS = [
    ("POST", "/api/v1/events", b"{not json", {"Authorization": "Bearer wrong"}),
    ("POST", "/api/v1/events", b"{not json", {}),
    ("GET", "/api/v1/statements?limit=-1&colour=red", None, {}),
    ("GET", "/api/v1/statements?next=forged-token", None, {}),
    ("GET", "/api/v1/sources/999999999", None, {}),
    ("DELETE", "/api/v1/statements", None, {}),
]


def bad_client_loop(port: int, stop_at: float, statuses: dict) -> None:
    """Send malformed, unauthorised and unknown requests until `stop_at`; count statuses."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    i = 0
    while time.monotonic() < stop_at:
        method, path, body, headers = BAD_REQUESTS[i % len(BAD_REQUESTS)]
        i += 1
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            statuses[response.status] = statuses.get(response.status, 0) + 1
        except (OSError, http.client.HTTPException):
            statuses["connection error"] = statuses.get("connection error", 0) + 1
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.close()


def run_load(
    port: int, paths: list[str], clients: int, seconds: float, bad_clients: int = 0
) -> dict:
    results: list[float] = []
    errors: list[str] = []
    bad_statuses: dict = {}
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client_loop, args=(port, paths, stop_at, results, errors))
        for _ in range(clients)
    ] + [
        threading.Thread(target=bad_client_loop, args=(port, stop_at, bad_statuses))
        for _ in range(bad_clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    latencies = sorted(elapsed for _, elapsed in results)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    by_kind = {}
    for kind, is_kind in (("api", True), ("pages", False)):
        times = [e for path, e in results if path.startswith("/api/") is is_kind]
        if len(times) > 1:
            cuts = statistics.quantiles(times, n=100)
            by_kind[kind] = {
                "requests": len(times),
                "p50_ms": round(cuts[49] * 1000, 1),
                "p95_ms": round(cuts[94] * 1000, 1),
            }
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:5],
        "seconds": round(wall, 1),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "by_kind": by_kind,
        **({"bad_request_statuses": bad_statuses} if bad_clients else {}),
    }


def request_paths(port: int, variant: str, db: Path | None = None) -> list[str]:
    """The request mix: the first page, or also filtered and deeper pages (and HTML pages)."""
    if variant == "first-page":
        return ["/api/v1/statements"]
    if variant == "pages-and-api":
        return request_paths(port, "mixed", db) + page_paths(db)
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/api/v1/sources?limit=20")
    sources = json.loads(connection.getresponse().read())["items"]
    paths = ["/api/v1/statements"]
    page = "/api/v1/statements?limit=50"
    for _ in range(5):  # deeper pages through real next tokens
        connection.request("GET", page)
        token = json.loads(connection.getresponse().read())["next"]
        if token is None:
            break
        page = "/api/v1/statements?" + urlencode({"limit": 50, "next": token})
        paths.append(page)
    for source in sources[:5]:
        paths.append("/api/v1/statements?" + urlencode({"source": source["name"]}))
    paths += ["/api/v1/statements?language=en", "/api/v1/statements?type=direct"]
    # issue #17: a common word, date filters, and deep pages of the busiest speaker
    paths += ["/api/v1/statements?" + urlencode({"q": word}) for word in ("de", "the", "minister")]
    paths += ["/api/v1/statements?since=2023", "/api/v1/statements?until=2016&language=nl"]
    if sources:
        busiest = max(sources[:20], key=lambda s: s.get("statement_count", 0))["id"]
        if db is not None:  # the speaker with the most claims in the whole database
            with sqlite3.connect(db) as conn:
                busiest = conn.execute(
                    "SELECT speaker_source_id FROM attributions WHERE speaker_source_id "
                    "IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                ).fetchone()[0]
        page = "/api/v1/statements?" + urlencode({"source": busiest, "limit": 50})
        for depth in range(20):
            connection.request("GET", page)
            token = json.loads(connection.getresponse().read())["next"]
            if token is None:
                break
            page = "/api/v1/statements?" + urlencode(
                {"source": busiest, "limit": 50, "next": token}
            )
            if depth in (4, 19):
                paths.append(page)
    connection.close()
    return paths


SEARCHES = ["minister", "president", "klimaat", "sanctions", "oorlog", '"het kabinet"']


def page_paths(db: Path) -> list[str]:
    """HTML pages over rows of `db`: lists, busy and random sources, articles, statements, search."""
    connection = sqlite3.connect(db)
    try:
        busiest = [
            row[0]
            for row in connection.execute(
                "SELECT s.slug FROM sources s JOIN (SELECT speaker_source_id AS id, count(*) AS n"
                " FROM attributions GROUP BY 1 ORDER BY n DESC LIMIT 5) c ON c.id = s.id"
            )
        ]
        others = [
            r[0] for r in connection.execute("SELECT slug FROM sources ORDER BY random() LIMIT 5")
        ]
        articles = [
            r[0] for r in connection.execute("SELECT id FROM articles ORDER BY random() LIMIT 8")
        ]
        statements = [
            r[0] for r in connection.execute("SELECT id FROM statements ORDER BY random() LIMIT 8")
        ]
    finally:
        connection.close()
    paths = ["/", "/sources", "/articles", "/events"]
    paths += [f"/sources/{slug}" for slug in busiest + others]
    paths += [f"/articles/{i}" for i in articles]
    paths += [f"/statements/{i}" for i in statements]
    paths += ["/search?" + urlencode({"q": q}) for q in SEARCHES]
    return paths


def copy_articles(source: Path, target: Path) -> int:
    """Copy the article files under `source` to `target` as new content; return how many."""
    count = 0
    files = [source] if source.is_file() else sorted(source.rglob("*"))
    for path in files:
        if path.suffix not in (".txt", ".json", ".html") or not path.is_file():
            continue
        count += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".json":
            data = json.loads(text)
            data["title"] = f"{data.get('title') or 'Untitled'} (load test copy)"
            text = json.dumps(data, ensure_ascii=False)
        elif path.suffix == ".html":
            text = text.replace("</body>", "<p>Load test copy.</p></body>")
        else:
            text = text.rstrip("\n") + "\n\nLoad test copy.\n"
        (target / f"{count:05d}-{path.name}").write_text(text, encoding="utf-8")
    return count


def start_import(db: Path, folder: Path, log: IO[bytes]) -> subprocess.Popen:
    """`claimtrack import --json` of `folder` into `db`, one JSON line per file to `log`."""
    command = [
        sys.executable,
        "-c",
        "from claimtrack.cli import main; main()",
        "import",
        "--json",
        "--db",
        str(db),
        str(folder),
    ]
    return subprocess.Popen(command, stdout=log, stderr=subprocess.DEVNULL)


def import_summary(importer: subprocess.Popen, log: IO[bytes], started: float) -> dict:
    """Files imported while the load ran, and how the importer ended (stopped if still going)."""
    running = importer.poll() is None
    if running:
        importer.terminate()
        importer.wait(timeout=30)
    log.seek(0)
    outcomes = [
        json.loads(line) for line in log.read().decode().splitlines() if line.startswith("{")
    ]
    statuses: dict = {}
    for outcome in outcomes:
        statuses[outcome["status"]] = statuses.get(outcome["status"], 0) + 1
    return {
        "files_done": len(outcomes),
        "statuses": statuses,
        "statements_stored": sum(
            o.get("statements", 0) for o in outcomes if o["status"] == "imported"
        ),
        "still_running_at_end": running,
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/claimtrack-bench-api.db"))
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument(
        "--mix", choices=["first-page", "mixed", "pages-and-api"], default="first-page"
    )
    parser.add_argument(
        "--bad-clients",
        type=int,
        default=0,
        help="extra clients sending only bad requests at the same time (not in the figures)",
    )
    parser.add_argument(
        "--import-during",
        type=Path,
        metavar="PATH",
        help="import copies of the articles under PATH while the load runs (on a copy of --db)",
    )
    args = parser.parse_args()
    args.seconds = min(args.seconds, 300.0)  # bounded: never an open-ended loop

    ensure_database(args.db, args.statements)
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryFile() as log:
        db = args.db
        if args.import_during:
            db = Path(scratch) / "bench.db"
            shutil.copyfile(args.db, db)  # the import writes to a copy, never to --db
            articles = Path(scratch) / "articles"
            articles.mkdir()
            copies = copy_articles(args.import_during, articles)
        server = start_server(db, port, args.server_threads, log)
        importer = None
        try:
            wait_until_up(port, server, log)
            paths = request_paths(port, args.mix, db)
            run_load(port, paths, args.clients, min(3.0, args.seconds))  # warm-up, not reported
            if args.import_during:
                import_log = (Path(scratch) / "import.jsonl").open("w+b")
                import_started = time.monotonic()
                importer = start_import(db, articles, import_log)
            report = run_load(port, paths, args.clients, args.seconds, args.bad_clients)
            if importer is not None:
                report["import"] = {
                    "files_offered": copies,
                    **import_summary(importer, import_log, import_started),
                }
        finally:
            if importer is not None and importer.poll() is None:
                importer.kill()
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.import_during:
            connection = sqlite3.connect(db)
            check = connection.execute("PRAGMA integrity_check").fetchall()
            connection.close()
            report["import"]["integrity_check"] = "; ".join(row[0] for row in check)
    report.update(
        {
            "clients": args.clients,
            "bad_clients": args.bad_clients,
            "server_threads": args.server_threads,
            "mix": args.mix,
            "distinct_paths": len(paths),
            "database": str(args.db),
        }
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
