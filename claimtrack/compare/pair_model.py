"""How likely two statements of the two sides belong in one row: a logistic model over what
the pair shares, learned from the hand-written alignment references.

The word score of align.py (shared words, weighted) says much, but not all: two accounts
of who warned whom share few words and both name a clock time; two counts of one thing
differ in every number. The model weighs the word score with such signs of the same claim:
how the score stands against each statement's best, whether both count the same thing,
both name a time or day, both blame, both order events, both or one of them negate, both
are in one language, both name a topic of the lexicon. Its weights and the two link
thresholds live in claimtrack/data/pair_model.json, written by
scripts/train_pair_model.py, which also reports the model leave-one-event-out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimtrack.compare.conflicts import conflict_profile
from claimtrack.compare.features import features
from claimtrack.compare.lexicon import DATA_DIR

MODEL_FILE = DATA_DIR / "pair_model.json"
FEATURES = (
    "word_score",
    "share_of_best_a",  # the word score over the A statement's best with any B statement
    "share_of_best_b",
    "count_same_thing",
    "both_count",
    "both_times",
    "both_days",
    "both_blame",
    "both_sequence",
    "both_negate",
    "one_negates",
    "same_language",
    "shared_topic",
)
# features that say both statements have a flag of their conflict profile (conflicts.py)
_FLAGS = (
    ("both_times", "times"),
    ("both_days", "dates"),
    ("both_blame", "blame"),
    ("both_sequence", "sequence"),
)


@dataclass(frozen=True)
class PairModel:
    """Logistic weights per feature, an intercept, and the probabilities at which a best
    match is a link (`link`), or a link when each is the other's best (`mutual`)."""

    weights: tuple[float, ...]
    intercept: float
    link: float
    mutual: float

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        """The probability of one row for each pair, from `matrix` (pairs x FEATURES)."""
        z = matrix @ np.asarray(self.weights) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self, about: str = "") -> dict:
        """The model as stored in its file, with a note on where it comes from."""
        return {
            "about": about,
            "features": list(FEATURES),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "link": self.link,
            "mutual": self.mutual,
        }

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        """A model from its stored form; refused when it was learned for other FEATURES."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"pair model features {data['features']} are not {FEATURES}")
        return cls(
            tuple(float(w) for w in data["weights"]),
            float(data["intercept"]),
            float(data["link"]),
            float(data["mutual"]),
        )


@lru_cache(maxsize=1)
def default_pair_model() -> PairModel | None:
    """The shipped model, or None when there is none (align.py then links on word scores)."""
    return load_pair_model(MODEL_FILE)


def load_pair_model(path: Path) -> PairModel | None:
    """The model stored at `path`, or None when the file does not exist."""
    if not path.exists():
        return None
    return PairModel.from_json(json.loads(path.read_text("utf-8")))


def pair_features(
    word_scores: np.ndarray,
    statements_a: list[dict],
    statements_b: list[dict],
    concepts_a: list[list[str]],
    concepts_b: list[list[str]],
) -> np.ndarray:
    """The FEATURES of every A x B pair, as an array (len(a), len(b), len(FEATURES));
    `word_scores` are align.py's A x B word scores."""
    size_a, size_b = word_scores.shape
    out = np.zeros((size_a, size_b, len(FEATURES)))
    if not size_a or not size_b:
        return out
    profiles_a = [conflict_profile(s) for s in statements_a]
    profiles_b = [conflict_profile(s) for s in statements_b]
    best_a = word_scores.max(axis=1, keepdims=True)
    best_b = word_scores.max(axis=0, keepdims=True)
    column = {name: n for n, name in enumerate(FEATURES)}
    out[..., column["word_score"]] = word_scores
    out[..., column["share_of_best_a"]] = np.divide(
        word_scores, best_a, out=np.zeros_like(word_scores), where=best_a > 0
    )
    out[..., column["share_of_best_b"]] = np.divide(
        word_scores, best_b, out=np.zeros_like(word_scores), where=best_b > 0
    )
    out[..., column["count_same_thing"]] = _share_any(
        [p.counted for p in profiles_a], [p.counted for p in profiles_b]
    )

    def both(flag_a: list[bool], flag_b: list[bool]) -> np.ndarray:
        return np.outer(np.asarray(flag_a, dtype=float), np.asarray(flag_b, dtype=float))

    out[..., column["both_count"]] = both(
        [p.counts for p in profiles_a], [p.counts for p in profiles_b]
    )
    for name, flag in _FLAGS:
        out[..., column[name]] = both(
            [flag in p.flags for p in profiles_a], [flag in p.flags for p in profiles_b]
        )
    feats_a = [features(s) for s in statements_a]
    feats_b = [features(s) for s in statements_b]
    negates_a = [bool(f.negations) for f in feats_a]
    negates_b = [bool(f.negations) for f in feats_b]
    out[..., column["both_negate"]] = both(negates_a, negates_b)
    out[..., column["one_negates"]] = np.not_equal.outer(
        np.asarray(negates_a), np.asarray(negates_b)
    ).astype(float)
    languages_a = [f.language for f in feats_a]
    languages_b = [f.language for f in feats_b]
    out[..., column["same_language"]] = np.equal.outer(
        np.asarray(languages_a, dtype=object), np.asarray(languages_b, dtype=object)
    ).astype(float)
    out[..., column["shared_topic"]] = _share_any(
        [frozenset(c) for c in concepts_a], [frozenset(c) for c in concepts_b]
    )
    return out


def _share_any(sets_a: list[frozenset], sets_b: list[frozenset]) -> np.ndarray:
    """1 where an A statement's set and a B statement's set meet, else 0 (through an index
    of who has which member: no loop over pairs)."""
    holders: dict[str, list[int]] = {}
    for j, members in enumerate(sets_b):
        for member in members:
            holders.setdefault(member, []).append(j)
    result = np.zeros((len(sets_a), len(sets_b)))
    for i, members in enumerate(sets_a):
        for member in members:
            if member in holders:
                result[i, holders[member]] = 1.0
    return result
