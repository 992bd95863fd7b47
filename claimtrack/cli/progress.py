"""Progress of a long command: a bar on a terminal, a line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm

REPORT_EVERY_SECONDS = 5.0


class Progress:
    """Counts finished items (of `total`, None if unknown) and shows it on `stream` (stderr).

    On a terminal it draws a tqdm bar; when the output is piped or logged it
    prints a plain line (`progress: 40/120 files (33%), 2.1 files/s`) at most
    every `every` seconds and once at the end, so a script's log shows that a
    long batch is moving. `quiet` shows nothing.
    """

    def __init__(
        self,
        total: int | None,
        unit: str = "file",
        *,
        stream: TextIO | None = None,
        quiet: bool = False,
        every: float = REPORT_EVERY_SECONDS,
        clock=time.monotonic,
    ):
        self.total = total
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.every = every
        self.clock = clock
        self.done = 0
        self.started = clock()
        self.last_report = self.started
        self.on_terminal = not quiet and _is_terminal(self.stream)
        self.bar = (
            tqdm(total=total, unit=unit, file=self.stream, dynamic_ncols=True)
            if self.on_terminal
            else None
        )

    def say(self, line: str) -> None:
        """Print a line without breaking the bar (nothing when quiet)."""
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def advance(self, count: int = 1) -> None:
        """Record `count` more finished items."""
        self.done += count
        if self.bar is not None:
            self.bar.update(count)
            return
        now = self.clock()
        if not self.quiet and now - self.last_report >= self.every:
            self.last_report = now
            self.say(self.status_line())

    def status_line(self) -> str:
        """`progress: 40/120 files (33%), 2.1 files/s` (`40 files, …` when the total is unknown)."""
        elapsed = max(self.clock() - self.started, 1e-9)
        count = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        return f"progress: {count} {self.unit}s{share}, {self.done / elapsed:.1f} {self.unit}s/s"

    def close(self) -> None:
        """Remove the bar, or print the final count when not on a terminal."""
        if self.bar is not None:
            self.bar.close()
        elif not self.quiet and self.clock() - self.started >= self.every:
            self.say(self.status_line())


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
