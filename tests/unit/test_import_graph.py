"""The shape of the package: no import circles, screens that never import each other, and one
import path for every name.

The graph is read from the source: every `import` and `from ... import` of `quizapp/`, those
inside functions and under `TYPE_CHECKING` included (a circle hidden in a function is still a
circle). `from package import name` is an edge to the submodule `package.name` when there is one,
else to the package itself (its face).
"""

from __future__ import annotations

import ast
import functools
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"

#: The rooms whose `__init__` is a face: other rooms import their names from it, never from their
#: modules.
FACED = (
    "quizapp.cli",
    "quizapp.core.bank",
    "quizapp.core.formats",
    "quizapp.core.lint",
    "quizapp.core.progress",
    "quizapp.core.scoring",
    "quizapp.core.serving",
    "quizapp.core.stats",
    "quizapp.core.study",
    "quizapp.screens",
    "quizapp.served",
    "quizapp.server",
    "quizapp.widgets",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(module: str) -> Iterator[tuple[int, str, str | None]]:
    """(line, module imported, name taken from it or None) for every import in `module`."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            for alias in node.names:
                yield node.lineno, base, alias.name


def _target(imported: str, name: str | None) -> str | None:
    """The quizapp module an import names, or None for one outside the package."""
    if name is not None and f"{imported}.{name}" in MODULES:
        return f"{imported}.{name}"
    return imported if imported in MODULES else None


@functools.cache
def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        for _, imported, name in _imports(module):
            target = _target(imported, name)
            if target is not None and target != module:
                graph[module].add(target)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _room(module: str) -> str:
    for room in FACED:
        if module == room or module.startswith(room + "."):
            return room
    return module


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert len(graph) > 100
    assert "quizapp.core.model" in graph["quizapp.core.scoring.grading"]  # a plain import
    assert "quizapp.screens" in graph["quizapp.flow"]  # imports inside functions count too


def test_no_import_circles() -> None:
    assert _circles(_graph()) == []


def test_a_circle_would_be_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]


def test_no_screen_imports_another_screen() -> None:
    screens = [m for m in MODULES if m.startswith("quizapp.screens.")]
    bad = [
        f"{module} imports {target}"
        for module in screens
        for target in _graph()[module]
        if target == "quizapp.screens" or target.startswith("quizapp.screens.")
    ]
    assert bad == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_other_rooms_are_entered_through_their_face(module: str) -> None:
    bad = []
    for line, imported, name in _imports(module):
        target = _target(imported, name)
        if target is None or _room(target) == _room(module) or target in FACED:
            continue
        if _room(target) in FACED:
            bad.append(f"line {line}: {target} (import it from {_room(target)})")
    assert bad == []


@pytest.mark.parametrize("face", FACED)
def test_every_name_of_a_face_is_found_where_it_says(face: str) -> None:
    """A lazy face maps each name to the module that defines it: each must import and hold it."""
    package = importlib.import_module(face)
    names = getattr(package, "__all__", [])
    assert names, f"{face} names nothing"
    missing = [name for name in names if not hasattr(package, name)]
    assert missing == []
