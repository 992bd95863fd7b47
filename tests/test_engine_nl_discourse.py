"""Dutch attribution across sentences: quote runs, surnames with particles, frames that
point back, cue phrases, negation and hearsay (texts written for these tests)."""

from __future__ import annotations

import json

from engine_helpers import analyse, attributions_of, check_offsets, only, speakers_of

from claimtrack.engine.lang.loader import read_entries
from claimtrack.engine.lang.nl import PROFILE as DUTCH
from claimtrack.engine.lang.profile import LanguageProfile
from claimtrack.engine.nlp import load_pipeline
from claimtrack.engine.sources import EntityRegistry

NL = "nl"


def hand_parsed(words, heads, deps, pos, morphs=None):
    """A Doc with the parse given by hand: a parser's mistake the rules must survive,
    whatever the shipped parser makes of the sentence."""
    from spacy.tokens import Doc

    return Doc(load_pipeline(NL).vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


def assert_speaker_of_each(cases, start_of):
    """Each body of `cases` ({body: speaker}) gives its statement starting with
    `start_of(body)` that one speaker."""
    for body, speaker in cases.items():
        assert speakers_of(analyse(body, NL), start_of(body)) == [speaker], body


QUOTE_RUN = (
    "Directeur Lotte de Wit keek gisteren tevreden over de kade. Zij zei: ,,De nieuwe "
    "sluis werkt beter dan we hadden gedacht. De schepen liggen korter stil.\n\n"
    ",,Kapitein Jansen belde me vanochtend nog op. Hij was verbaasd hoe snel het ging. "
    "Zo'n doorvaart had Rotterdam nog nooit gezien.\n\n"
    ",,Volgend jaar willen we de tweede sluis openen. Dan is de haven klaar.''\n\n"
    "De gemeente betaalt een derde van de kosten."
)


def test_a_quote_run_keeps_its_speaker_across_paragraphs_and_names_inside_it():
    doc = analyse(QUOTE_RUN, NL)
    for start in (
        "De schepen liggen",
        ",,Kapitein Jansen belde",
        "Hij was verbaasd",
        "Zo'n doorvaart had Rotterdam",
        ",,Volgend jaar",
        "Dan is de haven klaar",
    ):
        assert speakers_of(doc, start) == ["Lotte de Wit"], start
    assert speakers_of(doc, "De gemeente betaalt") == []
    check_offsets(doc, QUOTE_RUN)


def test_a_new_quote_goes_to_the_person_just_introduced_not_to_the_previous_speaker():
    body = (
        "Trainer Hanneke Bos was na afloop kritisch. ,,We speelden te traag. Dat moet beter.''\n\n"
        "Aanvoerder Mees Kok zag het anders. ,,We hebben gewonnen en daar gaat het om.''"
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, ",,We speelden") == ["Hanneke Bos"]
    assert speakers_of(doc, "Dat moet beter") == ["Hanneke Bos"]
    assert speakers_of(doc, ",,We hebben gewonnen") == ["Mees Kok"]


def test_dutch_surnames_keep_their_particles():
    body = (
        "Trainer Pieter van der Meulen won de prijs. Van der Meulen zei dat het ijs "
        "hard was.\n\nDe Bruin verklaarde dat de baan te warm was. Volgens Ten Kate is de baan "
        "prima."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Van der Meulen zei") == ["Pieter van der Meulen"]
    assert only(doc, "De Bruin verklaarde").speaker.name == "De Bruin"
    assert only(doc, "Volgens Ten Kate").speaker.name == "Ten Kate"


def test_a_source_phrase_ends_before_a_prepositional_phrase():
    body = "De brug blijft drie weken dicht. Dat zei de burgemeester op de lokale radio."
    doc = analyse(body, NL)
    assert only(doc, "Dat zei").speaker.mention == "de burgemeester"


def test_frames_that_point_back_attribute_the_sentence_before():
    cases = [
        (
            (
                "De veerdienst stopt in mei. Een woordvoerster van de rederij heeft dat "
                "tegenover de krant bevestigd."
            ),
            "De veerdienst stopt",
            "woordvoerster",
        ),
        (
            "De brug blijft drie weken dicht. Dat zei de burgemeester op de lokale radio.",
            "De brug blijft",
            "burgemeester",
        ),
        (
            "Het plan is te duur. Dat is de conclusie van de onderzoekers.",
            "Het plan is",
            "onderzoekers",
        ),
    ]
    for body, claim, speaker_word in cases:
        doc = analyse(body, NL)
        claimed = only(doc, claim)
        assert speaker_word in claimed.speaker.name, body
        frame_sentence = next(st for st in doc.statements if st.index == 1)
        assert [a.speaker.name for a in frame_sentence.attributions] == [claimed.speaker.name]


def test_cue_phrases_with_particles_and_prepositions():
    cases = {
        "De vakbond pleit voor een hoger loon voor de schoonmakers.": "pleit voor",
        "De bond wijst erop dat de kosten snel stijgen.": "wijst erop",
        "De oppositie bestrijdt dat de plannen goedkoper zijn.": "bestrijdt",
        "De partij roept de regering op de wet in te trekken.": "roept",
    }
    for body, cue in cases.items():
        a = only(analyse(body, NL), body[:12])
        assert a.cue.text == cue, body


def test_knowing_how_is_narration_not_an_opinion():
    body = "De schaatser Jeroen Klaver wist het baanrecord te verbeteren."
    assert speakers_of(analyse(body, NL), "De schaatser") == []
    opinion = "De schaatser Jeroen Klaver wist dat het ijs te zacht was."
    assert speakers_of(analyse(opinion, NL), "De schaatser") != []


def test_a_negated_or_refused_statement_attributes_no_claim():
    for body in (
        "De minister zei niet wat er met het geld zou gebeuren.",
        "De directeur weigerde te zeggen of er ontslagen vallen.",
        # a report of nothing ("niets") makes no claim either
        "De politie kan nog niets zeggen over de oorzaak van de brand.",
        "De trainer zei niets over de blessure van zijn spits.",
    ):
        assert speakers_of(analyse(body, NL), body[:6]) == [], body
    said = "De directeur zei dat er geen ontslagen vallen."
    assert speakers_of(analyse(said, NL), "De directeur") == ["directeur"]


def test_reportative_zou_carries_the_source_named_in_the_paragraph():
    body = (
        "Het ministerie van Verkeer meldt dat de tunnel dicht moet. De aannemer zou te weinig "
        "beton hebben gebruikt.\n\nDe veerboot zou zonder vergunning hebben gevaren."
    )
    doc = analyse(body, NL)
    carried = only(doc, "De aannemer zou")
    assert carried.type == "reportative"
    assert carried.speaker.name != "unknown"
    bare = only(doc, "De veerboot zou")
    assert (bare.speaker.name, bare.type) == ("unknown", "reportative")


def test_every_profile_word_list_is_a_readable_file(tmp_path):
    from claimtrack.engine.lang.loader import DATA_DIR

    fields = {f for f in LanguageProfile.__dataclass_fields__}
    for language in ("nl", "en"):
        files = {p.stem for p in (DATA_DIR / language).glob("*.txt")}
        assert files <= fields, files - fields
        assert "speech_verbs" in files and "role_nouns" in files
    sample = tmp_path / "list.txt"
    sample.write_text("# comment\n\nlaten  weten\nzeggen\n", encoding="utf-8")
    assert read_entries(sample) == ["laten weten", "zeggen"]


def test_quote_speaker_weights_name_every_feature():
    from claimtrack.engine import floor

    data = json.loads(floor.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(floor.FEATURES)


PLACE_BEFORE_QUOTE = (
    "Burgemeester Ingrid Vos opende vrijdag het nieuwe stadskantoor. Daarom koos Rotterdam "
    "voor een kleiner ontwerp dan Amsterdam.\n\n"
    ",,We hebben geleerd van de fouten die elders zijn gemaakt.''\n\n"
    "Moskou verklaarde woensdag dat de gesprekken worden voortgezet."
)


def test_a_city_named_before_an_unframed_quote_does_not_take_it():
    doc = analyse(PLACE_BEFORE_QUOTE, NL)
    assert speakers_of(doc, ",,We hebben geleerd") == ["Ingrid Vos"]


def test_a_place_speaks_when_the_sentence_makes_it_the_speaker():
    doc = analyse(PLACE_BEFORE_QUOTE, NL)
    moscow = only(doc, "Moskou verklaarde")
    assert moscow.speaker.name == "Moskou"
    assert moscow.speaker.kind == "organization"


def test_a_separable_particle_makes_another_verb_unless_the_whole_is_a_cue():
    text = (
        "Wethouder Karin Smit stelde de beslissing over het zwembad uit tot na de zomer. "
        "Wethouder Karin Smit gaf aan dat de gemeente eerst de kosten wil kennen. "
        "De voorzitter stelde vast dat de kas klopte."
    )
    doc = analyse(text, NL)
    assert speakers_of(doc, "Wethouder Karin Smit stelde") == []
    assert speakers_of(doc, "Wethouder Karin Smit gaf aan") == ["Karin Smit"]
    assert speakers_of(doc, "De voorzitter stelde vast") == ["voorzitter"]


def test_van_inside_a_recognised_person_name_is_no_affiliation():
    text = (
        "Trainer Henk van Dalen zei zondag dat zijn ploeg klaar is voor de finale. "
        "Volgens Pieter Jansen van Shell daalt de olieprijs dit jaar nog."
    )
    doc = analyse(text, NL)
    assert speakers_of(doc, "Trainer Henk van Dalen") == ["Henk van Dalen"]
    shell = only(doc, "Volgens Pieter Jansen")
    assert (shell.speaker.name, shell.speaker.affiliation) == ("Pieter Jansen", "Shell")


def test_every_member_of_a_list_of_speakers_gets_the_claim():
    text = (
        "Trainer Kees Mulder, aanvoerder Lisa Bos en keeper Daan Visser zeiden na afloop "
        "dat de ploeg zich had laten verrassen. "
        "Voorzitter Eva Smit, directeur van de stichting, zei dat de club gezond is."
    )
    doc = analyse(text, NL)
    assert sorted(speakers_of(doc, "Trainer Kees Mulder")) == [
        "Daan Visser",
        "Kees Mulder",
        "Lisa Bos",
    ]
    assert speakers_of(doc, "Voorzitter Eva Smit") == ["Eva Smit"]  # an apposition, no list
    check_offsets(doc, text)


def test_a_quoted_title_is_nobody_s_words():
    text = (
        "Zangeres Roos Verbeek zei: ,,Ik heb nooit aan stoppen gedacht.''\n\n"
        "Haar grootste hit bleef 'Zomer in de stad' uit 1989. "
        "Verbeek noemde het vorige album 'een vergissing'."
    )
    doc = analyse(text, NL)
    assert speakers_of(doc, "Haar grootste hit") == []
    assert speakers_of(doc, "Zangeres Roos Verbeek zei") == ["Roos Verbeek"]


def test_a_possessive_zijn_is_no_passive_and_an_announced_object_is_a_claim():
    text = "Haar zoon heeft de verkoop gisteren bekendgemaakt. Zijn broer heeft de datum gemeld."
    doc = analyse(text, NL)
    assert speakers_of(doc, "Haar zoon") == ["Haar zoon"]
    assert speakers_of(doc, "Zijn broer") == ["Zijn broer"]


def test_a_name_after_an_indefinite_article_is_no_source_of_the_article():
    registry = EntityRegistry(DUTCH)
    doc = load_pipeline("nl")("Vorig jaar won Sara Kuipers een Oscar voor haar rol in de film.")
    registry.observe(doc, 0)
    assert [e.name for e in registry.entities] == ["Sara Kuipers"]


def test_a_phrase_of_time_is_never_the_source():
    doc = analyse("Vorige maand aarzelde hij nog of hij het contract zou tekenen.", NL)
    assert all(name != "Vorige maand" for name in speakers_of(doc, "Vorige maand"))


def test_a_restrictive_relative_pronoun_gives_its_antecedent_the_claim():
    text = "Hij belde zijn advocaat Mark Bos die aanraadde het vonnis af te wachten."
    doc = analyse(text, NL)
    assert speakers_of(doc, "Hij belde") == ["Mark Bos"]


def test_an_opinion_verb_with_het_and_an_adjective_before_its_clause_is_a_claim():
    doc = analyse("Wethouder Ilse Damen vindt het jammer dat de markt naar het plein verhuist.", NL)
    assert speakers_of(doc, "Wethouder Ilse Damen") == ["Ilse Damen"]


def test_regular_verb_forms_the_lemmatizer_missed_are_undone_by_rule():
    from spacy.tokens import Doc

    from claimtrack.engine.tokens import lemma

    words = ["vermoedt", "meldde", "gemeld", "aangekondigd", "verklaarde", "waarschuwt", "zei"]
    doc = Doc(load_pipeline("nl").vocab, words=words)
    for tok in doc:
        tok.lemma_ = tok.text  # as a lemmatizer that has not seen the form leaves it
        tok.pos_ = "VERB"
    assert [lemma(t, DUTCH) for t in doc] == [
        "vermoeden",
        "melden",
        "melden",
        "aankondigen",
        "verklaren",
        "waarschuwen",
        "zeggen",  # irregular: from verb_forms.txt
    ]
    assert not any(form in DUTCH.verb_forms for form in words[:6])


def test_words_after_a_name_in_an_inverted_frame_are_not_part_of_it():
    text = ",,Dit was de beste wedstrijd van het jaar'', sprak trainer Joris Baaij kortaf."
    doc = analyse(text, NL)
    assert speakers_of(doc, ",,Dit was de beste") == ["Joris Baaij"]


def test_an_opinion_verb_keeps_its_clause_across_an_adverb_of_time():
    doc = analyse("Wethouder Ilse Damen wist toen al dat de markt zou verhuizen.", NL)
    assert speakers_of(doc, "Wethouder Ilse Damen") == ["Ilse Damen"]


def test_a_surname_with_an_apostrophe_particle_is_kept_whole():
    doc = analyse("Van 't Veld zei dinsdag dat de kosten voor de gemeente te hoog zijn.", NL)
    assert speakers_of(doc, "Van 't Veld") == ["Van 't Veld"]


def test_a_lone_surname_before_a_colon_and_a_quote_frames_it():
    text = "Brouwer:,, Volgend seizoen spelen we met drie spitsen. Dat zien we nog.''"
    doc = analyse(text, NL)
    assert speakers_of(doc, "Brouwer:") == ["Brouwer"]
    assert speakers_of(doc, "Dat zien we nog") == ["Brouwer"]


def test_a_confession_after_a_quote_and_a_split_compound_cue():
    text = (
        ",,Ik had die bal moeten stoppen'', bekende de keeper na afloop. "
        "Kort nadat KNVB-voorzitter Mulder zijn vertrek bekend heeft gemaakt, belde de minister."
    )
    doc = analyse(text, NL)
    assert len(attributions_of(doc, ",,Ik had die bal")) == 1
    assert speakers_of(doc, "Kort nadat") == ["Mulder"]


def test_the_addressee_of_a_statement_is_not_its_source():
    text = (
        "Minister Karel Dekker was gisteren in Madrid. "
        "Tegen de Duitse omroep ZDF zei hij dat het overleg goed verliep."
    )
    doc = analyse(text, NL)
    assert speakers_of(doc, "Tegen de Duitse omroep") == ["Karel Dekker"]


def test_an_adverb_of_time_before_an_inverted_verb_is_not_its_subject():
    # the Dutch 2.0.0 parser makes both 'Gisteren' and 'politie' subjects of 'meldde'
    doc = analyse("Gisteren meldde de politie dat de weg weer open is.", NL)
    assert speakers_of(doc, "Gisteren meldde") == ["politie"]


def test_separable_cue_whose_stem_the_lemmatizer_garbles():
    # the particle stands apart and the stem is rare: the rules of regular
    # inflection find the listed verb ("aansporen") from particle + form
    body = "Oma Truus spoorde haar kleinzoon aan om de opleiding af te maken."
    a = only(analyse(body, NL), "Oma Truus")
    assert a.speaker.name == "Truus"
    assert a.cue.text == "spoorde"


def test_name_particles_of_other_languages_stay_in_the_name():
    for body, name in (
        ("Woordvoerder Samir el Idrissi zei dat de moskee open blijft.", "Samir el Idrissi"),
        (
            "Directeur Paolo di Stefano zei dat het museum volgend jaar uitbreidt.",
            "Paolo di Stefano",
        ),
        ("Hoogleraar Anke von Hagen zei dat de proef is geslaagd.", "Anke von Hagen"),
    ):
        assert speakers_of(analyse(body, NL), body[:10]) == [name], body


def test_a_participle_phrase_between_commas_does_not_invert_the_sentence():
    body = (
        "De stichting, in 2009 opgericht door twee verpleegkundigen, wil dat "
        "de thuiszorg meer geld krijgt."
    )
    a = only(analyse(body, NL), "De stichting")
    assert a.speaker.name == "stichting"
    assert a.content.text.endswith("de thuiszorg meer geld krijgt")
    assert "stichting" not in a.content.text


def test_wanting_that_is_a_cue_but_fate_wanting_is_not():
    wish = "De huurdersvereniging wil dat de verhuurder de lekkage snel herstelt."
    assert speakers_of(analyse(wish, NL), "De huurders") == ["huurdersvereniging"]
    plan = "De huurdersvereniging wil volgend jaar een tweede buurthuis openen."
    assert speakers_of(analyse(plan, NL), "De huurders") == []
    fate = "Het toeval wil dat de twee broers in hetzelfde team spelen."
    assert speakers_of(analyse(fate, NL), "Het toeval") == []


def test_asking_for_something_is_a_cue_but_om_te_is_no_request():
    ask = "De ondernemersvereniging vraagt de provincie om een snellere vergunning."
    assert only(analyse(ask, NL), "De onderne").cue.text == "vraagt"
    body = "Het bestuur heeft twee weken om de leden te vragen een nieuwe penningmeester te kiezen."
    assert speakers_of(analyse(body, NL), "Het bestuur") == []


def test_a_quote_after_indirect_speech_by_a_described_speaker_is_theirs():
    body = (
        "De directeur van de school is al een week ziek. Een woordvoerster van het "
        "schoolbestuur zei gisteren dat directeur Bram Kuipers maandag weer aan het werk "
        "gaat. ,,Hij wil de ouders zelf te woord staan.''"
    )
    a = only(analyse(body, NL), ",,Hij wil")
    assert a.speaker.name.startswith("woordvoerster")
    assert a.type == "direct"


def test_a_relative_clause_with_wiens_interrupts_subject_and_verb():
    body = (
        "Oud-minister Karel Dekkers, wiens partij de verkiezingen verloor, meent dat de "
        "coalitie te snel is gevormd."
    )
    a = only(analyse(body, NL), "Oud-minister")
    assert a.speaker.name == "Karel Dekkers"
    assert a.content.text.endswith("de coalitie te snel is gevormd")


def test_a_nominal_frame_that_points_back_gives_both_sentences_its_source():
    body = (
        "De dijken in Zeeland zijn niet sterk genoeg voor een zware storm. Dat is de "
        "conclusie van het waterschap na een inspectie van drie maanden.\n\n"
        "Het aantal inbraken daalt dit jaar met een vijfde. Die verwachting heeft de "
        "korpschef dinsdag uitgesproken."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De dijken") == ["waterschap"]
    assert speakers_of(doc, "Dat is de conclusie") == ["waterschap"]
    assert speakers_of(doc, "Het aantal inbraken") == ["korpschef"]
    assert speakers_of(doc, "Die verwachting") == ["korpschef"]


def test_a_phrasal_cue_with_its_particle_joined_to_the_verb():
    # "spreken uit" is listed as a phrasal cue; in a participle or infinitive the
    # particle is written against the verb
    body = "De burgemeester heeft uitgesproken dat de kermis dit jaar gewoon doorgaat."
    a = only(analyse(body, NL), "De burgemeester")
    assert a.cue.text == "uitgesproken"
    assert a.speaker.name == "burgemeester"


def test_of_a_subject_and_its_apposition_the_named_person_speaks():
    for body in (
        "Kees Smit, de voorzitter van de bond, zei dat de staking doorgaat.",
        "De voorzitter van de bond, Kees Smit, zei dat de staking doorgaat.",
        "De advocaat van de verdachte, mr. Kees Smit, betoogde dat zijn cliënt ziek is.",
    ):
        assert speakers_of(analyse(body, NL), body[:8]) == ["Kees Smit"], body
    unnamed = "Het bestuur van de bond, dat gisteren vergaderde, zei dat de staking doorgaat."
    assert speakers_of(analyse(unnamed, NL), "Het bestuur") == ["bestuur"]


def test_noun_phrases_end_where_the_next_one_starts():
    # 'een verklaring' is a second noun phrase, not part of who was present
    body = (
        "Bleek en aangeslagen las de trainer in het bijzijn van voorzitter Karel Bos een "
        "verklaring voor aan de pers."
    )
    assert "Karel Bos" not in speakers_of(analyse(body, NL), "Bleek")
    named = "Volgens Marieke de Groot is de brug te smal."
    assert speakers_of(analyse(named, NL), "Volgens") == ["Marieke de Groot"]


def test_an_obligation_or_an_attributive_participle_is_no_report():
    for body in (
        "De gasten moesten na afloop hun nederlaag ruiterlijk erkennen.",
        "De buurman liet waarschuwende geluiden horen, maar deed verder niets.",
    ):
        assert speakers_of(analyse(body, NL), body[:6]) == [], body


def test_a_source_never_runs_over_its_own_cue():
    body = "Na zijn debuut (2004) schreef zij dat het schrijven haar zwaar viel."
    for a in attributions_of(analyse(body, NL), "Na zijn debuut"):
        assert a.speaker.mention is None or "schreef" not in a.speaker.mention


def test_a_recognized_person_whose_surname_names_an_institution_is_a_person():
    # 'bank' is a word for an institution, but Anna van der Bank is a woman: 'zij' is her
    body = (
        "Econoom Anna van der Bank zei gisteren dat de rente daalt. Volgens Van der Bank "
        "lenen de huizenkopers dan meer. Dat maakt de markt onrustig, stelt zij."
    )
    doc = analyse(body, NL)
    assert [a.speaker.kind for a in attributions_of(doc, "Econoom")] == ["person"]
    assert speakers_of(doc, "Dat maakt") == ["Anna van der Bank"]


def test_dat_before_its_cue_without_a_subject_of_its_own_points_back():
    # a parse that makes 'dat' the complementizer of the cue verb itself, as a parser
    # trained on less data does: the frame still points back
    from claimtrack.engine.cues import find_frames

    words = ["Een", "medewerker", "heeft", "dat", "tegenover", "regionale", "media", "gemeld", "."]
    doc = hand_parsed(
        words=words,
        heads=[1, 2, 2, 7, 6, 6, 7, 2, 2],
        deps=["det", "nsubj", "ROOT", "mark", "case", "amod", "obl", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "SCONJ", "ADP", "ADJ", "NOUN", "VERB", "PUNCT"],
        morphs=["", "", "VerbForm=Fin", "", "", "", "", "VerbForm=Part", ""],
    )
    frames = find_frames(doc, DUTCH)
    assert [doc[f.cue[0] : f.cue[1]].text for f in frames] == ["gemeld"]
    assert frames[0].anaphoric
    body = (
        "De haven van Delfzijl gaat drie dagen dicht. Een medewerker van de havendienst "
        "heeft dat tegenover regionale media gemeld."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "De haven") == speakers_of(doc, "Een medewerker") != []


def test_a_name_right_after_the_finite_verb_is_the_subject_however_parsed():
    # verb second: "Tot de finish had Sanne Kok moeite" has Sanne Kok as its subject,
    # even when a parse labels her otherwise; a single letter is never a name
    words = [
        "Tot",
        "de",
        "finish",
        "had",
        "Sanne",
        "Kok",
        "moeite",
        "met",
        "de",
        "letter",
        "C",
        ".",
    ]
    doc = hand_parsed(
        words=words,
        heads=[2, 2, 3, 3, 3, 4, 3, 10, 10, 10, 6, 3],
        deps=[
            "case",
            "det",
            "obl",
            "ROOT",
            "obj",
            "flat",
            "obj",
            "case",
            "det",
            "nmod",
            "appos",
            "punct",
        ],
        pos=[
            "ADP",
            "DET",
            "NOUN",
            "VERB",
            "PROPN",
            "PROPN",
            "NOUN",
            "ADP",
            "DET",
            "NOUN",
            "PROPN",
            "PUNCT",
        ],
    )
    registry = EntityRegistry(DUTCH)
    registry.observe(doc, 0)
    assert [(h.entity.name, h.role) for h in registry.history] == [("Sanne Kok", "subject")]


def test_names_with_capitalised_particles_portfolios_and_affiliations():
    cases = {
        "'t Hooft meent dat de brug te laat klaar is.": ("'t Hooft", None),
        "De Vlaamse minister Jan De Keyser zei dat de tunnel openblijft.": ("Jan De Keyser", None),
        "Staatssecretaris van Toerisme Femke van Buuren meldde dat de heffing verdwijnt.": (
            "Femke van Buuren",
            "Toerisme",
        ),
        "Oud-voorzitter Gerrit van der Hoek van de KNZB vindt dat het seizoen korter moet.": (
            "Gerrit van der Hoek",
            "KNZB",
        ),
    }
    for body, (name, affiliation) in cases.items():
        a = only(analyse(body, NL), body[:8])
        assert (a.speaker.name, a.speaker.affiliation) == (name, affiliation), body


def test_a_volgens_phrase_inside_a_quote_frame_becomes_the_chain():
    body = ",,Wij blijven hier'', riep volgens omstanders een van de boeren op de trekker."
    doc = analyse(body, NL)
    inner = [a for a in attributions_of(doc, ",,Wij blijven") if a.type == "direct"]
    assert [(a.speaker.name, [v.name for v in a.via]) for a in inner] == [
        ("boeren", ["omstanders"])
    ]
    # the quotation's own subject ('Wij') is never its speaker
    assert all(a.speaker.name != "Wij" for a in attributions_of(doc, ",,Wij blijven"))


def test_a_negation_right_after_the_cue_counts_wherever_the_parse_hangs_it():
    # 'niet' attached to the clause after it, as a parser trained on less data does
    from claimtrack.engine.cues import find_frames

    words = ["Ze", "zei", "niet", "wat", "de", "politie", "had", "gevonden", "."]
    doc = hand_parsed(
        words=words,
        heads=[1, 1, 7, 7, 5, 7, 7, 1, 1],
        deps=["nsubj", "ROOT", "advmod", "nsubj", "det", "obj", "aux", "ccomp", "punct"],
        pos=["PRON", "VERB", "ADV", "PRON", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
    )
    assert find_frames(doc, DUTCH) == []


def test_an_adverb_before_the_source_is_not_part_of_its_name():
    body = "Ook de omwonenden protesteerden tegen de nieuwe windmolens."
    assert speakers_of(analyse(body, NL), "Ook de") == ["omwonenden"]


def test_a_claim_noun_as_subject_speaks_for_its_owner_or_for_the_person_in_context():
    body = (
        "Wethouder Jan de Vries liep na de raadsvergadering zwijgend naar buiten. "
        "Het was een verloren zaak, luidde zijn conclusie."
    )
    assert speakers_of(analyse(body, NL), "Het was een") == ["Jan de Vries"]
    body = "De brug blijft dicht, luidt de conclusie van de inspectie."
    assert speakers_of(analyse(body, NL), "De brug") == ["inspectie"]


def test_an_interjection_is_no_source():
    from claimtrack.engine.sources import clean_mention

    doc = load_pipeline(NL)("Het antwoord van de directie was nee.")
    assert clean_mention(doc, 6, 7, DUTCH) is None
    first_person = clean_mention(load_pipeline(NL)("Ik zei dat."), 0, 1, DUTCH)
    assert first_person is not None and first_person.head == "ik"


def test_a_common_given_name_makes_a_person_whatever_the_recognizer_says():
    body = (
        "Marieke Jansen keek terug op het seizoen van haar club. "
        "Zij zei dat de resultaten tegenvielen."
    )
    doc = analyse(body, NL)
    assert speakers_of(doc, "Zij zei") == ["Marieke Jansen"]


def test_a_compound_that_a_name_opens_is_the_whole_source():
    body = "Volgens het Rode Kruis-rapport zijn er in de regio veel slachtoffers gevallen."
    assert speakers_of(analyse(body, NL), "Volgens") == ["Rode Kruis-rapport"]


def test_a_finite_verb_the_tagger_calls_a_noun_is_still_a_cue():
    from claimtrack.engine.cues import find_frames

    words = ["De", "boeren", "protesteerden", "tegen", "de", "nieuwe", "regels", "."]
    doc = hand_parsed(
        words=words,
        heads=[1, 2, 2, 6, 6, 6, 2, 2],
        deps=["det", "nsubj", "ROOT", "case", "det", "amod", "nmod", "punct"],
        pos=["DET", "NOUN", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
    )
    frames = find_frames(doc, DUTCH)
    assert [(doc[f.cue[0]].text, doc[f.source[0] : f.source[1]].text) for f in frames] == [
        ("protesteerden", "De boeren")
    ]


def test_a_passive_report_in_the_press_is_credited_to_the_press():
    cases = {
        "In de Duitse pers is verbaasd gereageerd op het besluit.": "Duitse pers",
        "In regeringskringen wordt gezegd dat de premier binnenkort aftreedt.": "regeringskringen",
        "In Den Haag wordt gezegd dat de premier binnenkort aftreedt.": "unknown",
    }
    assert_speaker_of_each(cases, lambda body: "In ")


def test_a_verb_of_manner_closing_its_words_is_a_frame_without_quotation_marks():
    body = "Het is tijd voor een nieuw zwembad, roept de actiegroep in de wijk."
    assert speakers_of(analyse(body, NL), "Het is tijd") == ["actiegroep"]


def test_a_cue_whose_preposition_stands_apart_from_its_pronominal_adverb():
    cases = {
        "De trainer rekent er echt op dat zijn ploeg zondag wint.": "trainer",
        "De minister wijst er nog op dat de kosten verder stijgen.": "minister",
        "De kosten stijgen verder. De minister wijst daar ook op.": "minister",
    }
    # the statement of the last sentence, which opens with "De "
    assert_speaker_of_each(cases, lambda body: "De " + body.split("De ")[-1][:6])


def test_a_particle_the_parse_gives_to_the_next_verb_still_makes_the_cue():
    from spacy.tokens import Doc

    from claimtrack.engine.cues import find_frames

    words = ["Zijn", "oom", "spoorde", "hem", "aan", "toch", "door", "te", "gaan", "."]
    doc = Doc(
        load_pipeline(NL).vocab,
        words=words,
        heads=[1, 2, 2, 2, 8, 8, 8, 8, 2, 2],
        deps=[
            "nmod:poss",
            "nsubj",
            "ROOT",
            "obj",
            "compound:prt",
            "advmod",
            "compound:prt",
            "mark",
            "xcomp",
            "punct",
        ],
        pos=["PRON", "NOUN", "VERB", "PRON", "ADP", "ADV", "ADP", "ADP", "VERB", "PUNCT"],
    )
    frames = find_frames(doc, DUTCH)
    assert [doc[f.cue[0]].text for f in frames] == ["spoorde"]
    assert doc[frames[0].source[0] : frames[0].source[1]].text.endswith("oom")


def test_a_light_verb_with_a_noun_of_speech_is_a_cue():
    cases = {
        "De trainer gaf zijn spelers in de rust de opdracht sneller te spelen.": "trainer",
        "De burgemeester deed een oproep aan de inwoners om binnen te blijven.": "burgemeester",
    }
    assert_speaker_of_each(cases, lambda body: body[:6])


def test_a_cue_under_a_modal_the_parse_made_its_head_is_an_obligation():
    from claimtrack.engine.cues import find_frames

    words = ["De", "gasten", "moesten", "in", "de", "finale", "hun", "meerdere", "erkennen", "."]
    doc = hand_parsed(
        words=words,
        heads=[1, 2, 2, 5, 5, 8, 7, 8, 2, 2],
        deps=["det", "nsubj", "ROOT", "case", "det", "obl", "nmod:poss", "obj", "xcomp", "punct"],
        pos=["DET", "NOUN", "AUX", "ADP", "DET", "NOUN", "PRON", "PRON", "VERB", "PUNCT"],
    )
    assert find_frames(doc, DUTCH) == []


def test_the_subject_of_a_clause_before_a_colon_speaks_the_quotation_after_it():
    cases = {
        "De trainer was na afloop tevreden: ,,We hebben goed gespeeld.''": "trainer",
        "Wethouder Sanne Visser bleef kalm: ,,Het komt allemaal goed.''": "Sanne Visser",
        # hearsay without a source does not take the quotation from the subject
        "De coach was blij met alle geruchten: 'prima, dan onderschatten ze ons.'": "coach",
    }
    assert_speaker_of_each(cases, lambda body: body[:6])


def test_a_time_phrase_before_the_verb_is_no_speaker_and_no_part_of_one():
    cases = {
        "Vorige week kondigde minister Anne Vos nieuwe regels voor de jacht aan.": "Anne Vos",
        "Zo zei de voorzitter vorige week dat het seizoen korter wordt.": "voorzitter",
    }
    assert_speaker_of_each(cases, lambda body: body[:6])


def test_a_participle_used_as_a_noun_is_the_speaker():
    cases = {
        "De verdachte heeft bekend dat hij de auto heeft gestolen.": "verdachte",
        "De gewonde vertelde dat de auto veel te hard reed.": "gewonde",
    }
    assert_speaker_of_each(cases, lambda body: "De ")


def test_a_question_or_exclamation_quoted_without_a_comma_before_its_frame():
    cases = {
        ",,Waarom nu pas?'' vroeg de burgemeester aan de raad.": "burgemeester",
        ",,Weg hier!'' schreeuwde een agent naar de toeschouwers.": "agent",
        ",,Wie betaalt dat?'' riep volgens de overlevering een boer uit het dorp.": "boer",
    }
    assert_speaker_of_each(cases, lambda body: ",,")


def test_wanting_to_know_is_a_question_not_a_claim():
    assert speakers_of(analyse("De oppositie wil weten waarom de minister zweeg.", NL), "De") == []
    body = "De minister wil benadrukken dat het plan gewoon doorgaat."
    assert speakers_of(analyse(body, NL), "De") == ["minister"]


def test_a_hyphenated_role_that_opens_with_a_name_is_no_part_of_the_name():
    body = "Dat is een vergissing, constateerde Midden-Oostendeskundige Stephen Cohen."
    assert speakers_of(analyse(body, NL), "Dat") == ["Stephen Cohen"]


def test_a_quote_over_paragraphs_framed_at_its_end_is_the_speaker_s_from_the_start():
    body = (
        "Het seizoen van de hockeyclub zit erop.\n\n"
        ",,We hebben hard gewerkt. Het seizoen was lang en zwaar.\n\n"
        ",,Nu gaan we eerst een paar weken op vakantie'', zegt trainer Wim Bos."
    )
    doc = analyse(body, NL)
    for start in (",,We hebben", "Het seizoen was", ",,Nu gaan"):
        assert speakers_of(doc, start) == ["Wim Bos"], start
    assert speakers_of(doc, "Het seizoen van") == []


def test_a_name_after_a_preposition_is_no_antecedent_for_the_next_she():
    body = (
        "Marieke de Wit won gisteren in Rotterdam de finale. Na afloop van de wedstrijd tegen"
        " Sanne Bakker was het feest in de hal. Ze kon het nauwelijks geloven."
        " ,,Ik ben heel blij met deze zege.''"
    )
    assert speakers_of(analyse(body, NL), ",,Ik ben") == ["Marieke de Wit"]


def test_a_pronoun_in_a_clause_beside_a_named_subject_is_that_subject():
    body = (
        "Trainer Ruud Mol keek toe vanaf de kant. Sanne Bakker reed lang aan kop, maar ze"
        " verloor haar evenwicht vlak voor de finish. ,,Het ging allemaal zo snel.''"
    )
    assert speakers_of(analyse(body, NL), ",,Het ging") == ["Sanne Bakker"]


def test_a_quotation_opening_the_article_is_the_most_mentioned_person_s():
    body = (
        ",,Dit wordt ons jaar.''\n\n"
        "Voetbalclub De Meeuwen begon gisteren aan de voorbereiding op het nieuwe seizoen."
        " Assistent Kees Bos zette de pionnen klaar. Trainer Henk Pool liet zijn spelers lang"
        " rennen in het bos. Pool is ambitieus na de promotie van vorig jaar. Na de training"
        " at Pool met de spelers in de kantine."
    )
    assert speakers_of(analyse(body, NL), ",,Dit wordt") == ["Henk Pool"]
    opening_alone = ",,Dit wordt ons jaar.''\n\nDe voorbereiding op het seizoen is begonnen."
    assert speakers_of(analyse(opening_alone, NL), ",,Dit wordt") == []


def test_a_quotation_right_after_a_described_speaker_s_indirect_statement_is_theirs():
    body = (
        "Burgemeester Ria Bos is sinds maandag ziek thuis. Een medewerker van het stadhuis"
        " vertelde dat Bos volgende week weer op haar werk verwacht wordt."
        " ,,Ze is al aan de beterende hand.''"
    )
    assert speakers_of(analyse(body, NL), ",,Ze is") == ["medewerker van stadhuis"]


def test_a_profile_s_unframed_quote_after_narration_goes_to_the_person_it_is_about():
    body = (
        "Schaatsster Femke Verhoef is terug na een lange blessure. Verhoef trainde de hele"
        " zomer alleen in Inzell. Toch twijfelde Verhoef nooit aan haar rentree.\n\n"
        "Verhoef won zaterdag meteen de 1500 meter in Heerenveen. Haar trainer keek tevreden"
        " toe: 'dit had niemand verwacht'.\n\n"
        "Ingrid Lie uit Noorwegen werd tweede, op een seconde van Verhoef. Amy Price werd"
        " derde. Het ijs was zacht door de warmte in de hal.\n\n"
        ",,Ik geniet weer van elke training. Het voelt als een nieuw begin.''"
    )
    doc = analyse(body, NL)
    for start in (",,Ik geniet", "Het voelt"):
        assert speakers_of(doc, start) == ["Femke Verhoef"], start


def test_a_nationality_before_a_name_describes_and_is_no_part_of_the_name():
    cases = {
        "De Noorse Ingrid Lie zei dat het ijs te zacht was.": "Ingrid Lie",
        "Het Duitse Siemens meldde dat de winst was gestegen.": "Siemens",
    }
    for body, name in cases.items():
        assert speakers_of(analyse(body, NL), body[:6]) == [name], body
    assert speakers_of(analyse("De Europese Commissie meldde dat het kon.", NL), "De") == [
        "De Europese Commissie"
    ]


def test_by_his_own_account_credits_the_person_when_the_subject_is_a_thing():
    body = "De nederlaag was voor trainer Piet Kuipers naar eigen zeggen een grote klap."
    assert speakers_of(analyse(body, NL), "De nederlaag") == ["Piet Kuipers"]


def test_by_its_own_account_with_the_object_fronted_credits_the_organisation():
    body = (
        "Het hoogheemraadschap Veenstroom moest de sluis vorige week sluiten. "
        "Die brief van de provincie heeft het hoogheemraadschap naar eigen zeggen nooit gekregen. "
        "Het hoogheemraadschap heeft het bericht naar eigen zeggen te laat gelezen."
    )
    doc = analyse(body, NL)
    check_offsets(doc, body)
    assert speakers_of(doc, "Die brief") == ["Hoogheemraadschap Veenstroom"]
    assert speakers_of(doc, "Het hoogheemraadschap heeft") == ["Hoogheemraadschap Veenstroom"]


def test_a_straight_closing_mark_with_nothing_open_ends_a_quotation_from_before():
    body = (
        '"We hebben de bouwvergunning pas gisteren ontvangen.\n\n'
        'Daardoor schuift de opening op naar het voorjaar", aldus projectleider Karim El Amrani.'
    )
    doc = analyse(body, NL)
    for start in ('"We hebben', "Daardoor"):
        assert speakers_of(doc, start) == ["Karim El Amrani"], start
    alone = (
        'Daardoor schuift de opening op naar het voorjaar", legt projectleider Karim El Amrani uit.'
    )
    assert speakers_of(analyse(alone, NL), "Daardoor") == ["Karim El Amrani"]


def test_zo_with_an_auxiliary_puts_the_speaker_between_it_and_the_participle():
    body = (
        "Minister Jan Peeters komt volgende week naar Brugge, zo heeft een woordvoerder van de"
        " stad gisteren bekendgemaakt."
    )
    [speaker] = speakers_of(analyse(body, NL), "Minister")
    assert speaker.startswith("woordvoerder")
    body = ",,We komen terug'', heeft de burgemeester gisteren aangekondigd."
    assert speakers_of(analyse(body, NL), ",,We") == ["burgemeester"]


def test_volgens_with_a_pronoun_after_a_named_subject_credits_that_subject():
    cases = {
        "Schepen Ingrid Maes stelde het dossier uit omdat het volgens haar nog onvolledig"
        " was.": "Ingrid Maes",
        "Jan Smit woont in Gent. Trainer Piet Kuipers bleef kalm, omdat hij volgens hem nog"
        " kansen had.": "Piet Kuipers",
    }
    for body, speaker in cases.items():
        doc = analyse(body, NL)
        statement = next(st for st in doc.statements if "volgens" in st.text)
        assert [a.speaker.name for a in statement.attributions] == [speaker], body


def test_a_kind_of_company_before_its_name_describes_an_organisation():
    body = (
        "Fabrikant Voltaro zegt dat de accu's veilig zijn. Volgens Voltaro is er niets aan de"
        " hand. Waterbedrijf Vitens meldt dat het water schoon is."
    )
    doc = analyse(body, NL)
    speakers = [(a.speaker.name, a.speaker.kind) for st in doc.statements for a in st.attributions]
    assert speakers == [
        ("Voltaro", "organization"),
        ("Voltaro", "organization"),
        ("Waterbedrijf Vitens", "organization"),
    ]
    assert speakers_of(analyse("Universiteit Utrecht meldt dat het klaar is.", NL), "U") == [
        "Universiteit Utrecht"
    ]


def test_volgens_a_rule_or_guideline_names_no_source_in_any_form():
    for body in (
        "Het project loopt volgens de richtlijnen van de bond.",
        "De wedstrijd verliep volgens de regels.",
        "Volgens de wet mag dat niet.",
    ):
        assert [a for st in analyse(body, NL).statements for a in st.attributions] == [], body
    assert speakers_of(analyse("Volgens de bond is het mislukt.", NL), "Volgens") == ["bond"]


def test_the_stem_of_a_separable_cue_without_its_particle_is_another_verb():
    for body in (
        "De minister legt de nadruk op de veiligheid van de burgers.",
        "De stichting, die strijd voert tegen armoede, kreeg een prijs van de stad.",
    ):
        assert [a for st in analyse(body, NL).statements for a in st.attributions] == [], body
    cases = {
        "De minister legde uit dat het plan doorgaat.": "minister",
        "De advocaat voert aan dat zijn cliënt onschuldig is.": "advocaat",
    }
    assert_speaker_of_each(cases, lambda body: "De")


def test_a_cue_inside_the_quotation_does_not_take_it_from_the_subject_before_the_colon():
    body = (
        "Schrijfster Anna Verbist is nauw betrokken bij de verfilming, maar wil zich er niet"
        ' mee bemoeien: "Toen ik het boek schreef, was ik ook vrij."'
    )
    assert speakers_of(analyse(body, NL), "Schrijfster") == ["Anna Verbist"]
