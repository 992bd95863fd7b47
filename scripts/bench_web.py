"""Measure response times of the web pages, the API lists and the CSV export.

Runs the Flask app in-process (test client, so the figures are the app's
own time: routing, SQL, templates; no network) against a database made by
`scripts/make_bench_data.py`, and prints p50/p95 per page kind: the home
page, the list pages, source, article and statement pages, search (common
and rarer words), the API statement list (first page, `?q=` on a common
word, `?language=`, `?since=`, `?source=` at several depths) and the API
source list. With --export it also times the CSV export of the statements
of a busy source and of one with about a quarter as many claims, and prints
microseconds per exported statement for both (equal figures: linear).

    python scripts/make_bench_data.py --db /tmp/claimtrack-bench.db --statements 1000000
    python scripts/bench_web.py --db /tmp/claimtrack-bench.db --export

The URLs are chosen from the rows alone (no maintained tables), so the same
script measures an older claimtrack against the same data:
PYTHONPATH=/path/to/old/checkout python scripts/bench_web.py --db old-copy.db
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from claimtrack.app import create_app
from claimtrack.store.cursors import encode_cursor

SEARCHES = [
    "minister",
    "troops",
    "klimaat",
    "prijzen inflatie",
    '"stable relationship"',
    "border war",
    "pensioen",
    "flooding",
    "sanctions weapons",
    "kabinet begroting",
    "cyberattacks",
    "hypotheek",
    "oorlog",
    "inquiry",
    "staking loon",
    "prices",
]
# words in about half of all statements of the bench data: the worst case for search
COMMON_WORDS = ["de", "van", "the", "of", "het", "and"]


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values, by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def pick_urls(db_path: Path, rng: random.Random) -> dict[str, list[str]]:
    """URLs per page kind: the busiest sources and random ones, random articles, searches."""
    conn = sqlite3.connect(db_path)
    busiest = conn.execute(
        "SELECT s.slug, s.id, c.n FROM sources s JOIN (SELECT speaker_source_id AS id, count(*) AS n "
        "FROM attributions GROUP BY 1 ORDER BY n DESC LIMIT 5) c ON c.id = s.id ORDER BY c.n DESC"
    ).fetchall()
    slugs = [r[0] for r in conn.execute("SELECT slug FROM sources")]
    article_ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    statement_ids = rng.sample(
        range(1, conn.execute("SELECT max(id) FROM statements").fetchone()[0]), 30
    )
    # deep pages of the busiest speakers: `next` tokens at 10%, 50% and 90% of their claims
    deep = []
    for _slug, source_id, _n in busiest[:3]:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT statement_id FROM attributions WHERE speaker_source_id = ? "
                "ORDER BY statement_id DESC",
                [source_id],
            )
        ]
        for share in (0.1, 0.5, 0.9):
            # the bare key of a page's last row: a `next` token before #14 and after it
            token = encode_cursor([ids[int(len(ids) * share)]])
            deep.append("/api/v1/statements?" + urlencode({"source": source_id, "next": token}))
    conn.close()
    busy = [slug for slug, _id, _n in busiest]
    sources = [f"/sources/{slug}" for slug in busy + rng.sample(slugs, 45)]
    sources += [f"/sources/{busy[0]}?type=direct", f"/sources/{busy[0]}?from=2020&to=2021"]
    api = "/api/v1/statements"
    return {
        "home": ["/"],
        "list pages": [
            "/articles",
            "/articles?language=nl",
            "/sources",
            "/sources?kind=person",
            "/events",
        ],
        # hand-made events (no stored participants): each row counts its articles and the
        # sources of its statements
        "events list": [
            "/events",
            "/events?_sort=title",
            "/events.json",
            "/api/v1/events",
            "/events?year=2020",
        ],
        "source page": sources,
        "article page": [f"/articles/{i}" for i in rng.sample(article_ids, 50)],
        "statement page": [f"/statements/{i}" for i in statement_ids],
        "search": [f"/search?q={q}" for q in SEARCHES]
        + [f"/search?q={q}&language=nl" for q in SEARCHES[:4]],
        "search common": [f"/search?q={q}" for q in COMMON_WORDS],
        "api first page": [api, f"{api}?type=direct", "/api/v1/sources", "/api/v1/articles"],
        "api ?q=": [f"{api}?q={q}" for q in COMMON_WORDS + ["minister", "oorlog"]],
        "api ?language/since": [
            f"{api}?language=en",
            f"{api}?language=nl",
            f"{api}?since=2023",
            f"{api}?since=2024-06&language=en",
            f"{api}?until=2016",
        ],
        "api ?source=": [f"{api}?source={slug}" for slug in busy] + deep,
    }


def measure_export(client, db_path: Path) -> list[dict]:
    """Seconds and microseconds per statement for the CSV export of two sources' statements."""
    conn = sqlite3.connect(db_path)
    counts = conn.execute(
        "SELECT speaker_source_id, count(DISTINCT statement_id) AS n FROM attributions "
        "WHERE speaker_source_id IS NOT NULL GROUP BY 1 ORDER BY n DESC"
    ).fetchall()
    conn.close()
    big = counts[0]
    quarter = min(counts, key=lambda row: abs(row[1] - big[1] / 4))
    results = []
    for source_id, statements in (quarter, big):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(f"/api/v1/statements.csv?source={source_id}")
        body = response.get_data()
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"export of source {source_id} answered {response.status_code}")
        rows = body.count(b"\n") - 1
        results.append(
            {
                "source_id": source_id,
                "statements": statements,
                "csv_rows": rows,
                "seconds": round(elapsed, 2),
                "us_per_statement": round(elapsed / statements * 1e6, 1),
                "cpu_us_per_statement": round(cpu / statements * 1e6, 1),
            }
        )
    return results


def measure(client, urls: list[str], rounds: int, cpu: list[float] | None = None) -> list[float]:
    """Milliseconds per request, every URL requested `rounds` times.

    `cpu`, when given, receives the process CPU milliseconds of each request:
    on a machine shared with other work, wall time includes waiting for a
    core, CPU time does not.
    """
    timings = []
    for _ in range(rounds):
        for url in urls:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            if cpu is not None:
                cpu.append((time.process_time() - started_cpu) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            timings.append(elapsed)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/claimtrack-bench.db", type=Path)
    parser.add_argument("--rounds", default=3, type=int)
    parser.add_argument("--seed", default=1, type=int)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--export", action="store_true", help="also time the CSV export of two busy sources"
    )
    parser.add_argument("--kinds", nargs="*", help="only these page kinds (default: all)")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db} does not exist: run scripts/make_bench_data.py first")
    app = create_app({"DATABASE": str(args.db), "ADMIN_TOKEN": None, "SECRET_KEY": "bench"})
    client = app.test_client()
    urls = pick_urls(args.db, random.Random(args.seed))
    conn = sqlite3.connect(args.db)
    statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    attributions = conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
    conn.close()
    results = {
        "database": str(args.db),
        "size_mb": round(args.db.stat().st_size / 1e6, 1),
        "statements": statements,
        "attributions": attributions,
        "pages": {},
    }
    for kind, kind_urls in urls.items():
        if args.kinds and kind not in args.kinds:
            continue
        measure(client, kind_urls[:5], 1)  # warm the page cache and templates
        cpu: list[float] = []
        timings = measure(client, kind_urls, args.rounds, cpu)
        results["pages"][kind] = {
            "requests": len(timings),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(quantile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "cpu_p95_ms": round(quantile(cpu, 0.95), 1),
        }
    if args.export:
        results["export"] = measure_export(client, args.db)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{results['database']}: {results['size_mb']} MB, {statements:,} statements, "
        f"{attributions:,} attributions"
    )
    for kind, figures in results["pages"].items():
        print(
            f"  {kind:20} n={figures['requests']:4}  p50 {figures['p50_ms']:6.1f} ms  "
            f"p95 {figures['p95_ms']:6.1f} ms  max {figures['max_ms']:6.1f} ms  "
            f"(cpu p50 {figures['cpu_p50_ms']:6.1f}  p95 {figures['cpu_p95_ms']:6.1f} ms)"
        )

    for export in results.get("export", []):
        print(
            f"  export CSV source {export['source_id']:5}: {export['statements']:6,} statements "
            f"in {export['seconds']:6.2f} s = {export['us_per_statement']:6.1f} µs/statement "
            f"(cpu {export['cpu_us_per_statement']:6.1f} µs)"
        )


if __name__ == "__main__":
    main()
