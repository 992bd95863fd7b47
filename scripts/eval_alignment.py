"""Measure how well `claimtrack compare` aligns two accounts against a hand-written reference.

The reference (tests/data/alignment_*.json) lists pairs of statements, one
from each side, that belong in the same row, by a sentence prefix. The
documents (readouts, possibly a news article relaying both) are imported into a temporary database with the real importer,
grouped as one event and compared; every pair of an A and a B statement
that share at least one row is a predicted pair. Prints pairwise
precision, recall and F1.

    python scripts/eval_alignment.py [tests/data/alignment_2021-04-13.json ...]

With --loeo NAME=V1,V2,... (constants of claimtrack.compare.align), a fitted
setting is checked leave-one-event-out over the invented events (references
with conflict groups): for each event, the grid point with the best mean F1 on
the others is chosen and its F1 on the left-out event printed, next to the F1
of the shipped setting.

    python scripts/eval_alignment.py --loeo IDF_POWER=1,2,3,4 ASPECT_WEIGHT=0,0.5,1,1.5,2

With --oracle-accounts, every statement the reference groups is put in its own side's
account before aligning: the row F1 the alignment reaches when attribution is perfect.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_REFERENCES = [ROOT / "tests" / "data" / "alignment_2021-04-13.json"]


def predicted_pairs(comparison: dict) -> set[tuple[int, int]]:
    """(A statement id, B statement id) for every two statements sharing a row."""
    return {(a["id"], b["id"]) for row in comparison["rows"] for a in row["a"] for b in row["b"]}


def conflict_pairs(comparison: dict) -> set[tuple[int, int]]:
    """(A id, B id) for every two statements sharing a conflict row."""
    return {
        (a["id"], b["id"])
        for row in comparison["rows"]
        if row["status"] == "conflict"
        for a in row["a"]
        for b in row["b"]
    }


def statement_id(prefix: str, statements: list[dict]) -> int:
    """The id of the one statement that starts with a reference's prefix."""
    hits = [s["id"] for s in statements if s["text"].startswith(prefix)]
    if len(hits) != 1:
        raise SystemExit(f"reference prefix {prefix!r} matches {len(hits)} statements")
    return hits[0]


def reference_pairs(
    reference: dict, statements: list[dict], conflicts_only: bool = False
) -> set[tuple[int, int]]:
    """The reference's prefix pairs as statement id pairs (each prefix must find one statement)."""

    def find(prefix: str) -> int:
        return statement_id(prefix, statements)

    pairs = set()
    if not conflicts_only:
        pairs |= {(find(a), find(b)) for a, b in reference.get("pairs", [])}
    for group in reference.get("groups", []):
        if conflicts_only and not group.get("conflict"):
            continue
        pairs |= {(find(a), find(b)) for a in group["a"] for b in group["b"]}
    return pairs


def document_path(path: str) -> str:
    """A reference's document: under ../shared for corpus/..., else under the project."""
    return str((SHARED if path.startswith("corpus/") else ROOT) / path)


def scores(predicted: set, expected: set) -> dict[str, float]:
    """Pairwise precision, recall and F1."""
    correct = len(predicted & expected)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "correct": correct,
        "predicted": len(predicted),
        "expected": len(expected),
    }


def load(reference_path: Path) -> dict:
    """Import the reference's documents as one event; the two sides' accounts and the
    statements, ready to be aligned again and again."""
    from claimtrack.compare.event_comparison import side_accounts
    from claimtrack.importer import import_paths
    from claimtrack.store import open_database
    from claimtrack.store.events import create_event, event_statements, side_identity

    reference = json.loads(reference_path.read_text("utf-8"))
    documents = reference["documents"]
    if isinstance(documents, dict):
        documents = list(documents.values())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "eval.db")
        outcomes = list(import_paths(db, [document_path(path) for path in documents]))
        for outcome in outcomes:
            if outcome.status == "error":
                raise SystemExit(outcome.error)
        article_ids = [o.article_id for o in outcomes]
        event_id = create_event(
            db, "evaluation", reference.get("event_date"), article_ids=article_ids
        )
        stored = event_statements(db, event_id)
        side_a = side_identity(db, reference["side_a"])
        side_b = side_identity(db, reference["side_b"])
        placeholders = ", ".join("?" for _ in article_ids)
        statements = [
            {"id": r[0], "text": r[1]}
            for r in db.execute(
                f"SELECT id, text FROM statements WHERE article_id IN ({placeholders})", article_ids
            )
        ]
        db.close()
    return {
        "reference": reference,
        "sides": (side_a["name"], side_b["name"]),
        "accounts": side_accounts(stored, side_a, side_b),
        "statements": statements,
        "stored": stored,
    }


def with_oracle_accounts(loaded: dict) -> dict:
    """The loaded reference with every statement of its groups in its own side's account
    (and out of the other's): what the alignment reaches when attribution is perfect."""
    reference, stored = loaded["reference"], loaded["stored"]
    if "groups" not in reference:
        return loaded
    ids = {s["id"] for s in loaded["statements"]}

    def sides_of(key: str) -> set[int]:
        return {
            statement_id(prefix, loaded["statements"])
            for group in reference["groups"]
            for prefix in group[key]
        } & ids

    want_a, want_b = sides_of("a"), sides_of("b")
    account_a, account_b = loaded["accounts"]
    keep_a = ({s["id"] for s in account_a} - want_b) | want_a
    keep_b = ({s["id"] for s in account_b} - want_a) | want_b
    accounts = (
        [s for s in stored if s["id"] in keep_a],
        [s for s in stored if s["id"] in keep_b],
    )
    return {**loaded, "accounts": accounts}


def score_loaded(loaded: dict, verbose: bool = False) -> dict:
    """Align a loaded reference's accounts (as compare_event does) and score the rows."""
    from claimtrack.compare.align import align_accounts

    reference, statements = loaded["reference"], loaded["statements"]
    (name_a, name_b), (account_a, account_b) = loaded["sides"], loaded["accounts"]
    comparison = {"rows": align_accounts(name_a, account_a, name_b, account_b)}
    predicted = predicted_pairs(comparison)
    expected = reference_pairs(reference, statements)
    text = {s["id"]: s["text"][:60] for s in statements}
    if verbose:
        for label, pairs in (("missed", expected - predicted), ("extra", predicted - expected)):
            for a, b in sorted(pairs):
                print(f"  {label}: {text[a]!r} <-> {text[b]!r}")
    result = {"rows": scores(predicted, expected)}
    if "groups" in reference:
        found = conflict_pairs(comparison)
        wanted = reference_pairs(reference, statements, conflicts_only=True)
        result["conflicts"] = scores(found, wanted)
        if verbose:
            for label, pairs in (
                ("conflict missed", wanted - found),
                ("conflict extra", found - wanted),
            ):
                for a, b in sorted(pairs):
                    print(f"  {label}: {text[a]!r} <-> {text[b]!r}")
            for row in comparison["rows"]:
                if row["reason"]:
                    print(f"  reason: {row['reason']}")
    return result


def evaluate(reference_path: Path, verbose: bool) -> dict:
    """Import the reference's documents as one event, compare the sides, score the alignment."""
    return score_loaded(load(reference_path), verbose)


def leave_one_event_out(paths: list[Path], grid: dict[str, list[float]]) -> None:
    """For each invented event: the grid point best on the others, and its F1 on this one."""
    import itertools

    from claimtrack.compare import align

    loaded = {path.name: load(path) for path in paths}
    events = [name for name, item in loaded.items() if "groups" in item["reference"]]
    shipped = {name: getattr(align, name) for name in grid}
    points = list(itertools.product(*grid.values()))
    f1: dict[tuple, dict[str, float]] = {}
    for point in points:
        for name, value in zip(grid, point, strict=True):
            setattr(align, name, type(shipped[name])(value))
        f1[point] = {event: score_loaded(loaded[event])["rows"]["f1"] for event in events}
    for name, value in shipped.items():
        setattr(align, name, value)
    shipped_point = tuple(shipped[name] for name in grid)
    if shipped_point not in f1:
        f1[shipped_point] = {event: score_loaded(loaded[event])["rows"]["f1"] for event in events}
    print(f"shipped: {', '.join(f'{k}={v}' for k, v in shipped.items())}")
    held_out = []
    for event in events:
        others = [e for e in events if e != event]
        # best mean F1 on the other events; a tie goes to the point nearest the shipped one
        best = max(
            points,
            key=lambda p: (
                sum(f1[p][e] for e in others) / len(others),
                -sum(abs(a - b) for a, b in zip(p, shipped_point, strict=True)),
            ),
        )
        chosen = ", ".join(f"{k}={v}" for k, v in zip(grid, best, strict=True))
        held_out.append(f1[best][event])
        print(
            f"{event}: left out, chosen on the others {chosen} -> F1 {f1[best][event]:.3f}"
            f" (shipped setting {f1[shipped_point][event]:.3f})"
        )
    print(f"mean left-out F1 {sum(held_out) / len(held_out):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("references", nargs="*", type=Path, default=DEFAULT_REFERENCES)
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and extra pairs")
    parser.add_argument(
        "--oracle-accounts",
        action="store_true",
        help="put every reference statement in its own side's account (perfect attribution)",
    )
    parser.add_argument(
        "--loeo",
        nargs="+",
        metavar="NAME=V1,V2",
        help="leave-one-event-out check of align constants over the invented events",
    )
    args = parser.parse_args(argv)
    if args.loeo:
        grid = {
            name: [float(v) for v in values.split(",")]
            for name, values in (item.split("=", 1) for item in args.loeo)
        }
        paths = args.references
        if paths == DEFAULT_REFERENCES:
            paths = sorted((ROOT / "tests" / "data").glob("alignment_*.json"))
        leave_one_event_out(paths, grid)
        return 0
    for path in args.references:
        loaded = load(path)
        if args.oracle_accounts:
            loaded = with_oracle_accounts(loaded)
        result = score_loaded(loaded, args.verbose)
        rows = result["rows"]
        line = (
            f"{path.name}: precision {rows['precision']:.3f} "
            f"({rows['correct']}/{rows['predicted']}), recall {rows['recall']:.3f} "
            f"({rows['correct']}/{rows['expected']}), F1 {rows['f1']:.3f}"
        )
        if "conflicts" in result:
            c = result["conflicts"]
            line += (
                f"; conflict pairs precision {c['precision']:.3f} ({c['correct']}/{c['predicted']})"
                f", recall {c['recall']:.3f} ({c['correct']}/{c['expected']})"
            )
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
