"""Acceptance: the real White House and Kremlin readouts (and the Dutch seed article),
imported through the importer, compared side by side."""

import pytest
from conftest import shared_path

from claimtrack.compare import compare_event
from claimtrack.compare.event_suggestions import accept_suggestion
from claimtrack.importer import import_paths
from claimtrack.store.event_suggestions import list_suggestions
from claimtrack.store.events import add_articles, create_event

READOUTS = ("corpus", "readouts")


def import_files(db, *paths):
    outcomes = list(import_paths(db, [str(p) for p in paths]))
    assert [o.status for o in outcomes] == ["imported"] * len(paths)
    return [o.article_id for o in outcomes]


def rows_holding(comparison, side, prefix):
    return [r for r in comparison["rows"] if any(s["text"].startswith(prefix) for s in r[side])]


def shared(comparison, prefix_a, prefix_b):
    """Rows holding both a White House statement and a Kremlin statement with these prefixes."""
    return [
        r
        for r in rows_holding(comparison, "a", prefix_a)
        if any(s["text"].startswith(prefix_b) for s in r["b"])
    ]


@pytest.fixture
def april(db):
    wh, kremlin = import_files(
        db,
        shared_path(*READOUTS, "wh_readout_2021-04-13.txt"),
        shared_path(*READOUTS, "kremlin_readout_2021-04-13.txt"),
    )
    event_id = create_event(db, "Biden-Putin call", "2021-04-13", article_ids=[wh, kremlin])
    return db, event_id


def test_april_readouts_share_the_rows_both_sides_report(april):
    db, event_id = april
    comparison = compare_event(db, event_id, "White House", "Kremlin")
    assert comparison["sides"] == ["White House", "Kremlin"]
    # the summit proposal
    assert shared(
        comparison, "President Biden reaffirmed his goal", "In this context, the US President"
    )
    # the strategic stability / arms control dialogue
    assert shared(comparison, "They discussed a number of regional", "In addition, Joseph Biden")
    # the stable and predictable relationship
    assert shared(comparison, "President Biden reaffirmed his goal", "In addition, Joseph Biden")
    # Ukraine, where the framings clash
    ukraine = shared(comparison, "The President voiced our concerns", "When exchanging views")
    assert ukraine and ukraine[0]["status"] == "conflict"
    assert "internal Ukrainian crisis" in ukraine[0]["reason"]


def test_april_one_sided_topics(april):
    db, event_id = april
    comparison = compare_event(db, event_id, "White House", "Kremlin")
    cyber = rows_holding(comparison, "a", "President Biden also made clear")
    assert cyber and all(r["status"] == "only_a" for r in cyber)
    climate = rows_holding(comparison, "b", "Joseph Biden confirmed the previously transmitted")
    assert climate and all(r["status"] == "only_b" for r in climate)
    # the opening sentences meet; the Kremlin's "initiated by the United States" is in that one row
    [opening] = rows_holding(comparison, "b", "On Tuesday, telephone conversation")
    assert any(s["text"].startswith("President Joseph R. Biden, Jr. spoke") for s in opening["a"])


def test_the_dutch_seed_joins_both_accounts_aligned_with_the_english_rows(april):
    db, event_id = april
    [seed] = import_files(db, shared_path("corpus", "seed", "nrc-2021-04-biden-poetin.txt"))
    add_articles(db, event_id, [seed])
    comparison = compare_event(db, event_id, "White House", "Kremlin")

    white_house_says = "Hij benadrukte dat de Verenigde Staten"
    ukraine = shared(comparison, "President Biden emphasized", "When exchanging views")
    assert ukraine and any(s["text"].startswith(white_house_says) for s in ukraine[0]["a"])
    assert not rows_holding(comparison, "b", white_house_says)

    initiative = shared(comparison, "", "Het gesprek zou op Bidens initiatief") or rows_holding(
        comparison, "b", "Het gesprek zou op Bidens initiatief"
    )
    assert any(
        s["text"].startswith("On Tuesday, telephone conversation")
        for r in initiative
        for s in r["b"]
    )
    assert shared(
        comparison, "President Biden reaffirmed his goal", "Het Kremlin bevestigt dat Biden"
    )
    banden = rows_holding(comparison, "b", "De Amerikaanse president zou hebben gezegd")
    assert any(s["text"].startswith("In addition, Joseph Biden") for r in banden for s in r["b"])
    assert any(r["a"] for r in banden)  # arms control / relationship rows the White House shares


def test_importing_the_april_texts_proposes_one_event(db):
    import_files(
        db,
        shared_path(*READOUTS, "wh_readout_2021-04-13.txt"),
        shared_path(*READOUTS, "kremlin_readout_2021-04-13.txt"),
        shared_path("corpus", "seed", "nrc-2021-04-biden-poetin.txt"),
    )
    [suggestion] = list_suggestions(db)
    assert len(suggestion["article_ids"]) == 3
    event_id = accept_suggestion(db, suggestion["id"])
    comparison = compare_event(db, event_id, "Witte Huis", "Kremlin")
    assert comparison["event"]["date"] == "2021-04-13"
    assert {r["status"] for r in comparison["rows"]} >= {"both", "only_a", "only_b", "conflict"}


def test_july_readouts_align_syria_and_cyber(db):
    wh, kremlin = import_files(
        db,
        shared_path(*READOUTS, "wh_readout_2021-07-09.txt"),
        shared_path(*READOUTS, "kremlin_readout_2021-07-09.txt"),
    )
    event_id = create_event(db, "July call", "2021-07-09", article_ids=[wh, kremlin])
    comparison = compare_event(db, event_id, "White House", "Kremlin")
    assert shared(comparison, "The leaders commended", "The presidents also reviewed the situation")
    cyber = shared(
        comparison,
        "President Biden also spoke with President Putin about",
        "In the context of recent reports",
    )
    assert cyber and cyber[0]["status"] == "conflict"  # "ostensibly" made from Russian territory
    condolences = rows_holding(comparison, "b", "Vladimir Putin expressed his sincere condolences")
    assert condolences and all(r["status"] == "only_b" for r in condolences)


def test_december_video_call_readouts_conflict_over_ukraine(db):
    wh, kremlin = import_files(
        db,
        shared_path(*READOUTS, "wh_readout_2021-12-07_videocall.txt"),
        shared_path(*READOUTS, "kremlin_readout_2021-12-07_videoconf_PARTIAL.txt"),
    )
    event_id = create_event(db, "Video call", "2021-12-07", article_ids=[wh, kremlin])
    comparison = compare_event(db, event_id, "White House", "Kremlin")
    troops = shared(comparison, "President Biden voiced the deep concerns", "Joseph Biden, in turn")
    assert troops and any(r["status"] == "conflict" for r in troops)
    strategic = rows_holding(
        comparison, "a", "The presidents also discussed the U.S.-Russia dialogue"
    )
    assert len(strategic) == 1  # in one row only
