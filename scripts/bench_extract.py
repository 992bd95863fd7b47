#!/usr/bin/env python3
"""Measure end-to-end extraction speed: words per second per core, and peak memory.

    python scripts/bench_extract.py ../shared/corpus/polnear/dev/text

Runs `claimtrack extract` in-process over every .txt file in the folder (the
pipelines are loaded before the clock starts, as the CLI loads them once), and
reports words/s of one process (= one core) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from claimtrack.engine.extract import get_extractor
from claimtrack.engine.language import detect_language
from claimtrack.engine.pipeline import get_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the folder")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {args.folder}")
    words = sum(len(t.split()) for t in texts) * args.repeat
    extractor = get_extractor()
    for language in {detect_language(t) for t in texts}:
        get_pipeline(language)
    started_cpu, started = time.process_time(), time.perf_counter()
    statements = 0
    for _ in range(args.repeat):
        for text in texts:
            doc = extractor.extract(text)
            statements += len(json.dumps(doc.to_contract())) and len(doc.statements)
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents        {len(texts) * args.repeat}")
    print(f"words            {words}")
    print(f"statements       {statements}")
    print(f"wall seconds     {wall:.2f}")
    print(f"cpu seconds      {cpu:.2f}")
    print(f"words/s per core {words / cpu:.0f}   (wall: {words / wall:.0f})")
    print(f"peak memory MB   {peak_mb:.0f}")


if __name__ == "__main__":
    main()
