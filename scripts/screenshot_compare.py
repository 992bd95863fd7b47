"""Screenshots of the compare page in headless Chromium (Playwright): the 13 April 2021
readouts (../shared/corpus/readouts) and the fictional fire and march events of
tests/data/events.

    python scripts/screenshot_compare.py [--out test-artifacts]

Writes compare_2021-04-13.png, compare_2021-04-13_conflicts.png, compare_fire.png,
compare_fire_unknown_side.png, compare_march.png, compare_march_conflicts.png and
compare_events_list.png into --out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHROMIUM = "/usr/bin/chromium"


def build(db_path: Path) -> dict[str, int]:
    from claimtrack.importer import import_paths
    from claimtrack.store import open_database
    from claimtrack.store.events import create_event

    db = open_database(db_path)
    readouts = SHARED / "corpus" / "readouts"
    april = [str(p) for p in sorted(readouts.glob("*2021-04-13*.txt"))]
    april_ids = [o.article_id for o in import_paths(db, april) if o.article_id]
    fire_dir = ROOT / "tests" / "data" / "events" / "fire"
    fire_ids = [
        o.article_id for o in import_paths(db, [str(p) for p in sorted(fire_dir.glob("*.txt"))])
    ]
    march_dir = ROOT / "tests" / "data" / "events" / "march"
    march_ids = [
        o.article_id for o in import_paths(db, [str(p) for p in sorted(march_dir.glob("*.txt"))])
    ]
    events = {
        "april": create_event(db, "Biden-Putin call", "2021-04-13", article_ids=april_ids),
        "fire": create_event(db, "Brand aan de Kadeweg", "2025-03-04", article_ids=fire_ids),
        "march": create_event(db, "Klimaatmars Lindestad", "2025-10-11", article_ids=march_ids),
    }
    db.close()
    return events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    from claimtrack.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "shots.db"
        events = build(db_path)
        app = create_app({"DATABASE": str(db_path), "SECRET_KEY": "shots", "TESTING": True})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        shots = {
            "compare_2021-04-13.png": f"/events/{events['april']}/compare?a=White+House&b=Kremlin",
            "compare_2021-04-13_conflicts.png": f"/events/{events['april']}/compare?a=White+House&b=Kremlin&show=conflicts",
            "compare_fire.png": f"/events/{events['fire']}/compare?a=Brandweer+Havenkamp&b=Verolux",
            "compare_fire_unknown_side.png": f"/events/{events['fire']}/compare?a=Whitehouse&b=Verolux",
            "compare_march.png": f"/events/{events['march']}/compare?a=Politie+Lindestad&b=Tide+Rising",
            "compare_march_conflicts.png": f"/events/{events['march']}/compare?a=Politie+Lindestad&b=Tide+Rising&show=conflicts",
            "compare_events_list.png": "/events",
        }
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for name, path in shots.items():
                    page.goto(base + path)
                    page.screenshot(path=str(args.out / name), full_page=True)
                    print(args.out / name)
                browser.close()
        finally:
            server.shutdown()
            thread.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
