"""The house rules a reviewer would check by hand: ruff-clean everywhere, mypy strict over the
whole package, and no merge left half done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=PROJECT, capture_output=True, text=True, timeout=300
    )


def test_ruff_finds_nothing():
    result = run("ruff", "check", "kiosk", "tests", "main.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_kept():
    result = run("ruff", "format", "--check", "kiosk", "tests", "main.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_over_the_whole_package():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'files = ["kiosk"]' in (PROJECT / "pyproject.toml").read_text(encoding="utf-8")


def test_no_merge_conflict_markers_are_left():
    """A conflict resolved by hand can leave its markers inside a docstring or a document,
    where no parser notices them."""
    markers = ("<<<<<<< ", ">>>>>>> ")
    found = []
    for folder in ("kiosk", "tests", "docs", "scripts", "resources"):
        for path in sorted((PROJECT / folder).rglob("*")):
            if not path.is_file() or path.suffix not in {".py", ".md", ".ts", ".json", ".toml"}:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.startswith(markers):
                    found.append(f"{path.relative_to(PROJECT)}:{number}")
    for name in ("README.md", "pyproject.toml"):
        text = (PROJECT / name).read_text(encoding="utf-8")
        found += [name for line in text.splitlines() if line.startswith(markers)]
    assert found == []
