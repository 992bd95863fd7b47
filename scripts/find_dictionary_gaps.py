#!/usr/bin/env python3
"""Find the frequent Dutch news words that claimtrack's Dutch-English word list misses.

This is the record of how the words of claimtrack/data/nl_en_supplement.tsv were chosen.
It counts words in Dutch news-like text in ../shared (read-only material):

  * the UD Dutch treebanks (ud/nl/*.conllu: Alpino dev, LassySmall dev/test/train-2017):
    the lemmas of NOUN, VERB and ADJ tokens (Alpino's compound marks dropped:
    "basis_niveau" -> basisniveau, "af_lopen" -> aflopen);
  * the Dutch CoNLL-2002 NER data (ner/nl-conll2002/ned.*, De Morgen newspaper text): the
    word forms written in lowercase letters only and tagged N, V or Adj, each counted for
    its lemma: the treebanks' lemma of that form where they hold it ("leerlingen" ->
    leerling), else the first headword claimtrack reads it as, else the form itself.

and looks each word up as claimtrack does (claimtrack.compare.dictionary: the word as
written, then without its inflection, then as a compound of known parts). By default the
FreeDict list alone is used (the list the supplement was chosen against); --supplement
loads the supplement too, to see what is left.

It prints three tables, tab-separated, most frequent first:

  UNREACHED  words that reach no headword at all, nor a compound of known parts
             (count in UD, count in CoNLL-2002, the word, and what the comparison makes
             of it without the list: "cousin=..." an English cousin by a regular ending,
             "same=..." the word is itself English, "head=..." an unknown compound's last
             part, "-" nothing);
  REVIEW     the --top most frequent words (UD lemmas and CoNLL-2002 words, counted
             together) that do reach an entry, with the headwords reached, their
             translations and the word's English cousins (claimtrack.compare.cognates),
             to be read by hand for the commonest news sense missing ("bewoner":
             compatriot|inhabitant, not resident). A "!" marks a lemma that is no
             headword itself and is only read as a form of another ("verdachte" ->
             verdacht: suspicious, not suspect);
  FORMS      CoNLL-2002 forms that reach nothing though their UD lemma does ("werd" of
             worden): gaps of inflection, not of the word list, left out of UNREACHED.

The supplement was written from a run with --unreached 800 --top 1600 (a few event words,
"aanklager", "betoger", "schorsing", from --min-count 2), leaving out proper names,
function words, abbreviations, the page furniture of the CoNLL-2002 text ("pagina",
"publicatiedatum"), words of one Wikipedia topic (the bumblebee articles: "broedcel"),
words the comparison already reads right (an English cousin or the same English word:
"coalitie", "website"), forms only (FORMS: the word list has the lemma), and entries
already fine. Run from the project root:

    PYTHONPATH=. python scripts/find_dictionary_gaps.py [--top 600] [--unreached 400]
        [--min-count 3] [--supplement] [--shared ../shared] > gaps.txt

With --word-lists it prints instead the Dutch one-word nouns of the engine's organisation
and role word lists (claimtrack/engine/lang/data/org_types.tsv, nl/role_nouns.txt) that
reach no headword, nor a compound of known parts: a side is often described with one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claimtrack.compare.cognates import english_cousins
from claimtrack.compare.dictionary import (
    DICTIONARY_FILE,
    Dictionary,
    _compound,
    _known_modifier,
)
from claimtrack.compare.synonyms import default_wordnet
from claimtrack.compare.text import english_key, fold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UD_TAGS = {"NOUN", "VERB", "ADJ"}
CONLL_TAGS = {"N", "V", "Adj"}


def ud_lemmas(folder: Path) -> tuple[Counter[str], dict[str, str]]:
    """Folded lemmas of NOUN, VERB and ADJ tokens in every CoNLL-U file of `folder`, and
    each folded word form's commonest such lemma."""
    counts: Counter[str] = Counter()
    form_lemmas: dict[str, Counter[str]] = {}
    for path in sorted(folder.glob("*.conllu")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or not cols[0].isdigit() or cols[3] not in UD_TAGS:
                    continue
                lemma = cols[2].replace("_", "")
                if lemma.isalpha() and lemma == lemma.lower():
                    counts[fold(lemma)] += 1
                    form_lemmas.setdefault(fold(cols[1]), Counter())[fold(lemma)] += 1
    return counts, {form: c.most_common(1)[0][0] for form, c in form_lemmas.items()}


def conll2002_forms(folder: Path) -> Counter[str]:
    """Folded lowercase word forms tagged N, V or Adj in the CoNLL-2002 Dutch files."""
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("ned.*")):
        with open(path, encoding="latin-1") as handle:  # the 2002 release is Latin-1
            for line in handle:
                cols = line.split()
                if len(cols) < 2 or cols[1] not in CONLL_TAGS:
                    continue
                word = cols[0]
                if word.isalpha() and word == word.lower():
                    counts[fold(word)] += 1
    return counts


def word_list_nouns() -> list[tuple[str, str]]:
    """(folded noun, list file) for the one-word nouns of the engine's organisation kinds
    and Dutch role nouns; English ones (English role nouns, WordNet's words) are left out:
    their words are their own keys."""
    data = ROOT / "claimtrack" / "engine" / "lang" / "data"
    english = {
        fold(line.strip()) for line in (data / "en" / "role_nouns.txt").open(encoding="utf-8")
    }
    nouns = []
    for line in (data / "org_types.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            nouns.append((fold(line.split("\t")[0].strip()), "org_types.tsv"))
    for line in (data / "nl" / "role_nouns.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            nouns.append((fold(line.strip()), "nl/role_nouns.txt"))
    seen: set[str] = set()
    found = []
    for noun, listed in nouns:
        if (
            " " in noun
            or noun in seen
            or noun in english
            or english_key(noun) in default_wordnet().entries
        ):
            continue
        seen.add(noun)
        found.append((noun, listed))
    return found


def reached(dictionary: Dictionary, word: str) -> list[str]:
    """The headwords claimtrack reads `word` as: its own, else a compound's last part."""
    return dictionary.lemmas(word) or _compound(dictionary, word)[1]


def conll_lemma(dictionary: Dictionary, form: str, form_lemma: dict[str, str]) -> str:
    """The word a CoNLL-2002 form is counted for: its UD lemma where the treebanks hold
    the form and the list reads that lemma or not the form ("leerlingen" -> leerling),
    else the first headword the list reads it as ("stakingen" -> staking), else itself."""
    lemma = form_lemma.get(form)
    if lemma and (reached(dictionary, lemma) or not reached(dictionary, form)):
        return lemma
    return next(iter(dictionary.lemmas(form)), form)


def fallback(dictionary: Dictionary, word: str) -> str:
    """What the comparison makes of a word besides the list (claimtrack.compare.features):
    its English cousins by a regular ending ("cousin=evacu"), the word itself where it is
    an English word ("same=website"), an unknown compound's last part ("head=coach")."""
    found = [f"cousin={key}" for key in sorted(english_cousins(word))]
    if english_key(word) in default_wordnet().entries:
        found.append(f"same={word}")
    head = _known_modifier(dictionary, word)[1]
    if head:
        found.append(f"head={head}")
    return " ".join(found) or "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=600, help="rows of REVIEW")
    parser.add_argument("--unreached", type=int, default=400, help="rows of UNREACHED")
    parser.add_argument("--min-count", type=int, default=3, help="rarer words are left out")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder")
    parser.add_argument(
        "--supplement", action="store_true", help="load the supplement too (what is left)"
    )
    parser.add_argument(
        "--word-lists",
        action="store_true",
        help="the Dutch nouns of the engine's organisation and role lists that reach nothing",
    )
    args = parser.parse_args(argv)

    if args.word_lists:
        dictionary = (
            Dictionary.load() if args.supplement else Dictionary.load(DICTIONARY_FILE, None)
        )
        print("# UNREACHED NOUN\tlist")
        for word, listed in word_list_nouns():
            if not reached(dictionary, word):
                print(f"\t{word}\t{listed}")
        return 0
    if args.supplement:
        dictionary = Dictionary.load()
    else:
        dictionary = Dictionary.load(DICTIONARY_FILE, supplement=None)
    ud, form_lemma = ud_lemmas(args.shared / "ud" / "nl")
    forms = conll2002_forms(args.shared / "ner" / "nl-conll2002")
    conll: Counter[str] = Counter()
    for form, count in forms.items():
        conll[conll_lemma(dictionary, form, form_lemma)] += count
    total = ud + conll

    print("# UNREACHED\tud\tconll2002\tword\tfallback")
    shown = 0
    for word, count in total.most_common():
        if count < args.min_count or shown >= args.unreached:
            break
        if len(word) < 3 or reached(dictionary, word):
            continue
        print(f"\t{ud[word]}\t{conll[word]}\t{word}\t{fallback(dictionary, word)}")
        shown += 1

    print()
    print("# REVIEW\tud\tconll2002\tlemma\theadwords: translations\tcousins")
    shown = 0
    for word, count in total.most_common():
        if shown >= args.top:
            break
        lemmas = reached(dictionary, word)
        if not lemmas:
            continue
        mark = "" if word in dictionary.entries else "!"
        glosses = "; ".join(f"{lemma}: {'|'.join(dictionary.entries[lemma])}" for lemma in lemmas)
        cousins = " ".join(sorted(english_cousins(word))) or "-"
        print(f"{mark}\t{ud[word]}\t{conll[word]}\t{word}\t{glosses}\t{cousins}")
        shown += 1

    print()
    print("# FORMS\tconll2002\tform\tUD lemma")
    for form, count in forms.most_common():
        if count < args.min_count:
            break
        lemma = form_lemma.get(form)
        if lemma and lemma != form and reached(dictionary, lemma) and not reached(dictionary, form):
            print(f"\t{count}\t{form}\t{lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
