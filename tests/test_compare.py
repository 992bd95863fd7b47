"""Aligning two accounts into rows: shared topics, one-sided topics, conflicts, across languages.

The statements are written for these tests (a fictional call between two
capitals); the acceptance test on the real readouts is test_compare_readouts.py.
"""

from claimtrack.compare.align import align_accounts
from claimtrack.compare.lexicon import default_lexicon
from claimtrack.compare.stance import conflict_reason, default_stance_lexicon


def statement(id, text, language="en", index=5, paragraph=None, article=1):
    return {
        "id": id,
        "text": text,
        "language": language,
        "index": index,
        "paragraph": paragraph if paragraph is not None else id,
        "article": {"id": article},
    }


def rows_with(rows, statement_id):
    return [r for r in rows if statement_id in [s["id"] for s in r["a"] + r["b"]]]


def shared_row(rows, a_id, b_id):
    return next(
        (
            r
            for r in rows
            if a_id in [s["id"] for s in r["a"]] and b_id in [s["id"] for s in r["b"]]
        ),
        None,
    )


def test_dutch_and_english_statements_about_the_summit_share_a_row():
    a = [statement(1, "The President proposed a summit meeting in a neutral country this autumn.")]
    b = [statement(2, "Poetin zei open te staan voor een ontmoeting op een top in Wenen.", "nl")]
    rows = align_accounts("White House", a, "Kremlin", b)
    row = shared_row(rows, 1, 2)
    assert row is not None
    assert row["status"] == "both"
    assert "summit" in row["topic"].lower()


def test_topics_only_one_side_mentions_are_marked_one_sided():
    a = [statement(1, "The President warned that new sanctions would follow any escalation.")]
    b = [statement(2, "The two leaders discussed cooperation on climate change in the Arctic.")]
    rows = align_accounts("A", a, "B", b)
    assert shared_row(rows, 1, 2) is None
    assert {r["status"] for r in rows_with(rows, 1)} == {"only_a"}
    assert {r["status"] for r in rows_with(rows, 2)} == {"only_b"}


def test_a_statement_about_two_topics_sits_in_one_row_with_both_matches():
    a = [statement(1, "They discussed Iran's nuclear programme and the situation in Afghanistan.")]
    b = [
        statement(2, "Both sides exchanged views on Iran."),
        statement(3, "The leaders also touched upon Afghanistan and the Taliban."),
    ]
    rows = align_accounts("A", a, "B", b)
    assert len(rows_with(rows, 1)) == 1
    assert shared_row(rows, 1, 2) is not None


def test_the_longest_term_wins_so_a_climate_summit_is_not_a_summit_meeting():
    concepts = default_lexicon().concepts_in(
        "He repeated the invitation to the Leaders Summit on Climate next week.", "en"
    )
    assert [c.id for c in concepts] == ["climate_summit"]
    a = [statement(1, "The President proposed a summit meeting in a third country.")]
    b = [statement(2, "He repeated the invitation to the Leaders Summit on Climate next week.")]
    assert shared_row(align_accounts("A", a, "B", b), 1, 2) is None


def test_different_initiators_make_a_conflict_with_the_reason():
    a = [statement(1, "The call was held at the request of the Russian side.")]
    b = [statement(2, "The telephone conversation was initiated by Washington.")]
    rows = align_accounts("White House", a, "Kremlin", b)
    row = shared_row(rows, 1, 2)
    assert row["status"] == "conflict"
    assert "Russia" in row["reason"] and "United States" in row["reason"]


def test_the_same_initiator_on_both_sides_is_no_conflict():
    a = [statement(1, "The call took place at the initiative of the United States.")]
    b = [statement(2, "Het gesprek vond plaats op initiatief van de Verenigde Staten.", "nl")]
    row = shared_row(align_accounts("A", a, "B", b), 1, 2)
    assert row["status"] == "both"


def test_contested_framings_of_the_same_matter_conflict():
    a = [statement(1, "He raised the situation in occupied Crimea and eastern Ukraine.")]
    b = [statement(2, "Putin set out his view of the internal Ukrainian crisis.")]
    row = shared_row(align_accounts("White House", a, "Kremlin", b), 1, 2)
    assert row["status"] == "conflict"
    assert "occupied" in row["reason"] and "internal Ukrainian crisis" in row["reason"]


def test_the_same_framing_on_both_sides_is_no_conflict():
    a = [statement(1, "They discussed the troops in occupied Crimea and near Ukraine.")]
    b = [statement(2, "Kiev raised the occupied territories of Ukraine.")]
    row = shared_row(align_accounts("A", a, "B", b), 1, 2)
    assert row["status"] == "both"
    assert row["reason"] is None


def test_one_side_casting_doubt_is_a_conflict():
    a = [statement(1, "Ransomware attacks by criminals based in Russia hit American hospitals.")]
    b = [statement(2, "Putin spoke about cyberattacks ostensibly carried out from Russian soil.")]
    row = shared_row(align_accounts("White House", a, "Kremlin", b), 1, 2)
    assert row["status"] == "conflict"
    assert "ostensibly" in row["reason"]


def test_a_denial_on_one_side_is_a_conflict():
    reason = conflict_reason(
        "A",
        [{"text": "The minister said the troops would stay on the border."}],
        "B",
        [{"text": "The ministry denied that troops were stationed on the border."}],
        default_stance_lexicon(),
    )
    assert reason and "denie" in reason


def test_topics_outside_the_lexicon_are_paired_by_shared_words():
    a = [
        statement(
            1, "The leaders talked about protecting the whale sanctuary in the Bering Strait."
        )
    ]
    b = [
        statement(2, "A whale sanctuary in the Bering Strait was discussed at length."),
        statement(3, "The orchestra will give a concert for schoolchildren in the capital."),
    ]
    rows = align_accounts("A", a, "B", b)
    row = shared_row(rows, 1, 2)
    assert row is not None and row["status"] == "both"
    assert "whale" in row["topic"] or "bering" in row["topic"]
    assert shared_row(rows, 1, 3) is None
    assert [r["status"] for r in rows_with(rows, 3)] == ["only_b"]


def test_a_sentence_that_points_back_continues_the_topic_of_its_paragraph():
    a = [statement(1, "The President raised ransomware attacks on American companies.")]
    b = [
        statement(
            2, "The presidents discussed cooperation against cybercrime.", paragraph=7, index=3
        ),
        statement(
            3,
            "This must happen through agreed channels between the agencies.",
            paragraph=7,
            index=4,
        ),
    ]
    rows = align_accounts("A", a, "B", b)
    assert shared_row(rows, 1, 3) is not None


def test_questions_and_small_talk_get_no_row():
    a = [statement(1, "Can you say whether sanctions came up?"), statement(2, "Thanks, everybody.")]
    rows = align_accounts("A", a, "B", [])
    assert rows == []


def test_statements_come_back_unchanged_in_their_rows():
    original = statement(1, "They agreed to continue the dialogue on strategic stability.")
    original["speaker"] = "Joe Biden"
    rows = align_accounts("A", [original], "B", [])
    assert rows[0]["a"] == [original]
    assert rows[0]["status"] == "only_a"


def test_a_job_title_is_not_a_topic():
    concepts = default_lexicon().concepts_in(
        "National Security Adviser Jake Sullivan briefed reporters.", "en"
    )
    assert concepts == []


def test_naming_who_asked_for_the_call_puts_a_statement_in_the_initiative_row():
    a = [statement(1, "The call between the two presidents was held at Beijing's request.")]
    b = [statement(2, "The telephone conversation was initiated by China.")]
    rows = align_accounts("A", a, "B", b)
    row = shared_row(rows, 1, 2)
    assert row is not None and "initiat" in row["topic"].lower()
    assert row["status"] == "both"  # both name China
