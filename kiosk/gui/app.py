"""Starting the GUI: pick the event database (the demo event when none is given), the mode,
and open the one window; scans from the scanner and the camera go to the screen showing."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kiosk.errors import KioskError
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.shell.window import MODES, ScreenFactory, ShellWindow

TEARDOWN_LIMIT_S = 5  # the longest closing the app may take (then the kernel ends it)


def seconds_since_process_start() -> float:
    """How long this process has run (Linux /proc), to measure start to ready honestly."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(fields[19]) / ticks
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Check-in kiosk")
    parser.add_argument("--db", type=Path, help="event database (default: the demo event)")
    parser.add_argument("--mode", choices=MODES, default="door")
    parser.add_argument("--fullscreen", action="store_true")
    parser.add_argument("--language", choices=["ko", "en"], default="ko")
    parser.add_argument(
        "--hub", metavar="URL", help="sync with the LAN hub at URL (remembered as hub_url)"
    )
    parser.add_argument("--camera", action="store_true", help="show the camera scanner panel")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot and quit (for checks)")
    parser.add_argument(
        "--startup-time", action="store_true", help="print seconds from start to ready and quit"
    )
    return parser.parse_args(argv)


def _door(context: AppContext) -> QWidget:
    from kiosk.gui.door import DoorScreen

    return DoorScreen(
        context.conn,
        context.event,
        context.checkins,
        context.prefs,
        context.languages,
        clock=context.clock,
    )


def _kiosk(context: AppContext) -> QWidget:
    from kiosk.gui.selfcheckin import SelfCheckinScreen

    return SelfCheckinScreen(context)


def _organiser(context: AppContext) -> QWidget:
    from kiosk.gui.organiser import OrganiserScreen

    return OrganiserScreen(context)


SCREENS: dict[str, ScreenFactory] = {"door": _door, "kiosk": _kiosk, "organiser": _organiser}


def build_shell(
    app: QApplication, db_path: Path, mode: str, language: str, hub: str | None = None
) -> ShellWindow:
    """Open the database, register fonts, and build the window in the given mode; with `hub`,
    remember that hub URL (setting `hub_url`) so the device syncs with it."""
    from kiosk.gui.fonts import register_fonts

    register_fonts(app)
    context = open_context(app, db_path, language)
    if mode in ("door", "kiosk"):
        from kiosk.sync.health import set_device_role

        set_device_role(context.conn, mode)  # what its machine checks check for
    if hub is not None:
        from kiosk.gui.sync.auto import set_hub_url
        from kiosk.store.database import transaction

        with transaction(context.conn):
            set_hub_url(context.conn, hub)
    return ShellWindow(context, SCREENS, mode)


def connect_scanners(app: QApplication, window: ShellWindow) -> object:
    """The keyboard-wedge scanner works anywhere in the app; its scans go to the window."""
    from kiosk.gui.scanner import ScannerInput

    scanner = ScannerInput(app)
    scanner.install(app)
    scanner.scanned.connect(window.handle_scan)
    scanner.misread.connect(window.handle_misread)
    return scanner


def _say_ready(app: QApplication, window: ShellWindow) -> None:
    """One line for the journal once the window is up: the kiosk's launcher and its tests
    (tests/test_kiosk_service.py) read it."""
    size = window.size()
    print(
        f"main.py: ready ({window.mode} mode on {app.platformName()}, "
        f"{size.width()}x{size.height()})",
        file=sys.stderr,
        flush=True,
    )


def _warm_up_voice(window: ShellWindow) -> None:
    voice = getattr(window.current_screen(), "voice", None)
    if voice is not None:
        voice.warm_up()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from kiosk.services.machine import keep_files_private

    keep_files_private()  # the database, bundles and exports: this user's only
    if QApplication.instance() is None:
        from kiosk.services.display import display_problem, draw_offscreen_without_display

        if args.screenshot is not None or args.startup_time:
            draw_offscreen_without_display()  # a picture or a figure needs no screen
        problem = display_problem()
        if problem is not None:
            print(f"main.py: {problem}", file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        if args.db is None:
            from kiosk.demo.demo_event import ensure_demo_database

            db_path = ensure_demo_database()
        else:
            db_path = args.db
        window = build_shell(app, db_path, args.mode, args.language, args.hub)
    except KioskError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        if args.screenshot is None and not args.startup_time:
            QMessageBox.critical(None, "Kiosk", str(exc))
        return 2
    scanner = connect_scanners(app, window)
    if args.camera:
        window.toggle_camera()
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    if args.screenshot is not None or args.startup_time:
        app.processEvents()
        if args.screenshot is not None:
            window.grab().save(str(args.screenshot))
        if args.startup_time:
            print(json.dumps({"start_to_ready_s": round(seconds_since_process_start(), 3)}))
        return 0
    QTimer.singleShot(0, lambda: _say_ready(app, window))
    # A device without an organiser PIN would leave kiosk mode unguarded: ask for one, once the
    # window is up (the launcher's "ready" line comes first).
    from kiosk.gui.shell.pin_setup import ask_for_first_pin

    QTimer.singleShot(0, lambda: ask_for_first_pin(window.context.conn, window))
    # Start the speech engine while nobody is at the kiosk yet: it takes a second or two.
    QTimer.singleShot(3000, lambda: _warm_up_voice(window))
    code = app.exec()
    del scanner
    bound_teardown(code)
    return code


def bound_teardown(code: int, limit_s: int = TEARDOWN_LIMIT_S) -> None:
    """Make sure the process ends within `limit_s` once the window has closed.

    Freeing Qt's objects at exit can wait for ever on a device that stopped answering: Qt's
    speechd engine waits for speech-dispatcher in its destructor, and a daemon without a
    working sound device never answers. With a speech engine made, the app ends at once,
    without freeing anything: every check-in is already committed, nothing is lost. Otherwise
    the kernel's alarm ends a teardown that takes longer than `limit_s` (its default action:
    no Python is needed for it to work)."""
    import logging

    from kiosk.gui.speech import speechd_in_use

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    if speechd_in_use():
        os._exit(code)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(limit_s)
