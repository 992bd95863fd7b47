"""Clock times are no words, a past tense is its verb's, and two accounts that each name
the day something happened meet on that, whatever their words.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from compare_helpers import statement as make_statement
from compare_helpers import together

from claimtrack.compare.align import align_accounts
from claimtrack.compare.dictionary import default_dictionary
from claimtrack.compare.features import features

DAY = "2024-06-14"  # the articles' date, a Friday


def statement(sid: int, text: str, language: str = "en") -> dict:
    return make_statement(sid, text, language, date=DAY)


def test_the_uur_of_a_clock_time_is_no_word_for_hour_or_time():
    f = features({"text": "De sluis ging om 06.15 uur weer open.", "language": "nl"})
    assert f.times == [("06:15", 17, 26)]
    assert not {"hour", "time", "uur"} & f.keys
    # "uur" that is no clock time stays a word: "zes uur lang" is a duration
    assert "hour" in features({"text": "De sluis bleef zes uur lang dicht.", "language": "nl"}).keys


def test_a_clock_time_does_not_pair_with_at_no_time():
    a = [
        statement(1, "De sluis ging om 06.15 uur weer open.", "nl"),
        statement(3, "De schipper van de vrachtboot werd verhoord.", "nl"),
    ]
    b = [
        statement(2, "At no time was anybody on the quay in danger."),
        statement(4, "The skipper of the cargo boat was questioned."),
    ]
    rows = align_accounts("Waterschap", a, "Rederij", b)
    assert not together(rows, 1, 2)
    assert together(rows, 3, 4)


def test_a_past_tense_in_de_or_te_is_read_as_its_verb_only():
    # "spande" is spannen (to stretch), not the noun span (a team of horses)
    assert default_dictionary().lemmas("spande") == ["spannen"]


def test_two_days_named_for_one_happening_share_a_row():
    a = [
        statement(1, "Maandag kwam de inspectie langs.", "nl"),
        statement(3, "De gemeente opent een loket voor schadeclaims.", "nl"),
    ]
    b = [
        statement(2, "The inspectors visited us on Wednesday."),
        statement(4, "Residents can reclaim spoiled food from the utility."),
    ]
    rows = align_accounts("Gemeente", a, "Netbeheerder", b)
    assert together(rows, 1, 2)
