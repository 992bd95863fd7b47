#!/usr/bin/env python3
"""Score the English extractor on a held-out slice of PolNeAR train (every 8th article).

Uses the span logic of the shared scorer (tools/score_attributions.py, brat mode),
but runs the extractor in-process and writes the missed and spurious cues with
their context to --errors for error analysis. Dev stays untouched for measuring.

For an honest number neither the cue lexicon nor the cue model may have seen the slice:

    python scripts/eval_cues_on_train.py ../shared/corpus/polnear/train --fit-dir /tmp/fit
    python scripts/learn_cue_lexicon.py /tmp/fit          # lexicon without the slice
    python scripts/train_cue_model.py ../shared/corpus/polnear/train --without-slice
    python scripts/eval_cues_on_train.py ../shared/corpus/polnear/train
    python scripts/learn_cue_lexicon.py ../shared/corpus/polnear/train   # restore
    python scripts/train_cue_model.py ../shared/corpus/polnear/train     # restore
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

SLICE_EVERY = 8


def load_scorer(shared_tools: Path):
    """The shared scorer module, imported from its file."""
    spec = importlib.util.spec_from_file_location("score_attributions", shared_tools)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotated_articles(root: Path) -> list[tuple[Path, Path]]:
    """(text, first annotator's .ann) for every annotated article, sorted by name."""
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        first.setdefault(ann.name.rsplit("_", 1)[0], ann)
    return [
        (root / "text" / f"{stem}.txt", ann)
        for stem, ann in sorted(first.items())
        if (root / "text" / f"{stem}.txt").exists()
    ]


def make_fit_dir(articles: list[tuple[Path, Path]], target: Path) -> None:
    """Symlink every article outside the held-out slice into target/text and target/attributions."""
    for sub in ("text", "attributions"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    for k, (text, ann) in enumerate(articles):
        if k % SLICE_EVERY:
            (target / "text" / text.name).symlink_to(text)
            (target / "attributions" / ann.name).symlink_to(ann)


def evaluate(articles: list[tuple[Path, Path]], scorer) -> tuple[dict, dict]:
    """Cue, source and attribution P/R/F1 over the articles, plus missed/spurious cues."""
    from claimtrack.engine.extract import get_extractor

    extractor = get_extractor()
    counts = dict.fromkeys(("gold", "pred", "cue", "src_gold", "src_pred", "src", "both"), 0)
    errors: dict[str, list] = {"missed": [], "spurious": []}

    def context(text: str, start: int, end: int) -> str:
        return text[max(0, start - 60) : end + 60].replace("\n", " ")

    for text_path, ann in articles:
        text = text_path.read_text(encoding="utf-8")
        doc = extractor.extract(text, language="en", path=str(text_path)).to_contract()
        gold = scorer.parse_ann(ann)
        pred = [a for _, a in scorer.attributions(doc) if scorer.span_of(a.get("cue"))]
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["src_gold"] += sum(1 for g in gold if g["source"])
        counts["src_pred"] += sum(1 for p in pred if scorer.span_of(p.get("speaker")))
        used: set[int] = set()
        for p in pred:
            cue = scorer.span_of(p["cue"])
            match = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in used and scorer.any_overlap(cue, g["cue"])
                ),
                None,
            )
            if match is None:
                errors["spurious"].append((p["cue"]["text"], context(text, *cue[0])))
                continue
            used.add(match)
            counts["cue"] += 1
            speaker = scorer.span_of(p.get("speaker"))
            source_ok = bool(
                speaker
                and gold[match]["source"]
                and scorer.any_overlap(speaker, gold[match]["source"])
            )
            counts["src"] += source_ok
            counts["both"] += source_ok or (not gold[match]["source"] and not speaker)
        for i, g in enumerate(gold):
            if i not in used:
                cue_text = " ".join(text[s:e] for s, e in g["cue"])
                errors["missed"].append((cue_text, context(text, *g["cue"][0])))
    scores = {
        "cue": scorer.prf(counts["cue"], counts["pred"], counts["gold"]),
        "source": scorer.prf(counts["src"], counts["src_pred"], counts["src_gold"]),
        "attribution": scorer.prf(counts["both"], counts["pred"], counts["gold"]),
    }
    return scores, errors


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train_dir", type=Path)
    parser.add_argument(
        "--scorer",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_attributions.py",
    )
    parser.add_argument("--fit-dir", type=Path, help="only write the non-slice symlink folder")
    parser.add_argument("--errors", type=Path, help="write missed/spurious cues as JSON here")
    args = parser.parse_args()
    articles = annotated_articles(args.train_dir)
    if args.fit_dir:
        make_fit_dir(articles, args.fit_dir)
        print(f"{len(articles) - len(articles[::SLICE_EVERY])} articles linked into {args.fit_dir}")
        return
    held_out = articles[::SLICE_EVERY]
    scores, errors = evaluate(held_out, load_scorer(args.scorer))
    print(f"documents {len(held_out)}")
    for name, (p, r, f) in scores.items():
        print(f"{name:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.errors:
        args.errors.write_text(json.dumps(errors, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
