"""CSV exports open safely in a spreadsheet: no cell is run as a formula."""

from __future__ import annotations

import csv
import io

from claimtrack.csv_cells import csv_cell
from claimtrack.store import open_database


def test_formula_like_text_is_kept_as_text():
    assert csv_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Het Kremlin meldt") == "Het Kremlin meldt"
    assert csv_cell(None) == ""
    assert csv_cell(-3) == -3


def test_sources_csv_neutralises_a_formula_in_a_source_name(app, client):
    db = open_database(app.config["DATABASE"])
    db["sources"].insert(
        {"name": "=cmd|'/c calc'!A1", "kind": "person", "slug": "evil", "created_at": "2026-01-01"}
    )
    db.close()
    response = client.get("/sources.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    names = [row["name"] for row in rows]
    assert "'=cmd|'/c calc'!A1" in names
    assert not any(name.startswith("=") for name in names)
