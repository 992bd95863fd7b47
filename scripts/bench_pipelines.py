"""Measure the shipped spaCy pipelines: words per second on news text, and memory.

Speed is measured on one thread (OMP_NUM_THREADS=1 is set before spaCy is
imported) with ``nlp.pipe`` over the article bodies of the shared news corpora
(Dutch: the seed article and ud-nl-dev; English: Wikinews and the White House
readouts), repeated until at least --min-words words were parsed. Words are
non-space tokens. Both wall-clock and CPU-time rates are printed: on a shared
machine words per CPU second is the per-core figure. Peak memory is the
high-water resident set size (VmHWM) of a fresh process that imports spaCy and
loads both pipelines.

    python scripts/bench_pipelines.py [--min-words 50000]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
NEWS_GLOBS = {
    "nl": ["corpus/seed/*.txt", "corpus/ud-nl-dev/*.txt"],
    "en": ["corpus/wikinews-en/*.txt", "corpus/readouts/wh_*.txt"],
}


def news_bodies(language: str) -> list[str]:
    """Article bodies (metadata header removed) of the shared news texts."""
    from claimtrack.engine.metadata import split_metadata

    bodies = []
    for pattern in NEWS_GLOBS[language]:
        for path in sorted(SHARED.glob(pattern)):
            bodies.append(split_metadata(path.read_text(encoding="utf-8")).body)
    return bodies


def words_per_second(language: str, min_words: int) -> dict:
    """Parse news bodies repeatedly with the whole pipeline; return the speed."""
    from claimtrack.engine.nlp import load_pipeline

    nlp = load_pipeline(language)
    bodies = news_bodies(language)
    list(nlp.pipe(bodies[:2]))  # warm-up
    words = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while words < min_words:
        for doc in nlp.pipe(bodies, batch_size=32):
            words += sum(1 for token in doc if not token.is_space)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return {
        "language": language,
        "pipeline": nlp.pipe_names,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds),
        "cpu_seconds": round(cpu_seconds, 2),
        "words_per_cpu_second": round(words / cpu_seconds),
    }


def peak_memory_loading_both() -> dict:
    """Peak RSS (MB, VmHWM) of a fresh process after importing spaCy, and after loading both."""
    code = (
        "import json, re\n"
        "def peak_mb():\n"
        "    status = open('/proc/self/status').read()\n"
        "    return round(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) / 1024)\n"
        "import spacy\n"
        "base = peak_mb()\n"
        "from claimtrack.engine.nlp import load_pipeline\n"
        "load_pipeline('nl'); load_pipeline('en')\n"
        "print(json.dumps({'after_import_spacy_mb': base, 'after_loading_both_mb': peak_mb()}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-words", type=int, default=50_000)
    args = parser.parse_args()
    results = [words_per_second(lang, args.min_words) for lang in ("nl", "en")]
    results.append({"peak_memory": peak_memory_loading_both()})
    for row in results:
        print(json.dumps(row))


if __name__ == "__main__":
    main()
