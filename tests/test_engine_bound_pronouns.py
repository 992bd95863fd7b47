"""A pronoun inside what a speaker says stands for that speaker, not for a source named in
an earlier sentence (texts written for these tests, fictional names)."""

from __future__ import annotations

from engine_helpers import analyse, attributions_of, check_offsets


def _chains(doc, sentence_start):
    return [(a.speaker.name, [v.name for v in a.via]) for a in attributions_of(doc, sentence_start)]


def test_pronoun_after_a_coordinated_verb_is_the_speaker():
    body = (
        "Tallow Port Authority and Brackwater Housing Association have been talking for weeks. "
        "The authority offered a new lease on Monday.\n\n"
        "Brackwater Housing Association said it welcomed the lease, "
        "but wanted to know who would pay for the repairs."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    chains = _chains(doc, "Brackwater Housing Association said")
    assert chains, "the sentence is the association's claim"
    for speaker, via in chains:
        assert speaker == "Brackwater Housing Association"
        assert via == []


def test_pronoun_in_a_relative_clause_is_the_speaker():
    body = (
        "The Coastal Cabin Crew Union called a strike at Merrowind Airways. "
        "Merrowind Airways froze hiring in March and said it would review the freeze.\n\n"
        "The union blames the airline's hiring freeze, which it says cost 300 jobs."
    )
    doc = analyse(body, "en")
    check_offsets(doc, body)
    for speaker, via in _chains(doc, "The union blames"):
        assert speaker == "Coastal Cabin Crew Union"
        assert via == []


def test_dutch_volgens_pronoun_in_a_relative_clause():
    body = (
        "Vakbond Grondpersoneel kondigt een staking aan bij Luchtvaartmaatschappij Meeuwenveld. "
        "Meeuwenveld stopte in maart met het aannemen van personeel.\n\n"
        "De bond wijt het verlies aan de vacaturestop, die volgens hem 300 banen kostte."
    )
    doc = analyse(body, "nl")
    check_offsets(doc, body)
    chains = _chains(doc, "De bond wijt")
    assert chains
    for speaker, via in chains:
        assert speaker == "Vakbond Grondpersoneel"
        assert via == []
    volgens = [a for a in attributions_of(doc, "De bond wijt") if a.cue.text == "volgens"]
    assert all(a.content.text.startswith("die") for a in volgens)
