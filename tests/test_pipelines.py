"""The shipped Dutch and English pipelines parse what attribution needs.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from claimtrack.engine import nlp as nlp_module
from claimtrack.engine.nlp import PipelineUnavailable, load_pipeline


@pytest.fixture(scope="module")
def nl():
    return load_pipeline("nl")


@pytest.fixture(scope="module")
def en():
    return load_pipeline("en")


def token(doc: Doc, text: str) -> Token:
    """The first token with this exact text."""
    return next(t for t in doc if t.text == text)


def subject_of(verb: Token) -> Token | None:
    """The nominal subject (nsubj, nsubj:pass) of a verb."""
    return next((child for child in verb.children if child.dep_.startswith("nsubj")), None)


def sentence_texts(doc: Doc) -> list[str]:
    return [sent.text for sent in doc.sents]


CLOSING_QUOTES = {"''", "”", "’", '"'}


# ---------------------------------------------------------------- loading


def test_pipelines_are_cached_per_language(nl, en):
    assert load_pipeline("nl") is nl
    assert load_pipeline("en") is en
    assert nl.lang == "nl" and en.lang == "en"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="supported: nl, en"):
        load_pipeline("de")


def test_environment_variable_chooses_another_pipeline(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMTRACK_SPACY_NL", str(tmp_path / "no-such-pipeline"))
    load_pipeline.cache_clear()
    try:
        with pytest.raises(PipelineUnavailable, match="CLAIMTRACK_SPACY_NL"):
            load_pipeline("nl")
        monkeypatch.setenv("CLAIMTRACK_SPACY_NL", str(nlp_module.SHIPPED_MODELS_DIR / "en"))
        with pytest.raises(PipelineUnavailable, match="not 'nl'"):
            load_pipeline("nl")
    finally:
        load_pipeline.cache_clear()


# ---------------------------------------------------------------- Dutch


@pytest.mark.parametrize(
    "sentence, verb, lemma",
    [
        ("De minister heeft gisteren gezegd dat de belasting omhoog gaat.", "gezegd", "zeggen"),
        ("De woordvoerder liet weten dat het plan van tafel is.", "liet", "laten"),
        ("De woordvoerder liet weten dat het plan van tafel is.", "is", "zijn"),
        ("De belasting gaat omhoog, zei de minister.", "zei", "zeggen"),
        ("Volgens de burgemeester zeiden de bewoners niets.", "zeiden", "zeggen"),
        ("De politie meldt dat niemand gewond raakte.", "meldt", "melden"),
        ("De wethouder had eerder gemeld dat de brug dicht blijft.", "gemeld", "melden"),
        ("Zij zegt dat de school open blijft.", "zegt", "zeggen"),
    ],
)
def test_dutch_reporting_verb_lemmas(nl, sentence, verb, lemma):
    assert token(nl(sentence), verb).lemma_ == lemma


@pytest.mark.parametrize(
    "sentence, verb, subject",
    [
        # main clause
        ("De minister zei dat de belasting omhoog gaat.", "zei", "minister"),
        ("De minister heeft gezegd dat de belasting omhoog gaat.", "gezegd", "minister"),
        # inverted: the verb comes before its subject
        ("De belasting gaat volgend jaar omhoog, zei de minister.", "zei", "minister"),
        # subordinate clause: the verb comes last
        ("Het is bekend dat de burgemeester dat vorige week zei.", "zei", "burgemeester"),
    ],
)
def test_dutch_subject_of_reporting_verb(nl, sentence, verb, subject):
    found = subject_of(token(nl(sentence), verb))
    assert found is not None and found.text == subject


def test_dutch_dat_clause_hangs_on_reporting_verb(nl):
    doc = nl("De minister zei dat de belasting omhoog gaat.")
    dat = token(doc, "dat")
    assert dat.dep_ == "mark"
    assert dat.head.head.text == "zei"


@pytest.mark.parametrize("opening, closing", [(",,", "''"), ("„", "”"), ('"', '"')])
def test_dutch_quotes_are_tokens_and_stay_with_their_sentence(nl, opening, closing):
    text = (
        f"De minister was kort. {opening}Wij gaan dit niet doen. "
        f"Het is veel te duur.{closing} Daarna vertrok hij naar huis."
    )
    doc = nl(text)
    assert opening in [t.text for t in doc] and closing in [t.text for t in doc]
    starts = [sent[0].text for sent in doc.sents]
    assert not set(starts) & (CLOSING_QUOTES - {opening}), sentence_texts(doc)
    last_quote = [t for t in doc if t.text == closing][-1]
    assert last_quote.sent == token(doc, "duur").sent
    assert token(doc, "Daarna").sent != token(doc, "duur").sent
    assert len(list(doc.sents)) >= 3


def test_dutch_words_that_look_like_abbreviations_end_sentences(nl):
    doc = nl("Dat wisten we al. De trein was vol. Daarna kwam de bus.")
    assert [t.text for t in doc][:5] == ["Dat", "wisten", "we", "al", "."]
    assert len(list(doc.sents)) == 3


def test_dutch_quote_followed_by_reporting_clause_is_one_sentence(nl):
    doc = nl(",,Wij betalen niet'', zei de burgemeester. Hij vertrok.")
    first = next(iter(doc.sents))
    assert first.text == ",,Wij betalen niet'', zei de burgemeester."
    assert subject_of(token(doc, "zei")).text == "burgemeester"


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    "sentence, verb, lemma",
    [
        ("The minister said on Tuesday that taxes would rise.", "said", "say"),
        ('"We will not pay," the mayor told reporters.', "told", "tell"),
        ("The company says the factory is safe.", "says", "say"),
        ("She has repeatedly denied the report.", "denied", "deny"),
        ("The spokesman was telling reporters that the plan is dead.", "telling", "tell"),
        ("The spokesman was telling reporters that the plan is dead.", "was", "be"),
    ],
)
def test_english_reporting_verb_lemmas(en, sentence, verb, lemma):
    assert token(en(sentence), verb).lemma_ == lemma


@pytest.mark.parametrize(
    "sentence, verb, subject",
    [
        ("The minister said on Tuesday that taxes would rise.", "said", "minister"),
        ('"Taxes will rise next year," said the minister.', "said", "minister"),
        ('"We will not pay," the mayor told reporters.', "told", "mayor"),
        ("Officials confirmed that the mayor had said nothing.", "said", "mayor"),
    ],
)
def test_english_subject_of_reporting_verb(en, sentence, verb, subject):
    found = subject_of(token(en(sentence), verb))
    assert found is not None and found.text == subject


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("“", "”"), ("‘", "’")])
def test_english_quotes_stay_with_their_sentence(en, opening, closing):
    text = (
        f"The mayor was angry. {opening}We will fight this. "
        f"It is unfair.{closing} Then she left the room."
    )
    doc = en(text)
    starts = [sent[0].text for sent in doc.sents]
    assert not set(starts) & (CLOSING_QUOTES - {opening}), sentence_texts(doc)
    last_quote = [t for t in doc if t.text == closing][-1]
    assert last_quote.sent == token(doc, "unfair").sent
    assert token(doc, "Then").sent != token(doc, "unfair").sent


# ---------------------------------------------------------------- named entities


def entities(doc: Doc) -> dict[str, str]:
    return {e.text: e.label_ for e in doc.ents}


def test_both_shipped_pipelines_recognise_entities(nl, en):
    assert "ner" in nl.pipe_names and "ner" in en.pipe_names
    assert set(nl.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    assert set(en.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}


def test_dutch_person_with_particles_organisation_and_city(nl):
    doc = nl("De woordvoerder van de FNV zei dat Johan van den Bosch morgen in Groningen spreekt.")
    found = entities(doc)
    assert found.get("FNV") == "ORG"
    assert found.get("Johan van den Bosch") == "PER"
    assert found.get("Groningen") == "LOC"


def test_english_person_organisation_and_city(en):
    found = entities(
        en("Senator Maria Delgado told Reuters in Chicago that the union would strike.")
    )
    assert found.get("Maria Delgado") == "PER"
    assert found.get("Reuters") == "ORG"
    assert found.get("Chicago") == "LOC"
