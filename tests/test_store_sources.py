"""Resolving speaker names to canonical sources, the curated aliases, and merging."""

from __future__ import annotations

import pytest
from store_helpers import relayed_claim_document

from claimtrack.ingest import ParsedArticle
from claimtrack.store.articles import save_article
from claimtrack.store.sources import (
    alias_key,
    merge_sources,
    resolve_source,
    seed_curated_sources,
    untitled_key,
)


def source(db, source_id):
    return db["sources"].get(source_id)


@pytest.mark.parametrize(
    "name, key",
    [
        ("het Witte Huis", "witte huis"),
        ("The White House", "white house"),
        ("Oekraïne", "oekraine"),
        ("U.S. State Department", "us state department"),
        ("  De  NAVO ", "navo"),
        ("De", "de"),
    ],
)
def test_alias_key_normalises(name, key):
    assert alias_key(name) == key


def test_dutch_and_english_names_reach_the_same_curated_source(db):
    white_house = resolve_source(db, "het Witte Huis", "organization", "nl")
    assert resolve_source(db, "the White House", "organization", "en") == white_house
    assert source(db, white_house)["wikidata_id"] == "Q35525"
    putin = resolve_source(db, "Poetin", "person", "nl")
    assert resolve_source(db, "Vladimir Putin", "person", "en") == putin
    assert source(db, putin)["kind"] == "person"
    kremlin = resolve_source(db, "Kremlin", "organization", "en")
    assert source(db, putin)["affiliation_id"] == kremlin
    assert resolve_source(db, "de NAVO", "organization", "nl") == resolve_source(db, "NATO")


def test_new_names_get_a_source_with_a_unique_slug(db):
    first = resolve_source(db, "Ilse Varn", "person", "en")
    # case is ignored in matching ("ilse varn" in lower case reads as a description, #13)
    assert resolve_source(db, "ILSE VARN") == first
    assert source(db, first)["slug"] == "ilse-varn"
    # a source that already has the slug but not the alias (e.g. renamed by an editor)
    db.execute("UPDATE sources SET name = 'I. Varn' WHERE id = ?", [first])
    db.execute("DELETE FROM source_aliases WHERE source_id = ?", [first])
    second = resolve_source(db, "Ilse Varn", "person", "en")
    assert second != first
    assert source(db, second)["slug"] == "ilse-varn-2"


@pytest.mark.parametrize(
    "name, curated",
    [
        ("Mr. Obama", "Barack Obama"),
        ("former President Obama", "Barack Obama"),
        ("premier Rutte", "Mark Rutte"),
        ("oud-premier Rutte", "Mark Rutte"),
        ("Sen. Hillary Clinton", "Hillary Clinton"),
        ("Democrat Hillary Clinton", "Hillary Clinton"),
    ],
)
def test_titles_before_a_name_do_not_make_a_new_source(db, name, curated):
    assert resolve_source(db, name, "person") == resolve_source(db, curated)


def test_a_titled_new_name_and_the_bare_name_are_one_source(db):
    first = resolve_source(db, "Sen. Lindsey Graham", "person", "en")
    assert resolve_source(db, "Lindsey Graham", "person", "en") == first
    # the title is no part of the name a source is shown under (#13)
    assert source(db, first)["name"] == "Lindsey Graham"
    assert resolve_source(db, "Mayor Jan de Wit") != first


def test_a_lone_surname_after_a_title_is_not_claimed(db):
    clarke = resolve_source(db, "Mr. Clarke", "person", "en")
    assert resolve_source(db, "Clarke", "person", "en") != clarke


def test_titles_alone_are_not_stripped_to_another_title(db):
    assert alias_key("Prime Minister") == untitled_key("prime minister")
    # a title without a name names nobody in particular: no source at all (#13)
    assert resolve_source(db, "the minister", "person") is None
    assert resolve_source(db, "Prime Minister", "person") is None


def test_unknown_speaker_has_no_source(db):
    assert resolve_source(db, "unknown", "unknown") is None
    assert resolve_source(db, "") is None


def test_kind_is_learned_when_it_was_unknown(db):
    sid = resolve_source(db, "Marta Oskel")
    assert source(db, sid)["kind"] == "unknown"
    resolve_source(db, "Marta Oskel", "person")
    assert source(db, sid)["kind"] == "person"


def test_seeding_is_idempotent(db):
    seed_curated_sources(db)
    before = (db["sources"].count, db["source_aliases"].count)
    assert seed_curated_sources(db) == 0
    assert (db["sources"].count, db["source_aliases"].count) == before


def test_merge_moves_aliases_attributions_and_via_then_deletes(db):
    body = "De havenmeester zegt dat het rustig is."
    save_article(
        db,
        ParsedArticle(body=body, language="nl"),
        relayed_claim_document(body, "Havenmeester Jansen", "Kustwacht Velde"),
    )
    body2 = "Jansen zegt dat het druk is."
    save_article(
        db,
        ParsedArticle(body=body2, language="nl"),
        relayed_claim_document(body2, "P. Jansen", "Velde Kustwacht"),
    )
    keep = resolve_source(db, "Havenmeester Jansen")
    drop = resolve_source(db, "P. Jansen")
    keep_via, drop_via = (
        resolve_source(db, "Kustwacht Velde"),
        resolve_source(db, "Velde Kustwacht"),
    )
    db.execute("INSERT INTO events (title, created_at) VALUES ('Staking', 'now')")
    db.execute("INSERT INTO event_participants (event_id, source_id) VALUES (1, ?)", [drop])
    db.execute("INSERT INTO event_participants (event_id, source_id) VALUES (1, ?)", [keep])

    moved = merge_sources(db, keep, drop)
    assert moved["attributions"] == 1
    assert resolve_source(db, "P. Jansen") == keep
    assert db["sources"].count_where("id = ?", [drop]) == 0
    speakers = {r[0] for r in db.execute("SELECT speaker_source_id FROM attributions")}
    assert speakers == {keep}
    assert [r[0] for r in db.execute("SELECT source_id FROM event_participants")] == [keep]

    merge_sources(db, keep_via, drop_via)
    assert {r[0] for r in db.execute("SELECT source_id FROM attribution_via")} == {keep_via}


def test_merging_a_curated_source_away_does_not_bring_it_back(db):
    mine = resolve_source(db, "Witte Huis in Washington", "organization", "nl")
    curated = resolve_source(db, "White House")
    merge_sources(db, mine, curated)
    assert seed_curated_sources(db) == 0
    assert resolve_source(db, "het Witte Huis") == mine
    assert source(db, mine)["wikidata_id"] == "Q35525"


def test_merge_refuses_bad_ids(db):
    sid = resolve_source(db, "Ilse Varn")
    with pytest.raises(ValueError):
        merge_sources(db, sid, sid)
    with pytest.raises(LookupError):
        merge_sources(db, sid, 99999)
