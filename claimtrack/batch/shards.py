"""Reading JSON Lines files of import records, line by line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

MAX_LINE_BYTES = 64 * 1024 * 1024  # a record carries one article's body and analysis


def read_records(
    files: Iterable[str], stdin: BinaryIO | None = None
) -> Iterator[tuple[str, dict[str, Any] | Exception]]:
    """Yield ("FILE:LINE", record) for each line, or ("FILE:LINE", error) for a bad one.

    Blank lines are skipped; a file that cannot be opened yields one error.
    """
    for name in files:
        try:
            handle = stdin if name == "-" else open(name, "rb")  # noqa: SIM115
        except OSError as exc:
            yield name, ValueError(exc.strerror or str(exc))
            continue
        try:
            number = 0
            while raw := handle.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(raw) > MAX_LINE_BYTES:
                    _skip_rest_of_line(handle)
                    yield (
                        f"{name}:{number}",
                        ValueError(f"line longer than {MAX_LINE_BYTES:,} bytes"),
                    )
                elif raw.strip():
                    yield f"{name}:{number}", _record(raw)
        finally:
            if handle is not stdin:
                handle.close()


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while (chunk := handle.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


def _record(raw: bytes) -> dict[str, Any] | Exception:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return ValueError("not UTF-8 text")
    except json.JSONDecodeError as exc:
        return ValueError(f"not a JSON object ({exc.msg})")
    if not isinstance(record, dict):
        return ValueError("not a JSON object")
    return record
