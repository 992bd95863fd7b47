"""The alignment evaluation script: its perfect-attribution mode puts every statement the
reference groups in its own side's account."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import eval_alignment


def test_oracle_accounts_hold_each_grouped_statement_on_its_own_side_only():
    loaded = eval_alignment.load(ROOT / "tests" / "data" / "alignment_fire_2025-03-04.json")
    oracle = eval_alignment.with_oracle_accounts(loaded)
    statements = loaded["statements"]
    ids_a = {s["id"] for s in oracle["accounts"][0]}
    ids_b = {s["id"] for s in oracle["accounts"][1]}
    for group in loaded["reference"]["groups"]:
        for prefix in group["a"]:
            assert eval_alignment.statement_id(prefix, statements) in ids_a - ids_b
        for prefix in group["b"]:
            assert eval_alignment.statement_id(prefix, statements) in ids_b - ids_a
    # what the engine credited to a side and the reference does not group stays there
    engine_a = {s["id"] for s in loaded["accounts"][0]}
    grouped_b = {
        eval_alignment.statement_id(p, statements)
        for g in loaded["reference"]["groups"]
        for p in g["b"]
    }
    assert engine_a - grouped_b <= ids_a
    result = eval_alignment.score_loaded(oracle)
    assert result["rows"]["expected"] > 0
