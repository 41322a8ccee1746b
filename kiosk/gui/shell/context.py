"""What every screen is given: the database, the event, the services and the preferences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.core.clock import now_ms
from kiosk.gui.theme import DisplayPreferences
from kiosk.gui.translations import LanguageSwitcher
from kiosk.services.checkins import CheckinService
from kiosk.services.event import Event, load_event
from kiosk.store.database import Connection, open_database


@dataclass
class AppContext:
    """Passed to screens instead of a god object: each takes what it needs from here."""

    db_path: Path
    conn: Connection
    event: Event
    checkins: CheckinService
    prefs: DisplayPreferences
    languages: LanguageSwitcher
    clock: Callable[[], int] = now_ms


def open_context(app: QApplication, db_path: Path, language: str) -> AppContext:
    """Open the event database and build the shared services for the screens."""
    conn = open_database(db_path).conn
    event = load_event(conn)
    languages = LanguageSwitcher()
    languages.use(language)
    prefs = DisplayPreferences(app)
    prefs.apply()
    return AppContext(db_path, conn, event, CheckinService(conn, event), prefs, languages)
