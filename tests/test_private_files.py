"""Files for this user only: the event database (with its journal files), bundles, exports and
reports are 0600, and the folders the program makes (and its own data folder) 0700, also for
files made before this rule (fixed when the database is opened). A lost laptop's other accounts,
or anyone on a shared machine, read nothing."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.exports.attendance import export_attendance
from kiosk.services.event import init_event
from kiosk.store.database import open_database
from kiosk.sync.bundle import write_bundle_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def kiosk(db: Path | None, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kiosk", *(["--db", str(db)] if db else []), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def open_umask():
    """A permissive umask, as on most desktops: what the program writes must not depend on it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_cli_makes_every_file_private(tmp_path, demo_dir):
    folder = tmp_path / "new" / "event"
    db = folder / "forum.sqlite"
    users_folder = mode(tmp_path)
    kiosk(db, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul")
    kiosk(db, "import", "roster", str(demo_dir / "roster.csv"))
    kiosk(db, "import", "programme", str(demo_dir / "programme.csv"))
    kiosk(db, "sync", "export", "--roster", "-o", str(tmp_path / "out" / "roster.bundle"))
    kiosk(db, "export", "attendance", "-o", str(tmp_path / "attendance.csv"))
    kiosk(db, "export", "attendance", "-o", str(tmp_path / "attendance.xlsx"))
    kiosk(db, "badge", "--all", "-o", str(tmp_path / "badges.pdf"))
    kiosk(db, "report", "day", "--date", "2019-10-01", "-o", str(tmp_path / "day.pdf"))
    for name in ("roster.bundle", "attendance.csv", "attendance.xlsx", "badges.pdf", "day.pdf"):
        found = next(tmp_path.rglob(name))
        assert mode(found) == 0o600, (name, oct(mode(found)))
    for path in folder.glob("forum.sqlite*"):
        assert mode(path) == 0o600, (path.name, oct(mode(path)))
    # The folders the program made are 0700; the one the user had (tmp_path) is left alone.
    for made in (tmp_path / "new", folder, tmp_path / "out"):
        assert mode(made) == 0o700, made
    assert mode(tmp_path) == users_folder


def test_files_made_before_are_fixed_at_open(tmp_path, open_umask):
    db = tmp_path / "event.sqlite"
    init_event(db, "Forum", "Asia/Seoul").conn.close()
    open_database(db).conn.execute("CREATE TABLE IF NOT EXISTS t(x)")  # leaves a -wal file
    for path in tmp_path.glob("event.sqlite*"):
        os.chmod(path, 0o644)  # as an earlier version left them
    conn = open_database(db).conn
    for path in tmp_path.glob("event.sqlite*"):
        assert mode(path) == 0o600, path.name
    conn.close()


def test_the_programs_own_data_folder_is_0700_and_fixed_at_open(tmp_path):
    """The default database (no --db, no $KIOSK_DB) lives in the user data folder."""
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    kiosk(None, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul", env=env)
    home = tmp_path / "data" / "kiosk"
    assert mode(home) == 0o700 and mode(home / "event.sqlite") == 0o600
    os.chmod(home, 0o755)
    os.chmod(home / "event.sqlite", 0o644)
    kiosk(None, "status", env=env)
    assert mode(home) == 0o700 and mode(home / "event.sqlite") == 0o600


def test_library_writers_are_private_whatever_the_umask(tmp_path, open_umask, demo_dir):
    db = init_event(tmp_path / "event.sqlite", "Forum", "Asia/Seoul")
    assert mode(tmp_path / "event.sqlite") == 0o600
    write_bundle_file(tmp_path / "b" / "x.bundle", b"data")
    assert mode(tmp_path / "b" / "x.bundle") == 0o600 and mode(tmp_path / "b") == 0o700
    export_attendance(db.conn, tmp_path / "a.xlsx")
    export_attendance(db.conn, tmp_path / "a.csv")
    assert mode(tmp_path / "a.xlsx") == mode(tmp_path / "a.csv") == 0o600
    db.conn.close()
