"""Measure response times of the source page, article page and search.

Runs the Flask app in-process (test client, so the figures are the app's
own time: routing, SQL, templates; no network) against a database made by
`scripts/make_bench_data.py`, and prints p50/p95 per page kind.

    python scripts/make_bench_data.py --db /tmp/claimtrack-bench.db
    python scripts/bench_web.py --db /tmp/claimtrack-bench.db
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path

from claimtrack.app import create_app

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


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values, by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def pick_urls(db_path: Path, rng: random.Random) -> dict[str, list[str]]:
    """URLs per page kind: the busiest sources and random ones, random articles, searches."""
    conn = sqlite3.connect(db_path)
    busiest = [
        r[0]
        for r in conn.execute(
            "SELECT s.slug FROM sources s JOIN (SELECT speaker_source_id AS id, count(*) AS n "
            "FROM attributions GROUP BY 1 ORDER BY n DESC LIMIT 5) c ON c.id = s.id"
        )
    ]
    slugs = [r[0] for r in conn.execute("SELECT slug FROM sources")]
    article_ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    conn.close()
    sources = [f"/sources/{slug}" for slug in busiest + rng.sample(slugs, 45)]
    sources += [f"/sources/{busiest[0]}?type=direct", f"/sources/{busiest[0]}?from=2020&to=2021"]
    return {
        "source page": sources,
        "article page": [f"/articles/{i}" for i in rng.sample(article_ids, 50)],
        "search": [f"/search?q={q}" for q in SEARCHES]
        + [f"/search?q={q}&language=nl" for q in SEARCHES[:4]],
    }


def measure(client, urls: list[str], rounds: int) -> list[float]:
    """Milliseconds per request, every URL requested `rounds` times."""
    timings = []
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
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
        measure(client, kind_urls[:5], 1)  # warm the page cache and templates
        timings = measure(client, kind_urls, args.rounds)
        results["pages"][kind] = {
            "requests": len(timings),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(quantile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
        }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{results['database']}: {results['size_mb']} MB, {statements:,} statements, "
        f"{attributions:,} attributions"
    )
    for kind, figures in results["pages"].items():
        print(
            f"  {kind:13} n={figures['requests']:4}  p50 {figures['p50_ms']:6.1f} ms  "
            f"p95 {figures['p95_ms']:6.1f} ms  max {figures['max_ms']:6.1f} ms"
        )


if __name__ == "__main__":
    main()
