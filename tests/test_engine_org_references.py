"""An organisation named once in full, then referred to again within the article: by the
first word(s) of its name ("Ostervik" after "Ostervik Marine Systems"), by its name with
the noun that makes it one ("de gemeente Zandvoorde" is "Gemeente Zandvoorde"), or by a
description of its kind ("het bedrijf", "the council") when one organisation of the
article is of that kind."""

from __future__ import annotations

import pytest
from engine_helpers import analyse, check_offsets, only, speaker_named, speakers_of

# ---------------------------------------------------------------- a short form of the name


def test_dutch_first_word_of_a_company_name_is_the_company():
    body = (
        "Korvanger Logistiek Groep kondigde dinsdag aan dat het depot in Deventer sluit. "
        "Korvanger zegt dat veertig banen verdwijnen."
    )
    assert speaker_named(body, "nl", "Korvanger zegt") == "Korvanger Logistiek Groep"


def test_english_first_word_of_a_company_name_is_the_company():
    body = (
        "Ostervik Marine Systems said on Tuesday that the hull had passed inspection. "
        "Ostervik claimed the inspectors had found no cracks."
    )
    assert speaker_named(body, "en", "Ostervik claimed") == "Ostervik Marine Systems"


def test_english_leading_words_of_a_company_name_are_the_company():
    body = (
        "Tillmark Harbour Engineering said on Monday that the crane had failed. "
        "Tillmark Harbour said the repairs would take weeks."
    )
    assert speaker_named(body, "en", "Tillmark Harbour said") == "Tillmark Harbour Engineering"


def test_a_short_form_of_two_companies_stays_as_written():
    body = (
        "Korvanger Logistiek Groep kondigde dinsdag aan dat het depot in Deventer sluit. "
        "Korvanger Bouw meldt dat het de hal wil kopen. "
        "Korvanger zegt dat veertig banen verdwijnen."
    )
    assert speaker_named(body, "nl", "Korvanger zegt") == "Korvanger"


def test_a_persons_surname_is_no_short_form_of_a_company():
    body = (
        "Korvanger Logistiek Groep kondigde dinsdag aan dat het depot in Deventer sluit. "
        "Burgemeester Korvanger zegt dat veertig banen verdwijnen."
    )
    assert speaker_named(body, "nl", "Burgemeester Korvanger") == "Korvanger"


# ---------------------------------------------------------------- "de gemeente X"


def test_de_gemeente_keeps_its_noun_in_the_name():
    body = (
        "De gemeente Zandvoorde stelt dat de brug over de Vliet te smal is geworden. "
        "Volgens wethouder Pieter Smit is er geen geld voor een nieuwe brug."
    )
    assert speaker_named(body, "nl", "De gemeente Zandvoorde") == "Gemeente Zandvoorde"


def test_het_waterschap_keeps_its_noun_and_the_bare_name_refers_to_it():
    body = (
        "Het waterschap Rijnvallei meldt dat de dijken het hoge water aankunnen. "
        "Rijnvallei verwacht dat de rivier vrijdag weer zakt."
    )
    assert speaker_named(body, "nl", "Het waterschap Rijnvallei") == "Waterschap Rijnvallei"
    assert speaker_named(body, "nl", "Rijnvallei verwacht") == "Waterschap Rijnvallei"


def test_de_gemeente_mid_sentence_is_the_named_municipality():
    body = (
        "De brug is volgens de gemeente Zandvoorde te smal geworden voor vrachtverkeer. "
        "Zandvoorde wil volgend jaar een nieuwe brug bouwen, meldt de krant."
    )
    assert speaker_named(body, "nl", "De brug is") == "Gemeente Zandvoorde"


def test_a_mayor_is_no_municipality():
    body = (
        "Burgemeester Jansen zegt dat de brug over de Vliet te smal is geworden. "
        "De gemeente Zandvoorde wil volgend jaar een nieuwe brug bouwen, zegt Jansen."
    )
    assert speaker_named(body, "nl", "Burgemeester Jansen") == "Jansen"


# ---------------------------------------------------------------- a description by kind

TOWN = "Gemeente Zandvoorde"
COMPANY = "Korvanger Logistiek Groep"
SHIPPER = "Ostervik Marine Systems"
TWO_KINDS_EN = (
    "Gemeente Zandvoorde said the bridge over the Vliet had become too narrow. "
    "Ostervik Marine Systems said its lorries would take a detour. "
)
TWO_KINDS_NL = (
    "De gemeente Zandvoorde stelt dat de brug over de Vliet te smal is geworden. "
    "Korvanger Logistiek Groep meldt dat zijn vrachtwagens voortaan omrijden. "
)


@pytest.mark.parametrize(
    ("sentence", "language", "prefix", "expected"),
    [
        ("Het bedrijf zegt dat het de extra kosten niet wil dragen.", "nl", "Het bedrijf", COMPANY),
        (
            "De vervoerder verwacht dat de levertijden een dag langer worden.",
            "nl",
            "De vervoerder",
            COMPANY,
        ),
        (
            "Het gemeentehuis laat weten dat er volgend jaar een nieuwe brug komt.",
            "nl",
            "Het gemeentehuis",
            TOWN,
        ),
        ("The council said a new bridge would be built next year.", "en", "The council", TOWN),
        (
            "The municipality said a new bridge would be built next year.",
            "en",
            "The municipality",
            TOWN,
        ),
        ("The company said it would not pay for the detour.", "en", "The company", SHIPPER),
        ("The operator said it would not pay for the detour.", "en", "The operator", SHIPPER),
    ],
)
def test_a_description_names_the_one_organisation_of_its_kind(sentence, language, prefix, expected):
    body = (TWO_KINDS_NL if language == "nl" else TWO_KINDS_EN) + sentence
    assert speaker_named(body, language, prefix) == expected


def test_a_union_is_known_by_a_compound_of_its_name():
    body = (
        "Chauffeursbond Hallewijn meldt dat de chauffeurs te lang moeten rijden. "
        "Korvanger Logistiek Groep zegt dat de roosters kloppen. "
        "De vakbond zegt dat de werkgever de roosters moet aanpassen."
    )
    assert speaker_named(body, "nl", "De vakbond") == "Chauffeursbond Hallewijn"


def test_a_company_of_known_kind_comes_before_one_of_no_known_kind():
    body = (
        "Korvanger Logistiek Groep meldt dat zijn vrachtwagens voortaan omrijden. "
        "Vervoerder Hallewijn zegt dat de brug te smal is. "
        "Het bedrijf zegt dat het de extra kosten niet wil dragen."
    )
    assert speaker_named(body, "nl", "Het bedrijf") == "Hallewijn"


@pytest.mark.parametrize(
    ("body", "language", "prefix"),
    [
        (  # two companies
            (
                "Hallewijn Vervoer BV meldt dat zijn vrachtwagens voortaan omrijden. "
                "Korvanger Logistiek NV zegt dat de brug te smal is. "
                "Het bedrijf zegt dat het de extra kosten niet wil dragen."
            ),
            "nl",
            "Het bedrijf",
        ),
        (  # two organisations of no known kind
            (
                "Ostervik Marine Systems said its lorries would take a detour. "
                "Brennmoor Freight Services said the bridge had been too narrow for years. "
                "The company said it would not pay for the detour."
            ),
            "en",
            "The company",
        ),
        (  # two municipalities
            (
                "Gemeente Zandvoorde said the bridge over the Vliet had become too narrow. "
                "Gemeente Hallewijk said it would share the costs. "
                "The council said a new bridge would be built next year."
            ),
            "en",
            "The council",
        ),
    ],
)
def test_a_description_two_organisations_fit_stays_a_description(body, language, prefix):
    noun = prefix.split()[-1]
    assert speaker_named(body, language, prefix).lower() == noun.lower()


# ---------------------------------------------------------------- a date is no organisation


@pytest.mark.parametrize(
    ("body", "language", "prefix", "expected"),
    [
        (  # the month would be the one organisation of no known kind a company may be
            (
                "Ferry crossings have run late since May, Brightwater Town Council said. "
                "The company said the new engine parts would arrive in April."
            ),
            "en",
            "The company",
            "company",
        ),
        (
            (
                "Ferry crossings have run late since May, Brightwater Town Council said. "
                "The operator claims the crossings will be back on time by June."
            ),
            "en",
            "The operator",
            "operator",
        ),
        (  # Dutch writes months in lower case: capitalised at a sentence start, still a date
            (
                "Sinds Mei ligt de pont stil, meldt Gemeente Veendijk. "
                "Eind April was de schade al bekend. "
                "Het bedrijf zegt dat de reparatie tot de zomer duurt."
            ),
            "nl",
            "Het bedrijf",
            "bedrijf",
        ),
    ],
)
def test_a_month_is_no_organisation_a_description_names(body, language, prefix, expected):
    assert speaker_named(body, language, prefix) == expected


def test_a_month_that_is_also_a_given_name_names_a_person_without_a_date_around_it():
    """'May' and 'April' are given names too: after 'since' or 'in', or beside a day number,
    they are the month; opening a name, or alone where a person of that name was named, a
    person's."""
    body = (
        "Ferry crossings have run late since May, Brightwater Town Council said. "
        "Councillor Ruth May said in April that the pier was safe. "
        "May said that the railings would be painted by 3 June. "
        "May Collins, a spokeswoman for the ferry line, said the crossings would improve. "
        "The company said the new engine parts had arrived."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    assert only(doc, "Councillor Ruth May").speaker.name == "Ruth May"
    assert only(doc, "May said").speaker.name == "Ruth May"
    collins = only(doc, "May Collins").speaker
    assert (collins.name, collins.kind) == ("May Collins", "person")
    assert only(doc, "The company").speaker.name == "company"


def test_a_short_form_of_a_named_foundation_is_no_company_of_unknown_kind():
    # "Duinbehoud" names Stichting Duinbehoud Kerkwijk, a foundation: "the company" is not it
    body = (
        "Veldhoven Wind, which runs the wind farm, said nobody had been hurt.\n\n"
        "Stichting Duinbehoud Kerkwijk, a residents' foundation, said it was sheer luck.\n\n"
        "According to Duinbehoud, the blade broke off before midnight.\n\n"
        "The company denied this, saying the turbine had stopped at 3 am."
    )
    speakers = speakers_of(analyse(body, "en"), "The company denied")
    assert speakers and not any("Duinbehoud" in name for name in speakers)


def test_a_dutch_institution_name_in_an_english_article_keeps_its_preposition():
    body = (
        "Fishing boats from Harlingen stayed in port this week after a row over quotas. "
        "The Landelijke Raad voor Visserij (LRV), the Dutch fisheries council, said on Monday "
        "it had asked the ministry for help."
    )
    assert speaker_named(body, "en", "The Landelijke Raad") == "Landelijke Raad voor Visserij"


def test_it_after_an_organisation_spoke_is_that_organisation_not_one_mentioned_earlier():
    body = (
        "The ferry operator Harbourline cancelled all crossings after its booking system "
        "failed. The Kestrel Passenger Association (KPA) complained about the delays. "
        "Harbourline blamed the storm. It also pointed to a subcontractor, Veltman Systems, "
        "which it said had installed the software."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    assert set(speakers_of(doc, "It also pointed")) == {"Harbourline"}


def test_it_may_stand_for_a_name_read_as_a_person_for_want_of_other_evidence():
    body = (
        "The Kestrel Port Authority (KPA) said the harbour stayed open. Harbourline blamed the "
        "storm and the port authority. It also pointed to a subcontractor, Veltman Systems, "
        "which it said had installed the software."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    assert speakers_of(doc, "It also pointed") == ["Harbourline", "Harbourline"]


def test_it_after_an_organisation_known_by_its_description_is_that_organisation():
    body = (
        "A man died at his home in Dunmere on Friday. The ambulance service said it had "
        "received a call at 10:02 pm from a neighbour. It says an ambulance reached the house "
        "27 minutes later."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    assert speakers_of(doc, "It says an ambulance") == ["ambulance service"]
