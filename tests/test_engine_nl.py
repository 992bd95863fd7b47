"""Dutch attribution: who said what, and who passed it on (texts written for these tests)."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, only, speakers_of

NL = "nl"


def test_reporting_verb_with_subject_and_dat_clause():
    body = "Minister Karin Smit zegt dat de bruggen veilig zijn."
    doc = analyse(body, NL)
    a = only(doc, "Minister Karin Smit")
    assert a.speaker.name == "Karin Smit" and a.speaker.kind == "person"
    assert a.cue.text == "zegt"
    assert a.content.text == "dat de bruggen veilig zijn"
    assert a.type == "indirect"
    check_offsets(doc, body)


def test_inverted_cue_at_the_end_with_organization_and_time_word():
    body = "De gesprekken verlopen goed, meldt het Witte Huis woensdag."
    a = only(analyse(body, NL), "De gesprekken")
    assert (a.speaker.name, a.speaker.mention, a.speaker.kind) == (
        "Witte Huis",
        "het Witte Huis",
        "organization",
    )
    assert a.cue.text == "meldt"
    assert a.content.text == "De gesprekken verlopen goed"


def test_anaphoric_frame_attributes_the_previous_sentence_and_resolves_the_pronoun():
    body = (
        "De Franse president Marie Lefèvre maakt zich zorgen over de droogte. "
        "Dat heeft zij gezegd tijdens een persconferentie in Parijs."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De Franse president") == ["Marie Lefèvre"]
    a = only(doc, "Dat heeft zij gezegd")
    assert a.speaker.name == "Marie Lefèvre" and a.speaker.mention == "zij"
    assert a.cue.text == "gezegd"


def test_anaphoric_frame_with_a_long_subject_between_auxiliary_and_participle():
    body = (
        "De veerdienst naar het eiland stopt in mei. "
        "Dat heeft voorzitter Anna Berg van de havenbond gezegd."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De veerdienst") == ["Anna Berg"]
    a = only(doc, "Dat heeft voorzitter")
    assert (a.speaker.name, a.cue.text) == ("Anna Berg", "gezegd")


def test_pronoun_and_description_resolve_to_the_named_source():
    body = (
        "De Duitse kanselier Peter Braun sprak maandag met de Poolse premier Ewa Nowak. "
        "Hij benadrukte dat de samenwerking goed is. "
        "De Duitse kanselier herhaalde dat hij de grens open wil houden."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Hij benadrukte") == ["Peter Braun"]
    assert speakers_of(doc, "De Duitse kanselier herhaalde") == ["Peter Braun"]


def test_volgens_and_aldus():
    body = "Volgens de politie was de weg glad. De schade is groot, aldus burgemeester Tom Bakker."
    doc = analyse(body, NL)
    a = only(doc, "Volgens de politie")
    assert a.type == "according_to" and a.cue.text == "Volgens" and a.speaker.name == "politie"
    assert a.content.text == "was de weg glad"
    b = only(doc, "De schade is groot")
    assert (b.type, b.speaker.name, b.content.text) == (
        "according_to",
        "Tom Bakker",
        "De schade is groot",
    )


def test_direct_quote_with_inverted_speech_verb_and_continuing_quote():
    body = ",,We winnen dit jaar de beker'', zei trainer Joost Verbeek. ,,Het team is er klaar voor. De spelers ook.''"
    doc = analyse(body, NL)
    a = only(doc, ",,We winnen")
    assert (a.speaker.name, a.type, a.cue.text) == ("Joost Verbeek", "direct", "zei")
    assert a.content.text == "We winnen dit jaar de beker"
    assert speakers_of(doc, ",,Het team is er klaar voor") == ["Joost Verbeek"]
    assert speakers_of(doc, "De spelers ook") == ["Joost Verbeek"]


def test_colon_lead_in_quote():
    body = "Verbeek: „Dit was onze beste wedstrijd.”"
    a = only(analyse(body, NL), "Verbeek")
    assert (a.speaker.name, a.type, a.cue.text) == ("Verbeek", "direct", ":")
    assert a.content.text == "Dit was onze beste wedstrijd."


def test_reportative_zou_carries_the_paragraph_source_and_via_chain():
    body = (
        "Ook de Russische regering heeft een verklaring online gezet, meldt persbureau Interfax. "
        "Het overleg zou op verzoek van Parijs hebben plaatsgevonden."
    )
    doc = analyse(body, NL)
    carrier = only(doc, "Ook de Russische regering")
    assert (carrier.speaker.name, carrier.speaker.kind) == ("Interfax", "organization")
    a = only(doc, "Het overleg zou")
    assert a.type == "reportative"
    assert a.speaker.name == "Russische regering"
    assert [v.name for v in a.via] == ["Interfax"]


def test_reportative_without_a_source_is_unknown():
    body = "De veerboot zou zonder vergunning hebben gevaren."
    a = only(analyse(body, NL), "De veerboot zou")
    assert (a.speaker.name, a.speaker.kind, a.type) == ("unknown", "unknown", "reportative")


def test_nested_report_gives_the_inner_claim_a_via_chain():
    body = "Zij benadrukte dat de haven open blijft, meldt de gemeente Rotterdam. "
    doc = analyse("Wethouder Sanne Vos bezocht de haven. " + body, NL)
    found = {a.speaker.name: a for a in attributions_of(doc, "Zij benadrukte")}
    assert "Sanne Vos" in found
    assert [v.name for v in found["Sanne Vos"].via] == ["Gemeente Rotterdam"]


def test_nominal_cue_with_role_and_affiliation():
    body = "Het kabinet kreeg kritiek van secretaris-generaal Lars Holm van de VN."
    a = only(analyse(body, NL), "Het kabinet kreeg")
    assert (a.type, a.cue.text, a.speaker.name, a.speaker.affiliation) == (
        "nominal",
        "kritiek",
        "Lars Holm",
        "VN",
    )
    assert a.speaker.mention.startswith("secretaris-generaal Lars Holm")


def test_opinion_verb_with_clause_and_negated_speech():
    body = "Directeur Eva Mulder vindt dat de lonen omhoog moeten. Zij zei niet wat dat kost."
    doc = analyse(body, NL)
    assert speakers_of(doc, "Directeur Eva Mulder") == ["Eva Mulder"]
    assert speakers_of(doc, "Zij zei niet") == []  # a negated report makes no claim


def test_narration_is_not_attributed():
    body = (
        "Twee provincies verklaarden zich onafhankelijk. "
        "De leiders spraken elkaar in maart. "
        "Het regende de hele dag in Utrecht."
    )
    doc = analyse(body, NL)
    assert all(st.attributions == [] for st in doc.statements)


def test_publisher_is_left_out_of_via():
    body = "Het akkoord is rond, meldt de NOS."
    a = only(analyse(body, NL, publisher="NOS"), "Het akkoord")
    assert a.speaker.name == "NOS" and a.via == []


def test_naar_x_meldt_and_byline():
    body = "Naar Reuters meldt, is de fabriek gesloten.\n\nBron: ANP"
    doc = analyse(body, NL)
    a = only(doc, "Naar Reuters meldt")
    assert (a.speaker.name, a.cue.text) == ("Reuters", "meldt")
    b = only(doc, "Bron: ANP")
    assert (b.speaker.name, b.speaker.kind, b.type) == ("ANP", "organization", "according_to")


def test_inverted_pronoun_with_adverb_and_laten_weten():
    body = (
        "Wethouder Pieter Dekker opende de brug. "
        "Het project liep vertraging op, zei hij desgevraagd. "
        "Zijn collega Fatima El Amrani liet weten dat de kosten binnen het budget bleven."
    )
    doc = analyse(body, NL)
    a = only(doc, "Het project liep")
    assert (a.speaker.name, a.speaker.mention, a.cue.text) == ("Pieter Dekker", "hij", "zei")
    b = only(doc, "Zijn collega")
    assert b.speaker.name == "Fatima El Amrani" and b.cue.text.startswith("liet")
    assert b.content.text == "dat de kosten binnen het budget bleven"


def test_subject_of_a_verb_final_subordinate_clause():
    body = "Het bleef onrustig nadat voorzitter Kees Jansen dinsdag verklaarde dat de club failliet is."
    found = attributions_of(analyse(body, NL), "Het bleef onrustig")
    assert [(a.speaker.name, a.cue.text) for a in found] == [("Kees Jansen", "verklaarde")]
    assert found[0].content.text == "dat de club failliet is"


def test_description_resolves_through_a_compound_role():
    body = (
        "Bondscoach Maria Visser maakte de selectie bekend. "
        "De coach zei dat twee spelers geblesseerd zijn."
    )
    assert speakers_of(analyse(body, NL), "De coach zei") == ["Maria Visser"]


def test_rumour_without_source_is_unknown():
    body = "Er gaan geruchten dat de fabriek in Delft sluit."
    a = only(analyse(body, NL), "Er gaan geruchten")
    assert (a.speaker.name, a.type, a.cue.text) == ("unknown", "nominal", "geruchten")
    assert a.content.text == "dat de fabriek in Delft sluit"


def test_a_body_longer_than_one_chunk_keeps_numbering_and_attributions_in_every_chunk():
    from claimtrack.engine.extract import CHUNK_CHARS, get_extractor

    paragraph = (
        "De wethouder van Haaksbergen zei dat het zwembad open blijft. "
        "Volgens de gemeente kost de renovatie twee miljoen euro.\n\n"
    )
    body = paragraph * (2 * CHUNK_CHARS // len(paragraph) + 2)
    document = get_extractor().analyse_body(body, language="nl")
    assert [s.index for s in document.statements] == list(range(len(document.statements)))
    assert len(document.statements) == body.count(".")

    def speakers(statements):
        return [[a.speaker.name for a in s.attributions] for s in statements]

    # the last paragraph lies in another chunk than the first and reads the same
    assert speakers(document.statements[-2:]) == speakers(document.statements[:2])
    assert all(speakers(document.statements[:2]))
