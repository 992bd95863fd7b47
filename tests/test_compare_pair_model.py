"""The learned pair model (claimtrack/compare/pair_model.py): what it links that word
scores alone leave apart, and how its file is read.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json

import pytest
from compare_helpers import row_of, statement

from claimtrack.compare.align import align_accounts
from claimtrack.compare.pair_model import (
    FEATURES,
    MODEL_FILE,
    PairModel,
    default_pair_model,
    load_pair_model,
)

# two accounts of who is to blame, in two languages and with few shared words
DUTCH = [
    statement(1, "Volgens de dienst lag de schuld bij de aannemer.", "nl"),
    statement(2, "Wij sluiten een boete niet uit.", "nl"),
]
ENGLISH = [
    statement(11, "The spill was caused by a faulty valve."),
    statement(12, "Our engineers replaced the pipe overnight."),
]


def test_two_accounts_of_the_blame_with_few_shared_words_are_one_row():
    rows = align_accounts("Omgevingsdienst", DUTCH, "Bedrijf", ENGLISH)
    row = row_of(rows, 1)
    assert [s["id"] for s in row["b"]] == [11]
    # the unrelated statements stay on their own
    assert [s["id"] for s in row_of(rows, 12)["a"]] == []


def test_word_scores_alone_leave_the_two_accounts_of_the_blame_apart():
    rows = align_accounts("Omgevingsdienst", DUTCH, "Bedrijf", ENGLISH, model=None)
    assert row_of(rows, 1)["b"] == []


def test_the_shipped_model_reads_the_features_the_code_computes():
    model = default_pair_model()
    assert model is not None
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.mutual <= model.link < 1.0


def test_a_model_file_for_other_features_is_refused(tmp_path):
    data = json.loads(MODEL_FILE.read_text("utf-8"))
    data["features"] = data["features"][:-1]
    path = tmp_path / "pair_model.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ValueError, match="features"):
        load_pair_model(path)


def test_without_a_model_file_there_is_no_model(tmp_path):
    assert load_pair_model(tmp_path / "missing.json") is None
    assert PairModel.from_json(default_pair_model().to_json()) == default_pair_model()
