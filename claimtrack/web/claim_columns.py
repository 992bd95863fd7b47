"""Flat CSV columns for claim rows (a source's claims, relays, search hits)."""

from __future__ import annotations

from claimtrack.store.queries import chain_text

CLAIM_COLUMNS = [
    ("statement_id", lambda r: r["statement_id"]),
    ("article_id", lambda r: r["article_id"]),
    ("article_title", lambda r: r["article_title"]),
    ("article_date", lambda r: r["article_date"]),
    ("publisher", lambda r: r["publisher"]),
    ("language", lambda r: r["language"]),
    ("speaker", lambda r: r["speaker_name"]),
    ("speaker_slug", lambda r: r["speaker_slug"]),
    ("type", lambda r: r["type"]),
    ("cue", lambda r: r["cue"]),
    ("content", lambda r: r["content"]),
    ("statement", lambda r: r["statement_text"]),
    ("chain", lambda r: chain_text(r["chain"])),
    ("confidence", lambda r: r["confidence"]),
]


def statement_columns() -> list:
    """Columns for rows that are statements with a list of attributions (search, events)."""
    return [
        ("statement_id", lambda r: r["statement_id"]),
        ("article_id", lambda r: r["article_id"]),
        ("article_title", lambda r: r["article_title"]),
        ("article_date", lambda r: r["article_date"]),
        ("publisher", lambda r: r["publisher"]),
        ("language", lambda r: r["language"]),
        ("statement", lambda r: r["statement_text"]),
        ("speakers", lambda r: "; ".join(a["speaker_name"] for a in r["attributions"])),
        ("types", lambda r: "; ".join(a["type"] for a in r["attributions"])),
        ("chains", lambda r: "; ".join(chain_text(a["chain"]) for a in r["attributions"])),
    ]
