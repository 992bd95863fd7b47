"""Presentation helpers for provenance chains and speakers."""

from __future__ import annotations

CHAIN_SEPARATOR = " > "


def chain_text(chain: list[dict], separator: str = CHAIN_SEPARATOR) -> str:
    """A chain as one line of text: 'NRC > Witte Huis > Joe Biden'."""
    return separator.join(link["name"] for link in chain)


def source_key(attribution: dict) -> str:
    """A stable key for the speaker of an attribution (the source id, else the name)."""
    speaker = attribution["speaker"]
    if speaker.get("source_id") is not None:
        return f"id:{speaker['source_id']}"
    return f"name:{speaker['name']}"


def article_sources(statements: list[dict]) -> list[dict]:
    """The distinct speakers of an article's statements, in order of first appearance.

    Each entry has the speaker's key, name, slug, kind, whether it is
    unresolved, the attribution types used, the names it came via, and
    `refs`: one {statement_id, index, chain} per statement where it speaks.
    """
    sources: dict[str, dict] = {}
    for statement in statements:
        for attribution in statement["attributions"]:
            key = source_key(attribution)
            speaker = attribution["speaker"]
            entry = sources.setdefault(
                key,
                {
                    "key": key,
                    "name": speaker["name"],
                    "slug": speaker["slug"],
                    "kind": speaker["kind"],
                    "unresolved": speaker.get("unresolved"),
                    "statement_ids": [],
                    "refs": [],
                    "types": [],
                    "vias": [],
                },
            )
            if statement["id"] not in entry["statement_ids"]:
                entry["statement_ids"].append(statement["id"])
                entry["refs"].append(
                    {
                        "statement_id": statement["id"],
                        "index": statement["index"],
                        "chain": attribution["chain"],
                    }
                )
            if attribution["type"] not in entry["types"]:
                entry["types"].append(attribution["type"])
            for via in attribution["via"]:
                if via["name"] not in entry["vias"]:
                    entry["vias"].append(via["name"])
    return list(sources.values())
