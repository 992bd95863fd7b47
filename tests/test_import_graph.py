"""The package's import graph (issue #14): data flows one way, no module circles back.

ingest -> engine -> store -> compare / present -> web, api -> app -> cli: the
store never imports compare, present, web, api or the app; views never import
the app module (they get the database from claimtrack.db); web and api share
`present`, not each other; the engine knows nothing of Flask or SQLite. Each
read of the store is defined once.
"""

from __future__ import annotations

import ast
from pathlib import Path

from import_graph import cycles, import_graph, layer_edges, layer_of

ROOT = Path(__file__).resolve().parent.parent
GRAPH = import_graph(ROOT)
# Two circles inside the store, between modules of the sources work (#13), each made by a
# function-level import; listed so that no new one can appear unnoticed.
KNOWN_CYCLES = [
    ["claimtrack.store.sources", "claimtrack.store.speaker_names"],
    ["claimtrack.store.parties_migration", "claimtrack.store.schema"],
]
# layer -> layers it must never import
FORBIDDEN = {
    "engine": {"store", "compare", "present", "web", "api", "app", "db", "cli", "importer"},
    "store": {"compare", "present", "web", "api", "app", "db", "cli", "importer"},
    "compare": {"present", "web", "api", "app", "db", "cli"},
    "present": {"web", "api", "app", "cli"},
    "web": {"api", "app", "cli"},
    "api": {"web", "app", "cli"},
}


def test_the_graph_is_read_from_every_module():
    assert "claimtrack.store.reads.statements" in GRAPH
    assert "claimtrack.store.reads.listing" in GRAPH["claimtrack.store.reads.statements"]


def test_no_layer_imports_one_it_feeds():
    wrong = sorted(
        (source, target)
        for source, target in layer_edges(GRAPH)
        if target in FORBIDDEN.get(source, set())
    )
    assert wrong == []


def test_layers_form_no_circle():
    layers: dict[str, set[str]] = {layer_of(m): set() for m in GRAPH}
    for source, target in layer_edges(GRAPH):
        layers[source].add(target)
    assert cycles(layers) == []


def test_modules_form_no_new_circle():
    assert sorted(cycles(GRAPH)) == sorted(KNOWN_CYCLES)


def test_views_never_import_the_app_module():
    views = [m for m in GRAPH if layer_of(m) in ("web", "api")]
    assert len(views) > 10
    assert [m for m in views if "claimtrack.app" in GRAPH[m]] == []


def test_the_engine_knows_nothing_of_flask_or_sqlite():
    third_party = set()
    for path in (ROOT / "claimtrack" / "engine").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                third_party |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                third_party.add(node.module.split(".")[0])
    assert not third_party & {"flask", "sqlite3", "sqlite_utils", "werkzeug", "marshmallow"}


def test_each_read_of_the_store_is_defined_once():
    reads = {"get_event", "list_events", "get_source", "list_sources", "get_article"}
    reads |= {"list_articles", "get_statement", "find_statements", "source_claims"}
    reads |= {"event_source_names", "named_source", "chain_text", "source_key"}
    defined: dict[str, list[str]] = {}
    for path in (ROOT / "claimtrack" / "store").rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name in reads:
                defined.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert all(len(places) == 1 for places in defined.values()), defined
    entity_reads = {name: places for name, places in defined.items() if "source" not in name}
    assert all(
        place.startswith("claimtrack/store/reads/")
        for places in entity_reads.values()
        for place in places
    ), defined
    # presentation helpers left the store
    assert "chain_text" not in defined and "source_key" not in defined
