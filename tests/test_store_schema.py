"""The database file: created, upgraded in place, never dropped; settings every caller relies on."""

from __future__ import annotations

import sqlite3

import pytest

from claimtrack.store import open_database, schema
from claimtrack.store.schema import SCHEMA_VERSION, schema_version


def test_empty_file_is_upgraded_to_the_current_schema(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # a version 0 file: exists, no tables
    db = open_database(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert {"articles", "statements", "sources", "attributions", "statements_fts"} <= set(
        db.table_names()
    )


def test_older_database_is_upgraded_in_place_keeping_its_rows(tmp_path, monkeypatch):
    path = tmp_path / "claimtrack.db"
    db = open_database(path)
    db.execute(
        "INSERT INTO articles (language, body, content_hash, imported_at)"
        " VALUES ('nl', 'Tekst.', 'h1', '2024-01-01')"
    )
    db.close()
    newer = schema.MIGRATIONS + ["ALTER TABLE articles ADD COLUMN note TEXT;"]
    monkeypatch.setattr(schema, "MIGRATIONS", newer)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(newer))

    db = open_database(path)
    assert schema_version(db) == len(newer)
    assert db.execute("SELECT body, note FROM articles").fetchall() == [("Tekst.", None)]


def test_failed_migration_leaves_the_database_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "claimtrack.db"
    open_database(path).close()
    broken = schema.MIGRATIONS + ["ALTER TABLE articles ADD COLUMN x TEXT; SELECT * FROM nope;"]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(broken))
    with pytest.raises(sqlite3.OperationalError):
        open_database(path)
    db = open_database(path, migrate=False)
    assert schema_version(db) == len(broken) - 1
    assert "x" not in db["articles"].columns_dict


def test_database_from_a_newer_claimtrack_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_database(path)


def test_connection_settings(db):
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
