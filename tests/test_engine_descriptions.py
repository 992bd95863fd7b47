"""An organisation named once, then referred to by a description: one an apposition gave it,
one in the other language or a cognate of a word of its name; a name whose first word the
tagger misreads; and figure and blame cues around such names (texts written for these
tests)."""

from __future__ import annotations

from engine_helpers import analyse, only, speaker_named

# ---------------------------------------------------------------- 1. an apposition's noun


def test_dutch_apposition_gives_the_noun_a_later_description_uses():
    body = (
        "Zuivelbond Oost, de belangenvereniging van de melkveehouders, zegt dat veertig "
        "bedrijven stoppen. "
        "De vereniging ontkent dat de melkprijs verder daalt."
    )
    assert speaker_named(body, "nl", "De vereniging") == "Zuivelbond Oost"


def test_english_apposition_gives_the_noun_a_later_description_uses():
    body = (
        "Riverside Growers Alliance, the association for fruit farmers, said the apple "
        "harvest had failed. "
        "The association denied that prices would rise."
    )
    assert speaker_named(body, "en", "The association") == "Riverside Growers Alliance"


# ---------------------------------------------------------------- 2. the other language's noun


def test_dutch_description_in_dutch_names_an_english_cooperative():
    body = (
        "Heathmoor Dairy Cooperative zegt dat de melkprijs daalt. "
        "De coöperatie verwacht dat tien boeren stoppen."
    )
    assert speaker_named(body, "nl", "De coöperatie") == "Heathmoor Dairy Cooperative"


def test_english_description_translates_a_dutch_compound():
    body = (
        "Vervoerbedrijf Heuvelrand said the night buses would stop in March. "
        "The transport company denied that drivers would lose their jobs."
    )
    assert speaker_named(body, "en", "The transport company") == "Vervoerbedrijf Heuvelrand"


def test_dutch_cognate_names_an_english_command():
    body = (
        "Coastal Rescue Command meldt dat twee boten zijn gezonken. "
        "Het commando ontkent dat er bemanningsleden vermist zijn."
    )
    assert speaker_named(body, "nl", "Het commando") == "Coastal Rescue Command"


def test_two_organisations_that_fit_leave_the_description():
    body = (
        "Heathmoor Dairy Cooperative en Coöperatie Veldzicht zeggen dat de melkprijs daalt. "
        "De coöperatie verwacht dat tien boeren stoppen."
    )
    assert speaker_named(body, "nl", "De coöperatie") == "coöperatie"


# ---------------------------------------------------------------- 3. the whole name


def test_a_misread_first_word_stays_part_of_the_name():
    body = "Greenfield Energy Partners zegt dat de storing voorbij is."
    assert speaker_named(body, "nl", "Greenfield") == "Greenfield Energy Partners"


# ---------------------------------------------------------------- 4. figure cues


def test_komt_uit_op_a_number_is_a_figure_cue():
    doc = analyse("Het waterschap komt uit op 120 kilometer beschadigde dijk.", "nl")
    a = only(doc, "Het waterschap")
    assert (a.speaker.name, a.cue.text) == ("waterschap", "komt")


def test_an_apposition_with_a_relative_clause_keeps_the_figure_cue():
    body = "Kustwacht Noord, de dienst die de reddingen leidt, houdt het op vijf vermisten."
    a = only(analyse(body, "nl"), "Kustwacht Noord")
    assert (a.speaker.name, a.cue.text) == ("Kustwacht Noord", "houdt")


def test_an_apposition_with_a_relative_clause_opened_by_waarbij():
    body = (
        "Verplegersbond Zuid, de vakbond waarbij de meeste wijkverpleegkundigen zijn "
        "aangesloten, houdt het op 45 ontslagen."
    )
    a = only(analyse(body, "nl"), "Verplegersbond Zuid")
    assert (a.speaker.name, a.cue.text) == ("Verplegersbond Zuid", "houdt")


def test_an_english_apposition_with_a_possessive_plural():
    body = (
        "Railwatch Midland, a Dutch passengers' group, maintains that the trains ran late. "
        "Kadeveer, the ferry operator whose boats stayed in port, says that the storm was to "
        "blame."
    )
    doc = analyse(body, "en")
    assert only(doc, "Railwatch Midland").speaker.name == "Railwatch Midland"
    assert only(doc, "Kadeveer").speaker.name == "Kadeveer"


def test_a_compass_word_after_a_neuter_noun_is_no_name_of_its_own():
    body = "Netbeheer Oost zegt dat de werkzaamheden klaar zijn."
    assert speaker_named(body, "nl", "Netbeheer") == "Netbeheer Oost"


def test_a_compound_name_and_a_compass_word_before_the_verb_is_the_subject():
    body = (
        "Keuringsbureau Zuidwest rekent de bouwer drie gemiste inspecties aan. "
        "Netbeheer Zuid zegt dat de storing om negen uur begon. "
        "Spoorbeheer Noord zegt dat de trein te hard reed."
    )
    doc = analyse(body, "nl")
    assert only(doc, "Keuringsbureau").speaker.name == "Keuringsbureau Zuidwest"
    assert only(doc, "Netbeheer").speaker.name == "Netbeheer Zuid"
    assert only(doc, "Spoorbeheer").speaker.name == "Spoorbeheer Noord"


def test_a_rank_is_no_figure():
    body = "Hij zegt dat de ploeg op de eerste plaats uitkomt."
    assert [a.cue.text for a in analyse(body, "nl").statements[0].attributions] == ["zegt"]
