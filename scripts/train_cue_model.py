#!/usr/bin/env python3
"""Train the context-aware English cue model from PolNeAR train.

Every article of ../shared/corpus/polnear/train (first annotator's .ann) is
segmented and parsed exactly as the engine does it; each word is labelled 1
when it lies inside a gold cue span. A logistic regression
(scikit-learn, `pip install -e '.[train]'`) over claimtrack.engine.cue_model's
features is written compactly (see claimtrack.engine.cue_model.save_cue_model) to
claimtrack/engine/lang/data/en_cue_model.weights.gz.

With --without-slice the every-8th held-out slice used by
scripts/eval_cues_on_train.py is left out of training and the word-level
precision/recall on it is printed, so thresholds can be chosen honestly:

    python scripts/train_cue_model.py ../shared/corpus/polnear/train --without-slice
    python scripts/eval_cues_on_train.py ../shared/corpus/polnear/train
    python scripts/train_cue_model.py ../shared/corpus/polnear/train     # shipped model

PolNeAR dev is never read.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cues_on_train import SLICE_EVERY, annotated_articles, load_scorer

from claimtrack.engine.cue_model import (
    DATA_DIR,
    has_quote_mark,
    save_cue_model,
    token_features,
)

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_attributions.py"


def featurise(articles: list[tuple[Path, Path]], scorer) -> list[tuple[list[list[str]], list[int]]]:
    """Per article: the feature lists and 0/1 cue labels of its words, parsed like the engine."""
    from claimtrack.engine.lang import get_profile
    from claimtrack.engine.metadata import split_metadata
    from claimtrack.engine.pipeline import get_pipeline, parse_sentences
    from claimtrack.engine.segment import segment

    profile = get_profile("en")
    nlp = get_pipeline("en")
    out = []
    for text_path, ann in articles:
        try:
            golds = scorer.parse_ann(ann)
        except ValueError:
            print(f"skipped {ann.name}: annotation file the scorer cannot read", flush=True)
            out.append(([], []))
            continue
        text = text_path.read_text(encoding="utf-8")
        article = split_metadata(text)
        body, base = article.body, article.body_start
        inside = bytearray(len(text) + 1)
        for gold in golds:
            for start, end in gold["cue"]:
                inside[start:end] = b"\x01" * (end - start)
        sentences = [s for p in segment(body, profile) for s in p.sentences]
        feats: list[list[str]] = []
        labels: list[int] = []
        for sentence, doc in zip(sentences, parse_sentences(nlp, body, sentences), strict=True):
            has_quote = has_quote_mark(doc)
            offset = base + sentence.start
            for tok in doc:
                if tok.is_punct or tok.is_space:
                    continue
                start = offset + tok.idx
                feats.append(token_features(doc, tok, has_quote))
                labels.append(int(any(inside[start : start + len(tok.text)])))
        out.append((feats, labels))
    return out


def flatten(data) -> tuple[list[dict[str, int]], list[int]]:
    """Feature dicts and labels of all words of the given articles."""
    rows, labels = [], []
    for feats, labs in data:
        rows.extend({f: 1 for f in fs} for fs in feats)
        labels.extend(labs)
    return rows, labels


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--without-slice", action="store_true")
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    parser.add_argument("--cache", type=Path, help="pickle of parsed features, reused if present")
    parser.add_argument("--out", type=Path, default=DATA_DIR / "en_cue_model.weights.gz")
    args = parser.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    articles = annotated_articles(args.train_dir)
    started = time.time()
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = featurise(articles, load_scorer(args.scorer))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    print(f"{len(articles)} articles featurised in {time.time() - started:.0f} s", flush=True)

    held = [d for k, d in enumerate(data) if k % SLICE_EVERY == 0] if args.without_slice else []
    fit = [d for k, d in enumerate(data) if not (args.without_slice and k % SLICE_EVERY == 0)]
    rows, labels = flatten(fit)
    counts: dict[str, int] = {}
    for row in rows:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    rows = [{f: 1 for f in row if counts[f] >= args.min_count} for row in rows]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    started = time.time()
    model = LogisticRegression(C=args.C, solver="liblinear", max_iter=200)
    model.fit(matrix, labels)
    print(
        f"fitted on {matrix.shape[0]:,} words x {matrix.shape[1]:,} features "
        f"({sum(labels):,} cue words) in {time.time() - started:.0f} s"
    )
    if held:
        rows_h, labels_h = flatten(held)
        held_matrix = vectoriser.transform(rows_h)
        held_matrix.indices = held_matrix.indices.astype("int32")
        held_matrix.indptr = held_matrix.indptr.astype("int32")
        probs = model.predict_proba(held_matrix)[:, 1]
        for threshold in (0.2, 0.3, 0.4, 0.5, 0.6):
            tp = sum(1 for p, y in zip(probs, labels_h, strict=True) if p >= threshold and y)
            pred = sum(1 for p in probs if p >= threshold)
            gold = sum(labels_h)
            prec, rec = tp / max(pred, 1), tp / max(gold, 1)
            f1 = 2 * prec * rec / max(prec + rec, 1e-9)
            print(f"slice words  threshold {threshold:.1f}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.005
    }
    about = (
        "claimtrack English cue model: logistic regression over "
        "claimtrack.engine.cue_model.token_features, trained on PolNeAR train "
        f"({len(fit)} articles{', held-out slice excluded' if held else ''}) "
        "by scripts/train_cue_model.py"
    )
    bias = round(float(model.intercept_[0]), 4)
    save_cue_model(args.out, bias, dict(sorted(weights.items())), about)
    print(f"wrote {len(weights):,} weights to {args.out}")


if __name__ == "__main__":
    main()
