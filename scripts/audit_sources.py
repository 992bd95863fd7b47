"""Check a claimtrack database for sources that are no party (#13 target).

    python scripts/audit_sources.py --db /tmp/x.db                # junk check, exit 1 if any
    python scripts/audit_sources.py --db /tmp/x.db --sample 100   # + a random sample to read

Counts the sources and those with at least one claim as speaker, then lists
every source with a claim whose whole name is a pronoun, a number, a date,
markup or an interjection. The check is deliberately plainer than the
store's rules (claimtrack.store.speaker_names), so it is not the same code
judging itself: a name is junk here when it has no letter, contains markup
characters, is a year or a number followed by words, or when *every* word
of it is in the pronoun, interjection or date lists of
claimtrack/data/not_sources/<lang>/ (read directly). Also prints the
claim counts of /sources/white-house and /sources/kremlin, and how many
sentences of their own articles are neither theirs nor anyone else's.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "claimtrack" / "data" / "not_sources"
MARKUP = re.compile(r"[<>{}\[\]=|\\]|https?:|www\.")
NUMBER_FIRST = re.compile(r"\d[\d,.]*\b")
YEAR = re.compile(r"(1[6-9]|20)\d\d")


def words(kind: str) -> set[str]:
    found: set[str] = set()
    for language in ("en", "nl"):
        path = DATA / language / f"{kind}.txt"
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(line.strip().lower())
    return found


def junk_reason(name: str, lists: dict[str, set[str]]) -> str | None:
    """Why `name` is plainly no party, or None."""
    text = name.strip()
    if not any(ch.isalpha() for ch in text):
        return "number" if any(ch.isdigit() for ch in text) else "no letters"
    if MARKUP.search(text):
        return "markup"
    if YEAR.fullmatch(text) or NUMBER_FIRST.match(text):
        return "number"
    tokens = [t.lower().strip(".,'’") for t in re.findall(r"[\w.'’-]+", text)]
    tokens = [t for t in tokens if t]
    for kind in ("pronouns", "interjections", "dates"):
        if tokens and all(t in lists[kind] or t.isdigit() for t in tokens):
            if kind == "pronouns" and text.isupper() and len(text) > 1:
                continue  # "US", "IT": acronyms
            return kind[:-1]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sample", type=int, default=0, help="print N random sources with claims")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    lists = {kind: words(kind) for kind in ("pronouns", "interjections", "dates")}
    total = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    with_claims = conn.execute(
        "SELECT src.id, src.name, src.kind, count(*) FROM sources src"
        " JOIN attributions at ON at.speaker_source_id = src.id GROUP BY src.id ORDER BY src.id"
    ).fetchall()
    print(f"sources: {total}; with at least one claim as speaker: {len(with_claims)}")
    junk = [(name, kind, n, junk_reason(name, lists)) for _, name, kind, n in with_claims]
    junk = [row for row in junk if row[3]]
    print(
        f"sources with a claim whose name is a pronoun, number, date, markup or interjection: "
        f"{len(junk)}"
    )
    for name, kind, n, reason in sorted(junk, key=lambda r: -r[2]):
        print(f"  {reason}\t{name!r}\t{kind}\t{n} claims")
    for slug in ("white-house", "kremlin"):
        row = conn.execute(
            "SELECT src.id, src.name, (SELECT count(*) FROM attributions at"
            " WHERE at.speaker_source_id = src.id) FROM sources src WHERE src.slug = ?",
            [slug],
        ).fetchone()
        if row is None:
            print(f"/sources/{slug}: no such source")
            continue
        own = conn.execute(
            "SELECT count(*), sum(EXISTS (SELECT 1 FROM attributions at WHERE"
            " at.statement_id = s.id AND at.speaker_source_id = ?)),"
            " sum(NOT EXISTS (SELECT 1 FROM attributions at WHERE at.statement_id = s.id))"
            " FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.publisher = ?",
            [row[0], row[1]],
        ).fetchone()
        print(
            f"/sources/{slug}: {row[2]} claims; its own articles: {own[0]} sentences, "
            f"{own[1] or 0} its own, {own[2] or 0} attributed to nobody"
        )
    if args.sample:
        print(f"random sample of {args.sample} sources with claims (seed {args.seed}):")
        for _, name, kind, n in random.Random(args.seed).sample(
            with_claims, min(args.sample, len(with_claims))
        ):
            print(f"  {name}\t{kind}\t{n}")
    return 1 if junk else 0


if __name__ == "__main__":
    sys.exit(main())
