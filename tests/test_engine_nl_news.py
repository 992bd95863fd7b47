"""Dutch attribution in the habits of today's news sites: frames that point back with
'Dat laat X weten' and 'Dat heeft X bevestigd', institutions whose names hold 'van' or
'voor', reports that speak for whoever made them, and particles that are prepositions.
Every text is written for these tests."""

from __future__ import annotations

from engine_helpers import analyse, check_offsets, only, speakers_of

NL = "nl"


def test_dat_laat_x_weten_attributes_the_sentence_before():
    body = (
        "Het waterschap verhoogt volgend jaar de heffing met acht procent. Dat laat "
        "dijkgraaf Marieke Kok weten in een brief aan de inwoners.\n\n"
        "De veerdienst vaart in de winter niet. Dat heeft de rederij woensdag laten weten."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Het waterschap verhoogt") == ["Marieke Kok"]
    assert speakers_of(doc, "Dat laat dijkgraaf") == ["Marieke Kok"]
    assert speakers_of(doc, "De veerdienst vaart") == ["rederij"]
    check_offsets(doc, body)


def test_a_frame_with_a_time_word_and_place_after_the_verb_still_points_back():
    body = (
        "Wethouder Joris Brand blijft aan tot de verkiezingen. Dat zei hij maandagavond "
        "tijdens een drukke bewonersavond."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Wethouder Joris Brand blijft") == ["Joris Brand"]


def test_a_frame_that_points_back_keeps_its_own_clause_when_it_has_one():
    body = "De bibliotheek gaat dicht. Dat zei de directeur: ,,We hebben geen keus.''"
    doc = analyse(body, NL)
    assert speakers_of(doc, "De bibliotheek gaat dicht") == []
    assert speakers_of(doc, "Dat zei de directeur") == ["directeur"]


def test_an_acronym_that_spells_a_preposition_stays_in_the_source():
    body = (
        "Het Openbaar Ministerie seponeert de zaak tegen de havenmeester. Dat heeft een "
        "woordvoerder van het OM vrijdag bevestigd."
    )
    doc = analyse(body, NL)
    attribution = only(doc, "Het Openbaar Ministerie seponeert")
    assert attribution.speaker.name == "woordvoerder"
    assert attribution.speaker.affiliation == "OM"


def test_institution_names_keep_van_and_voor():
    body = (
        "Volgens de Vereniging van Nederlandse Schippers is de vaargeul te ondiep. "
        "Het aantal verkochte fietsen is vorig jaar gedaald, blijkt uit cijfers van het "
        "Centraal Bureau voor de Statistiek."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Volgens de Vereniging") == ["Vereniging van Nederlandse Schippers"]
    assert speakers_of(doc, "Het aantal verkochte fietsen") == [
        "Centraal Bureau voor de Statistiek"
    ]


def test_a_report_speaks_for_whoever_made_it_and_points_back():
    body = (
        "Steeds meer studenten wonen langer thuis. Dat blijkt uit onderzoek van het "
        "Nibud-instituut."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Steeds meer studenten") == ["Nibud-instituut"]
    assert speakers_of(doc, "Dat blijkt uit") == ["Nibud-instituut"]


def test_a_preposition_the_parser_reads_as_a_particle_does_not_hide_the_cue():
    body = (
        "De fabriek in Tiel sluit haar deuren. Dat meldt de NOS op basis van bronnen "
        "binnen het bedrijf."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Dat meldt de NOS") == ["NOS"]
    assert speakers_of(doc, "De fabriek in Tiel") == ["NOS"]


def test_a_real_separable_particle_still_makes_another_verb():
    body = "De rechter stelde de uitspraak uit tot volgende week."
    doc = analyse(body, NL)
    assert speakers_of(doc, "De rechter stelde") == []


def test_reporting_verbs_the_tagger_reads_as_nouns_still_report():
    body = (
        "Havenmeester Sjoerd Mulder ontkent dat de sluis te laat dichtging. "
        ",,Het water steeg te snel'', vreest dijkwerker Pim Dekker. "
        "Kapitein Ada Smit betoogt dat de vaargeul breder moet."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Havenmeester Sjoerd Mulder") == ["Sjoerd Mulder"]
    assert speakers_of(doc, ",,Het water steeg") == ["Pim Dekker"]
    assert speakers_of(doc, "Kapitein Ada Smit") == ["Ada Smit"]


def test_a_noun_after_a_possessive_before_dat_stays_a_noun():
    body = "Zijn antwoord dat de brug openging, kwam te laat."
    doc = analyse(body, NL)
    assert speakers_of(doc, "Zijn antwoord") == []


def test_being_convinced_is_a_view_of_the_subject_and_an_impersonal_passive_has_no_source():
    body = (
        "De burgemeester is ervan overtuigd dat de markt terugkomt. "
        "Er wordt gevreesd dat de dijk het niet houdt."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De burgemeester is ervan") == ["burgemeester"]
    assert speakers_of(doc, "Er wordt gevreesd") == ["unknown"]
