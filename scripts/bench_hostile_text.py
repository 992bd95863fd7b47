#!/usr/bin/env python3
"""Time the engine on pathological bodies, to show extraction stays linear in input size.

    python scripts/bench_hostile_text.py            # the quick cases
    python scripts/bench_hostile_text.py --big      # also the 5 MB paragraph and 100k lines

Cases (all built here, none read from disk):

- prose 100 KB and prose 1 MB: the Dutch demo articles' bodies repeated; the
  ratio of their times is the figure to watch (linear means about 10);
- one 1 MB word: a million letters without a space;
- 1 MB / 5 MB paragraph without full stops: words separated by spaces only;
- 100k short lines: one short sentence per line.

Each case is run once in this process after the pipeline has loaded, and
reports CPU seconds, statements found and words per CPU second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from claimtrack.engine.extract import get_extractor
from claimtrack.engine.metadata import split_metadata

DEMO = Path(__file__).resolve().parent.parent / "claimtrack" / "demo_articles"
MB = 1_000_000


def dutch_prose(size: int) -> str:
    """The Dutch demo bodies repeated (paragraphs kept) up to `size` characters."""
    bodies = [
        split_metadata(p.read_text(encoding="utf-8")).body.strip()
        for p in sorted(DEMO.glob("*.txt"))
    ]
    unit = "\n\n".join(bodies) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def no_full_stops(size: int) -> str:
    """One paragraph of words and spaces, no sentence punctuation."""
    unit = "de minister zegt dat de haven open blijft en dat de schepen mogen varen "
    return (unit * (size // len(unit) + 1))[:size]


def cases(big: bool) -> list[tuple[str, str]]:
    """(name, body) pairs to time."""
    chosen = [
        ("prose 100 KB", dutch_prose(100_000)),
        ("prose 1 MB", dutch_prose(MB)),
        ("one 1 MB word", "a" * MB),
        ("1 MB paragraph without full stops", no_full_stops(MB)),
    ]
    if big:
        chosen += [
            ("5 MB paragraph without full stops", no_full_stops(5 * MB)),
            ("100k short lines", "Het regent.\n" * 100_000),
        ]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--big", action="store_true", help="add the 5 MB and 100k-line cases")
    args = parser.parse_args()
    extractor = get_extractor()
    extractor.analyse_body("De minister zei dat de haven open blijft.", language="nl")
    seconds = {}
    print(f"{'case':36} {'chars':>10} {'cpu s':>8} {'statements':>10} {'words/cpu-s':>12}")
    for name, body in cases(args.big):
        started = time.process_time()
        document = extractor.analyse_body(body, language="nl")
        cpu = time.process_time() - started
        seconds[name] = cpu
        words = len(body.split())
        rate = f"{words / cpu:.0f}" if cpu else "-"
        print(f"{name:36} {len(body):>10,} {cpu:>8.2f} {len(document.statements):>10} {rate:>12}")
    ratio = seconds["prose 1 MB"] / max(seconds["prose 100 KB"], 1e-9)
    print(f"\nprose 1 MB / prose 100 KB time ratio: {ratio:.1f} (linear = 10)")


if __name__ == "__main__":
    main()
