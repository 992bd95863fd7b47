"""Make a large synthetic claimtrack database for the web benchmarks.

Rows are bulk-inserted with sqlite-utils (no engine), with realistic shapes:
speakers follow a Zipf-like popularity (a few sources have thousands of
claims), about half the statements are attributed, some through one or two
relays, and statement text draws from a Zipfian Dutch/English vocabulary so
full-text search sees common and rare words.

    python scripts/make_bench_data.py --db /tmp/claimtrack-bench.db --statements 200000
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from claimtrack.store import open_database
from claimtrack.store.event_totals import refresh_event_totals
from claimtrack.store.transactions import write_transaction

WORDS = {
    "nl": [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "is",
        "dat",
        "op",
        "te",
        "met",
        "voor",
        "niet",
        "zijn",
        "aan",
        "er",
        "om",
        "ook",
        "als",
        "bij",
        "maar",
        "door",
        "naar",
        "over",
        "nog",
        "tegen",
        "wordt",
        "werd",
        "kabinet",
        "regering",
        "minister",
        "president",
        "troepen",
        "grens",
        "oorlog",
        "vrede",
        "akkoord",
        "gesprek",
        "verklaring",
        "verkiezingen",
        "economie",
        "belasting",
        "klimaat",
        "energie",
        "gas",
        "olie",
        "prijzen",
        "inflatie",
        "rente",
        "banen",
        "werkloosheid",
        "zorg",
        "ziekenhuis",
        "onderwijs",
        "school",
        "leraren",
        "politie",
        "rechter",
        "rechtbank",
        "onderzoek",
        "rapport",
        "cijfers",
        "begroting",
        "miljard",
        "miljoen",
        "procent",
        "sancties",
        "wapens",
        "oefening",
        "dialoog",
        "veiligheid",
        "cyberaanvallen",
        "bemoeienis",
        "stabiele",
        "relatie",
        "samenwerking",
        "top",
        "ontmoeting",
        "initiatief",
        "kritiek",
        "zorgen",
        "steun",
        "hulp",
        "vluchtelingen",
        "asiel",
        "migratie",
        "stikstof",
        "boeren",
        "woningen",
        "huur",
        "hypotheek",
        "pensioen",
        "vakbond",
        "staking",
        "loon",
        "haven",
        "brug",
        "dijk",
        "water",
        "overstroming",
    ],
    "en": [
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "is",
        "that",
        "on",
        "to",
        "with",
        "for",
        "not",
        "be",
        "at",
        "but",
        "by",
        "from",
        "about",
        "against",
        "was",
        "were",
        "government",
        "minister",
        "president",
        "troops",
        "border",
        "war",
        "peace",
        "agreement",
        "call",
        "statement",
        "elections",
        "economy",
        "tax",
        "climate",
        "energy",
        "gas",
        "oil",
        "prices",
        "inflation",
        "rates",
        "jobs",
        "unemployment",
        "health",
        "hospital",
        "education",
        "school",
        "teachers",
        "police",
        "judge",
        "court",
        "inquiry",
        "report",
        "figures",
        "budget",
        "billion",
        "million",
        "percent",
        "sanctions",
        "weapons",
        "exercise",
        "dialogue",
        "security",
        "cyberattacks",
        "interference",
        "stable",
        "relationship",
        "cooperation",
        "summit",
        "meeting",
        "initiative",
        "criticism",
        "concerns",
        "support",
        "aid",
        "refugees",
        "asylum",
        "migration",
        "farmers",
        "homes",
        "rent",
        "mortgage",
        "pension",
        "union",
        "strike",
        "wages",
        "harbour",
        "bridge",
        "dyke",
        "water",
        "flooding",
    ],
}
CUES = {
    "nl": ["zei", "verklaarde", "meldde", "benadrukte", "stelde", "waarschuwde", "beweerde"],
    "en": ["said", "stated", "reported", "stressed", "argued", "warned", "claimed"],
}
FIRST = [
    "Anna",
    "Jan",
    "Maria",
    "Peter",
    "Sofia",
    "Lucas",
    "Emma",
    "Daan",
    "Olga",
    "Ivan",
    "Joe",
    "Kamala",
    "Mark",
    "Sigrid",
    "Jens",
    "Ursula",
    "Hugo",
    "Femke",
    "Rob",
    "Lena",
]
LAST = [
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "Kok",
    "Stoltenberg",
    "Biden",
    "Poetin",
    "Rutte",
    "Kaag",
    "von der Leyen",
    "Harris",
]
ORGS = [
    "Ministerie",
    "Kremlin",
    "Witte Huis",
    "NAVO",
    "Rijkswaterstaat",
    "CBS",
    "DNB",
    "Politie",
    "OM",
    "Reuters",
    "ANP",
    "AP",
    "Europese Commissie",
    "VN",
    "WHO",
    "Greenpeace",
]
PUBLISHERS = [
    "NRC",
    "de Volkskrant",
    "Trouw",
    "NOS",
    "Het Parool",
    "AD",
    "The Guardian",
    "Reuters",
    "BBC News",
    "The Times",
    "Politico",
    "Associated Press",
]
TYPES = ["direct", "indirect", "indirect", "according_to", "reportative", "mixed", "nominal"]
NOW = "2026-01-01T00:00:00+00:00"


def make_sources(rng: random.Random, count: int) -> list[dict]:
    """Distinct sources (people and organisations) with unique names and slugs."""
    sources, seen = [], set()
    while len(sources) < count:
        number = len(sources) + 1
        if rng.random() < 0.7:
            name, kind = f"{rng.choice(FIRST)} {rng.choice(LAST)}", "person"
        else:
            name, kind = (
                f"{rng.choice(ORGS)} {rng.choice(['Noord', 'Zuid', 'Oost', 'West', 'Centraal'])}",
                "organization",
            )
        if name in seen:
            name = f"{name} {number}"
        seen.add(name)
        slug = "-".join(name.lower().split()) + f"-{number}"
        sources.append({"id": number, "name": name, "kind": kind, "slug": slug, "created_at": NOW})
    return sources


def zipf_picker(rng: random.Random, items: list, exponent: float):
    """A function drawing from `items`, the first ones far more often than the last."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)

    def pick():
        return rng.choices(items, cum_weights=cumulative, k=1)[0]

    return pick


def words(rng: random.Random, pick_word, count: int) -> str:
    return " ".join(pick_word() for _ in range(count))


def build(db_path: Path, statements_wanted: int, seed: int) -> dict:
    """Write the database; return counts."""
    rng = random.Random(seed)
    if db_path.exists():
        db_path.unlink()
    db = open_database(db_path)
    sources = make_sources(rng, 3000)
    pick_speaker = zipf_picker(rng, sources, 1.05)
    pick_word = {lang: zipf_picker(rng, vocab, 0.9) for lang, vocab in WORDS.items()}
    db["sources"].insert_all(sources, batch_size=1000)
    db["source_aliases"].insert_all(
        (
            {
                "source_id": s["id"],
                "alias": s["name"],
                "alias_key": s["name"].lower(),
                "language": None,
            }
            for s in sources
        ),
        batch_size=1000,
    )
    articles, statements, attributions, vias = [], [], [], []
    statement_id = attribution_id = 0
    article_id = 0
    while statement_id < statements_wanted:
        article_id += 1
        language = rng.choice(["nl", "en"])
        year = rng.randint(2015, 2024)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.1:
            date = date[:7]
        parts, cursor, index = [], 0, 0
        for paragraph in range(rng.randint(4, 9)):
            if parts:
                parts.append("\n\n")
                cursor += 2
            for position_in_paragraph in range(rng.randint(2, 5)):
                if statement_id >= statements_wanted:
                    break
                if position_in_paragraph:
                    parts.append(" ")
                    cursor += 1
                sentence, claim = make_sentence(rng, language, pick_word[language], pick_speaker)
                statement_id += 1
                statements.append(
                    {
                        "id": statement_id,
                        "article_id": article_id,
                        "idx": index,
                        "paragraph": paragraph,
                        "start": cursor,
                        "end": cursor + len(sentence),
                        "text": sentence,
                    }
                )
                if claim:
                    attribution_id += 1
                    attributions.append(claim_row(claim, attribution_id, statement_id, cursor))
                    for position in range(rng.choice([0, 0, 0, 0, 1, 1, 2])):
                        relay = pick_speaker()
                        vias.append(
                            {
                                "attribution_id": attribution_id,
                                "position": position,
                                "source_id": relay["id"],
                                "name": relay["name"],
                                "kind": relay["kind"],
                            }
                        )
                parts.append(sentence)
                cursor += len(sentence)
                index += 1
        body = "".join(parts)
        articles.append(
            {
                "id": article_id,
                "title": words(rng, pick_word[language], 6).capitalize(),
                "publisher": rng.choice(PUBLISHERS),
                "language": language,
                "date": date,
                "date_precision": "day" if len(date) == 10 else "month",
                "body": body,
                "content_hash": f"bench-{article_id}",
                "word_count": len(body.split()),
                "imported_at": NOW,
            }
        )
    with db.conn:
        db["articles"].insert_all(articles, batch_size=1000)
        db["statements"].insert_all(statements, batch_size=2000)
        db["attributions"].insert_all(attributions, batch_size=2000)
        db["attribution_via"].insert_all(vias, batch_size=2000)
        events = [
            {
                "id": n,
                "title": f"Event {n}",
                "date": f"{rng.randint(2015, 2024)}-06-01",
                "date_precision": "day",
                "created_at": NOW,
            }
            for n in range(1, 201)
        ]
        db["events"].insert_all(events)
        links = {(rng.randint(1, 200), rng.randint(1, statement_id)) for _ in range(10000)}
        db["event_statements"].insert_all(
            ({"event_id": e, "statement_id": s} for e, s in links), batch_size=2000
        )
    # the rows went in directly (no claimtrack write): count the events' kept figures as
    # claimtrack's own writes do before they commit
    with write_transaction(db):
        refresh_event_totals(db)
    db.execute("ANALYZE")
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        table: db[table].count
        for table in (
            "articles",
            "statements",
            "attributions",
            "attribution_via",
            "sources",
            "events",
        )
    }
    db.close()
    return counts


def make_sentence(rng, language, pick_word, pick_speaker) -> tuple[str, dict | None]:
    """A sentence and, for about half of them, the claim it carries (offsets in the sentence)."""
    content = words(rng, pick_word, rng.randint(8, 20))
    if rng.random() < 0.5:
        return content.capitalize() + ".", None
    speaker = pick_speaker()
    cue = rng.choice(CUES[language])
    claim_type = rng.choice(TYPES)
    that = "dat" if language == "nl" else "that"
    sentence = f"{speaker['name']} {cue} {that} {content}."
    mention = (0, len(speaker["name"]))
    cue_start = len(speaker["name"]) + 1
    content_start = cue_start + len(cue) + len(that) + 2
    return sentence, {
        "speaker": speaker,
        "type": claim_type,
        "mention": mention,
        "cue": (cue_start, cue_start + len(cue)),
        "content": (content_start, content_start + len(content)),
        "text": sentence,
    }


def claim_row(claim: dict, attribution_id: int, statement_id: int, base: int) -> dict:
    text = claim["text"]

    def span(key):
        start, end = claim[key]
        return text[start:end], base + start, base + end

    mention, mention_start, mention_end = span("mention")
    cue, cue_start, cue_end = span("cue")
    content, content_start, content_end = span("content")
    return {
        "id": attribution_id,
        "statement_id": statement_id,
        "position": 0,
        "speaker_source_id": claim["speaker"]["id"],
        "speaker_name": claim["speaker"]["name"],
        "speaker_kind": claim["speaker"]["kind"],
        "mention": mention,
        "mention_start": mention_start,
        "mention_end": mention_end,
        "cue": cue,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "content": content,
        "content_start": content_start,
        "content_end": content_end,
        "type": claim["type"],
        "confidence": 0.8,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/claimtrack-bench.db", type=Path)
    parser.add_argument("--statements", default=200_000, type=int)
    parser.add_argument("--seed", default=7, type=int)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = build(args.db, args.statements, args.seed)
    size_mb = args.db.stat().st_size / 1e6
    print(f"wrote {args.db} in {time.perf_counter() - started:.1f}s, {size_mb:.1f} MB")
    for table, count in counts.items():
        print(f"  {table:16} {count:>9,}")


if __name__ == "__main__":
    main()
