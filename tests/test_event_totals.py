"""The events list reads each event's article and source counts kept in the database (#17).

An event made by hand (no stored participants) counts the sources its
compare page lists. The list used to read every attribution and relay of
every listed event's statements on each view; now it reads `event_totals`,
which every write keeps right. These tests check the figures a user sees
against a fresh count after each kind of write, on an upgraded older
database, after a script wrote rows directly, and that the list no longer
reads attributions when the figures are kept.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from api_sample import populate
from web_sample import insert_sample

from claimtrack.store import open_database, schema
from claimtrack.store.event_totals import stored_event_totals
from claimtrack.store.events import (
    add_articles,
    create_event,
    event_source_names,
    event_statements,
    remove_statements,
)
from claimtrack.store.publisher_voice import set_article_kind
from claimtrack.store.reads.events import list_events
from claimtrack.store.sources import merge_sources
from claimtrack.store.transactions import write_transaction


def fresh_figures(db, event_id: int) -> tuple[int, int]:
    """(articles, sources) of an event counted from its statements, as its compare page does."""
    statements = event_statements(db, event_id)
    return len({s["article"]["id"] for s in statements}), len(event_source_names(statements))


def listed_figures(db) -> dict[int, tuple[int, int]]:
    """(article_count, participant_count) of every event, as the events list shows them."""
    return {e["id"]: (e["article_count"], e["participant_count"]) for e in list_events(db).items}


def assert_figures_right(db) -> None:
    """Every event's kept row holds fresh counts, and the list shows them (the stored
    participants instead, for an event that has them)."""
    expected = {
        event_id: fresh_figures(db, event_id)
        for (event_id,) in db.execute("SELECT id FROM events").fetchall()
    }
    assert stored_event_totals(db) == expected
    participants = dict(
        db.execute("SELECT event_id, count(*) FROM event_participants GROUP BY 1").fetchall()
    )
    assert listed_figures(db) == {
        event_id: (articles, participants.get(event_id) or sources)
        for event_id, (articles, sources) in expected.items()
    }


def tables_read_by_the_list(db) -> set[str]:
    """Names of the tables the SQL of one events-list read mentions."""
    traced: list[str] = []
    db.conn.set_trace_callback(traced.append)
    try:
        list_events(db)
    finally:
        db.conn.set_trace_callback(None)
    sql = " ".join(traced).lower()
    return set(
        re.findall(r"\b(?:from|join)\s+(attributions|attribution_via|statements|articles)\b", sql)
    )


def source_id(db, slug: str) -> int:
    return db.execute("SELECT id FROM sources WHERE slug = ?", [slug]).fetchone()[0]


def make_events(db) -> tuple[int, int]:
    insert_sample(db)
    articles = populate(db, copies=2)
    whole = create_event(db, "Haven", "2022-01", article_ids=articles)
    some = create_event(db, "Enkele zinnen", statement_ids=[1, 2, 5])
    create_event(db, "Leeg")
    return whole, some


def test_the_list_reads_kept_counts_instead_of_every_attribution(db):
    whole, _some = make_events(db)
    assert listed_figures(db)[whole][1] > 1
    assert_figures_right(db)
    assert tables_read_by_the_list(db) == set()


def test_kept_counts_follow_every_kind_of_write(db):
    whole, some = make_events(db)
    nl_articles = [
        r[0] for r in db.execute("SELECT id FROM articles WHERE language = 'nl' ORDER BY id")
    ]
    add_articles(db, some, nl_articles[:1])
    assert_figures_right(db)
    remove_statements(db, whole, [r[0] for r in db.execute("SELECT id FROM statements LIMIT 3")])
    assert_figures_right(db)

    with write_transaction(db):  # a publisher is named differently: a different source
        db.execute("UPDATE articles SET publisher = 'Andere Krant' WHERE id = ?", nl_articles[:1])
    assert_figures_right(db)

    set_article_kind(db, nl_articles[0], "statement")  # its narration becomes its own words
    assert_figures_right(db)

    merge_sources(db, keep_id=source_id(db, "white-house"), drop_id=source_id(db, "joe-biden"))
    assert_figures_right(db)

    with write_transaction(db):  # a relay renamed, a speaker left unresolved
        db.execute("UPDATE attribution_via SET name = 'Persbureau' WHERE position = 0")
        db.execute(
            "UPDATE attributions SET speaker_source_id = NULL, unresolved = 'pronoun'"
            " WHERE speaker_name = 'Kremlin'"
        )
    assert_figures_right(db)

    with write_transaction(db):  # deleting an article cascades to its statements
        db.execute("DELETE FROM articles WHERE id = ?", nl_articles[:1])
    assert_figures_right(db)

    with write_transaction(db):
        db.execute("DELETE FROM events WHERE id = ?", [some])
    assert_figures_right(db)
    assert some not in stored_event_totals(db)


def test_a_rolled_back_write_leaves_the_kept_counts_as_they_were(db):
    make_events(db)
    before = stored_event_totals(db)
    with pytest.raises(RuntimeError), write_transaction(db):
        db.execute("DELETE FROM attribution_via")
        raise RuntimeError("interrupted")
    assert stored_event_totals(db) == before
    assert_figures_right(db)


def test_rows_written_by_a_script_are_counted_until_claimtrack_writes_again(db, db_path):
    _whole, some = make_events(db)
    script = sqlite3.connect(db_path)  # no claimtrack: triggers only
    with script:
        script.execute(
            "INSERT INTO event_statements (event_id, statement_id)"
            " SELECT ?, id FROM statements WHERE id NOT IN"
            " (SELECT statement_id FROM event_statements WHERE event_id = ?)",
            [some, some],
        )
    script.close()
    assert some not in stored_event_totals(db)
    assert listed_figures(db)[some] == fresh_figures(db, some)  # counted on the spot
    create_event(db, "Later")  # the next claimtrack write keeps them again
    assert_figures_right(db)


def test_an_older_database_shows_its_events_counts_after_the_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "v6.db"
    old = schema.MIGRATIONS[:6]
    monkeypatch.setattr(schema, "MIGRATIONS", old)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(old))
    db = open_database(path)
    # today's importer fills this version-6 database, and it writes a column of version 10;
    # version 10 keeps a column a database already has
    db.execute("ALTER TABLE attributions ADD COLUMN speaker_affiliation TEXT")
    whole, some = make_events(db)
    expected = {e: fresh_figures(db, e) for e in (whole, some)}
    assert "event_totals" not in db.table_names()
    db.close()
    monkeypatch.undo()

    db = open_database(path)  # upgraded in place
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
    assert {e: listed_figures(db)[e] for e in (whole, some)} == expected
    assert tables_read_by_the_list(db) == set()
    assert_figures_right(db)
    db.close()
