"""The door screen in a real Qt window over a real SQLite event: every verdict's colour, icon and
words in both languages, occupancy, the last ten scans, the entry/exit switch, look-up by name,
"admit anyway" with a logged reason, live language switching, accessible names and the keyboard.

Set KIOSK_SCREENSHOTS=DIR to save a picture of every verdict state (English, Korean, large text,
high contrast) into DIR.
"""

from __future__ import annotations

import os
import re
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from builders import add_person, add_session, invite
from kiosk.core import keys
from kiosk.core.clock import parse_at
from kiosk.core.codes import issue_code
from kiosk.core.messages import MESSAGES, message_for
from kiosk.core.model import Direction, Reason
from kiosk.gui.door import DoorScreen
from kiosk.gui.door.scans_model import NameRole, ReasonRole
from kiosk.gui.door.sounds import SOUND_NAMES, SOUNDS_DIR
from kiosk.gui.theme import DisplayPreferences
from kiosk.gui.translations import TRANSLATIONS_DIR, LanguageSwitcher, compile_translations
from kiosk.services.checkins import CheckinService
from kiosk.services.event import load_event
from kiosk.services.issuing import issue_codes
from kiosk.store.database import transaction
from kiosk.store.settings import put_setting

SCREENSHOTS = os.environ.get("KIOSK_SCREENSHOTS")
SIZE = (1280, 800)


class Clock:
    """An injected clock staff cannot see: the time of the next scan."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@dataclass
class Door:
    screen: DoorScreen
    clock: Clock
    codes: dict[str, str]
    languages: LanguageSwitcher
    prefs: DisplayPreferences
    conn: object

    def at(self, text: str) -> None:
        self.clock.ms = parse_at(text, self.screen.door_event.tz)

    def serve(self, session_id: str, direction: Direction = Direction.IN) -> None:
        self.screen.controller.set_session(session_id)
        self.screen.controller.set_direction(direction)

    def use(self, language: str) -> None:
        self.languages.use(language)
        QApplication.processEvents()  # deliver LanguageChange to every widget


@pytest.fixture(scope="module", autouse=True)
def compiled_translations() -> None:
    """The Korean .qm files, compiled from the .ts sources when missing or older."""
    sources = sorted(TRANSLATIONS_DIR.glob("*.ts"))
    stale = [
        s
        for s in sources
        if not s.with_suffix(".qm").exists()
        or s.with_suffix(".qm").stat().st_mtime < s.stat().st_mtime
    ]
    if stale:
        compile_translations()


@pytest.fixture
def door(qtbot, qapp, event_db) -> Iterator[Door]:
    from kiosk.gui.fonts import register_fonts

    register_fonts(qapp)
    conn = event_db.conn
    # Room 211: an open session with a small capacity, then an invite-only one.
    add_session(conn, "S1", start="10:30", end="12:30", capacity=3)
    add_session(conn, "S2", start="14:00", end="16:00", invite_only=True, capacity=50)
    # Room 212: a room for one.
    add_session(conn, "S3", start="10:30", end="12:30", capacity=1, room="212")
    # Room 213: no capacity limit.
    add_session(conn, "S4", start="10:30", end="12:30", room="213")
    # Room 214: a workshop for Workshop ticket holders.
    add_session(conn, "S5", start="14:00", end="16:00", room="214", ticket_types=("Workshop",))
    add_person(conn, "R1", family="KIM", given="Minji")
    add_person(conn, "R2", family="PARK", given="Jisoo", status="cancelled")
    add_person(conn, "R3", family="LEE", given="Sora")
    add_person(conn, "R4", family="AN", given="Jean", category="invited_guest")
    add_person(conn, "R5", family="CHOI", given="Minho")
    invite(conn, "S2", "R4")
    codes = dict(issue_codes(conn, None))
    codes["R3-old"] = codes["R3"]
    codes["R3"] = dict(issue_codes(conn, ["R3"], reissue=True))["R3"]
    event = load_event(conn)
    codes["unknown"] = issue_code(
        # A genuine signature for a registration this event does not have.
        _private_key(conn),
        event.event_id,
        "R999",
        1,
    )
    codes["invalid"] = "NOT-A-BADGE-CODE"
    codes["foreign"] = issue_code(keys.new_private_key(), event.event_id, "R1", 1)

    prefs = DisplayPreferences(qapp)
    prefs.apply()
    languages = LanguageSwitcher()
    languages.use("en")
    clock = Clock(parse_at("2019-09-30T10:31", event.tz))
    screen = DoorScreen(conn, event, CheckinService(conn, event), prefs, languages, clock)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    qtbot.waitExposed(screen)
    yield Door(screen, clock, codes, languages, prefs, conn)
    languages.use("en")
    prefs.reset()
    QApplication.processEvents()  # deliver the language change while the database is open
    _dispose(screen)


def _dispose(screen: DoorScreen) -> None:
    """Stop and delete a screen before its database closes."""
    screen.tick_timer.stop()
    screen.hold_timer.stop()
    screen.close()
    screen.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _private_key(conn):
    from kiosk.services.event import load_signing_key

    return load_signing_key(conn)


# -- every reason code ---------------------------------------------------------------------------

Setup = Callable[[Door], str]


def _scan_in(session: str, at: str, who: str, direction: Direction = Direction.IN) -> Setup:
    def setup(door: Door) -> str:
        door.serve(session, direction)
        door.at(at)
        return door.codes[who]

    return setup


def _readmitted(door: Door) -> str:
    """Back after stepping out (an exit scan): a welcome back, not an "already inside"."""
    door.serve("S1")
    door.at("2019-09-30T10:31")
    door.screen.handle_scan(door.codes["R1"])
    door.serve("S1", Direction.OUT)
    door.at("2019-09-30T10:35")
    door.screen.handle_scan(door.codes["R1"])
    door.serve("S1", Direction.IN)
    door.at("2019-09-30T10:40")
    return door.codes["R1"]


def _exit(door: Door) -> str:
    door.serve("S1")
    door.screen.handle_scan(door.codes["R1"])
    door.screen.controller.set_direction(Direction.OUT)
    door.at("2019-09-30T11:00")
    return door.codes["R1"]


def _room_full(door: Door) -> str:
    door.serve("S3")
    door.screen.handle_scan(door.codes["R5"])
    return door.codes["R1"]


SCENARIOS: dict[Reason, Setup] = {
    Reason.ADMITTED: _scan_in("S1", "2019-09-30T10:31", "R1"),
    Reason.READMITTED: _readmitted,
    Reason.EXIT_RECORDED: _exit,
    Reason.UNKNOWN_CODE: _scan_in("S1", "2019-09-30T10:31", "unknown"),
    Reason.INVALID_CODE: _scan_in("S1", "2019-09-30T10:31", "invalid"),
    Reason.REVOKED: _scan_in("S1", "2019-09-30T10:31", "R3-old"),
    Reason.CANCELLED: _scan_in("S1", "2019-09-30T10:31", "R2"),
    Reason.NOT_INVITED: _scan_in("S2", "2019-09-30T14:05", "R1"),
    Reason.TICKET_REQUIRED: _scan_in("S5", "2019-09-30T14:05", "R1"),
    Reason.ROOM_FULL: _room_full,
    Reason.TOO_EARLY: _scan_in("S1", "2019-09-30T09:55", "R1"),
    Reason.SESSION_OVER: _scan_in("S1", "2019-09-30T12:30", "R1"),
}

# kind, icon, English headline, Korean headline, background (standard), sound
LOOKS = {
    "admit": ("✔", "ADMIT", "입장 가능", "#0a6b2d", "admit"),
    "welcome_back": ("➜", "WELCOME BACK", "재입장 환영", "#f2b705", "welcome_back"),
    "exit": ("⬅", "EXIT RECORDED", "퇴장 기록됨", "#0b4f8a", "exit"),
    "deny": ("✖", "NOT ADMITTED", "입장 불가", "#b00020", "deny"),
}
KIND = {
    Reason.ADMITTED: "admit",
    Reason.READMITTED: "welcome_back",
    Reason.EXIT_RECORDED: "exit",
}
HAS_PERSON = {
    Reason.ADMITTED,
    Reason.READMITTED,
    Reason.EXIT_RECORDED,
    Reason.CANCELLED,
    Reason.NOT_INVITED,
    Reason.TICKET_REQUIRED,
    Reason.ROOM_FULL,
    Reason.TOO_EARLY,
    Reason.SESSION_OVER,
}


def _panel_colour(screen: DoorScreen) -> str:
    """The colour actually painted inside the verdict panel, near its bottom edge."""
    image = screen.panel.grab().toImage()
    return QColor(image.pixel(image.width() // 2, image.height() - 12)).name()


def _save(screen: DoorScreen, name: str) -> None:
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        assert screen.grab().save(str(folder / f"door-{name}.png"))


@pytest.mark.parametrize("reason", list(SCENARIOS), ids=lambda r: r.value)
def test_every_reason_shows_colour_icon_words_and_sound(door: Door, reason: Reason) -> None:
    screen = door.screen
    code = SCENARIOS[reason](door)
    screen.handle_scan(code)

    verdict = screen.verdict
    assert verdict is not None and verdict.reason is reason
    kind = KIND.get(reason, "deny")
    icon, headline_en, headline_ko, background, sound = LOOKS[kind]
    panel = screen.panel
    assert panel.kind == kind
    assert panel.icon_label.text() == icon
    assert panel.headline_label.text() == headline_en
    assert panel.colours()[0] == background
    assert background in panel.styleSheet()
    assert _panel_colour(screen) == background
    assert screen.sounds.last_played == sound
    # The reason in the screen's language first, then the other one: the core's own words
    # (a ticket refusal names the session's ticket types).
    words = message_for(reason, ticket_types=verdict.ticket_types)
    assert panel.primary_label.text() == words["en"]
    assert panel.secondary_label.text() == words["ko"]
    assert panel.primary_label.isVisible() and panel.secondary_label.isVisible()
    if reason in HAS_PERSON:
        assert panel.person_label.text().startswith(verdict.attendee.name)
        assert "Participant" in panel.person_label.text()
    else:
        assert panel.person_label.text() == "" and not panel.person_label.isVisible()
    assert panel.accessibleDescription().startswith(headline_en)
    assert verdict.attendee is None or verdict.attendee.name not in panel.accessibleDescription()
    # Big text: the headline is larger than the reason, the reason larger than the list.
    assert panel.headline_label.font().pointSizeF() >= 40
    _save(screen, f"{reason.value}-en")

    door.use("ko")
    assert panel.kind == kind and panel.icon_label.text() == icon
    assert panel.headline_label.text() == headline_ko
    assert panel.primary_label.text() == words["ko"]
    assert panel.secondary_label.text() == words["en"]
    if reason in HAS_PERSON:
        assert "참가자" in panel.person_label.text()
    _save(screen, f"{reason.value}-ko")

    door.use("en")
    door.prefs.set(large_text=True)
    # Larger than standard (60 pt where it fits; a long verdict on a laptop's screen shrinks
    # its words just enough that no line is cut).
    assert panel.headline_label.font().pointSizeF() > 40
    assert not panel._cut()
    _save(screen, f"{reason.value}-en-large")
    door.prefs.set(large_text=False, high_contrast=True)
    hc_background = door.prefs.verdict_style(kind).background if kind != "exit" else "#000000"
    assert panel.colours()[0] == hc_background
    assert _panel_colour(screen) == hc_background
    assert panel.icon_label.text() == icon
    _save(screen, f"{reason.value}-en-contrast")
    door.use("ko")
    door.prefs.set(large_text=True, high_contrast=True)
    _save(screen, f"{reason.value}-ko-large-contrast")


def test_idle_state_and_screenshots_of_it(door: Door) -> None:
    screen = door.screen
    assert screen.panel.kind == "idle"
    assert screen.panel.headline_label.text() == "Ready to scan"
    _save(screen, "idle-en")
    door.use("ko")
    assert screen.panel.headline_label.text() == "스캔 대기 중"
    _save(screen, "idle-ko")


def test_the_verdict_returns_to_ready_after_a_few_seconds(qtbot, door: Door) -> None:
    screen = door.screen
    screen.hold_timer.setInterval(50)
    door.serve("S2")
    door.at("2019-09-30T14:05")
    screen.handle_scan(door.codes["R1"])
    assert screen.panel.kind == "deny"
    qtbot.waitUntil(lambda: screen.panel.kind == "idle", timeout=2000)
    assert screen.panel.headline_label.text() == "Ready to scan"
    # Clearing the panel rushes nobody: "admit anyway" for that person is still offered.
    assert screen.override_button.isEnabled()
    assert "KIM Minji" in screen.override_button.text()


def test_the_next_scan_replaces_the_verdict_at_once(door: Door) -> None:
    screen = door.screen
    screen.handle_scan(door.codes["invalid"])
    assert screen.panel.kind == "deny"
    screen.handle_scan(door.codes["R1"])
    assert screen.panel.kind == "admit"
    assert screen.hold_timer.isActive()


def test_a_blank_scan_changes_nothing(door: Door) -> None:
    screen = door.screen
    screen.handle_scan("   ")
    assert screen.panel.kind == "idle"
    assert screen.controller.recent.rowCount() == 0


def test_the_sound_files_are_distinct_small_wavs() -> None:
    contents = set()
    for name in SOUND_NAMES:
        path = SOUNDS_DIR / f"{name}.wav"
        with wave.open(str(path)) as wav:
            assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
            seconds = wav.getnframes() / wav.getframerate()
            assert 0.15 < seconds < 1.0
        assert path.stat().st_size < 64_000
        contents.add(path.read_bytes())
    assert len(contents) == len(SOUND_NAMES)


def test_sounds_fail_quietly_without_an_audio_device(tmp_path, door: Door) -> None:
    from kiosk.gui.door.sounds import DoorSounds

    silent = DoorSounds(directory=tmp_path)  # no files at all
    assert not silent.available("admit")
    silent.play("admit")
    assert silent.last_played == "admit"
    door.screen.handle_scan(door.codes["R1"])  # the real files, no device here
    assert door.screen.panel.kind == "admit"


# -- the session this door serves ----------------------------------------------------------------


def test_the_door_serves_the_session_running_or_next_in_its_room(door: Door) -> None:
    screen = door.screen
    header = screen.header
    assert screen.controller.room == "211"
    assert screen.controller.session_id == "S1"
    assert header.session_combo.currentText().endswith("Session S1")
    assert header.door_label.text() == "Door of room 211: Session S1"
    assert "capacity 3" in header.details_label.text()
    assert header.event_label.text() == "Test Forum"

    # After S1 the door follows the programme to S2, the next in room 211.
    door.at("2019-09-30T12:31")
    screen.tick()
    assert screen.controller.session_id == "S2"
    assert "Invited guests, speakers and staff only" in header.details_label.text()

    # Staff choose another room: it is remembered, and its session is served.
    header.room_combo.setCurrentIndex(header.room_combo.findText("212"))
    header.room_combo.activated.emit(header.room_combo.currentIndex())
    assert screen.controller.session_id == "S3"
    from kiosk.store.settings import get_setting

    assert get_setting(door.conn, "door_room") == "212"


def test_a_workshop_door_says_whose_tickets_it_admits(door: Door) -> None:
    screen = door.screen
    door.serve("S5")
    door.at("2019-09-30T14:05")
    details = screen.header.details_label
    assert "For Workshop ticket holders" in details.text()
    door.screen.handle_scan(door.codes["R1"])  # R1 holds no Workshop ticket
    assert screen.verdict.reason is Reason.TICKET_REQUIRED
    assert "Workshop ticket holders" in screen.panel.primary_label.text()
    door.use("ko")
    assert "Workshop 티켓 소지자 전용" in details.text()
    assert "Workshop 티켓 소지자" in screen.panel.primary_label.text()


def test_a_session_chosen_by_staff_stays(door: Door) -> None:
    screen = door.screen
    combo = screen.header.session_combo
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert screen.controller.session_id == "S2"
    door.at("2019-09-30T10:45")
    screen.tick()
    assert screen.controller.session_id == "S2"  # not moved back to S1


def test_a_door_remembers_its_room(qtbot, door: Door) -> None:
    with transaction(door.conn):
        put_setting(door.conn, "door_room", "212")
    screen = door.screen
    again = DoorScreen(
        door.conn,
        screen.door_event,
        screen.controller.service,
        door.prefs,
        door.languages,
        door.clock,
    )
    assert again.controller.room == "212" and again.controller.session_id == "S3"
    _dispose(again)


def test_last_sync_time(door: Door) -> None:
    header = door.screen.header
    assert header.sync_label.text() == "Last sync: never"
    with transaction(door.conn):
        synced = parse_at("2019-09-30T09:15", door.screen.door_event.tz)
        put_setting(door.conn, "last_sync_ms", synced)
    door.screen.tick()
    assert header.sync_label.text() == "Last sync: 09:15"
    door.use("ko")
    assert header.sync_label.text() == "마지막 동기화: 09:15"


# -- occupancy, the last ten, the direction --------------------------------------------------------


def test_occupancy_bar_counts_in_and_out(door: Door) -> None:
    screen = door.screen
    bar: QProgressBar = screen.occupancy.bar
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 3, 0)
    assert bar.text() == "0 / 3"
    screen.handle_scan(door.codes["R1"])
    screen.handle_scan(door.codes["R3"])
    assert bar.value() == 2 and bar.text() == "2 / 3"
    assert bar.accessibleDescription() == "2 people inside of a capacity of 3"
    assert screen.occupancy.status.text() == ""
    screen.handle_scan(door.codes["R1"])  # re-entry while inside: not counted twice
    assert bar.value() == 2
    screen.handle_scan(door.codes["R5"])
    assert bar.text() == "3 / 3"
    assert screen.occupancy.status.text().startswith("■ Room full")
    screen.direction.exit_button.click()
    screen.handle_scan(door.codes["R5"])
    assert bar.value() == 2 and bar.text() == "2 / 3"
    door.use("ko")
    assert bar.accessibleDescription() == "정원 3명 중 2명 입장"
    # A session without a limit: no busy animation, the count in words.
    screen.controller.set_session("S4")
    assert bar.maximum() == 1 and bar.value() == 0
    assert bar.text() == "0명 입장 · 제한 없음"
    door.use("en")
    assert bar.text() == "0 inside · no limit"


def test_the_last_ten_scans_newest_first_without_personal_details(door: Door) -> None:
    screen = door.screen
    model = screen.controller.recent
    screen.handle_scan(door.codes["R1"])
    for n in range(11):
        screen.handle_scan(f"BAD-{n}")
    screen.handle_scan(door.codes["R2"])
    assert model.rowCount() == 10
    top = model.index(0, 0)
    assert top.data(ReasonRole) == "cancelled"
    assert top.data(NameRole) == "PARK Jisoo"
    assert "10:31:00" in top.data() and "Cancelled" in top.data() and "✖" in top.data()
    assert model.index(1, 0).data(NameRole) == "—"
    assert model.index(1, 0).data().endswith("✖ Invalid code · —")
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert not any("@" in row or door.codes["R2"] in row for row in rows)
    assert all(model.index(r, 0).data(NameRole) != "KIM Minji" for r in range(10))  # dropped
    door.use("ko")
    assert "취소된 등록" in model.index(0, 0).data()
    # The list is read back from the log after a restart.
    again = DoorScreen(
        door.conn,
        screen.door_event,
        screen.controller.service,
        door.prefs,
        door.languages,
        door.clock,
    )
    assert again.controller.recent.rowCount() == 10
    assert again.controller.recent.index(0, 0).data(NameRole) == "PARK Jisoo"
    _dispose(again)


def test_occupancy_warns_in_words_before_the_room_is_full(door: Door) -> None:
    view = door.screen.occupancy
    view.set_occupancy(45, 50)
    assert view.status.text() == "▲ Nearly full: 5 places left"
    assert view.bar.value() == 45 and view.bar.text() == "45 / 50"
    view.set_occupancy(52, 50)  # staff admitted two anyway
    assert view.bar.value() == 50 and view.bar.text() == "52 / 50"
    assert view.status.text().startswith("■ Room full")


def test_entry_exit_switch_changes_direction(qtbot, door: Door) -> None:
    screen = door.screen
    switch = screen.direction
    assert switch.entry_button.isChecked() and screen.controller.direction is Direction.IN
    screen.handle_scan(door.codes["R1"])
    assert screen.verdict.reason is Reason.ADMITTED
    qtbot.mouseClick(switch.exit_button, Qt.MouseButton.LeftButton)
    assert screen.controller.direction is Direction.OUT
    assert screen.panel.kind == "idle"  # the switch shows at once which way the door counts
    assert switch.exit_button.text().startswith("●") and switch.entry_button.text().startswith("○")
    assert "leaving" in screen.panel.primary_label.text()
    screen.handle_scan(door.codes["R1"])
    assert screen.verdict.reason is Reason.EXIT_RECORDED
    assert screen.verdict.direction is Direction.OUT
    qtbot.mouseClick(switch.entry_button, Qt.MouseButton.LeftButton)
    assert screen.controller.direction is Direction.IN
    screen.handle_scan(door.codes["R1"])
    assert screen.verdict.reason is Reason.READMITTED


# -- staff tools -----------------------------------------------------------------------------------


def test_look_up_by_name_then_admit(qtbot, door: Door) -> None:
    screen = door.screen
    lookup = screen.lookup
    qtbot.keyClicks(lookup.field, "minji")
    qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
    assert lookup.model.rowCount() == 1
    assert lookup.model.index(0, 0).data().startswith("KIM Minji")
    assert lookup.status.text().startswith("1 people found") or "1" in lookup.status.text()
    assert lookup.checkin_button.isEnabled()
    qtbot.mouseClick(lookup.checkin_button, Qt.MouseButton.LeftButton)
    assert screen.verdict.reason is Reason.ADMITTED
    assert screen.verdict.attendee.registration_id == "R1"
    assert screen.panel.headline_label.text() == "ADMIT"
    # No names are left behind in the look-up.
    assert lookup.model.rowCount() == 0 and lookup.field.text() == ""
    row = door.conn.execute(
        "SELECT registration_id, session_id, reason FROM checkins ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row == ("R1", "S1", "admitted")


def test_look_up_of_a_hangul_name_with_or_without_the_space(qtbot, door: Door) -> None:
    """pretix gives Korean names in Hangul in its family and given name fields."""
    add_person(door.conn, "R7", family="김", given="민준")
    lookup = door.screen.lookup
    for query in ("김민준", "김 민준"):
        lookup.field.setText(query)  # as a Korean input method commits it
        qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
        assert lookup.model.rowCount() == 1, query
        assert lookup.model.index(0, 0).data().startswith("김민준")


def test_look_up_of_a_cancelled_person_is_refused(qtbot, door: Door) -> None:
    lookup = door.screen.lookup
    qtbot.keyClicks(lookup.field, "park")
    qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
    assert lookup.model.index(0, 0).data().endswith("— cancelled")
    qtbot.mouseClick(lookup.checkin_button, Qt.MouseButton.LeftButton)
    assert door.screen.verdict.reason is Reason.CANCELLED


def test_look_up_finds_nobody_politely(qtbot, door: Door) -> None:
    lookup = door.screen.lookup
    qtbot.keyClicks(lookup.field, "nobody here")
    qtbot.keyClick(lookup.field, Qt.Key.Key_Return)
    assert lookup.model.rowCount() == 0
    assert lookup.status.text().startswith("Nobody found")
    assert not lookup.checkin_button.isEnabled()


def test_admit_anyway_requires_a_reason_and_is_logged(qtbot, door: Door) -> None:
    screen = door.screen
    assert not screen.override_button.isEnabled()
    door.serve("S2")
    door.at("2019-09-30T14:05")
    screen.handle_scan(door.codes["R1"])
    assert screen.verdict.reason is Reason.NOT_INVITED
    assert screen.override_button.isEnabled()
    assert screen.override_button.text() == "Admit anyway: KIM Minji…"

    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    dialog = screen.override_dialog
    assert dialog is not None and dialog.isVisible()
    assert "KIM Minji" in dialog.question.text()
    assert MESSAGES[Reason.NOT_INVITED]["en"] in dialog.question.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # no reason: nothing happens
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "Speaker's interpreter, approved by secretariat")
    assert dialog.ok_button.isEnabled()
    _save(dialog, "override-dialog-en")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert screen.verdict.reason is Reason.ADMITTED
    assert screen.panel.kind == "admit"
    assert "Speaker's interpreter" in screen.panel.note_label.text()
    assert not screen.override_button.isEnabled()
    rows = door.conn.execute(
        "SELECT reason, override_reason FROM checkins WHERE session_id = 'S2' ORDER BY id"
    ).fetchall()
    assert rows == [
        ("not_invited", None),
        ("admitted", "Speaker's interpreter, approved by secretariat"),
    ]
    top = screen.controller.recent.index(0, 0).data()
    assert "Admitted anyway" in top


def test_admit_anyway_can_be_cancelled(qtbot, door: Door) -> None:
    screen = door.screen
    door.at("2019-09-30T09:50")
    screen.handle_scan(door.codes["R1"])
    assert screen.verdict.reason is Reason.TOO_EARLY
    dialog = screen.open_override_dialog()
    qtbot.keyClicks(dialog.field, "a reason")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.verdict.reason is Reason.TOO_EARLY
    count = door.conn.execute("SELECT count(*) FROM checkins WHERE reason = 'admitted'")
    assert count.fetchone()[0] == 0


@pytest.mark.parametrize("who", ["invalid", "unknown", "R3-old", "R2"])
def test_admit_anyway_is_never_offered_for_code_problems(door: Door, who: str) -> None:
    door.screen.handle_scan(door.codes[who])
    assert door.screen.panel.kind == "deny"
    assert not door.screen.override_button.isEnabled()
    assert door.screen.open_override_dialog() is None


def test_admit_anyway_applies_to_the_person_it_was_opened_for(qtbot, door: Door) -> None:
    screen = door.screen
    door.serve("S2")
    door.at("2019-09-30T14:05")
    screen.handle_scan(door.codes["R1"])
    dialog = screen.open_override_dialog()
    screen.handle_scan(door.codes["R4"])  # an invited guest scans meanwhile
    qtbot.keyClicks(dialog.field, "approved")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    row = door.conn.execute(
        "SELECT registration_id FROM checkins WHERE override_reason IS NOT NULL"
    ).fetchone()
    assert row == ("R1",)


# -- language, accessibility, keyboard -------------------------------------------------------------

ALLOWED_LATIN = re.compile(
    r"Test Forum|KIM Minji|PARK Jisoo|LEE Sora|AN Jean|CHOI Minho|English"
    r"|\bR\d+\b|\bS\d\b|\(&[A-Z]\)"
)


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every string a person can see or hear on a widget tree (with where it was found)."""
    texts: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = widget.objectName() or type(widget).__name__
        for kind, text in (
            ("accessibleName", widget.accessibleName()),
            ("accessibleDescription", widget.accessibleDescription()),
            ("toolTip", widget.toolTip()),
        ):
            texts.append((f"{where}.{kind}", text))
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((f"{where}.text", widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append((f"{where}.placeholder", widget.placeholderText()))
            texts.append((f"{where}.text", widget.text()))
        if isinstance(widget, QProgressBar):
            texts.append((f"{where}.text", widget.text()))
        if isinstance(widget, QComboBox):
            texts.extend((f"{where}.item", widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                (f"{where}.row", str(model.index(r, 0).data())) for r in range(model.rowCount())
            )
        if widget.isWindow():
            texts.append((f"{where}.windowTitle", widget.windowTitle()))
    return texts


def _english_left(root: QWidget) -> list[tuple[str, str]]:
    left = []
    for where, text in _visible_texts(root):
        if where.startswith("verdictSecondary") or where == "lookupField.text":
            continue  # the other language on purpose; what staff typed
        if re.search(r"[A-Za-z]", ALLOWED_LATIN.sub("", text)):
            left.append((where, text))
    return left


def _fill_the_screen(qtbot, door: Door) -> None:
    """Every part shows something: a denial with an override offer, scans, search results."""
    screen = door.screen
    screen.handle_scan(door.codes["R1"])
    screen.handle_scan(door.codes["invalid"])
    door.serve("S2")
    door.at("2019-09-30T14:05")
    screen.handle_scan(door.codes["R1"])
    qtbot.keyClicks(screen.lookup.field, "mi")
    qtbot.keyClick(screen.lookup.field, Qt.Key.Key_Return)
    assert screen.lookup.model.rowCount() == 2


def test_language_switch_changes_every_visible_string(qtbot, door: Door) -> None:
    screen = door.screen
    _fill_the_screen(qtbot, door)
    english = dict(_visible_texts(screen))
    assert english["overrideButton.text"] == "Admit anyway: KIM Minji…"

    door.use("ko")
    assert _english_left(screen) == []
    assert screen.panel.headline_label.text() == "입장 불가"
    assert screen.header.door_label.text() == "211 회의실 출입구: 세션 S2"
    assert screen.lookup.model.index(0, 0).data().count("참가자") == 1
    assert screen.header.language_button.text() == "English"
    dialog = screen.open_override_dialog()
    assert _english_left(dialog) == []
    assert dialog.windowTitle() == "예외 입장"
    dialog.reject()
    _save(screen, "filled-ko")

    # And back, live: no Korean left outside the reason's second line, names and titles.
    door.use("en")
    for where, text in _visible_texts(screen):
        if where.startswith(("verdictSecondary", "languageButton")):
            continue
        assert not re.search(r"[\uac00-\ud7a3]", text), (where, text)


def test_every_interactive_widget_has_an_accessible_name(qtbot, door: Door) -> None:
    screen = door.screen
    _fill_the_screen(qtbot, door)
    dialog = screen.open_override_dialog()
    missing = []
    for root in (screen, dialog):
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisibleTo(root):
                continue
            focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            interactive = focusable or isinstance(widget, QAbstractButton | QProgressBar)
            if interactive and not widget.accessibleName().strip():
                missing.append(widget.objectName() or type(widget).__name__)
    assert missing == []
    assert screen.panel.accessibleName() == "Verdict"
    dialog.reject()


def test_accessible_names_contain_the_words_shown_in_both_languages(qtbot, door: Door) -> None:
    """A voice user says what they see: each control's name holds its visible words (or its
    caption's), in Korean as in English; the person's name only where it is on the button."""
    from kiosk.a11y.criteria import label_in_name

    screen = door.screen
    _fill_the_screen(qtbot, door)
    header, lookup = screen.header, screen.lookup
    for language in ("en", "ko"):
        door.use(language)
        for widget, shown in (
            (header.language_button, header.language_button.text()),
            (screen.override_button, screen.override_button.text()),
            (lookup.search_button, lookup.search_button.text()),
            (lookup.checkin_button, lookup.checkin_button.text()),
            (lookup.field, lookup.caption.text()),
        ):
            name = widget.accessibleName()
            assert label_in_name(shown, name), (language, widget.objectName(), shown, name)
    assert header.language_button.accessibleName() == "English (언어 변경)"
    assert screen.override_button.accessibleName() == "예외 입장: KIM Minji"


def test_controls_and_result_rows_are_touch_sized_and_apart(qtbot, door: Door) -> None:
    from kiosk.gui.door.touch import GAP_PX, TARGET_PX

    screen = door.screen
    _fill_the_screen(qtbot, door)
    header, lookup = screen.header, screen.lookup
    for widget in (
        header.room_combo,
        header.session_combo,
        header.language_button,
        lookup.field,
        lookup.search_button,
        lookup.checkin_button,
    ):
        assert widget.height() >= TARGET_PX, widget.objectName()
    assert lookup.search_button.x() - lookup.field.geometry().right() - 1 >= GAP_PX
    model, results = lookup.model, lookup.results
    rows = [results.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    assert len(rows) == 2 and all(rect.height() >= TARGET_PX for rect in rows)
    assert rows[1].top() - rows[0].bottom() - 1 >= GAP_PX
    # Long rows wrap rather than scroll sideways; scroll bars are a finger wide.
    assert results.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert screen.recent.list.verticalScrollBar().sizeHint().width() >= TARGET_PX


def _tab_to(qtbot, start: QWidget, target: QWidget, limit: int = 30) -> int:
    """Press Tab from `start` until `target` has the focus; the number of presses."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=1000)
    for presses in range(1, limit + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is target:
            return presses
    raise AssertionError(f"{target.objectName()} not reached with Tab")


def test_keyboard_only_look_up_and_direction(qtbot, door: Door) -> None:
    screen = door.screen
    screen.activateWindow()
    qtbot.waitActive(screen)
    header = screen.header

    # Tab from the first control to the look-up, type, Enter; arrows and Enter admit.
    presses = _tab_to(qtbot, header.room_combo, screen.lookup.field)
    # session, language, (admit anyway is disabled), direction, last scans, look-up
    assert presses == 5
    qtbot.keyClicks(screen.lookup.field, "minji")
    qtbot.keyClick(screen.lookup.field, Qt.Key.Key_Return)
    qtbot.keyClick(screen.lookup.field, Qt.Key.Key_Tab)  # the search button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the results
    assert QApplication.focusWidget() is screen.lookup.results
    qtbot.keyClick(screen.lookup.results, Qt.Key.Key_Return)
    assert screen.verdict.reason is Reason.ADMITTED
    assert screen.verdict.attendee.registration_id == "R1"

    # Tab on to the direction switch (the chosen button, as with radio buttons); the arrow
    # keys switch to exit and back.
    _tab_to(qtbot, screen.lookup.field, screen.direction.entry_button)
    qtbot.keyClick(screen.direction.entry_button, Qt.Key.Key_Right)
    assert screen.controller.direction is Direction.OUT
    assert QApplication.focusWidget() is screen.direction.exit_button
    assert screen.panel.primary_label.text().startswith("Exit scanning")
    qtbot.keyClick(screen.direction.exit_button, Qt.Key.Key_Left)
    assert screen.controller.direction is Direction.IN
    assert QApplication.focusWidget() is screen.direction.entry_button
    # Tab from the switch goes on (to the list of scans), not to the other direction.
    qtbot.keyClick(screen.direction.entry_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.recent.list

    # The session chooser works with the arrow keys too: Down opens its list, Down moves,
    # Enter confirms (the choice never changes without the confirmation).
    combo = header.session_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(combo.view().isVisible)
    assert screen.controller.session_id == "S1"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert screen.controller.session_id == "S2"
    assert screen.controller.pinned


def test_keyboard_only_admit_anyway(qtbot, door: Door) -> None:
    screen = door.screen
    screen.activateWindow()
    qtbot.waitActive(screen)
    door.serve("S2")
    door.at("2019-09-30T14:05")
    screen.handle_scan(door.codes["R1"])
    _tab_to(qtbot, screen.header.room_combo, screen.override_button)
    qtbot.keyClick(screen.override_button, Qt.Key.Key_Space)
    dialog = screen.override_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field, timeout=1000)
    qtbot.keyClicks(dialog.field, "approved at the desk")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert screen.verdict.reason is Reason.ADMITTED
    assert screen.verdict.override_reason == "approved at the desk"


def test_focus_ring_is_drawn_by_the_theme(door: Door) -> None:
    from kiosk.gui.theme import THEMES_DIR

    sheet = (THEMES_DIR / "standard.qss").read_text(encoding="utf-8")
    assert "QPushButton:focus" in sheet and "QLineEdit:focus" in sheet
    # The door does not override the focus border of its own buttons.
    assert "border" not in door.screen.direction.styleSheet()


def test_a_day_of_scanning_does_not_wear_out_the_interpreter(door: Door) -> None:
    """Hundreds of scans leave the interpreter's singletons alone (PySide6 6.12.0 on Python
    3.11 lost a reference on every void call; pyproject.toml keeps PySide6 below it)."""
    import gc
    import sys

    screen = door.screen
    gc.collect()  # garbage of earlier tests, freed during the loop, would look like a leak
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(300):
        screen.handle_scan(door.codes["R1"] if n % 2 else f"BAD-{n}")
    assert screen.controller.recent.rowCount() == 10
    assert none_before - sys.getrefcount(None) < 300
    assert true_before - sys.getrefcount(True) < 300


def test_a_door_without_any_session_refuses_politely(qtbot, qapp, event_db) -> None:
    conn = event_db.conn
    add_person(conn, "R1")
    code = dict(issue_codes(conn, ["R1"]))["R1"]
    event = load_event(conn)
    prefs = DisplayPreferences(qapp)
    languages = LanguageSwitcher()
    languages.use("en")
    screen = DoorScreen(conn, event, CheckinService(conn, event), prefs, languages)
    try:
        assert screen.controller.session_id is None
        assert screen.header.door_label.text() == "Door of room —: no session"
        screen.handle_scan(code)
        assert screen.verdict.reason is Reason.UNKNOWN_SESSION
        assert screen.panel.kind == "deny"
        assert screen.panel.primary_label.text() == MESSAGES[Reason.UNKNOWN_SESSION]["en"]
        assert not screen.override_button.isEnabled()
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 0
    finally:
        _dispose(screen)
