"""Rebuild claimtrack/data/en_wordnet.tsv from Debian's WordNet 3.0 (package wordnet-base).

The comparison lets two statements meet on words of the same meaning that are
spelt differently ("travellers" / "passengers", "beveiliging" -> protection /
"security"): claimtrack/compare/synonyms.py reads this file. Each line is an
English word key (claimtrack.compare.text.english_key of a WordNet lemma, or of
an irregular form listed in WordNet's *.exc files), a tab, and its commonest
senses, a group per part of speech separated by "|" and led by its letter and a
colon ("n:", "v:", "a:"): each sense a synset id
and, after ">", the ids of a noun's direct hypernyms ("passenger" -> traveller)
or an adjective satellite's head ("speedy" -> fast); a verb's hypernyms are
too general to keep ("come" is a kind of "go"). Ids are WordNet synsets renumbered in
base 36, so only their equality means anything.

    apt-get download wordnet-base
    python scripts/build_wordnet_synonyms.py wordnet-base_*.deb

The argument is the .deb or a folder holding WordNet's index.* and data.* files.
Only one-word nouns, verbs and adjectives are kept, proper nouns left out, each
with at most MAX_SENSES senses per part of speech (WordNet lists a word's
senses by how often they were tagged in its corpus, commonest first), and of
those only the ones tagged at least once (or else the first).

It also writes claimtrack/data/en_wordnet_parts.tsv: for each English word form
(a one-word lemma, or an irregular form from the *.exc files) its parts of
speech and how often its
senses of each part of speech were tagged in WordNet's semantic concordance
(cntlist.rev), so that the comparison can read a word in its commonest part of
speech ("second": the ordinal, 118 times, not the noun, 32, nor the verb, 0)
without tagging the statement.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from debian_package import unpack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.compare.text import english_key

OUTPUT = ROOT / "claimtrack" / "data" / "en_wordnet.tsv"
PARTS_OUTPUT = ROOT / "claimtrack" / "data" / "en_wordnet_parts.tsv"
POS = {"noun": "n", "verb": "v", "adj": "a"}
MAX_SENSES = 3  # the commonest senses of a word per part of speech
HYPERNYM = {"@", "@i"}
SIMILAR = "&"  # an adjective satellite's head ("speedy" -> fast)
MIN_LENGTH = 3


def read_data(folder: Path, pos: str) -> dict[str, tuple[list[str], list[str]]]:
    """Synset offset -> (its words, the offsets of its hypernyms or similar heads)."""
    synsets = {}
    for line in (folder / f"data.{pos}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # the license text at the top
        fields = line.split(" | ")[0].split()
        offset, kind, count = fields[0], fields[2], int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        pointers = int(fields[at])
        related = []
        for i in range(pointers):
            symbol, target, target_pos = fields[at + 1 + 4 * i : at + 4 + 4 * i]
            # a verb's hypernyms are too general ("come" is a kind of "go"), and a head
            # adjective's "similar" pointers go to all its satellites: neither is kept
            if (symbol in HYPERNYM and pos == "noun") or (symbol == SIMILAR and kind == "s"):
                related.append(f"{target_pos.replace('s', 'a')}{target}")
        synsets[f"{POS[pos]}{offset}"] = (words, related)
    return synsets


def read_index(folder: Path, pos: str) -> dict[str, list[str]]:
    """Lemma -> synsets in WordNet's sense order, those seen in its tagged corpus only."""
    senses = {}
    for line in (folder / f"index.{pos}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        tagged = int(fields[5 + pointer_count])
        offsets = fields[6 + pointer_count : 6 + pointer_count + synset_count]
        # the senses seen in WordNet's tagged corpus come first; the others are rare ones
        # ("worker": a worker bee), but a word's first sense is kept all the same
        senses[lemma] = [f"{POS[pos]}{offset}" for offset in offsets[: max(1, tagged)]]
    return senses


def build(folder: Path) -> dict[str, dict[str, list[tuple[str, list[str]]]]]:
    """English key -> part of speech ("n", "v", "a") -> [(sense synset, its hypernym
    synsets)], commonest sense first, ids as WordNet offsets."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for pos in POS:
        synsets.update(read_data(folder, pos))
    own: dict[str, dict[str, list[str]]] = defaultdict(lambda: {pos: [] for pos in POS})

    def add(key: str, pos: str, senses: list[str]) -> None:
        known = {synset for group in own[key].values() for synset in group}
        own[key][pos] += [synset for synset in senses if synset not in known][
            : MAX_SENSES - len(own[key][pos])
        ]

    lemmas: dict[str, dict[str, list[str]]] = {}
    for pos in POS:
        lemmas[pos] = read_index(folder, pos)
        for lemma, senses in lemmas[pos].items():
            if not lemma.isalpha() or len(lemma) < MIN_LENGTH:
                continue
            # a proper noun is written with a capital in every synset it is in
            kept = [
                s for s in senses if any(w.lower() == lemma and w.islower() for w in synsets[s][0])
            ]
            if kept:
                add(english_key(lemma), pos, kept)
    for pos in POS:
        exceptions = folder / f"{pos}.exc"
        for line in exceptions.read_text("latin-1").splitlines():
            form, *bases = line.split()
            if not form.isalpha() or len(form) < MIN_LENGTH:
                continue
            for base in bases:
                if base in lemmas[pos]:
                    add(english_key(form), pos, lemmas[pos][base])
    return {
        key: {
            POS[pos]: [(s, synsets[s][1]) for s in group] for pos, group in groups.items() if group
        }
        for key, groups in own.items()
    }


# a sense key's synset type (lemma%TYPE:...) -> part of speech; 4, an adverb, is not kept
SENSE_TYPE = {"1": "n", "2": "v", "3": "a", "5": "a"}


def read_counts(folder: Path) -> dict[str, dict[str, int]]:
    """Lemma -> part of speech -> how often its senses were tagged in WordNet's corpus."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys("nva", 0))
    for line in (folder / "cntlist.rev").read_text("latin-1").splitlines():
        sense_key, _, count = line.split()
        lemma, _, rest = sense_key.partition("%")
        part = SENSE_TYPE.get(rest[:1])
        if part and lemma.isalpha():
            counts[lemma][part] += int(count)
    return counts


def build_parts(folder: Path) -> dict[str, dict[str, int]]:
    """Word form -> the parts of speech it has in WordNet -> their tagged count, of the
    form as a lemma and as an irregular form of other lemmas ("found": to found and to
    find); a part of speech whose senses were never tagged counts 0."""
    counts = read_counts(folder)
    lemmas = {POS[pos]: read_index(folder, pos) for pos in POS}
    forms: dict[str, dict[str, int]] = defaultdict(dict)
    for part, index in lemmas.items():
        for lemma in index:
            if lemma.isalpha():
                forms[lemma][part] = counts.get(lemma, {}).get(part, 0)
    for pos, part in POS.items():
        for line in (folder / f"{pos}.exc").read_text("latin-1").splitlines():
            form, *bases = line.split()
            if not form.isalpha():
                continue
            for base in dict.fromkeys(bases):
                if base != form and base in lemmas[part]:
                    count = counts.get(base, {}).get(part, 0)
                    forms[form][part] = forms[form].get(part, 0) + count
    return {form: {p: forms[form][p] for p in "nva" if p in forms[form]} for form in forms}


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="wordnet-base .deb or a WordNet dict folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--parts-output", type=Path, default=PARTS_OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = unpack(args.input, Path(tmp), "usr/share/wordnet")
        entries = build(folder)
        parts = build_parts(folder)
    numbers: dict[str, str] = {}

    def short(synset: str) -> str:
        if synset not in numbers:
            numbers[synset] = _base36(len(numbers))
        return numbers[synset]

    header = (
        "# English word key<TAB>its commonest senses per part of speech ('|'-separated groups,"
        " each its part of speech n, v or a, a colon and space-separated senses), each a synset id and after '>' its direct hypernyms'"
        " ids (','-separated). Built by scripts/build_wordnet_synonyms.py from WordNet 3.0"
        " (Debian wordnet-base), see en_wordnet.LICENSE"
    )
    lines = [header]
    for key in sorted(entries):
        groups = [
            f"{part}:"
            + " ".join(
                short(sense) + (">" + ",".join(short(h) for h in above) if above else "")
                for sense, above in group
            )
            for part, group in entries[key].items()
        ]
        lines.append(f"{key}\t{'|'.join(groups)}")
    args.output.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{args.output}: {len(entries)} word keys, {len(numbers)} synsets")
    header = (
        "# English word form<TAB>how often its senses of each part of speech (n, v, a) were"
        " tagged in WordNet 3.0's semantic concordance (cntlist.rev), as the form itself and as"
        " an irregular form (*.exc); 0 for a part of speech it has but never tagged. Built by"
        " scripts/build_wordnet_synonyms.py (Debian wordnet-base), see en_wordnet.LICENSE"
    )
    lines = [header]
    for form in sorted(parts):
        counts = " ".join(f"{part}:{count}" for part, count in parts[form].items())
        lines.append(f"{form}\t{counts}")
    args.parts_output.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{args.parts_output}: {len(parts)} word forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
