#!/usr/bin/env python3
"""Count the speaker misses of a `score_attributions.py statements -v` run by kind.

Reads the scorer's verbose output (one line per missed statement:
``<file>: '<text>' want [...] got [...]``) from files or stdin and prints a
table with one column per file:

  quote      the statement holds a quotation mark (quote runs, framed quotes)
  name       a speaker was found but its name is cut or run on ("Dijk" for
             van-dijk): the wanted id and the name share a word, not all
  missed     no speaker found for a statement that has one (cue coverage,
             anaphoric frames, reportative zou)
  narration  a speaker given to a statement that has none
  wrong      another speaker than the wanted one

    python ../shared/tools/score_attributions.py statements ../shared/gold/ud-nl-dev/*.gold.json -v > after.txt
    python scripts/miss_table.py before.txt after.txt
"""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

LINE = re.compile(r"^(?P<file>[^:]+): (?P<text>.+) want (?P<want>\[.*?\]) got (?P<got>\[.*?\])$")
QUOTE_MARKS = (",,", "''", "„", "”", "“", '"', "«", "»")
KINDS = ("quote", "name", "missed", "narration", "wrong")


def _words(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return {w for w in re.split(r"[^a-z0-9]+", plain) if w}


def kind(text: str, want: list[str], got: list[str]) -> str:
    """The kind of one miss (see the module doc)."""
    if not want:
        return "narration"
    if any(mark in text for mark in QUOTE_MARKS):
        return "quote"
    if not got:
        return "missed"
    wanted = set().union(*(_words(w) for w in want))
    found = set().union(*(_words(g) for g in got))
    if wanted & found and wanted != found:
        return "name"
    return "wrong"


def count(lines) -> Counter:
    """Counter of miss kinds over the scorer's verbose lines."""
    counts: Counter = Counter()
    for line in lines:
        m = LINE.match(line.rstrip("\n"))
        if m:
            counts[kind(m["text"], ast.literal_eval(m["want"]), ast.literal_eval(m["got"]))] += 1
    return counts


def main(argv: list[str]) -> None:
    """Print the table for the given files (stdin when none)."""
    sources = [(Path(a).name, Path(a).read_text(encoding="utf-8").splitlines()) for a in argv]
    if not sources:
        sources = [("stdin", sys.stdin.read().splitlines())]
    tables = [(name, count(lines)) for name, lines in sources]
    print("| kind | " + " | ".join(name for name, _ in tables) + " |")
    print("|---|" + "---|" * len(tables))
    for k in KINDS:
        print(f"| {k} | " + " | ".join(str(c[k]) for _, c in tables) + " |")
    print("| total | " + " | ".join(str(sum(c.values())) for _, c in tables) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
