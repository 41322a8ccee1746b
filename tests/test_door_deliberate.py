"""The door never lets a scan or a few stray keys change its room, session or direction.

PRODUCT.md's door flow: staff set the room once, then guests scan all day. A short barcode (a
room sign's "211"), or a scanner typing into whatever has the focus, must not move the door to
another room: the door starts with the focus on nothing editable, its Room and Session boxes
change only on a click or with the keys and a confirmation, and keys at scanner speed that made
no scan are said on the panel, never swallowed in silence.

Keys go through Qt's real delivery path (QTest on the window handle) at scanner speed, with a
fake millisecond clock, as in test_scanner.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import test_door_screen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from test_door_screen import Door
from test_scanner import ENTER, TAB, FakeClock, keys_of, type_keys

from kiosk.core.model import Direction, Reason
from kiosk.gui.scanner import ScannerInput
from kiosk.store.settings import get_setting

SCANNER_GAP_MS = 8

# The door screen over a real event, as test_door_screen.py builds it.
door = test_door_screen.door
compiled_translations = test_door_screen.compiled_translations


@pytest.fixture
def scanner_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(qapp, door: Door, scanner_clock: FakeClock) -> Iterator[ScannerInput]:
    """The application-wide scanner filter, wired to the door as the app wires it."""
    scanner = ScannerInput(clock=scanner_clock)
    scanner.install(qapp)
    scanner.scanned.connect(door.screen.handle_scan)
    scanner.misread.connect(door.screen.handle_misread)
    yield scanner
    scanner.uninstall()


def _active(qtbot, door: Door) -> None:
    door.screen.activateWindow()
    qtbot.waitActive(door.screen)


def _settle(qtbot, scanner: ScannerInput, clock: FakeClock) -> None:
    clock.advance(1000)
    qtbot.waitUntil(lambda: not scanner.pending, timeout=2000)
    qtbot.wait(10)


def test_the_door_opens_with_the_focus_on_nothing_editable(qtbot, door: Door) -> None:
    _active(qtbot, door)
    focus = QApplication.focusWidget()
    assert focus is door.screen
    assert not isinstance(focus, QComboBox)


def test_a_room_number_scanned_while_the_room_box_has_focus_changes_nothing(
    qtbot, door: Door, wedge: ScannerInput, scanner_clock: FakeClock
) -> None:
    screen = door.screen
    screen.controller.set_room("212")
    _active(qtbot, door)
    # Staff clicked the Room box earlier: it still has the focus when a room sign is scanned.
    screen.header.room_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.header.room_combo)
    type_keys(screen.windowHandle(), [*keys_of("211"), ENTER], scanner_clock, SCANNER_GAP_MS)
    _settle(qtbot, wedge, scanner_clock)

    assert screen.controller.room == "212"
    assert screen.controller.session_id == "S3"
    assert screen.header.room_combo.currentText() == "212"
    assert get_setting(door.conn, "door_room") == "212"
    # ... and the panel says what it heard instead of staying silent.
    assert screen.panel.kind == "notice"
    assert screen.panel.headline_label.text() == "NOT READ"
    assert "too short to be a badge code" in screen.panel.primary_label.text()
    test_door_screen._save(screen, "notice-short-en")
    assert door.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0


@pytest.mark.parametrize("box", ["room_combo", "session_combo"])
def test_typing_on_a_chooser_at_any_speed_never_changes_it(qtbot, door: Door, box: str) -> None:
    screen = door.screen
    _active(qtbot, door)
    combo: QComboBox = getattr(screen.header, box)
    combo.setFocus()
    before = (screen.controller.room, screen.controller.session_id)
    for text in ("2", "212", "213", "s", "S3"):
        qtbot.keyClicks(combo, text)
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert (screen.controller.room, screen.controller.session_id) == before
    # The wheel does not choose either.
    assert not combo.view().isVisible()


def test_the_keys_choose_a_room_only_with_a_confirmation(qtbot, door: Door) -> None:
    screen = door.screen
    _active(qtbot, door)
    combo = screen.header.room_combo
    combo.setFocus()
    # Down opens the list; nothing is chosen yet.
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(combo.view().isVisible)
    assert screen.controller.room == "211"
    # Escape closes it: still nothing chosen.
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert screen.controller.room == "211"
    # Open again, move to 212 and confirm with Enter: now the door serves room 212.
    qtbot.keyClick(combo, Qt.Key.Key_Space)
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    assert screen.controller.room == "211"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert screen.controller.room == "212"
    assert screen.controller.session_id == "S3"


def test_a_badge_scanned_while_a_chooser_has_focus_is_judged_for_the_same_room(
    qtbot, door: Door, wedge: ScannerInput, scanner_clock: FakeClock
) -> None:
    screen = door.screen
    _active(qtbot, door)
    screen.header.session_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.header.session_combo)
    code = door.codes["R1"]
    type_keys(screen.windowHandle(), [*keys_of(code), ENTER], scanner_clock, SCANNER_GAP_MS)
    assert screen.verdict is not None and screen.verdict.reason is Reason.ADMITTED
    assert screen.controller.session_id == "S1"
    assert screen.controller.direction is Direction.IN


def test_a_scanner_that_ends_with_tab_is_told_to_end_with_enter(
    qtbot, door: Door, wedge: ScannerInput, scanner_clock: FakeClock
) -> None:
    screen = door.screen
    _active(qtbot, door)
    code = door.codes["R1"]
    type_keys(screen.windowHandle(), [*keys_of(code), TAB], scanner_clock, SCANNER_GAP_MS)
    _settle(qtbot, wedge, scanner_clock)
    assert screen.panel.kind == "notice"
    assert "Tab instead of Enter" in screen.panel.primary_label.text()
    assert screen.sounds.last_played == "deny"
    # Nothing recorded, and the focus did not move on to a chooser.
    assert door.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0
    assert not isinstance(QApplication.focusWidget(), QComboBox)
    test_door_screen._save(screen, "notice-tab-en")
    door.use("ko")
    assert screen.panel.headline_label.text() != "NOT READ"
    assert "Enter" in screen.panel.primary_label.text()
    test_door_screen._save(screen, "notice-tab-ko")


def test_a_code_without_its_enter_is_said_too(
    qtbot, door: Door, wedge: ScannerInput, scanner_clock: FakeClock
) -> None:
    screen = door.screen
    _active(qtbot, door)
    type_keys(screen.windowHandle(), keys_of(door.codes["R1"]), scanner_clock, SCANNER_GAP_MS)
    _settle(qtbot, wedge, scanner_clock)
    assert screen.panel.kind == "notice"
    assert "without its closing Enter" in screen.panel.primary_label.text()


def test_fast_typing_into_the_name_look_up_is_typing_not_a_misread(
    qtbot, door: Door, wedge: ScannerInput, scanner_clock: FakeClock
) -> None:
    screen = door.screen
    _active(qtbot, door)
    screen.lookup.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.lookup.field)
    type_keys(screen.windowHandle(), [*keys_of("kim"), ENTER], scanner_clock, SCANNER_GAP_MS)
    _settle(qtbot, wedge, scanner_clock)
    assert screen.lookup.field.text() == "kim"
    assert screen.panel.kind == "idle"


# -- re-entry while inside (see test_reentry.py) ---------------------------------------------


def test_the_door_shows_amber_already_inside_since(door: Door) -> None:
    screen = door.screen
    door.serve("S1")
    door.at("2019-09-30T10:31")
    screen.handle_scan(door.codes["R1"])
    door.at("2019-09-30T10:50")
    screen.handle_scan(door.codes["R1"])
    panel = screen.panel
    assert screen.verdict.reason is Reason.READMITTED
    assert panel.kind == "already_inside"
    assert panel.headline_label.text() == "ALREADY INSIDE"
    assert panel.icon_label.text() == "⚠"
    assert panel.colours()[0] == door.prefs.verdict_style("welcome_back").background  # amber
    assert "Already inside since 10:31" in panel.note_label.text()
    assert screen.sounds.last_played == "deny"  # staff hear it is not a plain welcome back
    test_door_screen._save(screen, "already-inside-en")
    door.use("ko")
    assert panel.headline_label.text() == "이미 입장함"
    assert "10:31부터 이미 입장해 있습니다" in panel.note_label.text()
    test_door_screen._save(screen, "already-inside-ko")
