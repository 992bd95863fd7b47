"""Dutch attribution in the habits of today's news sites: frames that point back with
'Dat laat X weten' and 'Dat heeft X bevestigd', institutions whose names hold 'van' or
'voor', reports that speak for whoever made them, and particles that are prepositions.
Every text is written for these tests."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, only, speakers_of

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
        "Burgemeester Femke Jansen van Zwolle is niet van plan op te stappen. Dat zei ze "
        "dinsdagavond tijdens een extra raadsvergadering."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Burgemeester Femke Jansen") == ["Femke Jansen"]


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


PORTRAIT = (
    "Na twintig jaar stopt bakker Henk Wolters uit Deventer met zijn zaak.\n\n"
    '"Ik heb het echt geprobeerd", vertelt Wolters in zijn lege winkel. '
    '"Niemand wil nog om vier uur \'s nachts opstaan."\n\n'
    "Zijn vrouw Ria staat al die jaren naast hem achter de toonbank. "
    '"We hebben er alles aan gegeven. Maar je lijf zegt op een gegeven moment: het is genoeg."\n\n'
    "Volgens voorzitter Tom Brink sluiten elk jaar honderden bakkerijen. "
    '"Het vak is zwaar en de energieprijzen zijn hoog", zegt Brink. '
    '"Jongeren kiezen liever iets anders."\n\n'
    "Wolters zelf blijft positief. "
    '"Ik ga eindelijk eens op vakantie. Met Ria naar Italië."'
)


def test_an_unframed_quote_goes_to_the_person_just_introduced_with_a_relation():
    doc = analyse(PORTRAIT, NL)
    assert speakers_of(doc, '"We hebben er alles') == ["Ria"]
    assert speakers_of(doc, "Maar je lijf zegt") == ["Ria"]
    check_offsets(doc, PORTRAIT)


def test_a_known_surname_opening_a_sentence_takes_the_quote_after_it():
    doc = analyse(PORTRAIT, NL)
    assert speakers_of(doc, '"Ik ga eindelijk') == ["Henk Wolters"]
    assert speakers_of(doc, "Met Ria naar") == ["Henk Wolters"]


def test_a_person_name_split_by_odd_tags_is_one_source():
    doc = analyse(PORTRAIT, NL)
    assert speakers_of(doc, "Volgens voorzitter Tom Brink") == ["Tom Brink"]
    assert speakers_of(doc, '"Jongeren kiezen') == ["Tom Brink"]


WITNESSES = (
    "In een buurthuis in Lelystad is zondag brand uitgebroken. Volgens getuigen "
    'klonken er eerst twee harde knallen. "Alles trilde", zegt een bewoner van de flat ernaast '
    'tegen de regionale omroep Omroep Flevoland. "Ik dacht dat er een bom was ontploft."\n\n'
    'Wethouder Sanne Mol sprak van "een afschuwelijke nacht".'
)


def test_a_source_that_opens_the_sentence_ends_before_its_finite_verb():
    doc = analyse(WITNESSES, NL)
    assert speakers_of(doc, "Volgens getuigen") == ["getuigen"]


def test_a_speaker_known_by_a_description_keeps_the_floor_over_a_name_in_the_frame():
    doc = analyse(WITNESSES, NL)
    speaker = speakers_of(doc, '"Alles trilde"')
    assert speaker and speaker[0].startswith("bewoner")
    assert speakers_of(doc, '"Ik dacht dat er een bom') == speaker


def test_spreken_van_frames_the_quoted_words():
    doc = analyse(WITNESSES, NL)
    assert speakers_of(doc, "Wethouder Sanne Mol sprak van") == ["Sanne Mol"]


def test_a_participle_with_a_separating_diaeresis_reads_as_its_verb():
    from claimtrack.engine.lang.inflection import infinitive_candidates
    from claimtrack.engine.lang.nl import PROFILE as P

    found = infinitive_candidates(
        "geëist",
        P.inflection_suffixes,
        P.participle_prefix,
        P.participle_suffixes,
        P.infinitive_ending,
        P.voicing,
        P.separable_particles,
        P.separating_diaeresis,
    )
    assert "eisen" in found


def test_a_plural_pronoun_after_people_named_together_speaks_for_all_of_them():
    body = (
        "Burgemeester Anna Vos, wethouder Kees Bakker en directeur Els de Lange presenteerden "
        "gisteren het plan. Ze zeiden dat de wijk over vijf jaar klaar is.\n\n"
        "Anna Vos kwam later terug. Zij zei dat de kosten meevallen."
    )
    doc = analyse(body, NL)
    assert sorted(speakers_of(doc, "Ze zeiden")) == ["Anna Vos", "Els de Lange", "Kees Bakker"]
    assert speakers_of(doc, "Zij zei") == ["Anna Vos"]


def test_frames_that_name_a_document_or_someones_words_point_back():
    body = (
        "Het aantal ooievaars in Drenthe is verdubbeld. Dat is te lezen in een rapport van "
        "de Vogelbescherming.\n\n"
        "De bakkerij sluit in maart. Dat zijn de woorden van eigenaar Joost Kramer."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Het aantal ooievaars") == ["Vogelbescherming"]
    assert speakers_of(doc, "De bakkerij sluit") == ["Joost Kramer"]


def test_volgens_a_plan_or_timetable_is_no_source():
    body = "De veerboot vertrok volgens de dienstregeling om negen uur. Alles ging volgens plan."
    doc = analyse(body, NL)
    assert speakers_of(doc, "De veerboot vertrok") == []
    assert speakers_of(doc, "Alles ging") == []


def test_hearsay_takes_the_source_a_frame_names_next_or_a_volgens_before():
    body = (
        "De brandstichter zou de benzine in een schuur hebben bewaard. Dat meldt de politie.\n\n"
        "Volgens persbureau ANP heeft de minister haar excuses aangeboden. Zij zou daarbij "
        "in tranen zijn geweest.\n\n"
        "De bus zou veel te hard hebben gereden, zeggen getuigen."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De brandstichter zou") == ["politie"]
    assert only(doc, "De brandstichter zou").type == "reportative"
    assert speakers_of(doc, "Zij zou daarbij") == ["ANP"]
    assert speakers_of(doc, "De bus zou") == ["getuigen"]


def test_a_role_with_its_portfolio_before_a_name_keeps_the_name():
    body = (
        "Volgens minister van Onderwijs Karin Peeters moet de school open blijven. "
        "Minister van Buitenlandse Zaken Hanna Smit zegt dat het overleg doorgaat."
    )
    doc = analyse(body, NL)
    attribution = only(doc, "Volgens minister van Onderwijs")
    assert attribution.speaker.name == "Karin Peeters"
    assert attribution.speaker.affiliation == "Onderwijs"
    assert speakers_of(doc, "Minister van Buitenlandse Zaken") == ["Hanna Smit"]


def test_a_short_unframed_term_in_quotes_is_no_ones_speech():
    body = (
        '"We zijn blij met de uitslag", zegt directeur Mila Jansen. De inspectie gaf het '
        "kinderdagverblijf het etiket ‘voorbeeldig’. De nieuwe vleugel krijgt de naam "
        '"de zonnebloem". "Er is wel een wachtlijst. Dat is jammer."'
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De inspectie gaf") == []
    assert speakers_of(doc, "De nieuwe vleugel") == []
    assert speakers_of(doc, '"Er is wel een wachtlijst') == ["Mila Jansen"]


def test_word_order_rules_out_sources_the_parse_suggests():
    body = (
        "Trainer Rob Mulder is ontevreden. Steevast klaagt hij over de scheidsrechters.\n\n"
        "De zwemmers wisten te melden dat de club schulden heeft.\n\n"
        '"Het loket sluit", maakte het stadsbestuur bekend.\n\n'
        "Wouters komt naar eigen zeggen op voor de zwemmers."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Steevast klaagt hij") == ["Rob Mulder"]
    assert speakers_of(doc, "De zwemmers wisten") == ["zwemmers"]
    assert speakers_of(doc, '"Het loket sluit"') == ["stadsbestuur"]
    assert speakers_of(doc, "Wouters komt naar eigen zeggen") == ["Wouters"]


def test_reflexive_cue_verbs_keep_their_pronoun_and_other_reflexives_stay_no_cue():
    body = (
        "Burgemeester Bos vroeg zich af of het plan haalbaar is. "
        "De twee ploegen verklaarden zich bereid te helpen."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Burgemeester Bos vroeg") == ["Bos"]
    assert speakers_of(doc, "De twee ploegen") == []


def test_verbs_in_a_sense_that_reports_nothing_are_no_cues():
    body = (
        "Erkende sportclubs krijgen voortaan meer steun. De gemeente geeft de voorkeur aan "
        "een nieuwe sporthal. De bond stelt hoge eisen aan de clubs. Niemand weet hoe lang de "
        "bouw duurt. Het tekort, dat wil zeggen het verschil tussen inkomsten en uitgaven, groeit."
    )
    doc = analyse(body, NL)
    for start in (
        "Erkende sportclubs",
        "De gemeente geeft",
        "De bond stelt",
        "Niemand weet",
        "Het tekort",
    ):
        assert speakers_of(doc, start) == [], start


def test_more_ways_of_pointing_back_and_of_holding_a_view():
    body = (
        "De oppositie is boos. Zo omschrijft fractievoorzitter Lies Maes de situatie.\n\n"
        "De wijk krijgt een nieuw park. Dat belooft wethouder Tom Dekker in een interview.\n\n"
        "In de ogen van de vakbond is het voorstel onaanvaardbaar. Voorzitter Ans Kok maakt "
        "zich sterk dat er een betere regeling komt. Ze wijst op de kosten voor de leden."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De oppositie is boos") == ["Lies Maes"]
    assert speakers_of(doc, "De wijk krijgt") == ["Tom Dekker"]
    assert speakers_of(doc, "Dat belooft wethouder") == ["Tom Dekker"]
    assert speakers_of(doc, "In de ogen van") == ["vakbond"]
    assert speakers_of(doc, "Voorzitter Ans Kok") == ["Ans Kok"]
    assert speakers_of(doc, "Ze wijst op") == ["Ans Kok"]


def test_a_pronoun_refers_to_a_person_known_only_by_a_role():
    body = (
        "De politie zoekt de dader van de inbraak bij het meisje Sara Vink. Een woordvoerder "
        "gaf gisteren details. „We hebben een spoor”, zei hij."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "„We hebben een spoor”") == ["woordvoerder"]


def test_rubrics_interjections_and_generic_you_are_no_sources():
    body = (
        "Trainer Rob Mulder is ontevreden. Gevolg: de club zoekt een nieuwe spits. "
        "Je kan zeggen dat het seizoen mislukt is. Mulder: ,,We gaan door.''"
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Gevolg:") == []
    assert "Je" not in speakers_of(doc, "Je kan zeggen")
    assert speakers_of(doc, "Mulder:") == ["Rob Mulder"]


def test_a_known_surname_read_as_a_plural_noun_is_still_the_person():
    body = (
        '"De wereldhandel zit in een dip", zegt topman Boudewijn Siemons. '
        "Siemons wijst op de onrust in het Rode Zeegebied."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Siemons wijst op") == ["Boudewijn Siemons"]


def test_corrections_stay_narrow():
    body = (
        "Jansen liet ze weten dat het plan doorgaat. "
        "Haar hoop dat het goed komt, vervloog snel. "
        "Volgens de planning van de gemeente is de brug in mei klaar. "
        "Het aantal fietsers is vorig jaar gedaald, blijkt uit cijfers van het verkeersbureau."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Jansen liet ze weten") == ["Jansen"]
    assert speakers_of(doc, "Haar hoop") == []
    assert speakers_of(doc, "Volgens de planning") == []
    claim = only(doc, "Het aantal fietsers")
    assert claim.content.text == "Het aantal fietsers is vorig jaar gedaald"


def test_volgens_source_ends_before_a_verb_the_tagger_read_as_an_adjective():
    body = (
        "De vakbond Metaalunie Oost en het bedrijf Staalwerk Dorrenveld spraken gisteren met de "
        "provincie Oostmark. Volgens de vakbond beloofde het bedrijf de provincie vorig jaar "
        "dat de fabriek open zou blijven. De studentenbond Kamerlink voert actie tegen "
        "Hogeschool Veenhaven. Volgens de bond beloofde de hogeschool elke student een kamer."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    for opening, source in (("Volgens de vakbond", "de vakbond"), ("Volgens de bond", "de bond")):
        found = attributions_of(doc, opening)
        assert found, opening
        for claim in found:
            named = [claim.speaker.mention, *(v.mention for v in claim.via)]
            assert source in named, (opening, named)
            assert "beloofde" not in claim.speaker.mention


def test_volgens_source_ends_before_a_number_counting_the_next_noun():
    body = (
        "Stichting Werkbehoud Lindeveld vreest voor de toekomst van drukkerij Pelsma. "
        "Op het spel staan volgens de stichting 52 banen."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    claim = only(doc, "Op het spel")
    assert claim.speaker.mention == "de stichting"
    assert claim.speaker.name == "Stichting Werkbehoud Lindeveld"


def test_van_between_a_given_name_and_a_surname_is_part_of_the_name_not_an_affiliation():
    opening = "Bij een brand in het Stadsmuseum Veltwijk is vorige week veel verloren gegaan. "
    for sentence, name in (
        (
            "Directeur Marieke van Brakel schat de schade op ruim twee miljoen euro.",
            "Marieke van Brakel",
        ),
        ("Marieke van Brakel zegt dat het gebouw dicht blijft.", "Marieke van Brakel"),
        (
            "Woordvoerder Kees van der Linden zegt dat het gebouw dicht blijft.",
            "Kees van der Linden",
        ),
        ("Het gebouw blijft volgens directeur Anna de Vries voorlopig dicht.", "Anna de Vries"),
    ):
        doc = analyse(opening + sentence, NL)
        check_offsets(doc, opening + sentence)
        speaker = only(doc, sentence[:12]).speaker
        assert (speaker.name, speaker.affiliation) == (name, None), sentence
