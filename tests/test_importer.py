"""The import loop: one failing article never stops or dirties the others."""

from __future__ import annotations

from claimtrack.engine.extract import get_extractor
from claimtrack.importer import import_paths


class ExplodingExtractor:
    """The real extractor, except that it crashes on bodies containing a marker."""

    def __init__(self, marker: str):
        self.marker = marker
        self.real = get_extractor()

    def analyse_body(self, body, **kwargs):
        if self.marker in body:
            raise RuntimeError("engine crashed\non this text")
        return self.real.analyse_body(body, **kwargs)


def test_engine_failure_on_one_article_is_reported_and_the_next_imported(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("De burgemeester zei dat de brug dicht blijft.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("De wethouder zei dat BOOM de brug opengaat.", encoding="utf-8")

    outcomes = list(import_paths(db, [str(bad), str(good)], extractor=ExplodingExtractor("BOOM")))

    assert [o.status for o in outcomes] == ["error", "imported"]
    assert outcomes[0].error == f"{bad}: RuntimeError: engine crashed on this text"
    assert db["articles"].count == 1
    assert next(db["articles"].rows)["source_path"] == str(good)


def test_content_already_stored_is_not_analysed_again(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The mayor said the bridge stays shut.", encoding="utf-8")
    [first] = import_paths(db, [str(path)])
    [again] = import_paths(db, [str(path)], extractor=ExplodingExtractor("mayor"))
    assert (again.status, again.article_id) == ("unchanged", first.article_id)
