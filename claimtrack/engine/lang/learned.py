"""Cue lexicons learned from annotated corpora (see scripts/learn_cue_lexicon.py)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def load_learned_cues(language: str) -> dict[str, float]:
    """Read `data/<language>_cues.tsv` (form, precision, count) into {form: precision}.

    A missing file means no learned lexicon: the hand-written tables still apply.
    """
    path = DATA_DIR / f"{language}_cues.tsv"
    if not path.exists():
        return {}
    cues: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        form, precision, *_ = line.split("\t")
        cues[form] = float(precision)
    return cues
