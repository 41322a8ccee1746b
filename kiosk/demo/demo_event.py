"""The demo event (WHRCF 2019, from data/whrcf2019): a ready database to try every screen on."""

from __future__ import annotations

from pathlib import Path

from kiosk.errors import KioskError

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "whrcf2019"
DEMO_NAME = "World Human Rights Cities Forum 2019"
DEMO_TIMEZONE = "Asia/Seoul"
# The demo's organiser PIN (README); a real event sets its own with `kiosk pin set`.
DEMO_PIN = "201909"


def build_demo_event(path: Path, source: Path = DEMO_DIR) -> Path:
    """Create the demo event database at `path`: programme, roster, invitations, codes issued."""
    from kiosk.imports import run_import
    from kiosk.services.event import init_event
    from kiosk.services.issuing import issue_codes
    from kiosk.services.pin import set_pin

    db = init_event(path, DEMO_NAME, DEMO_TIMEZONE)
    try:
        for kind in ("programme", "roster", "invitations"):
            report = run_import(db.conn, kind, source / f"{kind}.csv", warn=lambda _m: None)
            if report.errors:
                raise KioskError(f"demo {kind} has errors: {report.errors[:3]}")
        for _ in issue_codes(db.conn, None):
            pass
        set_pin(db.conn, DEMO_PIN)
    finally:
        db.conn.close()
    return path


def demo_database_path() -> Path:
    """Where the demo event lives on this machine (the user data directory)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiosk", appauthor=False)) / "demo" / "whrcf2019.sqlite"


def ensure_demo_database() -> Path:
    """The demo database, built on first use."""
    path = demo_database_path()
    if not path.exists():
        build_demo_event(path)
    return path
