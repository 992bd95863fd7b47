"""Statements that name a side without its full name (claimtrack/compare/side_mentions.py):
a part of the name after the noun that says its kind, the name after a role noun, a
description of the kind the event's texts give the side, and the organisation a
spokesperson speaks for."""

from __future__ import annotations

from compare_helpers import ids, reported, side

from claimtrack.compare.event_comparison import side_accounts
from claimtrack.importer import import_paths
from claimtrack.store import open_database
from claimtrack.store.events import create_event, event_statements, side_identity


def test_the_name_after_the_noun_that_opens_a_sides_name_names_it():
    statements = [
        reported(1, "Groenrand"),  # "Stichting Groenrand Oostveld" after "Stichting"
        reported(2, "Groenrand Oostveld"),
        reported(3, "Stichting"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Stichting Groenrand Oostveld"), side("Velterwind Energy")
    )
    assert ids(account_a) == [1, 2]
    assert ids(account_b) == []


def test_a_common_word_before_the_kind_noun_that_ends_a_name_names_no_side():
    # "Parents" is what the Brookfield Parents Association speaks for, not its name
    statements = [reported(1, "Parents"), reported(2, "Brookfield")]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Brookfield Parents Association")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [2]


def test_a_sides_name_after_a_role_noun_names_it():
    statements = [reported(1, "Aannemer Bruggeman Bouw"), reported(2, "contractor Bruggeman")]
    account_a, account_b = side_accounts(
        statements, side("Provincie Drechtland"), side("Bruggeman Bouw")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [1, 2]


def test_a_description_fits_the_side_an_apposition_gave_that_kind():
    # "Werkkracht Lindewaard" says nothing of its kind; the report's apposition does
    statements = [
        reported(
            1,
            "Werkkracht Lindewaard",
            "Werkkracht Lindewaard, de vakbond van de schoonmakers, eist een hoger loon.",
        ),
        reported(2, "de bond", "De bond zegt dat het werk zwaarder is geworden."),
        reported(3, "union", "The union said the work had become harder."),
        reported(4, "het bedrijf", "Het bedrijf zegt dat het loon al is verhoogd."),
    ]
    account_a, account_b = side_accounts(
        statements, side("Schoonmaakgroep Dalsum"), side("Werkkracht Lindewaard")
    )
    assert ids(account_b) == [1, 2, 3]
    assert ids(account_a) == [4]  # a "groep" of no known kind is the company here


def test_a_role_noun_before_a_sides_name_in_a_text_gives_it_that_kind():
    statements = [
        reported(1, None, "Aannemer Pelgrim Werken begon in maart aan de sluis."),
        reported(2, "het bouwbedrijf", "Het bouwbedrijf zegt dat de sluis veilig is."),
        reported(3, "the contractor", "The contractor said the lock was safe."),
    ]
    account_a, account_b = side_accounts(
        statements, side("Waterschap Oude IJssel"), side("Pelgrim Werken")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [2, 3]


def test_a_description_in_a_chain_that_names_the_other_side_in_full_names_no_side():
    statements = [reported(1, "Gemeente Zeewolde", via=("het bedrijf",))]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Harbourlight Shipping Lines")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == []


def test_a_spokesperson_of_a_side_speaks_for_it():
    statements = [
        reported(1, "woordvoerder", affiliation="Harbourlight"),
        reported(2, "woordvoerder", affiliation="Harbourlight Shipping Lines"),
        reported(3, "woordvoerder"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Zeewolde"), side("Harbourlight Shipping Lines")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [1, 2]


def spokesperson_event(db_path) -> int:
    """A report in which a spokesperson of Harbourlight Shipping Lines, unnamed, answers
    Gemeente Zeewolde, imported as an event; its id."""
    article = db_path.parent / "report.txt"
    article.write_text(
        "# title: Veerdienst Zeewolde minder vaak\n# publisher: Kustkoerier\n# language: nl\n"
        "# date: 2026-03-02\n\n"
        "Harbourlight Shipping Lines vaart vanaf april minder vaak naar het eiland.\n\n"
        "Gemeente Zeewolde zegt dat de rederij zich niet aan de afspraken houdt.\n\n"
        "De afspraken zijn nooit gebroken, zegt een woordvoerder van Harbourlight.\n",
        encoding="utf-8",
    )
    db = open_database(db_path)
    [outcome] = import_paths(db, [str(article)])
    event_id = create_event(db, "Veerdienst", "2026-03-02", article_ids=[outcome.article_id])
    db.close()
    return event_id


def test_an_unnamed_spokespersons_organisation_is_stored_and_makes_the_account(tmp_path):
    event_id = spokesperson_event(tmp_path / "claimtrack.db")
    db = open_database(tmp_path / "claimtrack.db")
    statements = event_statements(db, event_id)
    [spoken] = [s for s in statements if s["text"].startswith("De afspraken zijn nooit")]
    assert spoken["affiliation"] == "Harbourlight"
    _, account_b = side_accounts(
        statements,
        side_identity(db, "Gemeente Zeewolde"),
        side_identity(db, "Harbourlight Shipping Lines"),
    )
    db.close()
    assert spoken["id"] in ids(account_b)


def test_a_person_quoted_in_a_sides_own_release_speaks_for_it_in_the_reports():
    statements = [
        reported(1, "Marit Zandvoort", publisher="Waterschap Lindewaard", article=1),
        reported(2, "Joris Aalbers", publisher="Veldkamp Grondwerken", article=2),
        reported(3, "Zandvoort"),
        reported(4, "dijkgraaf Marit Zandvoort"),
        reported(5, "Aalbers"),
        reported(6, "Pieter Zandvoort Jansen"),  # another man
    ]
    account_a, account_b = side_accounts(
        statements, side("Waterschap Lindewaard"), side("Veldkamp Grondwerken")
    )
    assert ids(account_a) == [1, 3, 4]
    assert ids(account_b) == [2, 5]


def test_a_person_quoted_by_both_sides_speaks_for_neither():
    statements = [
        reported(1, "Hanna de Wit", publisher="Waterschap Lindewaard", article=1),
        reported(2, "Hanna de Wit", publisher="Veldkamp Grondwerken", article=2),
        reported(3, "De Wit"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Waterschap Lindewaard"), side("Veldkamp Grondwerken")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == [2]


def test_what_a_ministry_is_for_and_its_bracketed_acronym_name_it():
    statements = [
        reported(
            1,
            None,
            "Het Ministerie van Landbouw en Visserij (MLV) meldt dat de quotum lager wordt.",
        ),
        reported(2, "MLV"),
        reported(3, "Landbouw"),  # "Ministerie van Landbouw en Visserij" after "van"
        reported(4, "Havens"),
        reported(5, "agriculture ministry"),
        reported(6, "ports ministry"),
        reported(7, "ministry"),  # both sides are ministries
    ]
    account_a, account_b = side_accounts(
        statements,
        side("Ministerie van Landbouw en Visserij"),
        side("Ministerie van Havens en Kusten"),
    )
    assert ids(account_a) == [2, 3, 5]
    assert ids(account_b) == [4, 6]


def test_the_people_a_sides_name_speaks_for_name_it():
    statements = [
        reported(1, "bewoners"),  # Bewonersvereniging: the residents
        reported(2, "tenants"),  # Tenants Association
        reported(3, "Tenants"),  # a sentence's first word, not a description
    ]
    account_a, account_b = side_accounts(
        statements, side("Bewonersvereniging Het Anker"), side("Kadeplein Tenants Association")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == [2]


def test_the_compare_page_and_its_exports_say_whom_a_spokesperson_speaks_for(tmp_path):
    from claimtrack.app import create_app

    db_path = tmp_path / "claimtrack.db"
    event_id = spokesperson_event(db_path)
    app = create_app({"TESTING": True, "DATABASE": str(db_path), "SECRET_KEY": "t"})
    client = app.test_client()
    sides = {"a": "Gemeente Zeewolde", "b": "Harbourlight Shipping Lines"}
    data = client.get(f"/events/{event_id}/compare.json", query_string=sides).get_json()
    [spoken] = [
        s for r in data["rows"] for s in r["b"] if s["text"].startswith("De afspraken zijn")
    ]
    assert spoken["affiliation"] == "Harbourlight"
    page = client.get(f"/events/{event_id}/compare", query_string=sides).get_data(as_text=True)
    assert "(for <bdi>Harbourlight</bdi>)" in page
    table = client.get(f"/events/{event_id}/compare.csv", query_string=sides).get_data(as_text=True)
    assert "speaks_for" in table.splitlines()[0] and ",Harbourlight," in table


def test_an_apposition_after_a_bracketed_short_form_and_a_dotted_company_form_give_kinds():
    statements = [
        reported(
            1,
            None,
            "The Keurraad Waterkwaliteit Noord (KWN), the regional drinking water regulator, "
            "said on Monday it had fined Helderbron Water B.V.",
        ),
        reported(2, "regulator", "The regulator says the fine is the highest in years."),
        reported(3, "company", "The company insists the samples were clean."),
    ]
    account_a, account_b = side_accounts(
        statements, side("Keurraad Waterkwaliteit Noord"), side("Helderbron Water B.V.")
    )
    assert ids(account_a) == [2]
    assert ids(account_b) == [3]


def test_a_description_with_a_capitalised_adjective_still_describes():
    statements = [
        reported(
            1, None, "Team Vosberg Racing, his Belgian team, has appealed against the suspension."
        ),
        reported(2, "his Belgian team"),
        reported(3, "de ploeg"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Stichting Dopingvrije Sport Noord"), side("Vosberg Racing")
    )
    assert ids(account_a) == []
    assert ids(account_b) == [2, 3]


def test_venues_airlines_and_the_city_are_kinds_a_description_names():
    statements = [
        reported(1, "de schouwburg"),
        reported(2, "the theatre"),
        reported(3, "the city"),
        reported(4, "het college"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Stichting Stadsschouwburg Lindewaard"), side("Gemeente Lindewaard")
    )
    assert ids(account_a) == [1, 2]
    assert ids(account_b) == [3, 4]
    statements = [reported(5, "the airline"), reported(6, "de vereniging")]
    account_a, account_b = side_accounts(
        statements, side("Kestrel Airways"), side("Vereniging Vliegreizigers Noord")
    )
    assert (ids(account_a), ids(account_b)) == ([5], [6])


def test_a_description_made_of_the_noun_a_sides_name_is_built_on_names_that_side():
    # the shipping company's name is built on "rederij", the wood processor's on what
    # "de houtverwerker" does, the tenants' platform's ends in "platform"
    statements = [
        reported(1, "de rederij", "De rederij spreekt dat tegen."),
        reported(2, "houtverwerker", "Volgens de houtverwerker lag het hout binnen."),
        reported(4, "het platform", "Het platform stelt dat de huur te hoog is."),
    ]
    account_a, account_b = side_accounts(
        statements, side("Houtverwerking Brinkman"), side("Rederij Van Dalen")
    )
    assert ids(account_a) == [2]
    assert ids(account_b) == [1]
    account_a, account_b = side_accounts(
        statements, side("Huurdersplatform Oost"), side("Gemeente Kavelland")
    )
    assert ids(account_a) == [4]
    assert ids(account_b) == []


def test_the_people_a_sides_name_speaks_for_name_it_in_the_other_language():
    statements = [
        reported(1, "the residents"),  # Bewonersvereniging: its bewoners, in English
        reported(2, "huurders"),  # Tenants Association: its tenants, in Dutch
        reported(3, "the students"),  # neither side speaks for students
    ]
    account_a, account_b = side_accounts(
        statements, side("Bewonersvereniging Het Anker"), side("Kadeplein Tenants Association")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == [2]


def test_a_short_form_of_the_first_letters_of_a_sides_name_names_it():
    # Regionale Brandweerdienst Kaalmeer: R + Brandweer + Dienst; no text gives "(RBD)"
    statements = [
        reported(1, "RBD"),
        reported(2, "RBD Kaalmeer"),
        reported(3, "BBK"),  # Bond van Buurtkrachten Kaalmeer: "van" gives no letter
        reported(4, "KBD"),  # neither side's letters
    ]
    account_a, account_b = side_accounts(
        statements,
        side("Regionale Brandweerdienst Kaalmeer"),
        side("Bond van Buurtkrachten Kaalmeer"),
    )
    assert ids(account_a) == [1, 2]
    assert ids(account_b) == [3]


def test_a_body_described_by_what_a_sides_name_is_for_names_that_side():
    # the fire service's name holds "brandweer", the patients' group's "patiënten"
    statements = [
        reported(1, "de brandweerdienst"),
        reported(2, "the fire service"),
        reported(3, "the patients' group"),
        reported(4, "the patients' union"),  # a union: the association is known to be none
        reported(5, "the service"),  # says nothing of what it is for
    ]
    account_a, account_b = side_accounts(
        statements,
        side("Regionale Brandweerdienst Kaalmeer"),
        side("Vereniging Patiëntenstem Kaalmeer"),
    )
    assert ids(account_a) == [1, 2]
    assert ids(account_b) == [3]


def test_a_party_described_by_its_kind_is_the_side_whose_name_says_no_kind():
    # a local party's name seldom says it is one; the municipality's does
    statements = [
        reported(1, "de partij", "De partij zegt dat de telling niet klopt."),
        reported(2, "the party"),
        reported(3, "de gemeente"),
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Haverdam"), side("Samen Vooruit Haverdam")
    )
    assert ids(account_a) == [3]
    assert ids(account_b) == [1, 2]


def test_a_bare_body_noun_reads_whose_it_is_from_the_text():
    # the engine names "group" as the speaker; the text says whose group it is
    statements = [
        reported(1, "group", "The patients' group said the wait was far too long."),
        reported(2, "group", "The group said the wait was far too long."),  # whose?
    ]
    account_a, account_b = side_accounts(
        statements,
        side("Regionale Brandweerdienst Kaalmeer"),
        side("Vereniging Patiëntenstem Kaalmeer"),
    )
    assert ids(account_a) == []
    assert ids(account_b) == [1]


def test_some_of_a_sides_people_speak_for_the_side_their_description_names():
    statements = [
        reported(1, "Union officials"),
        reported(2, "Provincial officials"),
        reported(3, "partijleden"),
        reported(4, "Officials"),  # whose officials?
    ]
    account_a, account_b = side_accounts(
        statements, side("Provincie Zuid-Kaalmeer"), side("Bond van Havenwerkers Kaalmeer")
    )
    assert ids(account_a) == [2]
    assert ids(account_b) == [1]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Haverdam"), side("Samen Vooruit Haverdam")
    )
    assert ids(account_b) == [3]


def test_a_person_with_a_role_of_one_sides_kind_speaks_for_it():
    statements = [
        reported(1, "Anna Veldkamp", "Burgemeester Anna Veldkamp zegt dat de pont te laat was."),
        reported(2, "Veldkamp", "Veldkamp wil een onderzoek."),
        reported(3, "Tom Hagen", "A police spokesman, Tom Hagen, said the road was closed."),
        reported(4, "Lies Brouwer", "Directeur Lies Brouwer zegt dat de pont op tijd was."),
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Haverdam"), side("Veerdienst Haverdam")
    )
    assert ids(account_a) == [1, 2]  # the mayor speaks for the municipality
    assert ids(account_b) == []  # a director of what?
    account_a, account_b = side_accounts(
        statements, side("Politie Kaalmeer"), side("Bewonersvereniging Kaalmeer")
    )
    assert ids(account_a) == [3]
    # both sides are municipalities: the mayor speaks for neither by her role
    account_a, account_b = side_accounts(
        statements, side("Gemeente Haverdam"), side("Gemeente Kaalmeer")
    )
    assert 1 not in ids(account_a) + ids(account_b)


def test_a_description_that_opens_a_sentence_is_still_a_description():
    statements = [
        reported(1, "City", "City figures show that 9,000 tickets were sold."),
        reported(2, "Union", "Union officials said the talks had failed."),
        reported(3, "City", "The report by City was late."),  # inside a sentence: a name
    ]
    account_a, account_b = side_accounts(
        statements, side("Gemeente Haverdam"), side("Bond van Havenwerkers Kaalmeer")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == [2]


def test_a_capitalised_speaker_the_text_writes_as_a_description_is_one():
    # the engine may give "Museum" for "het museum"; the text says it is a description
    statements = [
        reported(1, "Museum", "Volgens het museum ging het alarm om drie uur af."),
        reported(2, "Museum", "Het Museum Kwartier zegt dat het alarm afging."),  # a name
    ]
    account_a, account_b = side_accounts(
        statements, side("Museum De Waag"), side("Veldwacht Beveiliging")
    )
    assert ids(account_a) == [1]
    assert ids(account_b) == []
