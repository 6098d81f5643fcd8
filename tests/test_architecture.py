"""The core stays GUI-free, and the packages import each other only as docs/architecture.md says."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_core_and_cli_do_not_import_qt() -> None:
    code = (
        "import sys, handbook.cli, handbook.core.content, handbook.core.lint, handbook.core.render, "
        "handbook.core.facts, handbook.core.checklist\n"
        "import pkgutil, importlib, handbook.core\n"
        "for m in pkgutil.iter_modules(handbook.core.__path__): importlib.import_module('handbook.core.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_ui_imports_pyside6() -> None:
    offenders = []
    for path in (REPO / "handbook").rglob("*.py"):
        if "ui" in path.relative_to(REPO / "handbook").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(str(path))
    assert offenders == []


# ---------------------------------------------------------------------------- the import rules of docs/architecture.md

# The core's layers: a core module imports only modules of its own layer or a lower one. A module not listed
# is a feature (layer 4). Keep this table and the one in docs/architecture.md the same.
LAYERS = {
    "limits": 0, "links": 0, "review_policy": 0, "signing": 0, "index_store": 0, "templates": 0, "graph": 0, "paper": 0,
    "places": 0,
    "yamlfile": 1,
    "schema": 2, "facts": 2, "words": 2, "lint_help": 2,
    "content": 3,
    "lint": 5,
    "packfile": 6, "updates": 6,
}
FEATURE = 4
LEAVES = ("handbook.errors", "handbook.files", "handbook.locations", "handbook.logfile")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, bool]]:
    """The `handbook…` and `PySide6…` modules a file imports, each with whether it is at import time (module
    level). Imports under `if TYPE_CHECKING:` are left out: only the type checker follows them."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other, top)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, top) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module, top))
            inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, inner)

    visit(tree, True)
    return [(name, top) for name, top in found if name.split(".")[0] in ("handbook", "PySide6")]


def _all_imports() -> dict[str, list[tuple[str, bool]]]:
    return {_module_name(path): _imports(path) for path in sorted((REPO / "handbook").rglob("*.py"))}


def _within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _layer(module: str) -> int:
    return LAYERS.get(module.split(".")[2], FEATURE) if module.count(".") >= 2 else FEATURE


def test_import_rules_between_packages() -> None:
    broken = []
    for module, imports in _all_imports().items():
        for name, top in imports:
            if _within(module, "handbook.core"):
                bad = _within(name, "PySide6", "handbook.ui", "handbook.commands", "handbook.cli")
            elif _within(module, "handbook.ui"):
                bad = _within(name, "handbook.commands", "handbook.cli")
            elif _within(module, "handbook.commands", "handbook.cli", "handbook.__main__"):
                bad = _within(name, "PySide6", "handbook.ui")  # the command line never needs Qt
            elif module in LEAVES:
                # the package root only for __version__
                bad = _within(name, "handbook") and name not in ("handbook", "handbook.locations")
            else:
                bad = False
            if bad:
                broken.append(f"{module} imports {name}{'' if top else ' (inside a function)'}")
    assert broken == []


def test_core_layers_only_import_downwards() -> None:
    broken = []
    for module, imports in _all_imports().items():
        if not _within(module, "handbook.core") or module == "handbook.core":
            continue
        for name, _top in imports:
            if _within(name, "handbook.core") and name != "handbook.core" and _layer(name) > _layer(module):
                broken.append(f"{module} (layer {_layer(module)}) imports {name} (layer {_layer(name)})")
    assert broken == []


def test_a_content_model_imports_nothing_of_the_core() -> None:
    for package in ("checklist", "practice"):
        imports = _imports(REPO / "handbook" / "core" / package / "model.py")
        assert [name for name, _ in imports if _within(name, "handbook.core")] == [], package


def test_the_import_rules_can_fail(tmp_path: Path) -> None:
    """The checks above see what they are meant to see (a test that cannot fail guards nothing)."""
    source = tmp_path / "m.py"
    source.write_text("from typing import TYPE_CHECKING\nimport handbook.core.lint\n"
                      "if TYPE_CHECKING:\n    from handbook.core.content import Page\n"
                      "def f():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert _imports(source) == [("handbook.core.lint", True), ("PySide6", False)]
    assert _layer("handbook.core.content") < _layer("handbook.core.checklist.walking") < _layer("handbook.core.lint")
    assert _layer("handbook.core.schema.page") == LAYERS["schema"]
