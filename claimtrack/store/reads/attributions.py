"""The attribution shape every statement row carries, built here and nowhere else.

An attribution is who says it (`speaker`), the words that say so (`cue`),
what is said (`content`), who passed it on (`via`, outermost first) and the
provenance `chain`: the article's publisher, then each via, then the
speaker (a publisher's own words name the publisher once, as the speaker).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from claimtrack.store.reads.sql import chunks, placeholders, rows, span


def attributions_for(
    db: sqlite_utils.Database, publishers: Mapping[int, str | None]
) -> dict[int, list[dict[str, Any]]]:
    """The attributions of each statement (keys of `publishers`: statement id -> the
    publisher of its article), in text order, each with speaker, via and chain."""
    statement_ids = list(publishers)
    found: list[dict[str, Any]] = []
    for chunk in chunks(statement_ids):
        found += rows(
            db,
            "SELECT t.id, t.statement_id, t.type, t.confidence, t.parent_id, t.unresolved,"
            " t.speaker_source_id, t.speaker_name, t.speaker_kind,"
            " t.mention, t.mention_start, t.mention_end, t.cue, t.cue_start, t.cue_end,"
            " t.content, t.content_start, t.content_end,"
            " src.slug AS speaker_slug, src.name AS speaker_source_name"
            " FROM attributions t LEFT JOIN sources src ON src.id = t.speaker_source_id"
            f" WHERE t.statement_id IN ({placeholders(chunk)})"
            " ORDER BY t.statement_id, t.position, t.id",
            chunk,
        )
    vias = _vias_for(db, [r["id"] for r in found])
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in found:
        speaker = {
            "source_id": row["speaker_source_id"],
            "name": row["speaker_source_name"] or row["speaker_name"],
            "slug": row["speaker_slug"],
            "kind": row["speaker_kind"],
            "mention": span(row, "mention"),
            "unresolved": row["unresolved"],
        }
        via = vias.get(row["id"], [])
        # the publisher's own words: the publisher is the speaker, named once
        publisher = None if row["type"] == "publisher" else publishers[row["statement_id"]]
        result[row["statement_id"]].append(
            {
                "id": row["id"],
                "type": row["type"],
                "confidence": row["confidence"],
                "speaker": speaker,
                "cue": span(row, "cue"),
                "content": span(row, "content"),
                "via": via,
                "parent_id": row["parent_id"],
                "chain": chain(publisher, via, speaker),
            }
        )
    return dict(result)


def _vias_for(db: sqlite_utils.Database, attribution_ids: list[int]) -> dict[int, list[dict]]:
    result: dict[int, list[dict]] = defaultdict(list)
    for chunk in chunks(attribution_ids):
        for row in rows(
            db,
            "SELECT v.attribution_id, v.source_id, v.kind, v.mention, v.mention_start,"
            " v.mention_end, COALESCE(src.name, v.name) AS name, src.slug"
            " FROM attribution_via v LEFT JOIN sources src ON src.id = v.source_id"
            f" WHERE v.attribution_id IN ({placeholders(chunk)})"
            " ORDER BY v.attribution_id, v.position",
            chunk,
        ):
            result[row["attribution_id"]].append(
                {
                    "source_id": row["source_id"],
                    "name": row["name"],
                    "slug": row["slug"],
                    "kind": row["kind"],
                    "mention": span(row, "mention"),
                }
            )
    return result


def chain(publisher: str | None, via: list[dict], speaker: dict) -> list[dict[str, Any]]:
    """The provenance chain as a list of {role, name, slug}: publisher, via..., speaker."""
    links = []
    if publisher:
        links.append({"role": "publisher", "name": publisher, "slug": None})
    links += [{"role": "via", "name": v["name"], "slug": v.get("slug")} for v in via]
    links.append({"role": "speaker", "name": speaker["name"], "slug": speaker.get("slug")})
    return links
