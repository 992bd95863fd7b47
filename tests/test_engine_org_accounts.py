"""Reports that relay organisations' accounts: blame and responsibility as cues, figures
put on a count, organisation names that open a sentence, a name before its apposition."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, only, speaker_named

# ---------------------------------------------------------------- blame and responsibility


def test_dutch_wijten_aan_attributes_the_cause_to_the_subject():
    body = "Het hoogheemraadschap wijt de wateroverlast aan de verstopte gemalen."
    found = only(analyse(body, "nl"), "Het hoogheemraadschap")
    assert found.speaker.name.lower() == "hoogheemraadschap"
    assert "verstopte gemalen" in found.content.text


def test_dutch_de_schuld_geven_is_a_cue():
    body = "De vakbond geeft de werkgever de schuld van de vertraging."
    assert speaker_named(body, "nl", "De vakbond").lower() == "vakbond"


def test_dutch_verantwoordelijk_houden_is_a_cue():
    body = "De provincie houdt de projectontwikkelaar verantwoordelijk voor de verzakte woningen."
    assert speaker_named(body, "nl", "De provincie").lower() == "provincie"


def test_dutch_te_wijten_zijn_reports_nothing():
    body = "De vertraging is te wijten aan een kapotte wissel."
    assert attributions_of(analyse(body, "nl"), "De vertraging") == []


def test_english_blame_is_a_cue():
    body = "The council blamed contractors for the delay."
    found = only(analyse(body, "en"), "The council")
    assert found.speaker.name.lower() == "council"
    assert "contractors" in found.content.text


# ---------------------------------------------------------------- figures


def test_dutch_het_houden_op_puts_a_figure():
    body = "De politie houdt het op vijftien arrestaties."
    found = only(analyse(body, "nl"), "De politie")
    assert found.speaker.name.lower() == "politie"
    assert "vijftien" in found.content.text


def test_dutch_houden_op_without_a_figure_is_no_cue():
    body = "De gemeente houdt streng toezicht op de bouw van de nieuwe wijk."
    assert attributions_of(analyse(body, "nl"), "De gemeente") == []


def test_english_put_at_a_figure_is_a_cue():
    body = "The coastguard put the number of missing sailors at 14."
    found = only(analyse(body, "en"), "The coastguard")
    assert found.speaker.name.lower() == "coastguard"
    assert "14" in found.content.text


# ---------------------------------------------------------------- names opening a sentence


def test_a_figure_after_a_three_word_bound_is_still_put_on_the_count():
    # "no more than", "a little over": the number stands four words after "at"
    body = "The water board puts the flooded area at no more than 300 hectares."
    assert speaker_named(body, "en", "The water board").lower() == "water board"
    body = "De stichting schat de schade op iets meer dan 2 miljoen euro."
    assert speaker_named(body, "nl", "De stichting").lower() == "stichting"


def test_organisation_noun_opening_a_sentence_stays_in_the_name():
    body = "Provincie Drenthe stelt dat de weg over de dijk veilig is."
    assert speaker_named(body, "nl", "Provincie Drenthe") == "Provincie Drenthe"


def test_tail_of_an_organisation_name_seen_before_is_that_organisation():
    body = (
        "Volgens Provincie Drenthe is de weg veilig.\n\nDrenthe zegt ook dat de brug open blijft."
    )
    assert speaker_named(body, "nl", "Drenthe zegt") == "Provincie Drenthe"


# ---------------------------------------------------------------- apposition


def test_english_name_before_its_apposition_is_thespeaker_named():
    body = (
        "Omgevingsdienst Rijnmond, the environmental agency, estimated that 50 homes were affected."
    )
    assert speaker_named(body, "en", "Omgevingsdienst") == "Omgevingsdienst Rijnmond"


def test_english_put_at_without_a_figure_is_no_cue():
    body = "The storm put the harvest at risk across the valley."
    assert attributions_of(analyse(body, "en"), "The storm") == []


# ---------------------------------------------------------------- a name fronted in a main clause


def test_dutch_name_before_the_verb_is_the_subject_not_the_object_after_it():
    body = "Netbeheer Noord geeft de monteur de schuld van de stroomstoring."
    assert speaker_named(body, "nl", "Netbeheer Noord") == "Netbeheer Noord"


def test_dutch_place_phrase_before_the_verb_is_no_subject():
    body = "In Den Haag zegt premier Jansen dat het kabinet blijft zitten."
    assert speaker_named(body, "nl", "In Den Haag") == "Jansen"


# ---------------------------------------------------------------- stances without a clause


def test_dutch_a_demand_verb_the_tagger_reads_as_an_adjective():
    body = (
        "De bewonersvereniging eist opheldering over de sluiting van het buurthuis. "
        "De bewonersvereniging eist een onafhankelijke commissie. "
        "De bewonersvereniging verhuist naar een ander gebouw."
    )
    doc = analyse(body, "nl")
    for start in ("De bewonersvereniging eist opheldering", "De bewonersvereniging eist een"):
        a = only(doc, start)
        assert (a.speaker.name, a.cue.text) == ("bewonersvereniging", "eist"), start
    assert attributions_of(doc, "De bewonersvereniging verhuist") == []


def test_dutch_sticking_to_or_rejecting_a_position_is_a_stance_of_the_subject():
    body = (
        "Kiesvereniging Zandhoven legt zich niet neer bij de hertelling. "
        "Stichting Telpunt houdt vast aan haar eigen cijfers. "
        "De gemeente houdt al jaren vast aan het plan. "
        "De agent hield de man vast aan zijn arm. "
        "Het touw houdt vast aan de paal."
    )
    doc = analyse(body, "nl")
    assert [a.speaker.name for a in attributions_of(doc, "Kiesvereniging Zandhoven")] == [
        "Kiesvereniging Zandhoven"
    ]
    assert [a.speaker.name for a in attributions_of(doc, "Stichting Telpunt")] == [
        "Stichting Telpunt"
    ]
    assert [a.speaker.name for a in attributions_of(doc, "De gemeente houdt")] == ["gemeente"]
    assert attributions_of(doc, "De agent") == []
    assert attributions_of(doc, "Het touw") == []


def test_dutch_an_opinion_with_an_object_and_a_predicate_and_no_clause():
    body = (
        "Het schiereiland vindt de nieuwe veerdienst in strijd met de gemaakte afspraken. "
        "De provincie vindt de brug te duur. "
        "De politie vond de auto in een sloot."
    )
    doc = analyse(body, "nl")
    a = only(doc, "Het schiereiland")
    assert (a.speaker.name, a.cue.text) == ("schiereiland", "vindt")
    assert a.content.text == "de nieuwe veerdienst in strijd met de gemaakte afspraken"
    assert [a.speaker.name for a in attributions_of(doc, "De provincie")] == ["provincie"]
    assert attributions_of(doc, "De politie") == []


def test_records_an_organisation_owns_speak_for_it():
    body = (
        "An ambulance was called to a farm near Brackwell on Sunday. The Northgate Ambulance "
        "Agency says the crew left at once. The agency's records put the call at 21:14."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    claim = only(doc, "The agency's records")
    assert claim.speaker.name == "Northgate Ambulance Agency"
    assert claim.speaker.mention == "The agency"


def test_records_owned_by_its_speak_for_the_organisation_named_after_them():
    body = (
        "The phone company Telmora was blamed for the outage. Its logs show the first call "
        "arriving at 4:55 am, the company added."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    claim = only(doc, "Its logs show")
    assert claim.cue.text == "added"
    assert claim.speaker.mention == "the company"
    assert claim.via == []
