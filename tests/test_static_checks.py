"""The house rules a reviewer would check by hand: ruff-clean everywhere, mypy strict on the
parts that hold the rules and the data (core, store, services, imports, exports)."""

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


def test_mypy_strict_on_core_store_services_and_files():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
