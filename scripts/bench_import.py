#!/usr/bin/env python3
"""Import benchmark: everything under ../shared/corpus into a fresh database.

Reports articles/s and words/s of the first import (pipeline loading timed
separately), counts per corpus, the database size, a check that every stored
statement's offsets select its text in the original file, and a second
import of the same files, which must add nothing.

    python scripts/bench_import.py [--shared ../shared] [--keep-db PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.engine.extract import get_extractor
from claimtrack.engine.pipeline import get_pipeline
from claimtrack.importer import import_paths
from claimtrack.ingest import find_article_files
from claimtrack.store import open_database

REPO = Path(__file__).resolve().parent.parent
CORPUS_PARTS = ("seed", "readouts", "wikinews-en", "ud-nl-dev", "polnear/dev/text")
COUNTED_TABLES = ("articles", "statements", "attributions", "attribution_via", "sources")


class TimedExtractor:
    """The real extractor, adding up the seconds spent in analyse_body."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.seconds = 0.0

    def analyse_body(self, body, **kwargs):
        started = time.perf_counter()
        try:
            return self.extractor.analyse_body(body, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def table_counts(db) -> dict[str, int]:
    """Row counts of the tables an import writes."""
    return {table: db[table].count for table in COUNTED_TABLES}


def offset_mismatches(db) -> tuple[int, list[str]]:
    """Check body[start:end] and the original file against every stored statement."""
    checked, problems = 0, []
    for article in db.query("SELECT id, body, body_offset, source_path FROM articles"):
        original = Path(article["source_path"]).read_text(encoding="utf-8")
        offset = article["body_offset"]
        rows = db.query(
            'SELECT idx, start, "end", text FROM statements WHERE article_id = ?', [article["id"]]
        )
        for row in rows:
            checked += 1
            in_body = article["body"][row["start"] : row["end"]]
            in_file = original[offset + row["start"] : offset + row["end"]]
            from_txt = article["source_path"].endswith(".txt")
            if in_body != row["text"] or (from_txt and in_file != row["text"]):
                problems.append(f"{article['source_path']} statement {row['idx']}")
    return checked, problems


def database_size(path: Path) -> int:
    """Bytes on disk of the database and its WAL after a checkpoint."""
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run(shared: Path, db_path: Path) -> int:
    corpus = shared / "corpus"
    files_by_part = {part: list(find_article_files([corpus / part])) for part in CORPUS_PARTS}
    files = [f for part in CORPUS_PARTS for f in files_by_part[part]]
    print(f"{len(files)} files: " + ", ".join(f"{p} {len(f)}" for p, f in files_by_part.items()))

    started = time.perf_counter()
    extractor = TimedExtractor(get_extractor())
    for language in ("nl", "en"):
        get_pipeline(language)
    print(f"pipelines loaded in {time.perf_counter() - started:.1f} s")

    db = open_database(db_path)
    started = time.perf_counter()
    outcomes = list(import_paths(db, files, extractor=extractor))
    elapsed = time.perf_counter() - started
    failed = [o for o in outcomes if o.status == "error"]
    imported = [o for o in outcomes if o.status == "imported"]
    words = sum(o.words for o in imported)
    print(
        f"first import: {len(imported)} imported, {len(failed)} failed in {elapsed:.1f} s: "
        f"{len(imported) / elapsed:.2f} articles/s, {words / elapsed:,.0f} words/s ({words:,} words)"
    )
    print(
        f"  of which engine (analyse_body) {extractor.seconds:.1f} s, "
        f"parsing + storing {elapsed - extractor.seconds:.1f} s"
    )
    for outcome in failed:
        print(f"  error: {outcome.error}")
    counts = table_counts(db)
    print("counts: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    per_part = {
        part: sum(o.statements for o, f in zip(outcomes, files) if f in set(part_files))
        for part, part_files in files_by_part.items()
    }
    print("statements per corpus: " + ", ".join(f"{p} {n:,}" for p, n in per_part.items()))

    checked, problems = offset_mismatches(db)
    print(f"offsets: {checked:,} statements checked, {len(problems)} mismatches")
    for problem in problems[:10]:
        print(f"  mismatch: {problem}")

    started = time.perf_counter()
    again = list(import_paths(db, files, extractor=extractor))
    unchanged = sum(o.status == "unchanged" for o in again)
    same = table_counts(db) == counts
    print(
        f"second import: {unchanged} unchanged of {len(again)} in "
        f"{time.perf_counter() - started:.2f} s; rows added: {'none' if same else 'SOME'}"
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(f"database size: {database_size(db_path) / 1024 / 1024:.1f} MB ({db_path})")
    return 1 if failed or problems or not same else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--keep-db", type=Path, help="write the database here and keep it")
    args = parser.parse_args()
    if not (args.shared / "corpus").is_dir():
        print(f"no corpus under {args.shared}", file=sys.stderr)
        return 2
    if args.keep_db:
        if args.keep_db.exists():
            os.remove(args.keep_db)
        return run(args.shared, args.keep_db)
    with tempfile.TemporaryDirectory() as tmp:
        return run(args.shared, Path(tmp) / "bench.db")


if __name__ == "__main__":
    sys.exit(main())
