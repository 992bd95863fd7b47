"""Bodies analysed together (their sentences parsed in shared batches) get the analysis
each gets alone, and one body's failure stays its own."""

from __future__ import annotations

import json

import pytest

import claimtrack.engine.extract as extract_module
from claimtrack.batch.pool import groups
from claimtrack.engine.document import Document
from claimtrack.engine.extract import Body, get_extractor
from claimtrack.importer import import_paths

BODIES = [
    Body(
        "De havenbond heeft dinsdag een staking aangekondigd. Dat heeft voorzitter Ria de Vos"
        " gezegd.\n\n„We leggen maandag het werk neer”, zei De Vos. Volgens de directie is de"
        " staking onnodig.",
        publisher="De Kustkrant",
    ),
    Body(
        'The ferry will sail again on Friday, the operator said.\n\n"Repairs are finished,"'
        " spokeswoman Dana Price told reporters.",
        language="en",
    ),
    Body("De gemeente sluit de brug over de Velde. Dat meldt wethouder Karin van den Berg."),
    Body(""),
    Body("The council said the market will move to the harbour, according to the mayor."),
]


def contract(document) -> str:
    return json.dumps(document.to_contract(), sort_keys=True)


def test_bodies_analysed_together_are_analysed_as_alone():
    extractor = get_extractor()
    alone = [
        contract(extractor.analyse_body(b.text, b.language, b.publisher, b.date, b.title))
        for b in BODIES
    ]
    together = extractor.analyse_bodies(BODIES)
    assert [contract(d) for d in together] == alone
    assert extractor.analyse_bodies([]) == []


def test_files_extracted_together_are_extracted_as_alone():
    extractor = get_extractor()
    texts = [
        (
            "# title: Brug\n# language: nl\n\nDe wethouder zei dat de brug dicht blijft.",
            "auto",
            "a",
        ),
        ("The mayor said the bridge stays shut.", "en", None),
    ]
    alone = [contract(extractor.extract(*item)) for item in texts]
    assert [contract(d) for d in extractor.extract_many(texts)] == alone


def test_an_engine_failure_on_one_body_leaves_the_others_their_own(monkeypatch):
    real = extract_module.attribute_article

    def exploding(body, *args, **kwargs):
        if "BOOM" in body:
            raise RuntimeError("engine crashed")
        return real(body, *args, **kwargs)

    extractor = get_extractor()
    expected = [contract(d) for d in extractor.analyse_bodies(BODIES)]
    monkeypatch.setattr(extract_module, "attribute_article", exploding)
    bad = Body("De wethouder zei dat BOOM de brug opengaat. Dat meldt de krant.")
    results = extractor.analyse_bodies([BODIES[0], bad, *BODIES[1:]])
    assert isinstance(results[1], RuntimeError)
    assert [contract(d) for d in results[:1] + results[2:]] == expected
    with pytest.raises(RuntimeError, match="engine crashed"):
        extractor.analyse_body(bad.text)


def test_a_failing_parse_fails_its_body_only(monkeypatch):
    real = extract_module.parse_texts

    def breaking(nlp, texts):
        for doc in real(nlp, texts):
            if "KAPOT" in doc.text:
                raise ValueError("the pipeline broke")
            yield doc

    extractor = get_extractor()
    expected = [contract(d) for d in extractor.analyse_bodies(BODIES)]
    monkeypatch.setattr(extract_module, "parse_texts", breaking)
    bad = Body("De minister zei dat alles KAPOT is. Dat meldt de krant.")
    results = extractor.analyse_bodies([BODIES[0], bad, *BODIES[1:]])
    assert isinstance(results[1], ValueError)
    assert all(isinstance(d, Document) for d in results[:1] + results[2:])
    assert [contract(d) for d in results[:1] + results[2:]] == expected


def test_groups_keep_order_and_spread_small_inputs_over_the_workers():
    sizes = [10, 20, 30_000, 5, 40_000, 1]
    one = list(groups(sizes, lambda s: s, jobs=1, group_bytes=25_000))
    assert one == [[10, 20, 30_000], [5, 40_000], [1]]
    assert [x for g in one for x in g] == sizes
    spread = list(groups(list(range(16)), lambda s: 1, jobs=2))
    assert [x for g in spread for x in g] == list(range(16))
    assert len(spread) >= 8 and all(len(g) <= 2 for g in spread)
    # toward the end of the input, smaller groups: the workers finish together
    sizes = [1_000] * 200
    guided = [sum(g) for g in groups(sizes, lambda s: s, jobs=2)]
    assert guided[0] == 25_000 and guided[-1] == 1_000 and sum(guided) == 200_000
    assert guided == sorted(guided, reverse=True)


def test_import_in_groups_gives_the_outcomes_of_one_by_one(db, tmp_path):
    paths = []
    for k, body in enumerate([*BODIES, BODIES[0]]):  # the last one a duplicate
        path = tmp_path / f"{k}.txt"
        path.write_text(body.text, encoding="utf-8")
        paths.append(str(path))
    outcomes = [(o.status, o.article_id, o.statements, o.error) for o in import_paths(db, paths)]
    assert [s for s, *_ in outcomes] == [
        "imported",
        "imported",
        "imported",
        "error",
        "imported",
        "unchanged",
    ]
    assert outcomes[-1][1] == outcomes[0][1]
