"""Train claimtrack's Dutch and English spaCy pipelines from the UD treebanks.

Steps (run all with ``all``, or one at a time):

  prepare   clean the CoNLL-U files, split them, add quote-style variants,
            and convert them with ``spacy convert`` into DocBin files
  train     ``spacy train`` with a config from ``configs/spacy/``
  package   add the news tokenizer rules and the reporting-verb lemma
            exceptions, drop training-only settings, and write the pipeline
            to ``claimtrack/models/<lang>/``
  evaluate  ``spacy evaluate`` the packaged pipeline on the held-out split

Data (read-only, never copied into the repository):

  nl  /work/shared/ud/nl: LassySmall dev+test and Alpino dev. Split by document
      (the part of ``sent_id`` before the paragraph number): documents are
      shuffled with a fixed seed; the first ones that together hold >= 15% of
      the sentences are the held-out set we report, the next >= 10% the dev set
      used for checkpoint selection, the rest is training data.
  en  /work/shared/ud/en: EWT train (training), dev (checkpoint selection),
      test (the reported figure).

Example:

  python scripts/train_pipelines.py all --lang nl --config configs/spacy/nl.cfg
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UD_DIR = Path(os.environ.get("CLAIMTRACK_UD_DIR", REPO.parent / "shared" / "ud"))
WORK_DIR = Path(os.environ.get("CLAIMTRACK_TRAIN_DIR", REPO.parent / "train_data"))
MODELS_DIR = REPO / "claimtrack" / "models"
CONFIG_DIR = REPO / "configs" / "spacy"

SOURCES = {
    "nl": [
        "nl_lassysmall-ud-dev.conllu",
        "nl_lassysmall-ud-test.conllu",
        "nl_alpino-ud-dev.conllu",
    ],
    "en": {
        "train": ["en_ewt-ud-train.conllu"],
        "dev": ["en_ewt-ud-dev.conllu"],
        "heldout": ["en_ewt-ud-test.conllu"],
    },
}
NL_SPLIT_SEED = 20260427
NL_HELDOUT_SHARE = 0.15
NL_DEV_SHARE = 0.10
SENTENCES_PER_DOC = 10

# Quote pairs seen in news. Training sentences that contain quotes get one extra
# copy written in another style, so the models see „…”, “…” and ,,…'' alike.
QUOTE_STYLES = {
    "nl": [(",,", "''"), ("„", "”"), ('"', '"'), ("“", "”"), ("‘", "’")],
    "en": [('"', '"'), ("“", "”"), ("‘", "’")],
}
QUOTE_FORMS = {q for styles in QUOTE_STYLES.values() for pair in styles for q in pair} | {"``"}


# ---------------------------------------------------------------- prepare


def read_sentences(path: Path) -> list[list[str]]:
    """Return the sentences of a CoNLL-U file, each as its list of lines."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            current.append(line)
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def sentence_id(lines: list[str]) -> str:
    for line in lines:
        if line.startswith("# sent_id"):
            return line.split("=", 1)[1].strip()
    return ""


def document_id(lines: list[str]) -> str:
    """Document of a Dutch sentence: its sent_id up to the paragraph number."""
    sid = sentence_id(lines)
    return re.split(r"\\|\.p\.", sid)[0]


def clean_sentence(lines: list[str], language: str) -> list[str]:
    """Keep only what spaCy trains on; make the text match the original spacing.

    Multi-word token lines and empty nodes are dropped; the words of a
    multi-word token are glued together again (``do`` + ``n't``). Dutch Alpino
    lemmas mark compound and particle boundaries with ``_`` (``aan_kondigen``);
    the underscore is removed so lemmas are plain words.
    """
    comments = [ln for ln in lines if ln.startswith("#") and not ln.startswith("# text")]
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    glue_until, glue_misc = 0, "_"
    words = []
    for cols in rows:
        if "." in cols[0]:
            continue
        if "-" in cols[0]:
            glue_until, glue_misc = int(cols[0].split("-")[1]), cols[9]
            continue
        idx = int(cols[0])
        misc = [m for m in cols[9].split("|") if m not in ("_", "SpaceAfter=No")]
        if idx < glue_until:
            glued_to_next = True
        elif idx == glue_until:
            glued_to_next = "SpaceAfter=No" in glue_misc
        else:
            glued_to_next = "SpaceAfter=No" in cols[9]
        if glued_to_next:
            misc.append("SpaceAfter=No")
        cols[9] = "|".join(misc) or "_"
        cols[8] = "_"
        if language == "nl" and "_" in cols[2] and cols[2] != "_" and "_" not in cols[1]:
            cols[2] = cols[2].replace("_", "")
        words.append(cols)
    return comments + ["\t".join(c) for c in words]


def quote_variant(lines: list[str], language: str, rng: random.Random) -> list[str] | None:
    """A copy of the sentence with its quote marks in another style, or None."""
    rows = [ln.split("\t") if not ln.startswith("#") else ln for ln in lines]
    quote_rows = [
        r for r in rows if isinstance(r, list) and r[3] == "PUNCT" and r[1] in QUOTE_FORMS
    ]
    if not quote_rows:
        return None
    opening, closing = rng.choice(
        QUOTE_STYLES[language][1:] if language == "nl" else QUOTE_STYLES[language]
    )
    closers = {"''", "”", "’"}
    for n, row in enumerate(quote_rows):
        if row[1] in (",,", "„", "“", "‘", "``"):
            is_open = True
        elif row[1] in closers:
            is_open = False
        else:
            is_open = n % 2 == 0
        row[1] = row[2] = opening if is_open else closing
    out = []
    for r in rows:
        if isinstance(r, str):
            out.append(r + "-q" if r.startswith("# sent_id") else r)
        else:
            out.append("\t".join(r))
    return out


def treebank_lexicon(sentences: list[list[str]]) -> dict[tuple[str, str], list[str]]:
    """Most frequent analysis (lemma, UPOS, XPOS, FEATS) per (lowercase form, UPOS)."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for sent in sentences:
        for line in sent:
            if not line.startswith("#"):
                cols = line.split("\t")
                counts[(cols[1].lower(), cols[3])][tuple(cols[2:6])] += 1
    return {key: list(c.most_common(1)[0][0]) for key, c in counts.items()}


def reporting_frames(
    sentences: list[list[str]],
    language: str,
    rng: random.Random,
    lexicon_sentences: list[list[str]] | None = None,
) -> list[list[str]]:
    """Synthetic training sentences: treebank sentences wrapped in a reporting frame.

    UD news sentences with an inverted reporting clause (``..., zei de minister.``)
    are rare in the Dutch treebanks, and the parser then reads the speaker as an
    object. A share of plain declarative training sentences S is rewritten as

      S, zei de minister.          „S”, meldde hij.
      De politie zei: „S.”         S, liet de woordvoerder weten.

    following the treebank's own convention (the quoted clause is the root, the
    reporting verb its parataxis, the speaker the verb's nsubj). Words and their
    analyses come from configs/spacy/reporting_frames_<lang>.json and the treebank
    (``lexicon_sentences`` when given: word analyses only, no sentence of them is used).
    """
    path = CONFIG_DIR / f"reporting_frames_{language}.json"
    if not path.exists():
        return []
    spec = json.loads(path.read_text(encoding="utf-8"))
    lexicon = treebank_lexicon(lexicon_sentences or sentences)

    def word(form: str, upos: str) -> list[str]:
        lemma, pos, xpos, feats = lexicon[(form.lower(), upos)]
        return [form, lemma, pos, xpos, feats]

    def punct(form: str) -> list[str]:
        return [form, form, "PUNCT", lexicon.get((".", "PUNCT"), [".", "PUNCT", "_", "_"])[2], "_"]

    def subject_words(words: list[str], capitalise: bool) -> list[list[str]]:
        upos = ["PRON"] if len(words) == 1 else ["DET", "NOUN"]
        out = [word(w, u) for w, u in zip(words, upos, strict=True)]
        if capitalise:
            out[0][0] = out[0][0][0].upper() + out[0][0][1:]
        return out

    eligible = []
    for sent in sentences:
        rows = [ln.split("\t") for ln in sent if not ln.startswith("#")]
        if not 5 <= len(rows) <= 30 or rows[-1][1] != "." or rows[-1][6] == "0":
            continue
        if any(r[1] in QUOTE_FORMS or r[7] == "parataxis" for r in rows):
            continue
        if not rows[0][1][:1].isupper():
            continue
        eligible.append((sent, rows))
    rng.shuffle(eligible)
    frames = []
    for sent, rows in eligible[: int(spec["share"] * len(sentences))]:
        body = [r[:] for r in rows[:-1]]
        root = next(r for r in body if r[6] == "0")
        body[-1][9] = "SpaceAfter=No"
        kind = rng.choice(["tag", "quoted_tag", "colon", "let_know"])
        speaker = rng.choice(spec["subjects"])
        opening, closing = rng.choice(spec["quotes"])
        # Each new token: (analysis, head, deprel, glued to next); heads are
        # "root" (the body root), "verb" (the reporting verb), or "noun".
        new_before, new_after = [], []
        if kind == "colon":
            for analysis in subject_words(speaker, capitalise=True):
                role = "nsubj" if analysis[2] in ("PRON", "NOUN") else "det"
                new_before.append((analysis, "verb" if role == "nsubj" else "noun", role, False))
            new_before.append((word(rng.choice(spec["verbs"]), "VERB"), "root", "parataxis", True))
            new_before.append((punct(":"), "verb", "punct", False))
            new_before.append((punct(opening), "root", "punct", True))
            new_after = [
                (punct("."), "root", "punct", True),
                (punct(closing), "root", "punct", False),
            ]
        else:
            if kind == "quoted_tag":
                new_before.append((punct(opening), "root", "punct", True))
                new_after.append((punct(closing), "root", "punct", True))
            new_after.append((punct(","), "verb", "punct", False))
            verbs = spec["let_know"]["verbs"] if kind == "let_know" else spec["verbs"]
            new_after.append((word(rng.choice(verbs), "VERB"), "root", "parataxis", False))
            for analysis in subject_words(speaker, capitalise=False):
                role = "nsubj" if analysis[2] in ("PRON", "NOUN") else "det"
                new_after.append((analysis, "verb" if role == "nsubj" else "noun", role, False))
            if kind == "let_know":
                particle = word(spec["let_know"]["particle"], "VERB")
                new_after.append((particle, "verb", "xcomp", True))
            new_after.append((punct("."), "root", "punct", False))
            new_after[-2] = (*new_after[-2][:3], True)
        offset = len(new_before)
        ids = {}
        for r in body:
            ids[r[0]] = str(int(r[0]) + offset)
        positions = {}
        for n, (analysis, _head, role, _glued) in enumerate(new_before):
            positions.setdefault(role if role != "parataxis" else "verb", str(n + 1))
        for n, (analysis, _head, role, _glued) in enumerate(new_after):
            positions.setdefault(
                role if role != "parataxis" else "verb", str(len(body) + offset + n + 1)
            )
        noun = next(
            (str(i + 1) for i, (a, _h, r, _g) in enumerate(new_before) if r == "nsubj"),
            None,
        ) or next(
            (
                str(len(body) + offset + i + 1)
                for i, (a, _h, r, _g) in enumerate(new_after)
                if r == "nsubj"
            ),
            None,
        )
        heads = {"root": ids[root[0]], "verb": positions["verb"], "noun": noun}
        out = [f"# sent_id = {sentence_id(sent)}-frame-{kind}"]

        def emit(
            index: int, analysis: list[str], head: str, role: str, glued: bool, out=out
        ) -> None:
            misc = "SpaceAfter=No" if glued else "_"
            out.append("\t".join([str(index), *analysis, head, role, "_", misc]))

        for n, (analysis, head, role, glued) in enumerate(new_before):
            emit(n + 1, analysis, heads[head], role, glued)
        for r in body:
            r = r[:]
            r[0] = ids[r[0]]
            r[6] = "0" if r[6] == "0" else ids[r[6]]
            out.append("\t".join(r))
        for n, (analysis, head, role, glued) in enumerate(new_after):
            emit(len(body) + offset + n + 1, analysis, heads[head], role, glued)
        frames.append(out)
    return frames


def split_dutch(sentences: list[list[str]]) -> dict[str, list[list[str]]]:
    """Split the Dutch sentences by document into heldout/dev/train (see module doc)."""
    by_doc: dict[str, list[list[str]]] = defaultdict(list)
    for sent in sentences:
        by_doc[document_id(sent)].append(sent)
    docs = sorted(by_doc)
    random.Random(NL_SPLIT_SEED).shuffle(docs)
    total = len(sentences)
    splits: dict[str, list[list[str]]] = {"heldout": [], "dev": [], "train": []}
    held_docs = []
    for doc in docs:
        if len(splits["heldout"]) < NL_HELDOUT_SHARE * total:
            splits["heldout"].extend(by_doc[doc])
            held_docs.append(doc)
        elif len(splits["dev"]) < NL_DEV_SHARE * total:
            splits["dev"].extend(by_doc[doc])
        else:
            splits["train"].extend(by_doc[doc])
    return splits


def write_conllu(path: Path, sentences: list[list[str]]) -> None:
    path.write_text("".join("\n".join(s) + "\n\n" for s in sentences), encoding="utf-8")


def prepare(language: str, with_2017: bool = True, leave_out: str | None = None) -> Path:
    """Write cleaned, split CoNLL-U and spaCy DocBin files; return their folder.

    Dutch training data also gets the 2017 LassySmall train split (with its
    labels upgraded by ``lassysmall_2017.py``) unless ``with_2017`` is false.
    ``leave_out`` drops the documents whose id starts with it from the train
    and dev splits (the held-out split stays as it is): ``WR-P-P-H`` leaves out
    the Alpino news articles that ../shared/gold/ud-nl-dev annotates, so
    attribution can be measured with a parser that never saw them.
    """
    out = WORK_DIR / language
    out.mkdir(parents=True, exist_ok=True)
    src = UD_DIR / language
    lexicon_sentences = None
    if language == "nl":
        sentences = [s for name in SOURCES["nl"] for s in read_sentences(src / name)]
        splits = split_dutch(sentences)
        if leave_out:  # the frames still take word analyses from all training documents
            lexicon_sentences = [
                clean_sentence(s, language) for s in splits["train"] + splits["dev"]
            ]
            for split in ("train", "dev"):
                splits[split] = [
                    s for s in splits[split] if not document_id(s).startswith(leave_out)
                ]
    else:
        splits = {
            split: [s for name in names for s in read_sentences(src / name)]
            for split, names in SOURCES["en"].items()
        }
    rng = random.Random(7)
    summary = {}
    for split, sentences in splits.items():
        cleaned = [clean_sentence(s, language) for s in sentences]
        if split == "train":
            variants = [v for s in cleaned if (v := quote_variant(s, language, rng))]
            cleaned += variants + reporting_frames(cleaned, language, rng, lexicon_sentences)
        write_conllu(out / f"{split}.conllu", cleaned)
        summary[split] = {
            "sentences": len(cleaned),
            "tokens": sum(1 for s in cleaned for ln in s if not ln.startswith("#")),
        }
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "convert",
                str(out / f"{split}.conllu"),
                str(out),
                "--converter",
                "conllu",
                "--n-sents",
                str(SENTENCES_PER_DOC),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if language == "nl" and with_2017:
        summary["train"].update(add_lassysmall_2017(out / "train.spacy", splits["train"]))
    (out / "splits.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps({language: summary}))
    return out


def add_lassysmall_2017(train_docbin: Path, current_train: list[list[str]]) -> dict:
    """Append the upgraded 2017 sentences to the training DocBin; return their counts.

    The obl:arg lexicon comes from the current training split only, so nothing
    of the held-out or dev split leaks into the rewrite.
    """
    from lassysmall_2017 import FILE_2017, oblique_argument_lexicon, to_docbin
    from spacy.tokens import DocBin

    old = read_sentences(UD_DIR / "nl" / FILE_2017)
    extra = to_docbin(old, oblique_argument_lexicon(current_train), SENTENCES_PER_DOC)
    merged = DocBin().from_disk(train_docbin)
    merged.merge(extra)
    merged.to_disk(train_docbin)
    tokens = sum(1 for s in old for ln in s if ln[:1].isdigit() and "-" not in ln.split("\t")[0])
    return {"sentences_2017": len(old), "tokens_2017": tokens}


# ---------------------------------------------------------------- train


def merge_train_and_dev(language: str) -> Path:
    """Write train+dev as one DocBin (for a final run with a step count fixed beforehand)."""
    from spacy.tokens import DocBin

    data = WORK_DIR / language
    merged = DocBin(store_user_data=False)
    for split in ("train", "dev"):
        merged.merge(DocBin().from_disk(data / f"{split}.spacy"))
    target = data / "train+dev.spacy"
    merged.to_disk(target)
    return target


def train(
    language: str, config: Path, output: Path, overrides: list[str], with_dev: bool = False
) -> None:
    """Run ``spacy train`` with one thread; checkpoints land in output/model-{best,last}.

    With ``with_dev`` the dev split is trained on too; its scores in the log are
    then only a sanity check, and the run should have a fixed --training.max_steps.
    """
    data = WORK_DIR / language
    train_path = merge_train_and_dev(language) if with_dev else data / "train.spacy"
    args = [
        "train",
        str(config),
        "--output",
        str(output),
        "--paths.train",
        str(train_path),
        "--paths.dev",
        str(data / "dev.spacy"),
        *overrides,
    ]
    seconds = run_spacy(args)
    (output / "train_seconds.txt").write_text(f"{seconds:.0f}\n")


def run_spacy(args: list[str]) -> float:
    """Run ``python -m spacy <args>`` on one thread, echoing the command; return its seconds."""
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", *args]
    print(" ".join(cmd), flush=True)
    started = time.time()
    subprocess.run(cmd, check=True, env=env)
    return time.time() - started


# ---------------------------------------------------------------- package


def adjust_tokenizer(nlp) -> None:
    """Split Dutch ,, and '' and curly quotes off words, wherever they stand.

    Also splits a quote glued to a colon (``zei:,,Dat``, ``said:"No``).
    """
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    quotes = [",,", "''", "„", "”", "“", "‘", "’", "‚"]
    prefixes = [re.escape(q) for q in quotes] + list(nlp.Defaults.prefixes)
    suffixes = [re.escape(q) for q in quotes] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    opening = r"(?:,,|[„\"“‘'])"
    infixes = [rf":(?={opening})", rf"(?<=:){opening}", *nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    settings = CONFIG_DIR / f"tokenizer_{nlp.lang}.json"
    if settings.exists():
        removed = set(json.loads(settings.read_text(encoding="utf-8"))["remove_exceptions"])
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in removed}


def package(
    language: str,
    trained: Path,
    version: str,
    trained_on_dev: bool = False,
    target: Path | None = None,
) -> Path:
    """Turn a trained checkpoint into the shipped pipeline in claimtrack/models/<lang> (or `target`).

    A checkpoint trained on dev carries dev scores measured on its own training
    data; they are dropped from meta.json (the model README has the real figures).
    """
    import spacy

    from claimtrack.engine.pipeline import adapt_tokenizer
    from claimtrack.engine.tokenizer import SERIALIZED_TOKENIZER
    from claimtrack.engine.verb_lemmas import add_verb_lemmas

    nlp = spacy.load(trained)
    if trained_on_dev:
        nlp.meta.pop("performance", None)
    adjust_tokenizer(nlp)
    # What the engine runs: its quote rules saved in the tokenizer file, read back by
    # claimtrack's tokenizer (special cases built when needed), and the verb-lemma table
    # looked up by claimtrack's component (see claimtrack/engine/tokenizer.py, verb_lemmas.py).
    adapt_tokenizer(nlp)
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": SERIALIZED_TOKENIZER}
    table = json.loads((CONFIG_DIR / f"verb_lemmas_{language}.json").read_text(encoding="utf-8"))
    add_verb_lemmas(nlp, table, after="trainable_lemmatizer")
    nlp.meta.update(
        {
            "name": "claimtrack_" + ("nl_ud" if language == "nl" else "en_ud"),
            "version": version,
            "license": "CC BY-SA 4.0",
            "author": "claimtrack",
            "description": "CNN pipeline trained by scripts/train_pipelines.py on UD "
            + (
                "Dutch LassySmall (+ 2017 train) + Alpino (dev)"
                if language == "nl"
                else "English EWT"
            ),
            "sources": [
                {"name": n, "license": "CC BY-SA 4.0"}
                for n in (
                    [
                        "UD_Dutch-LassySmall",
                        "UD_Dutch-LassySmall (2017 train)",
                        "UD_Dutch-Alpino (dev)",
                    ]
                    if language == "nl"
                    else ["UD_English-EWT"]
                )
            ],
        }
    )
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
    target = target or MODELS_DIR / language
    readme = target / "README.md"
    readme_text = readme.read_text(encoding="utf-8") if readme.exists() else None
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    if readme_text is not None:
        readme.write_text(readme_text, encoding="utf-8")
    print(f"packaged {trained} -> {target}")
    return target


# ---------------------------------------------------------------- evaluate


def evaluate(language: str, model: Path, split: str = "heldout") -> dict:
    """Score a pipeline on the held-out split; return spaCy's scores."""
    data = WORK_DIR / language / f"{split}.spacy"
    out = WORK_DIR / language / f"scores-{model.name}-{split}.json"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", str(model), str(data), "--output", str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    scores = json.loads(out.read_text())
    wanted = [
        "pos_acc",
        "tag_acc",
        "morph_acc",
        "lemma_acc",
        "dep_uas",
        "dep_las",
        "sents_f",
        "speed",
    ]
    summary = {k: scores.get(k) for k in wanted}
    print(json.dumps({language: summary}))
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["prepare", "train", "package", "evaluate", "all"])
    parser.add_argument("--lang", required=True, choices=["nl", "en"])
    parser.add_argument(
        "--config", type=Path, help="spaCy config (default configs/spacy/<lang>.cfg)"
    )
    parser.add_argument("--output", type=Path, help="training output folder")
    parser.add_argument("--version", default="1.0.0")
    parser.add_argument(
        "--target", type=Path, help="package into this folder instead of claimtrack/models/<lang>"
    )
    parser.add_argument(
        "--leave-out",
        metavar="PREFIX",
        help="drop documents whose id starts with PREFIX from train and dev (WR-P-P-H: the "
        "Alpino articles with attribution gold)",
    )
    parser.add_argument(
        "--without-2017",
        action="store_true",
        help="leave the 2017 LassySmall train split out of the Dutch training data",
    )
    parser.add_argument(
        "--with-dev",
        action="store_true",
        help="train on train+dev with a fixed step count and package model-last",
    )
    # Any other --section.key=value options are passed on to ``spacy train``.
    args, overrides = parser.parse_known_args(argv)
    args.overrides = [o for o in overrides if o != "--"]
    config = args.config or CONFIG_DIR / f"{args.lang}.cfg"
    output = args.output or WORK_DIR / args.lang / f"run-{config.stem}"
    if args.step in ("prepare", "all"):
        prepare(args.lang, with_2017=not args.without_2017, leave_out=args.leave_out)
    if args.step in ("train", "all"):
        train(args.lang, config, output, args.overrides, with_dev=args.with_dev)
    if args.step in ("package", "all"):
        checkpoint = "model-last" if args.with_dev else "model-best"
        package(
            args.lang,
            output / checkpoint,
            args.version,
            trained_on_dev=args.with_dev,
            target=args.target,
        )
    if args.step in ("evaluate", "all"):
        evaluate(args.lang, MODELS_DIR / args.lang)


if __name__ == "__main__":
    main()
