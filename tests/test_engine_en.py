"""English attribution: who said what, and who passed it on (texts written for these tests)."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets, only, speakers_of

EN = "en"


def test_subject_verb_that_clause():
    body = "Governor Linda Park said that the bridge would reopen in May."
    doc = analyse(body, EN)
    a = only(doc, "Governor Linda Park")
    assert (a.speaker.name, a.speaker.kind, a.cue.text, a.type) == (
        "Linda Park",
        "person",
        "said",
        "indirect",
    )
    assert a.content.text == "that the bridge would reopen in May"
    check_offsets(doc, body)


def test_said_x_and_x_said_after_the_content():
    body = "The plan is dead, said Senator Mark Hill. Prices will rise, the central bank said on Tuesday."
    doc = analyse(body, EN)
    a = only(doc, "The plan is dead")
    assert (a.speaker.name, a.cue.text, a.content.text) == ("Mark Hill", "said", "The plan is dead")
    b = only(doc, "Prices will rise")
    assert b.speaker.mention == "the central bank" and b.content.text == "Prices will rise"


def test_told_reporters_and_pronoun_resolution():
    body = "Mayor Rosa Diaz visited the flooded district. She told reporters the city would pay for repairs."
    doc = analyse(body, EN)
    a = only(doc, "She told reporters")
    assert (a.speaker.name, a.speaker.mention, a.cue.text) == ("Rosa Diaz", "She", "told")


def test_according_to():
    body = "According to the fire department, nobody was hurt."
    a = only(analyse(body, EN), "According to")
    assert (a.type, a.cue.text, a.speaker.name) == (
        "according_to",
        "According to",
        "fire department",
    )
    assert a.content.text == "nobody was hurt"


def test_direct_quote_over_several_sentences_continues_the_speaker():
    body = '"We will appeal," coach Dana Reed said. "The referee was wrong. Everyone saw it."'
    doc = analyse(body, EN)
    a = only(doc, '"We will appeal,"')
    assert (a.speaker.name, a.type, a.cue.text) == ("Dana Reed", "direct", "said")
    assert a.content.text == "We will appeal"
    assert speakers_of(doc, '"The referee was wrong.') == ["Dana Reed"]
    assert speakers_of(doc, "Everyone saw it") == ["Dana Reed"]


def test_mixed_quote():
    body = 'The minister said the deal was "a disaster for farmers".'
    a = only(analyse(body, EN), "The minister said")
    assert a.type == "mixed" and a.speaker.mention == "The minister"


def test_reportedly_is_reportative_with_the_paragraph_source():
    body = (
        "The Kremlin published a statement on the call, Reuters reported. "
        "The talks reportedly lasted two hours."
    )
    doc = analyse(body, EN)
    carriers = {a.speaker.name: a for a in attributions_of(doc, "The Kremlin published")}
    assert carriers["Reuters"].via == []
    # the Kremlin's publication may be reported as a nested claim, then always via Reuters
    assert all(
        [v.name for v in a.via] == ["Reuters"] for n, a in carriers.items() if n != "Reuters"
    )
    a = only(doc, "The talks reportedly")
    assert (a.type, a.speaker.name, [v.name for v in a.via]) == (
        "reportative",
        "Kremlin",
        ["Reuters"],
    )


def test_nested_report_chain():
    body = "Reuters reported that the Kremlin said that the president had asked for a meeting."
    found = {a.speaker.name: a for a in attributions_of(analyse(body, EN), "Reuters reported")}
    assert set(found) >= {"Reuters", "Kremlin"}
    assert [v.name for v in found["Kremlin"].via] == ["Reuters"]


def test_nominal_cue_and_opinion_verb():
    body = "The vote followed a warning from Professor Ann Lee that the dam could fail. Engineers fear that repairs will take years."
    doc = analyse(body, EN)
    a = only(doc, "The vote followed")
    assert (a.type, a.cue.text, a.speaker.name) == ("nominal", "warning", "Ann Lee")
    b = only(doc, "Engineers fear")
    assert (b.speaker.name, b.speaker.kind, b.cue.text) == ("Engineers", "group", "fear")


def test_dash_signed_quote():
    body = "“The school changed my life.” ― Maria Gomez"
    a = only(analyse(body, EN), "“The school")
    assert (a.speaker.name, a.type, a.cue.text) == ("Maria Gomez", "direct", "―")


def test_narration_and_noun_uses_of_cue_words_are_not_attributions():
    body = "The United States sent aid to the region. His statement was short. Both leaders met in June."
    doc = analyse(body, EN)
    assert all(st.attributions == [] for st in doc.statements)


def test_a_reporting_verb_the_tagger_reads_as_a_plural_noun_still_reports_its_clause():
    """'The guild claims 14 members …' with 'claims' tagged a plural noun ('guild claims'
    read as one noun): a clause of its own after it makes it the verb."""
    cases = {
        "The guild claims 14 members have been fined.": ("guild", "The guild", "claims"),
        "The council claims 8 roads have been resurfaced.": ("council", "The council", "claims"),
        "The club claims 500 fans have bought tickets.": ("club", "The club", "claims"),
        "The federation maintains 40 pilots have lost their licences.": (
            "federation",
            "The federation",
            "maintains",
        ),
    }
    for body, expected in cases.items():
        doc = analyse(body, EN)
        a = only(doc, body[:12])
        assert (a.speaker.name, a.speaker.mention, a.cue.text) == expected, body
        assert a.content.text == body[body.index(a.cue.text) + len(a.cue.text) + 1 : -1]
        check_offsets(doc, body)
    # a verb right after it: 'claims' is the plural noun, the subject of 'were settled'
    doc = analyse("The insurer claims were settled within a week.", EN)
    assert attributions_of(doc, "The insurer") == []


def test_a_reporting_verb_closing_the_sentence_after_inserted_phrases_is_a_cue():
    """'…, the harbour authority claims.' with 'claims' tagged a noun (or 'maintains' a
    verb the cue model doubts): a verb after the noun phrase that ends a sentence behind a
    comma reports what stands before it, whatever phrases stand between commas there."""
    cases = {
        "The ferry sailed two hours late, well after the last train had gone, "
        "the harbour authority claims.": ("harbour authority", "claims"),
        "The pumps failed at dawn, before the alarm sounded, the water board maintains.": (
            "water board",
            "maintains",
        ),
        "Three wards were closed, not just one, the hospital trust insists.": (
            "hospital trust",
            "insists",
        ),
    }
    for body, expected in cases.items():
        doc = analyse(body, EN)
        a = only(doc, body[:12])
        assert (a.speaker.name, a.cue.text) == expected, body
        assert a.content.text == body[: body.rindex(",")]
        check_offsets(doc, body)
    # a list of nouns behind commas has no reporting verb in it
    doc = analyse("The fund covers car claims, home claims, health claims.", EN)
    assert attributions_of(doc, "The fund") == []


def test_relative_clause_speaker_keeps_the_name():
    body = "The bridge was opened by Anna Berg, who said that the costs were too high."
    a = only(analyse(body, EN), "The bridge was opened")
    assert (a.speaker.name, a.speaker.mention, a.cue.text) == ("Anna Berg", "who", "said")


def test_participle_cue_takes_the_main_clause_subject():
    body = "Senator Joan Wu criticized the budget on Monday, saying that schools would suffer."
    found = attributions_of(analyse(body, EN), "Senator Joan Wu")
    saying = [a for a in found if a.cue.text == "saying"]
    assert saying and saying[0].speaker.name == "Joan Wu"
    assert saying[0].content.text == "that schools would suffer"


def test_a_participle_inside_the_reported_clause_is_no_cue_of_its_own():
    """'…, that its crews knocked on doors at 06:15 telling households …': the participle
    is part of what the main clause's verb reports; a time or a date before it is no
    speaker, and the reporting verb, tagged a noun after its subject, still reports."""
    cases = {
        "The water board maintains that its crews knocked on doors at 06:15 telling "
        "households to boil their water.": ("water board", "maintains"),
        "The water board maintains that its van drove through the village at 06:15 telling "
        "households to boil their water.": ("water board", "maintains"),
        "The school board insists that its letter reached parents on Friday asking them to "
        "collect their children.": ("school board", "insists"),
        "The museum maintains that a guard walked the galleries at 23:05 warning visitors "
        "to leave.": ("museum", "maintains"),
    }
    for body, (speaker, cue) in cases.items():
        doc = analyse(body, EN)
        a = only(doc, body[:12])
        assert (a.speaker.name, a.cue.text) == (speaker, cue), body
        assert a.content.text == body[body.index(" that ") + 1 : -1], body
        check_offsets(doc, body)


def test_a_participle_after_the_reported_clause_takes_the_main_speaker():
    """'…, adding that …' hangs in the parse on the reported clause's verb; the speaker is
    the main clause's ('The mayor'), not that clause's subject ('the bridge'). Participles
    with a subject of their own, a noun phrase they describe, or a verb they complete keep
    theirs."""
    body = "The mayor said the bridge would stay shut, adding that repairs would take a year."
    found = attributions_of(analyse(body, EN), "The mayor")
    adding = [a for a in found if a.cue.text == "adding"]
    assert adding and adding[0].speaker.name == "mayor"
    assert adding[0].content.text == "that repairs would take a year"
    kept = {
        "The trust welcomed the grant, saying it would save the orchard.": "trust",
        "The match was abandoned, with stewards saying the pitch was flooded.": "stewards",
        "The inspectors could not resist pointing out that the fire doors were locked.": (
            "inspectors"
        ),
        "The clinic released a statement saying that no patient had been harmed.": "statement",
    }
    for body, speaker in kept.items():
        found = attributions_of(analyse(body, EN), body[:12])
        participle = [a for a in found if a.cue.text.split()[0].endswith("ing")]
        assert [a.speaker.name for a in participle] == [speaker], body


def test_a_date_before_the_subject_is_no_part_of_the_speaker():
    """'On Monday Harris said', 'On 3 June the harbour board said': a weekday or a month
    (with its day) is a date, not the first word of the speaker's name."""
    body = (
        "On Monday Harris said the ferry was late. "
        "On 3 June the harbour board said a new timetable would start."
    )
    doc = analyse(body, EN)
    a = only(doc, "On Monday")
    assert (a.speaker.name, a.speaker.mention) == ("Harris", "Harris")
    b = only(doc, "On 3 June")
    assert (b.speaker.name, b.speaker.mention) == ("harbour board", "the harbour board")
    check_offsets(doc, body)


def test_reported_clause_may_open_with_each_but_each_other_is_no_claim():
    body = "Maria Lopez said each quarter of growth brings more hiring."
    doc = analyse(body, EN)
    a = only(doc, "Maria Lopez")
    assert (a.speaker.name, a.cue.text) == ("Maria Lopez", "said")
    narration = analyse("The two ministers told each other jokes at dinner.", EN)
    assert attributions_of(narration, "The two ministers") == []


def test_predicate_adjective_is_an_attitude_cue():
    body = "Senator Tom Reyes is worried that the new tariffs will hurt farmers."
    doc = analyse(body, EN)
    a = only(doc, "Senator Tom Reyes")
    assert (a.speaker.name, a.cue.text) == ("Tom Reyes", "worried")
    assert a.content.text.startswith("that the new tariffs")


def test_words_inside_an_embedded_tag_are_not_cues():
    body = 'Voters met in the town hall on Friday. <tweet author="@cityhall" date="May 2">Parking stays free.</tweet>'
    doc = analyse(body, EN)
    cues = [a.cue.text for st in doc.statements for a in st.attributions]
    assert "tweet" not in cues


def test_trained_cue_model_weighs_the_context_of_a_verb():
    """The shipped model rates a reporting verb high and an ordinary verb low."""
    from claimtrack.engine.cue_model import load_cue_model
    from claimtrack.engine.pipeline import get_pipeline

    model = load_cue_model("en")
    assert model is not None
    nlp = get_pipeline("en")
    announced = nlp("Senator Joan Wu said on Monday that the tax would fall.")
    noun = nlp("The new bridge was finished in June after years of work.")
    said = next(t for t in announced if t.text == "said")
    finished = next(t for t in noun if t.text == "finished")
    assert model.probability(announced, said) > 0.8
    assert model.probability(noun, finished) < 0.2


def test_listed_verbs_in_a_non_reporting_sense_are_not_cues():
    """'added two parks', 'pledged delegates', 'scheduled to testify' use cue verbs without
    reporting anything; the trained cue model overrules the verb list there."""
    body = (
        "The mayor added two new parks to the city plan last spring. "
        "Governor Anna Berg has won 412 pledged delegates so far. "
        "The harbour master is scheduled to testify on Thursday before the council."
    )
    doc = analyse(body, EN)
    assert [st.attributions for st in doc.statements] == [[], [], []]


def test_a_second_report_joined_by_but_gets_its_own_content():
    body = (
        "Judge Carla Mendes refused to rule on whether the harbour could close early "
        "but said the council would decide in June."
    )
    doc = analyse(body, EN)
    said = next(a for a in attributions_of(doc, "Judge Carla") if a.cue.text == "said")
    assert said.speaker.name == "Carla Mendes"
    assert said.content.text == "the council would decide in June"


def test_institution_names_and_a_person_of_a_place_stay_whole():
    body = (
        "Unemployment fell to 3.9 percent in May, according to the Bureau of Labor Statistics. "
        "The figures came in better than expected, the Centers for Disease Control said. "
        "Senator Jane Porter of Vermont said the bill would fail."
    )
    doc = analyse(body, "en")
    assert speakers_of(doc, "Unemployment fell") == ["Bureau of Labor Statistics"]
    assert speakers_of(doc, "The figures came") == ["Centers for Disease Control"]
    porter = only(doc, "Senator Jane Porter")
    assert porter.speaker.name == "Jane Porter"
    assert porter.speaker.affiliation == "Vermont"


def test_a_poll_sets_no_source_for_later_hearsay_and_a_claim_keeps_its_verbs():
    body = (
        "Support for the mayor has fallen in the latest poll. "
        "The council reportedly plans a recall vote."
    )
    doc = analyse(body, EN)
    claim = attributions_of(doc, "Support for the mayor")
    assert claim and claim[0].content.text.startswith("Support for the mayor has fallen")
    assert "poll" not in " ".join(speakers_of(doc, "The council reportedly"))


TRANSCRIPT = (
    "MODERATOR: Good afternoon and thank you for joining this call. The briefing is on "
    "background.\n\n"
    "HARBOR OFFICIAL: Thanks. The new lock opened this morning.\n\n"
    "Ships now wait two hours less than they did last year. Traffic grew by a tenth.\n\n"
    "Q: Will the fees go up?\n\n"
    "HARBOR OFFICIAL: They will not rise this year. The fees stay where they are until 2028."
)


def test_a_transcript_gives_each_turn_to_its_speaker_until_the_next_label():
    doc = analyse(TRANSCRIPT, EN)
    assert speakers_of(doc, "The briefing is") == ["MODERATOR"]
    for start in ("The new lock", "Ships now wait", "Traffic grew", "The fees stay"):
        assert speakers_of(doc, start) == ["HARBOR OFFICIAL"], start
    assert speakers_of(doc, "Q: Will the fees") == []  # a question claims nothing


def test_a_colon_in_a_news_story_does_not_hold_the_next_paragraph():
    body = (
        "Mayor Dana Lee: The bridge reopens in May. Work starts on Monday.\n\n"
        "The bridge has been closed since the flood of last winter."
    )
    doc = analyse(body, EN)
    assert speakers_of(doc, "Work starts") == ["Dana Lee"]
    assert speakers_of(doc, "The bridge has been") == []


def test_a_negated_report_is_no_claim():
    body = "The mayor did not say when the bridge would reopen."
    assert speakers_of(analyse(body, EN), "The mayor") == []
    said = "The mayor said that the bridge would reopen in May."
    assert speakers_of(analyse(said, EN), "The mayor") == ["mayor"]


def test_a_role_phrase_is_the_subject_who_held_it_not_the_person_spoken_to():
    body = (
        "President Ana Soto spoke with President Ivan Petrov on Tuesday. The President "
        "stressed that her country stands with its neighbours."
    )
    assert speakers_of(analyse(body, EN), "The President") == ["Ana Soto"]


def test_an_interjection_after_a_label_is_no_source():
    from claimtrack.engine.lang.en import PROFILE as ENGLISH
    from claimtrack.engine.nlp import load_pipeline
    from claimtrack.engine.sources import EntityRegistry

    nlp = load_pipeline(EN)
    registry = EntityRegistry(ENGLISH)
    for k, text in enumerate(("BORDER OFFICIAL: Thanks.", 'The officer said: "Congratulations."')):
        registry.observe(nlp(text), k)
    names = {e.name for e in registry.entities}
    assert not names & {"Thanks", "Thank", "Congratulations"}, names


def test_titles_are_parsed_off_and_one_person_is_one_source():
    body = (
        "Senate Majority Whip Dana Whitfield said the bill would pass. Ms. Whitfield added "
        "that two senators were undecided.\n\n"
        "Lt. Gen. Omar Reyes told reporters the base would stay open. Gen. Reyes said the "
        "decision was final."
    )
    doc = analyse(body, EN)
    assert speakers_of(doc, "Senate Majority") == ["Dana Whitfield"]
    assert speakers_of(doc, "Ms. Whitfield") == ["Dana Whitfield"]
    assert speakers_of(doc, "Lt. Gen.") == ["Omar Reyes"]
    assert speakers_of(doc, "Gen. Reyes") == ["Omar Reyes"]
    mention = attributions_of(doc, "Senate Majority")[0].speaker.mention
    assert mention == "Senate Majority Whip Dana Whitfield"  # the mention keeps the title


def test_an_opening_phrase_without_a_verb_is_not_the_claim_of_the_verb_after_it():
    body = "According to the coast guard, the captain said the engine had failed."
    doc = analyse(body, EN)
    by_speaker = {a.speaker.name: a for a in attributions_of(doc, "According to")}
    captain = by_speaker["captain"]
    assert captain.content.text == "the engine had failed"
    assert [v.name for v in captain.via] == ["coast guard"]
    body = "In a statement, the port authority said the quay would reopen on Friday."
    a = only(analyse(body, EN), "In a statement")
    assert a.content.text == "the quay would reopen on Friday"


def test_a_place_and_a_title_before_a_name_are_parsed_off():
    for body, name in (
        ("Ohio Senator Laura Benning said the plan was a disaster.", "Laura Benning"),
        ("Maine Gov. Rick Ostrander said the ferry would keep running.", "Rick Ostrander"),
        ("Rear Admiral Tomas Vidal said the exercise went well.", "Tomas Vidal"),
    ):
        assert speakers_of(analyse(body, EN), body[:8]) == [name], body


def test_a_surname_that_ends_like_an_adjective_is_a_name():
    # '-an' ends demonyms ("American officials"), and surnames too
    body = "Jake Morgan said the fund would hold its shares. Mr. Morgan added that the price would recover."
    doc = analyse(body, EN)
    assert speakers_of(doc, "Mr. Morgan") == ["Jake Morgan"]
    body = "Paul Kaplan said the fund would hold its shares. Later, Kaplan said the price would recover."
    assert speakers_of(analyse(body, EN), "Later") == ["Paul Kaplan"]
    assert speakers_of(
        analyse("American officials said the talks would go on.", EN), "American"
    ) != ["American"]


def test_a_title_case_headline_makes_no_source_of_its_capitalised_words():
    body = (
        "Rick Walden Slams Donna Perez And The Press In One Answer.\n\n"
        "Senator Rick Walden said the budget was fair. Walden added that the press had "
        "misread it."
    )
    doc = analyse(body, EN)
    names = {a.speaker.name for st in doc.statements for a in st.attributions}
    assert not any("Slams" in name for name in names), names
    assert speakers_of(doc, "Walden added") == ["Rick Walden"]
    # the capitalised run of the headline is no source the article keeps track of
    from claimtrack.engine.lang.en import PROFILE as ENGLISH
    from claimtrack.engine.nlp import load_pipeline
    from claimtrack.engine.sources import EntityRegistry

    registry = EntityRegistry(ENGLISH)
    registry.observe(load_pipeline(EN)(body.split("\n")[0]), 0)
    assert not any("Slams" in e.name for e in registry.entities)


def test_a_capitalised_word_before_a_name_is_no_part_of_it():
    body = (
        "Voters in Ohio went to the polls on Tuesday. Rival Maria Lopez, however, said she "
        "would not accept the result. Over Karen Miller's objections, the council voted. "
        "Miller said the vote was unfair."
    )
    doc = analyse(body, "en")
    assert speakers_of(doc, "Rival Maria Lopez") == ["Maria Lopez"]
    assert speakers_of(doc, "Miller said") == ["Karen Miller"]


def test_words_of_no_entity_before_a_full_name_are_no_part_of_it():
    body = "Under Secretary for Economic Affairs Olga Petrova said the deal was done."
    assert speakers_of(analyse(body, "en"), "Under") == ["Olga Petrova"]


def test_a_foreign_name_at_the_start_keeps_its_first_word():
    # the English tagger calls the Dutch 'Waterschap' a conjunction; the recognizer's
    # entity still spans both words
    body = "Waterschap Veenland said the water poured into the polder at dawn."
    assert speakers_of(analyse(body, "en"), "Waterschap") == ["Waterschap Veenland"]


def _name_in_tagged(words, pos, ents, start, end):
    """The name clean_mention reads from words tagged by hand as a recognizer tagged them."""
    from spacy.tokens import Doc

    from claimtrack.engine.lang import get_profile
    from claimtrack.engine.nlp import load_pipeline
    from claimtrack.engine.sources import clean_mention

    doc = Doc(load_pipeline(EN).vocab, words=words, pos=pos, ents=ents)
    return clean_mention(doc, start, end, get_profile(EN)).name


def test_a_stop_word_the_recognizer_swept_into_a_name_is_cut():
    # a headline run glued to a comment line, read as one person: 'Over Marco Rubio'
    name = _name_in_tagged(
        ["Fans", "groaned", "Over", "Marco", "Rubio", "again", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "ADV", "PUNCT"],
        ["O", "O", "B-PER", "I-PER", "I-PER", "O", "O"],
        2,
        5,
    )
    assert name == "Marco Rubio"


def test_a_headline_verb_outside_any_entity_splits_two_names():
    # a headline glued to a comment line, tagged as a news-trained recognizer tags it
    words = ["posted", "by", "the", "moderator", "Smith", "Jeered", "After", "Mocking"]
    name = _name_in_tagged(
        [*words, "Anna", "Berg"],
        ["VERB", "ADP", "DET", "NOUN", "PROPN", "PROPN", "SCONJ", "VERB", "PROPN", "PROPN"],
        ["O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER"],
        4,
        10,
    )
    assert name == "Anna Berg"


def test_a_name_ending_in_an_organisation_word_is_an_organisation():
    cases = {
        "The Guttmacher Institute said the rate fell.": ("Guttmacher Institute", "organization"),
        "The Justice Department said it would appeal.": ("Justice Department", "organization"),
        "Jane Foundation said she would run again.": ("Jane Foundation", "person"),
    }
    for body, expected in cases.items():
        doc = analyse(body, "en")
        assert [
            (a.speaker.name, a.speaker.kind) for st in doc.statements for a in st.attributions
        ] == [expected], body


def test_an_object_cue_verb_read_as_a_noun_before_a_gerund_is_the_verb():
    body = (
        "Students at Kelmford University cannot find rooms. The university denies recruiting "
        "more aggressively, putting the increase at 6 percent, and argues that the real cause "
        "is a shortage of private rooms."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    found = attributions_of(doc, "The university denies")
    assert found
    assert {a.speaker.name for a in found} == {"Kelmford University"}


def test_a_reporting_verb_read_as_a_noun_after_and_is_a_report_of_its_own():
    body = (
        "Students at Kelmford University cannot find rooms. The university denies recruiting "
        "more aggressively, putting the increase at 6 percent, and argues that the real cause "
        "is a shortage of private rooms."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    argued = [a for a in attributions_of(doc, "The university denies") if a.cue.text == "argues"]
    assert [a.speaker.name for a in argued] == ["Kelmford University"]
    assert argued[0].content.text == "that the real cause is a shortage of private rooms"


def test_a_reporting_clause_set_between_the_subject_and_its_verb_reports_the_sentence():
    opening = "Thieves broke into the Veltwijk City Museum. Nightwatch Group guarded the museum. "
    sentence = "Its guard, the firm maintains, was on site at 03:24."
    doc = analyse(opening + sentence, "en")
    check_offsets(doc, opening + sentence)
    found = only(doc, "Its guard")
    assert (found.speaker.mention, found.cue.text) == ("the firm", "maintains")
    # a noun with a compound before it between commas is no reporting clause
    claims = "The claims, the damage claims, were rejected."
    assert all(a.cue.text != "claims" for a in attributions_of(analyse(claims, "en"), "The"))
