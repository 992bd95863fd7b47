"""A trained, context-aware estimate of how likely a word is an attribution cue.

The learned lexicon says how often a *form* was a cue in PolNeAR train
("added": 220 of 266 times); this model looks at the word in its parsed sentence and
gives the probability for this occurrence ("the mayor added two parks": 0.23,
'"We are ready," the mayor added': 0.96). It is a logistic regression
over sparse features of the dependency parse, trained by
scripts/train_cue_model.py, so using it needs nothing beyond the parse.

Stored compactly in ``lang/data/<language>_cue_model.weights.gz`` (see
`save_cue_model`: the feature names and one float64 array, read in a fraction of
the time a JSON object of 383k weights takes) and loaded only when a text of that
language is analysed (`lazy_cue_model`). A model written as gzipped JSON
(``<language>_cue_model.json.gz``, as scripts/train_cue_model.py writes it) is read
instead when present; ``python -m claimtrack.engine.cue_model compact`` converts it.
"""

from __future__ import annotations

import array
import gzip
import json
import math
import sys
import threading
from collections.abc import Callable
from functools import cache
from itertools import repeat
from pathlib import Path

from spacy.tokens import Doc, Token

from claimtrack.engine.tokens import children_of, lower_words, text_of, tokens_of

DATA_DIR = Path(__file__).parent / "lang" / "data"
QUOTE_CHARS = frozenset('"“”‘’„')


def has_quote_mark(tokens) -> bool:
    """True when any of `tokens` is a quotation mark."""
    return any(t.text in QUOTE_CHARS or t.text in ("''", "``") for t in tokens)


def quote_positions(doc: Doc) -> frozenset[int]:
    """Positions of the tokens has_quote_mark counts, found from the text: only a
    character that could be one is looked at, not every token."""
    text = text_of(doc)
    found = set()
    for mark in (*QUOTE_CHARS, "''", "``"):
        at = text.find(mark)
        while at >= 0:
            span = doc.char_span(at, at + len(mark))
            if span is not None and len(span) == 1:
                found.add(span.start)
            at = text.find(mark, at + 1)
    return frozenset(found)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def token_features(
    doc: Doc,
    tok: Token,
    has_quote: bool | None = None,
    quotes: frozenset[int] | None = None,
) -> list[str]:
    """Sparse feature names describing `tok` in its parsed sentence (`quotes`, when given,
    is quote_positions(doc))."""
    if quotes is not None:
        has_quote = bool(quotes)
    elif has_quote is None:
        has_quote = has_quote_mark(doc)
    lem, pos, dep = _lemma(tok), tok.pos_, tok.dep_
    head = tok.head
    head_lemma = _lemma(head)
    toks, words, i, n = tokens_of(doc), lower_words(doc), tok.i, len(doc)
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < n else None
    prev_word = words[i - 1] if i > 0 else "<s>"
    next_word = words[i + 1] if i + 1 < n else "</s>"
    features = [
        f"w={words[i]}",
        f"l={lem}",
        f"p={pos}",
        f"t={tok.tag_}",
        f"d={dep}",
        f"lp={lem}|{pos}",
        f"ld={lem}|{dep}",
        f"hl={head_lemma}",
        f"hpd={head.pos_}|{dep}",
        f"lhl={lem}|{head_lemma}",
        f"pw={prev_word}",
        f"nw={next_word}",
        f"lnw={lem}|{next_word}",
        f"lpw={lem}|{prev_word}",
        f"nn={next_word}|{words[i + 2] if i + 2 < n else '</s>'}",
        f"q={has_quote}",
        f"lq={lem}|{has_quote}",
        f"cap={tok.text[:1].isupper()}|{i == 0}",
    ]
    if quotes is None:
        near_quote = has_quote_mark(toks[max(0, i - 3) : i + 4])
    else:
        near_quote = not quotes.isdisjoint(range(i - 3, i + 4))
    features.append(f"nq={near_quote}")
    features.append(f"lnq={lem}|{near_quote}")
    features.append(
        f"pos3={prev.pos_ if prev is not None else '<s>'}|{pos}|"
        f"{nxt.pos_ if nxt is not None else '</s>'}"
    )
    features.append(f"hd={head.dep_}|{dep}")
    child_deps = set()
    for child in children_of(tok):
        child_dep = child.dep_
        child_deps.add(child_dep)
        if child_dep.startswith("nsubj"):
            child_lemma = _lemma(child)
            features.append(f"subj={child.pos_}|{child.ent_type_ or '-'}")
            features.append(f"lsubj={lem}|{child_lemma}")
            features.append(f"subjl={child_lemma}")
        if child_dep in ("obj", "dobj", "iobj"):
            features.append(f"lobj={lem}|{_lemma(child)}")
        if child_dep in ("ccomp", "xcomp", "advcl", "parataxis"):
            mark = next((g.lower_ for g in children_of(child) if g.dep_ == "mark"), "-")
            features.append(f"comp={child_dep}|{mark}")
            features.append(f"lcomp={lem}|{child_dep}|{mark}")
        if child_dep in ("case", "prep") or (child_dep == "obl" and child.i > i):
            features.append(f"lchild={lem}|{child.lower_}")
    for d in sorted(child_deps):
        features.append(f"c={d}")
        features.append(f"lc={lem}|{d}")
    if dep in ("ccomp", "parataxis", "advcl", "conj"):
        features.append(f"under={dep}|{head_lemma}")
    return features


class CueModel:
    """Logistic-regression weights over token_features; probability() scores one token."""

    def __init__(self, bias: float, weights: dict[str, float]):
        self.bias = bias
        self.weights = weights

    def probability(
        self,
        doc: Doc,
        tok: Token,
        has_quote: bool | None = None,
        quotes: frozenset[int] | None = None,
    ) -> float:
        """Probability that `tok` belongs to an attribution cue."""
        features = token_features(doc, tok, has_quote, quotes)
        score = self.bias + sum(map(self.weights.get, features, repeat(0.0, len(features))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def scorer(self, doc: Doc) -> Callable[[Token], float]:
        """probability() for tokens of `doc`, computed on first request and remembered:
        only the few words that could be cues are ever scored."""
        scores: dict[int, float] = {}
        quotes: list[frozenset[int]] = []  # the doc's quotation marks, found on first request

        def score(tok: Token) -> float:
            if tok.i not in scores:
                if not quotes:
                    quotes.append(quote_positions(doc))
                scores[tok.i] = self.probability(doc, tok, quotes=quotes[0])
            return scores[tok.i]

        return score


COMPACT_SUFFIX = "_cue_model.weights.gz"
JSON_SUFFIX = "_cue_model.json.gz"
NAME_SEPARATOR = "\0"  # feature names may hold newlines, never NUL


def save_cue_model(path: Path, bias: float, weights: dict[str, float], about: str = "") -> None:
    """Write a model compactly: gzip of a JSON header line, the feature names joined by
    NUL, and their weights as little-endian float64 in the same order."""
    names = NAME_SEPARATOR.join(weights).encode("utf-8")
    values = array.array("d", (float(w) for w in weights.values()))
    if sys.byteorder != "little":
        values.byteswap()
    header = {
        "about": about,
        "bias": float(bias),
        "features": len(weights),
        "names_bytes": len(names),
        "weights": "float64 little-endian, one per name, after the names",
    }
    head = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n"
    Path(path).write_bytes(gzip.compress(head + names + values.tobytes(), mtime=0))


def read_compact(path: Path) -> CueModel:
    """A model written by save_cue_model."""
    data = gzip.decompress(Path(path).read_bytes())
    head_end = data.index(b"\n") + 1
    header = json.loads(data[:head_end])
    names_end = head_end + header["names_bytes"]
    names = data[head_end:names_end].decode("utf-8").split(NAME_SEPARATOR)
    values = array.array("d")
    values.frombytes(data[names_end:])
    if sys.byteorder != "little":
        values.byteswap()
    if len(names) != header["features"] or len(values) != len(names):
        raise ValueError(f"{path}: damaged cue model ({len(names)} names, {len(values)} weights)")
    return CueModel(float(header["bias"]), dict(zip(names, values.tolist(), strict=True)))


def read_json(path: Path) -> CueModel:
    """A model written as gzipped JSON {"bias": ..., "weights": {feature: weight}}."""
    data = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    return CueModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def model_file(language: str) -> Path | None:
    """The file the model of `language` is read from: a freshly trained JSON model
    when there is one, else the compact file; None when there is neither."""
    for path in (DATA_DIR / f"{language}{JSON_SUFFIX}", DATA_DIR / f"{language}{COMPACT_SUFFIX}"):
        if path.exists():
            return path
    return None


@cache
def load_cue_model(language: str) -> CueModel | None:
    """The trained model of `language` in lang/data/, or None when there is none."""
    path = model_file(language)
    if path is None:
        return None
    return read_json(path) if path.name.endswith(JSON_SUFFIX) else read_compact(path)


class LazyCueModel:
    """Stands in for the CueModel of a language until a text needs it, then loads it once.

    A language profile holds one of these, so reading the profile (detecting the
    language of a Dutch text reads the English stopwords) costs no model load.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._model: CueModel | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def model(self) -> CueModel:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    model = load_cue_model(self.language)
                    if model is None:
                        raise FileNotFoundError(f"no cue model for {self.language!r}")
                    self._model = model
        return self._model

    @property
    def bias(self) -> float:
        return self.model.bias

    @property
    def weights(self) -> dict[str, float]:
        return self.model.weights

    def probability(self, doc: Doc, tok: Token, has_quote: bool | None = None) -> float:
        return self.model.probability(doc, tok, has_quote)

    def scorer(self, doc: Doc) -> Callable[[Token], float]:
        return self.model.scorer(doc)


def lazy_cue_model(language: str) -> LazyCueModel | None:
    """A LazyCueModel when `language` has a trained model, else None (nothing is read)."""
    return LazyCueModel(language) if model_file(language) is not None else None


def compact(language: str = "en") -> Path:
    """Convert lang/data/<language>_cue_model.json.gz to the compact file and remove it."""
    source = DATA_DIR / f"{language}{JSON_SUFFIX}"
    about = json.loads(gzip.decompress(source.read_bytes()).decode("utf-8")).get("about", "")
    model = read_json(source)
    target = DATA_DIR / f"{language}{COMPACT_SUFFIX}"
    save_cue_model(target, model.bias, model.weights, about)
    if read_compact(target).weights != model.weights:
        raise RuntimeError("the compact model does not read back the same weights")
    source.unlink()
    return target


if __name__ == "__main__":
    if sys.argv[1:2] != ["compact"]:
        sys.exit("usage: python -m claimtrack.engine.cue_model compact [LANGUAGE]")
    print(f"wrote {compact(*sys.argv[2:3])}")
