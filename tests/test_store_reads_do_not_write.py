"""Reads never write: the curated table is seeded once per version of it, not per connection.

`ensure_curated_sources` only reads the digest in `curated_seed` when the
database already holds this version of the curated table. The proof that a
read writes nothing: another connection holds the write lock the whole time
(a writer would wait for it and fail), and no statement that writes is run.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace

import pytest
from store_helpers import relayed_claim_document

import claimtrack.db
from claimtrack.app import create_app
from claimtrack.ingest import ParsedArticle
from claimtrack.store import database as store_database
from claimtrack.store import open_database, sources
from claimtrack.store.articles import save_article
from claimtrack.store.event_suggestions import person_aliases
from claimtrack.store.events import create_event, event_statements, lookup_source
from claimtrack.store.source_audit import drop_source
from claimtrack.store.source_edits import remove_alias
from claimtrack.store.sources import (
    curated_digest,
    ensure_curated_sources,
    merge_sources,
    resolve_source,
    seed_curated_sources,
    seeded_digest,
)

WRITES = ("BEGIN", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
BODY = "De havenmeester zegt dat het rustig is in Kalvik."
SIDES = {"a": "Havenmeester Jansen", "b": "Kremlin"}


@pytest.fixture
def stored(db_path):
    """A seeded database with one article in one event; returns the event's id."""
    db = open_database(db_path)
    saved = save_article(
        db,
        ParsedArticle(body=BODY, language="nl"),
        relayed_claim_document(BODY, "Havenmeester Jansen", "het Witte Huis"),
    )
    event_id = create_event(
        db, "Haven", "2024-05-06", participants=["Kremlin"], article_ids=[saved.article_id]
    )
    assert seeded_digest(db) == curated_digest()
    db.close()
    return event_id


@contextlib.contextmanager
def write_lock_held(db_path):
    """Another connection holds the write lock (BEGIN IMMEDIATE) for the whole block."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def traced(db, statements: list[str]):
    """Record every statement the connection runs (its first word, upper case)."""
    db.conn.set_trace_callback(
        lambda sql: statements.append(sql.lstrip().split(None, 1)[0].upper())
    )
    return db


def reader(db_path, statements: list[str]):
    """A new connection as the web app opens one, giving up on a lock after 0.1 s."""
    db = open_database(db_path, migrate=False)
    db.execute("PRAGMA busy_timeout = 100")
    return traced(db, statements)


def test_store_reads_on_a_new_connection_write_nothing(db_path, stored):
    statements: list[str] = []
    with write_lock_held(db_path):
        db = reader(db_path, statements)
        try:
            rows = event_statements(db, stored)
            assert [row["text"] for row in rows] == [BODY]
            assert lookup_source(db, "het Witte Huis") == lookup_source(db, "the White House")
            assert lookup_source(db, "het Witte Huis") is not None
            assert "poetin" in person_aliases(db)
            assert db.conn.total_changes == 0
        finally:
            db.close()
    assert statements and not [s for s in statements if s in WRITES]


def test_web_and_api_reads_write_nothing(db_path, stored, monkeypatch):
    app = create_app(
        {"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": "t", "SECRET_KEY": "t"}
    )
    client = app.test_client()
    statements: list[str] = []
    opened = claimtrack.db.open_database
    monkeypatch.setattr(
        claimtrack.db,
        "open_database",
        lambda path, **kwargs: traced(opened(path, **kwargs), statements),
    )
    monkeypatch.setattr(store_database, "BUSY_TIMEOUT_MS", 100)
    with write_lock_held(db_path):
        page = client.get(f"/events/{stored}/compare", query_string=SIDES)
        assert page.status_code == 200, page.get_data(as_text=True)[:500]
        compared = client.get(f"/api/v1/events/{stored}/compare", query_string=SIDES)
        assert compared.status_code == 200, compared.get_data(as_text=True)[:500]
        assert compared.get_json()["statements"]["a"] == 1
        listed = client.get("/api/v1/sources")
        assert listed.status_code == 200
        assert listed.get_json()["items"]
        assert client.get("/events").status_code == 200
    assert statements and not [s for s in statements if s in WRITES]


def test_a_changed_curated_table_is_seeded_by_the_next_connection(db_path, stored, monkeypatch):
    first = sources.curated_sources()
    extra = replace(
        first[0],
        name="Havenbedrijf Kalvik",
        kind="organization",
        wikidata_id=None,
        affiliation=None,
        aliases=(("Havenbedrijf Kalvik", None), ("Kalvik Port Authority", "en")),
        publishes_statements=False,
    )
    old_digest = curated_digest()
    monkeypatch.setattr(sources, "curated_sources", lambda: (*first, extra))
    assert curated_digest() != old_digest

    db = open_database(db_path, migrate=False)
    try:
        port = lookup_source(db, "Kalvik Port Authority")
        assert port is not None
        assert lookup_source(db, "Havenbedrijf Kalvik") == port
        assert db["sources"].get(port)["kind_set_by"] == "curated"
        assert seeded_digest(db) == curated_digest()
    finally:
        db.close()
    # and the connection after that only reads
    statements: list[str] = []
    with write_lock_held(db_path):
        db = reader(db_path, statements)
        try:
            assert lookup_source(db, "Kalvik Port Authority") == port
        finally:
            db.close()
    assert not [s for s in statements if s in WRITES]


def test_a_seed_that_rolls_back_takes_its_digest_with_it(db):
    db.conn.execute("BEGIN")
    ensure_curated_sources(db)
    assert seeded_digest(db) == curated_digest()
    db.conn.execute("ROLLBACK")
    assert seeded_digest(db) is None
    assert db["sources"].count == 0
    ensure_curated_sources(db)  # not marked as done by the seed that rolled back
    assert seeded_digest(db) == curated_digest()
    assert lookup_source(db, "Poetin") is not None


def test_a_second_seeder_that_waited_for_the_lock_seeds_nothing(db_path):
    first, second = open_database(db_path), open_database(db_path)
    try:
        assert seeded_digest(second) is None  # what the second saw before it took the lock
        ensure_curated_sources(first)
        before = second.conn.total_changes
        assert seed_curated_sources(second, unless_seeded=True) == 0
        assert second.conn.total_changes == before
    finally:
        first.close()
        second.close()


def test_a_database_without_the_digest_table_is_seeded_and_gets_it(db_path):
    db = open_database(db_path)
    db.execute("DROP TABLE curated_seed")
    db.execute("PRAGMA user_version = 8")
    db.close()
    old = open_database(db_path, migrate=False)
    try:
        assert seeded_digest(old) is None
        assert lookup_source(old, "Poetin") is not None
        assert seeded_digest(old) == curated_digest()
    finally:
        old.close()
    upgraded = open_database(db_path)
    try:
        assert seeded_digest(upgraded) == curated_digest()
    finally:
        upgraded.close()


def test_a_removed_curated_alias_comes_back_on_the_next_connection(db_path, stored):
    db = open_database(db_path)
    putin = lookup_source(db, "Poetin")
    [alias_id] = [
        r[0]
        for r in db.execute(
            "SELECT id FROM source_aliases WHERE source_id = ? AND alias_key = 'poetin'", [putin]
        )
    ]
    remove_alias(db, putin, alias_id)
    assert lookup_source(db, "Poetin") is None  # this connection does not seed again
    assert seeded_digest(db) is None
    db.close()

    db = open_database(db_path, migrate=False)
    try:
        assert lookup_source(db, "Poetin") == putin
        assert seeded_digest(db) == curated_digest()
    finally:
        db.close()


def test_a_dropped_curated_source_comes_back_on_the_next_connection(db_path, stored):
    db = open_database(db_path)
    kremlin = lookup_source(db, "Kremlin")
    drop_source(db, kremlin)
    assert lookup_source(db, "Kremlin") is None
    db.close()

    db = open_database(db_path, migrate=False)
    try:
        assert lookup_source(db, "Kremlin") is not None
        assert db["sources"].get(lookup_source(db, "Poetin"))["affiliation_id"] == lookup_source(
            db, "Kremlin"
        )
    finally:
        db.close()


def test_merging_curated_sources_seeds_again_merging_others_does_not(db_path, stored):
    db = open_database(db_path)
    try:
        one = resolve_source(db, "Marta Oskel", "person")
        other = resolve_source(db, "Ilse Varn", "person")
        merge_sources(db, one, other)
        assert seeded_digest(db) == curated_digest()  # nothing curated was touched

        mine = resolve_source(db, "Witte Huis in Washington", "organization", "nl")
        merge_sources(db, mine, lookup_source(db, "White House"))
        assert seeded_digest(db) is None
    finally:
        db.close()
    db = open_database(db_path, migrate=False)
    try:
        white_house = lookup_source(db, "het Witte Huis")
        assert white_house == mine  # the merge stays; the kept source takes the curated kind
        assert db["sources"].get(white_house)["kind_set_by"] == "curated"
        assert seed_curated_sources(db) == 0
    finally:
        db.close()
