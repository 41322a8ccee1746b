"""The `kiosk` command run as an organiser runs it: a real process of this Python, its output
captured as text. The one helper every command-line test uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

KIOSK = (sys.executable, "-m", "kiosk")


def run_kiosk(
    *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS...`; never raises for an exit status (tests read `returncode`)."""
    return subprocess.run(
        [*KIOSK, *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
        check=False,
    )


def kiosk(
    db: Path, *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`kiosk --db DB ARGS...`."""
    return run_kiosk("--db", str(db), *args, stdin=stdin, timeout=timeout)
