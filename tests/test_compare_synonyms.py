"""Words of the same or a broader meaning (WordNet, claimtrack/compare/synonyms.py): they let
two accounts meet where their words differ, and two counts of such words disagree.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from compare_helpers import statement

from claimtrack.compare.align import align_accounts
from claimtrack.compare.features import features, related_words


def test_a_word_meets_its_synonym_and_its_broader_word_but_not_a_sibling():
    assert related_words("automobile", "en").meets(related_words("car", "en"))
    assert related_words("passenger", "en").meets(related_words("traveller", "en"))
    # two kinds of motor vehicle, or of traveller, are not the same thing
    assert not related_words("truck", "en").meets(related_words("car", "en"))
    assert not related_words("tourist", "en").meets(related_words("passenger", "en"))


def test_a_dutch_word_reaches_english_synonyms_through_its_translation():
    # auto -> car; car and automobile share a sense
    assert related_words("auto", "nl").meets(related_words("automobile", "en"))


def test_two_counts_of_synonymous_things_share_a_row_and_disagree():
    a = [statement(1, "Around 700 passengers waited on the platforms.")]
    b = [statement(2, "Only 150 travellers were delayed.")]
    rows = align_accounts("Council", a, "Operator", b)
    [row] = [r for r in rows if r["a"] and r["b"]]
    assert row["status"] == "conflict"
    assert "numbers differ" in row["reason"]


def _related(text: str, language: str, word: str):
    f = features(statement(0, text, language))
    return f.word_related[f.word_norms.index(word)]


def test_a_word_reaches_only_the_senses_of_its_part_of_speech():
    # "second" in "the second bridge" is the ordinal, "seconded" the verb (to back)
    ordinal = _related("The second bridge stayed closed all week.", "en", "second")
    ordinal_nl = _related("De tweede brug bleef de hele week dicht.", "nl", "tweede")
    backing = _related("The council seconded the motion on Tuesday.", "en", "seconded")
    assert not ordinal.meets(backing)
    assert not ordinal_nl.meets(backing)
    # ... while the same part of speech still meets across the languages
    assert ordinal_nl.meets(ordinal)
    assert backing.meets(_related("The council backed the motion on Tuesday.", "en", "backed"))


def test_a_word_after_an_article_is_not_read_as_a_verb():
    # "strike" is commonest as a verb (to hit); after "the" it is the noun, a walkout
    noun = _related("The strike began at dawn.", "en", "strike")
    verb = _related("Workers will strike at dawn.", "en", "strike")
    walkout = _related("The walkout began at dawn.", "en", "walkout")
    assert noun.meets(walkout)
    assert not verb.meets(walkout)
