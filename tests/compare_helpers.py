"""Statements and row lookups shared by the alignment tests."""

from __future__ import annotations


def statement(sid: int, text: str, language: str = "en", date: str | None = None) -> dict:
    """A statement of its own article `sid` (published on `date`, when given)."""
    article = {"id": sid} if date is None else {"id": sid, "date": date}
    return {"id": sid, "text": text, "language": language, "article": article}


def row_of(rows: list[dict], sid: int) -> dict:
    """The one row holding statement `sid` (fails when it is in none or in several)."""
    found = [r for r in rows if sid in [s["id"] for s in r["a"] + r["b"]]]
    assert len(found) == 1, f"statement {sid} is in {len(found)} rows"
    return found[0]


def together(rows: list[dict], a_id: int, b_id: int) -> bool:
    """Whether two statements share a row."""
    return row_of(rows, a_id) is row_of(rows, b_id)
