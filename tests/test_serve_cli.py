"""`claimtrack demo` and `claimtrack serve`: demo articles in, a real WSGI server up."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from claimtrack.store import open_database


def test_demo_imports_both_languages_and_only_once(cli_runner, db_path):
    first = cli_runner("demo", "--no-serve")
    assert first.exit_code == 0, first.output
    assert "imported 5, unchanged 0, failed 0" in first.stderr
    db = open_database(db_path)
    languages = {row["language"] for row in db["articles"].rows}
    assert languages == {"nl", "en"}
    assert all("<" not in row["body"] for row in db["articles"].rows)
    statements = db["statements"].count
    assert statements > 20

    again = cli_runner("demo", "--no-serve")
    assert "imported 0, unchanged 5, failed 0" in again.stderr
    assert db["statements"].count == statements


def test_demo_reset_starts_again_from_the_demo_articles_only(cli_runner, db_path, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("De wethouder zei dat de markt dicht blijft.", encoding="utf-8")
    assert cli_runner("demo", "--no-serve").exit_code == 0
    assert cli_runner("import", str(extra)).exit_code == 0
    db = open_database(db_path)
    assert db["articles"].count == 6
    db.close()

    reset = cli_runner("demo", "--no-serve", "--reset")
    assert reset.exit_code == 0, reset.output
    assert f"reset: deleted {db_path}" in reset.stderr
    assert "imported 5, unchanged 0, failed 0" in reset.stderr
    db = open_database(db_path)
    assert db["articles"].count == 5
    assert not any("markt" in row["body"] for row in db["articles"].rows)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_http_with_waitress(tmp_path):
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from claimtrack.cli import main; main()",
        "serve",
        "--port",
        str(port),
        "--db",
        str(tmp_path / "served.db"),
    ]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        response = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except urllib.error.HTTPError as error:
                response = error
                break
            except OSError:
                time.sleep(0.3)
        assert response is not None, server.stderr.read().decode() if server.poll() else "timeout"
        assert response.status < 500
        assert response.headers["Server"] == "waitress"
        assert (tmp_path / "served.db").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_on_a_busy_port_says_so(cli_runner):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli_runner("serve", "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
