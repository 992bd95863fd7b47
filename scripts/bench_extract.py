#!/usr/bin/env python3
"""Measure end-to-end extraction speed against the spaCy pipeline alone, and peak memory.

    python scripts/bench_extract.py ../shared/corpus/polnear/dev/text
    python scripts/bench_extract.py ../shared/corpus/ud-nl-dev --repeat 3
    python scripts/bench_extract.py FOLDER --compare /tmp/wt_base    # another checkout too

Runs the extraction in-process over every .txt file in the folder (the pipelines are
loaded before the clock starts, as the CLI loads them once), and reports words/s of one
process (= one core) and the peak resident memory. On the same texts it then times the
spaCy pipeline alone (``nlp.pipe`` over the article bodies) and prints

    extract / pipeline-only   words/s of the extraction over words/s of the pipeline

(issue #17's target: >= 0.85), and how the extraction's CPU time splits between the
pipeline (timed inside ``nlp.pipe``) and the engine. Words are whitespace-separated
strings of the files. With --compare, the other checkout runs in a fresh process
(``PYTHONPATH=TREE``) right before this one, rounds alternating, for a ratio from one run.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import engine_bench


def measure(folder: Path, repeat: int) -> dict:
    from claimtrack.engine.language import detect_language
    from claimtrack.engine.metadata import split_metadata
    from claimtrack.engine.pipeline import get_pipeline

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {folder}")
    words = sum(engine_bench.word_count(t) for t in texts) * repeat
    languages = sorted({detect_language(split_metadata(t).body) for t in texts})
    extractor = timed = None
    for language in languages:
        extractor, timed = engine_bench.timed_extractor(language)
    if len(languages) > 1:  # the pipeline share is only timed for one language
        timed = None
    extractor.extract(texts[0])  # warm-up: first-use costs (cue model, caches) are start-up
    if timed is not None:
        timed.seconds = 0.0
    started_cpu, started = time.process_time(), time.perf_counter()
    statements = 0
    for _ in range(repeat):
        for text in texts:
            doc = extractor.extract(text)
            statements += len(json.dumps(doc.to_contract())) and len(doc.statements)
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    inside_pipeline = timed.seconds if timed is not None else None
    # the pipeline alone on the same texts, as scripts/bench_pipelines.py runs it
    pipeline_cpu = 0.0
    for language in languages:
        nlp = get_pipeline(language)
        bodies = [split_metadata(t).body for t in texts]
        bodies = [b for b in bodies if detect_language(b) == language]
        started_cpu = time.process_time()
        for _ in range(repeat):
            for _doc in nlp.pipe(bodies, batch_size=32):
                pass
        pipeline_cpu += time.process_time() - started_cpu
    return {
        "folder": str(folder),
        "languages": languages,
        "documents": len(texts) * repeat,
        "words": words,
        "statements": statements,
        "wall_s": wall,
        "cpu_s": cpu,
        "words_per_cpu_s": words / cpu,
        "words_per_wall_s": words / wall,
        "pipeline_only_cpu_s": pipeline_cpu,
        "pipeline_only_words_per_cpu_s": words / pipeline_cpu,
        "ratio": pipeline_cpu / cpu,
        "inside_pipeline_cpu_s": inside_pipeline,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "code": engine_bench.code_version(),
    }


def report(result: dict, label: str | None = None) -> None:
    if label:
        print(f"\n== {label}: claimtrack from {result['code']}")
    print(f"documents        {result['documents']}")
    print(f"words            {result['words']}")
    print(f"statements       {result['statements']}")
    print(f"wall seconds     {result['wall_s']:.2f}")
    print(f"cpu seconds      {result['cpu_s']:.2f}")
    print(
        f"words/s per core {result['words_per_cpu_s']:.0f}   (wall: {result['words_per_wall_s']:.0f})"
    )
    print(f"peak memory MB   {result['peak_mb']:.0f}")
    print(
        f"pipeline only    {result['pipeline_only_words_per_cpu_s']:.0f} words/s per core "
        f"({result['pipeline_only_cpu_s']:.2f} cpu s, nlp.pipe over the bodies)"
    )
    print(f"extract / pipeline-only   {result['ratio']:.2f}   (target >= 0.85)")
    inside = result["inside_pipeline_cpu_s"]
    if inside is not None:
        engine = result["cpu_s"] - inside
        print(
            f"extraction split pipeline {inside:.2f} s / engine {engine:.2f} s "
            f"(engine = {engine / inside:.2f} x pipeline)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the folder")
    parser.add_argument("--compare", metavar="TREE", help="also measure the checkout at TREE")
    parser.add_argument("--rounds", type=int, default=1, help="with --compare: runs per tree")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.folder.resolve(), args.repeat)))
        return
    if not args.compare:
        report(measure(args.folder, args.repeat))
        return
    trees = [str(Path(args.compare).resolve()), "."]
    rows = engine_bench.run_trees(
        Path(__file__).resolve(),
        [str(args.folder.resolve()), "--repeat", str(args.repeat)],
        trees,
        args.rounds,
    )
    for row in rows:
        report(
            row, f"round {row['round'] + 1}, {'this tree' if row['tree'] == '.' else row['tree']}"
        )
    speed = {
        tree: engine_bench.median(r["words_per_cpu_s"] for r in rows if r["tree"] == tree)
        for tree in trees
    }
    ratio = {
        tree: engine_bench.median(r["ratio"] for r in rows if r["tree"] == tree) for tree in trees
    }
    print(
        f"\nextraction words/s per core: {trees[0]} {speed[trees[0]]:.0f}, this tree "
        f"{speed['.']:.0f} ({speed['.'] / speed[trees[0]]:.2f} x)"
    )
    print(
        f"extract / pipeline-only:     {trees[0]} {ratio[trees[0]]:.2f}, this tree {ratio['.']:.2f}"
    )


if __name__ == "__main__":
    main()
