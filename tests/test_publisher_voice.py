"""A publisher that is a party speaks in its own text (#13): statement and report articles."""

from __future__ import annotations

import json
import re

import pytest

from claimtrack.engine.document import Attribution, Document, SourceRef, Statement, TextSpan
from claimtrack.ingest import parse_bytes
from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.store import totals
from claimtrack.store.articles import save_article
from claimtrack.store.events import create_event, event_source_names, event_statements
from claimtrack.store.publisher_voice import set_article_kind
from claimtrack.store.reads.search import search_facets

# a readout and a newspaper report, written for these tests
READOUT = [
    "The two leaders discussed the reopening of the Kalvik ferry line.",
    "They agreed to keep their teams in contact.",
    "Minister Ilse Varn said the talks were useful.",
]
REPORT = [
    "The ferry line between the two ports stayed closed on Monday.",
    "Harbour master Joost Kamp said the harbour was quiet.",
]


def _document(sentences: list[str], language: str = "en") -> tuple[str, Document]:
    """One paragraph per sentence; a sentence with "said" gets an attribution to the name
    before it (so the test does not depend on the engine)."""
    body = "\n\n".join(sentences)
    statements, at = [], 0
    for index, text in enumerate(sentences):
        start = body.index(text, at)
        at = start + len(text)
        attributions = []
        if " said " in text:
            name = re.search(r"((?:[A-Z]\w+ )+)said", text).group(1).strip()
            name_start = start + text.index(name)
            cue_start = start + text.index("said")
            attributions.append(
                Attribution(
                    SourceRef(name, "person", name, name_start, name_start + len(name)),
                    "indirect",
                    TextSpan("said", cue_start, cue_start + 4),
                    confidence=0.8,
                )
            )
        statements.append(Statement(index, index, start, at, text, attributions))
    return body, Document(language=language, statements=statements)


def _save(db, sentences, publisher, kind=None, language="en"):
    body, document = _document(sentences, language)
    parsed = ParsedArticle(body=body, publisher=publisher, language=language, kind=kind)
    return save_article(db, parsed, document).article_id


def _claims(db, article_id):
    return db.execute(
        "SELECT s.text, at.type, src.name FROM statements s"
        " LEFT JOIN attributions at ON at.statement_id = s.id"
        " LEFT JOIN sources src ON src.id = at.speaker_source_id"
        " WHERE s.article_id = ? ORDER BY s.idx",
        [article_id],
    ).fetchall()


def test_a_readouts_own_narration_is_credited_to_its_publisher(db):
    article_id = _save(db, READOUT, "White House")
    assert db.execute("SELECT kind FROM articles WHERE id = ?", [article_id]).fetchone() == (
        "statement",
    )
    assert _claims(db, article_id) == [
        (READOUT[0], "publisher", "White House"),
        (READOUT[1], "publisher", "White House"),
        (READOUT[2], "indirect", "Ilse Varn"),  # attributed to someone else: stays hers
    ]
    assert totals.recount(db) == totals.stored(db)


def test_a_transcript_question_and_a_separator_are_not_the_publishers_words(db):
    sentences = [
        "The leaders spoke for an hour.",
        "* * *",
        "Q Thanks for taking my question.",
        "Will the ferry line reopen?",
        "OFFICIAL: We expect it to reopen in May.",
        "That is our aim.",
    ]
    article_id = _save(db, sentences, "White House")
    credited = [text for text, kind, _ in _claims(db, article_id) if kind == "publisher"]
    assert credited == [sentences[0], sentences[4], sentences[5]]


def test_a_dutch_publisher_name_reaches_the_same_party(db):
    article_id = _save(db, ["De leiders spraken over de veerdienst."], "het Witte Huis", None, "nl")
    assert _claims(db, article_id) == [
        ("De leiders spraken over de veerdienst.", "publisher", "White House")
    ]


def test_a_newspapers_narration_stays_narration(db):
    article_id = _save(db, REPORT, "Havenblad")
    assert db.execute("SELECT kind FROM articles WHERE id = ?", [article_id]).fetchone() == (
        "report",
    )
    assert _claims(db, article_id) == [
        (REPORT[0], None, None),
        (REPORT[1], "indirect", "Joost Kamp"),
    ]
    # a news agency publishes reports too
    agency = _save(db, ["Ferries stayed in port."], "Reuters")
    assert _claims(db, agency) == [("Ferries stayed in port.", None, None)]


def test_an_explicit_kind_wins_over_the_publisher(db):
    report = _save(db, ["The leaders met in Geneva."], "White House", kind="report")
    assert _claims(db, report) == [("The leaders met in Geneva.", None, None)]
    statement = _save(db, ["We reopen the ferry line today."], "Havenbedrijf Kalvik", "statement")
    assert _claims(db, statement) == [
        ("We reopen the ferry line today.", "publisher", "Havenbedrijf Kalvik")
    ]


def test_the_kind_is_read_from_a_header_line_and_a_json_field():
    text = "# publisher: Havenbedrijf Kalvik\n# kind: statement\n\nWe reopen the line.\n"
    assert parse_bytes(text.encode(), "a.txt").kind == "statement"
    assert parse_bytes(b"# kind: auto\n\nWe reopen the line.\n", "b.txt").kind is None
    with pytest.raises(ArticleRejected, match="kind"):
        parse_bytes(b"# kind: rumour\n\nWe reopen the line.\n", "c.txt")
    data = {"title": "Ferry", "body": "We reopen the line.", "kind": "report"}
    assert parse_bytes(json.dumps(data).encode(), "d.json").kind == "report"
    with pytest.raises(ArticleRejected, match="kind"):
        parse_bytes(json.dumps(data | {"kind": "opinion"}).encode(), "e.json")


def test_import_takes_kind_from_the_option_the_header_and_the_json(cli_runner, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_plain.txt").write_text(
        "# publisher: Havenbedrijf Kalvik\n\nThe ferry line reopens on Monday.\n"
    )
    (folder / "b_header.txt").write_text(
        "# publisher: White House\n# kind: report\n\nThe ferry line reopens on Tuesday.\n"
    )
    (folder / "c.json").write_text(
        json.dumps(
            {
                "title": "Ferry",
                "body": "The ferry line reopens on Wednesday.",
                "publisher": "Havenblad",
                "kind": "statement",
            }
        )
    )
    result = cli_runner("import", "--kind", "statement", "--quiet", str(folder))
    assert result.exit_code == 0, result.output
    from claimtrack.store import open_database

    db = open_database(db_path)
    kinds = db.execute(
        "SELECT a.source_path, a.kind, a.kind_set_by,"
        " (SELECT count(*) FROM attributions at JOIN statements s ON s.id = at.statement_id"
        "  WHERE s.article_id = a.id AND at.type = 'publisher') FROM articles a ORDER BY 1"
    ).fetchall()
    db.close()
    assert [(path.rsplit("/", 1)[-1], k, by, n > 0) for path, k, by, n in kinds] == [
        ("a_plain.txt", "statement", "import", True),  # --kind for a file that says nothing
        ("b_header.txt", "report", "import", False),  # its header wins over --kind
        ("c.json", "statement", "import", True),
    ]


def test_changing_the_kind_credits_and_uncredits_the_sentences(db):
    article_id = _save(db, READOUT, "White House")
    assert set_article_kind(db, article_id, "report") == {
        "kind": "report",
        "credited": 0,
        "uncredited": 2,
    }
    assert [c[1] for c in _claims(db, article_id)] == [None, None, "indirect"]
    assert db.execute("SELECT kind_set_by FROM articles WHERE id = ?", [article_id]).fetchone() == (
        "admin",
    )
    assert set_article_kind(db, article_id, "statement")["credited"] == 2
    assert [c[1] for c in _claims(db, article_id)] == ["publisher", "publisher", "indirect"]
    assert totals.recount(db) == totals.stored(db)


def _admin(client):
    def csrf(path):
        html = client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    client.post("/login", data={"token": "test-token", "csrf_token": csrf("/login")})
    return csrf


def test_admin_edits_the_kind_on_the_article_page_and_the_api(app, client):
    from claimtrack.app import get_db

    with app.app_context():
        article_id = _save(get_db(), READOUT, "White House")
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "A <strong>statement</strong>" in page and "White House (own words)" in page
    csrf = _admin(client)
    token = csrf(f"/articles/{article_id}")
    response = client.post(
        f"/articles/{article_id}/kind", data={"kind": "report", "csrf_token": token}
    )
    assert response.status_code == 302
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "A <strong>report</strong>" in page and "White House (own words)" not in page
    assert "/sources/white-house" not in page

    api = client.post(
        f"/api/v1/articles/{article_id}/kind",
        json={"kind": "statement"},
        headers={"Authorization": "Bearer test-token"},
    )
    assert api.status_code == 200
    body = api.get_json()
    assert body["kind"] == "statement"
    first = body["statements"][0]["attributions"][0]
    assert first["type"] == "publisher" and first["speaker"]["name"] == "White House"
    assert (
        client.post(
            f"/api/v1/articles/{article_id}/kind",
            json={"kind": "rumour"},
            headers={"Authorization": "Bearer test-token"},
        ).status_code
        == 422
    )


def test_source_page_csv_and_search_show_the_publishers_own_words(app, client):
    from claimtrack.app import get_db

    with app.app_context():
        _save(get_db(), READOUT, "White House")
    page = client.get("/sources/white-house").get_data(as_text=True)
    assert READOUT[0] in page and READOUT[1] in page and READOUT[2] not in page
    assert client.get("/sources/white-house?type=publisher").status_code == 200
    csv_text = client.get("/sources/white-house.csv").get_data(as_text=True)
    assert csv_text.count(",publisher,") >= 2 or csv_text.count("publisher") >= 2
    statements = client.get("/api/v1/statements?source=White%20House&type=publisher").get_json()
    assert {s["text"] for s in statements["items"]} == {READOUT[0], READOUT[1]}
    with app.app_context():
        facets = search_facets(get_db(), "leaders")
    assert {"value": "white-house", "label": "White House", "count": 1} in facets["source"]


def test_compare_counts_the_publishers_own_words_once(db):
    article_id = _save(db, READOUT, "White House")
    event_id = create_event(db, "Ferry talks", article_ids=[article_id])
    names = event_source_names(event_statements(db, event_id))
    # the publisher and the speaker of its own words are one party, counted once per statement
    assert names == {"White House": ("publisher", 3), "Minister Ilse Varn": ("speaker", 1)}
