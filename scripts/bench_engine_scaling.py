#!/usr/bin/env python3
"""Does the engine's cost per KB stay flat as documents grow? (issue #17)

Real news texts of one language from ../shared/corpus are concatenated (article bodies,
a blank line between them, repeated when the corpus is shorter) into one text of the
largest size; every size then extracts that same text cut into pieces of that size
(at paragraph breaks): 30 pieces of 10 KB, 10 of 30 KB, ... 1 of 300 KB. Each size thus
analyses the same words, so its milliseconds per KB are comparable. The spaCy part of each
extraction is timed separately (inside ``nlp.pipe``), the engine's share is the rest:

    engine ms/KB = (extraction CPU seconds - pipeline CPU seconds) * 1000 / KB

The target: engine ms/KB at 300 KB <= 1.5 x its value at 10 KB.

    python scripts/bench_engine_scaling.py                       # nl and en, this tree
    python scripts/bench_engine_scaling.py --compare /tmp/wt_base # and another checkout

KB are 1,000 bytes of UTF-8. CPU seconds of one process (= one core).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import sys
import time
from pathlib import Path

import engine_bench


def concatenated(language: str, size_bytes: int) -> str:
    """News bodies of `language` joined by blank lines, cycled until `size_bytes` is reached."""
    bodies = engine_bench.news_bodies(language)
    parts, total, k = [], 0, 0
    while total < size_bytes:
        body = bodies[k % len(bodies)]
        parts.append(body)
        total += len(body.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts)


def pieces(text: str, size_bytes: int) -> list[str]:
    """`text` cut at blank lines into consecutive pieces of about `size_bytes` each."""
    out, current, current_size = [], [], 0
    for paragraph in text.split("\n\n"):
        paragraph_size = len(paragraph.encode("utf-8")) + 2
        if current and current_size + paragraph_size > size_bytes:
            out.append("\n\n".join(current))
            current, current_size = [], 0
        current.append(paragraph)
        current_size += paragraph_size
    if current:
        out.append("\n\n".join(current))
    return out


def measure(language: str, sizes_kb: list[int]) -> dict:
    """Engine and pipeline CPU ms/KB at each size, on the same text."""
    extractor, timed = engine_bench.timed_extractor(language)
    largest = max(sizes_kb) * 1000
    text = pieces(concatenated(language, largest), largest)[0]
    extractor.analyse_body(text[:2000], language=language)  # warm-up
    rows = []
    for size_kb in sizes_kb:
        docs = pieces(text, size_kb * 1000)
        kb = sum(len(d.encode("utf-8")) for d in docs) / 1000
        timed.seconds = 0.0
        started = time.process_time()
        statements = 0
        for doc in docs:
            statements += len(extractor.analyse_body(doc, language=language).statements)
        total = time.process_time() - started
        engine = total - timed.seconds
        rows.append(
            {
                "size_kb": size_kb,
                "documents": len(docs),
                "kb": round(kb, 1),
                "statements": statements,
                "cpu_s": round(total, 2),
                "pipeline_ms_per_kb": round(timed.seconds * 1000 / kb, 2),
                "engine_ms_per_kb": round(engine * 1000 / kb, 2),
            }
        )
    return {"language": language, "code": engine_bench.code_version(), "sizes": rows}


def print_table(results: list[dict]) -> None:
    for result in results:
        label = result.get("tree", engine_bench.code_version())
        print(f"\n{result['language']}  ({label})")
        print(
            f"{'size':>7} {'docs':>5} {'KB':>7} {'stmts':>6} {'cpu s':>7} "
            f"{'pipeline ms/KB':>15} {'engine ms/KB':>13}"
        )
        rows = result["sizes"]
        for row in rows:
            print(
                f"{row['size_kb']:>5}KB {row['documents']:>5} {row['kb']:>7} "
                f"{row['statements']:>6} {row['cpu_s']:>7} "
                f"{row['pipeline_ms_per_kb']:>15} {row['engine_ms_per_kb']:>13}"
            )
        first, last = rows[0], rows[-1]
        print(
            f"engine ms/KB at {last['size_kb']} KB / at {first['size_kb']} KB: "
            f"{last['engine_ms_per_kb'] / first['engine_ms_per_kb']:.2f}  (target <= 1.5)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--languages", default="nl,en")
    parser.add_argument("--sizes", default="10,30,100,300", help="KB, comma-separated")
    parser.add_argument(
        "--compare", metavar="TREE", help="also measure the claimtrack checkout at TREE"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    languages = args.languages.split(",")
    if args.worker:
        print(json.dumps({"result": [measure(language, sizes) for language in languages]}))
        return
    trees = [args.compare, "."] if args.compare else ["."]
    script = Path(__file__).resolve()
    results = []
    for language in languages:
        rows = engine_bench.run_trees(
            script, ["--languages", language, "--sizes", args.sizes], trees, rounds=1
        )
        for row in rows:
            results += [{**result, "tree": row["tree"]} for result in row["result"]]
    print_table(results)


if __name__ == "__main__":
    sys.exit(main())
