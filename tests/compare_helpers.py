"""Statements and row lookups shared by the alignment tests."""

from __future__ import annotations

from claimtrack.store.sources import alias_key


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


def side(name: str) -> dict:
    """A side as side_identity gives it, for a name the store does not know."""
    return {"name": name, "source_id": None, "keys": {alias_key(name)}}


def reported(
    sid: int,
    speaker: str | None,
    text: str | None = None,
    via: tuple[str, ...] = (),
    affiliation: str | None = None,
    publisher: str = "Kustkoerier",
    article: int = 1,
    index: int | None = None,
    language: str | None = None,
) -> dict:
    """Statement `sid` of an article `publisher` published, as event_statements gives it:
    said by `speaker`, passed on by `via`, its chain holding all their names."""
    names = [n for n in (speaker, *via, affiliation, publisher) if n]
    return {
        "id": sid,
        "text": text or f"statement {sid}",
        "language": language,
        "index": index,
        "paragraph": index,
        "speaker": speaker,
        "via": list(via),
        "affiliation": affiliation,
        "article": {"id": article, "publisher": publisher},
        "chain": {"ids": set(), "keys": {alias_key(n) for n in names}},
    }


def ids(account: list[dict]) -> list[int]:
    """The statement ids of an account, sorted."""
    return sorted(s["id"] for s in account)
