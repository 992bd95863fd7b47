"""Bring the 2017 LassySmall train split up to the labels of the current Dutch treebanks.

``../shared/ud/nl/nl_lassysmall-ud-train-2017.conllu`` was released under UD
2.0: it says ``flat:name`` where the current files say ``flat`` and lacks four
subtypes the current files use. A parser trained on both schemes would learn
to choose between them at random, so the old labels are rewritten:

  flat:name  -> flat                      (a rename)
  nmod       -> nmod:poss   a pronoun or name modifier with no ``case`` child
                            that stands before its head ("zijn boek", "Jans fiets")
  expl       -> expl:pv     the reflexive "zich" of an inherently reflexive verb
  obl        -> obl:agent   an oblique with "door" under a passive (aux:pass) head
  obl        -> obl:arg     an oblique whose (verb lemma, preposition) pair is an
                            ``obl:arg`` more often than a plain ``obl`` in the
                            current *training* split ("wachten op", "denken aan")

The file has no fine tags, few features and no spacing. Its sentences
therefore teach only the parser and the lemmatizer: tag, POS and morphology are
left unset (spaCy treats them as missing), so the tagger and morphologizer
learn from the current scheme alone.

``python scripts/lassysmall_2017.py --check`` measures the rewrite rules: it
takes the current files, removes the subtypes (as the 2017 release lacks
them), restores them with the rules and prints precision and recall per label.
The ``obl:arg`` lexicon is checked per file, built from the other two.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter, defaultdict
from pathlib import Path

from train_pipelines import read_sentences

REPO = Path(__file__).resolve().parent.parent
UD_NL = Path(os.environ.get("CLAIMTRACK_UD_DIR", REPO.parent / "shared" / "ud")) / "nl"
FILE_2017 = "nl_lassysmall-ud-train-2017.conllu"
CURRENT_FILES = [
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
    "nl_alpino-ud-dev.conllu",
]
REFLEXIVE_LEMMAS = {"zich"}
POSSESSOR_POS = {"PRON", "PROPN"}
AGENT_CASE = "door"
SUBTYPED = {"nmod:poss": "nmod", "expl:pv": "expl", "obl:agent": "obl", "obl:arg": "obl"}

Row = list[str]  # the ten CoNLL-U columns of one word


def word_rows(lines: list[str]) -> list[Row]:
    """The word lines of a CoNLL-U sentence (no comments, ranges or empty nodes)."""
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    return [r for r in rows if "-" not in r[0] and "." not in r[0]]


def _children(rows: list[Row]) -> dict[str, list[Row]]:
    kids: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        kids[row[6]].append(row)
    return kids


def _plain_lemma(row: Row) -> str:
    return row[2].replace("_", "").lower()


def _oblique_key(row: Row, rows: list[Row], kids: dict[str, list[Row]]) -> tuple[str, str] | None:
    if row[6] == "0":
        return None
    head = rows[int(row[6]) - 1]
    case = [_plain_lemma(k) for k in kids[row[0]] if k[7] == "case"]
    return (_plain_lemma(head), case[0]) if case else None


def oblique_argument_lexicon(sentences: list[list[str]]) -> set[tuple[str, str]]:
    """(verb lemma, preposition) pairs labelled obl:arg more often than obl."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for lines in sentences:
        rows = word_rows(lines)
        kids = _children(rows)
        for row in rows:
            if row[7] in ("obl", "obl:arg") and (key := _oblique_key(row, rows, kids)):
                counts[key][row[7]] += 1
    return {key for key, c in counts.items() if c["obl:arg"] > c["obl"]}


def upgrade_labels(rows: list[Row], arg_lexicon: set[tuple[str, str]]) -> list[Row]:
    """Rewrite the UD 2.0 relations of one sentence to the current scheme (see module doc)."""
    kids = _children(rows)
    out = [list(r) for r in rows]
    for row, new in zip(rows, out):
        rel = row[7]
        has_case = any(k[7] == "case" for k in kids[row[0]])
        if rel == "flat:name":
            new[7] = "flat"
        elif (
            rel == "nmod"
            and row[3] in POSSESSOR_POS
            and not has_case
            and row[6] != "0"
            and int(row[0]) < int(row[6])
        ):
            new[7] = "nmod:poss"
        elif rel == "expl" and _plain_lemma(row) in REFLEXIVE_LEMMAS:
            new[7] = "expl:pv"
        elif rel == "obl":
            head = row[6]
            passive = any(k[7] == "aux:pass" for k in kids[head])
            case = {_plain_lemma(k) for k in kids[row[0]] if k[7] == "case"}
            if passive and AGENT_CASE in case:
                new[7] = "obl:agent"
            elif _oblique_key(row, rows, kids) in arg_lexicon:
                new[7] = "obl:arg"
    return out


def to_docbin(sentences: list[list[str]], arg_lexicon: set[tuple[str, str]], per_doc: int = 10):
    """A spaCy DocBin of the upgraded 2017 sentences: heads, relations and lemmas only."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("nl").vocab
    db = DocBin(store_user_data=False)
    for first in range(0, len(sentences), per_doc):
        words, heads, deps, lemmas, starts = [], [], [], [], []
        for lines in sentences[first : first + per_doc]:
            rows = upgrade_labels(word_rows(lines), arg_lexicon)
            offset = len(words)
            for i, row in enumerate(rows):
                words.append(row[1])
                heads.append(offset + (int(row[6]) - 1 if row[6] != "0" else i))
                deps.append(row[7])
                lemmas.append(row[2].replace("_", "") if "_" not in row[1] else row[2])
                starts.append(i == 0)
        db.add(Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, sent_starts=starts))
    return db


def check() -> None:
    """Print how well the rewrite rules restore the subtypes of the current files."""
    by_file = {name: read_sentences(UD_NL / name) for name in CURRENT_FILES}
    totals: dict[str, Counter] = defaultdict(Counter)
    for name, sentences in by_file.items():
        others = [s for other, ss in by_file.items() if other != name for s in ss]
        lexicon = oblique_argument_lexicon(others)
        for lines in sentences:
            gold = word_rows(lines)
            stripped = [r[:7] + [SUBTYPED.get(r[7], r[7])] + r[8:] for r in gold]
            for g, p in zip(gold, upgrade_labels(stripped, lexicon)):
                for label in SUBTYPED:
                    if p[7] == label and g[7] == label:
                        totals[label]["tp"] += 1
                    elif p[7] == label:
                        totals[label]["fp"] += 1
                    elif g[7] == label:
                        totals[label]["fn"] += 1
    for label, c in totals.items():
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        print(f"{label:10} restored P {p:.3f} R {r:.3f} (gold {c['tp'] + c['fn']})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure the rewrite rules")
    if parser.parse_args().check:
        check()
