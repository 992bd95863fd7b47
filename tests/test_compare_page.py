"""The comparison page, its exports and the alignment on events outside diplomacy.

The fire event (tests/data/events/fire, written for these tests) is imported
through the real importer: a fire service's Dutch release, the warehouse
owner's English statement, and two newspapers relaying both.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from claimtrack.app import create_app
from claimtrack.compare.align import align_accounts
from claimtrack.importer import import_paths
from claimtrack.store import open_database
from claimtrack.store.events import create_event
from claimtrack.web.compare_views import marked_text

DATA = Path(__file__).resolve().parent / "data"
FIRE = json.loads((DATA / "alignment_fire_2025-03-04.json").read_text("utf-8"))
SIDES = {"a": "Brandweer Havenkamp", "b": "Verolux"}


@pytest.fixture(scope="module")
def fire(tmp_path_factory):
    """A database holding the fire event, and a client of an app on it."""
    db_path = tmp_path_factory.mktemp("fire") / "claimtrack.db"
    db = open_database(db_path)
    outcomes = list(import_paths(db, [str(DATA.parent.parent / p) for p in FIRE["documents"]]))
    assert [o.status for o in outcomes] == ["imported"] * 4
    event_id = create_event(
        db, "Brand Kadeweg", "2025-03-04", article_ids=[o.article_id for o in outcomes]
    )
    db.close()
    app = create_app(
        {"TESTING": True, "DATABASE": str(db_path), "ADMIN_TOKEN": "t", "SECRET_KEY": "t"}
    )
    return app.test_client(), event_id


def comparison_json(client, event_id, **args):
    response = client.get(f"/events/{event_id}/compare.json", query_string={**SIDES, **args})
    assert response.status_code == 200
    return response.get_json()


def row_with(comparison, prefix):
    [row] = [
        r for r in comparison["rows"] if any(s["text"].startswith(prefix) for s in r["a"] + r["b"])
    ]
    return row


def test_each_statement_appears_once_on_the_page_and_in_the_json(fire):
    client, event_id = fire
    comparison = comparison_json(client, event_id)
    ids = [s["id"] for r in comparison["rows"] for s in r["a"] + r["b"]]
    assert (
        len(ids) == len(set(ids)) == comparison["statements"]["a"] + comparison["statements"]["b"]
    )
    html = client.get(f"/events/{event_id}/compare", query_string=SIDES).get_data(as_text=True)
    shown = re.findall(r'data-statement="(\d+)"', html)
    assert sorted(map(int, shown)) == sorted(ids)


def test_twelve_against_four_injured_is_a_numeric_conflict_marked_in_both_cells(fire):
    client, event_id = fire
    comparison = comparison_json(client, event_id)
    row = row_with(comparison, "Verolux spreekt van vier lichtgewonden")
    assert row["status"] == "conflict"
    assert "numbers differ" in row["reason"]
    marked_a = [s["text"][b:e] for s in row["a"] for b, e in s["marks"]]
    marked_b = [s["text"][b:e] for s in row["b"] for b, e in s["marks"]]
    assert any("twaalf" in m or "twelve" in m for m in marked_a)
    assert any("vier" in m or "Four" in m or "four" in m for m in marked_b)
    html = client.get(f"/events/{event_id}/compare", query_string=SIDES).get_data(as_text=True)
    assert '<mark class="conflict-mark">vier lichtgewonden</mark>' in html


def test_summary_counts_and_the_conflicts_filter(fire):
    client, event_id = fire
    comparison = comparison_json(client, event_id)
    summary = comparison["summary"]
    assert sum(summary.values()) == len(comparison["rows"])
    html = client.get(
        f"/events/{event_id}/compare", query_string={**SIDES, "show": "conflicts"}
    ).get_data(as_text=True)
    assert f'Conflicts <span class="count">{summary["conflict"]}</span>' in html
    statuses = re.findall(r'<tr class="row-(\w+)"', html)
    assert statuses and set(statuses) == {"conflict"}
    one_sided = client.get(
        f"/events/{event_id}/compare", query_string={**SIDES, "show": "one-sided"}
    ).get_data(as_text=True)
    assert set(re.findall(r'<tr class="row-(\w+)"', one_sided)) <= {"only_a", "only_b"}


def test_a_mistyped_side_is_warned_about_with_close_matches_not_shown_as_one_sided(fire):
    client, event_id = fire
    html = client.get(
        f"/events/{event_id}/compare", query_string={"a": "Brandweer Havekamp", "b": "Verolux"}
    ).get_data(as_text=True)
    assert "No statement of this event comes from" in html
    assert ">Brandweer Havenkamp</bdi></a>" in html or "Brandweer Havenkamp</a>" in html
    # the one-sided rows are there only behind a closed <details>, after the warning
    assert (
        html.index("No statement of this event")
        < html.index("<details")
        < html.index('class="row-only_b"')
    )
    comparison = comparison_json(client, event_id, a="Brandweer Havekamp")
    assert {r["status"] for r in comparison["rows"]} == {"only_b"}
    assert comparison["warnings"][0]["side"] == "a"
    assert comparison["warnings"][0]["suggestions"][0] == "Brandweer Havenkamp"


def test_participants_come_from_the_articles_when_the_event_names_none(fire):
    client, event_id = fire
    comparison = comparison_json(client, event_id)
    assert comparison["event"]["participants_from"] == "articles"
    names = {p["name"] for p in comparison["event"]["participants"]}
    assert {"Brandweer Havenkamp", "Verolux"} <= names


def test_csv_export_has_one_line_per_statement(fire):
    client, event_id = fire
    comparison = comparison_json(client, event_id)
    response = client.get(f"/events/{event_id}/compare.csv", query_string=SIDES)
    assert response.mimetype == "text/csv"
    lines = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(lines) == sum(len(r["a"]) + len(r["b"]) for r in comparison["rows"])
    assert {line["side"] for line in lines} == set(SIDES.values())
    conflict = next(line for line in lines if line["text"].startswith("Verolux spreekt van vier"))
    assert conflict["status"] == "conflict" and "vier lichtgewonden" in conflict["marked"]


def test_every_event_links_to_its_comparison(fire):
    client, event_id = fire
    html = client.get("/events").get_data(as_text=True)
    assert f'href="/events/{event_id}/compare"' in html


def statement(id, text, language="en", paragraph=None):
    return {
        "id": id,
        "text": text,
        "language": language,
        "index": 3,
        "paragraph": paragraph if paragraph is not None else id,
        "article": {"id": id, "date": "2025-03-04"},
    }


def shared_row(rows, a_id, b_id):
    return next(
        (
            r
            for r in rows
            if a_id in [s["id"] for s in r["a"]] and b_id in [s["id"] for s in r["b"]]
        ),
        None,
    )


def test_a_negation_is_a_conflict_with_the_negated_phrase_marked():
    a = [statement(1, "Chlorine was released from the warehouse during the fire.")]
    b = [statement(2, "No chlorine was released from the warehouse at any time.")]
    [row] = align_accounts("Fire service", a, "Company", b)
    assert row["status"] == "conflict"
    assert "negation" in row["reason"] and "Company" in row["reason"]
    [marks_b] = row["marks_b"]
    assert any(b[0]["text"][s:e] == "No" for s, e in marks_b)


def test_a_dutch_and_an_english_statement_meet_through_the_dictionary():
    a = [
        statement(1, "De vakbond kondigde een staking aan bij de fabriek in Delft.", "nl"),
        statement(3, "Het weer was dinsdag zonnig en warm in de hele provincie.", "nl"),
    ]
    b = [
        statement(2, "The union announced a strike at the factory.", "en"),
        statement(4, "Shareholders will receive their dividend in June.", "en"),
    ]
    rows = align_accounts("A", a, "B", b)
    assert shared_row(rows, 1, 2) is not None  # vakbond=union, staking=strike, fabriek=factory
    assert shared_row(rows, 3, 4) is None
    assert shared_row(rows, 1, 4) is None


def test_the_same_number_twice_is_no_conflict_but_a_different_one_is():
    a = [statement(1, "Twelve people were injured in the fire at the warehouse.")]
    same = [statement(2, "Bij de brand in de opslaghal raakten twaalf mensen gewond.", "nl")]
    other = [statement(3, "Bij de brand in de opslaghal raakten vier mensen gewond.", "nl")]
    assert align_accounts("A", a, "B", same)[0]["status"] == "both"
    [row] = align_accounts("A", a, "B", other)
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]


def test_blame_on_different_parties_is_a_conflict():
    a = [statement(1, "The fire was caused by poor maintenance of the cooling system.")]
    b = [statement(2, "The fire was caused by a contractor welding on the roof.")]
    [row] = align_accounts("A", a, "B", b)
    assert row["status"] == "conflict" and "who is to blame" in row["reason"]


def test_marked_text_escapes_everything():
    html = str(marked_text('<script>alert(1)</script> 12 "hurt"', [(26, 28)]))
    assert "<script>" not in html
    assert '<mark class="conflict-mark">12</mark>' in html
