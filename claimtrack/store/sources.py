"""Sources (who speaks): resolving a name to one canonical source, and merging.

A name is matched through its normalised alias key (lower case, no accents,
no punctuation, no leading article), so "het Witte Huis", "Witte Huis" and
"the White House" all reach the same source once the curated table in
`claimtrack/data/aliases.json` has been seeded. Unknown names become new
sources with a unique slug, unless they name no party at all (a pronoun, a
number, a date, an interjection, markup, a title without a name: see
`claimtrack.store.speaker_names`); those stay unresolved speakers.

A source's kind comes from the curated table, else from the entity labels
the engine gives its mentions (the most frequent of its latest labels), and
an admin's choice is never overwritten (`sources.kind_set_by`).

The curated table is seeded once per version of it, not on every connection:
the table `curated_seed` holds a digest of what was seeded, and a connection
whose digest matches only reads it (`ensure_curated_sources`). A change that
may take away what the seed put in (merging or dropping a curated source,
removing a curated alias) forgets the digest in its own transaction, so the
next connection seeds again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources

import sqlite_utils

from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.store.transactions import write_transaction

LEADING_ARTICLES = ("de", "het", "een", "the", "a", "an", "'t")
# (db, name, language, kind, body) -> the stored person a new name is a short form or a
# variant of, or None; claimtrack.store.person_names adds its rules when imported (the
# store's schema imports it), so that this module does not import it back
SAME_PERSON: list[Callable[..., int | None]] = []
UNKNOWN_SPEAKER = "unknown"
_SEEDED_FLAG = "_claimtrack_aliases_seeded"
# what seed_curated_sources does with the table: change it when the seeding rules change,
# so that every database is seeded again under the new rules
SEED_RULES = 1
# the digest of the curated table last seeded into the database (one row, id 1); schema
# version 9 creates it, and the first seed in an older database does (claimtrack.store.schema)
CURATED_SEED_SCHEMA = """
CREATE TABLE IF NOT EXISTS curated_seed (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    digest TEXT NOT NULL
);
"""


def alias_key(name: str) -> str:
    """Normalise a name for matching: "het Witte Huis" -> "witte huis", "U.S." -> "us"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace(".", "").replace("\u2019", "'")
    text = re.sub(r"[^\w']+", " ", text).strip()
    words = text.split()
    while len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def slugify(name: str) -> str:
    """A URL-safe slug: "Vladimir Poetin" -> "vladimir-poetin"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:80].strip("-") or "source"


@dataclass(frozen=True)
class SpeakerResolution:
    """What a speaker name resolved to: a source id, or why it names no source."""

    source_id: int | None
    unresolved: str | None = None  # a key of speaker_names.REASONS when source_id is None


@dataclass(frozen=True)
class CuratedSource:
    """One entry of the curated alias table."""

    name: str
    kind: str
    wikidata_id: str | None
    affiliation: str | None
    aliases: tuple[tuple[str, str | None], ...]  # (alias, language)
    publishes_statements: bool = False  # its own texts (readouts, releases) are its words


@lru_cache(maxsize=1)
def _alias_table() -> dict:
    return json.loads(
        resources.files("claimtrack").joinpath("data/aliases.json").read_text("utf-8")
    )


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words such as "mr", "president", "premier" that may precede a name (both languages)."""
    return frozenset(word for words in _alias_table()["titles"].values() for word in words)


def untitled_key(key: str) -> str:
    """An alias key without leading titles: "former president obama" -> "obama".

    Returns the key unchanged when it is nothing but titles ("prime minister").
    """
    words = key.split()
    titles = title_words()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    if all(word in titles for word in words):
        return key
    return " ".join(words)


def matching_keys(name: str) -> list[str]:
    """The alias keys a name is looked up by: as written, then without leading titles."""
    key = alias_key(name)
    keys = [key] if key else []
    bare = untitled_key(key)
    if bare and bare != key:
        keys.append(bare)
    return keys


# "US", "Russian", "Amerikaanse": words of origin before a title ("Russian President Putin")
_ORIGIN_WORD = re.compile(r"(?:[a-z]{2,3}|[a-z]+(?:an|ian|ese|ish|ch|se|sche|ische|ans))")


def stripped_keys(key: str) -> list[str]:
    """Shorter keys of a name that starts with who it is rather than its name:
    "russian president vladimir putin" -> "vladimir putin", "kremlin spokesman dmitry
    peskov" -> "dmitry peskov". Only leading words of origin, curated organisation
    names and titles go, and a title or an organisation must be among them; the last two
    words of the name always stay."""
    words = key.split()
    titles = title_words()
    organisations = curated_organisation_keys()
    position, saw_title = 0, False
    while len(words) - position > 2:
        for length in (3, 2, 1):
            if " ".join(words[position : position + length]) in organisations:
                position += length
                saw_title = True  # "kremlin", "america": who the person speaks for
                break
        else:
            word = words[position]
            if word in titles:
                saw_title = True
            elif not _ORIGIN_WORD.fullmatch(word):
                break
            position += 1
    if not saw_title or position == 0:
        return []
    return [" ".join(words[position:])]


@lru_cache(maxsize=1)
def curated_alias_keys() -> frozenset[str]:
    """Alias keys of every curated source: names that always name that source."""
    return frozenset(
        alias_key(alias) for entry in curated_sources() for alias, _ in entry.aliases
    ) - {""}


@lru_cache(maxsize=1)
def curated_organisation_keys() -> frozenset[str]:
    """Alias keys of the curated organisations (and countries)."""
    return frozenset(
        alias_key(alias)
        for entry in curated_sources()
        if entry.kind != "person"
        for alias, _ in entry.aliases
    ) - {""}


@lru_cache(maxsize=1)
def statement_publisher_keys() -> frozenset[str]:
    """Alias keys of the curated sources whose own texts are their statements."""
    return frozenset(
        alias_key(alias)
        for entry in curated_sources()
        if entry.publishes_statements
        for alias, _ in entry.aliases
    ) - {""}


def display_name(name: str) -> str:
    """The name a new source is shown under: without leading titles ("Sen. Marco Rubio"
    -> "Marco Rubio") when at least two words of the name are left."""
    words = name.split()
    titles = title_words()
    position = 0
    while position < len(words) - 2 and alias_key(words[position]) in titles:
        position += 1
    if position and alias_key(" ".join(words[position:])) == untitled_key(alias_key(name)):
        return " ".join(words[position:])
    return name


@lru_cache(maxsize=1)
def curated_sources() -> tuple[CuratedSource, ...]:
    """The curated alias table shipped in claimtrack/data/aliases.json."""
    raw = _alias_table()
    entries = []
    for item in raw["sources"]:
        aliases = [(item["name"], None)]
        for language, names in item.get("aliases", {}).items():
            aliases.extend((alias, language) for alias in names)
        entries.append(
            CuratedSource(
                name=item["name"],
                kind=item["kind"],
                wikidata_id=item.get("wikidata"),
                affiliation=item.get("affiliation"),
                aliases=tuple(aliases),
                publishes_statements=bool(item.get("publishes_statements")),
            )
        )
    return tuple(entries)


_digest_of: tuple[tuple[CuratedSource, ...], str] | None = None


def curated_digest() -> str:
    """A sha256 of the curated table (and of SEED_RULES): what a seeded database records."""
    global _digest_of
    entries = curated_sources()
    if _digest_of is None or _digest_of[0] is not entries:
        payload = json.dumps(
            {"rules": SEED_RULES, "sources": [dataclasses.asdict(entry) for entry in entries]},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        _digest_of = (entries, hashlib.sha256(payload.encode("utf-8")).hexdigest())
    return _digest_of[1]


def seeded_digest(db: sqlite_utils.Database) -> str | None:
    """The digest of the curated table last seeded into the database (None: never seeded,
    or forgotten since by a change that may have taken curated sources or aliases away)."""
    try:
        rows = db.execute("SELECT digest FROM curated_seed WHERE id = 1").fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):  # a database older than schema version 9
            return None
        raise
    return rows[0][0] if rows else None


def forget_curated_seed(db: sqlite_utils.Database) -> None:
    """Make the next connection seed the curated table again (call inside the write
    transaction of the change that made it necessary, so a rollback undoes both)."""
    try:
        db.execute("DELETE FROM curated_seed")
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise


def seed_curated_sources(db: sqlite_utils.Database, *, unless_seeded: bool = False) -> int:
    """Make sure every curated source and alias is in the database; return how many were added.

    Idempotent: a curated source already present (by Wikidata id, slug or
    any of its aliases, e.g. after a merge) only gets its missing aliases.
    The digest of the curated table is recorded in the same transaction.
    `unless_seeded`: do nothing when that digest is already recorded (checked
    once the write lock is held, so two processes do not both seed).
    """
    added = 0
    with write_transaction(db):
        if not (unless_seeded and seeded_digest(db) == curated_digest()):
            added = _seed(db)
    if not db.conn.in_transaction:
        # only once committed: a seed inside a transaction that rolls back must run again
        setattr(db, _SEEDED_FLAG, True)
    return added


def _seed(db: sqlite_utils.Database) -> int:
    """The curated sources and aliases into the database, then the digest of what was seeded
    (inside the caller's write transaction); return how many sources were added."""
    added = 0
    ids: dict[str, int] = {}
    for entry in curated_sources():
        source_id = _find_curated(db, entry)
        if source_id is None:
            source_id = _create_source(db, entry.name, entry.kind, entry.wikidata_id)
            added += 1
        # the curated kind wins over the engine's labels, an admin's choice over both
        db.execute(
            "UPDATE sources SET kind = ?, kind_set_by = 'curated' "
            "WHERE id = ? AND kind_set_by = 'engine'",
            [entry.kind, source_id],
        )
        ids[entry.name] = source_id
        for alias, language in entry.aliases:
            _add_alias_if_free(db, source_id, alias, language)
    for entry in curated_sources():
        if entry.affiliation and entry.affiliation in ids:
            db.execute(
                "UPDATE sources SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL",
                [ids[entry.affiliation], ids[entry.name]],
            )
    # in the seed's transaction: a seed that rolls back leaves no digest behind
    db.execute(CURATED_SEED_SCHEMA)
    db.execute("INSERT OR REPLACE INTO curated_seed (id, digest) VALUES (1, ?)", [curated_digest()])
    return added


def ensure_curated_sources(db: sqlite_utils.Database) -> None:
    """Seed the curated sources unless this version of them is seeded already.

    A plain read when the database records the current digest (no write lock,
    nothing written); a cheap no-op on a connection that checked once.
    """
    if getattr(db, _SEEDED_FLAG, False):
        return
    if seeded_digest(db) == curated_digest():
        if not db.conn.in_transaction:
            # a digest read inside a transaction may be its own, and roll back with it
            setattr(db, _SEEDED_FLAG, True)
        return
    seed_curated_sources(db, unless_seeded=True)


def resolve_source(
    db: sqlite_utils.Database,
    name: str,
    kind: str = "unknown",
    language: str | None = None,
    *,
    judged: bool = True,
) -> int | None:
    """Return the id of the source called `name`, creating it if no alias matches.

    Returns None when the name names no source: the unknown speaker ("unknown"
    or an empty name), or a name that is no party (see `resolve_speaker`).
    `judged=False` is for a name a person chose (an event's participant): it
    becomes a source whatever it looks like.
    """
    return resolve_speaker(db, name, kind, language, judged=judged).source_id


def resolve_speaker(
    db: sqlite_utils.Database,
    name: str,
    kind: str = "unknown",
    language: str | None = None,
    *,
    starts_sentence: bool = False,
    body: str | None = None,
    judged: bool = True,
) -> SpeakerResolution:
    """Resolve a speaker name to a source, creating one for a new name that is a name.

    The name is matched as written, then without leading titles ("Mr. Obama"
    is Barack Obama), then without words that say who it is ("Russian
    President Vladimir Putin"). When an alias exists in several sources, one
    registered for `language` wins. A name that is not curated is judged by
    `speaker_names.unresolved_reason` first: a pronoun, number, date,
    interjection, markup, bare title or description gets no source, only the
    reason, whatever aliases exist; words in capitals only when no alias
    knows them (`starts_sentence` and
    `body`: see `unresolved_reason`). A source whose kind was not set by the
    curated table or an admin follows the engine's labels (`kind`).
    """
    from claimtrack.store.speaker_names import unresolved_reason, without_clause_words

    name = without_clause_words(name or "", language)
    keys = matching_keys(name)
    if not keys or keys[0] == UNKNOWN_SPEAKER:
        return SpeakerResolution(None, "unknown")
    kind = kind if kind in SOURCE_KINDS else "unknown"
    ensure_curated_sources(db)
    reason = None
    if judged and not any(key in curated_alias_keys() for key in keys):
        reason = unresolved_reason(name, language, starts_sentence=starts_sentence, body=body)
    # words in capitals may still be a known name ("ILSE VARN"); anything else refused
    # is refused even when a source has the same letters ("findings" is no "Findings")
    if reason is not None and reason != "headline":
        return SpeakerResolution(None, reason)
    with write_transaction(db):
        row = None
        for key in keys + stripped_keys(keys[0]):  # the name as written wins
            row = db.execute(
                "SELECT source_id FROM source_aliases WHERE alias_key = ? "
                "ORDER BY (language = ?) DESC, (language IS NULL) DESC, source_id LIMIT 1",
                [key, language],
            ).fetchone()
            if row:
                break
        if row:
            if kind != "unknown":
                learn_kind(db, row[0], kind)
            return SpeakerResolution(row[0])
        # a name no alias knows becomes a source only if it is a name
        if reason is not None:
            return SpeakerResolution(None, reason)
        for same_person in SAME_PERSON:
            # "Kasich" or "Vladimir V. Putin" when only one stored person fits
            person_id = same_person(db, name, language, kind, body)
            if person_id is not None:
                if len(keys[-1].split()) > 1:  # a lone surname stays no alias
                    _add_alias_if_free(db, person_id, name.strip(), language, key=keys[0])
                return SpeakerResolution(person_id)
        shown = display_name(name.strip())
        for stripped in stripped_keys(keys[0]):
            # "Ukrainian President Petro Poroshenko" is shown, and found, as Petro Poroshenko
            tail = " ".join(name.split()[-len(stripped.split()) :])
            if alias_key(tail) == stripped:
                shown = tail
                keys.append(stripped)
        source_id = _create_source(db, shown, kind, None)
        for key in keys:
            # a lone surname left after the titles ("Mr. Clarke") is too vague to claim
            if key == keys[0] or len(key.split()) > 1:
                _add_alias_if_free(db, source_id, name.strip(), language, key=key)
        return SpeakerResolution(source_id)


# how many of a source's latest labels decide its kind
KIND_VOTES = 200


def learn_kind(db: sqlite_utils.Database, source_id: int, kind: str) -> None:
    """Let a new entity label `kind` count towards the source's kind.

    Only a kind the engine set follows the labels: the most frequent label
    among the source's latest KIND_VOTES mentions plus this one (a tie keeps
    the current kind). Curated and admin kinds stay as they are.
    """
    row = db.execute("SELECT kind, kind_set_by FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None or row[1] != "engine" or row[0] == kind:
        return
    if row[0] == "unknown":
        db.execute("UPDATE sources SET kind = ? WHERE id = ?", [kind, source_id])
        return
    votes: dict[str, int] = {kind: 1}
    for (label,) in db.execute(
        "SELECT speaker_kind FROM attributions WHERE speaker_source_id = ? "
        "AND type != 'publisher' ORDER BY id DESC LIMIT ?",
        [source_id, KIND_VOTES],
    ):
        if label in SOURCE_KINDS and label != "unknown":
            votes[label] = votes.get(label, 0) + 1
    best = max(votes.values())
    if votes.get(row[0], 0) < best:
        winner = max(votes, key=lambda label: (votes[label], label == kind))
        db.execute("UPDATE sources SET kind = ? WHERE id = ?", [winner, source_id])


def set_affiliation(db: sqlite_utils.Database, source_id: int, affiliation_id: int) -> None:
    """Record that a source belongs to another (a spokesman to his ministry), if not yet known."""
    if source_id == affiliation_id:
        return
    db.execute(
        "UPDATE sources SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL",
        [affiliation_id, source_id],
    )


def merge_sources(db: sqlite_utils.Database, keep_id: int, drop_id: int) -> dict[str, int]:
    """Fold source `drop_id` into `keep_id` and delete it; return moved-row counts.

    Aliases, attributions (as speaker and as via), event participation and
    affiliations move to the kept source; the dropped source's name becomes
    an alias of the kept one. All in one transaction. Merging away a source
    the curated table may have seeded (`kept_from_merging`) makes the next
    connection seed again.
    """
    if keep_id == drop_id:
        raise ValueError("cannot merge a source into itself")
    with write_transaction(db):
        rows = {
            r[0]: r
            for r in db.execute(
                "SELECT id, name, wikidata_id FROM sources WHERE id IN (?, ?)", [keep_id, drop_id]
            )
        }
        for needed in (keep_id, drop_id):
            if needed not in rows:
                raise LookupError(f"no source with id {needed}")
        if kept_from_merging(db, drop_id):
            forget_curated_seed(db)
        moved = {}
        db.execute(
            "UPDATE OR IGNORE source_aliases SET source_id = ? WHERE source_id = ?",
            [keep_id, drop_id],
        )
        _add_alias_if_free(db, keep_id, rows[drop_id][1], None, ignore_source=drop_id)
        db.execute("DELETE FROM source_aliases WHERE source_id = ?", [drop_id])
        moved["attributions"] = db.execute(
            "UPDATE attributions SET speaker_source_id = ? WHERE speaker_source_id = ?",
            [keep_id, drop_id],
        ).rowcount
        moved["via"] = db.execute(
            "UPDATE attribution_via SET source_id = ? WHERE source_id = ?", [keep_id, drop_id]
        ).rowcount
        moved["events"] = db.execute(
            "UPDATE OR IGNORE event_participants SET source_id = ? WHERE source_id = ?",
            [keep_id, drop_id],
        ).rowcount
        db.execute("DELETE FROM event_participants WHERE source_id = ?", [drop_id])
        db.execute(
            "UPDATE sources SET affiliation_id = ? WHERE affiliation_id = ? AND id != ?",
            [keep_id, drop_id, keep_id],
        )
        if rows[keep_id][2] is None and rows[drop_id][2] is not None:
            db.execute(
                "UPDATE sources SET wikidata_id = ? WHERE id = ?", [rows[drop_id][2], keep_id]
            )
        db.execute("DELETE FROM sources WHERE id = ?", [drop_id])
    return moved


def kept_from_merging(db: sqlite_utils.Database, source_id: int) -> bool:
    """Whether no automatic merge may fold this source away: an admin or the curated table
    set its kind, it has a Wikidata id or a curated alias (or it is gone)."""
    row = db.execute(
        "SELECT kind_set_by, wikidata_id FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    if row is None or row[0] != "engine" or row[1] is not None:
        return True
    keys = {
        r[0]
        for r in db.execute("SELECT alias_key FROM source_aliases WHERE source_id = ?", [source_id])
    }
    return bool(keys & curated_alias_keys())


def claim_count(db: sqlite_utils.Database, source_id: int) -> int:
    """How many claims the source speaks (its maintained total)."""
    row = db.execute(
        "SELECT speaker_claims FROM source_totals WHERE source_id = ?", [source_id]
    ).fetchone()
    return row[0] if row else 0


def _find_curated(db: sqlite_utils.Database, entry: CuratedSource) -> int | None:
    if entry.wikidata_id:
        row = db.execute(
            "SELECT id FROM sources WHERE wikidata_id = ? ORDER BY id LIMIT 1", [entry.wikidata_id]
        ).fetchone()
        if row:
            return row[0]
    row = db.execute("SELECT id FROM sources WHERE slug = ?", [slugify(entry.name)]).fetchone()
    if row:
        return row[0]
    keys = sorted({alias_key(alias) for alias, _ in entry.aliases} - {""})
    placeholders = ", ".join("?" for _ in keys)
    row = db.execute(
        f"SELECT source_id FROM source_aliases WHERE alias_key IN ({placeholders}) "
        "ORDER BY source_id LIMIT 1",
        keys,
    ).fetchone()
    return row[0] if row else None


def _create_source(db: sqlite_utils.Database, name: str, kind: str, wikidata_id: str | None) -> int:
    base = slugify(name)
    slug, n = base, 1
    while db.execute("SELECT 1 FROM sources WHERE slug = ?", [slug]).fetchone():
        n += 1
        slug = f"{base}-{n}"
    cursor = db.execute(
        "INSERT INTO sources (name, kind, slug, wikidata_id, created_at) VALUES (?, ?, ?, ?, ?)",
        [name, kind, slug, wikidata_id, _now()],
    )
    return cursor.lastrowid


def _add_alias_if_free(
    db: sqlite_utils.Database,
    source_id: int,
    alias: str,
    language: str | None,
    ignore_source: int | None = None,
    key: str | None = None,
) -> None:
    """Add an alias unless its key already names another source (besides `ignore_source`).

    `key` defaults to the alias' own key; a title-less key is passed explicitly.
    """
    key = alias_key(alias) if key is None else key
    if not key:
        return
    taken = db.execute(
        "SELECT 1 FROM source_aliases WHERE alias_key = ? AND source_id NOT IN (?, ?)",
        [key, source_id, -1 if ignore_source is None else ignore_source],
    ).fetchone()
    if taken:
        return
    db.execute(
        "INSERT OR IGNORE INTO source_aliases (source_id, alias, alias_key, language) "
        "VALUES (?, ?, ?, ?)",
        [source_id, alias, key, language],
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
