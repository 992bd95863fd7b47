"""Only parties become sources (#13): junk speakers refused, the upgrade that re-resolves
stored mentions, the audit of suspect sources, and source kinds that an admin fixes."""

from __future__ import annotations

import json
import sqlite3

import pytest
from store_helpers import one_claim_document

from claimtrack.engine.document import Document
from claimtrack.ingest.article import ParsedArticle
from claimtrack.store import open_database, totals
from claimtrack.store.articles import save_article
from claimtrack.store.schema import MIGRATIONS, sql_statements
from claimtrack.store.source_audit import audit_sources, drop_source
from claimtrack.store.source_edits import set_source_kind
from claimtrack.store.sources import ensure_curated_sources, resolve_source, resolve_speaker
from claimtrack.store.speaker_names import unresolved_reason

# names a parse may hand over as a speaker, written for these tests
JUNK = {
    "en": [
        ("10", "number"),
        ("1,200 ferry tickets", "number"),
        ("2019", "date"),
        ("Tuesday", "date"),
        ("March 4", "date"),
        ("Thanks", "interjection"),
        ("Q", "interjection"),
        ("OK", "interjection"),
        ("Q Thank", "interjection"),
        ("MODERATOR", "interjection"),
        ('< tweet id="88"', "markup"),
        ("https://example.org/x", "markup"),
        ("you", "pronoun"),
        ("They", "pronoun"),
        ("HARBOUR STAYS SHUT", "headline"),
        ("US President", "role"),
        ("SENIOR ADMINISTRATION OFFICIAL", "role"),
        ("the spokesman", "role"),
        ("analysis", "description"),
        ("harbour officials", "description"),
        ("Jr.", "fragment"),
        ("Calif.", "fragment"),
    ],
    "nl": [
        ("12", "number"),
        ("2020", "date"),
        ("maandag", "date"),
        ("3 januari", "date"),
        ("Dank", "interjection"),
        ("Ja", "interjection"),
        ("hij", "pronoun"),
        ("Ze", "pronoun"),
        ("de Amerikaanse president", "role"),
        ("minister van Havenzaken", "role"),
        ("deskundigen", "description"),
        ("<b>", "markup"),
    ],
}
NAMES = {
    "en": ["Ilse Varn", "Kalvik Port Authority", "NATO", "Theresa Mayfield", "the police"],
    "nl": ["Joost Kamp", "het Havenbedrijf", "de politie", "Rijkswaterstaat"],
}


@pytest.mark.parametrize(
    "language, name, reason", [(lang, n, r) for lang, pairs in JUNK.items() for n, r in pairs]
)
def test_a_name_that_names_no_party_never_becomes_a_source(db, language, name, reason):
    ensure_curated_sources(db)
    before = db["sources"].count
    assert resolve_speaker(db, name, "person", language).unresolved == reason
    assert resolve_source(db, name, "person", language) is None
    assert db["sources"].count == before


@pytest.mark.parametrize("language, name", [(lang, n) for lang, ns in NAMES.items() for n in ns])
def test_names_still_become_sources(db, language, name):
    assert unresolved_reason(name, language) is None
    assert resolve_source(db, name, "organization", language) is not None


def test_a_description_never_joins_a_source_with_the_same_letters(db):
    findings = resolve_source(db, "Findings", "organization", "en")
    assert findings is not None
    assert resolve_speaker(db, "the findings", "organization", "en").unresolved == "description"
    assert resolve_source(db, "FINDINGS", "organization", "en") == findings


def test_a_common_word_opening_a_sentence_is_no_name_unless_the_article_capitalises_it():
    body = "Research shows the ferry is safe. The Varn family disagrees."
    assert unresolved_reason("Research", "en", starts_sentence=True, body=body) == "description"
    assert unresolved_reason("Research", "en", starts_sentence=False, body=body) is None
    named = "Warden Joost Bakker spoke. Bakker said the dock was safe."
    assert unresolved_reason("Bakker", "en", starts_sentence=True, body=named) is None


def test_titles_and_origin_words_lead_to_the_named_person(db):
    putin = resolve_source(db, "Vladimir Putin", "person", "en")
    assert resolve_source(db, "Russian President Vladimir Putin", "person", "en") == putin
    assert resolve_source(db, "U.S. Vice President Joe Biden", "person", "en") == resolve_source(
        db, "Joe Biden"
    )
    # a clause word the parse left in front of the name goes
    varn = resolve_source(db, "Ilse Varn", "person", "en")
    assert resolve_source(db, "While Ilse Varn", "person", "en") == varn
    assert resolve_source(db, "Terwijl Ilse Varn", "person", "nl") == varn
    new = resolve_source(db, "Norvanian Mayor Anna Holt", "person", "en")
    assert db["sources"].get(new)["name"] == "Anna Holt"
    assert resolve_source(db, "Anna Holt", "person", "en") == new


def _statement_with(body: str, speaker: str, kind: str = "person") -> Document:
    return one_claim_document(body, speaker, kind)


def test_an_imported_junk_speaker_is_kept_as_an_unresolved_speaker_and_the_page_says_so(
    app, client
):
    from claimtrack.app import get_db

    body = "Thanks, she said the ferry would sail."
    with app.app_context():
        db = get_db()
        article_id = save_article(
            db, ParsedArticle(body=body, language="en"), _statement_with(body, "Thanks")
        ).article_id
        row = db.execute(
            "SELECT speaker_source_id, speaker_name, unresolved FROM attributions"
        ).fetchone()
        statement_id = db.execute("SELECT id FROM statements").fetchone()[0]
    assert row == (None, "Thanks", "interjection")
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "? unresolved speaker" in page
    assert "unresolved speaker: an interjection or transcript label, no source" in page
    statement = client.get(f"/statements/{statement_id}").get_data(as_text=True)
    assert "Unresolved speaker" in statement
    api = client.get(f"/api/v1/articles/{article_id}").get_json()
    speaker = api["statements"][0]["attributions"][0]["speaker"]
    assert speaker["unresolved"] == "interjection" and speaker["source_id"] is None


def _version_5_database(path) -> None:
    """A database as claimtrack stored it before #13: junk speakers are sources."""
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        for statement in sql_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    rows = [
        # (article id, publisher, body)
        (1, "White House", "The leaders spoke about the ferry. Thanks said it was late."),
        (2, "Havenblad", "The ferry was late. Ilse Varn said so. 10 said it twice."),
    ]
    for article_id, publisher, body in rows:
        conn.execute(
            "INSERT INTO articles (id, publisher, language, body, content_hash, imported_at)"
            " VALUES (?, ?, 'en', ?, ?, 'now')",
            [article_id, publisher, body, f"hash{article_id}"],
        )
    sentences = [
        (1, 1, 0, "The leaders spoke about the ferry."),
        (2, 1, 1, "Thanks said it was late."),
        (3, 2, 0, "The ferry was late."),
        (4, 2, 1, "Ilse Varn said so."),
        (5, 2, 2, "10 said it twice."),
    ]
    for sid, aid, idx, text in sentences:
        body = {r[0]: r[2] for r in rows}[aid]
        start = body.index(text)
        conn.execute(
            'INSERT INTO statements (id, article_id, idx, paragraph, start, "end", text)'
            " VALUES (?, ?, ?, 0, ?, ?, ?)",
            [sid, aid, idx, start, start + len(text), text],
        )
    for sid, name, slug, kind in [
        (1, "Thanks", "thanks", "person"),
        (2, "Ilse Varn", "ilse-varn", "person"),
        (3, "10", "10", "person"),
        (4, "Russian President Ilse Varn", "russian-president-ilse-varn", "person"),
    ]:
        conn.execute(
            "INSERT INTO sources (id, name, slug, kind, created_at) VALUES (?, ?, ?, ?, 'now')",
            [sid, name, slug, kind],
        )
        conn.execute(
            "INSERT INTO source_aliases (source_id, alias, alias_key) VALUES (?, ?, lower(?))",
            [sid, name, name],
        )
    for aid, sid, source, name in [(1, 2, 1, "Thanks"), (2, 4, 2, "Ilse Varn"), (3, 5, 3, "10")]:
        conn.execute(
            "INSERT INTO attributions (id, statement_id, speaker_source_id, speaker_name,"
            " speaker_kind, type, confidence) VALUES (?, ?, ?, ?, 'person', 'indirect', 0.8)",
            [aid, sid, source, name],
        )
    conn.execute(
        "INSERT INTO attributions (id, statement_id, speaker_source_id, speaker_name,"
        " speaker_kind, type, confidence)"
        " VALUES (4, 4, 4, 'Russian President Ilse Varn', 'person', 'indirect', 0.8)"
    )
    conn.commit()
    conn.close()


def test_upgrading_a_database_re_resolves_its_stored_mentions(tmp_path):
    path = tmp_path / "old.db"
    _version_5_database(path)
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    speakers = db.execute(
        "SELECT speaker_name, speaker_source_id, unresolved, type FROM attributions ORDER BY id"
    ).fetchall()
    varn = db.execute("SELECT id FROM sources WHERE name = 'Ilse Varn'").fetchone()[0]
    white_house = db.execute("SELECT id FROM sources WHERE slug = 'white-house'").fetchone()[0]
    assert speakers == [
        ("Thanks", None, "interjection", "indirect"),
        ("Ilse Varn", varn, None, "indirect"),
        ("10", None, "number", "indirect"),
        ("Russian President Ilse Varn", varn, None, "indirect"),  # merged into her
        ("White House", white_house, None, "publisher"),  # the readout's own sentence
    ]
    names = {r[0] for r in db.execute("SELECT name FROM sources")}
    assert not names & {"Thanks", "10", "Russian President Ilse Varn"}
    assert db.execute("SELECT id, kind FROM articles ORDER BY id").fetchall() == [
        (1, "statement"),
        (2, "report"),
    ]
    assert totals.recount(db) == totals.stored(db)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    # opened again: nothing more to do, nothing changes
    again = open_database(path)
    assert (
        again.execute(
            "SELECT speaker_name, speaker_source_id, unresolved, type FROM attributions ORDER BY id"
        ).fetchall()
        == speakers
    )
    again.close()


def test_the_audit_lists_suspect_sources_with_their_reason(db, cli_runner, db_path):
    # stored as they were before #13: straight into the tables
    for name, slug in [
        ("Thanks", "thanks"),
        ("Sen. Ilse Varn", "sen-ilse-varn"),
        ("Ilse Varn", "ilse-varn"),
        ("Havenmeester Joost Kamp", "havenmeester-joost-kamp"),
        ("Joost Kamp", "joost-kamp"),
    ]:
        db.execute(
            "INSERT INTO sources (name, slug, kind, created_at) VALUES (?, ?, 'person', 'now')",
            [name, slug],
        )
    found = {s["slug"]: s["reasons"][0] for s in audit_sources(db)}
    assert found["thanks"]["code"] == "junk_name"
    assert found["thanks"]["action"] == "drop"
    assert found["sen-ilse-varn"]["code"] == "title_in_name"
    assert found["sen-ilse-varn"]["target"]["slug"] == "ilse-varn"
    assert found["havenmeester-joost-kamp"]["code"] == "near_duplicate"
    assert found["havenmeester-joost-kamp"]["target"]["slug"] == "joost-kamp"
    assert "ilse-varn" not in found and "joost-kamp" not in found

    result = cli_runner("sources", "audit", "--json")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {line["slug"] for line in lines} == set(found)
    text = cli_runner("sources", "audit").output
    assert "thanks\tThanks\t0 claims\tjunk_name: an interjection or transcript label" in text

    thanks = db.execute("SELECT id FROM sources WHERE slug = 'thanks'").fetchone()[0]
    drop_source(db, thanks)
    assert "thanks" not in {s["slug"] for s in audit_sources(db)}


def _import(db, body: str, speaker: str, kind: str) -> None:
    save_article(db, ParsedArticle(body=body, language="en"), _statement_with(body, speaker, kind))


def test_kinds_follow_the_entity_labels_but_an_admin_correction_sticks(db):
    _import(db, "Kalvik said the port was closed.", "Kalvik", "person")
    _import(db, "Holt said the port was open.", "Holt", "person")
    kalvik = resolve_source(db, "Kalvik")
    holt = resolve_source(db, "Holt")
    set_source_kind(db, kalvik, "organization")  # the editor knows better
    for n in range(3):
        _import(db, f"Kalvik said the port was closed {n} times.", "Kalvik", "person")
        _import(db, f"Holt said the port was open {n} times.", "Holt", "group")
    assert db["sources"].get(kalvik)["kind"] == "organization"
    # an uncorrected source follows what the labels mostly say
    assert db["sources"].get(holt)["kind"] == "group"
    # and a curated source keeps its curated kind
    _import(db, "Joe Biden said the port was open.", "Joe Biden", "group")
    _import(db, "Joe Biden said the port was shut.", "Joe Biden", "group")
    assert db["sources"].get(resolve_source(db, "Joe Biden"))["kind"] == "person"


def test_the_admin_audit_page_lists_suspects_and_drops_one(app, client):
    import re

    from claimtrack.app import get_db

    body = "Kalvik said the ferry was late."
    with app.app_context():
        db = get_db()
        save_article(db, ParsedArticle(body=body, language="en"), _statement_with(body, "Kalvik"))
        # a junk source stored before #13
        db.execute(
            "INSERT INTO sources (name, slug, kind, created_at) VALUES ('Thanks', 'thanks',"
            " 'person', 'now')"
        )
        db.execute(
            "UPDATE attributions SET speaker_source_id = (SELECT id FROM sources"
            " WHERE slug = 'thanks'), speaker_name = 'Thanks'"
        )

    def csrf(path):
        html = client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    assert client.get("/sources/audit").status_code == 302  # admins only
    client.post("/login", data={"token": "test-token", "csrf_token": csrf("/login")})
    page = client.get("/sources/audit").get_data(as_text=True)
    assert "the name names no party: <bdi>an interjection or transcript label</bdi>" in page
    response = client.post("/sources/thanks/drop", data={"csrf_token": csrf("/sources/audit")})
    assert response.status_code == 302
    assert client.get("/sources/thanks").status_code == 404
    with app.app_context():
        row = get_db().execute("SELECT speaker_source_id, unresolved FROM attributions").fetchone()
        assert row == (None, "dropped")
        assert totals.recount(get_db()) == totals.stored(get_db())
