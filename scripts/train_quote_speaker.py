#!/usr/bin/env python3
"""Fit the quote-floor weights (engine/floor.py) on annotated articles, and cross-validate them.

Every unframed quotation the engine meets is a decision between candidate
sources, each described by floor.FEATURES. A candidate is labelled 1 when its
name is one of the gold speakers (or optional speakers) of the quotation's
sentences. A conditional logit over each decision's candidates (SciPy,
`pip install -e '.[train]'`) gives the weights; the engine picks the
highest-scoring candidate.

    # document-level 5-fold cross-validation: fit on four fifths, extract and score the fifth
    python scripts/train_quote_speaker.py --cv 5 ../shared/gold/ud-nl-dev/*.gold.json
    # the shipped weights: fitted on every given file
    python scripts/train_quote_speaker.py --write ../shared/gold/ud-nl-dev/*.gold.json

With --cv the held-out folds' predictions are pooled into one JSON Lines file
and scored by ../shared/tools/score_attributions.py (its output is printed as
is). The gold files are only read here; nothing from them is copied into the
project.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from claimtrack.engine import floor
from claimtrack.engine.extract import get_extractor
from claimtrack.engine.sources import normalise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score_attributions.py"
LEADING_ARTICLES = {"de", "het", "een", "the", "a", "an", "t"}


def name_key(name: str) -> str:
    """A name compared as the engine compares names, a leading article dropped."""
    words = normalise(name or "").split()
    while words and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def document_path(gold_file: Path, gold: dict) -> Path:
    """The article a gold file annotates (its 'document' is relative to shared/)."""
    for parent in gold_file.resolve().parents:
        candidate = parent / gold["document"]
        if candidate.exists():
            return candidate
    raise SystemExit(f"{gold_file}: cannot find {gold['document']}")


def gold_speakers(gold: dict, text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, alias keys of its speakers) for every gold sentence with a speaker."""
    spans = []
    for item in gold["statements"]:
        if item.get("skip"):
            continue
        keys = set()
        for entity in [*item.get("speakers", []), *item.get("optional", [])]:
            keys |= {name_key(a) for a in gold.get("entities", {}).get(entity, [entity])}
        at = text.find(item["sentence"])
        if at >= 0:
            spans.append((at, at + len(item["sentence"]), keys))
    return spans


def collect(gold_files: list[Path]) -> list[tuple[list[list[float]], list[int]]]:
    """Run the engine over the articles and return every quote decision as (rows, labels)."""
    extractor = get_extractor()
    decisions = []
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = document_path(gold_file, gold).read_text(encoding="utf-8")
        recorded = []
        floor.decision_recorder = lambda views, cands, rows, rec=recorded: rec.append(
            ([v.statement.index for v in views], [c.name for c in cands], rows)
        )
        try:
            document = extractor.extract(text, language=gold.get("language", "auto"))
        finally:
            floor.decision_recorder = None
        spans = gold_speakers(gold, text)
        for indices, names, rows in recorded:
            wanted = set()
            for index in indices:
                st = document.statements[index]
                for start, end, keys in spans:
                    if start < st.end and st.start < end:
                        wanted |= keys
            labels = [int(name_key(n) in wanted) for n in names]
            if any(labels):
                decisions.append(([[row[f] for f in floor.FEATURES] for row in rows], labels))
    return decisions


def fit(decisions, l2: float = 0.5) -> dict[str, float]:
    """A conditional logit over each decision's candidates (softmax over the candidates'
    scores, the gold ones as the target), L2-regularised; the weights by feature name."""
    import numpy as np
    from scipy.optimize import minimize

    groups = [
        (np.array(rows, dtype=float), np.array(labels, dtype=float)) for rows, labels in decisions
    ]

    def loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for x, y in groups:
            s = x @ w
            s -= s.max()
            p = np.exp(s) / np.exp(s).sum()
            total -= float(np.log((p * y).sum()))
            q = p * y / (p * y).sum()
            grad = grad - (q - p) @ x
        return total, grad

    w0 = np.zeros(len(floor.FEATURES))
    result = minimize(loss, w0, jac=True, method="L-BFGS-B")
    return {f: round(float(v), 4) for f, v in zip(floor.FEATURES, result.x)}


def accuracy(decisions, weights: dict[str, float]) -> float:
    """Share of decisions whose top-scoring candidate is a gold speaker."""
    hits = 0
    for rows, labels in decisions:
        scores = [sum(weights[f] * v for f, v in zip(floor.FEATURES, row)) for row in rows]
        hits += labels[max(range(len(rows)), key=scores.__getitem__)]
    return hits / max(1, len(decisions))


# the weights decisions are collected with in the first round: each feature's plain direction
START_WEIGHTS = {f: 1.0 for f in floor.FEATURES} | {"is_organization": 0.0, "bias": 0.0}
ROUNDS = 2


def fit_rounds(gold_files: list[Path], tmp: Path) -> tuple[dict[str, float], list]:
    """Collect with the start weights, fit, then collect again with the fitted ones and refit.

    The features of a quotation depend on who got the quotations before it,
    so a second round sees the floor as the fitted model itself leaves it.
    """
    weights, decisions = START_WEIGHTS, []
    for round_ in range(ROUNDS):
        path = tmp / f"round{round_}.json"
        write_weights(weights, path, "training round")
        use_weights(path)
        decisions = collect(gold_files)
        weights = fit(decisions)
    return weights, decisions


def write_weights(weights: dict[str, float], path: Path, note: str) -> None:
    path.write_text(json.dumps({"about": note, "weights": weights}, indent=2) + "\n")


def use_weights(path: Path | None) -> None:
    if path is None:
        os.environ.pop("CLAIMTRACK_QUOTE_WEIGHTS", None)
    else:
        os.environ["CLAIMTRACK_QUOTE_WEIGHTS"] = str(path)
    floor.load_weights.cache_clear()


def cross_validate(gold_files: list[Path], folds: int, scorer: Path) -> None:
    """Fit on all folds but one, extract the held-out one; score the pooled predictions."""
    extractor = get_extractor()
    ordered = sorted(gold_files, key=lambda p: p.name)
    predictions = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [p for n, p in enumerate(ordered) if n % folds == k]
            train = [p for n, p in enumerate(ordered) if n % folds != k]
            weights, decisions = fit_rounds(train, Path(tmp))
            weights_file = Path(tmp) / f"fold{k}.json"
            write_weights(weights, weights_file, f"fold {k}")
            use_weights(weights_file)
            print(
                f"fold {k}: {len(decisions)} decisions, train accuracy {accuracy(decisions, weights):.3f}",
                file=sys.stderr,
            )
            for gold_file in held:
                gold = json.loads(gold_file.read_text(encoding="utf-8"))
                path = document_path(gold_file, gold)
                doc = extractor.extract(
                    path.read_text(encoding="utf-8"), gold.get("language", "auto")
                )
                doc.path = str(path)
                predictions[gold_file] = doc.to_contract()
        use_weights(None)
        pred_file = Path(tmp) / "cv.jsonl"
        pred_file.write_text(
            "".join(json.dumps(predictions[g], ensure_ascii=False) + "\n" for g in gold_files)
        )
        subprocess.run(
            [
                sys.executable,
                str(scorer),
                "statements",
                *map(str, gold_files),
                "--pred",
                str(pred_file),
            ],
            check=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold_files", nargs="+", type=Path)
    ap.add_argument("--cv", type=int, default=0, help="number of document folds to cross-validate")
    ap.add_argument(
        "--write", action="store_true", help="fit on every file and write the shipped weights"
    )
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = ap.parse_args()
    if args.cv:
        cross_validate(args.gold_files, args.cv, args.scorer)
    if args.write:
        with tempfile.TemporaryDirectory() as tmp:
            weights, decisions = fit_rounds(args.gold_files, Path(tmp))
        use_weights(None)
        print(f"{len(decisions)} decisions, in-sample accuracy {accuracy(decisions, weights):.3f}")
        print(json.dumps(weights))
        parser = os.environ.get("CLAIMTRACK_SPACY_NL")
        write_weights(
            weights,
            floor.WEIGHTS_PATH,
            f"fitted by scripts/train_quote_speaker.py --write on {len(args.gold_files)} annotated"
            " articles"
            + (
                f", parsed by the Dutch pipeline at {parser} (CLAIMTRACK_SPACY_NL)"
                if parser
                else ""
            ),
        )


if __name__ == "__main__":
    main()
