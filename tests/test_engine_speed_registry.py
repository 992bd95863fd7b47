"""The entity registry's name index finds what a walk over every entity would find.

`EntityRegistry.find` reads a dictionary index of normalised names (issue #17). These
tests keep a straightforward linear walk — the lookup as it was before the index — and
check that both agree on names with particles, diacritics, case and genitive variants,
after renames and after entities were appended or changed outside `add`.
"""

from __future__ import annotations

import itertools

import pytest

from claimtrack.engine.lang import get_profile
from claimtrack.engine.sources import Entity, EntityRegistry, _surname_forms, normalise


def walk_find(registry: EntityRegistry, name: str) -> Entity | None:
    """The lookup without an index: normalise every known name, most recent first."""
    key = normalise(name)
    if not key:
        return None
    variants = {key, key.removesuffix("s")}
    for entity in reversed(registry.entities):
        if normalise(entity.name) in variants:
            return entity
    for entity in reversed(registry.entities):
        full = normalise(entity.name)
        words = full.split()
        if (
            entity.kind == "person"
            and len(words) > 1
            and variants & _surname_forms(words, registry.profile.name_particles)
        ):
            return entity
        if len(key.split()) > 1 and key.endswith(" " + full):
            return entity
    return None


DUTCH_SOURCES = [
    ("Jan van der Berg", "person"),
    ("Anneke de Wit", "person"),
    ("Théo Müller-Lüdenscheid", "person"),
    ("Ministerie van Financiën", "organization"),
    ("Berg", "organization"),
    ("Karel ten Brink", "person"),
    ("Het Parool", "organization"),
    ("Femke van 't Hek", "person"),
    ("Wit", "person"),
    ("Ruud Gullit", "person"),
    ("Gemeente Utrecht", "organization"),
]

QUERIES = [
    "Jan van der Berg",
    "jan VAN DER berg",
    "Van der Berg",
    "van der Berg",
    "der Berg",
    "Berg",
    "Bergs",
    "Van der Bergs",
    "Anneke de Wit",
    "De Wit",
    "Wit",
    "Wits",
    "de Wits",
    "Theo Muller-Ludenscheid",
    "Müller-Lüdenscheid",
    "Lüdenscheid",
    "Ludenscheids",
    "MINISTERIE VAN FINANCIEN",
    "Financiën",
    "het Ministerie van Financiën",
    "Ten Brink",
    "Brink",
    "burgemeester Karel ten Brink",
    "Parool",
    "Het Parool",
    "van 't Hek",
    "'t Hek",
    "Hek",
    "Gullit",
    "Gullits",
    "bondscoach Ruud Gullit",
    "Utrecht",
    "de Gemeente Utrecht",
    "Pietersen",
    "s",
    "",
    "...",
]


@pytest.fixture
def registry() -> EntityRegistry:
    return EntityRegistry(get_profile("nl"))


def assert_same_lookups(registry: EntityRegistry) -> None:
    for query in QUERIES:
        assert registry.find(query) is walk_find(registry, query), query


def test_index_agrees_with_the_walk_as_sources_are_added(registry):
    assert_same_lookups(registry)
    for name, kind in DUTCH_SOURCES:
        registry.add(name, kind)
        assert_same_lookups(registry)


def test_index_agrees_in_every_order_of_adding(registry):
    """Which of two matching entities is 'most recent' depends on the order."""
    for order in itertools.permutations(DUTCH_SOURCES[:5]):
        fresh = EntityRegistry(registry.profile)
        for name, kind in order:
            fresh.add(name, kind)
        assert_same_lookups(fresh)


def test_a_longer_name_renames_the_entity_and_the_index_follows(registry):
    short = registry.add("Brink", "person")
    renamed = registry.add("Karel ten Brink", "person")
    assert renamed is short
    assert short.name == "Karel ten Brink"
    assert registry.find("Ten Brink") is short
    assert registry.find("Karel ten Brink") is short
    assert_same_lookups(registry)


def test_names_and_kinds_changed_outside_add_are_found(registry):
    for name, kind in DUTCH_SOURCES:
        registry.add(name, kind)
    gullit = registry.find("Ruud Gullit")
    gullit.name = "Ruud Dil"  # renamed directly on the entity
    assert registry.find("Gullit") is walk_find(registry, "Gullit")
    assert registry.find("Dil") is gullit
    berg = registry.find("Jan van der Berg")
    berg.kind = "organization"  # no longer found by surname
    assert_same_lookups(registry)
    appended = Entity("woordvoerder", "person", described_only=True)
    registry.entities.append(appended)  # as the registry records a described subject
    assert registry.find("woordvoerder") is appended
    assert_same_lookups(registry)


def test_normalised_keys_ignore_case_accents_and_punctuation():
    assert normalise("Théo  Müller-Lüdenscheid!") == "theo muller ludenscheid"
    assert normalise("VAN 'T HEK") == "van t hek"
    assert normalise("…") == ""
