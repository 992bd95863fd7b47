"""Schema version 8: one person, one institution, one source in a stored database.

Merges what `claimtrack.store.person_names` and
`claimtrack.store.institution_names` merge at import, in the sources an
older claimtrack stored apart: "Kasich" into John Kasich, "Vladimir V.
Putin" into Vladimir Putin, "U.S. Supreme Court" into Supreme Court (each
only when one party fits). The per-source totals follow through their
triggers.
"""

from __future__ import annotations

import sqlite_utils

from claimtrack.store.institution_names import consolidate_institutions
from claimtrack.store.person_names import consolidate_people


def upgrade_person_sources(db: sqlite_utils.Database) -> None:
    """Schema version 8 (runs inside the migration transaction of ensure_schema)."""
    if db.execute("SELECT EXISTS (SELECT 1 FROM sources)").fetchone()[0]:
        consolidate_people(db)
        consolidate_institutions(db)
