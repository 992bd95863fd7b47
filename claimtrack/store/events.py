"""Events: statements from many articles grouped as accounts of one occurrence.

An event has a title, a date with its precision, participants (sources)
and a description. Articles are added as all their statements; single
statements can be added or removed too. `event_statements` reads the
statements back with what the comparison needs: text, article, speaker,
via, and every source in their chain. The event rows every surface shows
(one event, the list) are read by `claimtrack.store.reads.events`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from typing import Any

import sqlite_utils

from claimtrack.engine.metadata import date_precision
from claimtrack.store.reads.sql import chunks, placeholders
from claimtrack.store.sources import alias_key, ensure_curated_sources, resolve_source
from claimtrack.store.transactions import write_transaction


class EventNotFound(LookupError):
    """No event has the given id."""


def create_event(
    db: sqlite_utils.Database,
    title: str,
    date: str | None = None,
    description: str | None = None,
    participants: Iterable[str] = (),
    article_ids: Iterable[int] = (),
    statement_ids: Iterable[int] = (),
) -> int:
    """Store a new event and return its id.

    `date` is '2021', '2021-04' or '2021-04-13' (precision follows from it);
    `participants` are source names, resolved through the alias table.
    Raises ValueError for an empty title or a malformed date and LookupError
    for an unknown article or statement, storing nothing.
    """
    title = (title or "").strip()
    if not title:
        raise ValueError("an event needs a title")
    precision = date_precision(date) if date else None
    if date and precision is None:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    with write_transaction(db):
        event_id = db.execute(
            "INSERT INTO events (title, date, date_precision, description, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [title, date or None, precision, description, _now()],
        ).lastrowid
        for name in participants:
            add_participant(db, event_id, name)
        add_articles(db, event_id, article_ids)
        add_statements(db, event_id, statement_ids)
    return event_id


def add_participant(db: sqlite_utils.Database, event_id: int, name: str) -> int:
    """Record source `name` (resolved through aliases) as a participant; return its source id."""
    _require_event(db, event_id)
    # a participant is named by a person, not parsed from text: no judging of the name
    source_id = resolve_source(db, name, judged=False)
    if source_id is None:
        raise ValueError(f"not a usable participant name: {name!r}")
    db.execute(
        "INSERT OR IGNORE INTO event_participants (event_id, source_id) VALUES (?, ?)",
        [event_id, source_id],
    )
    return source_id


def _change_members(
    db: sqlite_utils.Database,
    event_id: int,
    ids: Iterable[int],
    sql: str,
    must_exist_in: str | None = None,
) -> int:
    """Run `sql` with (event_id, id) for each id in one transaction; return rows changed."""
    ids = list(ids)
    changed = 0
    with write_transaction(db):
        _require_event(db, event_id)
        if must_exist_in is not None:
            _require_ids(db, must_exist_in, ids)
        for item in ids:
            changed += db.execute(sql, [event_id, item]).rowcount
    return changed


def add_articles(db: sqlite_utils.Database, event_id: int, article_ids: Iterable[int]) -> int:
    """Add every statement of each article to the event; return how many were new."""
    return _change_members(
        db,
        event_id,
        article_ids,
        "INSERT OR IGNORE INTO event_statements (event_id, statement_id)"
        " SELECT ?, id FROM statements WHERE article_id = ?",
        must_exist_in="articles",
    )


def remove_articles(db: sqlite_utils.Database, event_id: int, article_ids: Iterable[int]) -> int:
    """Take every statement of each article out of the event; return how many were removed."""
    return _change_members(
        db,
        event_id,
        article_ids,
        "DELETE FROM event_statements WHERE event_id = ? AND statement_id IN"
        " (SELECT id FROM statements WHERE article_id = ?)",
    )


def add_statements(db: sqlite_utils.Database, event_id: int, statement_ids: Iterable[int]) -> int:
    """Add single statements to the event; return how many were new."""
    return _change_members(
        db,
        event_id,
        statement_ids,
        "INSERT OR IGNORE INTO event_statements (event_id, statement_id) VALUES (?, ?)",
        must_exist_in="statements",
    )


def remove_statements(
    db: sqlite_utils.Database, event_id: int, statement_ids: Iterable[int]
) -> int:
    """Take single statements out of the event; return how many were removed."""
    return _change_members(
        db,
        event_id,
        statement_ids,
        "DELETE FROM event_statements WHERE event_id = ? AND statement_id = ?",
    )


def event_statements(db: sqlite_utils.Database, event_id: int) -> list[dict[str, Any]]:
    """The event's statements in article and text order, each with its chain of sources.

    Each dict has id, text, index, paragraph, language, article {id, title, publisher,
    date, language}, speaker (the innermost claim-maker's name, None for
    narration), via (names, outermost first), and `chain`: alias keys and
    source ids of every speaker, via and the publisher.
    """
    _require_event(db, event_id)
    ensure_curated_sources(db)
    statements: dict[int, dict[str, Any]] = {}
    publisher_ids: dict[str, int | None] = {}
    for row in db.execute(
        "SELECT s.id, s.text, s.idx, s.paragraph, a.id, a.title, a.publisher, a.date, a.language"
        " FROM event_statements es JOIN statements s ON s.id = es.statement_id"
        " JOIN articles a ON a.id = s.article_id WHERE es.event_id = ?"
        " ORDER BY a.date, a.id, s.idx",
        [event_id],
    ):
        sid, text, idx, paragraph, aid, title, publisher, adate, language = row
        chain_ids: set[int] = set()
        chain_keys: set[str] = set()
        if publisher:
            if publisher not in publisher_ids:
                publisher_ids[publisher] = lookup_source(db, publisher)
            if publisher_ids[publisher] is not None:
                chain_ids.add(publisher_ids[publisher])
            chain_keys.add(alias_key(publisher))
        statements[sid] = {
            "id": sid,
            "text": text,
            "index": idx,
            "paragraph": paragraph,
            "language": language,
            "article": {
                "id": aid,
                "title": title,
                "publisher": publisher,
                "date": adate,
                "language": language,
            },
            "speaker": None,
            "affiliation": None,
            "via": [],
            "chain": {"ids": chain_ids, "keys": chain_keys},
        }
    _attach_attributions(db, event_id, statements)
    return list(statements.values())


def _attach_attributions(db, event_id: int, statements: dict[int, dict[str, Any]]) -> None:
    attributions: dict[int, dict[str, Any]] = {}
    for (
        aid,
        sid,
        position,
        speaker_id,
        speaker_name,
        claim_type,
        unresolved,
        affiliation,
    ) in db.execute(
        "SELECT at.id, at.statement_id, at.position, at.speaker_source_id, at.speaker_name,"
        " at.type, at.unresolved, at.speaker_affiliation"
        " FROM attributions at JOIN event_statements es ON es.statement_id = at.statement_id"
        " WHERE es.event_id = ? ORDER BY at.statement_id, at.position",
        [event_id],
    ):
        attributions[aid] = {
            "statement": sid,
            "position": position,
            "speaker": speaker_name,
            "via": [],
            # the publisher's own words in a statement article: the speaker is the publisher
            "own_words": claim_type == "publisher",
            "unresolved": speaker_id is None and unresolved is not None,
            "affiliation": affiliation,
        }
        _add_to_chain(statements[sid]["chain"], speaker_id, speaker_name)
        # a spokesperson's words are the account of the organisation they speak for
        _add_to_chain(statements[sid]["chain"], None, affiliation)
    for aid, source_id, name in db.execute(
        "SELECT v.attribution_id, v.source_id, v.name FROM attribution_via v"
        " JOIN attributions at ON at.id = v.attribution_id"
        " JOIN event_statements es ON es.statement_id = at.statement_id"
        " WHERE es.event_id = ? ORDER BY v.attribution_id, v.position",
        [event_id],
    ):
        attributions[aid]["via"].append(name)
        _add_to_chain(statements[attributions[aid]["statement"]]["chain"], source_id, name)
    by_statement: dict[int, list[dict[str, Any]]] = {}
    for attribution in attributions.values():
        by_statement.setdefault(attribution["statement"], []).append(attribution)
    for sid, found in by_statement.items():
        _show_innermost(statements[sid], found)


def _show_innermost(statement: dict[str, Any], attributions: list[dict[str, Any]]) -> None:
    """Set the statement's speaker fields from its innermost attribution (in position order):
    the claim-maker shown is the one passed on by the most others."""
    best = None
    for attribution in attributions:
        if best is None or len(attribution["via"]) > len(best["via"]):
            best = attribution
    if best is not None:
        statement["speaker"] = best["speaker"]
        statement["via"] = best["via"]
        statement["own_words"] = best["own_words"]
        statement["speaker_unresolved"] = best["unresolved"]
        statement["affiliation"] = best.get("affiliation")


def events_articles_and_names(
    db: sqlite_utils.Database, event_ids: list[int]
) -> dict[int, tuple[set[int], set[str]]]:
    """For each event, the ids of its articles and the names its compare page lists (every
    publisher, innermost claim-maker and intermediary, as event_source_names counts them).

    Read for many events at once (the events list): the attributions and vias of their
    statements, with the articles copied onto the attributions; only statements nobody speaks
    in are read for their article, and never a statement's text.
    """
    result: dict[int, tuple[set[int], set[str]]] = {e: (set(), set()) for e in event_ids}
    if not event_ids:
        return result
    marks = placeholders(event_ids)
    members: dict[int, set[int]] = defaultdict(set)
    for event_id, sid in db.execute(
        f"SELECT event_id, statement_id FROM event_statements WHERE event_id IN ({marks})",
        event_ids,
    ):
        members[sid].add(event_id)
    statements: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    attributions: dict[int, dict[str, Any]] = {}
    article_of: dict[int, int] = {}
    for (
        event_id,
        sid,
        aid,
        article_id,
        speaker_id,
        speaker_name,
        claim_type,
        unresolved,
    ) in db.execute(
        "SELECT es.event_id, at.statement_id, at.id, at.article_id, at.speaker_source_id,"
        " at.speaker_name, at.type, at.unresolved FROM event_statements es"
        " JOIN attributions at ON at.statement_id = es.statement_id"
        f" WHERE es.event_id IN ({marks}) ORDER BY es.event_id, at.statement_id, at.position",
        event_ids,
    ):
        article_of[sid] = article_id
        attribution = attributions.setdefault(
            aid,
            {
                "speaker": speaker_name,
                "via": [],
                "own_words": claim_type == "publisher",
                "unresolved": speaker_id is None and unresolved is not None,
            },
        )
        statements[(event_id, sid)].append(attribution)
    # the articles of statements nobody speaks in are read from the statements themselves
    narration = [sid for sid in members if article_of.get(sid) is None]
    for chunk in chunks(narration):
        article_of.update(
            db.execute(
                f"SELECT id, article_id FROM statements WHERE id IN ({placeholders(chunk)})",
                chunk,
            ).fetchall()
        )
    for sid, events in members.items():
        for event_id in events:
            result[event_id][0].add(article_of[sid])
    article_ids = sorted({a for articles, _ in result.values() for a in articles})
    publishers: dict[int, str | None] = {}
    for chunk in chunks(article_ids):
        publishers.update(
            db.execute(
                f"SELECT id, publisher FROM articles WHERE id IN ({placeholders(chunk)})",
                chunk,
            ).fetchall()
        )
    for chunk in chunks(list(attributions)):
        for aid, name in db.execute(
            "SELECT attribution_id, name FROM attribution_via"
            f" WHERE attribution_id IN ({placeholders(chunk)})"
            " ORDER BY attribution_id, position",
            chunk,
        ):
            attributions[aid]["via"].append(name)
    for event_id, (articles, names) in result.items():
        names.update(publishers[a] for a in articles if named_source(publishers.get(a)))
    for (event_id, _sid), found in statements.items():
        shown: dict[str, Any] = {"speaker": None, "via": []}
        _show_innermost(shown, found)
        speaker = shown["speaker"]
        if shown.get("own_words") or shown.get("speaker_unresolved"):
            speaker = None
        result[event_id][1].update(n for n in (speaker, *shown["via"]) if named_source(n))
    return result


UNRESOLVED_SPEAKERS = {"unknown", "unidentified", "onbekend"}


@cache
def named_source(name: str | None) -> bool:
    """Whether an attribution's name names a source: not empty, not the engine's "unknown",
    not a common noun ("leaders", "season ticket": no capital letter anywhere)."""
    return bool(name and name.strip()) and (
        name.strip().lower() not in UNRESOLVED_SPEAKERS and any(ch.isupper() for ch in name)
    )


def event_source_names(statements: Iterable[dict]) -> dict[str, tuple[str, int]]:
    """Who speaks in a set of event statements (from event_statements): each publisher,
    claim-maker and intermediary named -> (kind, number of statements)."""
    counts: dict[str, int] = defaultdict(int)
    kinds: dict[str, str] = {}
    for statement in statements:
        publisher = statement["article"]["publisher"]
        speaker = statement["speaker"]
        if statement.get("own_words") or statement.get("speaker_unresolved"):
            # a publisher's own words count once, as the publisher; an unresolved speaker
            # ("you", "Thanks") is nobody
            speaker = None
        names = {publisher, speaker, *statement["via"]}
        for name in names:
            if not named_source(name):
                continue
            counts[name] += 1
            kinds.setdefault(name, "publisher" if name == publisher else "speaker")
    return {name: (kinds[name], count) for name, count in counts.items()}


def _add_to_chain(chain: dict, source_id: int | None, name: str | None) -> None:
    if source_id is not None:
        chain["ids"].add(source_id)
    if name:
        chain["keys"].add(alias_key(name))


def lookup_source(db: sqlite_utils.Database, name: str) -> int | None:
    """The id of the source an alias names, without creating one (None if unknown)."""
    key = alias_key(name or "")
    if not key:
        return None
    ensure_curated_sources(db)
    row = db.execute(
        "SELECT source_id FROM source_aliases WHERE alias_key = ?"
        " ORDER BY (language IS NULL) DESC, source_id LIMIT 1",
        [key],
    ).fetchone()
    return row[0] if row else None


def side_identity(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    """What identifies side `name` (a name, alias or slug) in a chain: its source id and
    all its alias keys."""
    source_id = lookup_source(db, name)
    if source_id is None:  # a source's slug ("white-house") names it too
        row = db.execute("SELECT id FROM sources WHERE slug = ?", [name.strip()]).fetchone()
        source_id = row[0] if row else None
    keys = {alias_key(name)}
    display = name.strip()
    if source_id is not None:
        keys |= {
            r[0]
            for r in db.execute(
                "SELECT alias_key FROM source_aliases WHERE source_id = ?", [source_id]
            )
        }
        display = db.execute("SELECT name FROM sources WHERE id = ?", [source_id]).fetchone()[0]
    return {"name": display, "source_id": source_id, "keys": keys - {""}}


def in_account(statement: dict[str, Any], side: dict[str, Any]) -> bool:
    """Whether `side` is in the statement's chain (speaker, via, or publisher)."""
    chain = statement["chain"]
    if side["source_id"] is not None and side["source_id"] in chain["ids"]:
        return True
    return bool(side["keys"] & chain["keys"])


def _require_event(db: sqlite_utils.Database, event_id: int) -> None:
    if db.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
        raise EventNotFound(f"no event with id {event_id}")


def _require_ids(db: sqlite_utils.Database, table: str, ids: list[int]) -> None:
    for item in ids:
        if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [item]).fetchone() is None:
            raise LookupError(f"no {table[:-1]} with id {item}")


def _as_dict(db, table: str, row) -> dict[str, Any]:
    columns = [c.name for c in db[table].columns]
    return dict(zip(columns, row))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
