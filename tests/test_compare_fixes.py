"""What a reader of the compare page and the events list notices after the #15 follow-up:
every account of the fire's injuries and chlorine in one row each, no conflict for a
negation about something else, participants of a hand-made event counted from its
articles (without the engine's "unknown"), and a comparison that follows an edit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimtrack.app import create_app
from claimtrack.compare import compare_event
from claimtrack.compare.conflicts import pair_findings
from claimtrack.importer import import_paths
from claimtrack.store import open_database
from claimtrack.store.events import add_articles, create_event

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent


def imported_event(db, reference_name: str, title: str) -> int:
    reference = json.loads((DATA / reference_name).read_text("utf-8"))
    outcomes = list(import_paths(db, [str(ROOT / p) for p in reference["documents"]]))
    assert {o.status for o in outcomes} == {"imported"}
    return create_event(
        db, title, reference["event_date"], article_ids=[o.article_id for o in outcomes]
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("fixes") / "claimtrack.db"
    db = open_database(db_path)
    fire = imported_event(db, "alignment_fire_2025-03-04.json", "Brand Kadeweg")
    db.close()
    app = create_app({"TESTING": True, "DATABASE": str(db_path), "SECRET_KEY": "t"})
    return app.test_client(), fire


def fire_rows(client, event_id):
    response = client.get(
        f"/events/{event_id}/compare.json",
        query_string={"a": "Brandweer Havenkamp", "b": "Verolux"},
    )
    return response.get_json()["rows"]


def row_holding(rows, prefix):
    [row] = [r for r in rows if any(s["text"].startswith(prefix) for s in r["a"] + r["b"])]
    return row


def texts(row, side):
    return [s["text"] for s in row[side]]


def test_every_account_of_the_injuries_is_in_the_one_numeric_conflict_row(site):
    client, fire = site
    rows = fire_rows(client, fire)
    injuries = row_holding(rows, "Bij de brand raakten twaalf mensen gewond")
    # "only four people were hurt" counts the same people as "twaalf mensen gewond"
    assert any(
        t.startswith("Verolux said only four people were hurt") for t in texts(injuries, "b")
    )
    assert injuries["status"] == "conflict" and "numbers differ" in injuries["reason"]
    # the opening sentences (the fire under control) are not dragged into it
    assert not any(t.startswith("The fire was under control") for t in texts(injuries, "b"))


def test_the_dutch_chlorine_statement_meets_the_english_denial(site):
    client, fire = site
    rows = fire_rows(client, fire)
    chlorine = row_holding(rows, "Uit de hal is chloor vrijgekomen")
    assert any(t.startswith("No chlorine was released") for t in texts(chlorine, "b"))
    assert chlorine["status"] == "conflict" and "negation" in chlorine["reason"]


def test_a_negation_about_something_else_is_no_conflict(site):
    client, fire = site
    rows = fire_rows(client, fire)
    hotel = row_holding(rows, "Verolux will pay for hotel rooms")
    # "families who cannot return home this week" is no denial of "within six weeks"
    assert hotel["status"] != "conflict"
    findings = pair_findings(
        "Brandweer Havenkamp",
        {"text": "Its full findings will be published within six weeks.", "language": "en"},
        "Verolux",
        {"text": "Families who cannot return home this week get hotel rooms.", "language": "en"},
    )
    assert not [f for f in findings if f.kind == "negation"]
    maintenance = pair_findings(
        "Brandweer Havenkamp",
        {
            "text": "De koelinstallatie van de hal was al maanden niet onderhouden.",
            "language": "nl",
        },
        "Verolux",
        {"text": "Een aannemer was op het dak van de hal aan het lassen.", "language": "nl"},
    )
    assert not [f for f in maintenance if f.kind == "negation"]


def test_the_same_negated_thing_is_still_a_conflict():
    findings = pair_findings(
        "Havenbedrijf",
        {"text": "Er is brandstof in het havenbekken gelekt.", "language": "nl"},
        "Rederij",
        {"text": "No fuel leaked into the harbour.", "language": "en"},
    )
    [negation] = [f for f in findings if f.kind == "negation"]
    assert "No fuel" in negation.reason


def test_the_events_list_counts_the_participants_of_a_hand_made_event(site):
    client, fire = site
    html = client.get("/events").get_data(as_text=True)
    [cells] = re.findall(rf'href="/events/{fire}">.*?</tr>', html, re.DOTALL)
    counts = re.findall(r'<td class="num">(\d+)</td>', cells)
    # statements, then participants: the four publishers and the neighbours quoted
    assert counts[1] != "0"
    page = client.get(
        f"/events/{fire}/compare.json", query_string={"a": "Brandweer Havenkamp", "b": "Verolux"}
    ).get_json()
    assert int(counts[1]) == len(page["event"]["participants"])


def test_unresolved_speakers_are_no_participants(tmp_path):
    db = open_database(tmp_path / "april.db")
    readouts = ROOT.parent / "shared" / "corpus" / "readouts"
    paths = [str(p) for p in sorted(readouts.glob("*2021-04-13*.txt"))]
    if not paths:
        pytest.skip("the shared readouts are not here")
    outcomes = list(import_paths(db, paths))
    event_id = create_event(db, "call", "2021-04-13", article_ids=[o.article_id for o in outcomes])
    comparison = compare_event(db, event_id, "White House", "Kremlin")
    names = {p["name"] for p in comparison["event"]["participants"]}
    sources = {s["name"] for s in comparison["sources"]}
    assert {"White House", "Kremlin"} <= names
    assert "unknown" not in names | sources


def test_a_comparison_follows_an_article_added_to_the_event(tmp_path):
    db = open_database(tmp_path / "fire.db")
    reference = json.loads((DATA / "alignment_fire_2025-03-04.json").read_text("utf-8"))
    outcomes = list(import_paths(db, [str(ROOT / p) for p in reference["documents"]]))
    first, rest = outcomes[:2], outcomes[2:]
    event_id = create_event(db, "fire", "2025-03-04", article_ids=[o.article_id for o in first])
    before = compare_event(db, event_id, "Brandweer Havenkamp", "Verolux")
    assert not any("only four people" in s["text"] for r in before["rows"] for s in r["b"])
    add_articles(db, event_id, [o.article_id for o in rest])
    after = compare_event(db, event_id, "Brandweer Havenkamp", "Verolux")
    assert any("only four people" in s["text"] for r in after["rows"] for s in r["b"])
