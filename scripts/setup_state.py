"""The checks scripts/setup makes before it installs anything: which Debian packages are missing,
and whether `.venv` is usable, absent, or half made and to be rebuilt.

Plain Python 3 with the standard library only: it runs with the system's `python3` before the
virtual environment exists (a minimal Debian has nothing more). scripts/setup calls it as

    python3 scripts/setup_state.py missing PACKAGE...   # prints the missing ones, one a line
    python3 scripts/setup_state.py venv .venv           # prints ok | absent | broken: REASON
    python3 scripts/setup_state.py stamp .venv          # after a complete set-up

and tests/test_setup_state.py runs the same functions on fake half-made folders.

A `.venv` is half made when a set-up was interrupted or failed part way: `python3 -m venv`
without Debian's python3-venv leaves a Python without pip; an interrupted `venv` leaves no
`pyvenv.cfg` or no `bin/python`; an upgrade of the system's Python leaves a `bin/python` link to
nothing. The stamp file is written only at the very end of a set-up, so an interrupted
`pip install` is noticed too (the next run installs again, and rebuilds when that fails).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

DPKG_STATUS = Path("/var/lib/dpkg/status")
STAMP = ".kiosk-setup-complete"
PROJECT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT_S = 60


def installed_packages(status_file: Path = DPKG_STATUS) -> set[str]:
    """The packages dpkg lists as fully installed ("install ok installed") in its status file."""
    try:
        text = status_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    installed: set[str] = set()
    for stanza in text.split("\n\n"):
        name = status = ""
        for line in stanza.splitlines():
            if line.startswith("Package:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("Status:"):
                status = line.split(":", 1)[1].strip()
        if name and status == "install ok installed":
            installed.add(name)
    return installed


def missing_packages(wanted: Iterable[str], status_file: Path = DPKG_STATUS) -> list[str]:
    """The wanted packages that are not fully installed, in the order asked (a package that an
    interrupted `apt-get install` left unpacked but not configured counts as missing)."""
    installed = installed_packages(status_file)
    return [name for name in wanted if name not in installed]


def project_fingerprint(project: Path = PROJECT) -> str:
    """What the stamp records: the project's dependency list (pyproject.toml), so a changed
    list is installed again."""
    pyproject = project / "pyproject.toml"
    data = pyproject.read_bytes() if pyproject.is_file() else b""
    return hashlib.sha256(data).hexdigest()


def _run_python(python: Path, code: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            [str(python), "-c", code],
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def venv_problem(venv: Path, base_version: tuple[int, int] | None = None) -> str | None:
    """Why `venv` cannot be used as it is (one line), or None when it can.

    `base_version` is the Python that set-up runs with (this one by default): a `.venv` made by
    another Python version is rebuilt, its compiled packages would not load."""
    if base_version is None:
        base_version = (sys.version_info.major, sys.version_info.minor)
    if not (venv / "pyvenv.cfg").is_file():
        return "pyvenv.cfg is missing (an interrupted `python3 -m venv`)"
    python = venv / "bin" / "python"
    if python.is_symlink() and not python.exists():
        return f"bin/python points to {python.readlink()}, which is gone (Python was upgraded)"
    if not python.is_file():
        return "bin/python is missing (an interrupted `python3 -m venv`)"
    ran = _run_python(python, "import sys; print(*sys.version_info[:2])")
    if ran is None or ran.returncode != 0:
        return "bin/python does not run"
    major, minor = (int(part) for part in ran.stdout.split()[:2])
    if (major, minor) != base_version:
        return (
            f"made with Python {major}.{minor}, this machine's python3 is "
            f"{base_version[0]}.{base_version[1]}"
        )
    ran = _run_python(python, "import pip")
    if ran is None or ran.returncode != 0:
        return "it has no pip (made without Debian's python3-venv, or interrupted)"
    return None


def venv_state(venv: Path, base_version: tuple[int, int] | None = None) -> str:
    """`absent`, `ok`, or `broken: REASON` (to be removed and made again)."""
    if not venv.exists() and not venv.is_symlink():
        return "absent"
    problem = venv_problem(venv, base_version)
    return "ok" if problem is None else f"broken: {problem}"


def setup_complete(venv: Path, project: Path = PROJECT) -> bool:
    """The last set-up finished (its stamp is there and matches today's dependency list)."""
    stamp = venv / STAMP
    try:
        return stamp.read_text(encoding="utf-8").strip() == project_fingerprint(project)
    except OSError:
        return False


def write_stamp(venv: Path, project: Path = PROJECT) -> None:
    """Mark the set-up of `venv` as complete (the last step of scripts/setup)."""
    (venv / STAMP).write_text(project_fingerprint(project) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    usage = "usage: setup_state.py (missing PACKAGE... | venv DIR | complete DIR | stamp DIR)"
    if not argv:
        print(usage, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "missing":
        for name in missing_packages(args):
            print(name)
        return 0
    if command in ("venv", "complete", "stamp") and len(args) == 1:
        venv = Path(args[0])
        if command == "venv":
            print(venv_state(venv))
            return 0
        if command == "complete":
            return 0 if setup_complete(venv) else 1
        write_stamp(venv)
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
