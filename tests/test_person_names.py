"""One party, one source across articles (#13): a surname or given name alone, and a
name with or without its middle initial, reach the one stored person they fit; the
audit lists the short names several people share, cut names and descriptions."""

from __future__ import annotations

import re

import sqlite_utils
from store_helpers import one_claim_document

from claimtrack.ingest.article import ParsedArticle
from claimtrack.store import open_database
from claimtrack.store.articles import save_article
from claimtrack.store.source_audit import audit_sources
from claimtrack.store.source_edits import set_source_kind


def _say(db, body: str, speaker: str, kind: str = "person", mention: str | None = None) -> int:
    """Import an article of one sentence in which `speaker` said something; return the
    id of the source its claim went to."""
    document = one_claim_document(body, speaker, kind, mention)
    article_id = save_article(db, ParsedArticle(body=body, language="en"), document).article_id
    return db.execute(
        "SELECT at.speaker_source_id FROM attributions at"
        " JOIN statements s ON s.id = at.statement_id WHERE s.article_id = ?",
        [article_id],
    ).fetchone()[0]


def _name(db, source_id: int) -> str:
    return db.execute("SELECT name FROM sources WHERE id = ?", [source_id]).fetchone()[0]


def _claims(db, source_id: int) -> int:
    return db.execute(
        "SELECT speaker_claims FROM source_totals WHERE source_id = ?", [source_id]
    ).fetchone()[0]


def test_a_surname_alone_in_another_article_is_the_one_person_with_that_surname(db):
    marta = _say(db, "Marta Velling said the bridge would open in May.", "Marta Velling")
    assert _say(db, "Velling said the bridge was late again.", "Velling") == marta
    assert _say(db, "Mayor Velling said the bridge was safe.", "Mayor Velling") == marta
    assert _name(db, marta) == "Marta Velling" and _claims(db, marta) == 3


def test_a_short_name_stored_first_joins_the_full_name_when_it_arrives(db):
    dorn = _say(db, "Dorn said the tram was full.", "Dorn")
    oskar = _say(db, "Oskar said the tram was cold.", "Oskar")
    assert dorn != oskar
    full = _say(db, "Oskar Dorn said the tram was fine.", "Oskar Dorn")
    names = {r[0] for r in db.execute("SELECT name FROM sources WHERE kind_set_by = 'engine'")}
    assert names == {"Oskar Dorn"}
    assert _claims(db, full) == 3
    # and later articles find him by either name
    assert _say(db, "Dorn said the tram was late.", "Dorn") == full


def test_two_people_with_one_surname_keep_the_surname_apart(db):
    lars = _say(db, "Lars Brakstad said the dam held.", "Lars Brakstad")
    lena = _say(db, "Lena Brakstad said the dam leaked.", "Lena Brakstad")
    alone = _say(db, "Brakstad said the dam was new.", "Brakstad")
    assert len({lars, lena, alone}) == 3
    flagged = {s["name"]: s["reasons"] for s in audit_sources(db)}
    reason = flagged["Brakstad"][0]
    assert reason["code"] == "lone_name"
    assert "Lars Brakstad" in reason["detail"] and "Lena Brakstad" in reason["detail"]


def test_a_middle_initial_makes_no_second_person_unless_two_initials_compete(db):
    pieter = _say(db, "Pieter Oosting said the canal froze.", "Pieter Oosting")
    assert _say(db, "Pieter K. Oosting said the canal thawed.", "Pieter K. Oosting") == pieter
    # two different middle initials: two people, and the name without one is neither
    jw = _say(db, "Harold J. Wemby said the mill closed.", "Harold J. Wemby")
    tr = _say(db, "Harold T. R. Wemby said the mill opened.", "Harold T. R. Wemby")
    plain = _say(db, "Harold Wemby said the mill burned.", "Harold Wemby")
    assert len({jw, tr, plain}) == 3
    reasons = {s["name"]: s["reasons"][0] for s in audit_sources(db)}
    assert reasons["Harold Wemby"]["code"] == "name_variant"
    assert "Harold J. Wemby" in reasons["Harold Wemby"]["detail"]


def test_an_admin_who_kept_a_surname_apart_is_not_overruled(db):
    kelm = _say(db, "Kelm said the ferry was sold.", "Kelm")
    tarrow = _say(db, "Tarrow said the ferry was slow.", "Tarrow")
    set_source_kind(db, kelm, "person")  # the editor looked at it and keeps it
    ida = _say(db, "Ida Kelm said the ferry was old.", "Ida Kelm")
    eli = _say(db, "Eli Tarrow said the ferry was fast.", "Eli Tarrow")
    assert ida != kelm
    assert _say(db, "Kelm said the ferry was painted.", "Kelm") == kelm
    # the surname nobody looked at joined its person
    assert _say(db, "Tarrow said the ferry was new.", "Tarrow") == eli
    assert db.execute("SELECT 1 FROM sources WHERE id = ?", [tarrow]).fetchone() is None


def _source(db: sqlite_utils.Database, name: str, kind_set_by: str = "engine") -> int:
    slug = name.lower().replace(" ", "-").replace(".", "")
    source_id = db.execute(
        "INSERT INTO sources (name, slug, kind, kind_set_by, created_at)"
        " VALUES (?, ?, 'person', ?, 'now')",
        [name, slug, kind_set_by],
    ).lastrowid
    db.execute(
        "INSERT INTO source_aliases (source_id, alias, alias_key) VALUES (?, ?, ?)",
        [source_id, name, name.lower().replace(".", "")],
    )
    return source_id


def test_upgrading_a_database_merges_the_short_names_it_stored_apart(tmp_path):
    path = tmp_path / "old.db"
    db = open_database(path)
    # stored as schema 7 stored them: one source per written form
    tamsin, oake = _source(db, "Tamsin Oake"), _source(db, "Oake")
    rudolf, rudolf_b = _source(db, "Rudolf Feyer"), _source(db, "Rudolf B. Feyer")
    ida, kelm = _source(db, "Ida Kelm"), _source(db, "Kelm", kind_set_by="admin")
    db.execute(
        "INSERT INTO articles (id, language, body, content_hash, imported_at)"
        " VALUES (1, 'en', 'Oake said the road was shut.', 'h1', 'now')"
    )
    db.execute(
        'INSERT INTO statements (id, article_id, idx, paragraph, start, "end", text)'
        " VALUES (1, 1, 0, 0, 0, 28, 'Oake said the road was shut.')"
    )
    db.execute(
        "INSERT INTO attributions (statement_id, speaker_source_id, speaker_name, speaker_kind,"
        " type, confidence) VALUES (1, ?, 'Oake', 'person', 'indirect', 0.8)",
        [oake],
    )
    db.execute("PRAGMA user_version = 7")
    db.conn.commit()
    db.close()

    db = open_database(path)
    left = {r[0] for r in db.execute("SELECT id FROM sources WHERE kind = 'person'")}
    assert tamsin in left and oake not in left
    assert len(left & {rudolf, rudolf_b}) == 1
    assert {ida, kelm} <= left  # the admin's choice stands
    assert db.execute("SELECT speaker_source_id FROM attributions").fetchone()[0] == tamsin
    assert _claims(db, tamsin) == 1
    db.close()


def test_the_audit_flags_cut_names_and_descriptions(db):
    _say(
        db,
        "The Harbour Institute for the Study of Tides said the water rose.",
        "Harbour Institute for the Study",
        kind="organization",
    )
    _say(db, "Onlookers said the bridge shook.", "Onlookers", kind="group")
    _say(db, "Legislation said the toll must rise.", "Legislation", kind="organization")
    _say(db, "The 4th Precinct said the road was clear.", "Precinct", kind="organization")
    centre = "The Centre for Coastal and Marine Research said the dunes moved."
    _say(db, centre, "Marine Research", kind="organization")
    # two places named together are two places, not one cut name
    _say(db, "Ostend and Calais said the ferries would run.", "Ostend", "organization")
    reasons = {s["name"]: s["reasons"][0] for s in audit_sources(db)}
    assert reasons["Legislation"]["code"] == "description"
    assert reasons["Precinct"]["code"] == "cut_name"
    assert "Coastal and Marine Research" in reasons["Marine Research"]["detail"]
    assert "Ostend" not in reasons
    assert reasons["Harbour Institute for the Study"]["code"] == "cut_name"
    assert "Study of Tides" in reasons["Harbour Institute for the Study"]["detail"]
    assert reasons["Onlookers"]["code"] == "description"
    assert reasons["Onlookers"]["action"] == "drop"


def test_a_country_abbreviation_in_front_of_an_institution_makes_no_second_source(db):
    board = _say(
        db, "The Tidewater Board said the port would close.", "Tidewater Board", "organization"
    )
    us_board = "U.S. Tidewater Board said the port was open."
    assert _say(db, us_board, "U.S. Tidewater Board", "organization") == board
    # a state's or another body's name in front is another body: listed, never merged
    canal = _say(db, "The Canal Office said the lock was shut.", "Canal Office", "organization")
    ohio = _say(
        db, "Ohio Canal Office said the lock was open.", "Ohio Canal Office", "organization"
    )
    assert canal != ohio
    reasons = {s["name"]: s["reasons"][0] for s in audit_sources(db)}
    assert reasons["Ohio Canal Office"]["code"] == "near_duplicate"
    # nor when two countries' bodies share the name
    _say(db, "The Weir Council said the river rose.", "Weir Council", "organization")
    uk = _say(db, "U.K. Weir Council said the river fell.", "U.K. Weir Council", "organization")
    us = _say(db, "U.S. Weir Council said the river froze.", "U.S. Weir Council", "organization")
    assert uk != us


def test_the_audit_page_offers_to_merge_a_surname_several_people_share(app, client):
    from claimtrack.app import get_db

    with app.app_context():
        db = get_db()
        _say(db, "Lars Brakstad said the dam held.", "Lars Brakstad")
        _say(db, "Lena Brakstad said the dam leaked.", "Lena Brakstad")
        _say(db, "Brakstad said the dam was new.", "Brakstad")
    login = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
    client.post("/login", data={"token": "test-token", "csrf_token": csrf})
    page = client.get("/sources/audit").get_data(as_text=True)
    assert "a surname or given name alone that several people share" in page
    assert "/sources/merge?drop=brakstad" in page


def test_a_surname_the_engine_labelled_an_organisation_still_reaches_its_person(db):
    greta = _say(db, "Greta Holmqvist said the quarry was closed.", "Greta Holmqvist")
    labelled = _say(db, "Holmqvist said the quarry was flooded.", "Holmqvist", "organization")
    assert labelled == greta
    # a place: the article writes it after "in"
    dale = _say(db, "Dale Farrow said the dyke was high.", "Dale Farrow")
    town = "Farrow said the dyke in Farrow was low."
    assert _say(db, town, "Farrow", "organization") != dale
    # a word in capitals is an acronym, not a surname
    tessa = _say(db, "Tessa Kord said the pier was long.", "Tessa Kord")
    assert _say(db, "KORD said the pier was short.", "KORD", "organization") != tessa
