"""Print EXPLAIN QUERY PLAN of every SQL statement behind a set of pages and API lists.

Runs the app in-process against a database made by scripts/make_bench_data.py,
traces each SQL statement (with its parameters filled in) that one request of
each URL runs, and prints the statement followed by SQLite's plan for it, so
two versions of claimtrack can be compared on the same data:

    python scripts/explain_queries.py --db /tmp/claimtrack-bench.db > plans-new.txt
    PYTHONPATH=/path/to/old/checkout python scripts/explain_queries.py --db old.db > plans-old.txt

Statements that only differ in numbers are printed once per URL; PRAGMAs,
transaction control and the writes of a request are left out.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from pathlib import Path

from claimtrack.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import pick_urls

_traced: list[str] = []
_connect = sqlite3.connect


def _tracing_connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    conn.set_trace_callback(_traced.append)
    return conn


def plan(conn: sqlite3.Connection, sql: str) -> list[str]:
    """EXPLAIN QUERY PLAN of `sql` as indented lines."""
    rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    depth: dict[int, int] = {0: 0}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append("  " * depth[node] + detail)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/claimtrack-bench.db", type=Path)
    parser.add_argument("--seed", default=1, type=int)
    parser.add_argument("--kinds", nargs="*", help="only these page kinds (default: all)")
    parser.add_argument("--per-kind", default=2, type=int, help="URLs traced per kind")
    args = parser.parse_args()
    import random

    urls = pick_urls(args.db, random.Random(args.seed))
    sqlite3.connect = _tracing_connect
    app = create_app({"DATABASE": str(args.db), "ADMIN_TOKEN": None, "SECRET_KEY": "explain"})
    client = app.test_client()
    explain = _connect(args.db)
    for kind, kind_urls in urls.items():
        if args.kinds and kind not in args.kinds:
            continue
        for url in kind_urls[: args.per_kind]:
            _traced.clear()
            response = client.get(url)
            print(f"=== {kind}: GET {url} -> {response.status_code}")
            seen = set()
            for sql in _traced:
                head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
                if head not in ("SELECT", "WITH"):
                    continue
                shape = re.sub(r"\b\d+(\.\d+)?\b", "N", " ".join(sql.split()))
                shape = re.sub(r"(N, )+N", "N…", shape)
                if shape in seen:
                    continue
                seen.add(shape)
                shown = shape if len(shape) <= 600 else shape[:600] + " …"
                print(f"--- {shown}")
                try:
                    for line in plan(explain, sql):
                        print(line)
                except sqlite3.Error as exc:
                    print(f"  (no plan: {exc})")
            print()


if __name__ == "__main__":
    main()
