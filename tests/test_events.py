"""Events: create, add and remove articles, list; accounts per source; suggested events.

Articles are stored through the real store with attributions written here,
so account membership is tested independently of the engine.
"""

import json

import pytest

from claimtrack.compare import compare_event
from claimtrack.compare.event_suggestions import accept_suggestion, suggest_events
from claimtrack.engine.document import Attribution, Document, SourceRef, Statement
from claimtrack.ingest.article import ParsedArticle
from claimtrack.store.articles import save_article
from claimtrack.store.event_suggestions import list_suggestions, reject_suggestion
from claimtrack.store.events import (
    EventNotFound,
    add_articles,
    create_event,
    remove_articles,
)
from claimtrack.store.reads.events import get_event
from claimtrack.store.reads.events import list_events as list_events_page


def store_article(db, sentences, publisher=None, date="2023-05-09", language="en", title=None):
    """Store an article of (text, speaker, [via...]) sentences; speaker None = narration."""
    body, statements = "", []
    for index, (text, speaker, via) in enumerate(sentences):
        start = len(body)
        body += text + "\n\n"
        attributions = []
        if speaker:
            attributions.append(
                Attribution(
                    speaker=SourceRef(speaker, "organization"),
                    type="indirect",
                    via=[SourceRef(name, "organization") for name in via],
                    confidence=0.9,
                )
            )
        statements.append(Statement(index, index, start, start + len(text), text, attributions))
    parsed = ParsedArticle(
        body=body, title=title, publisher=publisher, language=language, date=date
    )
    return save_article(db, parsed, Document(language, statements, publisher, date)).article_id


def statement_ids(db, article_id):
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM statements WHERE article_id = ? ORDER BY idx", [article_id]
        )
    ]


# --- creating and editing events ---------------------------------------------------------


def test_create_prints_the_new_id_and_list_shows_the_event(cli_runner, db):
    article = store_article(db, [("The ministers met in Vienna.", None, [])])
    result = cli_runner(
        "events", "create", "Vienna talks", "--date", "2023-05", "--article", str(article), "--json"
    )
    assert result.exit_code == 0
    event_id = json.loads(result.output)["id"]
    listed = json.loads(cli_runner("events", "list", "--json").output)
    assert [(e["id"], e["title"], e["date"], e["statement_count"]) for e in listed] == [
        (event_id, "Vienna talks", "2023-05", 1)
    ]
    assert get_event(db, event_id)["date_precision"] == "month"


def test_plain_create_says_what_it_made(cli_runner, db):
    article = store_article(db, [("The ministers met.", None, []), ("They agreed.", None, [])])
    result = cli_runner(
        "events", "create", "Harbour talks", "--date", "2024-06", "--article", str(article)
    )
    assert result.exit_code == 0
    [event] = json.loads(cli_runner("events", "list", "--json").output)
    expected = (
        f"created event {event['id']}: \u201cHarbour talks\u201d (2024-06), 1 article, "
        "2 statements, participants: none yet"
    )
    assert result.output.splitlines() == [expected]


def test_create_without_articles_says_how_to_add_them(cli_runner, db):
    result = cli_runner("events", "create", "Talks")
    assert result.output.startswith("created event ")
    assert "claimtrack events add" in result.output and "--article" in result.output


def test_empty_lists_say_so(cli_runner, db):
    events = cli_runner("events", "list")
    assert events.exit_code == 0
    assert events.output.startswith("no events yet")
    assert cli_runner("events", "suggestions").output.strip() == "no open suggestions"
    assert cli_runner("events", "suggestions", "--all").output.strip() == "no suggestions"
    assert json.loads(cli_runner("events", "list", "--json").output) == []


def test_add_remove_and_reject_answer_in_json_for_scripts(cli_runner, db):
    article = store_article(db, [("One.", None, []), ("Two.", None, [])])
    event_id = create_event(db, "Talks")
    added = cli_runner("events", "add", str(event_id), "--article", str(article), "--json")
    assert json.loads(added.output) == {"event_id": event_id, "added_statements": 2}
    removed = cli_runner("events", "remove", str(event_id), "--article", str(article), "--json")
    assert json.loads(removed.output) == {"event_id": event_id, "removed_statements": 2}


def test_add_and_remove_articles_change_the_events_statements(cli_runner, db):
    first = store_article(db, [("One.", None, []), ("Two.", None, [])])
    second = store_article(db, [("Three.", None, [])], date="2023-05-10")
    event_id = create_event(db, "Talks", article_ids=[first])
    assert cli_runner("events", "add", str(event_id), "--article", str(second)).exit_code == 0
    assert get_event(db, event_id)["statement_count"] == 3
    assert cli_runner("events", "remove", str(event_id), "--article", str(first)).exit_code == 0
    assert [a["id"] for a in get_event(db, event_id)["articles"]] == [second]


def test_single_statements_can_be_added_and_removed(cli_runner, db):
    article = store_article(db, [("One.", None, []), ("Two.", None, [])])
    first, second = statement_ids(db, article)
    event_id = create_event(db, "Talks", statement_ids=[second])
    cli_runner("events", "add", str(event_id), "--statement", str(first))
    cli_runner("events", "remove", str(event_id), "--statement", str(second))
    assert get_event(db, event_id)["statement_count"] == 1


def test_a_bad_date_or_unknown_article_is_refused_and_nothing_is_stored(cli_runner, db):
    bad_date = cli_runner("events", "create", "Talks", "--date", "13-04-2021")
    assert bad_date.exit_code != 0 and "YYYY" in bad_date.output
    unknown = cli_runner("events", "create", "Talks", "--article", "999")
    assert unknown.exit_code != 0 and "no article with id 999" in unknown.output
    assert list_events_page(db).items == []


def test_editing_an_unknown_event_is_an_error(cli_runner, db):
    article = store_article(db, [("One.", None, [])])
    result = cli_runner("events", "add", "42", "--article", str(article))
    assert result.exit_code != 0 and "no event with id 42" in result.output
    with pytest.raises(EventNotFound):
        remove_articles(db, 42, [article])


def test_adding_an_article_twice_counts_its_statements_once(db):
    article = store_article(db, [("One.", None, []), ("Two.", None, [])])
    event_id = create_event(db, "Talks", article_ids=[article])
    assert add_articles(db, event_id, [article]) == 0
    assert get_event(db, event_id)["statement_count"] == 2


def test_participants_are_resolved_through_aliases(db):
    event_id = create_event(db, "Call", participants=["Poetin", "Joe Biden"])
    assert [p["name"] for p in get_event(db, event_id)["participants"]] == [
        "Joe Biden",
        "Vladimir Putin",
    ]


# --- accounts ------------------------------------------------------------------------------


def test_accounts_follow_publisher_speaker_and_via_across_languages(db):
    readout = store_article(
        db,
        [
            ("The President proposed a summit meeting in a neutral country.", None, []),
            ("He raised sanctions against the shipping companies.", "Joe Biden", []),
        ],
        publisher="White House",
        title="Readout of the call",
    )
    dutch = store_article(
        db,
        [
            (
                "Biden stelde een top in een neutraal land voor, meldt het Witte Huis.",
                "Joe Biden",
                ["Witte Huis"],
            ),
            ("Volgens het Kremlin stemde Poetin in met een ontmoeting.", "Kremlin", []),
            ("Het weer in Wenen was goed.", None, []),
        ],
        publisher="De Krant",
        language="nl",
        date="2023-05",
    )
    event_id = create_event(db, "Call", "2023-05-09", article_ids=[readout, dutch])

    comparison = compare_event(db, event_id, "Witte Huis", "Kremlin")

    assert comparison["sides"] == ["White House", "Kremlin"]
    account_a = {s["text"] for row in comparison["rows"] for s in row["a"]}
    account_b = {s["text"] for row in comparison["rows"] for s in row["b"]}
    assert "He raised sanctions against the shipping companies." in account_a
    assert "Biden stelde een top in een neutraal land voor, meldt het Witte Huis." in account_a
    assert account_b == {"Volgens het Kremlin stemde Poetin in met een ontmoeting."}
    summit = next(r for r in comparison["rows"] if r["b"])
    assert summit["status"] == "both" and len(summit["a"]) == 2
    dutch_statement = next(s for s in summit["a"] if s["language"] == "nl")
    assert dutch_statement["speaker"] == "Joe Biden" and dutch_statement["via"] == ["Witte Huis"]
    assert dutch_statement["article"]["id"] == dutch


def test_compare_cli_prints_json_and_table(cli_runner, db):
    readout = store_article(
        db, [("The President proposed a summit meeting.", None, [])], publisher="White House"
    )
    kremlin = store_article(
        db, [("Putin agreed to consider a summit.", None, [])], publisher="Kremlin"
    )
    event_id = create_event(db, "Call", article_ids=[readout, kremlin])
    as_json = cli_runner(
        "compare", str(event_id), "--side", "White House", "--side", "Kremlin", "--format", "json"
    )
    data = json.loads(as_json.output)
    assert data["event"]["id"] == event_id
    assert [(r["status"], len(r["a"]), len(r["b"])) for r in data["rows"]] == [("both", 1, 1)]
    table = cli_runner("compare", str(event_id), "--side", "White House", "--side", "Kremlin")
    assert "Putin agreed to consider a summit." in table.output
    assert "[both]" in table.output


def test_compare_says_when_a_side_has_no_account(cli_runner, db):
    readout = store_article(
        db, [("The President proposed a summit.", None, [])], publisher="White House"
    )
    event_id = create_event(db, "Call", article_ids=[readout])
    table = cli_runner("compare", str(event_id), "--side", "White House", "--side", "Elysee")
    assert "no statement of this event has Elysee in its chain" in table.output
    assert "has White House" not in table.output


def test_compare_needs_two_sides_and_a_known_event(cli_runner, db):
    assert cli_runner("compare", "1", "--side", "Kremlin").exit_code != 0
    missing = cli_runner("compare", "77", "--side", "A", "--side", "B")
    assert missing.exit_code != 0 and "no event with id 77" in missing.output


# --- suggestions ---------------------------------------------------------------------------


def _call_article(db, text, date, publisher, language="en", title=None):
    return store_article(
        db, [(text, None, [])], publisher=publisher, date=date, language=language, title=title
    )


def test_articles_reporting_the_same_call_are_suggested_and_accepted_as_one_event(cli_runner, db):
    english = _call_article(
        db, "On Monday Joe Biden had a phone call with Vladimir Putin.", "2023-05-10", "White House"
    )
    assert suggest_events(db, english) == []  # nothing stored to pair it with yet
    dutch = _call_article(
        db, "Biden en Poetin voerden maandag een telefoongesprek.", "2023-05", "De Krant", "nl"
    )
    suggestion_ids = suggest_events(db, dutch)
    assert len(suggestion_ids) == 1
    unrelated = _call_article(
        db, "Joe Biden spoke by phone with Vladimir Putin again.", "2023-06-20", "White House"
    )
    assert suggest_events(db, unrelated) == []

    listed = json.loads(cli_runner("events", "suggestions", "--json").output)
    assert [(s["article_ids"], s["status"]) for s in listed] == [([english, dutch], "open")]
    assert "Joe Biden" in listed[0]["title"] and "Vladimir Putin" in listed[0]["title"]

    accepted = cli_runner("events", "accept", str(suggestion_ids[0]), "--json")
    event = get_event(db, json.loads(accepted.output)["id"])
    assert sorted(a["id"] for a in event["articles"]) == [english, dutch]
    assert event["date"] == "2023-05-08"  # "On Monday" in an article of Wednesday 10 May
    assert list_suggestions(db) == []
    again = cli_runner("events", "accept", str(suggestion_ids[0]))
    assert again.exit_code != 0 and "already accepted" in again.output


def test_a_rejected_suggestion_is_not_proposed_again(db):
    first = _call_article(
        db, "Joe Biden held a video call with Vladimir Putin.", "2023-05-10", "White House"
    )
    second = _call_article(
        db, "Putin and Biden spoke via videoconference.", "2023-05-11", "Kremlin"
    )
    [suggestion] = suggest_events(db, second)
    reject_suggestion(db, suggestion)
    assert suggest_events(db, first) == [suggestion]
    assert list_suggestions(db) == []
    assert list_suggestions(db, "rejected")[0]["id"] == suggestion


def test_no_suggestion_without_the_same_kind_of_occurrence_or_people(db):
    _call_article(
        db, "Joe Biden had a phone call with Vladimir Putin.", "2023-05-10", "White House"
    )
    other_people = _call_article(
        db, "Joe Biden had a phone call with Olaf Scholz.", "2023-05-10", "White House"
    )
    no_call = _call_article(
        db, "Joe Biden criticised Vladimir Putin in a speech.", "2023-05-10", "White House"
    )
    assert suggest_events(db, other_people) == []
    assert suggest_events(db, no_call) == []


def test_importing_articles_proposes_the_event(tmp_path, cli_runner, db):
    (tmp_path / "a.txt").write_text(
        "# publisher: White House\n# date: 2023-05-10\n\n"
        "President Joe Biden spoke today by phone with President Vladimir Putin.\n",
        "utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "# publisher: Kremlin\n# date: 2023-05-10\n\n"
        "Vladimir Putin had a telephone conversation with Joe Biden.\n",
        "utf-8",
    )
    assert cli_runner("import", str(tmp_path)).exit_code == 0
    listed = json.loads(cli_runner("events", "suggestions", "--json").output)
    assert len(listed) == 1 and len(listed[0]["article_ids"]) == 2


def test_a_later_article_about_an_accepted_event_joins_that_event(db):
    first = _call_article(
        db, "Joe Biden had a phone call with Vladimir Putin.", "2023-05-10", "White House"
    )
    second = _call_article(
        db, "Putin and Biden held a telephone conversation.", "2023-05-10", "Kremlin"
    )
    event_id = accept_suggestion(db, suggest_events(db, second)[0])
    later = _call_article(
        db, "Biden en Poetin voerden woensdag een telefoongesprek.", "2023-05-11", "De Krant", "nl"
    )
    [suggestion] = suggest_events(db, later)
    assert accept_suggestion(db, suggestion) == event_id
    assert sorted(a["id"] for a in get_event(db, event_id)["articles"]) == [first, second, later]
    assert len(list_events_page(db).items) == 1


def test_the_events_list_counts_the_participants_the_compare_page_lists(db):
    """The list reads many events at once without their text; the count must be the same."""
    from api_sample import populate
    from web_sample import insert_sample

    from claimtrack.store.events import event_source_names, event_statements
    from claimtrack.store.reads.events import list_events as list_events_page

    insert_sample(db)
    articles = populate(db, copies=2)
    with_text = create_event(db, "Haven", "2022-01", article_ids=articles)
    some = create_event(db, "Enkele zinnen", statement_ids=[1, 2, 5])
    named = create_event(db, "Met deelnemers", participants=["Joe Biden"], article_ids=[1])
    empty = create_event(db, "Leeg")
    listed = {e["id"]: e for e in list_events_page(db).items}
    for event_id in (with_text, some):
        statements = event_statements(db, event_id)
        assert listed[event_id]["participant_count"] == len(event_source_names(statements))
        assert listed[event_id]["article_count"] == len({s["article"]["id"] for s in statements})
        assert listed[event_id]["participant_count"] > 1
    assert listed[named]["participant_count"] == 1
    assert (listed[empty]["participant_count"], listed[empty]["article_count"]) == (0, 0)
