"""Comparing two sources' accounts of one stored event."""

from __future__ import annotations

import difflib
from collections import Counter, OrderedDict
from typing import Any

import sqlite_utils

from claimtrack.compare.align import STATUSES, align_accounts
from claimtrack.compare.replies import unclaimed_answers
from claimtrack.compare.side_mentions import loosely_named
from claimtrack.store.events import (
    EventNotFound,
    event_source_names,
    event_statements,
    in_account,
    side_identity,
)
from claimtrack.store.reads.events import get_event
from claimtrack.store.sources import alias_key

__all__ = ["EventNotFound", "account_statements", "compare_event", "side_accounts"]


def account_statements(
    statements: list[dict], side: dict[str, Any], also: frozenset[int] = frozenset()
) -> list[dict]:
    """The statements of the event whose chain contains the side (or whose id is in
    `also`): the side's own texts first (a readout it published), then what other
    articles report of its account."""
    account = [s for s in statements if s["id"] in also or in_account(s, side)]
    own: dict[str | None, bool] = {}  # per publisher: is it the side (most statements share one)
    for statement in account:
        publisher = statement["article"]["publisher"]
        if publisher not in own:
            own[publisher] = published_by(statement, side)
    return sorted(account, key=lambda s: not own[s["article"]["publisher"]])


def side_accounts(
    statements: list[dict], side_a: dict[str, Any], side_b: dict[str, Any]
) -> tuple[list[dict], list[dict]]:
    """The two sides' accounts, a statement in both (one side's own release naming the
    other as its speaker) only in the account of the side that published it: its words
    are that side's account, and a statement compared with itself says nothing. An
    unattributed denial of one side's statement right before it is the other side's."""
    loose = loosely_named(statements, side_a, side_b)
    ids_a = {s["id"] for s in statements if in_account(s, side_a)} | loose[0]
    ids_b = {s["id"] for s in statements if in_account(s, side_b)} | loose[1]
    # "Dat ontkent de bond" after the other side's claim, the speaker unnamed
    answers = unclaimed_answers(statements, ids_a, ids_b)
    ids_a |= answers[0]
    ids_b |= answers[1]
    account_a = account_statements(statements, side_a, frozenset(ids_a))
    account_b = account_statements(statements, side_b, frozenset(ids_b))
    both = ids_a & ids_b
    if both:
        account_a = [s for s in account_a if s["id"] not in both or not published_by(s, side_b)]
        account_b = [s for s in account_b if s["id"] not in both or not published_by(s, side_a)]
    return account_a, account_b


def published_by(statement: dict, side: dict[str, Any]) -> bool:
    """Whether the statement's article was published by the side."""
    publisher = statement["article"]["publisher"]
    return bool(publisher) and alias_key(publisher) in side["keys"]


def compare_event(
    db: sqlite_utils.Database, event_id: int, side_a: str, side_b: str
) -> dict[str, Any]:
    """Compare the accounts of `side_a` and `side_b` of event `event_id`.

    Returns {"event": {...}, "sides": [A, B], "rows": [{"topic", "status",
    "reason", "a": [statement...], "b": [statement...]}]} where each
    statement has id, text, article, speaker and via. Side names are
    resolved through the alias table ("Witte Huis" finds the White House).
    Raises EventNotFound for an unknown event.
    """
    event = get_event(db, event_id)
    if event is None:
        raise EventNotFound(f"no event with id {event_id}")
    statements = event_statements(db, event_id)
    identity_a, identity_b = side_identity(db, side_a), side_identity(db, side_b)
    account_a, account_b = side_accounts(statements, identity_a, identity_b)
    sources = event_sources(statements)
    warnings = []
    for key, asked, identity, account in (
        ("a", side_a, identity_a, account_a),
        ("b", side_b, identity_b, account_b),
    ):
        if not account:
            warnings.append(
                {
                    "side": key,
                    "name": asked,
                    "known_source": identity["source_id"] is not None,
                    "suggestions": close_matches(asked, [s["name"] for s in sources]),
                }
            )
    # a side that matches nothing makes every row one-sided: `warnings` says so, and the
    # page shows those rows only on request
    rows = _aligned(identity_a["name"], account_a, identity_b["name"], account_b)
    summary = Counter(row["status"] for row in rows)
    event_part = {
        key: event[key]
        for key in ("id", "title", "date", "date_precision", "description", "participants")
    }
    event_part["participants_from"] = "event" if event["participants"] else "articles"
    if not event["participants"]:
        event_part["participants"] = [
            {"id": None, "name": s["name"], "kind": s["kind"]} for s in sources
        ]
    return {
        "event": event_part,
        "sides": [identity_a["name"], identity_b["name"]],
        "summary": {status: summary.get(status, 0) for status in STATUSES},
        # statements in rows, and those left out (questions, small talk)
        "statements": {
            "a": sum(len(row["a"]) for row in rows),
            "b": sum(len(row["b"]) for row in rows),
            "left_out": len(account_a)
            + len(account_b)
            - sum(len(row["a"]) + len(row["b"]) for row in rows),
        },
        "warnings": warnings,
        "sources": sources,
        "rows": [
            {
                "topic": row["topic"],
                "status": row["status"],
                "reason": row["reason"],
                "kinds": row["kinds"],
                "a": [_public(s, m) for s, m in zip(row["a"], row["marks_a"], strict=True)],
                "b": [_public(s, m) for s, m in zip(row["b"], row["marks_b"], strict=True)],
            }
            for row in rows
        ],
    }


_ALIGNED: OrderedDict[tuple, list[dict]] = OrderedDict()
CACHED_COMPARISONS = 16  # comparisons kept per process (the page, its JSON and CSV share one)


def _aligned(side_a: str, account_a: list[dict], side_b: str, account_b: list[dict]):
    """align_accounts, remembered per (sides, version of the event): the key holds every
    input of the alignment (statement ids, texts, speakers, articles), so an edit, a new
    article or another side is a new key and a stale comparison is never served."""
    key = (side_a, side_b, _fingerprint(account_a), _fingerprint(account_b))
    rows = _ALIGNED.get(key)
    if rows is None:
        rows = align_accounts(side_a, account_a, side_b, account_b)
        _ALIGNED[key] = rows
        while len(_ALIGNED) > CACHED_COMPARISONS:
            _ALIGNED.popitem(last=False)
    else:
        _ALIGNED.move_to_end(key)
    return rows


def _fingerprint(statements: list[dict]) -> tuple:
    articles: dict = {}  # an event's statements of one article share its fields: read once
    parts = []
    for s in statements:
        article = s.get("article") or {}
        key = article.get("id")
        shared = articles.get(key) if key is not None else None
        if shared is None:
            shared = tuple(sorted((k, str(v)) for k, v in article.items()))
            if key is not None:
                articles[key] = shared
        parts.append(
            (
                s["id"],
                s["text"],
                s.get("language"),
                s.get("speaker"),
                tuple(s.get("via") or ()),
                s.get("index"),
                s.get("paragraph"),
                shared,
            )
        )
    return tuple(parts)


def clear_cache() -> None:
    """Forget remembered comparisons (benchmarks time the work itself with it)."""
    _ALIGNED.clear()


def event_sources(statements: list[dict]) -> list[dict]:
    """Who speaks in the event: publishers and claim-makers, most statements first (the
    events list counts the same names; unresolved speakers such as "unknown" are left out)."""
    found = event_source_names(statements)
    return [
        {"name": name, "kind": kind, "statements": count}
        for name, (kind, count) in sorted(found.items(), key=lambda item: (-item[1][1], item[0]))
    ]


def close_matches(name: str, candidates: list[str], limit: int = 3) -> list[str]:
    """Candidates that look like a mistyped `name` ("Whitehouse" -> "White House")."""
    folded = {alias_key(c): c for c in candidates}
    wanted = alias_key(name).replace(" ", "")
    squeezed = {key.replace(" ", ""): key for key in folded}
    found = [
        folded[squeezed[key]]
        for key in difflib.get_close_matches(wanted, list(squeezed), n=limit, cutoff=0.6)
    ]
    for key, original in folded.items():
        squeezed_key = key.replace(" ", "")
        if (
            len(wanted) >= 3
            and original not in found
            and (wanted in squeezed_key or squeezed_key in wanted)
        ):
            found.append(original)
    return found[:limit]


def _public(statement: dict, marks: list[tuple[int, int]]) -> dict:
    return {
        "marks": [list(span) for span in marks],
        "id": statement["id"],
        "text": statement["text"],
        "language": statement["language"],
        "article": statement["article"],
        "speaker": statement["speaker"],
        "affiliation": statement.get("affiliation"),
        "via": statement["via"],
    }
