"""An organisation named once in full, then referred to again within the article: by the
first word(s) of its name ("Ostervik" after "Ostervik Marine Systems"), by its name with
the noun that makes it one ("de gemeente Zandvoorde" is "Gemeente Zandvoorde"), or by a
description of its kind ("het bedrijf", "the council") when one organisation of the
article is of that kind."""

from __future__ import annotations

from engine_helpers import speaker_named

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
