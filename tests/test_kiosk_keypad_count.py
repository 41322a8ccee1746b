"""A person without a code checks in from a numeric keypad alone in at most 25 key presses.

PRODUCT.md: someone who forgot their code finds themselves at the kiosk. Where registration
numbers are numbers (here the demo forum with its numbers made numeric: R-0104 is 10104), the
number field comes first and takes the keypad's digits as they are; Enter offers three family
names, the person's own among two others; choosing it brings up the confirmation. Every key press
is counted, from the welcome page to the recorded check-in.

Privacy stays as before: a number shows three names whoever holds it (or nobody), always the same
three for the same number, and a wrong choice is a wrong try for the brake.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_selfcheckin import Kiosk, compiled_translations, make_kiosk, settle  # noqa: F401

from kiosk.gui.selfcheckin.flow import Step
from kiosk.gui.selfcheckin.onscreen_keyboard import Layout
from kiosk.services.self_lookup import family_name_choices, numeric_registrations

KEYPAD = Qt.KeyboardModifier.KeypadModifier
K = Qt.Key
MOST_PRESSES = 25


def _numeric(text: str) -> str:
    """The demo's ids made numbers: R-0104 -> 10104, X-0104 -> 20104."""
    return re.sub(r"\b([RX])-(\d{4})\b", lambda m: ("1" if m[1] == "R" else "2") + m[2], text)


@pytest.fixture
def numeric_demo(tmp_path: Path, demo_dir: Path) -> Path:
    folder = tmp_path / "numeric-demo"
    folder.mkdir()
    for name in ("programme.csv", "roster.csv", "invitations.csv"):
        text = (demo_dir / name).read_text(encoding="utf-8")
        (folder / name).write_text(_numeric(text), encoding="utf-8")
    return folder


@pytest.fixture
def kiosk(qtbot, qapp, event_db, db_path, numeric_demo) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, numeric_demo)


class Keypad:
    """The numeric keypad, counting its presses."""

    def __init__(self) -> None:
        self.presses = 0

    def __call__(self, key: Qt.Key) -> None:
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, key, KEYPAD)
        self.presses += 1
        settle()

    def digits(self, number: str) -> None:
        for digit in number:
            self(K(K.Key_0.value + int(digit)))

    def move_to(self, widget: QWidget, key: Qt.Key, limit: int = 20) -> None:
        for _ in range(limit):
            if QApplication.focusWidget() is widget:
                return
            self(key)
        raise AssertionError(f"{widget.objectName()} not reached")


def _start(qtbot, kiosk: Kiosk) -> Keypad:
    kiosk.screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3_000)
    return Keypad()


def test_a_person_without_a_code_checks_in_with_at_most_25_keypad_presses(qtbot, kiosk) -> None:
    screen = kiosk.screen
    page = screen.find_page
    keypad = _start(qtbot, kiosk)
    keypad.move_to(screen.welcome_page.no_code_button, K.Key_6)
    keypad(K.Key_5)  # "I have no code"
    assert kiosk.flow.step is Step.FIND
    # The number comes first, and the keypad's digits type it.
    assert QApplication.focusWidget() is page.other_field
    keypad.digits("20104")  # NGUYEN Thi Lan
    assert page.other_field.text() == "20104"
    assert not page.keyboard.isVisible()
    keypad(K.Key_Enter)
    names = [b.text() for b in page.choice_buttons]
    assert "NGUYEN" in names and len(names) == 3
    assert QApplication.focusWidget() is page.choice_buttons[0]
    if folder := os.environ.get("KIOSK_SCREENSHOTS"):
        assert screen.grab().save(str(Path(folder) / "kiosk-number-alone-choices-ko.png"))
    keypad.move_to(page.choice_buttons[names.index("NGUYEN")], K.Key_6)
    keypad(K.Key_5)
    assert kiosk.flow.step is Step.CONFIRM
    assert screen.confirm_page.name_label.text() == kiosk.name_of("20104")
    keypad(K.Key_5)  # "Yes, print my badge"
    qtbot.waitUntil(lambda: kiosk.flow.step is Step.TODAY, timeout=10_000)
    assert kiosk.checkins() == [("20104", "admitted")]
    print(f"key presses from welcome to the check-in: {keypad.presses}")
    assert keypad.presses <= MOST_PRESSES, keypad.presses


def test_a_wrong_choice_finds_nobody_and_counts_as_a_wrong_try(qtbot, kiosk) -> None:
    screen = kiosk.screen
    page = screen.find_page
    keypad = _start(qtbot, kiosk)
    keypad.move_to(screen.welcome_page.no_code_button, K.Key_6)
    keypad(K.Key_5)
    keypad.digits("20104")
    keypad(K.Key_5)  # 5 is a digit in the number field
    assert page.other_field.text() == "201045"
    keypad(K.Key_Period)  # erases the last digit, it does not cancel the visit
    assert page.other_field.text() == "20104" and kiosk.flow.step is Step.FIND
    keypad(K.Key_Enter)
    wrong = next(b for b in page.choice_buttons if b.text() != "NGUYEN")
    keypad.move_to(wrong, K.Key_6)
    keypad(K.Key_5)
    assert kiosk.flow.step is Step.FIND
    assert page.message.text().startswith("입력하신 정보와 일치하는 등록을 찾을 수 없습니다")
    assert kiosk.throttle.failures == 1
    assert not any(b.isVisible() for b in page.choice_buttons)
    assert kiosk.checkins() == []


def test_the_names_offered_say_nothing_about_who_holds_a_number(kiosk) -> None:
    conn = kiosk.context.conn
    assert numeric_registrations(conn)
    holders = {
        str(rid): str(family)
        for rid, family in conn.execute("SELECT registration_id, family_name FROM attendees")
    }
    for number, family in holders.items():
        offered = family_name_choices(conn, number)
        assert len(offered) == len(set(offered)) == 3 and family in offered
        assert family_name_choices(conn, number) == offered  # the same every time
    # A number nobody holds shows three names too, always the same three.
    nobody = family_name_choices(conn, "99999")
    assert len(nobody) == 3 and family_name_choices(conn, "99999") == nobody


def test_on_an_english_screen_the_keyboard_opens_latin_and_on_a_korean_one_hangul(
    qtbot, kiosk
) -> None:
    page = kiosk.screen.find_page
    kiosk.flow.find_myself()
    settle()
    page.open_keyboard(page.family_field)
    assert page.keyboard.layout_name is Layout.HANGUL  # the kiosk's screen is Korean
    kiosk.flow.cancel()
    settle()
    kiosk.flow.choose_language("en")
    kiosk.flow.find_myself()
    settle()
    page.open_keyboard(page.family_field)
    assert page.keyboard.layout_name is Layout.LATIN


@pytest.fixture
def demo_kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


def test_letters_in_registration_numbers_keep_the_keyboard_path(demo_kiosk) -> None:
    """The demo's own numbers (X-0104) have letters: no number-alone path, digits navigate."""
    demo_kiosk.flow.find_myself()
    settle()
    page = demo_kiosk.screen.find_page
    assert not demo_kiosk.flow.visit.find_numeric
    assert QApplication.focusWidget() is page.family_field
    assert not page.other_field.property("keypadDigits")
