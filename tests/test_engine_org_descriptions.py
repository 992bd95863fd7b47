"""An organisation named in full, then referred back to with a definite description made of
a noun from its own name ("het park", "the association"), or by its name after an article
that opens a sentence ("De X Agency")."""

from __future__ import annotations

from engine_helpers import speaker_named

# ---------------------------------------------------------------- a noun of the name


def test_dutch_het_park_is_the_park_named_before():
    body = (
        "Volgens Provinciaal Park De Wolfsheide ging er twintig hectare verloren. "
        "Het park wijt de brand aan een achtergelaten barbecue."
    )
    assert speaker_named(body, "nl", "Het park") == "Provinciaal Park De Wolfsheide"


def test_dutch_a_compound_head_names_the_organisation():
    body = (
        "Zorgstichting Amstelhof zegt dat de wachtlijst korter wordt. "
        "De stichting wijt de achterstand aan een tekort aan verpleegkundigen."
    )
    assert speaker_named(body, "nl", "De stichting") == "Zorgstichting Amstelhof"


def test_dutch_the_whole_compound_names_the_organisation():
    body = (
        "Zorgstichting Amstelhof zegt dat de wachtlijst korter wordt. "
        "De zorgstichting wijt de achterstand aan een tekort aan verpleegkundigen."
    )
    assert speaker_named(body, "nl", "De zorgstichting") == "Zorgstichting Amstelhof"


def test_english_the_association_is_the_association_named_before():
    body = (
        "The Harbourview Residents Association said the repairs were long overdue. "
        "The association said its members had complained for months."
    )
    assert speaker_named(body, "en", "The association") == "Harbourview Residents Association"


def test_english_the_command_is_the_command_named_before():
    body = (
        "Southern Coastal Command said two patrol boats were damaged in the storm. "
        "The command said none of the crew were injured."
    )
    assert speaker_named(body, "en", "The command") == "Southern Coastal Command"


def test_a_place_named_in_passing_is_no_company_a_description_names():
    # Skelmar is where the ferry goes; the company is the one that acts in the article
    body = (
        "The ferry to Skelmar left two hours late on Friday. "
        "The company said the crew had been ill."
    )
    assert speaker_named(body, "en", "The company") != "Skelmar"
    body = (
        "The ferry to Skelmar left two hours late on Friday. "
        "Veerdienst Tessel said a storm had kept its ships in port. "
        "The company said the crew had been ill."
    )
    assert speaker_named(body, "en", "The company") == "Veerdienst Tessel"


def test_two_organisations_with_the_noun_leave_the_description():
    body = (
        "The Harbourview Residents Association and the Parkside Tenants Association said "
        "the repairs were long overdue. "
        "The association said its members had complained for months."
    )
    assert speaker_named(body, "en", "The association").lower() == "association"


def test_dutch_two_stichtingen_leave_the_description():
    body = (
        "Zorgstichting Amstelhof en Woonstichting Noordkade zeggen dat de wachtlijst korter "
        "wordt. De stichting wijt de achterstand aan een tekort aan verpleegkundigen."
    )
    assert speaker_named(body, "nl", "De stichting").lower() == "stichting"


def test_only_an_organisation_noun_heads_a_compound_of_the_name():
    body = (
        "Woonstichting Havenstad zegt dat de huren volgend jaar stijgen. "
        "De stad wijt de stijging aan hogere belastingen."
    )
    assert speaker_named(body, "nl", "De stad") != "Woonstichting Havenstad"


def test_an_indefinite_description_is_no_reference_back():
    body = (
        "Zorgstichting Amstelhof zegt dat de wachtlijst korter wordt. "
        "Een stichting uit Leiden wijt de achterstand aan een tekort aan verpleegkundigen."
    )
    assert speaker_named(body, "nl", "Een stichting") != "Zorgstichting Amstelhof"


def test_a_persons_role_still_names_the_person():
    body = (
        "Minister Karel Dijkhuis zegt dat het Ministerie van Verkeer de brug herstelt. "
        "De minister wijt de vertraging aan de aannemer."
    )
    assert speaker_named(body, "nl", "De minister") == "Karel Dijkhuis"


# ---------------------------------------------------------------- an article at a sentence start


def test_an_article_opening_a_sentence_is_no_part_of_a_known_name():
    body = (
        "Het overleg tussen de vissers en de Northern Coastal Survey Agency liep vast. "
        "De Northern Coastal Survey Agency houdt het op dertig schepen."
    )
    assert speaker_named(body, "nl", "De Northern") == "Northern Coastal Survey Agency"


def test_a_name_only_ever_written_with_de_keeps_it():
    body = "De Nederlandsche Bank zegt dat de rente volgend jaar stijgt."
    assert speaker_named(body, "nl", "De Nederlandsche Bank") == "De Nederlandsche Bank"


def test_de_beveiliger_names_the_one_security_company_of_the_article():
    opening = (
        "In het Stadsmuseum Veltwijk werd ingebroken. "
        "Beveiligingsbedrijf Nachtwacht Groep bewaakte het museum. "
    )
    sentence = "De bewaker was om 03.24 uur ter plaatse, benadrukt de beveiliger."
    named = speaker_named(opening + sentence, "nl", "De bewaker")
    assert named == "Beveiligingsbedrijf Nachtwacht Groep"


def test_the_security_firm_names_the_firm_the_article_introduced_as_one():
    opening = (
        "Thieves broke into a museum in Veltwijk. "
        "The security firm Nightwatch Group guarded the building. "
    )
    for sentence in (
        "The guard was on site at 03:24, the security firm said.",
        "Its guard, the firm maintains, was on site at 03:24.",
    ):
        assert speaker_named(opening + sentence, "en", sentence[:9]) == "Nightwatch Group"
