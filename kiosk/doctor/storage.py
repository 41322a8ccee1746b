"""This machine's storage for the event: the database is there, the disk has room for the
event's growth (check-ins, bundles, badge PDFs, reports), and only its owner can read its files
(folder 0700, database files 0600: the roster is personal data)."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from kiosk.doctor.findings import Finding, fail, ok, warn

NEED_BASE_BYTES = 512 * 1024**2  # exports, bundles, badge PDFs and reports of a day
NEED_PER_EVENT_BYTES = 10  # times the database's size: its copies, WAL, staging of merges
SIDE_FILES = ("-wal", "-shm", "-journal")


def human_bytes(count: int) -> str:
    """1536 -> "1.5 KB" (powers of 1024, as `df -h`)."""
    value = float(count)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


def event_files(db_path: Path) -> list[Path]:
    """The database and whichever of its side files exist."""
    files = [db_path] if db_path.exists() else []
    files += [p for p in (Path(f"{db_path}{s}") for s in SIDE_FILES) if p.exists()]
    return files


def event_bytes(db_path: Path) -> int:
    return sum(p.stat().st_size for p in event_files(db_path))


def needed_bytes(event_size: int) -> int:
    return NEED_BASE_BYTES + NEED_PER_EVENT_BYTES * event_size


def judge_disk(free: int, event_size: int) -> Finding:
    """Enough room (ok), less than twice what is needed (warn), or less than needed (fail)."""
    need = needed_bytes(event_size)
    params = {"free": human_bytes(free), "needed": human_bytes(need)}
    if free < need:
        return fail("disk.full", **params)
    if free < 2 * need:
        return warn("disk.low", **params)
    return ok("disk.ok", **params)


def check_disk(db_path: Path) -> list[Finding]:
    folder = db_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return [judge_disk(shutil.disk_usage(folder).free, event_bytes(db_path))]


def _open_to_others(path: Path) -> int | None:
    """The permission bits when group or others have any, else None."""
    mode = stat.S_IMODE(path.stat().st_mode)
    return mode if mode & 0o077 else None


def check_files(db_path: Path) -> list[Finding]:
    """A fail for the folder and each database file others can read (with the chmod that
    fixes it), else one ok."""
    findings = []
    folder = db_path.parent
    mode = _open_to_others(folder)
    if mode is not None:
        findings.append(fail("files.open", path=str(folder), mode=f"{mode:04o}", wanted="700"))
    for path in event_files(db_path):
        mode = _open_to_others(path)
        if mode is not None:
            findings.append(fail("files.open", path=str(path), mode=f"{mode:04o}", wanted="600"))
    return findings or [ok("files.ok")]
