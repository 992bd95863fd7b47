#!/usr/bin/env python3
"""Start-up to the first result: wall time of `claimtrack extract` on a one-paragraph file.

Runs the real command (a fresh process each time, as a user or a script would) on a
one-paragraph Dutch and a one-paragraph English news text written for this benchmark,
--runs times each, and prints the fastest and the median wall time. Target (issue #17):
<= 2.0 s for the Dutch file. A second part times the phases inside one fresh process
(imports, loading the pipeline, the first extraction).

    python scripts/bench_startup.py [--runs 7]
    python scripts/bench_startup.py --compare /tmp/wt_base      # that checkout side by side

With --compare, runs of the two trees alternate, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PARAGRAPHS = {
    "nl": (
        "De gemeente Zoetermeer stelt de opening van de nieuwe fietsbrug over de A12 een jaar "
        "uit. Wethouder Anke de Boer zei dinsdag dat de fundering slechter is dan gedacht. "
        ",,We hebben pech gehad met de grond, maar de brug komt er'', zei zij. Volgens de "
        "aannemer zijn de extra kosten nog niet bekend.\n"
    ),
    "en": (
        "The county will delay the opening of the new footbridge over the motorway by a year. "
        "Councillor Anne Baker said on Tuesday that the foundations were worse than expected. "
        '"We have been unlucky with the ground, but the bridge will come," she said. According '
        "to the contractor, the extra costs are not yet known.\n"
    ),
}

PHASES = """
import json, sys, time
t0 = time.perf_counter()
import claimtrack.cli  # what the command imports first
t1 = time.perf_counter()
from claimtrack.engine.extract import get_extractor
from claimtrack.engine.pipeline import get_pipeline
t2 = time.perf_counter()
get_pipeline(sys.argv[1])
t3 = time.perf_counter()
document = get_extractor().extract(open(sys.argv[2], encoding="utf-8").read())
t4 = time.perf_counter()
print(json.dumps({"import_cli": t1 - t0, "import_engine": t2 - t1,
                  "load_pipeline": t3 - t2, "first_extract": t4 - t3,
                  "statements": len(document.statements)}))
"""


def environment(tree: str) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    if tree == ".":
        env.pop("PYTHONPATH", None)
    else:
        env["PYTHONPATH"] = tree
    return env


def claimtrack_command() -> list[str]:
    found = Path(sys.executable).parent / "claimtrack"
    return [str(found)] if found.exists() else [shutil.which("claimtrack") or "claimtrack"]


def time_command(tree: str, path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*claimtrack_command(), "extract", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment(tree),
        cwd=REPO,
    )
    return time.perf_counter() - started


def phases(tree: str, language: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PHASES, language, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=environment(tree),
        cwd="/",  # not the repository: `python -c` puts the working directory first
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--languages", default="nl,en")
    parser.add_argument("--compare", metavar="TREE", help="also time the checkout at TREE")
    args = parser.parse_args()
    trees = [str(Path(args.compare).resolve()), "."] if args.compare else ["."]
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for language in args.languages.split(","):
            files[language] = Path(folder) / f"paragraph_{language}.txt"
            files[language].write_text(PARAGRAPHS[language], encoding="utf-8")
        for language, path in files.items():
            walls: dict[str, list[float]] = {tree: [] for tree in trees}
            time_command(trees[-1], path)  # warm the file cache
            for run in range(args.runs):
                for tree in trees if run % 2 == 0 else reversed(trees):
                    walls[tree].append(time_command(tree, path))
            words = len(PARAGRAPHS[language].split())
            print(f"\n`claimtrack extract` on a one-paragraph {language} file ({words} words)")
            for tree in trees:
                label = "this tree" if tree == "." else tree
                print(
                    f"  {label:<24} wall s: fastest {min(walls[tree]):.2f}  "
                    f"median {statistics.median(walls[tree]):.2f}  "
                    f"({args.runs} runs: {' '.join(f'{w:.2f}' for w in walls[tree])})"
                )
            if len(trees) == 2:
                ratio = statistics.median(walls[trees[1]]) / statistics.median(walls[trees[0]])
                print(f"  median this tree / {trees[0]}: {ratio:.2f}")
            for tree in trees:
                label = "this tree" if tree == "." else tree
                timing = phases(tree, language, path)
                print(
                    f"  phases ({label}): import cli {timing['import_cli']:.2f} s, "
                    f"import engine {timing['import_engine']:.2f} s, "
                    f"load pipeline {timing['load_pipeline']:.2f} s, "
                    f"first extraction {timing['first_extract']:.2f} s"
                )


if __name__ == "__main__":
    main()
