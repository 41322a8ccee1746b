"""Each rule lives in one place, and the layers say so in the code: the core is pure (no I/O, no
database, no Qt), Qt stays in the screens, and the screens call services (no SQL, no database
module, no signing keys, no reading of the log). Checked on the syntax tree of every module, so
a new file is held to the same rules as the old ones."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"

QT = ("PySide6", "shiboken6")
# The only modules besides the screens (gui/) and the accessibility checks (a11y/) that load Qt:
# tools whose whole job is to drive the screens.
QT_TOOLS = {"screenshots.py", "bench/gui.py", "bench/console.py"}

IO_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "socket",
    "subprocess",
    "sqlite3",
    "sqlite_utils",
    "threading",
    "urllib",
    "http",
    "ssl",
    "glob",
    "logging",
}
IO_CALLS = {"open", "print", "input"}

# What screens may take from the store: opening a connection and a transaction around a
# service call (database), and their own preferences (settings). Everything else is a service.
GUI_STORE_ALLOWED = {"kiosk.store.database", "kiosk.store.settings"}
GUI_FORBIDDEN_NAMES = {
    "kiosk.core.codes": {"issue_code", "signature_valid"},  # codes are issued by services
}
GUI_FORBIDDEN_MODULES = {"kiosk.core.keys", "sqlite3", "sqlite_utils"}
# SQL as this code base writes it (keywords in capitals), not English that starts with "Delete".
SQL = re.compile(
    r"^\s*(SELECT\s.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s"
    r"|PRAGMA\s+\w|WITH\s+\w+\s+AS\s*\(|BEGIN\b|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\s)",
    re.DOTALL,
)


def modules(under: str = "") -> Iterator[tuple[str, ast.Module]]:
    root = PACKAGE / under
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(tree: ast.Module) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line, module, names) of every import, at any depth (lazy imports included)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module, tuple(alias.name for alias in node.names)


def type_checking_lines(tree: ast.Module) -> set[int]:
    """Lines inside `if TYPE_CHECKING:` blocks (imports there are for annotations only)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def top(module: str) -> str:
    return module.split(".")[0]


def test_qt_is_only_in_the_screens() -> None:
    found = [
        f"{name}:{line} imports {module}"
        for name, tree in modules()
        if not name.startswith(("gui/", "a11y/")) and name not in QT_TOOLS
        for line, module, _ in imported(tree)
        if top(module) in QT
    ]
    assert found == []


def test_the_core_is_pure() -> None:
    """kiosk/core: no files, network, processes, threads, database or Qt; nothing from the
    layers above it."""
    found = []
    for name, tree in modules("core"):
        for line, module, _ in imported(tree):
            if top(module) in IO_MODULES | set(QT):
                found.append(f"{name}:{line} imports {module}")
            if module.startswith("kiosk.") and not module.startswith(
                ("kiosk.core", "kiosk.errors")
            ):
                found.append(f"{name}:{line} imports {module}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in IO_CALLS
            ):
                found.append(f"{name}:{node.lineno} calls {node.func.id}()")
    assert found == []


def test_the_screens_call_services_and_never_the_database() -> None:
    found = []
    for name, tree in modules("gui"):
        annotations_only = type_checking_lines(tree)
        for line, module, names in imported(tree):
            if line in annotations_only:
                continue
            if module in GUI_FORBIDDEN_MODULES or top(module) in GUI_FORBIDDEN_MODULES:
                found.append(f"{name}:{line} imports {module}")
            if module.startswith("kiosk.store") and module not in GUI_STORE_ALLOWED:
                found.append(f"{name}:{line} imports {module}")
            for forbidden in GUI_FORBIDDEN_NAMES.get(module, set()) & set(names):
                found.append(f"{name}:{line} imports {module}.{forbidden}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"execute", "executemany", "executescript"}
            ):
                found.append(f"{name}:{node.lineno} runs SQL (.{node.func.attr})")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and SQL.match(node.value)
            ):
                found.append(f"{name}:{node.lineno} holds SQL: {node.value[:40]!r}")
    assert found == []


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ("import sqlite3\n", "imports sqlite3"),
        ("def f(c):\n    return c.execute('x')\n", "runs SQL"),
        ("Q = 'SELECT 1 FROM attendees'\n", "holds SQL"),
        ("from kiosk.store.people import person_facts\n", "imports kiosk.store.people"),
        ("from kiosk.core.codes import issue_code\n", "issue_code"),
        ("from kiosk.core import keys\n", None),  # `kiosk.core` itself: names checked below
    ],
)
def test_the_screen_rules_catch_what_they_forbid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, complaint: str | None
) -> None:
    """The layering test can fail: each forbidden thing, put in a screen module, is reported."""
    fake = tmp_path / "kiosk"
    (fake / "gui").mkdir(parents=True)
    (fake / "gui" / "bad.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    if complaint is None:
        test_the_screens_call_services_and_never_the_database()
        return
    with pytest.raises(AssertionError, match=re.escape(complaint)):
        test_the_screens_call_services_and_never_the_database()


def test_the_core_rules_catch_what_they_forbid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "kiosk"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "bad.py").write_text(
        "from pathlib import Path\ndef f():\n    return open('x')\n", encoding="utf-8"
    )
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    with pytest.raises(AssertionError, match="imports pathlib"):
        test_the_core_is_pure()
