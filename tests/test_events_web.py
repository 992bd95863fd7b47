"""The comparison page and the suggestions page."""

import re

from test_events import store_article

from claimtrack.compare.event_suggestions import suggest_events
from claimtrack.store import open_database
from claimtrack.store.event_suggestions import list_suggestions
from claimtrack.store.events import create_event
from claimtrack.store.reads.events import get_event


def make_event(db_path):
    db = open_database(db_path)
    readout = store_article(
        db,
        [
            ("The President proposed a summit meeting in a neutral country.", None, []),
            ("He raised <script>alert(1)</script> sanctions on shipping.", "Joe Biden", []),
        ],
        publisher="White House",
        title="Readout <b>call</b>",
    )
    kremlin = store_article(
        db,
        [
            ("Putin agreed to consider a summit.", None, []),
            ("The call was initiated by the American side.", None, []),
        ],
        publisher="Kremlin",
        title="Kremlin readout",
    )
    event_id = create_event(db, "Call & response", "2023-05-09", article_ids=[readout, kremlin])
    db.close()
    return event_id, readout


def test_compare_page_shows_two_columns_with_rows_aligned(client, db_path):
    event_id, readout = make_event(db_path)
    page = client.get(f"/events/{event_id}/compare?a=Witte+Huis&b=Kremlin")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<th scope="col"><bdi>White House</bdi></th>' in html
    assert '<th scope="col"><bdi>Kremlin</bdi></th>' in html
    summit_row = re.search(r'<tr class="row-both">(.*?)</tr>', html, re.DOTALL).group(1)
    assert "proposed a summit meeting" in summit_row and "agreed to consider a summit" in summit_row
    assert "Only Kremlin" in html and "<bdi>White House</bdi> says nothing about this." in html
    assert f'href="/articles/{readout}#s-' in html


def test_compare_page_escapes_what_it_shows(client, db_path):
    event_id, _ = make_event(db_path)
    html = client.get(f"/events/{event_id}/compare?a=White+House&b=%3Cscript%3Ex").get_data(
        as_text=True
    )
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>x" not in html
    assert "Readout &lt;b&gt;call&lt;/b&gt;" in html


def test_compare_page_without_sides_offers_the_publishers(client, db_path):
    event_id, _ = make_event(db_path)
    html = client.get(f"/events/{event_id}/compare").get_data(as_text=True)
    assert 'value="White House"' in html and 'value="Kremlin"' in html
    assert '<table class="comparison">' not in html


def test_compare_json_twin_and_errors(client, db_path):
    event_id, _ = make_event(db_path)
    data = client.get(f"/events/{event_id}/compare.json?a=White+House&b=Kremlin").get_json()
    assert data["sides"] == ["White House", "Kremlin"]
    assert {r["status"] for r in data["rows"]} >= {"both", "only_a", "only_b"}
    # a missing side does not validate, as on GET /api/v1/events/{id}/compare
    assert client.get(f"/events/{event_id}/compare.json?a=White+House").status_code == 422
    assert client.get("/events/999/compare?a=x&b=y").status_code == 404


def test_event_page_links_to_the_comparison(client, db_path):
    event_id, _ = make_event(db_path)
    html = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert f"/events/{event_id}/compare" in html


def test_suggestions_can_be_accepted_by_the_admin_only(client, db_path):
    db = open_database(db_path)
    store_article(
        db, [("Joe Biden had a phone call with Vladimir Putin.", None, [])], publisher="White House"
    )
    second = store_article(
        db, [("Putin and Biden held a telephone conversation.", None, [])], publisher="Kremlin"
    )
    [suggestion] = suggest_events(db, second)
    db.close()
    page = client.get("/events/suggestions").get_data(as_text=True)
    assert "Call between Joe Biden and Vladimir Putin" in page
    assert "Accept" not in page  # not logged in
    refused = client.post(f"/events/suggestions/{suggestion}", data={"decision": "accept"})
    assert refused.status_code in (302, 400, 403)

    log_in(client)
    accepted = client.post(
        f"/events/suggestions/{suggestion}", data={"decision": "accept", "csrf_token": "tok"}
    )
    assert accepted.status_code == 302
    db = open_database(db_path)
    assert list_suggestions(db) == []
    event_id = int(accepted.headers["Location"].rstrip("/").split("/")[-1])
    assert len(get_event(db, event_id)["articles"]) == 2
    db.close()


def log_in(client):
    """Log in with the admin token, then fix the session's CSRF token to "tok"."""
    login_page = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login_page).group(1)
    assert (
        client.post("/login", data={"token": "test-token", "csrf_token": csrf}).status_code == 302
    )
    with client.session_transaction() as session:
        session["csrf_token"] = "tok"


def test_admin_creates_an_event_and_adds_articles_from_the_ui(client, db_path):
    db = open_database(db_path)
    first = store_article(db, [("One.", None, [])])
    second = store_article(db, [("Two.", None, [])])
    db.close()
    assert client.get("/events/new").status_code == 302  # login first
    log_in(client)
    created = client.post(
        "/events/new",
        data={"title": "Talks", "date": "2023-05", "articles": str(first), "csrf_token": "tok"},
    )
    assert created.status_code == 302
    event_id = int(created.headers["Location"].rstrip("/").split("/")[-1])
    client.post(
        f"/events/{event_id}/articles",
        data={"action": "add", "articles": str(second), "csrf_token": "tok"},
    )
    db = open_database(db_path)
    assert [a["id"] for a in get_event(db, event_id)["articles"]] == [first, second]
    db.close()


def test_bad_event_form_input_is_refused_and_stores_nothing(client, db_path):
    log_in(client)
    for data in (
        {"title": "Talks", "date": "May 2023"},
        {"title": "Talks", "articles": "1; drop table"},
        {"title": "Talks", "articles": "999"},
        {"title": ""},
    ):
        page = client.post("/events/new", data={**data, "csrf_token": "tok"})
        assert page.status_code == 422
        assert 'class="error"' in page.get_data(as_text=True)
    without_token = client.post("/events/new", data={"title": "Talks"})
    assert without_token.status_code in (400, 403)
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    db.close()
