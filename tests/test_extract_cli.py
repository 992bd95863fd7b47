"""`claimtrack extract`: the JSON Lines contract of shared/spec/extraction-format.md."""

from __future__ import annotations

import json

HEADER_TEXT = (
    "# title: Staking\n"
    "# publisher: De Kustkrant\n"
    "# language: nl\n"
    "# date: 2024-05\n"
    "\n"
    "De bond meldt dat de staking maandag begint. Volgens de directie is dat onnodig.\n"
    "\n"
    "Lees ook: Eerdere staking in Velde\n"
)


def run_extract(cli_runner, *args, input=None):
    result = cli_runner("extract", *args, input=input)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_contract_fields_and_offsets_into_the_whole_file(cli_runner, tmp_path):
    path = tmp_path / "staking.txt"
    path.write_text(HEADER_TEXT, encoding="utf-8")
    result, docs = run_extract(cli_runner, "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    [doc] = docs
    assert doc["path"] == str(path)
    assert doc["format_version"] == 1
    assert (doc["language"], doc["publisher"], doc["date"]) == ("nl", "De Kustkrant", "2024-05")
    texts = [s["text"] for s in doc["statements"]]
    assert texts == [
        "De bond meldt dat de staking maandag begint.",
        "Volgens de directie is dat onnodig.",
    ]
    for index, statement in enumerate(doc["statements"]):
        assert statement["index"] == index
        assert set(statement) == {"index", "paragraph", "start", "end", "text", "attributions"}
        assert HEADER_TEXT[statement["start"] : statement["end"]] == statement["text"]
        for attribution in statement["attributions"]:
            for part in ("cue", "content"):
                if attribution[part]:
                    span = attribution[part]
                    assert HEADER_TEXT[span["start"] : span["end"]] == span["text"]


def test_one_line_per_file_in_order_and_errors_do_not_stop_the_rest(cli_runner, tmp_path):
    first = tmp_path / "b.txt"
    first.write_text("The mayor said the bridge stays shut.", encoding="utf-8")
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x00\x01\x02")
    second = tmp_path / "c.txt"
    second.write_text("De burgemeester zei dat de brug dicht blijft.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result, docs = run_extract(cli_runner, str(first), str(binary), str(missing), str(second))
    assert result.exit_code == 1
    assert [d["path"] for d in docs] == [str(first), str(binary), str(missing), str(second)]
    assert "error" in docs[1] and "binary" in docs[1]["error"]
    assert "error" in docs[2]
    assert [d.get("language") for d in (docs[0], docs[3])] == ["en", "nl"]
    assert docs[3]["statements"][0]["text"] == "De burgemeester zei dat de brug dicht blijft."


def test_stdin_and_language_option(cli_runner):
    result, docs = run_extract(
        cli_runner, "--language", "en", "-", input=b"Officials said it was over."
    )
    assert result.exit_code == 0
    assert docs[0]["language"] == "en"
    assert docs[0]["statements"][0]["text"] == "Officials said it was over."
