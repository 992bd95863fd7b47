"""`claimtrack import` tells a newsroom user what happened and what to do instead."""

from __future__ import annotations

import io
import json
import zipfile

from claimtrack.cli.progress import Progress
from claimtrack.store import open_database

ARTICLE = (
    "# publisher: De Kustkrant\n"
    "# date: 2025-09-02\n"
    "\n"
    "De veerdienst naar het eiland vaart vanaf vrijdag weer. Dat heeft de rederij gezegd.\n"
    "\n"
    "„De reparatie is klaar”, zei woordvoerder Sanne van Dijk.\n"
)
TITLED = "# title: Veer vaart weer\n" + ARTICLE


def article_count(db_path) -> int:
    db = open_database(db_path)
    try:
        return db["articles"].count
    finally:
        db.close()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>De veerdienst vaart.</w:document>")
    return buffer.getvalue()


def test_documents_that_are_not_text_are_named_with_what_to_do(cli_runner, db_path, tmp_path):
    files = {
        "verslag.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "tekst-alleen.pdf": ARTICLE.encode("utf-8"),  # text inside, but a .pdf is a PDF
        "brief.docx": docx_bytes(),
        "foto.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "hernoemd.txt": b"%PDF-1.4\n%binary\n",  # a PDF saved under a text name
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = cli_runner("import", *(str(tmp_path / name) for name in files))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(files)
    by_file = {name: next(e for e in errors if name in e) for name in files}
    assert "PDF files are not supported" in by_file["verslag.pdf"]
    assert "pdftotext" in by_file["verslag.pdf"]
    assert "PDF files are not supported" in by_file["tekst-alleen.pdf"]
    assert "PDF files are not supported" in by_file["hernoemd.txt"]
    assert "Word" in by_file["brief.docx"] and ".txt" in by_file["brief.docx"]
    assert "Image files are not supported" in by_file["foto.png"]
    assert "binary" not in result.stderr and "UTF-8" not in result.stderr
    assert article_count(db_path) == 0


def test_a_folder_without_article_files_exits_2_and_says_what_it_skipped(
    cli_runner, db_path, tmp_path
):
    (tmp_path / "cijfers.csv").write_text("jaar,aantal\n2024,3\n", encoding="utf-8")
    (tmp_path / "notities.md").write_text("# Notities\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.5\n")
    result = cli_runner("import", str(tmp_path))
    assert result.exit_code == 2
    assert "no article files found" in result.stderr
    assert ".txt, .json and .html" in result.stderr
    assert "scan.pdf: PDF files are not supported" in result.stderr
    assert "not an article file" in result.stderr
    assert "imported 0" not in result.stdout
    assert article_count(db_path) == 0


def test_a_folder_with_an_article_and_a_pdf_imports_the_article_and_names_the_pdf(
    cli_runner, db_path, tmp_path
):
    (tmp_path / "veer.txt").write_text(TITLED, encoding="utf-8")
    (tmp_path / "bijlage.pdf").write_bytes(b"%PDF-1.5\n")
    result = cli_runner("import", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "bijlage.pdf" in result.stderr
    assert "imported 1, unchanged 0, failed 0" in result.stdout
    assert article_count(db_path) == 1


def test_an_empty_folder_exits_2(cli_runner, tmp_path):
    result = cli_runner("import", str(tmp_path))
    assert result.exit_code == 2
    assert "no article files found" in result.stderr


def test_importing_stored_content_again_names_the_article_it_duplicates(
    cli_runner, db_path, tmp_path
):
    first_path = tmp_path / "veer.txt"
    first_path.write_text(TITLED, encoding="utf-8")
    copy_path = tmp_path / "kopie.txt"
    copy_path.write_text(TITLED, encoding="utf-8")
    first = cli_runner("import", str(first_path))
    [stored_id] = [row[0] for row in open_database(db_path).execute("SELECT id FROM articles")]
    assert f"as article {stored_id} (Veer vaart weer)" in first.stderr

    again = cli_runner("import", str(copy_path))
    assert again.exit_code == 0
    assert f"duplicate of article {stored_id} (Veer vaart weer)" in again.stderr
    assert "kopie.txt" in again.stderr

    as_json = cli_runner("import", "--json", str(copy_path))
    [line] = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert line["status"] == "unchanged"
    assert line["duplicate_of"] == stored_id and line["title"] == "Veer vaart weer"
    assert article_count(db_path) == 1


def test_title_option_names_an_untitled_article(cli_runner, db_path, tmp_path):
    path = tmp_path / "veer.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = cli_runner("import", "--title", "Veerdienst hervat", str(path))
    assert result.exit_code == 0, result.output
    db = open_database(db_path)
    [(title, publisher)] = db.execute("SELECT title, publisher FROM articles").fetchall()
    assert (title, publisher) == ("Veerdienst hervat", "De Kustkrant")


def test_title_option_keeps_an_articles_own_title(cli_runner, db_path, tmp_path):
    path = tmp_path / "veer.txt"
    path.write_text(TITLED, encoding="utf-8")
    cli_runner("import", "--title", "Iets anders", str(path))
    [(title,)] = open_database(db_path).execute("SELECT title FROM articles").fetchall()
    assert title == "Veer vaart weer"


def test_title_option_refuses_a_folder_or_several_files(cli_runner, db_path, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    folder = cli_runner("import", "--title", "Eén titel", str(tmp_path))
    assert folder.exit_code == 2 and "--title" in folder.output
    several = cli_runner("import", "--title", "Eén titel", str(tmp_path / "a.txt"), "-")
    assert several.exit_code == 2
    assert article_count(db_path) == 0


def test_models_loading_is_announced_before_the_first_analysis(cli_runner, tmp_path):
    path = tmp_path / "veer.txt"
    path.write_text(TITLED, encoding="utf-8")
    result = cli_runner("import", str(path))
    lines = result.stderr.splitlines()
    loading = next(i for i, line in enumerate(lines) if "loading language models" in line)
    imported = next(i for i, line in enumerate(lines) if line.startswith("imported:"))
    assert loading < imported
    again = cli_runner("import", str(path))
    assert "loading language models" not in again.stderr  # nothing to analyse


def test_quiet_prints_nothing_but_errors(cli_runner, db_path, tmp_path):
    good = tmp_path / "veer.txt"
    good.write_text(TITLED, encoding="utf-8")
    result = cli_runner("import", "--quiet", str(good))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert article_count(db_path) == 1
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    failed = cli_runner("import", "-q", str(empty))
    assert failed.exit_code == 1
    assert failed.stdout == "" and "leeg.txt: empty file" in failed.stderr


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_off_a_terminal_reports_a_line_every_few_seconds():
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(10, stream=stream, every=5.0, clock=clock)
    assert progress.bar is None  # a StringIO is not a terminal
    for _ in range(3):
        clock.now += 1.0
        progress.advance()
    assert stream.getvalue() == ""  # under five seconds: nothing yet
    clock.now += 3.0
    progress.advance()
    assert stream.getvalue().splitlines() == ["progress: 4/10 files (40%), 0.7 files/s"]
    clock.now += 1.0
    progress.advance()
    assert len(stream.getvalue().splitlines()) == 1
    clock.now += 10.0
    progress.close()
    assert stream.getvalue().splitlines()[-1].startswith("progress: 5/10 files (50%)")


def test_quiet_progress_reports_nothing():
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(2, stream=stream, quiet=True, every=0.0, clock=clock)
    progress.say("loading language models…")
    clock.now += 60
    progress.advance(2)
    progress.close()
    assert stream.getvalue() == ""
