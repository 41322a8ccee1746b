"""Screenshots of every screen and state, in Korean and English, standard, large text and
high contrast: `python -m kiosk.screenshots OUTDIR [--size WxH|all]` (under Xvfb, or offscreen
by itself when there is no display).

It builds a throw-away copy of the demo event, drives each screen the way people would (scans,
look-ups, choices) and saves one PNG per state and display variant, so a reviewer can look at
every picture.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.a11y.sizes import ScreenSize, parse_sizes
from kiosk.core.clock import parse_at
from kiosk.core.codes import issue_code
from kiosk.core.model import Direction
from kiosk.demo.demo_event import build_demo_event
from kiosk.gui.app import build_shell
from kiosk.gui.shell.window import ShellWindow
from kiosk.imports import run_import
from kiosk.services.display import draw_offscreen_without_display
from kiosk.services.event import load_signing_key
from kiosk.services.issuing import issue_codes

VARIANTS = (
    ("standard", False, False),
    ("large", True, False),
    ("contrast", False, True),
)
LANGUAGES = ("ko", "en")
EXTRA_PROGRAMME = (
    "session_id,title_en,title_ko,date,start,end,venue,room,capacity,access\n"
    "SIDE,Side Room Talk,작은 방 대화,2019-09-30,14:00,15:00,Kimdaejung Convention Center,"
    "101,1,open\n"
)


def _variants(window: ShellWindow) -> Iterator[str]:
    """Each language and display variant in turn; yields a file-name suffix."""
    context = window.context
    for language in LANGUAGES:
        for name, large, contrast in VARIANTS:
            context.languages.use(language)
            context.prefs.set(large_text=large, high_contrast=contrast)
            QApplication.processEvents()
            yield f"{language}-{name}"
    context.prefs.reset()


def _save(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path


def door_states(window: ShellWindow) -> list[tuple[str, Any]]:
    """Drive the door through every verdict; returns (state name, recorded verdict)."""
    context = window.context
    conn = context.conn
    tz = context.event.tz
    codes = dict(issue_codes(conn, None))
    stranger = issue_code(load_signing_key(conn), context.event.event_id, "NOBODY-1", 1)
    old_code = codes["X-0104"]
    list(issue_codes(conn, ["X-0104"], reissue=True))
    screen: Any = window.current_screen()
    controller = screen.controller
    states: list[tuple[str, Any]] = [("idle", None)]

    def at(text: str) -> None:
        moment = parse_at(text, tz)
        controller.clock = lambda: moment

    def scan(state: str, code: str) -> None:
        screen.handle_scan(code)
        states.append((state, screen.verdict))

    at("2019-09-30T10:31")
    controller.set_session("NS1")
    scan("admitted", codes["X-0101"])
    scan("readmitted", codes["X-0101"])
    controller.set_direction(Direction.OUT)
    scan("exit_recorded", codes["X-0101"])
    controller.set_direction(Direction.IN)
    scan("not_invited", codes["X-0102"])
    scan("cancelled", codes["X-0105"])
    scan("invalid_code", "NOT-A-BADGE")
    scan("unknown_code", stranger)
    scan("revoked", old_code)
    at("2019-09-30T09:00")
    scan("too_early", codes["X-0103"])
    at("2019-09-30T12:40")
    scan("session_over", codes["X-0103"])
    at("2019-09-30T14:05")
    controller.set_session("SIDE")
    scan("admitted_side", codes["X-0102"])
    scan("room_full", codes["X-0104"])
    return states


def shoot_door(window: ShellWindow, folder: Path) -> list[Path]:
    window.show_mode("door")
    screen: Any = window.current_screen()
    states = door_states(window)
    saved = []
    for suffix in _variants(window):
        for state, verdict in states:
            if verdict is None:
                screen.show_idle()
            else:
                screen.controller.set_session(verdict.session_id)
                screen.show_verdict(verdict)
            saved.append(_save(window, folder, f"door-{state}-{suffix}"))
        screen.lookup.field.setText("kim")
        screen._search("kim")
        saved.append(_save(window, folder, f"door-lookup-{suffix}"))
        screen.lookup.clear()
    return saved


def _settle(until: Callable[[], bool], seconds: float = 15.0) -> None:
    """Let queued work (a print job on its thread) come back to the screen."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()


def shoot_kiosk(window: ShellWindow, folder: Path) -> list[Path]:
    """Every step of the self check-in, as an attendee goes through it."""
    from kiosk.gui.selfcheckin.flow import Step

    context = window.context
    moment = parse_at("2019-10-01T10:00", context.event.tz)  # NS2 has interpretation
    context.clock = lambda: moment
    codes = dict(issue_codes(context.conn, None))
    window.show_mode("kiosk")
    previous_size = window.size()
    if KIOSK_SIZE[0] is None:  # no size asked for: the kiosk's panel (21.5-inch, 1920 x 1080)
        window.resize(1920, 1080)
    screen: Any = window.current_screen()
    flow: Any = screen.flow
    flow.clock = context.clock
    if not screen.voice.started:
        screen.voice.engine = "mock"  # the voice controls are shown; nothing is spoken aloud

    def welcome() -> None:
        """The welcome page as the language and mode just chosen left it (cancelling here would
        put them back to the kiosk's defaults: every picture would be the same)."""

    def find() -> None:
        flow.find_myself()

    def not_found() -> None:
        flow.find_myself()
        flow.find("Nobody", "X-9999")

    def confirm() -> None:
        flow.scan(codes["X-0102"])

    def refused() -> None:
        flow.scan(codes["X-0105"])

    def today() -> None:
        context.conn.execute("DELETE FROM badge_prints")
        flow.scan(codes["X-0102"])
        flow.confirm()
        _settle(lambda: flow.step is Step.TODAY)

    def staff_called() -> None:
        flow.call_staff()

    def idle_warning() -> None:
        flow.scan(codes["X-0102"])
        screen.idle.warned.emit()

    def voice() -> None:
        flow.find_myself()
        screen.voice.set_enabled(True)

    def keyboard() -> None:  # "I have no code", then keypad 5 on the family name
        flow.find_myself()
        screen.find_page.keypad_activate(screen.find_page.family_field)

    def keyboard_idle_warning() -> None:
        keyboard()
        screen.idle.warned.emit()

    steps = [
        ("welcome", welcome),
        ("find", find),
        ("not-found", not_found),
        ("confirm", confirm),
        ("refused", refused),
        ("today", today),
        ("staff-called", staff_called),
        ("idle-warning", idle_warning),
        ("voice", voice),
        ("keyboard", keyboard),
        ("keyboard-idle-warning", keyboard_idle_warning),
    ]
    saved = []
    for language in LANGUAGES:
        for name, large, contrast in VARIANTS:
            for state, action in steps:
                if KIOSK_STATES and state not in KIOSK_STATES:
                    continue
                flow.cancel()
                flow.choose_language(language)
                flow.set_large_text(large)
                flow.set_high_contrast(contrast)
                action()
                saved.append(_save(window, folder, f"kiosk-{state}-{language}-{name}"))
                screen.idle.cleared.emit()
    flow.cancel()
    window.resize(previous_size)
    return saved


def shoot_organiser(window: ShellWindow, folder: Path) -> list[Path]:
    """Each tab of the organiser console, a person's page (badge preview and the badge-name
    editor), the import wizard with a file checked and each page of the Sync tab."""
    from kiosk.demo.demo_event import DEMO_DIR

    window.show_mode("organiser")
    screen: Any = window.current_screen()
    tabs = screen.tabs
    saved = []
    for suffix in _variants(window):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            saved.append(_save(window, folder, f"organiser-tab{index + 1}-{suffix}"))
        screen.show_tab(screen.roster)
        _settle(lambda: screen.roster.model.rowCount() > 0)
        screen.roster.select("X-0101")
        saved.append(_save(window, folder, f"organiser-person-{suffix}"))
        screen.roster.table.clearSelection()
        screen.show_tab(screen.importer)
        screen.importer.open_file(DEMO_DIR / "roster.csv", "roster")
        _settle(lambda: screen.importer.controller.result is not None)
        saved.append(_save(window, folder, f"organiser-import-checked-{suffix}"))
        screen.show_tab(screen.sync)
        for page in range(screen.sync.pages.count()):
            screen.sync.pages.setCurrentIndex(page)
            saved.append(_save(window, folder, f"organiser-sync{page + 1}-{suffix}"))
        screen.sync.pages.setCurrentIndex(0)
    return saved


KIOSK_SIZE: list[tuple[int, int] | None] = [None]  # the size asked for (--size), if any
KIOSK_STATES: set[str] = set()  # the kiosk's states to shoot (empty: every one)

SHOOTERS: dict[str, Callable[[ShellWindow, Path], list[Path]]] = {
    "door": shoot_door,
    "kiosk": shoot_kiosk,
    "organiser": shoot_organiser,
}


def prepare_event(folder: Path) -> Path:
    """A fresh copy of the demo event with one small extra room (to show a full room)."""
    db = build_demo_event(folder / "demo.sqlite")
    extra = folder / "extra-programme.csv"
    extra.write_text(EXTRA_PROGRAMME, encoding="utf-8")
    from kiosk.store.database import open_database

    conn = open_database(db).conn
    try:
        report = run_import(conn, "programme", extra)
        assert not report.errors, report.errors
    finally:
        conn.close()
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", choices=sorted(SHOOTERS), action="append")
    parser.add_argument(
        "--size",
        action="append",
        metavar="WxH",
        help="window size, e.g. 1366x768, or 'all' for every size of the matrix "
        "(kiosk.a11y.sizes); several sizes go to one sub-folder each",
    )
    args = parser.parse_args(argv)
    try:
        sizes = parse_sizes(args.size or [])
    except ValueError as error:
        parser.error(str(error))
    total = shoot(args.outdir, args.only or list(SHOOTERS), sizes)
    print(f"saved {total} screenshots in {args.outdir}", file=sys.stderr)
    return 0


def shoot(
    outdir: Path,
    screens: list[str],
    sizes: list[ScreenSize],
    kiosk_states: set[str] | None = None,
) -> int:
    """Save the pictures of `screens` at each size (one sub-folder each when several; the
    window's own size when none) in `outdir`; how many were saved."""
    outdir.mkdir(parents=True, exist_ok=True)
    draw_offscreen_without_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    KIOSK_STATES.clear()
    KIOSK_STATES.update(kiosk_states or ())
    KIOSK_SIZE[0] = None
    total = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        db = prepare_event(Path(tmp))
        window = build_shell(app, db, "door", "ko")
        try:
            window.resize(1280, 800)
            window.show()
            chosen: list[ScreenSize | None] = list(sizes) or [None]
            for size in chosen:
                folder = outdir
                if size is not None:
                    window.resize(size.width, size.height)
                    KIOSK_SIZE[0] = (size.width, size.height)
                    if len(sizes) > 1:
                        folder = outdir / size.name
                        folder.mkdir(exist_ok=True)
                for name in screens:
                    total += len(SHOOTERS[name](window, folder))
        finally:
            for index in range(window.stack.count()):
                shutdown = getattr(window.stack.widget(index), "shutdown", None)
                if callable(shutdown):
                    shutdown()
            window.context.prefs.reset()
            window.close()
            window.context.conn.close()
    return total


if __name__ == "__main__":
    raise SystemExit(main())
