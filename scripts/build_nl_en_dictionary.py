"""Rebuild claimtrack/data/nl_en_dictionary.tsv from Debian's FreeDict Dutch-English data.

The comparison pairs a Dutch and an English statement through this word
list (claimtrack/compare/dictionary.py). It is built from the FreeDict
nld-eng and eng-nld dictionaries (GPL-2+, see
claimtrack/data/nl_en_dictionary.LICENSE) as Debian packages them:

    apt-get download dict-freedict-nld-eng dict-freedict-eng-nld
    python scripts/build_nl_en_dictionary.py dict-freedict-*.deb

Arguments are the two .deb files or folders holding freedict-*.index and
freedict-*.dict.dz. Only one-word entries with one-word translations are
kept: a Dutch word, a tab, its English translations separated by '|'.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from debian_package import unpack

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "claimtrack" / "data" / "nl_en_dictionary.tsv"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?$")
MAX_TRANSLATIONS = 8


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


def read_dictd(folder: Path, name: str) -> dict[str, list[str]]:
    """Headword -> translations of one dictd dictionary (numbered senses flattened)."""
    with gzip.open(folder / f"freedict-{name}.dict.dz") as handle:
        data = handle.read()
    entries: dict[str, list[str]] = {}
    for line in (folder / f"freedict-{name}.index").read_text("utf-8").splitlines():
        headword, offset, length = line.split("\t")
        if headword.startswith("00"):
            continue  # the database's own description
        body = data[_number(offset) : _number(offset) + _number(length)].decode("utf-8")
        senses = body.split("\n")[1:]
        translations = []
        for sense in senses:
            sense = re.sub(r"^\d+\.\s*", "", sense.strip())
            for item in sense.split(","):
                translations.append(_clean(item))
        entries[_clean(headword)] = [t for t in translations if t]
    return entries


def _clean(text: str) -> str:
    text = text.replace("ĳ", "ij").replace("Ĳ", "IJ").replace("\u2010", "-").strip().lower()
    text = re.sub(r"^(to|a|an|the|de|het|een|zich)\s+", "", text)
    return text if WORD.match(text) else ""


def build(folders: list[Path]) -> dict[str, list[str]]:
    """Dutch word -> English words, from nld-eng plus eng-nld read backwards."""
    result: dict[str, list[str]] = defaultdict(list)
    for folder in folders:
        if (folder / "freedict-nld-eng.index").exists():
            for dutch, english in read_dictd(folder, "nld-eng").items():
                if dutch:
                    for word in english:
                        if word not in result[dutch]:
                            result[dutch].append(word)
    for folder in folders:
        if (folder / "freedict-eng-nld.index").exists():
            for english, dutch_words in read_dictd(folder, "eng-nld").items():
                if not english:
                    continue
                for dutch in dutch_words:
                    if english not in result[dutch]:
                        result[dutch].append(english)
    return {d: e[:MAX_TRANSLATIONS] for d, e in result.items() if e}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path, help=".deb files or dictd folders")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folders = [
            unpack(p, Path(tmp) / str(i), "usr/share/dictd") for i, p in enumerate(args.inputs)
        ]
        entries = build(folders)
    header = (
        "# Dutch word<TAB>English translations ('|'-separated). Built by"
        " scripts/build_nl_en_dictionary.py from FreeDict nld-eng + eng-nld (GPL-2+),"
        " see nl_en_dictionary.LICENSE"
    )
    lines = [header]
    lines += [f"{dutch}\t{'|'.join(english)}" for dutch, english in sorted(entries.items())]
    args.output.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{args.output}: {len(entries)} Dutch words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
