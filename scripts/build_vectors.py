"""Build small static word vectors (floret: subword-hashed fastText) from raw text here.

Steps:

  text     write the allowed raw text, one tokenized sentence or paragraph a line
  train    train floret vectors on it (one thread) and write ``vectors.floret``
  init     ``spacy init vectors <lang> vectors.floret <dir> --mode floret``

Raw text (never a report split, never the withheld Alpino test split):

  nl  words of ned.train and ned.testa; the UD Dutch treebank sentences
      (LassySmall dev, test, 2017 train; Alpino dev); the ud-nl-dev articles
  en  words of eng.train and eng.testa; the PolNeAR train texts; the Wikinews
      articles; the White House / Kremlin readouts

Example:

  python scripts/build_vectors.py all --lang nl --out ../train_data/exp12/vec-nl
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from train_ner import FILES, NER_DIR, _treebank_sentences, read_conll

SHARED = NER_DIR.parent
TREEBANKS = {
    "nl": [
        "nl/nl_lassysmall-ud-dev.conllu",
        "nl/nl_lassysmall-ud-test.conllu",
        "nl/nl_lassysmall-ud-train-2017.conllu",
        "nl/nl_alpino-ud-dev.conllu",
    ],
    "en": [],
}
ARTICLES = {
    "nl": ["corpus/ud-nl-dev"],
    "en": ["corpus/polnear/train/text", "corpus/wikinews-en", "corpus/readouts"],
}


def paragraphs(path: Path) -> list[str]:
    """The body paragraphs of an article file (header lines and the old date header dropped)."""
    body = path.read_text(encoding="utf-8", errors="replace")
    lines = [line for line in body.splitlines() if not line.startswith("# ")]
    text = "\n".join(lines)
    if text.startswith(" date "):
        text = text.split(" ", 3)[-1]
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def write_text(language: str, out: Path) -> Path:
    """Write the raw text of one language, tokenized like spaCy does; return the file."""
    import spacy

    nlp = spacy.blank(language)
    lines: list[str] = []
    for split in ("train", "dev"):  # never "test"
        for article in read_conll(NER_DIR / FILES[language][split]):
            lines.extend(" ".join(w for w, _ in sentence) for sentence in article)
    for name in TREEBANKS[language]:
        lines.extend(_treebank_sentences(SHARED / "ud" / name))
    texts = [
        p
        for folder in ARTICLES[language]
        for f in sorted((SHARED / folder).glob("*.txt"))
        for p in paragraphs(f)
    ]
    lines.extend(" ".join(t.text for t in doc if not t.is_space) for doc in nlp.pipe(texts))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "raw.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{language}: {len(lines)} lines, {sum(len(x.split()) for x in lines)} words -> {path}",
        file=sys.stderr,
    )
    return path


def train_floret(
    path: Path,
    out: Path,
    dim: int,
    bucket: int,
    epoch: int,
    minn: int,
    maxn: int,
    min_count: int,
    hash_count: int,
) -> Path:
    """Train floret (skipgram, floret mode) on the text; write ``vectors.floret``."""
    import floret

    model = floret.train_unsupervised(
        str(path),
        model="skipgram",
        mode="floret",
        dim=dim,
        bucket=bucket,
        epoch=epoch,
        minn=minn,
        maxn=maxn,
        minCount=min_count,
        hashCount=hash_count,
        thread=1,
        verbose=1,
    )
    target = out / "vectors.floret"
    model.save_floret_vectors(str(target))
    model.save_model(str(out / "model.bin"))
    return target


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["text", "train", "init", "all"])
    parser.add_argument("--lang", choices=sorted(FILES), required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=20000)
    parser.add_argument("--epoch", type=int, default=20)
    parser.add_argument("--minn", type=int, default=3)
    parser.add_argument("--maxn", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--hash-count", type=int, default=2)
    args = parser.parse_args(argv)
    raw = args.out / "raw.txt"
    if args.step in ("text", "all"):
        raw = write_text(args.lang, args.out)
    if args.step in ("train", "all"):
        train_floret(
            raw,
            args.out,
            args.dim,
            args.bucket,
            args.epoch,
            args.minn,
            args.maxn,
            args.min_count,
            args.hash_count,
        )
    if args.step in ("init", "all"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "init",
                "vectors",
                args.lang,
                str(args.out / "vectors.floret"),
                str(args.out / "spacy"),
                "--mode",
                "floret",
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
