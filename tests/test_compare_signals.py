"""What pairs two accounts' statements beyond shared words: short claims, clock times, blame,
Dutch past tenses and plurals, and words the whole event shares weighing little.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from compare_helpers import row_of, statement, together

from claimtrack.compare.align import align_accounts
from claimtrack.compare.features import features


def test_a_claim_of_three_words_is_compared_not_left_out_as_small_talk():
    a = [statement(1, "Er is chloor vrijgekomen uit de tank.", "nl")]
    b = [statement(2, "No chlorine escaped from the tank.")]
    [row] = align_accounts("Brandweer", a, "Owner", b)
    assert row["status"] == "conflict" and "negation" in row["reason"]


def test_two_clock_times_of_the_same_moment_share_a_row_and_conflict():
    a = [
        statement(1, "De eerste melding van de brand kwam om 03.20 uur binnen.", "nl"),
        statement(3, "De brand in de loods werd met schuim geblust.", "nl"),
        statement(5, "De brand was zondagochtend onder controle.", "nl"),
    ]
    b = [
        statement(2, "Our night guard reported the fire at 02:50."),
        statement(4, "The fire in the shed was put out with foam."),
        statement(6, "The fire was under control on Sunday morning."),
    ]
    rows = align_accounts("Brandweer", a, "Owner", b)
    assert together(rows, 1, 2)
    row = row_of(rows, 1)
    assert row["status"] == "conflict" and "times differ" in row["reason"]


def test_blame_in_other_words_meets_blame():
    a = [
        statement(1, "De aanrijding is veroorzaakt door de buschauffeur.", "nl"),
        statement(3, "De kruising bij het station was urenlang dicht.", "nl"),
    ]
    b = [
        statement(2, "The cyclist is to blame for the crash, the company said."),
        statement(4, "The junction near the station was closed for hours."),
    ]
    rows = align_accounts("Politie", a, "Busbedrijf", b)
    assert together(rows, 1, 2)
    assert row_of(rows, 1)["status"] == "conflict"
    assert together(rows, 3, 4)


def test_a_dutch_past_tense_meets_the_english_verb():
    a = [
        statement(1, "Bewakers dreigden gisteravond bezoekers.", "nl"),
        statement(3, "Bewakers controleerden alle tassen bij de ingang.", "nl"),
    ]
    b = [
        statement(2, "Our stewards never threatened anyone."),
        statement(4, "The stewards checked every bag at the gate."),
    ]
    rows = align_accounts("Bezoekers", a, "Organiser", b)
    assert together(rows, 1, 2)  # dreigden -> dreigen -> threaten
    assert row_of(rows, 1)["status"] == "conflict"
    assert together(rows, 3, 4)


def test_a_short_english_plural_counts_the_same_thing_as_the_dutch_word():
    a = [
        statement(1, "Bij de storm raakten 14 auto's beschadigd.", "nl"),
        statement(3, "De storm hield de hele nacht aan.", "nl"),
    ]
    b = [
        statement(2, "Only three cars had any damage after the storm."),
        statement(4, "The storm lasted all night."),
    ]
    rows = align_accounts("Gemeente", a, "Garage", b)
    assert together(rows, 1, 2)
    row = row_of(rows, 1)
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]


def test_words_every_statement_shares_do_not_pair_statements_about_other_things():
    # "Aurora" and "ferry" are in every statement: the rows follow what else is said
    a = [
        statement(1, "The ferry Aurora carried 410 passengers on the crossing."),
        statement(3, "The ferry Aurora lost power in its left engine."),
        statement(5, "The ferry Aurora was towed into port by a tug."),
    ]
    b = [
        statement(2, "Only 280 passengers were on board the ferry Aurora."),
        statement(4, "The ferry Aurora reached port under its own power."),
        statement(6, "The left engine of the ferry Aurora never failed."),
    ]
    rows = align_accounts("Coastguard", a, "Operator", b)
    assert together(rows, 1, 2)
    assert together(rows, 3, 6)
    assert not together(rows, 1, 4)


def test_a_row_named_by_shared_words_names_no_empty_word():
    a = [statement(1, "Aan de optocht deden 900 mensen mee.", "nl")]
    b = [statement(2, "Some 4,000 people joined the parade.")]
    [row] = align_accounts("Politie", a, "Organiser", b)
    assert row["status"] == "conflict"
    assert "" not in [word.strip() for word in row["topic"].split(",")]


def test_a_dutch_word_with_a_diaeresis_is_found_in_the_dictionary():
    a = [statement(1, "Er liggen nog drie patiënten in het gebouw.", "nl")]
    b = [statement(2, "Twelve patients are still in the building.")]
    [row] = align_accounts("Ziekenhuis", a, "Supplier", b)  # patiënten -> patiënt -> patient
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]


def test_an_english_plural_in_ies_counts_the_same_thing_as_its_dutch_translation():
    a = [statement(1, "Twaalf landen stuurden hulp na de overstroming.", "nl")]
    b = [statement(2, "Only four countries sent help after the flood.")]
    [row] = align_accounts("Ministerie", a, "Agency", b)  # countries -> country <- landen
    assert row["status"] == "conflict" and "numbers differ" in row["reason"]


def test_a_side_giving_the_same_figure_twice_makes_one_claim_in_one_row():
    a = [
        statement(1, "About 900 people attended the rally on the square."),
        statement(3, "Two windows of the town hall were broken."),
    ]
    b = [
        statement(2, "More than 6,000 people attended the rally on the square."),
        statement(4, "De organisatie spreekt van 6.000 aanwezigen.", "nl"),
        statement(6, "The next rally is planned for June."),
    ]
    rows = align_accounts("Police", a, "Organisers", b)
    assert together(rows, 1, 2) and together(rows, 2, 4)
    assert row_of(rows, 4)["status"] == "conflict"


def test_a_sentence_opening_with_after_is_read_as_the_other_order():
    staff = [statement(2, "Staff went outside before the alarm sounded.")]
    dutch = [
        statement(
            1, "Pas nadat het alarm was afgegaan, zijn de medewerkers naar buiten gegaan.", "nl"
        )
    ]
    [row] = align_accounts("Brandweer", dutch, "Company", staff)
    assert row["status"] == "conflict" and "order of events" in row["reason"]
    after = [statement(3, "After the alarm sounded, staff went outside.")]
    assert align_accounts("Union", after, "Company", staff)[0]["status"] == "conflict"
    before = [statement(4, "Before the alarm sounded, staff went outside.")]
    assert align_accounts("Union", before, "Company", staff)[0]["status"] == "both"


def test_the_party_held_responsible_is_the_one_the_rest_belongs_to():
    a = [statement(1, "De organisatie van de optocht is verantwoordelijk voor de chaos.", "nl")]
    b = [statement(2, "The mayor of the city is responsible for the chaos.")]
    [row] = align_accounts("Politie", a, "Organisers", b)
    assert row["status"] == "conflict"
    assert "“organisatie”" in row["reason"] and "“mayor”" in row["reason"]
    [marks_a] = row["marks_a"]
    assert [a[0]["text"][s:e] for s, e in marks_a] == ["organisatie"]


def test_a_statement_naming_two_days_has_no_date_to_conflict_over():
    a = [statement(1, "In de nacht van zaterdag op zondag brak er brand uit in de loods.", "nl")]
    b = [statement(2, "The fire in the shed broke out on Sunday.")]
    for s in a + b:
        s["article"]["date"] = "2025-06-02"
    [row] = align_accounts("Brandweer", a, "Owner", b)
    assert row["status"] == "both"


def test_a_side_giving_the_same_clock_time_twice_makes_one_claim_in_one_row():
    a = [
        statement(3, "De gemeente opende om 06.00 uur een opvang in de sporthal.", "nl"),
        statement(1, "De dijk brak om 02.30 uur door.", "nl"),
    ]
    b = [
        statement(2, "The dike gave way at 04:10."),
        statement(4, "Volgens de aannemer gebeurde het pas om 04.10 uur.", "nl"),
        statement(6, "The contractor will repair the road next week."),
        statement(8, "A shelter opened in the sports hall."),
    ]
    rows = align_accounts("Waterschap", a, "Contractor", b)
    assert together(rows, 1, 2) and together(rows, 2, 4)
    assert row_of(rows, 1)["status"] == "conflict"
    assert together(rows, 3, 8)


def test_the_party_blamed_after_the_cue_is_the_head_of_its_phrase():
    a = [statement(1, "The flooding was caused by poor maintenance of the dike.")]
    b = [statement(2, "The flooding was caused by digging at the foot of the dike.")]
    [row] = align_accounts("Contractor", a, "Water board", b)
    assert row["status"] == "conflict"
    assert "“maintenance”" in row["reason"] and "“digging”" in row["reason"]


def test_a_day_of_a_month_counts_nothing():
    # "2 december" is a date: only the 14 people are a count another account may contradict
    for text, language in (
        ("Op 2 december raakten 14 mensen gewond.", "nl"),
        ("On December 2, 14 people were hurt.", "en"),
    ):
        counts = features({"text": text, "language": language}).quantities
        assert [q.value for q in counts] == [14.0]
