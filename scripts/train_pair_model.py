"""Train the comparison's pair model (claimtrack/compare/pair_model.py) from the alignment
references, and report it leave-one-event-out.

Every reference in tests/data/alignment_*.json is imported and its two
accounts prepared as `claimtrack compare` does; each pair of an A and a B
statement is one example, in one row (the reference pairs them) or not. A
logistic regression (scikit-learn, the `train` extra) learns the weights;
the link thresholds are the grid point with the best mean row F1.

Leave-one-event-out: for each reference, the weights and thresholds are
learned from the others alone and the left-out one is aligned with them;
its row F1 is printed next to the F1 of word scores alone (no model). The
model written at the end is learned from all references.

    python scripts/train_pair_model.py [--output claimtrack/data/pair_model.json]
    python scripts/train_pair_model.py --dry-run   # report only
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_alignment

from claimtrack.compare import align
from claimtrack.compare.pair_model import (
    FEATURES,
    MODEL_FILE,
    PairModel,
    pair_features,
)

LINK_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MUTUAL_GRID = (0.5, 0.7)  # even a best match both ways must be more likely a link than not
REGULARISATION = 0.3  # scikit-learn's C: the inverse strength of the L2 penalty


def examples(loaded: dict) -> tuple[np.ndarray, np.ndarray]:
    """(features, labels) of every A x B pair of a loaded reference, prepared as
    align_accounts prepares its statements."""
    (name_a, name_b), (account_a, account_b) = loaded["sides"], loaded["accounts"]
    prepared = align.prepare_accounts(name_a, account_a, name_b, account_b)
    a, b = prepared.statements_a, prepared.statements_b
    matrix = pair_features(prepared.cross_scores, a, b, prepared.concepts_a, prepared.concepts_b)
    expected = eval_alignment.reference_pairs(loaded["reference"], loaded["statements"])
    labels = np.array([[(x["id"], y["id"]) in expected for y in b] for x in a], dtype=float)
    return matrix.reshape(-1, len(FEATURES)), labels.ravel()


def fit(matrices: list[np.ndarray], labels: list[np.ndarray]) -> tuple[tuple[float, ...], float]:
    """Logistic weights and intercept from the examples of some references."""
    from sklearn.linear_model import LogisticRegression

    x, y = np.concatenate(matrices), np.concatenate(labels)
    learner = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(x, y)
    return tuple(float(w) for w in learner.coef_[0]), float(learner.intercept_[0])


def row_f1(loaded: dict, model: PairModel | None) -> float:
    """Row F1 of one reference aligned with `model` (None: word scores alone)."""
    from claimtrack.compare.align import align_accounts

    (name_a, name_b), (account_a, account_b) = loaded["sides"], loaded["accounts"]
    rows = align_accounts(name_a, account_a, name_b, account_b, model=model)
    predicted = eval_alignment.predicted_pairs({"rows": rows})
    expected = eval_alignment.reference_pairs(loaded["reference"], loaded["statements"])
    return eval_alignment.scores(predicted, expected)["f1"]


def learn(names: list[str], loaded: dict, data: dict) -> tuple[PairModel, float]:
    """The model learned from the references `names`: weights, then the thresholds with
    the best mean row F1 over them; and that mean."""
    weights, intercept = fit([data[n][0] for n in names], [data[n][1] for n in names])
    best, best_f1 = None, -1.0
    for link, mutual in itertools.product(LINK_GRID, MUTUAL_GRID):
        if mutual > link:
            continue
        model = PairModel(weights, intercept, link, mutual)
        mean = sum(row_f1(loaded[n], model) for n in names) / len(names)
        if mean > best_f1:
            best, best_f1 = model, mean
    return best, best_f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("references", nargs="*", type=Path)
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    paths = args.references or sorted((ROOT / "tests" / "data").glob("alignment_*.json"))
    loaded = {path.stem.removeprefix("alignment_"): eval_alignment.load(path) for path in paths}
    data = {name: examples(item) for name, item in loaded.items()}
    names = sorted(loaded)
    held_out, plain = [], []
    for name in names:
        model, _ = learn([n for n in names if n != name], loaded, data)
        f1, without = row_f1(loaded[name], model), row_f1(loaded[name], None)
        held_out.append(f1)
        plain.append(without)
        print(
            f"{name}: left out, learned on the others (link {model.link}, mutual "
            f"{model.mutual}) -> row F1 {f1:.3f} (word scores alone {without:.3f})"
        )
    print(
        f"mean left-out row F1 {sum(held_out) / len(held_out):.3f}"
        f" (word scores alone {sum(plain) / len(plain):.3f}), {len(names)} references"
    )
    model, mean = learn(names, loaded, data)
    print(f"on all references: link {model.link}, mutual {model.mutual}, mean row F1 {mean:.3f}")
    print("weights: " + ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, model.weights)))
    if not args.dry_run:
        about = (
            "Weights of claimtrack's pair model (claimtrack/compare/pair_model.py), learned by"
            f" scripts/train_pair_model.py from {len(names)} alignment references in tests/data:"
            " invented events written for claimtrack's tests, and the 2021 White House and"
            " Kremlin readouts of ../shared/corpus. Left-out row F1: that script's report."
        )
        args.output.write_text(json.dumps(model.to_json(about), indent=2) + "\n", "utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
