"""A statement that answers the other side's statement right before it in its article
stands in that statement's row (claimtrack/compare/replies.py)."""

from __future__ import annotations

from compare_helpers import reported, row_of, side

from claimtrack.compare.align import align_accounts
from claimtrack.compare.event_comparison import side_accounts
from claimtrack.compare.replies import answers_previous


def said(sid: int, text: str, index: int, article: int = 7, language: str = "en") -> dict:
    """Statement `index` of article `article`, narration."""
    return reported(sid, None, text, article=article, index=index, language=language)


def test_a_denial_pointing_back_answers_the_statement_before_it():
    a = [said(1, "The council says the harbour dues were raised without any consultation.", 0)]
    b = [
        said(2, "Harbourlight denied this, saying every berth holder got a letter in May.", 1),
        said(3, "Harbourlight will open a second quay for pleasure boats next spring.", 2),
    ]
    rows = align_accounts("Gemeente Zeewolde", a, "Harbourlight", b)
    assert [s["id"] for s in row_of(rows, 1)["b"]] == [2]
    assert [s["id"] for s in row_of(rows, 3)["a"]] == []


def test_a_dutch_denial_with_the_pointer_first_or_after_the_verb_answers():
    a = [
        said(1, "De gemeente stelt dat de haven zonder overleg duurder is geworden.", 0, 8, "nl"),
        said(3, "Volgens de gemeente lag de kade al jaren vol afval.", 2, 8, "nl"),
    ]
    b = [
        said(
            2, "Dat ontkent de havenbeheerder: alle ligplaatshouders kregen een brief.", 1, 8, "nl"
        ),
        said(4, "Het havenbedrijf wijst dat van de hand en noemt de kade schoon.", 3, 8, "nl"),
    ]
    rows = align_accounts("Gemeente Zeewolde", a, "Havenbedrijf Zeewolde", b)
    assert [s["id"] for s in row_of(rows, 1)["b"]] == [2]
    assert [s["id"] for s in row_of(rows, 3)["b"]] == [4]


def test_a_that_clause_after_the_verb_or_an_answer_to_its_own_side_is_no_answer():
    assert not answers_previous("The firm denied that any berth holder was overcharged.", "en")
    assert not answers_previous("Het bedrijf ontkent dat er ooit geklaagd is.", "nl")
    a = [said(1, "The council raised the harbour dues by a fifth in April.", 0)]
    b = [
        said(2, "Harbourlight wants a new quay for its ferries by the summer.", 1),
        said(3, "It rejected that, saying the old quay is too short for its new ship.", 2),
    ]
    rows = align_accounts("Gemeente Zeewolde", a, "Harbourlight", b)
    assert [s["id"] for s in row_of(rows, 3)["a"]] == []


def test_an_unattributed_denial_of_one_sides_claim_is_the_other_sides():
    def stored(sid, text, index, speaker, article=9):
        return reported(sid, speaker, text, article=article, index=index, language="nl")

    statements = [
        stored(
            1, "Volgens Gemeente Zeewolde is de kade al jaren vervuild.", 0, "Gemeente Zeewolde"
        ),
        stored(2, "Dat ontkent de havenbeheerder stellig.", 1, None),
        stored(3, "Het weer was die week slecht.", 2, None),
        stored(4, "Gemeente Zeewolde wil de kade laten schoonmaken.", 0, "Gemeente Zeewolde", 10),
        stored(5, "Dat ontkent Pieter Vos van de vissersbond.", 1, "Pieter Vos", 10),  # named
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Harbourlight")
    )
    assert [s["id"] for s in account_a] == [1, 4]
    assert [s["id"] for s in account_b] == [2]


def test_a_row_holding_a_denial_of_the_statement_before_it_is_a_conflict_marked_there():
    a = [said(1, "The council says the harbour dues were raised without any consultation.", 0)]
    b = [said(2, "Harbourlight rejected that, saying every berth holder got a letter.", 1)]
    [row] = align_accounts("Gemeente Zeewolde", a, "Harbourlight", b)
    assert row["status"] == "conflict"
    assert row["reason"] == "denial: Harbourlight answers Gemeente Zeewolde: “rejected that”"
    text = b[0]["text"]
    assert [text[s:e] for s, e in row["marks_b"][0]] == ["rejected that"]
