"""The SQLite store: every read and write of the database goes through here."""

from claimtrack.store.database import default_database_path, open_database

__all__ = ["default_database_path", "open_database"]
