"""Walking the running app through its screens, states, languages and display modes, measuring
each against the criteria: what `kiosk a11y-report` prints and what the tests assert.

The window is laid out at the panel's resolution (so a window pixel is a panel pixel). The door
is driven through its verdicts with real scans of the event's codes (recorded once, then shown
again in each language and mode); the self check-in kiosk through its flow (scan, look-up,
confirm, print, refusal, idle warning, call staff). Printing goes to a stand-in for a print system
that is not installed, so a report never prints a badge: the kiosk's "printing" page is measured
while the stand-in holds the job, "print failed" with a printer named that cannot be reached.

With `Plan.sizes`, `walk_layouts` then lays out every state of the door, the kiosk (with its
on-screen keyboard open, alone and under the idle warning) and the organiser's console (every
tab, a person's page, the import wizard with a file checked, each Sync page) at each window
size, in each language and mode: the layout criteria only (kiosk.a11y.sizes has the matrix).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.a11y import criteria as c
from kiosk.a11y.measure import (
    Measurer,
    Snapshot,
    colour_only,
    gui,
    settle,
    text_zoom,
    wait_until,
)
from kiosk.a11y.panel import Panel
from kiosk.a11y.translations import unfinished

MODES: dict[str, tuple[bool, bool]] = {
    "default": (False, False),
    "large": (True, False),
    "high_contrast": (False, True),
}
ZOOM_MODE = "text_200"
LANGUAGES = ("ko", "en")
SCREENS = ("door", "kiosk")
LAYOUT_SCREENS = ("door", "kiosk", "organiser")
DOOR_STATES = ("idle", "admit", "welcome_back", "exit", "deny", "not_recorded", "lookup")
DOOR_VERDICTS = ("admit", "welcome_back", "exit", "deny")
KIOSK_STATES = (
    "welcome",
    "find",
    "find_not_found",
    "confirm",
    "refused",
    "printing",
    "today",
    "print_failed",
    "idle_warning",
    "staff_called",
    "voice",
)
# Laid out at every size (not measured for the other criteria): the keypad's keyboard open, the
# fullest page, alone and with the idle warning over it.
KIOSK_LAYOUT_STATES = (*KIOSK_STATES, "keyboard", "keyboard_idle_warning")
ORGANISER_STATES = (
    "dashboard",
    "roster",
    "person",  # the roster with a person's page: badge preview and the badge-name editor
    "programme",
    "import",
    "import_checked",  # a file read and checked: mapping, preview, Cancel / Check again / Import
    "reports",
    "privacy",
    "sync_lists",
    "sync_doctor",
    "sync_enrol",
)
KIOSK_OUTCOMES = ("refused", "today", "print_failed")
DOOR_DAY = "2019-09-30T10:31"  # the demo's session NS1 (invitation only) is running
KIOSK_DAY = "2019-10-01T10:00"
UNREACHABLE_PRINTER = "a11y-report-no-printer"

Progress = Callable[[str], None]


class NoPrintSystem:
    """A CUPS command runner for a machine without CUPS: every command is "not installed".

    While `hold()` is in force each command waits first, so a badge job stays "printing"."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()

    def hold(self) -> None:
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def __call__(self, argv: Sequence[str]) -> Any:
        from kiosk.printing.cups import CommandMissing

        self._open.wait(30)
        raise CommandMissing(argv[0])


@dataclass
class Plan:
    """What a walk covers; the defaults are everything."""

    screens: Sequence[str] = SCREENS
    languages: Sequence[str] = LANGUAGES
    modes: Sequence[str] = tuple(MODES)
    zoom: bool = True  # also the 200 % text pass (default contrast)
    flash_sample_s: float = 1.0  # grabs sampled per screen (0: timers only)
    door_states: Sequence[str] = DOOR_STATES
    kiosk_states: Sequence[str] = KIOSK_STATES
    # The layout at each of these window sizes (w, h), of these screens: `fits_window`,
    # `no_overlap` and `text_not_clipped` only, in every language and mode and at 200 % text.
    sizes: Sequence[tuple[int, int]] = ()
    layout_screens: Sequence[str] = LAYOUT_SCREENS
    layout_states: dict[str, Sequence[str]] = field(
        default_factory=lambda: {
            "door": DOOR_STATES,
            "kiosk": KIOSK_LAYOUT_STATES,
            "organiser": ORGANISER_STATES,
        }
    )


@dataclass
class Walk:
    """The results of one walk and how far it got."""

    panel: Panel
    results: list[c.Result] = field(default_factory=list)
    states: int = 0


def walk(
    window: Any, panel: Panel, plan: Plan | None = None, progress: Progress | None = None
) -> Walk:
    """Measure `window` (a ShellWindow on an event with the demo's people) on `panel`."""
    plan = plan or Plan()
    window.resize(panel.width_px, panel.height_px)
    window.show()
    settle()
    measurer = Measurer(window, panel)
    measurer.activate()
    done = Walk(panel)
    done.results += translation_results()
    for screen in plan.screens:
        driver = make_driver(window, screen)
        states = plan.door_states if screen == "door" else plan.kiosk_states
        try:
            _walk_screen(measurer, driver, screen, states, plan, done, progress)
        finally:
            driver.finish()
    if plan.sizes:
        walk_layouts(measurer, plan, done, progress)
        window.resize(panel.width_px, panel.height_px)
    context = window.context
    context.prefs.reset()
    settle()
    return done


def make_driver(window: Any, screen: str) -> Driver:
    """The driver of one screen (shown first)."""
    window.show_mode(screen)
    settle()
    if screen == "door":
        return DoorDriver(window)
    if screen == "kiosk":
        return KioskDriver(window)
    return OrganiserDriver(window)


def walk_layouts(
    measurer: Measurer, plan: Plan, done: Walk, progress: Progress | None = None
) -> None:
    """Every state of each layout screen, in each language and mode (and 200 % text), laid out
    at each size in turn: one window, resized (a state is driven once for all sizes)."""
    window = measurer.window
    modes = [*plan.modes, ZOOM_MODE] if plan.zoom else list(plan.modes)
    for screen in plan.layout_screens:
        driver = make_driver(window, screen)
        try:
            for language in plan.languages:
                for mode in modes:
                    zoom = mode == ZOOM_MODE
                    large, high_contrast = MODES.get(mode, (True, False))
                    with text_zoom(c.TEXT_ZOOM) if zoom else nullcontext():
                        for state in plan.layout_states.get(screen, ()):
                            if progress is not None:
                                progress(f"layout {screen} {state} {language} {mode}")
                            if not driver.drive(state, language, large, high_contrast):
                                continue
                            done.states += 1
                            for width, height in plan.sizes:
                                window.resize(width, height)
                                settle(3)
                                for _ in range(3):
                                    if (window.width(), window.height()) == (width, height):
                                        break
                                    # Its minimum may have shrunk as it was laid out anew
                                    # (a scroll bar gone): a screen's size is imposed again.
                                    window.resize(width, height)
                                    settle(3)
                                where = c.Where(screen, state, language, mode, f"{width}x{height}")
                                done.results += measurer.layout(where, (width, height))
                            driver.leave(state)
        finally:
            driver.finish()


def _walk_screen(
    measurer: Measurer,
    driver: Driver,
    screen: str,
    states: Sequence[str],
    plan: Plan,
    done: Walk,
    progress: Progress | None,
) -> None:
    focus_cache: dict[tuple[Any, ...], c.Result] = {}
    sampled = False
    for language in plan.languages:
        modes = [*plan.modes, ZOOM_MODE] if plan.zoom else list(plan.modes)
        for mode in modes:
            snapshots: dict[str, Snapshot] = {}
            zoom = mode == ZOOM_MODE
            large, high_contrast = MODES.get(mode, (True, False))
            with text_zoom(c.TEXT_ZOOM) if zoom else nullcontext():
                for state in states:
                    if progress is not None:
                        progress(f"{screen} {state} {language} {mode}")
                    if not driver.drive(state, language, large, high_contrast):
                        continue
                    settle()
                    root = driver.root
                    where = c.Where(screen, state, language, mode)
                    done.states += 1
                    expected = (measurer.panel.width_px, measurer.panel.height_px)
                    if zoom:
                        done.results += measurer.clipping(root, where, expected)
                        driver.leave(state)
                        continue
                    done.results += measure_state(measurer, root, where, high_contrast, focus_cache)
                    done.results += measurer.layout(where, expected)
                    if not sampled and plan.flash_sample_s > 0 and state == driver.busiest:
                        done.results += measurer.flashing(root, where, sample_s=plan.flash_sample_s)
                        sampled = True
                    shot = driver.snapshot(measurer, state)
                    if shot is not None:
                        snapshots[state] = shot
                    driver.leave(state)
            if len(snapshots) > 1:
                where = c.Where(screen, "+".join(sorted(snapshots)), language, mode)
                done.results += colour_only(snapshots, where)
            window = measurer.window
            if (window.width(), window.height()) != (
                measurer.panel.width_px,
                measurer.panel.height_px,
            ):
                window.resize(measurer.panel.width_px, measurer.panel.height_px)
                settle()


def measure_state(
    measurer: Measurer,
    root: QWidget,
    where: c.Where,
    high_contrast: bool,
    focus_cache: dict[tuple[Any, ...], c.Result] | None = None,
) -> list[c.Result]:
    """Every per-state criterion on the screen as it is now (not the 200 % pass, colour pairs,
    sampled flashing or translation files)."""
    results = measurer.text_size(root, where)
    results += measurer.touch_targets(root, where)
    results += measurer.reach(root, where)
    results += measurer.contrast(root, where, high_contrast=high_contrast)
    results += measurer.label_in_name(root, where)
    results += measurer.flashing(root, where)
    results += measurer.focus_indicator(root, where, focus_cache)
    return results


def translation_results() -> list[c.Result]:
    """One result per translation file: how many of its strings are unfinished."""
    results = []
    for path in sorted(gui("translations").TRANSLATIONS_DIR.glob("*.ts")):
        language = path.stem.rsplit("_", 1)[-1]
        missing = unfinished(path)
        detail = "; ".join(f"{m.context}: {m.source[:40]!r}" for m in missing[:5])
        results.append(
            c.Where("all", "-", language, "-").result(
                "translations", path.name, float(len(missing)), 0.0, "strings", "max", detail=detail
            )
        )
    return results


# -- drivers ---------------------------------------------------------------------------------------


class Driver:
    """Puts one screen into each of its states."""

    busiest = ""  # the state whose grabs are sampled for flashing

    def __init__(self, window: Any) -> None:
        self.window = window
        self.context = window.context
        self._scale: float | None = None  # the large-text scale last applied

    def display(self, large: bool, high_contrast: bool) -> None:
        """Large text and high contrast as asked, applied only when they change (each change
        restyles every widget of the app, a second or more once the organiser's console is
        built); large text again when the text zoom changed what "large" means."""
        prefs = self.context.prefs
        scale = float(gui("theme").LARGE_TEXT_SCALE)
        if (prefs.large_text, prefs.high_contrast) != (large, high_contrast) or (
            large and scale != self._scale
        ):
            prefs.set(large_text=large, high_contrast=high_contrast)
        self._scale = scale

    @property
    def root(self) -> QWidget:
        screen: QWidget = self.window.current_screen()
        return screen

    def drive(self, state: str, language: str, large: bool, high_contrast: bool) -> bool:
        """Show a state in a language and mode; False when this screen cannot show it."""
        raise NotImplementedError

    def leave(self, state: str) -> None:
        """Tidy up after measuring a state."""

    def snapshot(self, measurer: Measurer, state: str) -> Snapshot | None:
        return None

    def finish(self) -> None:
        """Put things back after the walk."""


def moment_at(text: str, tz: Any) -> int:
    """A local time of the event ("2019-09-30T10:31") in epoch milliseconds."""
    from kiosk.core.clock import parse_at

    return parse_at(text, tz)


class DoorDriver(Driver):
    """The door: idle, each verdict kind, a scan not recorded, and the staff look-up."""

    busiest = "admit"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from kiosk.core.model import Direction
        from kiosk.services.issuing import current_code

        screen: Any = self.root
        self.screen = screen
        controller = screen.controller
        conn = self.context.conn
        moment = moment_at(DOOR_DAY, self.context.event.tz)
        controller.clock = lambda: moment
        controller.set_session("NS1")

        def code(registration_id: str) -> str:
            return current_code(conn, registration_id)[0]

        self.verdicts: dict[str, Any] = {}
        screen.handle_scan(code("X-0101"))
        self.verdicts["admit"] = screen.verdict
        screen.handle_scan(code("X-0101"))
        self.verdicts["welcome_back"] = screen.verdict
        controller.set_direction(Direction.OUT)
        screen.handle_scan(code("X-0101"))
        self.verdicts["exit"] = screen.verdict
        controller.set_direction(Direction.IN)
        screen.handle_scan(code("X-0102"))  # not invited to NS1
        self.verdicts["deny"] = screen.verdict
        screen.hold_timer.stop()
        screen.show_idle()

    def drive(self, state: str, language: str, large: bool, high_contrast: bool) -> bool:
        screen = self.screen
        if self.context.languages.language != language:
            self.context.languages.use(language)
        self.display(large, high_contrast)
        settle()
        if state == "idle":
            screen.show_idle()
        elif state in self.verdicts:
            verdict = self.verdicts[state]
            if verdict is None:
                return False
            screen.show_verdict(verdict)
        elif state == "not_recorded":
            screen.controller.scan_failed.emit("not recorded (a11y check)")
        elif state == "lookup":
            screen.show_idle()
            screen.lookup.field.setText("kim")
            screen.lookup.search_requested.emit("kim")
        else:
            return False
        screen.hold_timer.stop()
        return True

    def leave(self, state: str) -> None:
        if state == "lookup":
            self.screen.lookup.clear()

    def snapshot(self, measurer: Measurer, state: str) -> Snapshot | None:
        if state not in DOOR_VERDICTS:
            return None
        panel = self.screen.panel
        words = (panel.icon_label.text(), panel.headline_label.text())
        return measurer.snapshot([panel.icon_label, panel.headline_label], words)

    def finish(self) -> None:
        self.screen.hold_timer.stop()
        self.screen.show_idle()


class KioskDriver(Driver):
    """The self check-in kiosk, through its flow: every page it has now."""

    busiest = "idle_warning"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from kiosk.printing import cups
        from kiosk.services.issuing import current_code

        screen: Any = self.root
        self.screen = screen
        self.flow = screen.flow
        conn = self.context.conn
        self.codes = {rid: current_code(conn, rid)[0] for rid in ("X-0101", "X-0102", "X-0105")}
        self.print_system = NoPrintSystem()
        self._previous_runner = cups.set_runner(self.print_system)

    def _fresh(self, language: str, large: bool, high_contrast: bool) -> None:
        flow = self.flow
        self.print_system.release()
        flow.cancel()
        flow.throttle.succeeded()
        flow.choose_language(language)
        if self.context.prefs.large_text != large:
            flow.set_large_text(large)
        elif large:
            self.context.prefs.set(large_text=True)  # the text zoom may have changed the size
        if self.context.prefs.high_contrast != high_contrast:
            flow.set_high_contrast(high_contrast)
        settle()

    def drive(self, state: str, language: str, large: bool, high_contrast: bool) -> bool:
        steps = gui("selfcheckin.flow").Step
        flow = self.flow
        screen = self.screen
        if state != "today":  # today follows on from printing
            self._fresh(language, large, high_contrast)
        if state == "welcome":
            pass
        elif state == "find":
            flow.find_myself()
        elif state == "find_not_found":
            flow.find_myself()
            flow.find("KIM", "X-0999")
        elif state == "confirm":
            flow.scan(self.codes["X-0101"])
        elif state == "refused":
            flow.scan(self.codes["X-0105"])  # a cancelled registration
        elif state == "printing":
            self.print_system.hold()
            flow.scan(self.codes["X-0101"])
            flow.confirm()
            return bool(flow.step is steps.PRINTING)
        elif state == "today":
            if flow.step is not steps.PRINTING:
                self._fresh(language, large, high_contrast)
                flow.scan(self.codes["X-0101"])
                flow.confirm()
            self.print_system.release()
            return wait_until(lambda: flow.step is steps.TODAY, 15.0)
        elif state == "print_failed":
            self._set_printer(UNREACHABLE_PRINTER)
            flow.scan(self.codes["X-0102"])
            flow.confirm()
            ok = wait_until(lambda: screen.printing_page.failed, 15.0)
            self._set_printer(None)
            return ok
        elif state == "idle_warning":
            flow.scan(self.codes["X-0101"])
            screen.idle.warned.emit()
        elif state == "staff_called":
            flow.find_myself()
            flow.call_staff()
        elif state == "voice":  # the find page with the voice controls, the fullest page
            if not screen.voice.started:
                screen.voice.engine = "mock"  # the report measures; it never speaks aloud
            flow.find_myself()
            screen.voice.set_enabled(True)
        elif state in ("keyboard", "keyboard_idle_warning"):  # "I have no code", keypad 5
            flow.find_myself()
            screen.find_page.open_keyboard()
            if state == "keyboard_idle_warning":
                screen.idle.warned.emit()
        else:
            return False
        return True

    def leave(self, state: str) -> None:
        if state == "find_not_found":
            self.flow.throttle.succeeded()
        if state in ("idle_warning", "keyboard_idle_warning"):
            self.screen.idle.cleared.emit()
        if state.startswith("keyboard"):
            self.screen.find_page.keyboard_button.setChecked(False)

    def snapshot(self, measurer: Measurer, state: str) -> Snapshot | None:
        if state not in KIOSK_OUTCOMES:
            return None
        page = self.screen.stack.currentWidget()
        principal = [label for label, _rule in measurer.principal_labels(page)][:1]
        words = tuple(label.text() for label in principal)
        return measurer.snapshot(principal or [page], words)

    def _set_printer(self, name: str | None) -> None:
        from kiosk.services.badge_printing import PRINTER_SETTING
        from kiosk.store.database import transaction
        from kiosk.store.settings import put_setting

        conn = self.context.conn
        with transaction(conn):
            put_setting(conn, PRINTER_SETTING, name)

    def finish(self) -> None:
        from kiosk.printing import cups

        self.print_system.release()
        self.flow.cancel()
        settle()
        cups.set_runner(self._previous_runner)


class OrganiserDriver(Driver):
    """The organisers' console: every tab, a person's page with the badge-name editor, the
    import wizard before and after a file is checked, and each page of the Sync tab."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.screen: Any = self.root
        self.roster_file = _demo_file("roster.csv")

    def drive(self, state: str, language: str, large: bool, high_contrast: bool) -> bool:
        screen = self.screen
        if self.context.languages.language != language:
            self.context.languages.use(language)
        self.display(large, high_contrast)
        settle()
        tabs = {
            "dashboard": screen.dashboard,
            "roster": screen.roster,
            "person": screen.roster,
            "programme": screen.programme,
            "import": screen.importer,
            "import_checked": screen.importer,
            "reports": screen.reports,
            "privacy": screen.privacy,
        }
        if state in tabs:
            screen.show_tab(tabs[state])
        elif state.startswith("sync_"):
            pages = ("sync_lists", "sync_doctor", "sync_enrol")
            if state not in pages:
                return False
            screen.show_tab(screen.sync)
            screen.sync.pages.setCurrentIndex(pages.index(state))
        else:
            return False
        if state == "person":
            roster = screen.roster
            wait_until(lambda: roster.model.rowCount() > 0, 15.0)
            if not roster.select("X-0101"):
                return False
        elif state == "import_checked":
            importer = screen.importer
            importer.open_file(self.roster_file, "roster")
            if not wait_until(lambda: importer.controller.result is not None, 30.0):
                return False
        settle()
        return True

    def leave(self, state: str) -> None:
        if state == "person":
            self.screen.roster.table.clearSelection()

    def finish(self) -> None:
        self.screen.show_tab(self.screen.dashboard)
        settle()


def _demo_file(name: str) -> Any:
    """A file of the demo event (data/whrcf2019/), e.g. its roster for the import wizard."""
    from kiosk.demo.demo_event import DEMO_DIR

    return DEMO_DIR / name
