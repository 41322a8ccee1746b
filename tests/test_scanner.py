"""The keyboard-wedge scanner at a door: scans work anywhere, people typing are left alone.

Keys go through Qt's real delivery path (QTest on the window handle: ShortcutOverride, then the
key press to the focused widget), with a fake millisecond clock that the test advances between
keys, so timing is simulated without sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import (
    QAction,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QWindow,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ime import type_with_ime
from kiosk.core.codes import issue_code, normalise, parse_code, signature_valid
from kiosk.core.keys import new_private_key
from kiosk.gui.scanner import CodeCleaner, Debouncer, ScannerInput, clean_text

SCANNER_GAP_MS = 8  # a USB scanner types a key every few milliseconds
TYPIST_GAP_MS = 150  # a quick person


class FakeClock:
    """Milliseconds that move only when the test says so."""

    def __init__(self) -> None:
        self.ms = 5_000_000.0

    def __call__(self) -> float:
        return self.ms

    def advance(self, ms: float) -> None:
        self.ms += ms


@dataclass(frozen=True)
class Key:
    key: Qt.Key
    text: str = ""
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier


def key_for(char: str, *, caps_lock: bool = False) -> Key:
    """The key a US-layout scanner presses for a character (Shift for capitals)."""
    if char.isalpha() and char.isascii():
        key = Qt.Key(Qt.Key.Key_A.value + ord(char.upper()) - ord("A"))
        shifted = char.isupper() != caps_lock  # Caps Lock inverts what Shift does
        mods = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        return Key(key, char, mods)
    if char.isdigit():
        return Key(Qt.Key(Qt.Key.Key_0.value + int(char)), char)
    special = {
        "-": Qt.Key.Key_Minus,
        "_": Qt.Key.Key_Underscore,
        "[": Qt.Key.Key_BracketLeft,
        "=": Qt.Key.Key_Equal,
        "+": Qt.Key.Key_Plus,
        "/": Qt.Key.Key_Slash,
    }
    if char in special:
        return Key(special[char], char)
    # Hangul from an IME, as some platforms report it in the key event itself.
    return Key(Qt.Key.Key_unknown, char)


ENTER = Key(Qt.Key.Key_Return, "\r")
ESCAPE = Key(Qt.Key.Key_Escape, "\x1b")
TAB = Key(Qt.Key.Key_Tab, "\t")
CTRL_Q = Key(Qt.Key.Key_Q, "\x11", Qt.KeyboardModifier.ControlModifier)
ALT_F4 = Key(Qt.Key.Key_F4, "", Qt.KeyboardModifier.AltModifier)


def keys_of(text: str, *, caps_lock: bool = False) -> list[Key]:
    return [key_for(char, caps_lock=caps_lock) for char in text]


def ansi(text: str) -> list[Key]:
    """An escape sequence such as "\\x1b[2J" as the keys a scanner would press."""
    return [ESCAPE if char == "\x1b" else key_for(char) for char in text]


def press(window: QWindow, key: Key) -> None:
    QTest.sendKeyEvent(QTest.KeyAction.Press, window, key.key, key.text, key.modifiers)
    QTest.sendKeyEvent(QTest.KeyAction.Release, window, key.key, key.text, key.modifiers)


def type_keys(window: QWindow, keys: list[Key], clock: FakeClock, gap_ms: float) -> None:
    for key in keys:
        clock.advance(gap_ms)
        press(window, key)


class Door(QWidget):
    """A stand-in door screen: a look-up field and the shortcuts a real screen might have."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.lookup = QLineEdit()
        self.lookup.setAccessibleName("Look-up by name")
        layout.addWidget(self.lookup)
        layout.addWidget(QLabel("Scan a badge"))
        self.admit_anyway = QPushButton("Admit anyway")
        self.admit_anyway.setAutoDefault(True)
        self.clicks: list[bool] = []
        self.admit_anyway.clicked.connect(lambda: self.clicks.append(True))
        layout.addWidget(self.admit_anyway)
        self.fired: list[str] = []
        for sequence in ("Ctrl+Q", "Esc", "Tab", "A", "Shift+J"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(lambda s=sequence: self.fired.append(s))
        self.close_action = QAction("Close", self)
        self.close_action.setShortcut(QKeySequence("Alt+F4"))
        self.close_action.triggered.connect(lambda: self.fired.append("Alt+F4"))
        self.addAction(self.close_action)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scanner(qapp, clock: FakeClock) -> Iterator[ScannerInput]:
    scanner = ScannerInput(clock=clock)
    scanner.install(qapp)
    yield scanner
    scanner.uninstall()


@pytest.fixture
def door(qtbot) -> Door:
    door = Door()
    qtbot.addWidget(door)
    door.show()
    door.activateWindow()
    qtbot.waitActive(door)
    door.lookup.setFocus()
    return door


@pytest.fixture(scope="module")
def signing_key():
    return new_private_key()


@pytest.fixture
def code(signing_key) -> str:
    return issue_code(signing_key, "whrcf2019", "R-000123", 0)


def scans(scanner: ScannerInput) -> list[str]:
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    return seen


def settle(qtbot, scanner: ScannerInput, clock: FakeClock) -> None:
    """A second later: whatever run was still open has been resolved (typed or dropped)."""
    clock.advance(1000)
    qtbot.waitUntil(lambda: not scanner.pending, timeout=2000)
    qtbot.wait(10)


# -- scans anywhere ---------------------------------------------------------------------------


def test_a_badge_scanned_while_the_lookup_field_has_focus_is_a_scan_not_typing(
    qtbot, scanner, door, clock, code
):
    seen = scans(scanner)
    type_keys(door.windowHandle(), [*keys_of(code), ENTER], clock, SCANNER_GAP_MS)
    assert seen == [code]
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""
    assert seen == [code]
    assert door.fired == []  # every code starts with "A": the bare-letter shortcut stayed quiet


def test_a_scan_works_when_no_widget_has_focus(qtbot, scanner, door, clock, code):
    door.lookup.clearFocus()
    door.setFocus()
    assert not door.lookup.hasFocus()
    seen = scans(scanner)
    type_keys(door.windowHandle(), [*keys_of(code), ENTER], clock, SCANNER_GAP_MS)
    assert seen == [code]
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


def test_keys_sent_straight_to_a_widget_are_recognised_too(qtbot, scanner, door, clock, code):
    """Events sent to the widget itself (no window step, as qtbot.keyClicks does)."""
    seen = scans(scanner)
    for char in code:
        clock.advance(SCANNER_GAP_MS)
        qtbot.keyClicks(door.lookup, char)
    qtbot.keyClick(door.lookup, Qt.Key.Key_Return)
    assert seen == [code]
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


def test_a_scanner_that_pauses_mid_code_and_before_its_enter_still_gives_one_scan(
    qtbot, scanner, door, clock, code
):
    """A Bluetooth scanner's hiccup, or a scanner's suffix delay: once a run is clearly a
    machine, pauses up to a quarter second neither cut the code nor let Enter reach a button."""
    door.admit_anyway.setFocus()
    seen = scans(scanner)
    window = door.windowHandle()
    type_keys(window, keys_of(code[:20]), clock, SCANNER_GAP_MS)
    type_keys(window, keys_of(code[20:]), clock, 120)  # first key of the rest after 120 ms
    type_keys(window, [ENTER], clock, 200)
    assert seen == [code]
    settle(qtbot, scanner, clock)
    assert door.clicks == []
    assert door.admit_anyway.hasFocus()


def test_staff_pressing_enter_on_a_button_after_a_scan_clicks_it(qtbot, scanner, door, clock, code):
    door.admit_anyway.setFocus()
    type_keys(door.windowHandle(), [*keys_of(code), ENTER], clock, SCANNER_GAP_MS)
    clock.advance(800)
    type_keys(door.windowHandle(), [ENTER], clock, TYPIST_GAP_MS)
    assert door.clicks == [True]


# -- people typing ----------------------------------------------------------------------------


def test_staff_typing_a_name_at_human_speed_is_not_a_scan(qtbot, scanner, door, clock):
    seen = scans(scanner)
    name = "Kim-Minsu_2019"
    type_keys(door.windowHandle(), keys_of(name), clock, TYPIST_GAP_MS)
    clock.advance(TYPIST_GAP_MS)
    qtbot.waitUntil(lambda: door.lookup.text() == name, timeout=2000)
    returns: list[bool] = []
    door.lookup.returnPressed.connect(lambda: returns.append(True))
    type_keys(door.windowHandle(), [ENTER], clock, TYPIST_GAP_MS)
    assert seen == []
    assert returns == [True]  # Enter reached the field: the look-up runs
    assert door.lookup.text() == name


def test_staff_typing_punctuation_and_editing_keys_get_them_all_in_order(
    qtbot, scanner, door, clock
):
    typed = [*keys_of("Lee"), Key(Qt.Key.Key_Space, " "), *keys_of("Jx")]
    typed.append(Key(Qt.Key.Key_Backspace))
    typed += keys_of("i")
    type_keys(door.windowHandle(), typed, clock, TYPIST_GAP_MS)
    clock.advance(TYPIST_GAP_MS)
    qtbot.waitUntil(lambda: door.lookup.text() == "Lee Ji", timeout=2000)


def test_a_quick_two_key_roll_by_a_person_still_reaches_the_field(qtbot, scanner, door, clock):
    """Two keys 10 ms apart (a roll), then Enter: too short for a scan, delivered as typed."""
    seen = scans(scanner)
    type_keys(door.windowHandle(), [*keys_of("ok"), ENTER], clock, 10)
    assert seen == []
    assert door.lookup.text() == "ok"


def test_a_held_down_key_repeating_fast_is_a_person(qtbot, scanner, door, clock):
    """Auto-repeat comes every ~30 ms, as fast as a scanner, but a scanner never repeats."""
    seen = scans(scanner)
    press_a = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QCoreApplication.sendEvent(door.lookup, press_a)
    for _ in range(10):
        clock.advance(30)
        repeat = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a", True
        )
        QCoreApplication.sendEvent(door.lookup, repeat)
    type_keys(door.windowHandle(), [ENTER], clock, 30)
    assert seen == []
    assert door.lookup.text() == "a" * 11


# -- Korean IME and Caps Lock -----------------------------------------------------------------


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u3131" <= char <= "\u318e"


def ime_steps(keys: str) -> list[tuple[str, str]]:
    """(commit, preedit) after each key as a 2-set IME reports them: the syllable being
    composed is preedit, everything before it has been committed."""
    steps: list[tuple[str, str]] = []
    committed = ""
    for i in range(1, len(keys) + 1):
        shown = type_with_ime(keys[:i])
        done, preedit = (shown[:-1], shown[-1]) if _is_hangul(shown[-1]) else (shown, "")
        assert done.startswith(committed)
        steps.append((done[len(committed) :], preedit))
        committed = done
    return steps


def test_a_code_scanned_while_the_korean_ime_is_on_arrives_as_input_method_commits(
    qtbot, scanner, door, clock, signing_key, code
):
    seen = scans(scanner)
    steps = ime_steps(code)
    assert any(_is_hangul(c) for commit, _ in steps for c in commit)  # really mangled
    for commit, preedit in steps:
        clock.advance(SCANNER_GAP_MS)
        event = QInputMethodEvent(preedit, [])
        event.setCommitString(commit)
        QCoreApplication.sendEvent(door.lookup, event)
    clock.advance(SCANNER_GAP_MS)
    final = QInputMethodEvent("", [])
    final.setCommitString(steps[-1][1])  # Enter commits the syllable being composed
    QCoreApplication.sendEvent(door.lookup, final)
    type_keys(door.windowHandle(), [ENTER], clock, 2)
    assert len(seen) == 1
    assert normalise(seen[0]) == code
    claim = parse_code(seen[0])
    assert claim is not None
    assert signature_valid(claim, signing_key.public_key(), claim.event_tag)
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


def test_a_code_whose_key_events_carry_hangul_text_scans(qtbot, scanner, door, clock, code):
    seen = scans(scanner)
    mangled = type_with_ime(code)
    assert mangled != code
    type_keys(door.windowHandle(), [*keys_of(mangled), ENTER], clock, SCANNER_GAP_MS)
    assert len(seen) == 1
    assert normalise(seen[0]) == code
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda code: keys_of(code, caps_lock=True), id="caps-lock-no-shift"),
        pytest.param(lambda code: keys_of(code.lower(), caps_lock=True), id="caps-lock-inverted"),
    ],
)
def test_a_code_scanned_with_caps_lock_on_scans(qtbot, scanner, door, clock, code, typed):
    seen = scans(scanner)
    type_keys(door.windowHandle(), [*typed(code), ENTER], clock, SCANNER_GAP_MS)
    assert len(seen) == 1
    assert normalise(seen[0]) == code
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


def test_an_id_from_another_registration_system_keeps_its_characters(qtbot, scanner, door, clock):
    seen = scans(scanner)
    type_keys(door.windowHandle(), [*keys_of("ext-2019_0042"), ENTER], clock, SCANNER_GAP_MS)
    assert seen == ["ext-2019_0042"]


def test_a_signed_pretix_ticket_keeps_its_signs_and_its_case(qtbot, scanner, door, clock):
    """pretix's signed tickets are Base64 written backwards: `=` first, `+` and `/` inside, both
    cases. The scan is passed on as typed (Caps Lock is undone where the ticket is looked up)."""
    seen = scans(scanner)
    ticket = "==Pq8Ln3+Vt6Hs2/Kx9Wa"
    type_keys(door.windowHandle(), [*keys_of(ticket), ENTER], clock, SCANNER_GAP_MS)
    clock.advance(3000)  # the same ticket twice at once would be one scan
    # With Caps Lock on, the letters arrive with their case swapped.
    type_keys(door.windowHandle(), [*keys_of(ticket.swapcase()), ENTER], clock, SCANNER_GAP_MS)
    assert seen == [ticket, ticket.swapcase()]
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


# -- control characters -----------------------------------------------------------------------


def test_control_characters_inside_a_barcode_are_dropped_and_trigger_nothing(
    qtbot, scanner, door, clock, code
):
    seen = scans(scanner)
    hostile = [
        *keys_of(code[:8]),
        ESCAPE,
        *keys_of(code[8:16]),
        CTRL_Q,
        TAB,
        *ansi("\x1b[2J"),
        *keys_of(code[16:]),
        ALT_F4,
        ENTER,
    ]
    type_keys(door.windowHandle(), hostile, clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert seen == [code]
    assert door.fired == []
    assert door.lookup.hasFocus()  # Tab did not move the focus
    assert door.lookup.text() == ""
    assert door.isVisible()


def test_a_barcode_of_only_commands_changes_nothing(qtbot, scanner, door, clock):
    seen = scans(scanner)
    hostile = [key_for("A"), *ansi("\x1b[2J\x1b[H"), CTRL_Q, ESCAPE, TAB, ALT_F4, ENTER]
    type_keys(door.windowHandle(), hostile, clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert seen == []
    assert door.fired == []
    assert door.lookup.text() == ""
    assert door.lookup.hasFocus()


def test_the_same_shortcuts_do_work_for_staff_between_scans(qtbot, scanner, door, clock, code):
    """The shortcut counters can move: a person's Ctrl+Q and Esc are delivered."""
    type_keys(door.windowHandle(), [*keys_of(code), ENTER], clock, SCANNER_GAP_MS)
    clock.advance(3000)
    type_keys(door.windowHandle(), [CTRL_Q, ESCAPE], clock, TYPIST_GAP_MS)
    assert door.fired == ["Ctrl+Q", "Esc"]


def test_a_burst_that_stops_without_enter_is_dropped_not_typed(qtbot, scanner, door, clock, code):
    seen = scans(scanner)
    type_keys(door.windowHandle(), keys_of(code), clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert seen == []
    assert door.lookup.text() == ""


def test_cleaning_drops_escape_sequences_but_not_the_letters_after_a_lone_escape():
    assert clean_text("AB\x1b[2JCD\x1bEF\t\x00GH") == "ABCDEFGH"
    assert clean_text("\x9b31mAB") == "AB"
    cleaner = CodeCleaner()
    assert [cleaner.feed(part) for part in ("A", "\x1b", "[", "2", "J", "B")] == [
        "A",
        "",
        "",
        "",
        "",
        "B",
    ]
    assert clean_text("뮤2") == "ab2"


# -- debounce ---------------------------------------------------------------------------------


def test_the_same_badge_twice_within_two_seconds_is_one_scan(qtbot, scanner, door, clock, code):
    seen = scans(scanner)
    window = door.windowHandle()
    fast = 1  # 1 ms a key, so a whole code takes ~130 ms of the two seconds
    type_keys(window, [*keys_of(code), ENTER], clock, fast)
    first = clock()
    clock.advance(1500)
    type_keys(window, [*keys_of(code), ENTER], clock, fast)
    assert clock() - first < 2000
    assert seen == [code]
    clock.advance(400)
    type_keys(window, [*keys_of(code), ENTER], clock, fast)
    assert clock() - first >= 2000
    assert seen == [code, code]
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == ""


def test_two_different_badges_in_quick_succession_are_two_scans(
    qtbot, scanner, door, clock, signing_key, code
):
    other = issue_code(signing_key, "whrcf2019", "R-000124", 0)
    seen = scans(scanner)
    window = door.windowHandle()
    type_keys(window, [*keys_of(code), ENTER], clock, SCANNER_GAP_MS)
    clock.advance(300)
    type_keys(window, [*keys_of(other), ENTER], clock, SCANNER_GAP_MS)
    assert seen == [code, other]


def test_debouncer_for_a_camera_extends_while_the_code_stays_in_view(clock):
    held = Debouncer(2000, clock, extend_on_repeat=True)
    assert held.accept("ABC234")
    for _ in range(5):
        clock.advance(1000)
        assert not held.accept("abc234")  # same code, other case
    clock.advance(2001)
    assert held.accept("ABC234")


# -- misreads are said, not swallowed ----------------------------------------------------------


def misreads(scanner: ScannerInput) -> list[str]:
    seen: list[str] = []
    scanner.misread.connect(seen.append)
    return seen


def test_a_scanner_ending_with_tab_gives_a_misread_and_no_scan(qtbot, scanner, door, clock, code):
    seen, heard = scans(scanner), misreads(scanner)
    type_keys(door.windowHandle(), [*keys_of(code), TAB], clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert seen == [] and heard == ["tab"]
    assert door.lookup.text() == "" and door.fired == []


def test_a_code_without_enter_gives_a_misread(qtbot, scanner, door, clock, code):
    heard = misreads(scanner)
    type_keys(door.windowHandle(), keys_of(code), clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert heard == ["no_enter"]


def test_a_short_run_at_scanner_speed_into_a_field_is_typing(qtbot, scanner, door, clock):
    heard = misreads(scanner)
    entered: list[bool] = []
    door.lookup.returnPressed.connect(lambda: entered.append(True))
    type_keys(door.windowHandle(), [*keys_of("211"), ENTER], clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == "211" and entered == [True]  # delivered, in order
    assert heard == []


def test_a_short_run_at_scanner_speed_never_presses_the_focused_button(qtbot, scanner, door, clock):
    heard = misreads(scanner)
    door.admit_anyway.setFocus()
    qtbot.waitUntil(door.admit_anyway.hasFocus)
    type_keys(door.windowHandle(), [*keys_of("211"), ENTER], clock, SCANNER_GAP_MS)
    settle(qtbot, scanner, clock)
    assert door.clicks == []  # the Enter of a short barcode is not the person's
    assert heard == ["short"]
    # A person's Enter a moment later presses it as always.
    clock.advance(2000)
    type_keys(door.windowHandle(), [ENTER], clock, TYPIST_GAP_MS)
    assert door.clicks == [True]


def test_a_person_typing_gives_no_misread(qtbot, scanner, door, clock):
    heard = misreads(scanner)
    type_keys(door.windowHandle(), [*keys_of("211"), ENTER], clock, TYPIST_GAP_MS)
    settle(qtbot, scanner, clock)
    assert door.lookup.text() == "211" and heard == []


def test_a_scanner_whose_suffix_is_a_line_feed_scans(qtbot, scanner, door, clock, code):
    seen = scans(scanner)
    line_feed = Key(Qt.Key(0x0A), "\n")  # what X11's Linefeed key (and xdotool's "\n") sends
    type_keys(door.windowHandle(), [*keys_of(code), line_feed], clock, SCANNER_GAP_MS)
    assert [normalise(s) for s in seen] == [normalise(code)]
