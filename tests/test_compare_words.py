"""Dutch words that meet English ones in more than one piece (compounds, translations the
word list writes joined), an adverb and its adjective, a statement that two accounts hold,
a statement left alone that belongs to a row, and an order of events told the other way
round with one event named by both, opposite words (blocked / open), and the very same
figure on both sides; an abbreviated unit and the written-out word; words of claimtrack's
own supplement to the FreeDict word list.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from compare_helpers import statement

from claimtrack.compare.align import align_accounts
from claimtrack.compare.dictionary import default_dictionary
from claimtrack.store.sources import alias_key


def test_the_first_part_of_a_dutch_compound_meets_its_english_word():
    # accubranden: accu (battery) + branden (fires); the battery is all the two share
    a = [statement(1, "In de stalling woedden accubranden.", "nl")]
    b = [statement(2, "Our batteries were never faulty.")]
    [row] = align_accounts("Brandweer", a, "Fabrikant", b)
    assert row["a"] and row["b"]


def test_a_translation_the_word_list_writes_as_one_word_meets_its_two_english_words():
    # the list gives "ehbo" as "firstaid": the English "first aid" must still meet it
    a = [statement(1, "De EHBO kreeg het zwaar te verduren.", "nl")]
    b = [statement(2, "Our first aid team stayed calm.")]
    [row] = align_accounts("Gemeente", a, "Organisator", b)
    assert row["a"] and row["b"]


def test_a_participle_of_a_verb_whose_stem_ends_in_d_is_found_in_the_dictionary():
    # "gemeld" is ge + meld, the participle of melden (report), not of "melen"
    assert "report" in default_dictionary().english_keys("gemeld")


def _side(name: str) -> dict:
    return {"name": name, "source_id": None, "keys": {alias_key(name)}}


def _stored(sid: int, publisher: str, speaker: str | None) -> dict:
    names = {alias_key(publisher)} | ({alias_key(speaker)} if speaker else set())
    return {
        "id": sid,
        "text": f"statement {sid}",
        "article": {"id": sid, "publisher": publisher},
        "chain": {"ids": set(), "keys": names},
    }


def test_a_statement_of_one_sides_release_naming_the_other_is_in_one_account_only():
    # the regulator's release says what the maker knew: the regulator's account, not a
    # statement compared with itself
    from claimtrack.compare.event_comparison import side_accounts

    statements = [
        _stored(1, "Regulator", None),
        _stored(2, "Regulator", "Maker"),
        _stored(3, "Maker", None),
        _stored(4, "Daily News", "Maker"),
    ]
    account_a, account_b = side_accounts(statements, _side("Regulator"), _side("Maker"))
    assert [s["id"] for s in account_a] == [1, 2]
    assert sorted(s["id"] for s in account_b) == [3, 4]


def test_an_english_adverb_meets_the_dutch_adjective_it_is_made_from():
    # "calmly" is calm (rustig) with -ly
    a = [statement(1, "Iedereen bleef opvallend rustig.", "nl")]
    b = [statement(2, "The crowd waited calmly at the gate.")]
    [row] = align_accounts("Politie", a, "Organisator", b)
    assert row["a"] and row["b"]


def test_a_statement_left_alone_joins_the_row_its_own_side_and_the_other_share():
    # the Dutch release and the English relay say the same; the relay pairs with the
    # denial, and the release, too weak a match on its own, joins them
    a = [
        statement(1, "Leidinggevenden dreigden het personeel met ontslag bij deelname.", "nl"),
        statement(3, "Het nieuwe rooster gaat in maart in.", "nl"),
        statement(5, "The union said managers threatened staff with dismissal."),
    ]
    b = [
        statement(2, "The company has never threatened to dismiss staff."),
        statement(4, "The new roster starts in March."),
    ]
    rows = align_accounts("Bond", a, "Bedrijf", b)
    [row] = [r for r in rows if 2 in [s["id"] for s in r["b"]]]
    assert [s["id"] for s in row["a"]] == [1, 5]
    assert row["status"] == "conflict"


def test_one_event_told_on_opposite_sides_of_before_and_after_is_a_sequence_conflict():
    # the looting is the only event both name: first for one side, later for the other
    a = [statement(1, "Police arrived only after the shop had been looted.")]
    b = [statement(2, "Our officers were in the street before any looting started.")]
    [row] = align_accounts("Owner", a, "Police", b)
    assert row["status"] == "conflict" and "order of events" in row["reason"]
    assert row["marks_a"][0] and row["marks_b"][0]


def test_blocked_against_open_and_running_against_standing_still_are_conflicts():
    for dutch, english, label in (
        (
            "De achterdeur van de zaal was geblokkeerd.",
            "The back door of the hall was open.",
            "open or blocked",
        ),
        (
            "De pompen draaiden de hele nacht.",
            "The pumps stood still all night.",
            "working or stopped",
        ),
    ):
        [row] = align_accounts(
            "Gemeente", [statement(1, dutch, "nl")], "Bedrijf", [statement(2, english)]
        )
        assert row["status"] == "conflict" and label in row["reason"]
        assert row["marks_a"][0] and row["marks_b"][0]


def test_the_very_same_figure_pairs_two_statements_before_a_count_of_the_same_people():
    # 38 arrested on both sides is one claim; "900 people" and "6,000 people" another
    a = [
        statement(1, "Aan de parade deden ongeveer 900 mensen mee.", "nl"),
        statement(
            3, "Er zijn 38 mensen aangehouden wegens vernielingen en het negeren van bevelen.", "nl"
        ),
    ]
    b = [
        statement(2, "More than 6,000 people joined the parade."),
        statement(4, "38 of our volunteers were arrested that afternoon."),
    ]
    rows = align_accounts("Politie", a, "Organisator", b)
    arrests = next(r for r in rows if 3 in [s["id"] for s in r["a"]])
    assert [s["id"] for s in arrests["b"]] == [4]
    assert [s["id"] for s in arrests["a"]] == [3]


def test_an_abbreviated_unit_counts_the_same_thing_as_the_written_out_word():
    a = [statement(1, "De vrachtwagen reed 80 kilometer per uur op de dijk.", "nl")]
    b = [statement(2, "Our lorry was doing 45 km/h on the dike.")]
    [row] = align_accounts("Waterschap", a, "Vervoerder", b)
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]
    assert "45 km" in row["reason"]


def test_a_dutch_compound_whose_last_part_the_list_lacks_meets_its_english_cousin():
    # "veiligheidsaudit": veiligheid (safety) + audit, a word the list does not have
    a = [statement(1, "De veiligheidsaudit van de haven was grondig.", "nl")]
    b = [statement(2, "The audit at the port found nothing wrong.")]
    [row] = align_accounts("Havenbedrijf", a, "Inspectie", b)
    assert row["a"] and row["b"]
    assert "safety" in default_dictionary().modifier_keys("veiligheidsaudit")


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        # "evacuatie" is not in the word list; its regular ending makes it "evacuation"
        ("De evacuatie begon pas na middernacht.", "Our evacuation plan worked."),
        # the word list translates "concessie" as "abandon" alone; its ending still makes
        # it "concession"
        (
            "Het bedrijf houdt zich niet aan de concessie.",
            "We have kept to every term of our concession.",
        ),
    ],
)
def test_a_dutch_word_meets_its_english_cousin(dutch, english):
    a = [
        statement(1, dutch, "nl"),
        statement(2, "Reizigers in de dorpen wachtten maandag tevergeefs.", "nl"),
    ]
    b = [
        statement(3, english),
        statement(4, "Drivers in the north worked extra shifts on Monday."),
    ]
    rows = align_accounts("Provincie", a, "Vervoerder", b)
    [row] = [row for row in rows if any(s["id"] == 1 for s in row["a"])]
    assert [s["id"] for s in row["b"]] == [3]


def test_a_cousin_is_only_read_where_english_wordnet_knows_the_word():
    from claimtrack.compare.cognates import english_cousins

    assert "evacu" in english_cousins("evacuatie")  # evacuation
    assert english_cousins("brandweer") == frozenset()  # no ending fits: nothing made up


def test_a_dutch_number_written_as_one_word_conflicts_with_another_count():
    # "driehonderdvijftig" is one word of three numerals: 350 families, not 40
    a = [statement(1, "Ruim driehonderdvijftig gezinnen moesten hun huis uit.", "nl")]
    b = [statement(2, "Only 40 families had to leave their homes.")]
    [row] = align_accounts("Gemeente", a, "Bedrijf", b)
    assert row["status"] == "conflict"
    assert "driehonderdvijftig gezinnen" in row["reason"]


def test_a_plural_in_ies_meets_its_singular_whatever_the_singular_ends_in():
    from claimtrack.compare.text import english_key

    # "family" ends in -ly like an adverb; its plural must still meet it
    assert english_key("families") == english_key("family")
    assert english_key("supplies") == english_key("supply")


def test_an_amount_after_a_currency_sign_counts_the_money_written_out():
    a = [statement(1, "De renovatie van de sluis kost volgens de provincie 48 miljoen euro.", "nl")]
    b = [statement(2, "The lock renovation will cost €31 million, the contractor says.")]
    [row] = align_accounts("Provincie", a, "Aannemer", b)
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]


def test_an_english_number_written_with_a_hyphen_is_one_number():
    # "Forty-six" is 46: the same count as the Dutch figure, not a conflict with it
    a = [statement(1, "Volgens de school zijn 46 kinderen ziek naar huis gestuurd.", "nl")]
    b = [statement(2, "Forty-six children were sent home ill, the parents say.")]
    [row] = align_accounts("School", a, "Ouders", b)
    assert row["status"] == "both"
    b = [statement(2, "Forty-one children were sent home ill, the parents say.")]
    [row] = align_accounts("School", a, "Ouders", b)
    assert row["status"] == "conflict" and "Forty-one children" in row["reason"]


def test_a_dutch_plural_in_eren_is_read_as_its_noun():
    from claimtrack.compare.dictionary import default_dictionary

    # read only where no other ending fits: "wateren" is water, not "wat"
    dictionary = default_dictionary()
    assert dictionary.lemmas("kinderen") == ["kind"]
    assert dictionary.lemmas("liederen") == ["lied"]
    assert "water" in dictionary.lemmas("wateren")
    assert "wat" not in dictionary.lemmas("wateren")


def test_a_word_only_the_supplement_knows_lets_a_dutch_and_an_english_statement_meet():
    # FreeDict has no "leerling" at all: claimtrack's supplement makes it "pupil"
    a = [
        statement(1, "Veel leerlingen bleven woensdag thuis.", "nl"),
        statement(2, "De bus naar het dorp reed later dan gepland.", "nl"),
    ]
    b = [
        statement(3, "Most pupils were absent that day."),
        statement(4, "The harbour cranes stood idle all night."),
    ]
    rows = align_accounts("School", a, "Ouders", b)
    [row] = [row for row in rows if any(s["id"] == 1 for s in row["a"])]
    assert [s["id"] for s in row["b"]] == [3]


def test_the_supplement_adds_a_news_sense_to_a_freedict_entry_and_keeps_freedicts_own():
    from claimtrack.compare.dictionary import Dictionary
    from claimtrack.compare.text import english_key

    # FreeDict gives "bewoner" as compatriot|inhabitant; the supplement adds "resident"
    entry = default_dictionary().entries["bewoner"]
    assert entry[:2] == ("compatriot", "inhabitant") and "resident" in entry
    assert "resident" not in Dictionary.load(supplement=None).entries["bewoner"]
    keys = default_dictionary().english_keys("bewoners")
    assert {english_key("residents"), english_key("inhabitants")} <= keys
    a = [statement(1, "De bewoners van de flat mochten niet naar binnen.", "nl")]
    b = [statement(2, "Residents were kept outside the tower block.")]
    [row] = align_accounts("Gemeente", a, "Woningcorporatie", b)
    assert row["a"] and row["b"]


def test_a_translation_the_supplement_gives_is_never_read_as_two_joined_words():
    # "deadline" is one English word, not "dead" + "line" as the list's "firstaid" is
    words = default_dictionary().english_words("termijn")
    assert "deadline" in words and "dead" not in words
    assert "first" in default_dictionary().english_words("ehbo")
