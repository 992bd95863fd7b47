"""Reading article files: each format, and every kind of bad input with its message."""

from __future__ import annotations

import json

import pytest

from claimtrack.ingest import ArticleRejected, find_article_files, parse_bytes, parse_file

DUTCH_WITH_HEADER = (
    "# title: Havenstaking in Velde\n"
    "# publisher: De Kustkrant\n"
    "# language: nl\n"
    "# date: 2024-05\n"
    "\n"
    "De havenarbeiders in Velde leggen maandag het werk neer, meldt de bond.\n"
    "\n"
    "Volgens de directie is de staking „volstrekt onnodig”.\n"
)


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_txt_with_hash_header_keeps_metadata_and_file_offsets(tmp_path):
    path = write(tmp_path, "staking.txt", DUTCH_WITH_HEADER)
    article = parse_file(path)
    assert article.title == "Havenstaking in Velde"
    assert article.publisher == "De Kustkrant"
    assert article.language == "nl"
    assert (article.date, article.date_precision) == ("2024-05", "month")
    assert article.body.startswith("De havenarbeiders")
    original = path.read_text(encoding="utf-8")
    assert original[article.body_offset :] == article.body


def test_txt_with_old_date_prefix(tmp_path):
    text = " date 2021-04 De minister zei dinsdag dat het kabinet blijft.\n"
    article = parse_file(write(tmp_path, "oud.txt", text))
    assert (article.date, article.date_precision) == ("2021-04", "month")
    assert article.body == "De minister zei dinsdag dat het kabinet blijft.\n"
    assert text[article.body_offset :] == article.body


def test_txt_source_header_gives_the_url(tmp_path):
    text = (
        "# source: https://example.org/nieuws/123 (copied from an archive)\n"
        "# license: CC BY 4.0\n\nDe minister zei dat het kabinet blijft.\n"
    )
    article = parse_file(write(tmp_path, "bron.txt", text))
    assert article.url == "https://example.org/nieuws/123"
    assert article.body == "De minister zei dat het kabinet blijft.\n"


def test_txt_without_header_is_all_body_and_language_auto(tmp_path):
    article = parse_file(write(tmp_path, "plain.txt", "The mayor said the bridge stays shut."))
    assert article.body_offset == 0
    assert article.language == "auto"
    assert article.title is None


def test_json_article(tmp_path):
    data = {
        "title": "Port strike",
        "body": "Dockers walked out on Monday, the union said.",
        "url": "https://example.org/strike",
        "publisher": "Coast Courier",
        "language": "en",
        "date": "2024-05-06",
    }
    article = parse_file(write(tmp_path, "a.json", json.dumps(data)))
    assert article.title == "Port strike"
    assert article.url == "https://example.org/strike"
    assert article.date_precision == "day"
    assert article.body == data["body"]


def test_html_drops_scripts_navigation_and_markup(tmp_path):
    html = """<!DOCTYPE html><html lang="nl"><head><title>Staking | Krant</title>
    <script>alert('stolen')</script></head><body>
    <nav>Home | Sport | Weer</nav>
    <article><h1>Staking in de haven</h1>
    <p>De havenarbeiders leggen maandag het werk neer, zei een woordvoerder van de bond.</p>
    <p>Volgens de directie is de staking onnodig &lt;script&gt;alert(2)&lt;/script&gt; en duur.</p>
    </article><footer>Copyright 2024 Krant</footer></body></html>"""
    article = parse_file(write(tmp_path, "page.html", html))
    assert article.title == "Staking in de haven"
    assert article.language == "nl"
    assert "havenarbeiders leggen maandag" in article.body
    assert "Volgens de directie" in article.body
    assert "alert" not in article.body.replace("alert(2)", "")
    assert "<" not in article.body and ">" not in article.body
    assert "Home | Sport" not in article.body
    assert article.date is None


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("latin1.txt", "De minister zei: één".encode("latin-1"), "not UTF-8"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("broken.json", b'{"title": "x", "body": "y"', "malformed JSON"),
        ("nobody.json", b'{"title": "Only a title"}', "missing body"),
        ("emptybody.json", b'{"title": "t", "body": "   "}', "body: must contain article text"),
        (
            "twoerrors.json",
            b'{"title": "t", "author": "me"}',
            "author: unknown field, body: missing",
        ),
        ("extra.json", b'{"title": "t", "body": "b", "author": "me"}', "author: unknown field"),
        ("baddate.json", b'{"title": "t", "body": "b", "date": "13-05-2024"}', "date"),
        ("list.json", b'["title", "body"]', "expected an object"),
        ("headeronly.txt", b"# title: Nothing follows\n\n", "missing body"),
        (
            "scriptonly.html",
            b"<html><head><script>x()</script></head><body></body></html>",
            "missing body",
        ),
    ],
)
def test_bad_input_is_rejected_with_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleRejected) as caught:
        parse_file(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert reason in message
    assert "\n" not in message


def test_too_large_file_is_rejected_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", "woord " * 2000)
    with pytest.raises(ArticleRejected, match="too large"):
        parse_file(path, max_bytes=1000)
    assert parse_file(path, max_bytes=20_000).word_count == 2000


def test_size_limit_comes_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_MAX_IMPORT_BYTES", "50")
    with pytest.raises(ArticleRejected, match="too large"):
        parse_file(write(tmp_path, "a.txt", "x" * 51))


def test_missing_file_is_a_rejection_not_a_crash(tmp_path):
    with pytest.raises(ArticleRejected, match="no such file"):
        parse_file(tmp_path / "nope.txt")


def test_stdin_format_is_sniffed():
    as_json = parse_bytes(b'{"title": "T", "body": "Body text."}', "<stdin>")
    assert as_json.title == "T"
    as_text = parse_bytes(b"# title: T2\n\nBody text.", "<stdin>")
    assert as_text.title == "T2"


def test_content_hash_ignores_location_but_not_content(tmp_path):
    a = parse_file(write(tmp_path, "a.txt", DUTCH_WITH_HEADER))
    (tmp_path / "sub").mkdir()
    b = parse_file(write(tmp_path / "sub", "b.txt", DUTCH_WITH_HEADER))
    c = parse_file(write(tmp_path, "c.txt", DUTCH_WITH_HEADER.replace("maandag", "dinsdag")))
    assert a.content_hash == b.content_hash
    assert a.content_hash != c.content_hash


def test_folders_are_searched_recursively_for_supported_files(tmp_path):
    (tmp_path / "nl" / "deep").mkdir(parents=True)
    write(tmp_path / "nl" / "deep", "x.txt", "tekst")
    write(tmp_path / "nl", "y.json", "{}")
    write(tmp_path, "z.html", "<p>x</p>")
    write(tmp_path, "notes.md", "skip me")
    write(tmp_path, "data.ann", "skip me")
    found = [p.replace(str(tmp_path), "") for p in find_article_files([tmp_path])]
    assert found == ["/nl/deep/x.txt", "/nl/y.json", "/z.html"]
