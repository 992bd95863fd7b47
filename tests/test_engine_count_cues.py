"""Findings and counts of organisations: counting verbs as figure cues ("De inspectie
telde 23 meldingen"), where a thing that 'counts' something gives no one's figure, and
'found that' / 'ontdekken dat' as reports (texts written for these tests, fictional names)."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, only, speakers_of


def test_dutch_an_organisation_counts_a_number():
    body = (
        "De Inspectie Jeugdzorg heeft tien opvanghuizen in Veenwolde bezocht. "
        "De inspectie telde 17 onveilige trappen. "
        "Wethouder Joost Brakel telde er ruim vijftig."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    a = only(doc, "De inspectie telde")
    assert (a.speaker.name, a.cue.text) == ("De Inspectie Jeugdzorg", "telde")
    assert a.content.text == "17 onveilige trappen"
    assert speakers_of(doc, "Wethouder Joost Brakel") == ["Joost Brakel"]


def test_dutch_a_thing_or_a_membership_counts_for_nobody():
    body = (
        "De wachtlijst telt 300 namen. De vereniging telt 300 leden. "
        "Zandvoorde telt 9000 inwoners. Hij telde tot tien en ging weg."
    )
    doc = analyse(body, "nl")
    for start in ("De wachtlijst", "De vereniging", "Zandvoorde", "Hij telde"):
        assert speakers_of(doc, start) == [], start


def test_english_an_organisation_counts_a_number():
    body = (
        "The Fenland Safety Inspectorate visited ten depots last month. "
        "The inspectorate counted 48 faulty lifts. "
        "The waiting list counts 300 names. The club counts 300 members. Every vote counts."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    a = only(doc, "The inspectorate counted")
    assert (a.speaker.name, a.cue.text, a.content.text) == (
        "Fenland Safety Inspectorate",
        "counted",
        "48 faulty lifts",
    )
    for start in ("The waiting list", "The club", "Every vote"):
        assert speakers_of(doc, start) == [], start


def test_english_found_that_is_a_report_of_an_organisation():
    body = (
        "The Fenland Safety Inspectorate visited the Elmhurst depot in May. "
        "The inspectorate found that staff had not been trained. "
        "Inspectors found that the fire doors were blocked."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    a = only(doc, "The inspectorate found")
    assert (a.speaker.name, a.cue.text) == ("Fenland Safety Inspectorate", "found")
    assert a.content.text == "that staff had not been trained"
    assert speakers_of(doc, "Inspectors found that") == ["Inspectors"]


def test_dutch_ontdekken_dat_is_a_report():
    body = (
        "De Inspectie Jeugdzorg bezocht in mei opvanghuis De Linde. "
        "De inspecteurs ontdekten dat medicijnen onveilig werden bewaard."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    a = only(doc, "De inspecteurs ontdekten")
    assert (a.cue.text, a.content.text) == ("ontdekten", "dat medicijnen onveilig werden bewaard")


def test_dutch_a_time_phrase_between_the_counting_verb_and_its_number():
    body = (
        "Ziekenhuis Merwezoom heeft de klachten over de spoedpost geteld. "
        "Het ziekenhuis telt tot nu toe slechts 9 klachten. "
        "Het ziekenhuis telt 350 bedden. Hij telde tot tien en ging weg."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    a = only(doc, "Het ziekenhuis telt tot")
    assert (a.speaker.name, a.cue.text) == ("Ziekenhuis Merwezoom", "telt")
    assert speakers_of(doc, "Het ziekenhuis telt 350") == []
    assert speakers_of(doc, "Hij telde") == []


def test_english_a_counting_verb_the_tagger_reads_as_a_noun():
    body = (
        "The Kestrel Valley Health Trust reviewed its wards in March. "
        "The trust counts 27 permanent nurses and says the rest are agency staff. "
        "The harbour board counts nine complaints. The school counts 600 pupils."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    found = attributions_of(doc, "The trust counts")
    assert [(a.speaker.name, a.cue.text) for a in found] == [
        ("Kestrel Valley Health Trust", "counts"),
        ("Kestrel Valley Health Trust", "says"),
    ]
    assert speakers_of(doc, "The harbour board") == ["harbour board"]
    assert speakers_of(doc, "The school counts") == []
