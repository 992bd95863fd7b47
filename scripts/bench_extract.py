#!/usr/bin/env python3
"""Measure end-to-end extraction speed against the spaCy pipeline alone, and peak memory.

    python scripts/bench_extract.py ../shared/corpus/polnear/dev/text
    python scripts/bench_extract.py ../shared/corpus/ud-nl-dev --repeat 3
    python scripts/bench_extract.py ../shared/corpus/{wikinews-en,readouts,polnear/dev/text}
    python scripts/bench_extract.py FOLDER --compare /tmp/wt_base    # another checkout too

Runs the extraction in-process over every .txt file in the folders (taken as one
corpus; several folders give a broader sample of one language), in the groups of
files that ``claimtrack extract`` analyses together (the pipelines are loaded, and the
tokenizer's lazily built special cases completed, before the clock starts, as the CLI
does once per process), and reports words/s of one process (= one core) and the peak
resident memory. On the same texts it times the spaCy pipeline alone (``nlp.pipe`` over
the article bodies), the two side by side on each group of files, in turns going first,
so both see the same caches and the same moments of a busy machine, and prints

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


def measure(folders: list[Path], repeat: int) -> dict:
    from claimtrack.engine.language import detect_language
    from claimtrack.engine.metadata import split_metadata
    from claimtrack.engine.pipeline import get_pipeline

    texts = [
        p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))
    ]
    if not texts:
        sys.exit(f"no .txt files in {', '.join(map(str, folders))}")
    words = sum(engine_bench.word_count(t) for t in texts) * repeat
    languages = sorted({detect_language(split_metadata(t).body) for t in texts})
    extractor = timed = None
    for language in languages:
        extractor, timed = engine_bench.timed_extractor(language)
    if len(languages) > 1:  # the pipeline share is only timed for one language
        timed = None
    extractor.extract(texts[0])  # warm-up: first-use costs (cue model, caches) are start-up
    # The shipped tokenizers build their special cases lazily and all the rest at once
    # after a few hundred texts (engine/tokenizer.py): deferred loading, a start-up cost
    # that would fall inside whichever of the two timings below came first.
    started_cpu = time.process_time()
    for language in languages:
        build_all = getattr(get_pipeline(language).tokenizer, "build_all", None)
        if build_all is not None:
            build_all()
    deferred_startup = time.process_time() - started_cpu
    batches = _batches(texts)

    def extract_batch_pass(batch: list[str]) -> int:
        found = 0
        for doc in extract_batch(extractor, batch):
            found += len(json.dumps(doc.to_contract())) and len(doc.statements)
        return found

    def pipeline_batch_pass(batch: list[str]) -> None:
        # the pipeline alone on the same texts' bodies, as scripts/bench_pipelines.py runs it
        for language in languages:
            batch_bodies = [
                body
                for body in (split_metadata(t).body for t in batch)
                if detect_language(body) == language
            ]
            for _doc in get_pipeline(language).pipe(batch_bodies, batch_size=32):
                pass

    if timed is not None:
        timed.seconds = 0.0
    cpu = wall = pipeline_cpu = 0.0
    statements = 0
    # The two are timed side by side on each group of files, the one going first taking
    # turns, so that both see the same caches and a machine busier at one moment than at
    # another slows both alike (timing whole passes, the ratio swung by +-0.1 here).
    for round_no in range(repeat):
        for k, batch in enumerate(batches):
            steps = ("pipeline", "extract") if (round_no + k) % 2 else ("extract", "pipeline")
            for step in steps:
                started_cpu, started = time.process_time(), time.perf_counter()
                if step == "extract":
                    statements += extract_batch_pass(batch)
                    cpu += time.process_time() - started_cpu
                    wall += time.perf_counter() - started
                else:
                    pipeline_batch_pass(batch)
                    pipeline_cpu += time.process_time() - started_cpu
    inside_pipeline = timed.seconds if timed is not None else None
    return {
        "folders": [str(folder) for folder in folders],
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
        "deferred_startup_cpu_s": deferred_startup,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "code": engine_bench.code_version(),
    }


def _batches(texts: list[str]) -> list[list[str]]:
    """The texts in the groups `claimtrack extract` analyses together (one per text for a
    checkout that analyses files one by one)."""
    try:
        from claimtrack.batch.pool import groups
    except ImportError:
        return [[t] for t in texts]
    return list(groups(texts, lambda t: len(t.encode("utf-8")), jobs=1))


def extract_batch(extractor, texts: list[str]) -> list:
    if not hasattr(extractor, "extract_many"):
        return [extractor.extract(t) for t in texts]
    documents = extractor.extract_many([(t, "auto", None) for t in texts])
    for document in documents:
        if isinstance(document, Exception):
            raise document
    return documents


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
    if result.get("deferred_startup_cpu_s") is not None:
        print(
            f"deferred start-up {result['deferred_startup_cpu_s']:.2f} cpu s "
            "(tokenizer special cases, before the clock)"
        )
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
    parser.add_argument("folders", type=Path, nargs="+", metavar="FOLDER")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the folders")
    parser.add_argument("--compare", metavar="TREE", help="also measure the checkout at TREE")
    parser.add_argument("--rounds", type=int, default=1, help="with --compare: runs per tree")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure([f.resolve() for f in args.folders], args.repeat)))
        return
    if not args.compare:
        report(measure(args.folders, args.repeat))
        return
    trees = [str(Path(args.compare).resolve()), "."]
    rows = engine_bench.run_trees(
        Path(__file__).resolve(),
        [*(str(f.resolve()) for f in args.folders), "--repeat", str(args.repeat)],
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
