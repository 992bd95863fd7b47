#!/usr/bin/env python3
"""Learn English cue words and their precision from PolNeAR train (brat .ann gold).

For every word form, precision = (times it is inside a gold Cue span) /
(times it occurs in the training texts). Forms seen as cues at least
--min-count times are written to claimtrack/engine/lang/data/en_cues.tsv,
which the English profile reads at run time.

    python scripts/learn_cue_lexicon.py ../shared/corpus/polnear/train

Only the train split is read: dev is for measuring, never for fitting.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "claimtrack"
    / "engine"
    / "lang"
    / "data"
    / "en_cues.tsv"
)


def cue_spans(ann_path: Path) -> list[tuple[int, int]]:
    """(start, end) of every Cue span of one annotation file."""
    spans = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        info = parts[1]
        kind, offsets = info.split(" ", 1)
        if kind != "Cue":
            continue
        for segment in offsets.split(";"):
            start, end = segment.split()
            spans.append((int(start), int(end)))
    return spans


def count(root: Path) -> tuple[Counter, Counter]:
    """Occurrences of each lowercased word and word pair ("talks about"), overall and as cues.

    A pair counts as a cue only when both words are inside one cue span.
    """
    total, as_cue = Counter(), Counter()
    first_ann = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.name.rsplit("_", 1)[0], ann)
    for stem, ann in first_ann.items():
        text_path = root / "text" / f"{stem}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        spans = cue_spans(ann)
        previous = None
        for match in WORD.finditer(text):
            form = match.group().lower()
            total[form] += 1
            span = next(((s, e) for s, e in spans if s <= match.start() < e), None)
            if span:
                as_cue[form] += 1
            if previous is not None and text[previous[1] : match.start()].strip() == "":
                pair = f"{previous[0]} {form}"
                total[pair] += 1
                if span and previous[2] == span:
                    as_cue[pair] += 1
            previous = (form, match.end(), span)
    return total, as_cue


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-precision", type=float, default=0.25)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    total, as_cue = count(args.train_dir)
    rows = []
    for form, n_cue in as_cue.items():
        precision = n_cue / total[form]
        if n_cue >= args.min_count and precision >= args.min_precision:
            rows.append((form, precision, n_cue, total[form]))
    rows.sort(key=lambda r: (-r[1], r[0]))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        out.write(f"# learned from {args.train_dir.name}: form\tprecision\tas_cue\ttotal\n")
        for form, precision, n_cue, n_total in rows:
            out.write(f"{form}\t{precision:.3f}\t{n_cue}\t{n_total}\n")
    print(f"{len(rows)} cue forms written to {args.output}")


if __name__ == "__main__":
    main()
