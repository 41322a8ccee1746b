"""`run_doctor`: every check this machine's role needs, in one report.

| check | door | kiosk | organiser |
| --- | --- | --- | --- |
| display, fonts, database, disk, files | yes | yes | yes |
| printer and paper (test page when asked) | - | fail | warn |
| speech (voice guidance) | - | fail | - |
| audio (verdict sounds, voice, staff-call chime) | warn | fail | warn |
| camera | warn | warn | - |
| hub and clock | yes | yes | - (it is the hub) |

"fail" and "warn" say what a problem counts as for the role; a report with any fail exits 1.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.clock import now_ms
from kiosk.doctor import camera, display, fonts, hub, printer, sound, speech, storage
from kiosk.doctor.findings import ROLES, Finding, Report, fail, sort_findings
from kiosk.errors import KioskError


@dataclass(frozen=True)
class DoctorOptions:
    """What to check and where the machine's facts are (tests point these at their own)."""

    role: str | None = None  # door, kiosk, organiser; None: organiser's database or kiosk
    printer: str | None = None  # default: this device's printer, else the system default
    test_page: bool = False
    hub: str | None = None  # default: the hub this device syncs with
    check_hub: bool = True  # False inside a sync round, which stands in for it
    cafile: str | None = None
    screens: Sequence[tuple[int, int]] | None = None  # the running app's screens, if any
    env: Mapping[str, str] | None = None
    drm_root: Path = display.DRM_ROOT
    video_root: Path = camera.VIDEO_ROOT
    font_dirs: Sequence[Path] = fonts.FONT_DIRS
    timeout_s: float = 5.0


def _open(db_path: Path) -> tuple[sqlite3.Connection | None, Finding | None]:
    from kiosk.store.database import open_database

    if not db_path.is_file():
        return None, fail("database.missing", path=str(db_path))
    try:
        return open_database(db_path).conn, None
    except (KioskError, sqlite3.Error) as exc:
        return None, fail("database.unreadable", path=str(db_path), reason=str(exc))


def resolve_role(conn: sqlite3.Connection | None, role: str | None) -> str:
    """The role asked for, else organiser on the organiser's database, else kiosk (the one
    with the most to check)."""
    if role is not None:
        if role not in ROLES:
            raise KioskError(f"role {role!r}: one of {', '.join(ROLES)}")
        return role
    if conn is not None:
        from kiosk.services.event import is_organiser

        if is_organiser(conn):
            return "organiser"
    return "kiosk"


def run_doctor(db_path: Path, options: DoctorOptions | None = None) -> Report:
    """Check this machine for its role; never raises for what it finds."""
    options = options or DoctorOptions()
    env = os.environ if options.env is None else options.env
    conn, problem = _open(db_path)
    try:
        role = resolve_role(conn, options.role)
        device = None
        if conn is not None:
            from kiosk.services.event import load_event

            try:
                device = load_event(conn).device
            except KioskError as exc:
                problem = fail("database.unreadable", path=str(db_path), reason=str(exc))
                conn.close()
                conn = None
        found: list[Finding] = []
        screens = options.screens
        if screens is None:
            screens = display.drm_screens(options.drm_root) or display.qt_screens(env)
        found += display.check_display(role, screens)
        found += fonts.check_fonts(options.font_dirs)
        if role in ("kiosk", "organiser"):
            found += printer.check_printer(
                conn, options.printer, required=role == "kiosk", test_page=options.test_page
            )
        if role == "kiosk":
            found += speech.check_speech(env, options.timeout_s)
        found += sound.check_sound(env, required=role == "kiosk", timeout_s=options.timeout_s)
        if role in ("door", "kiosk"):
            found += camera.check_camera(options.video_root)
        if problem is not None:
            found.append(problem)
        found += storage.check_disk(db_path)
        if db_path.exists():
            found += storage.check_files(db_path)
        if role in ("door", "kiosk") and conn is not None and options.check_hub:
            found += hub.check_hub(
                conn, options.hub, timeout_s=options.timeout_s, cafile=options.cafile
            )
        return Report(role, device, now_ms(), sort_findings(found))
    finally:
        if conn is not None:
            conn.close()
