"""Starting the GUI: pick the event database (the demo event when none is given) and open it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.errors import KioskError


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Check-in kiosk")
    parser.add_argument("--db", type=Path, help="event database (default: the demo event)")
    parser.add_argument("--language", choices=["ko", "en"], default="ko")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot and quit (for checks)")
    return parser.parse_args(argv)


def build_window(db_path: Path, language: str):  # -> MainWindow
    """Open the database and build the main window over it."""
    from kiosk.gui.main_window import MainWindow
    from kiosk.gui.sessions_model import SessionsModel
    from kiosk.gui.translations import LanguageSwitcher
    from kiosk.services.event import load_event
    from kiosk.services.programme import list_sessions
    from kiosk.store.database import open_database

    conn = open_database(db_path).conn
    event = load_event(conn)
    languages = LanguageSwitcher()
    languages.use(language)
    model = SessionsModel(list_sessions(conn), languages.language)
    return MainWindow(event.name, model, languages)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        from kiosk.gui.fonts import register_fonts

        register_fonts(app)
        if args.db is None:
            from kiosk.demo.demo_event import ensure_demo_database

            db_path = ensure_demo_database()
        else:
            db_path = args.db
        window = build_window(db_path, args.language)
    except KioskError as exc:
        QMessageBox.critical(None, "Kiosk", str(exc))
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    window.show()
    if args.screenshot is not None:
        app.processEvents()
        window.grab().save(str(args.screenshot))
        return 0
    return app.exec()
