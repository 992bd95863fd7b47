"""Hand edits of a source from the admin pages: its kind and its aliases."""

from __future__ import annotations

import sqlite_utils

from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.store.sources import alias_key, forget_curated_seed
from claimtrack.store.transactions import write_transaction


class SourceEditRejected(ValueError):
    """An edit that cannot be made; str() says why, for the user."""


def set_source_kind(db: sqlite_utils.Database, source_id: int, kind: str) -> None:
    """Change a source's kind (person, organization, group, unknown).

    The choice sticks: later imports' entity labels and the curated table no
    longer change it (`sources.kind_set_by` = 'admin').
    """
    if kind not in SOURCE_KINDS:
        raise SourceEditRejected(f"kind must be one of {', '.join(SOURCE_KINDS)}")
    with write_transaction(db):
        db.execute(
            "UPDATE sources SET kind = ?, kind_set_by = 'admin' WHERE id = ?", [kind, source_id]
        )


def add_alias(
    db: sqlite_utils.Database, source_id: int, alias: str, language: str | None = None
) -> None:
    """Add an alias to a source; refused when it is empty or already names another source."""
    alias = (alias or "").strip()
    key = alias_key(alias)
    if not key:
        raise SourceEditRejected("an alias needs at least one letter or digit")
    if language not in (None, "nl", "en"):
        raise SourceEditRejected("alias language must be nl, en or empty")
    with write_transaction(db):
        owner = db.execute(
            "SELECT s.name FROM source_aliases sa JOIN sources s ON s.id = sa.source_id "
            "WHERE sa.alias_key = ? AND sa.source_id != ? LIMIT 1",
            [key, source_id],
        ).fetchone()
        if owner:
            raise SourceEditRejected(
                f"“{alias}” already names {owner[0]}; merge the two sources instead"
            )
        db.execute(
            "INSERT OR IGNORE INTO source_aliases (source_id, alias, alias_key, language) "
            "VALUES (?, ?, ?, ?)",
            [source_id, alias, key, language],
        )


def remove_alias(db: sqlite_utils.Database, source_id: int, alias_id: int) -> None:
    """Remove one alias of a source (the source itself stays).

    The next connection seeds the curated table again: a curated alias comes back.
    """
    with write_transaction(db):
        if db.execute(
            "DELETE FROM source_aliases WHERE id = ? AND source_id = ?", [alias_id, source_id]
        ).rowcount:
            forget_curated_seed(db)
