"""The SQLite store: every read and write of the database goes through here."""

from claimtrack.store.database import open_database, default_database_path

__all__ = ["open_database", "default_database_path"]
