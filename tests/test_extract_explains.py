"""`claimtrack extract` on folders, a language that does not fit, and one offset convention."""

from __future__ import annotations

import json

DUTCH_OLD_HEADER = (
    " date 2025-10 De gemeente sluit de brug over de Velde voor een week. "
    "Dat heeft wethouder Karin de Boer dinsdag gezegd.\n\n"
    "„Veiligheid gaat voor”, zei De Boer. Volgens de aannemer is de schade groot.\n"
)
ENGLISH_JSON = {
    "title": "Ferry back in service",
    "body": "The ferry will sail again on Friday, the operator said.\n\n"
    "Passengers waited for three days, a spokeswoman told reporters.",
    "publisher": "Coast Courier",
}
HTML = (
    "<html><head><title>Harbour</title></head><body><article><h1>Harbour reopens</h1>"
    "<p>The harbour reopens on Monday, the port authority said.</p></article></body></html>"
)
DUTCH_LONG = (
    "De burgemeester heeft gezegd dat de brug niet voor het einde van de maand open gaat. "
    "Volgens de wethouder is het een kwestie van geduld en zijn er geen andere oplossingen. "
    "De bewoners zijn het daar niet mee eens en willen dat er een pont komt."
)


def lines_of(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_folder_is_extracted_like_import_reads_it(cli_runner, tmp_path):
    (tmp_path / "b-brug.txt").write_text(DUTCH_OLD_HEADER, encoding="utf-8")
    (tmp_path / "a-ferry.json").write_text(json.dumps(ENGLISH_JSON), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c-harbour.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "cijfers.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli_runner("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    docs = lines_of(result)
    assert [d["path"].removeprefix(str(tmp_path)) for d in docs] == [
        "/a-ferry.json",
        "/b-brug.txt",
        "/sub/c-harbour.html",
    ]
    ferry, bridge, harbour = docs
    assert ferry["offsets"] == "body" and ferry["body_offset"] is None
    assert ferry["body"] == ENGLISH_JSON["body"]
    for statement in ferry["statements"]:
        assert ferry["body"][statement["start"] : statement["end"]] == statement["text"]
    assert any(a["speaker"]["name"] for s in ferry["statements"] for a in s["attributions"])
    assert "<" not in harbour["body"] and "reopens on Monday" in harbour["body"]
    assert bridge["offsets"] == "file" and bridge["language"] == "nl"


def test_a_folder_without_article_files_exits_2(cli_runner, tmp_path):
    (tmp_path / "cijfers.csv").write_text("a,b\n", encoding="utf-8")
    result = cli_runner("extract", str(tmp_path))
    assert result.exit_code == 2
    assert "no article files found" in result.stderr
    assert result.stdout == ""


def test_a_pdf_given_to_extract_is_named_as_such(cli_runner, tmp_path):
    path = tmp_path / "verslag.pdf"
    path.write_bytes(b"%PDF-1.6\n%\xe2\xe3\n")
    result = cli_runner("extract", str(path))
    assert result.exit_code == 1
    [doc] = lines_of(result)
    assert doc["error"].startswith("PDF files are not supported")


def test_english_chosen_for_a_dutch_text_is_warned_about(cli_runner, tmp_path):
    path = tmp_path / "brug.txt"
    path.write_text(DUTCH_LONG, encoding="utf-8")
    wrong = cli_runner("extract", "--language", "en", str(path))
    assert wrong.exit_code == 0
    [doc] = lines_of(wrong)
    assert doc["language"] == "en"
    assert "looks Dutch but was analysed as English" in doc["warnings"][0]
    assert "warning:" in wrong.stderr and "--language nl" in wrong.stderr

    right = cli_runner("extract", "--language", "nl", str(path))
    [doc] = lines_of(right)
    assert "warnings" not in doc and "warning" not in right.stderr
    detected = cli_runner("extract", str(path))
    assert "warning" not in detected.stderr


def test_a_header_language_that_does_not_fit_is_warned_about(cli_runner, tmp_path):
    path = tmp_path / "brug.txt"
    path.write_text("# language: en\n\n" + DUTCH_LONG, encoding="utf-8")
    result = cli_runner("extract", str(path))
    assert "looks Dutch" in result.stderr


def test_a_short_text_is_not_second_guessed(cli_runner, tmp_path):
    path = tmp_path / "kort.txt"
    path.write_text("Hij zei nee.", encoding="utf-8")
    result = cli_runner("extract", "--language", "en", str(path))
    assert "warning" not in result.stderr


def test_extract_api_and_store_share_one_offset_convention(cli_runner, client, tmp_path):
    path = tmp_path / "brug.txt"
    path.write_text(DUTCH_OLD_HEADER, encoding="utf-8")
    imported = cli_runner("import", "--json", str(path))
    [outcome] = lines_of(imported)
    article = client.get(f"/api/v1/articles/{outcome['article_id']}").get_json()
    [as_file] = lines_of(cli_runner("extract", str(path)))
    [as_body] = lines_of(cli_runner("extract", "--offsets", "body", str(path)))

    header = len(" date 2025-10 ")
    assert article["body_offset"] == as_file["body_offset"] == as_body["body_offset"] == header
    assert as_body["offsets"] == "body"
    api_spans = [(s["start"], s["end"]) for s in article["statements"]]
    assert api_spans == [(s["start"], s["end"]) for s in as_body["statements"]]
    assert [(start + header, end + header) for start, end in api_spans] == [
        (s["start"], s["end"]) for s in as_file["statements"]
    ]
    text = path.read_text(encoding="utf-8")
    for statement in as_file["statements"]:
        assert text[statement["start"] : statement["end"]] == statement["text"]
        for attribution in statement["attributions"]:
            cue = attribution["cue"]
            if cue:
                assert article["body"][cue["start"] - header : cue["end"] - header] == cue["text"]
