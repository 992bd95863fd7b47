#!/usr/bin/env python3
"""Wall time of extraction and import with 1 and N worker processes, and on a Dask cluster.

    python scripts/bench_parallel.py ../shared/corpus --jobs 2

Runs, one after the other in one run (ratios are what to compare on a noisy
machine), each as a fresh `claimtrack` process so that model loading counts:

- `claimtrack extract PATHS` (--jobs 1) and `claimtrack extract --jobs N PATHS`;
- `claimtrack extract --dask ADDRESS --shards TMP PATHS` on a
  `distributed.LocalCluster` of N single-threaded worker processes started
  before the clock, twice: fresh workers, which load the models inside the
  measured time, and workers started with `--preload
  claimtrack.batch.dask_worker`, which loaded them before (a long-lived
  cluster's workers load them once, not per job). The second is also
  compared with --jobs 1 less one process's time to its first result
  (`claimtrack extract` of one Dutch and one English sentence), so that
  neither side pays for loading;
- `claimtrack import` into a fresh database with --jobs 1 and --jobs N.

It checks that the parallel outputs are identical to the --jobs 1 ones
(extract bytes; shards equal to `extract --for-import`; database rows) and
prints the speed-ups. Use an otherwise idle machine with N free cores.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(command: list[str]) -> tuple[float, bytes]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return elapsed, done.stdout


def stored_rows(db_path: Path) -> dict[str, list]:
    connection = sqlite3.connect(db_path)
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'"
        )
    ]
    rows = {}
    for table in tables:
        columns = [
            f'"{row[1]}"'
            for row in connection.execute(f"PRAGMA table_info({table})")
            if row[1] not in ("imported_at", "created_at")
        ]
        rows[table] = connection.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}"
        ).fetchall()
    connection.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args()
    claimtrack = [sys.executable, "-m", "claimtrack.cli"]
    jobs = str(args.jobs)
    work = Path(tempfile.mkdtemp(prefix="bench-parallel-"))
    results: list[tuple[str, float]] = []
    try:
        one, serial_out = run([*claimtrack, "extract", *args.paths])
        many, parallel_out = run([*claimtrack, "extract", "--jobs", jobs, *args.paths])
        assert parallel_out == serial_out, "extract --jobs output differs from --jobs 1"
        results += [("extract --jobs 1", one), (f"extract --jobs {jobs}", many)]

        if not args.no_dask:
            from distributed import LocalCluster

            _, records = run([*claimtrack, "extract", "--for-import", *args.paths])
            for preload in ([], ["claimtrack.batch.dask_worker"]):
                with LocalCluster(
                    n_workers=args.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    preload=preload,
                ) as cluster:
                    shards = work / f"shards-{len(preload)}"
                    dask_time, _ = run(
                        [*claimtrack, "extract", "--dask", cluster.scheduler_address,
                         "--shards", str(shards), *args.paths]
                    )  # fmt: skip
                joined = b"".join(p.read_bytes() for p in sorted(shards.glob("*.jsonl")))
                assert joined == records, "Dask shards differ from extract --for-import"
                how = "models preloaded" if preload else "fresh workers"
                results.append((f"extract --dask ({jobs} workers, {how})", dask_time))
            # what one process spends before its first result: the fair baseline for
            # workers that loaded their models before the clock
            samples = work / "load"
            samples.mkdir()
            (samples / "nl.txt").write_text('"We zijn klaar," zei de minister.\n', "utf-8")
            (samples / "en.txt").write_text('"We are ready," the minister said.\n', "utf-8")
            load_time, _ = run([*claimtrack, "extract", str(samples)])

        if not args.no_import:
            serial_db, parallel_db = work / "one.db", work / "many.db"
            import_one, _ = run([*claimtrack, "import", "-q", "--db", str(serial_db), *args.paths])
            import_many, _ = run(
                [*claimtrack, "import", "-q", "--jobs", jobs, "--db", str(parallel_db), *args.paths]
            )
            assert stored_rows(parallel_db) == stored_rows(serial_db), "stored rows differ"
            results += [("import --jobs 1", import_one), (f"import --jobs {jobs}", import_many)]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    baseline = {"extract": results[0][1], "import": None}
    for name, seconds in results:
        kind = name.split()[0]
        if baseline[kind] is None:
            baseline[kind] = seconds
        print(f"{name:<50} {seconds:8.1f} s   x{baseline[kind] / seconds:.2f}")
    if not args.no_dask:
        work_one = results[0][1] - load_time
        print(
            f"one process to its first result (models, both languages): {load_time:.1f} s; "
            f"--jobs 1 without it {work_one:.1f} s: preloaded Dask "
            f"x{work_one / results[3][1]:.2f}"
        )
    print("outputs identical to --jobs 1: yes")


if __name__ == "__main__":
    main()
