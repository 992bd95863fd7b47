"""Screenshots of source pages in headless Chromium (Playwright), from a stored database.

    python scripts/screenshot_sources.py --db /tmp/x.db [--out /tmp] [white-house kremlin]

Serves the database read-only through the web app and writes
sources_<slug with _ for ->.png for each slug given (default: the White
House and the Kremlin) into --out, the whole page.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("slugs", nargs="*", default=["white-house", "kremlin"])
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from claimtrack.app import create_app

    app = create_app({"DATABASE": str(args.db), "SECRET_KEY": "shots", "TESTING": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for slug in args.slugs:
                target = args.out / f"sources_{slug.replace('-', '_')}.png"
                page.goto(f"{base}/sources/{slug}?limit=500")
                page.screenshot(path=str(target), full_page=True)
                print(target)
            browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
