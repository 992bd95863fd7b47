"""Dutch attribution across sentences: quote runs, surnames with particles, frames that
point back, cue phrases, negation and hearsay (texts written for these tests)."""

from __future__ import annotations

import json

from engine_helpers import analyse, check_offsets, only, speakers_of

from claimtrack.engine.lang.loader import read_entries
from claimtrack.engine.lang.profile import LanguageProfile

NL = "nl"

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
