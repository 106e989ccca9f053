"""Figures on how Palabre's code is laid out: imports hidden inside functions, import
cycles, and the largest modules.

    python scripts/structure.py            # the figures
    python scripts/structure.py --check    # exit 1 on an import cycle or an unexplained
                                           # import inside a function

A cycle is a group of modules that import each other, directly or not, counting imports
inside functions too (they only hide a cycle). Apps that import each other are counted
with the two exceptions of the import contract (the permission module reads every app's
models; core's commands orchestrate every app); `lint-imports` checks the layers.

Tests and migrations are left out: the figures speak of application code. An import
inside a function counts unless it is marked ``# lazy: <reason>`` on its line or the
line above, the written reason the architecture document asks for.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "palabre"


def _modules() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    )


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "palabre":
        return None
    return parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(node: ast.AST, here: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = here.split(".")[: -node.level] if node.level else []
            return [".".join([*base, node.module or ""]).rstrip(".")]
        return [node.module or ""]
    return []


def _resolve(name: str, known: set[str]) -> list[str]:
    """The modules executed by importing ``name``: the module (or, for ``from package
    import name``, the submodule when there is one) and the packages above it."""
    found = []
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            found.append(candidate)
    return found


def analyse() -> dict:
    inside: list[tuple[str, int]] = []
    edges: dict[str, set[str]] = defaultdict(set)
    module_edges: dict[str, set[str]] = defaultdict(set)
    sizes: list[tuple[int, str]] = []
    known = {_module_name(path) for path in _modules()}
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        sizes.append((len(lines), str(path.relative_to(ROOT.parent))))
        tree = ast.parse(text)
        here = _module_name(path)
        here_app = _app_of(here)
        functions = [
            n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        nested = set()
        for function in functions:
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    nested.add(id(node))
                    marked = any(
                        "# lazy:" in lines[i]
                        for i in (node.lineno - 1, node.lineno - 2)
                        if 0 <= i < len(lines)
                    )
                    if not marked and any(m.startswith("palabre") for m in _imported(node, here)):
                        inside.append((str(path.relative_to(ROOT.parent)), node.lineno))
        for node in ast.walk(tree):
            names = _imported(node, here)
            if isinstance(node, ast.ImportFrom) and names:
                names = names + [f"{names[0]}.{alias.name}" for alias in node.names]
            for module in names:
                there = _app_of(module)
                # The two exceptions of the import contract (pyproject.toml): the
                # permission module reads every app's models, and core's commands
                # orchestrate every app.
                reads_models = here_app == "permissions" and ".models" in module
                orchestrates = here.startswith("palabre.core.management")
                if here_app and there and there != here_app and not (reads_models or orchestrates):
                    edges[here_app].add(there)
                for target in _resolve(module, known):
                    # A module's own packages are already running when it runs: importing
                    # through them (a package that re-exports its modules) is no cycle.
                    if target != here and not here.startswith(target + "."):
                        module_edges[here].add(target)
    return {
        "inside": inside,
        "edges": edges,
        "module_edges": module_edges,
        "sizes": sorted(sizes, reverse=True),
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one app (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(set(edges) | {n for targets in edges.values() for n in targets}):
        if node not in index:
            visit(node)
    return groups


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on an app-level cycle")
    args = parser.parse_args()
    found = analyse()
    groups = cycles(found["module_edges"])
    crossing = [g for g in groups if len({_app_of(m) for m in g}) > 1]
    print(f"imports of palabre inside functions, without a written reason: {len(found['inside'])}")
    for path, line in found["inside"]:
        print(f"  {path}:{line}")
    print(f"module import cycles: {len(groups)} ({len(crossing)} across apps)")
    for group in groups:
        print("  " + " ↔ ".join(group))
    app_groups = cycles(found["edges"])
    print(f"apps that import each other (directly or not): {len(app_groups)} group(s)")
    for group in app_groups:
        print("  " + " ↔ ".join(group))
    print("largest modules (lines):")
    for lines, path in found["sizes"][:5]:
        print(f"  {lines:5d}  {path}")
    if args.check and (groups or app_groups or found["inside"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
