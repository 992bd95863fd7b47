"""The import graph of the claimtrack package, read from its source (no import is run).

Every `import claimtrack...` / `from claimtrack... import ...` counts, at module
level or inside a function: a local import still ties the two modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "claimtrack"


def module_files(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of the package under `root`."""
    files = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    return files


def _resolve(name: str, modules: set[str]) -> str | None:
    """The longest known module that `name` (a module or module.attribute) lies in."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package modules it imports."""
    files = module_files(root)
    modules = set(files)
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
                targets = [a.value for a in node.args if isinstance(a, ast.Constant)]
            for target in targets:
                if not target.startswith(PACKAGE):
                    continue
                found = _resolve(target, modules)
                if found and found != name and not name.startswith(found + "."):
                    graph[name].add(found)
    return graph


def layer_of(module: str) -> str:
    """The layer a module belongs to: its subpackage, or the top-level module's name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer_edges(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(importing layer, imported layer) pairs between different layers."""
    return {
        (layer_of(source), layer_of(target))
        for source, targets in graph.items()
        for target in targets
        if layer_of(source) != layer_of(target)
    }


if __name__ == "__main__":
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    graph = import_graph(root)
    for source, target in sorted(layer_edges(graph)):
        print(f"{source} -> {target}")
    print("cycles:")
    for component in cycles(graph):
        print("  " + " <-> ".join(component))
    layers = {layer_of(m) for m in graph}
    layer_graph = {layer: set() for layer in layers}
    for source, target in layer_edges(graph):
        layer_graph[source].add(target)
    print("layer cycles:", cycles(layer_graph))
