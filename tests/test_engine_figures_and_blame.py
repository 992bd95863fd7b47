"""Figure cues with the object fronted, denials and blame said with a phrase, and sources
after 'volgens' that stop before the clause's predicate. Every text is written for these
tests; the names are invented."""

from __future__ import annotations

from engine_helpers import (
    analyse,
    attributions_of,
    check_offsets,
    only,
    speaker_named,
    speakers_of,
)

NL = "nl"
EN = "en"


def test_a_fronted_quantity_puts_the_speaker_after_the_figure_verb():
    body = (
        "De gemeente Valkendijk heeft maandag een onderzoek naar de overstroming aangekondigd. "
        "De schade schat de gemeente op drie miljoen euro. "
        "Het aantal gewonden houdt de brandweer op negen. "
        "De stormschade raamt het waterschap op een half miljoen."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De schade schat") == ["Gemeente Valkendijk"]
    assert speakers_of(doc, "Het aantal gewonden") == ["brandweer"]
    assert speakers_of(doc, "De stormschade raamt") == ["waterschap"]
    check_offsets(doc, body)


def test_a_quantity_that_is_its_own_subject_has_no_speaker():
    body = (
        "De provincie Oosterhaven heeft de gevolgen van de droogte onderzocht. "
        "De schade komt uit op vier miljoen euro. "
        "De totale schade komt volgens de provincie uit op vijf miljoen euro."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De schade komt uit") == []
    assert speakers_of(doc, "De totale schade") == ["Provincie Oosterhaven"]


def test_a_fronted_figure_with_the_particle_after_the_subject():
    body = (
        "Vakbond Metaalunie heeft haar leden gevraagd naar de werkdruk. Op 250 komt de vakbond uit."
    )
    assert speaker_named(body, NL, "Op 250 komt") == "Vakbond Metaalunie"


def test_van_de_hand_wijzen_is_a_denial_of_its_subject():
    body = (
        "Transportbedrijf Kleiweg Logistiek is beschuldigd van het dumpen van afval. "
        "Transportbedrijf Kleiweg Logistiek wijst dat van de hand. "
        "Het bedrijf wijst ook de kritiek van de gemeenteraad van de hand."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Transportbedrijf Kleiweg Logistiek wijst") == [
        "Transportbedrijf Kleiweg Logistiek"
    ]
    assert speakers_of(doc, "Het bedrijf wijst") == ["Transportbedrijf Kleiweg Logistiek"]


def test_a_plural_blame_verb_the_tagger_reads_as_a_noun():
    body = (
        "De gemeente Linderveen heeft een nieuw ophaalrooster ingevoerd. "
        "De omwonenden wijten de stankoverlast aan het nieuwe rooster. "
        "Winkeliers wijten de lege straten aan de wegwerkzaamheden."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De omwonenden wijten") == ["omwonenden"]
    assert speakers_of(doc, "Winkeliers wijten") == ["Winkeliers"]


def test_put_down_to_gives_a_cause():
    body = (
        "Marlow Borough Council said on Friday that the new library would open a year late. "
        "The council put the delay down to a shortage of builders."
    )
    assert speaker_named(body, EN, "The council put") == "Marlow Borough Council"


def test_put_down_alone_is_no_cue():
    body = "Riot police in Dunmere put down the protest within an hour on Saturday evening."
    doc = analyse(body, EN)
    assert speakers_of(doc, "Riot police") == []


def test_a_volgens_source_stops_before_the_predicate():
    body = (
        "De gemeente Heuveldam heeft een parkeerverbod ingesteld in het centrum. "
        "Het parkeerverbod blijft volgens de gemeente van kracht tot april. "
        "Zuivelfabriek Noorderweide heeft haar productie stilgelegd. "
        "De winkel van de fabriek blijft volgens het bedrijf open."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Het parkeerverbod blijft") == ["Gemeente Heuveldam"]
    names = speakers_of(doc, "De winkel van de fabriek")
    assert len(names) == 1 and names[0].endswith("Noorderweide")
    check_offsets(doc, body)


def test_a_volgens_source_keeps_an_affiliation():
    body = "De brug gaat volgens de voorzitter van de ondernemersvereniging pas in mei open."
    doc = analyse(body, NL)
    names = speakers_of(doc, "De brug gaat")
    assert len(names) == 1 and "ondernemersvereniging" in names[0]


def test_a_kind_of_company_before_an_organisation_named_before():
    body = (
        "Het bouwbedrijf Stenhuys Bouw uit Almelo is begonnen aan de nieuwe sluis. "
        "Aannemer Stenhuys Bouw zegt dat de sluis in juni klaar is. "
        "De zorgverzekeraar Medora betaalt de behandeling niet meer. "
        "Zorgverzekeraar Medora stelt dat de behandeling niet werkt."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Aannemer Stenhuys Bouw") == ["Stenhuys Bouw"]
    assert speakers_of(doc, "Zorgverzekeraar Medora stelt") == ["Medora"]


def test_a_volgens_source_stops_before_a_predicate_adjective_with_a_time_phrase():
    body = (
        "De Universiteit van Dorrestein vangt sinds oktober studenten op in een sporthal. "
        "De opvang blijft volgens de universiteit open tot en met januari. "
        "Het zwembad blijft volgens de gemeente gesloten tot half maart."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De opvang blijft") == ["De Universiteit van Dorrestein"]
    assert [a.speaker.mention for a in attributions_of(doc, "Het zwembad")] == ["de gemeente"]
    check_offsets(doc, body)


def test_a_figure_written_in_words_is_read_through_the_number_words():
    body = (
        "Brandweer Wadlanden heeft de nacht van de storm doorgerekend. "
        "De brandweer houdt het op bijna vierhonderd gewonden. "
        "Het waterschap Leemvoort heeft de schade opgenomen. "
        "Het waterschap komt uit op ruim zestienduizend woningen. "
        "Ambulancedienst Kustrand houdt het op drieënveertig."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    assert speakers_of(doc, "De brandweer houdt") == ["Brandweer Wadlanden"]
    assert speakers_of(doc, "Het waterschap komt") == ["Waterschap Leemvoort"]
    assert speakers_of(doc, "Ambulancedienst Kustrand") == ["Ambulancedienst Kustrand"]


def test_a_currency_sign_does_not_use_up_the_reach_of_a_figure():
    body = (
        "The agency puts the shortfall at no more than €315 million. "
        "The agency puts the plan at the heart of its work."
    )
    doc = analyse(body, EN)
    check_offsets(doc, body)
    assert speakers_of(doc, "The agency puts the shortfall") == ["agency"]
    assert speakers_of(doc, "The agency puts the plan") == []


def test_blame_with_a_named_subject_and_no_that_clause():
    body = (
        "De gemeente Ravenstede laat de waterleidingen in het centrum vervangen. "
        "De gemeente wijst naar de aannemer, die de buizen te laat bestelde. "
        "Veerdienst Kwelder geeft de bemanning van de sleepboot van de rederij de schuld. "
        "Bouwtoezicht Oost rekent de bouwer drie gemiste inspecties aan."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    assert speakers_of(doc, "De gemeente wijst") == ["Gemeente Ravenstede"]
    assert speakers_of(doc, "Veerdienst Kwelder") == ["Veerdienst Kwelder"]
    assert speakers_of(doc, "Bouwtoezicht Oost") == ["Bouwtoezicht Oost"]


def test_pointing_at_a_thing_or_charging_costs_blames_no_one():
    body = (
        "De wegwijzer bij de kerk wijst naar het noorden. "
        "De agent wees naar de auto. "
        "De bank rekent kosten aan."
    )
    doc = analyse(body, NL)
    for start in ("De wegwijzer", "De agent", "De bank"):
        assert speakers_of(doc, start) == [], start


def test_komen_op_a_number_is_the_figure_of_a_subject_who_counts():
    body = (
        "Bij apotheekketen Medirand gingen vorige maand bestellingen mis. "
        "Zorgverzekeraar Noordhaven komt op minder dan driehonderd klanten die hun medicijnen "
        "niet kregen. De rekening komt op 40 euro. De gemeente komt op 3 juni met een plan. "
        "Bij de botsing op een kruising in Westerbuurt kwam een 40-jarige Lindevelder om het "
        "leven."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    claim = only(doc, "Zorgverzekeraar Noordhaven")
    assert claim.speaker.mention == "Zorgverzekeraar Noordhaven"
    assert claim.content.text.startswith("minder dan driehonderd klanten")
    assert speakers_of(doc, "De rekening") == []
    assert speakers_of(doc, "De gemeente komt") == []
    assert speakers_of(doc, "Bij de botsing") == []


def test_value_at_puts_a_figure_and_an_apposition_with_a_dutch_surname_speaks():
    opening = "A fire at the Veltwijk City Museum destroyed paintings last week. "
    sentence = "The museum's director, Marieke van Brakel, valued the damage at more than 1.2 million euros."
    assert speaker_named(opening + sentence, EN, "The museum's") == "Marieke van Brakel"
    plain = "Marieke van Brakel valued the damage at more than 1.2 million euros."
    assert speaker_named(opening + plain, EN, "Marieke") == "Marieke van Brakel"
    # without a figure it is another sense of the verb
    unvalued = "Marieke van Brakel valued the paintings at the museum."
    assert speakers_of(analyse(opening + unvalued, EN), "Marieke") == []


def test_de_schuld_leggen_bij_blames_for_its_subject():
    opening = (
        "Aannemer Bouwgroep Stralen BV en de gemeente Veltwijk ruziën over een ingestorte brug. "
    )
    sentence = "Het bedrijf legt de schuld juist bij de gemeente zelf."
    assert speaker_named(opening + sentence, NL, "Het bedrijf") == "Bouwgroep Stralen BV"
    # laying stones is no blame
    stones = "De gemeente legt de stenen bij de brug."
    assert speakers_of(analyse(opening + stones, NL), "De gemeente legt") == []
