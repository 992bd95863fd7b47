"""Time the compare page for a large event: 20 articles, 500 statements, Dutch and English.

Builds a temporary database (rows inserted directly, no language model):
ten articles published by each side, 25 statements each, drawn from
templates about a fictional incident with varying numbers, places and
negations, so the aligner and the conflict checks have real work. Then
requests /events/<id>/compare?a=...&b=... through the Flask test client
and prints p50/p95/max wall time and process CPU time per request (on a
shared 2-core machine wall time includes waiting for a core): cold, with the
remembered comparisons cleared before each request (the alignment itself),
and warm (a repeated view of the same event version). With --fresh, cold
requests also forget every cached word analysis of claimtrack.compare (features,
tokens, dictionary look-ups), as for an event the process has never seen.

    python scripts/bench_compare.py [--requests 40] [--articles 20] [--statements 500]

Target (#15): p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

SIDES = ("Brandweer Havenkamp", "Verolux")
TEMPLATES = {
    "nl": [
        "Bij de brand in {place} raakten {n} mensen gewond.",
        "De brandweer was om {h}.{m:02d} uur ter plaatse bij de opslaghal in {place}.",
        "Uit de hal in {place} is {neg}chloor vrijgekomen.",
        "De brand is veroorzaakt door achterstallig onderhoud aan de {thing}.",
        "Omwonenden in {place} moesten ramen en deuren sluiten vanwege de rook.",
        "Het brandalarm ging pas af na de explosie in de {thing}.",
        "{n} woningen aan de {place}weg zijn tijdelijk onbewoonbaar.",
        "De schade aan de {thing} wordt geschat op {n} miljoen euro.",
        "Het onderzoek naar de oorzaak van de brand duurt nog {n} weken.",
        "Medewerkers van de fabriek werden door de politie verhoord over de {thing}.",
    ],
    "en": [
        "{n} people were injured in the fire at the warehouse in {place}.",
        "Fire crews arrived at {h}:{m:02d} at the warehouse in {place}.",
        "{neg_en}chlorine was released from the building in {place}.",
        "The fire was caused by a contractor working on the {thing_en}.",
        "Residents of {place} were told to keep their windows closed because of the smoke.",
        "The fire alarm went off before the explosion in the {thing_en}.",
        "{n} homes on {place} Road cannot be lived in for now.",
        "The damage to the {thing_en} is estimated at {n} million euros.",
        "The investigation into the cause of the fire will take {n} weeks.",
        "Factory staff were questioned by police about the {thing_en}.",
    ],
}
PLACES = ["Havenkamp", "Kadeweg", "Noordhaven", "Westerdok", "Molenbuurt", "Zuidpier"]
THINGS = [("koelinstallatie", "cooling system"), ("dak", "roof"), ("opslag", "storage")]


def build(db_path: Path, articles: int, statements: int, seed: int = 15) -> int:
    """Insert the event's articles and statements; return the event id."""
    from claimtrack.store import open_database
    from claimtrack.store.events import create_event

    rng = random.Random(seed)
    db = open_database(db_path)
    per_article = statements // articles
    now = datetime.now(UTC).isoformat(timespec="seconds")
    article_ids = []
    for number in range(articles):
        publisher = SIDES[number % 2]
        language = "nl" if number % 4 < 2 else "en"
        texts = []
        for _ in range(per_article):
            thing_nl, thing_en = rng.choice(THINGS)
            texts.append(
                rng.choice(TEMPLATES[language]).format(
                    place=rng.choice(PLACES),
                    n=rng.choice([2, 4, 12, 30, 300]),
                    h=rng.choice([14, 15]),
                    m=rng.choice([10, 40]),
                    neg=rng.choice(["", "geen "]),
                    neg_en=rng.choice(["", "No "]).strip() or "Some",
                    thing=thing_nl,
                    thing_en=thing_en,
                )
            )
        body = "\n\n".join(texts)
        article_id = db.execute(
            "INSERT INTO articles (title, publisher, language, date, date_precision, body,"
            " content_hash, word_count, imported_at) VALUES (?, ?, ?, ?, 'day', ?, ?, ?, ?)",
            [
                f"Article {number} on the fire",
                publisher,
                language,
                "2025-03-04",
                body,
                f"bench-compare-{number}",
                len(body.split()),
                now,
            ],
        ).lastrowid
        offset = 0
        for index, text in enumerate(texts):
            db.execute(
                'INSERT INTO statements (article_id, idx, paragraph, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [article_id, index, index, offset, offset + len(text), text],
            )
            offset += len(text) + 2
        article_ids.append(article_id)
    db.conn.commit()
    event_id = create_event(db, "Benchmark fire", "2025-03-04", article_ids=article_ids)
    db.close()
    return event_id


def clear_word_caches() -> None:
    """Empty every functools cache of the claimtrack.compare modules (the word lists stay)."""
    import importlib
    import pkgutil

    import claimtrack.compare

    for module_info in pkgutil.iter_modules(claimtrack.compare.__path__):
        module = importlib.import_module(f"claimtrack.compare.{module_info.name}")
        for name, value in vars(module).items():
            if callable(getattr(value, "cache_clear", None)) and not name.startswith("default_"):
                value.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument(
        "--fresh", action="store_true", help="cold requests also clear the word-analysis caches"
    )
    args = parser.parse_args(argv)

    from claimtrack.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        event_id = build(db_path, args.articles, args.statements)
        app = create_app({"DATABASE": str(db_path), "SECRET_KEY": "bench", "TESTING": True})
        client = app.test_client()
        url = f"/events/{event_id}/compare"
        query = {"a": SIDES[0], "b": SIDES[1]}
        first = client.get(url, query_string=query)  # warm-up: loads the word lists once
        assert first.status_code == 200, first.status_code
        html = first.get_data(as_text=True)
        rows = html.count('<tr class="row-')
        from claimtrack.compare.event_comparison import clear_cache

        timings = {}
        for label, cold in (("cold", True), ("warm", False)):
            wall, cpu = [], []
            for _ in range(args.requests):
                if cold:
                    clear_cache()
                    if args.fresh:
                        clear_word_caches()
                start_wall, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url, query_string=query)
                wall.append((time.perf_counter() - start_wall) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                assert response.status_code == 200
            timings[label] = (sorted(wall), sorted(cpu))

    def p95(values):
        return values[max(0, round(0.95 * len(values)) - 1)]

    print(
        f"compare page, {args.articles} articles / {args.statements} statements, {rows} rows,"
        f" {args.requests} requests each"
    )
    for label, meaning in (
        ("cold", "every request aligns the event (no remembered comparison)"),
        ("warm", "the comparison of this event version is remembered"),
    ):
        wall, cpu = timings[label]
        print(f"{label}: {meaning}")
        print(
            f"  wall ms: p50 {statistics.median(wall):.1f}  p95 {p95(wall):.1f}  max {wall[-1]:.1f}"
        )
        print(f"  cpu  ms: p50 {statistics.median(cpu):.1f}  p95 {p95(cpu):.1f}  max {cpu[-1]:.1f}")
        print(f"  target p95 <= 200 ms: {'met' if p95(wall) <= 200 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
