"""Which statements make a side's account: its own name, and the first or last words of
it that reports shorten it to (claimtrack/compare/side_mentions.py)."""

from __future__ import annotations

from compare_helpers import ids, reported, side

from claimtrack.compare.event_comparison import side_accounts


def test_a_report_shortening_a_sides_name_is_in_its_account():
    statements = [
        reported(1, "Harbourlight Shipping Lines"),
        reported(2, "Harbourlight"),  # the first word of the name
        reported(3, "Zeewolde"),  # the last word of "Gemeente Zeewolde"
        reported(4, "Gemeente Zeewolde"),
        reported(5, None),
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Harbourlight Shipping Lines")
    )
    assert ids(account_a) == [3, 4]
    assert ids(account_b) == [1, 2]


def test_a_part_both_sides_names_share_is_in_neither_account():
    statements = [reported(1, "Zeewolde"), reported(2, "Haven Zeewolde")]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Haven Zeewolde")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [2]


def test_a_word_inside_a_name_or_too_short_names_no_side():
    statements = [reported(1, "Shipping"), reported(2, "Lin"), reported(3, "Hart")]
    account_a, account_b = side_accounts(
        statements, side("Harbourlight Shipping Lin"), side("Hart Zeewolde Vervoer")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [3]


def test_a_description_of_a_sides_kind_is_in_its_account():
    statements = [
        reported(1, "municipality"),
        reported(2, "de gemeente"),
        reported(3, "union"),
        reported(4, "vakbond"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Zeewolde Dockers Union")
    )
    assert ids(account_a) == [1, 2]
    assert ids(account_b) == [3, 4]


def test_a_company_description_goes_to_the_one_side_of_no_known_kind():
    # "Harbourlight Shipping Lines" says nothing of its kind; the other side is a council
    statements = [reported(1, "het bedrijf"), reported(2, "operator"), reported(3, "water company")]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Harbourlight Shipping Lines")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [1, 2]  # "water company" may well be a third party


def test_a_description_both_sides_fit_or_neither_fits_is_in_no_account():
    statements = [reported(1, "company"), reported(2, "the hospital"), reported(3, "Union")]
    account_a, account_b = side_accounts(
        statements, side("Harbourlight Shipping Lines"), side("Kramerhof Elektronica")
    )
    assert ids(account_a) == [] and ids(account_b) == []


def test_a_medical_centre_is_the_hospital_a_report_speaks_of():
    statements = [reported(1, "het ziekenhuis"), reported(2, "hospital")]
    account_a, _ = side_accounts(
        statements, side("Rijnoord Medisch Centrum"), side("Gemeente Zeewolde")
    )
    assert ids(account_a) == [1, 2]
