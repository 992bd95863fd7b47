"""`claimtrack import`: formats, summary, JSON lines, bad files, re-import, --db."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.store import open_database

DUTCH = (
    "# title: Brug blijft dicht\n"
    "# publisher: De Kustkrant\n"
    "# date: 2024-05-06\n"
    "\n"
    "De brug over de Velde blijft nog een week dicht. Dat heeft de gemeente maandag gezegd.\n"
    "\n"
    "„We nemen geen risico”, zei wethouder Jan de Wit. Volgens de aannemer is de schade groter"
    " dan gedacht.\n"
)
ENGLISH_JSON = {
    "title": "Bridge to stay closed",
    "body": "The bridge will stay closed for another week, the council said on Monday.\n\n"
    "The contractor said the damage was worse than expected.",
    "publisher": "Coast Courier",
    "date": "2024-05",
}
HTML = """<html lang="en"><head><title>Ferry | Harbour News</title>
<script>steal()</script></head><body><nav>Home | News</nav>
<article><h1>Ferry service resumes</h1>
<p>The ferry to the island will sail again from Friday, the operator announced.</p>
<p>Passengers had waited for three days, a spokeswoman said.</p></article>
</body></html>"""
TABLES = ("articles", "statements", "attributions", "sources")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "brug.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "bridge.json").write_text(json.dumps(ENGLISH_JSON), encoding="utf-8")
    (folder / "ferry.html").write_text(HTML, encoding="utf-8")
    return folder


def counts(db_path):
    db = open_database(db_path)
    try:
        return {table: db[table].count for table in TABLES}
    finally:
        db.close()


def test_import_folder_then_reimport_adds_nothing(cli_runner, db_path, articles):
    first = cli_runner("import", str(articles))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("imported 3, unchanged 0, failed 0;")
    after_first = counts(db_path)
    assert after_first["articles"] == 3
    assert after_first["statements"] >= 6

    again = cli_runner("import", str(articles))
    assert again.exit_code == 0
    assert again.stdout.startswith("imported 0, unchanged 3, failed 0; 0 statements")
    assert counts(db_path) == after_first


def test_offsets_are_exact_against_the_original_file(cli_runner, db_path, articles):
    cli_runner("import", str(articles / "nl" / "brug.txt"))
    original = (articles / "nl" / "brug.txt").read_text(encoding="utf-8")
    db = open_database(db_path)
    article = next(db["articles"].rows)
    assert article["language"] == "nl"
    assert (article["title"], article["publisher"], article["date_precision"]) == (
        "Brug blijft dicht",
        "De Kustkrant",
        "day",
    )
    rows = list(db.query('SELECT start, "end", text FROM statements ORDER BY idx'))
    assert len(rows) == 4
    offset = article["body_offset"]
    for row in rows:
        assert article["body"][row["start"] : row["end"]] == row["text"]
        assert original[offset + row["start"] : offset + row["end"]] == row["text"]


def test_json_lines_per_file(cli_runner, articles):
    result = cli_runner("import", "--json", str(articles))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["path"]).name for line in lines] == ["bridge.json", "ferry.html", "brug.txt"]
    assert {line["status"] for line in lines} == {"imported"}
    assert all(isinstance(line["article_id"], int) and line["statements"] >= 2 for line in lines)
    assert "imported 3" in result.stderr


def test_html_import_keeps_the_article_and_drops_the_script(cli_runner, db_path, articles):
    cli_runner("import", str(articles / "ferry.html"))
    article = next(open_database(db_path)["articles"].rows)
    assert article["title"] == "Ferry service resumes"
    assert "ferry to the island will sail again" in article["body"]
    assert "steal" not in article["body"] and "<" not in article["body"]


def test_bad_files_are_reported_and_the_rest_imported(cli_runner, db_path, tmp_path, articles):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "latin1.txt").write_bytes("Hij zei: één keer".encode("latin-1"))
    (bad / "image.txt").write_bytes(b"GIF89a\x00\x01\x00\x00")
    (bad / "broken.json").write_text('{"title": "x", "body": ', encoding="utf-8")
    (bad / "nobody.json").write_text('{"title": "x"}', encoding="utf-8")
    cli_runner("import", str(articles / "bridge.json"))
    before = counts(db_path)

    only_bad = cli_runner("import", str(bad))
    assert only_bad.exit_code == 1
    assert counts(db_path) == before
    messages = [line for line in only_bad.stderr.splitlines() if line.startswith("error:")]
    expected = {
        "empty.txt": "empty file",
        "latin1.txt": "not UTF-8",
        "image.txt": "Image files are not supported",
        "broken.json": "malformed JSON",
        "nobody.json": "missing body",
    }
    assert len(messages) == len(expected)
    for name, reason in expected.items():
        assert any(name in m and reason in m for m in messages), (name, messages)
    assert "imported 0, unchanged 0, failed 5" in only_bad.stdout

    mixed = cli_runner("import", "--json", str(bad / "empty.txt"), str(articles / "ferry.html"))
    assert mixed.exit_code == 1
    statuses = [json.loads(line) for line in mixed.stdout.splitlines()]
    assert [s["status"] for s in statuses] == ["error", "imported"]
    assert "empty file" in statuses[0]["error"]
    assert counts(db_path)["articles"] == before["articles"] + 1


def test_too_large_file_is_refused(cli_runner, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_MAX_IMPORT_BYTES", "100")
    big = tmp_path / "big.txt"
    big.write_text("De minister zei dat alles goed gaat. " * 10, encoding="utf-8")
    result = cli_runner("import", str(big))
    assert result.exit_code == 1
    assert "too large" in result.stderr
    assert counts(db_path)["articles"] == 0


def test_stdin_with_publisher_and_language_defaults(cli_runner, db_path):
    text = "The harbour master said the port would reopen on Friday."
    result = cli_runner("import", "--publisher", "Harbour News", "-", input=text.encode())
    assert result.exit_code == 0, result.output
    db = open_database(db_path)
    article = next(db["articles"].rows)
    assert (article["publisher"], article["language"]) == ("Harbour News", "en")
    assert article["source_path"] == "<stdin>"


def test_publisher_option_does_not_override_the_files_own(cli_runner, db_path, articles):
    cli_runner("import", "--publisher", "Someone Else", str(articles / "nl" / "brug.txt"))
    db = open_database(db_path)
    assert next(db["articles"].rows)["publisher"] == "De Kustkrant"


def test_db_option_overrides_environment(cli_runner, db_path, tmp_path, articles):
    other = tmp_path / "other.db"
    result = cli_runner("import", "--db", str(other), str(articles / "bridge.json"))
    assert result.exit_code == 0
    assert counts(other)["articles"] == 1
    assert counts(db_path)["articles"] == 0


def test_imported_statements_are_found_by_full_text_search(cli_runner, db_path, articles):
    cli_runner("import", str(articles))
    db = open_database(db_path)
    hits = list(db["statements"].search("aannemer"))
    assert len(hits) == 1
    assert "schade groter dan gedacht" in hits[0]["text"]


def test_import_script_does_the_same(tmp_path, articles):
    script = Path(__file__).resolve().parent.parent / "scripts" / "import_articles.py"
    db = tmp_path / "script.db"
    run = subprocess.run(
        [sys.executable, str(script), "--db", str(db), "--json", str(articles)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 3
    assert counts(db)["articles"] == 3


CRASH_DURING_SAVE = """
import os, sys
import claimtrack.store.articles as articles

def crash(*args, **kwargs):
    os._exit(9)  # the process dies after the article and statement rows are written

articles._save_attributions = crash
from claimtrack.cli import main
main(sys.argv[1:])
"""


def test_a_crash_in_the_middle_of_saving_leaves_no_half_article(db_path, articles):
    path = str(articles / "nl" / "brug.txt")
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_DURING_SAVE, "import", "--db", str(db_path), path],
        check=False,
        capture_output=True,
        timeout=300,
    )
    assert crashed.returncode == 9
    after = counts(db_path)
    assert (after["articles"], after["statements"], after["attributions"]) == (0, 0, 0)

    redo = subprocess.run(
        [
            sys.executable,
            "-c",
            "from claimtrack.cli import main; main()",
            "import",
            "--db",
            str(db_path),
            path,
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert redo.returncode == 0, redo.stderr
    assert redo.stdout.startswith("imported 1,")


def test_two_importers_at_once_store_each_article_once(db_path, articles):
    command = [
        sys.executable,
        "-c",
        "from claimtrack.cli import main; main()",
        "import",
        "--json",
        "--db",
        str(db_path),
        str(articles),
    ]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), run.stdout.read()) for run in runs]
    assert [code for code, _ in results] == [0, 0]
    statuses = [json.loads(line)["status"] for _, out in results for line in out.splitlines()]
    assert sorted(statuses).count("imported") == 3
    assert counts(db_path)["articles"] == 3
