"""The engine's remembered lookups (issue #17) give what asking afresh gives.

- morphological features are remembered per analysis: `morph_values` equals
  `token.morph.get` for every word and field, on first and later asks;
- the first word after leading punctuation, the Title Case counts and the phrasal
  partners of a verb are read once and agree with the walks they replace;
- the known infinitive of a form is remembered per profile and agrees with the
  candidates' first known verb, also after the memo starts over;
- a word's children and a sentence's text, read once per sentence, are what spaCy
  gives, in the same order, also for a sentence parsed without a dependency parser.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
import spacy

from claimtrack.engine import tokens as tokens_module
from claimtrack.engine.lang import get_profile
from claimtrack.engine.pipeline import get_pipeline
from claimtrack.engine.tokens import (
    children_of,
    first_word,
    has_morph,
    long_words_capitalised,
    morph_values,
    text_of,
)

SENTENCES = {
    "nl": [
        "De wethouder heeft gisteren gezegd dat de brug wordt gesloten.",
        '"Wij zijn tevreden," zeggen de bewoners van de Lindenstraat.',
        "-- ... Volgens de brandweer waren er geen gewonden.",
    ],
    "en": [
        "The mayor had said that the bridges were being closed, officials confirmed.",
        '"We are ready," the spokeswoman added, saying nothing more.',
        "... -- Rain Falls Again Over The Harbour Towns",
    ],
}
FIELDS = ("Tense", "VerbForm", "Number", "Mood", "Person", "Gender", "Missing")


def docs(language: str):
    return list(get_pipeline(language).pipe(SENTENCES[language]))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_morph_values_are_the_analysis_values_every_time(language):
    for doc in docs(language) + docs(language):  # the second round reads the memo
        for token in doc:
            for field in FIELDS:
                expected = token.morph.get(field)
                assert list(morph_values(token, field)) == expected
                for value in ("Past", "Pres", "Part", "Inf", "Plur", "Sing"):
                    assert has_morph(token, field, value) == (value in expected)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_first_word_is_where_only_punctuation_stands_before(language):
    for doc in docs(language):
        for token in doc:
            walk = all(t.is_punct for t in doc[: token.i])
            assert (token.i <= first_word(doc)) == walk


@pytest.mark.parametrize("language", ["nl", "en"])
def test_capitalised_long_words_are_counted_as_a_walk_counts_them(language):
    for doc in docs(language):
        words = [t for t in doc if t.is_alpha and len(t) > 3]
        expected = (len(words), sum(t.text[:1].isupper() for t in words))
        assert long_words_capitalised(doc) == expected


@pytest.mark.parametrize("language", ["nl", "en"])
def test_phrasal_partners_list_every_pair_in_table_order(language):
    profile = get_profile(language)
    for verb, partners in profile.phrasal_partners.items():
        # a companion of several words ("wijzen van de hand") is one string
        assert list(partners) == [" ".join(w) for v, *w in profile.phrasal_cues if v == verb]
    assert sum(map(len, profile.phrasal_partners.values())) == len(profile.phrasal_cues)


def test_known_infinitives_are_the_first_listed_candidate_also_after_a_fresh_start(
    monkeypatch,
):
    profile = get_profile("nl")
    forms = ["meldde", "gemeld", "vermoedt", "aangekondigd", "bekendgemaakt", "tafel", "zei"]

    expected = {form: tokens_module._first_known_infinitive(form, profile) for form in forms}
    assert any(expected.values()) and not all(expected.values())
    for _ in range(2):  # asked afresh, then from the memo
        assert {f: tokens_module._known_infinitive(f, profile) for f in forms} == expected
    monkeypatch.setattr(tokens_module, "KNOWN_INFINITIVE_MEMO", 3)
    profile.infinitive_memo.clear()
    for _ in range(2):  # the memo starts over as it fills
        assert {f: tokens_module._known_infinitive(f, profile) for f in forms} == expected
        assert len(profile.infinitive_memo) <= 3


@pytest.mark.parametrize("language", ["nl", "en"])
def test_children_and_text_read_once_are_spacys_own(language):
    parsed = docs(language)
    unparsed = list(spacy.blank(language).pipe(SENTENCES[language]))
    for doc in parsed + unparsed:
        for token in doc:
            assert list(children_of(token)) == list(token.children)
            assert [c.i for c in children_of(token)] == sorted(c.i for c in token.children)
        assert text_of(doc) == doc.text
    assert any(children_of(token) for doc in parsed for token in doc)
