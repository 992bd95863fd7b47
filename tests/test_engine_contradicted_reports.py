"""'Contrary to what X said, …': X's claim is denied, and X is no speaker of the sentence
(texts written for these tests, fictional names)."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, speakers_of


def test_contrary_to_what_names_no_speaker():
    body = (
        "Calder Steelworks Ltd has rejected criticism from Dunmere District Council. "
        "In a statement, Calder Steelworks wrote that its crane drivers were certified.\n\n"
        "Contrary to what the council said on Monday, every crane was inspected.\n\n"
        "Unlike what the mayor said last week, the bridge opened on time."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    assert "Dunmere District Council" not in speakers_of(doc, "Contrary to what")
    assert speakers_of(doc, "Unlike what the mayor") == []


def test_dutch_anders_dan_names_no_speaker():
    body = (
        "Staalbedrijf Calderstaal BV weerspreekt de kritiek van de gemeente Dunmere.\n\n"
        "Anders dan de gemeente beweert, is elke kraan gekeurd.\n\n"
        "In tegenstelling tot wat de wethouder maandag zei, is de brug veilig, stelt het bedrijf."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    assert speakers_of(doc, "Anders dan de gemeente") == []
    found = attributions_of(doc, "In tegenstelling tot")
    assert [(a.speaker.name, a.via) for a in found] == [("Staalbedrijf Calderstaal BV", [])]


def test_a_report_after_anders_dan_without_a_contrast_clause_stays():
    body = "Anders dan vorig jaar zegt wethouder Pien Raadgever dat de brug op tijd klaar is."
    doc = analyse(body, "nl")
    assert speakers_of(doc, "Anders dan vorig jaar") == ["Pien Raadgever"]
