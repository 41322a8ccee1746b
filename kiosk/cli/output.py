"""What every `kiosk` command shares: exit codes, JSON on stdout, messages and progress on stderr.

A leaf module: it imports nothing of the product, so any command module (and the services'
callers) may use it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


def default_db_path() -> Path:
    """`$KIOSK_DB`, else `event.sqlite` in the platform's user data directory."""
    if os.environ.get("KIOSK_DB"):
        return Path(os.environ["KIOSK_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiosk", appauthor=False)) / "event.sqlite"


def db_path(args: argparse.Namespace) -> Path:
    """The event database a command works on: `--db`, else the default."""
    path: Path | None = args.db
    return path if path is not None else default_db_path()


def emit(obj: Any) -> None:
    """One JSON value on stdout (one line: JSON Lines when called repeatedly)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A human message on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class ProgressBar:
    """A one-line progress bar on stderr: `done/total` with a bar, redrawn in place."""

    def __init__(self, label: str, width: int = 30) -> None:
        self.label = label
        self.width = width
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        if filled == self._last and done != total:
            return
        self._last = filled
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total}{end}")
        sys.stderr.flush()
