"""Train the named-entity recognizers of claimtrack's Dutch and English pipelines.

Steps (run all with ``all``, or one at a time):

  prepare   read the CoNLL-2002 (Dutch) or CoNLL-2003 (English) files, turn
            their IOB tags into entity spans and write spaCy DocBin files
  pretrain  ``spacy pretrain`` the NER's tok2vec on raw text (``raw_text``
            below); pass the resulting weights to ``train`` with
            ``--paths.init_tok2vec <folder>/model<N>.bin``
  train     ``spacy train`` configs/spacy/ner.cfg (one thread); the best
            checkpoint on the tuning split is kept
  evaluate  ``spacy evaluate`` a model on the report split (testb) and print
            precision, recall and F1 per entity type
  package   source the trained ``ner`` component (it carries its own tok2vec)
            into the shipped pipeline in ``claimtrack/models/<lang>/``

Data (read-only, never copied into the repository), ``CLAIMTRACK_NER_DIR``
or ../shared/ner:

  nl  nl-conll2002/ned.train (training), ned.testa (tuning), ned.testb (report)
  en  en-conll2003/eng.train (training), eng.testa (tuning), eng.testb (report)

Raw text for pretraining: the words of the training and tuning files (never
the report split); for Dutch also the article texts of ../shared/corpus/ud-nl-dev
and the sentences of the UD Dutch treebanks here (LassySmall dev, test and the
2017 train split; Alpino dev; the withheld Alpino test split is not among
them); for English the PolNeAR train texts and UD EWT train and dev (not EWT
test, not PolNeAR dev). The Dutch pretrained tok2vec has the architecture of
the parser pipeline's, so ``train_pipelines.py`` can start from it too.

Both are research corpora (Tjong Kim Sang 2002; Tjong Kim Sang and De Meulder
2003): the models trained on them say so in their README.

Example:

  python scripts/train_ner.py all --lang nl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from train_pipelines import run_spacy

REPO = Path(__file__).resolve().parent.parent
NER_DIR = Path(os.environ.get("CLAIMTRACK_NER_DIR", REPO.parent / "shared" / "ner"))
WORK_DIR = Path(os.environ.get("CLAIMTRACK_TRAIN_DIR", REPO.parent / "train_data"))
MODELS_DIR = REPO / "claimtrack" / "models"
CONFIG = REPO / "configs" / "spacy" / "ner.cfg"

FILES = {
    "nl": {
        "train": "nl-conll2002/ned.train",
        "dev": "nl-conll2002/ned.testa",
        "test": "nl-conll2002/ned.testb",
    },
    "en": {
        "train": "en-conll2003/eng.train",
        "dev": "en-conll2003/eng.testa",
        "test": "en-conll2003/eng.testb",
    },
}
SENTENCES_PER_DOC = 10


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Return the articles of a CoNLL NER file: lists of sentences of (word, tag)."""
    articles: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            if sentence:
                articles[-1].append(sentence)
                sentence = []
            continue
        if fields[0] == "-DOCSTART-":
            if sentence:
                articles[-1].append(sentence)
                sentence = []
            if articles[-1]:
                articles.append([])
            continue
        sentence.append((fields[0], fields[-1]))
    if sentence:
        articles[-1].append(sentence)
    return [article for article in articles if article]


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) of IOB1 or IOB2 tags.

    An ``I-`` tag that follows ``O`` or another type starts an entity, as IOB1
    (CoNLL-2003) has it; ``B-`` always starts one.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


def lowercase_particles(
    sentence: list[tuple[str, str]], particles: set[str]
) -> list[tuple[str, str]] | None:
    """The sentence with name particles inside person names lowercased, or None if it has none.

    The Belgian newspaper text writes "Jan Van den Broeck"; Dutch news from the
    Netherlands writes "Jan van den Broek". A copy in the second style teaches
    the recognizer both.
    """
    changed, out = False, []
    for k, (word, tag) in enumerate(sentence):
        inside = tag.endswith("PER") and k > 0 and sentence[k - 1][1].endswith("PER")
        if inside and word[:1].isupper() and word.lower() in particles and not tag.startswith("B"):
            word, changed = word.lower(), True
        out.append((word, tag))
    return out if changed else None


def name_particles(language: str) -> set[str]:
    """The engine's list of surname particles for the language (empty if it has none)."""
    from claimtrack.engine.lang.loader import read_entries

    path = REPO / "claimtrack" / "engine" / "lang" / "data" / language / "name_particles.txt"
    return set(read_entries(path)) if path.exists() else set()


def prepare(language: str) -> Path:
    """Write train/dev/test DocBin files for one language; return their folder.

    The training split gets one extra copy of each sentence whose person names
    hold capitalised particles, with the particles lowercased.
    """
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    nlp = spacy.blank(language)
    particles = name_particles(language)
    out = WORK_DIR / f"ner-{language}"
    out.mkdir(parents=True, exist_ok=True)
    for split, name in FILES[language].items():
        db = DocBin()
        articles = read_conll(NER_DIR / name)
        if split == "train" and particles:
            variants = [v for a in articles for s in a if (v := lowercase_particles(s, particles))]
            articles.extend(
                variants[k : k + SENTENCES_PER_DOC]
                for k in range(0, len(variants), SENTENCES_PER_DOC)
            )
            print(
                f"{language}: {len(variants)} sentences with lowercased particles", file=sys.stderr
            )
        for article in articles:
            for first in range(0, len(article), SENTENCES_PER_DOC):
                chunk = article[first : first + SENTENCES_PER_DOC]
                words = [word for sentence in chunk for word, _ in sentence]
                tags = [tag for sentence in chunk for _, tag in sentence]
                starts = [i == 0 for sentence in chunk for i in range(len(sentence))]
                doc = Doc(nlp.vocab, words=words, sent_starts=starts)
                doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in entity_spans(tags)]
                db.add(doc)
        db.to_disk(out / f"{split}.spacy")
        print(f"{language} {split}: {len(db)} docs", file=sys.stderr)
    return out


RAW_TREEBANKS = {
    "nl": [
        "nl/nl_lassysmall-ud-dev.conllu",
        "nl/nl_lassysmall-ud-test.conllu",
        "nl/nl_lassysmall-ud-train-2017.conllu",
        "nl/nl_alpino-ud-dev.conllu",
    ],
    "en": ["en/en_ewt-ud-train.conllu", "en/en_ewt-ud-dev.conllu"],
}
RAW_ARTICLES = {"nl": ["corpus/ud-nl-dev"], "en": ["corpus/polnear/train/text"]}


def _treebank_sentences(path: Path) -> list[str]:
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            words.append(cols[1])
        elif not line.strip() and words:
            sentences.append(" ".join(words))
            words = []
    return sentences


def raw_text(language: str) -> Path:
    """Write the pretraining texts (see module doc) as JSONL; return the file."""
    texts = []
    for split in ("train", "dev"):
        for article in read_conll(NER_DIR / FILES[language][split]):
            texts.extend(" ".join(w for w, _ in sentence) for sentence in article)
    shared = NER_DIR.parent
    for folder in RAW_ARTICLES[language]:
        for path in sorted((shared / folder).glob("*.txt")):
            body = path.read_text(encoding="utf-8", errors="replace")
            texts.extend(
                p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("#")
            )
    for name in RAW_TREEBANKS[language]:
        texts.extend(_treebank_sentences(shared / "ud" / name))
    out = WORK_DIR / f"ner-{language}" / "raw_text.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(
        f"{len(texts)} texts, {sum(len(t.split()) for t in texts)} words -> {out}", file=sys.stderr
    )
    return out


def pretrain(language: str, output: Path, extra: list[str]) -> Path:
    """Run ``spacy pretrain`` for the NER tok2vec on one thread; return the output folder."""
    args = ["pretrain", str(CONFIG), str(output), "--paths.raw_text", str(raw_text(language))]
    seconds = run_spacy([*args, "--nlp.lang", language, *extra])
    print(f"pretrained in {seconds:.0f} s", file=sys.stderr)
    return output


def train(language: str, output: Path, extra: list[str]) -> Path:
    """Run ``spacy train`` on one thread; return the best checkpoint."""
    data = WORK_DIR / f"ner-{language}"
    args = [
        "train",
        str(CONFIG),
        "--output",
        str(output),
        "--paths.train",
        str(data / "train.spacy"),
        "--paths.dev",
        str(data / "dev.spacy"),
    ]
    seconds = run_spacy([*args, "--nlp.lang", language, *extra])
    print(f"trained in {seconds:.0f} s", file=sys.stderr)
    return output / "model-best"


def evaluate(language: str, model: Path, split: str = "test") -> dict:
    """``spacy evaluate`` the model's entities on a split; print and return the scores."""
    data = WORK_DIR / f"ner-{language}" / f"{split}.spacy"
    out = WORK_DIR / f"ner-{language}" / f"scores-{split}.json"
    subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", str(model), str(data), "--output", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    scores = json.loads(out.read_text())
    print(
        f"{language} {split}: P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} "
        f"F {scores['ents_f']:.3f}"
    )
    for label, s in sorted(scores.get("ents_per_type", {}).items()):
        print(f"  {label:5} P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f}")
    return scores


CORPUS_NAMES = {
    "nl": "CoNLL-2002 Dutch NER (De Morgen, 2000)",
    "en": "CoNLL-2003 English NER (Reuters, 1996)",
}


def package(
    language: str, trained: Path, version: str | None = None, target: Path | None = None
) -> Path:
    """Put the trained ``ner`` into the shipped pipeline; return its folder.

    meta.json names the NER corpus among the sources (a research corpus) and,
    with ``version``, gets the new version number.
    """
    import spacy

    import claimtrack.engine.nlp  # noqa: F401  (registers the shipped pipelines' own parts)

    target = target or MODELS_DIR / language
    nlp = spacy.load(target)
    sources = [s for s in nlp.meta.get("sources", []) if "NER" not in s.get("name", "")]
    sources.append({"name": CORPUS_NAMES[language], "license": "research use only"})
    nlp.meta["sources"] = sources
    if version:
        nlp.meta["version"] = version
    ner_nlp = spacy.load(trained)
    # a freshly trained NER listens to its pipeline's tok2vec; one taken from a packaged
    # pipeline (the shipped one, for a measurement pipeline) already has its own
    if "tok2vec" in ner_nlp.pipe_names and "ner" in getattr(
        ner_nlp.get_pipe("tok2vec"), "listening_components", []
    ):
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    if "ner" in nlp.pipe_names:
        nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.to_disk(target)
    return target


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "step", choices=["prepare", "pretrain", "train", "evaluate", "package", "all"]
    )
    parser.add_argument("--lang", choices=sorted(FILES), required=True)
    parser.add_argument("--output", type=Path, help="training output folder")
    parser.add_argument("--model", type=Path, help="model to evaluate or package")
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--version", help="new version number of the packaged pipeline")
    parser.add_argument(
        "--target", type=Path, help="pipeline folder (default claimtrack/models/<lang>)"
    )
    args, extra = parser.parse_known_args(argv)
    output = args.output or WORK_DIR / f"ner-{args.lang}" / "output"
    model = args.model or output / "model-best"
    if args.step in ("prepare", "all"):
        prepare(args.lang)
    if args.step == "pretrain":
        pretrain(args.lang, args.output or WORK_DIR / f"ner-{args.lang}" / "pretrain", extra)
    if args.step in ("train", "all"):
        model = train(args.lang, output, extra)
    if args.step in ("evaluate", "all"):
        evaluate(args.lang, model, args.split)
    if args.step in ("package", "all"):
        print(package(args.lang, model, args.version, args.target))


if __name__ == "__main__":
    main()
