"""The core stays GUI-free: importing it must not load PySide6."""

from __future__ import annotations

import subprocess
import sys

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
