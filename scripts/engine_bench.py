"""Shared helpers of the engine benchmarks (bench_extract.py, bench_engine_scaling.py,
bench_startup.py): the shared news texts, a pipeline wrapper that times the spaCy part of
an extraction, and side-by-side runs of two code trees.

A benchmark compares code trees by running itself once per tree in a fresh process with
``PYTHONPATH=<tree>``: ``--compare /tmp/wt_base`` measures that checkout (for instance a
``git worktree add /tmp/wt_base HEAD~3``) and the working tree in the same run, in
alternating rounds, so the ratio between them is not skewed by a machine that is busier
at one moment than at another.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# Real news texts of each language in ../shared/corpus (see ../shared/README.md).
NEWS_GLOBS = {
    "nl": ["corpus/seed/*.txt", "corpus/ud-nl-dev/*.txt"],
    "en": ["corpus/wikinews-en/*.txt", "corpus/readouts/*.txt", "corpus/polnear/dev/text/*.txt"],
}


def news_files(language: str) -> list[Path]:
    """The shared news files of `language`, in a fixed order."""
    return [p for pattern in NEWS_GLOBS[language] for p in sorted(SHARED.glob(pattern))]


def news_bodies(language: str) -> list[str]:
    """Article bodies (metadata header removed, surrounding blank space stripped)."""
    from claimtrack.engine.metadata import split_metadata

    bodies = []
    for path in news_files(language):
        body = split_metadata(path.read_text(encoding="utf-8")).body.strip()
        if body:
            bodies.append(body)
    return bodies


def word_count(text: str) -> int:
    """Words as `claimtrack` benchmarks count them: whitespace-separated strings."""
    return len(text.split())


class TimedPipeline:
    """A spaCy pipeline whose ``pipe`` adds the CPU time spent inside it to ``seconds``.

    The engine parses through ``nlp.pipe`` only, so with this in place of the pipeline
    ``seconds`` is the spaCy share of an extraction and the rest is the engine's.
    """

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.seconds = 0.0

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, texts, **kwargs):
        docs = self.nlp.pipe(texts, **kwargs)
        while True:
            started = time.process_time()
            try:
                doc = next(docs)
            except StopIteration:
                self.seconds += time.process_time() - started
                return
            self.seconds += time.process_time() - started
            yield doc


def timed_extractor(language: str):
    """(extractor, TimedPipeline) with the engine's pipeline for `language` wrapped."""
    import claimtrack.engine.extract as extract_module
    from claimtrack.engine.pipeline import get_pipeline

    timed = TimedPipeline(get_pipeline(language))
    original = extract_module.get_pipeline
    extract_module.get_pipeline = lambda lang: timed if lang == language else original(lang)
    return extract_module.get_extractor(), timed


def code_version() -> str:
    """Where `claimtrack` was imported from (tells the compared trees apart)."""
    import claimtrack

    return str(Path(claimtrack.__file__).resolve().parent.parent)


def run_trees(script: Path, worker_args: list[str], trees: list[str], rounds: int) -> list[dict]:
    """Run `script --worker ...` once per tree per round, trees alternating; one JSON line
    from each run. Returns {"tree", "round", **result} rows."""
    rows = []
    for round_no in range(rounds):
        order = trees if round_no % 2 == 0 else list(reversed(trees))
        for tree in order:
            env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
            # "." is this checkout: named explicitly, since an editable install may point
            # at another one (a git worktree's scripts would otherwise run the main tree)
            env["PYTHONPATH"] = str(REPO) if tree == "." else tree
            out = subprocess.run(
                [sys.executable, str(script), "--worker", *worker_args],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=REPO,
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append({"tree": tree, "round": round_no, **result})
    return rows


def median(values) -> float:
    return statistics.median(list(values))
