"""A trained, context-aware estimate of how likely a word is an attribution cue.

The learned lexicon says how often a *form* was a cue in PolNeAR train
("added": 220 of 266 times); this model looks at the word in its parsed sentence and
gives the probability for this occurrence ("the mayor added two parks": 0.23,
'"We are ready," the mayor added': 0.96). It is a logistic regression
over sparse features of the dependency parse, trained by
scripts/train_cue_model.py and stored as gzipped JSON weights, so using it
needs nothing beyond the parse.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

DATA_DIR = Path(__file__).parent / "lang" / "data"
QUOTE_CHARS = frozenset('"“”‘’„')


def has_quote_mark(tokens) -> bool:
    """True when any of `tokens` is a quotation mark."""
    return any(t.text in QUOTE_CHARS or t.text in ("''", "``") for t in tokens)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def token_features(doc: Doc, tok: Token, has_quote: bool | None = None) -> list[str]:
    """Sparse feature names describing `tok` in its parsed sentence."""
    if has_quote is None:
        has_quote = has_quote_mark(doc)
    lem, pos, dep = _lemma(tok), tok.pos_, tok.dep_
    head = tok.head
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    nxt2 = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    prev_word = prev.lower_ if prev is not None else "<s>"
    next_word = nxt.lower_ if nxt is not None else "</s>"
    features = [
        f"w={tok.lower_}",
        f"l={lem}",
        f"p={pos}",
        f"t={tok.tag_}",
        f"d={dep}",
        f"lp={lem}|{pos}",
        f"ld={lem}|{dep}",
        f"hl={_lemma(head)}",
        f"hpd={head.pos_}|{dep}",
        f"lhl={lem}|{_lemma(head)}",
        f"pw={prev_word}",
        f"nw={next_word}",
        f"lnw={lem}|{next_word}",
        f"lpw={lem}|{prev_word}",
        f"nn={next_word}|{nxt2.lower_ if nxt2 is not None else '</s>'}",
        f"q={has_quote}",
        f"lq={lem}|{has_quote}",
        f"cap={tok.text[:1].isupper()}|{tok.i == 0}",
    ]
    near_quote = has_quote_mark(doc[max(0, tok.i - 3) : tok.i + 4])
    features.append(f"nq={near_quote}")
    features.append(f"lnq={lem}|{near_quote}")
    features.append(
        f"pos3={prev.pos_ if prev is not None else '<s>'}|{pos}|"
        f"{nxt.pos_ if nxt is not None else '</s>'}"
    )
    features.append(f"hd={head.dep_}|{dep}")
    child_deps = set()
    for child in tok.children:
        child_deps.add(child.dep_)
        if child.dep_.startswith("nsubj"):
            features.append(f"subj={child.pos_}|{child.ent_type_ or '-'}")
            features.append(f"lsubj={lem}|{_lemma(child)}")
            features.append(f"subjl={_lemma(child)}")
        if child.dep_ in ("obj", "dobj", "iobj"):
            features.append(f"lobj={lem}|{_lemma(child)}")
        if child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis"):
            mark = next((g.lower_ for g in child.children if g.dep_ == "mark"), "-")
            features.append(f"comp={child.dep_}|{mark}")
            features.append(f"lcomp={lem}|{child.dep_}|{mark}")
        if child.dep_ in ("case", "prep") or (child.dep_ == "obl" and child.i > tok.i):
            features.append(f"lchild={lem}|{child.lower_}")
    for d in sorted(child_deps):
        features.append(f"c={d}")
        features.append(f"lc={lem}|{d}")
    if dep in ("ccomp", "parataxis", "advcl", "conj"):
        features.append(f"under={dep}|{_lemma(head)}")
    return features


class CueModel:
    """Logistic-regression weights over token_features; probability() scores one token."""

    def __init__(self, bias: float, weights: dict[str, float]):
        self.bias = bias
        self.weights = weights

    def probability(self, doc: Doc, tok: Token, has_quote: bool | None = None) -> float:
        """Probability that `tok` belongs to an attribution cue."""
        score = self.bias + sum(
            self.weights.get(f, 0.0) for f in token_features(doc, tok, has_quote)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def scorer(self, doc: Doc) -> Callable[[Token], float]:
        """probability() for tokens of `doc`, computed on first request and remembered:
        only the few words that could be cues are ever scored."""
        has_quote = has_quote_mark(doc)
        scores: dict[int, float] = {}

        def score(tok: Token) -> float:
            if tok.i not in scores:
                scores[tok.i] = self.probability(doc, tok, has_quote)
            return scores[tok.i]

        return score


@cache
def load_cue_model(language: str) -> CueModel | None:
    """The trained model in lang/data/<language>_cue_model.json.gz, or None when there is none."""
    path = DATA_DIR / f"{language}_cue_model.json.gz"
    if not path.exists():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return CueModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})
