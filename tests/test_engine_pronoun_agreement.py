"""Which earlier source a pronoun speaker stands for: a pronoun agrees in gender with a
person's first name (lang/data/given_name_genders.txt), and a Dutch "zij"/"ze" with a
singular verb may be the organisation that spoke as the subject of the sentence before
(texts written for these tests, fictional names)."""

from __future__ import annotations

from engine_helpers import analyse, check_offsets, only

from claimtrack.engine.lang import get_profile
from claimtrack.engine.sources import UNKNOWN, given_name_gender

NL, EN = "nl", "en"


def _speaker(body: str, language: str, sentence_start: str) -> str:
    doc = analyse(body, language)
    check_offsets(doc, body)
    return only(doc, sentence_start).speaker.name


def test_the_first_name_list_marks_men_and_women_and_leaves_the_rest_open():
    profile = get_profile(NL)
    assert given_name_gender("Koen Jacobs", profile) == "m"
    assert given_name_gender("Wilma de Graaf", profile) == "f"
    assert given_name_gender("Anne-Marie Dekker", profile) == "f"  # by its first part
    assert given_name_gender("Kim Jansen", profile) is None  # given to men and women alike
    assert given_name_gender("Jacobs", profile) is None  # a surname alone says nothing
    assert get_profile(EN).given_name_genders == profile.given_name_genders


def test_a_dutch_she_never_resolves_to_the_man_who_spoke_last():
    body = (
        "„We hebben de pomp twee keer nagekeken”, zegt monteur Koen Jacobs."
        " Zij zegt dat de storing al in mei begon."
    )
    assert _speaker(body, NL, "Zij zegt") == UNKNOWN


def test_a_dutch_he_passes_over_a_woman_to_the_man_named_before_her():
    body = (
        "Directeur Ruud Hendriks liet de brug over het kanaal bouwen."
        " Wethouder Wilma de Graaf opende hem dinsdag."
        " Hij zegt dat de bouw drie weken uitliep."
    )
    assert _speaker(body, NL, "Hij zegt") == "Ruud Hendriks"


def test_an_english_pronoun_takes_the_person_of_its_gender():
    body = (
        "Engineer Laura Fenwick inspected the dam on Monday. Site manager Gregory Pike"
        ' showed her the spillway. "The gates held," he said.'
        " She said the concrete needed repairs within a year."
    )
    doc = analyse(body, EN)
    check_offsets(doc, body)
    assert only(doc, "She said").speaker.name == "Laura Fenwick"
    assert only(doc, '"The gates held,"').speaker.name == "Gregory Pike"


def test_an_english_he_after_only_a_woman_stays_unknown():
    body = "Paramedic Helen Marsh reached the crash within minutes. He said the road had been icy."
    assert _speaker(body, EN, "He said") == UNKNOWN


def test_a_pronoun_inside_a_man_s_claim_is_not_bound_to_him_when_it_is_she():
    body = (
        "Engineer Laura Fenwick wrote the inspection report."
        " Site manager Gregory Pike said she warned the board in March."
    )
    doc = analyse(body, EN)
    check_offsets(doc, body)
    speakers = {
        a.speaker.mention: a.speaker.name
        for st in doc.statements
        if st.text.startswith("Site manager")
        for a in st.attributions
    }
    assert speakers.get("Site manager Gregory Pike") == "Gregory Pike"
    assert speakers.get("she") == "Laura Fenwick"


def test_a_person_whose_first_name_marks_no_gender_stays_possible_for_either_pronoun():
    for pronoun in ("Zij", "Hij"):
        body = (
            "Havenmeester Kim Jansen controleerde de meertouwen."
            f" {pronoun} zegt dat er twee waren geknapt."
        )
        assert _speaker(body, NL, f"{pronoun} zegt") == "Kim Jansen"


def test_dutch_zij_with_a_singular_verb_is_the_organisation_that_spoke_just_before():
    body = (
        "Sanne Visser, die tegenover de haven woont, zag 's nachts rook boven de loodsen.\n\n"
        "De rederij ontkent dat. Zij stelt dat er die nacht niemand aan het werk was."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    organisation = only(doc, "De rederij ontkent").speaker
    pronoun = only(doc, "Zij stelt").speaker
    assert (pronoun.name, pronoun.kind, pronoun.mention) == (
        organisation.name,
        organisation.kind,
        "Zij",
    )


def test_dutch_ze_keeps_standing_for_the_organisation_in_the_next_sentence_too():
    body = (
        "Sanne Visser zag 's nachts rook boven de loodsen.\n\n"
        "De politie spreekt dat tegen. Ze zegt dat de loodsen leeg waren."
        " Ze meldt ook dat niemand gewond raakte."
    )
    doc = analyse(body, NL)
    assert only(doc, "Ze zegt").speaker.name == "politie"
    assert only(doc, "Ze meldt").speaker.name == "politie"


def test_dutch_zij_after_a_het_word_organisation_is_a_person():
    body = (
        "Sanne Visser zag 's nachts rook boven de loodsen.\n\n"
        "Het bedrijf spreekt dat tegen. Zij stelt dat de loodsen leeg waren."
    )
    assert _speaker(body, NL, "Zij stelt") == "Sanne Visser"


def test_an_organisation_pronoun_leaves_the_next_she_to_the_woman_before():
    body = (
        "Wilma de Graaf zag 's nachts rook boven de loodsen.\n\n"
        "De rederij ontkent dat. Zij stelt dat niemand aan het werk was.\n\n"
        "„Er brandde licht in de kantine”, zegt Koen Jacobs. Zij zegt dat het rook naar diesel."
    )
    doc = analyse(body, NL)
    assert only(doc, "Zij stelt").speaker.name == "rederij"
    assert only(doc, "Zij zegt").speaker.name == "Wilma de Graaf"


def test_english_they_still_stands_for_the_organisation_that_spoke():
    body = (
        "Norbridge Water Company said the pipes were sound. They said the leak lay on private land."
    )
    assert _speaker(body, EN, "They said") == "Norbridge Water Company"
