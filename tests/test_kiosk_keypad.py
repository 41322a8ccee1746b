"""The self check-in kiosk driven by a numeric keypad alone (kiosk.gui.selfcheckin.keypad), and the
find page's on-screen keyboard (onscreen_keyboard.py) in a real Qt window over the demo event.

Every key is a key event with Qt.KeypadModifier sent to the widget that has the focus, as a USB
keypad sends it: no mouse, and no setFocus by the test once the kiosk is showing. A person with a
code (the scanner reads it) and a person without one (the look-up typed on the on-screen keyboard
with the arrows and Enter) check in; a Korean family name is typed on the Hangul keys; the cancel
key forgets what was typed; keys of the main keyboard still edit the fields. The open keyboard is
measured on the default panel (1920x1080, 21.5-inch): touch targets, gaps, names, and it fits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_selfcheckin import (  # the kiosk fixture's builder, shared with the main kiosk tests
    Kiosk,
    compiled_translations,  # noqa: F401 (an autouse fixture)
    make_kiosk,
    settle,
)

from kiosk.a11y import criteria as c
from kiosk.a11y.measure import Measurer
from kiosk.a11y.panel import Panel
from kiosk.core.hangul import keystrokes
from kiosk.gui.selfcheckin.flow import Step
from kiosk.gui.selfcheckin.keypad import KEYPAD_KEYS, OTHER_KEYS, action_for, help_rows
from kiosk.gui.selfcheckin.onscreen_keyboard import KeyButton, KeyKind, Layout

KEYPAD = Qt.KeyboardModifier.KeypadModifier
K = Qt.Key


@pytest.fixture
def kiosk(qtbot, qapp, event_db, db_path, demo_dir) -> Iterator[Kiosk]:
    yield from make_kiosk(qtbot, qapp, event_db, db_path, demo_dir)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def keypad(key: Qt.Key) -> None:
    """One key of the numeric keypad, sent where the focus is."""
    QTest.keyClick(focus(), key, KEYPAD)
    settle()


def keyboard_key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """One key of the main keyboard."""
    QTest.keyClick(focus(), key, modifier)
    settle()


def move_to(widget: QWidget, key: Qt.Key = K.Key_2, limit: int = 80) -> int:
    """Press one arrow of the keypad until `widget` has the focus; the number of presses."""
    for presses in range(limit):
        if focus() is widget:
            return presses
        keypad(key)
    raise AssertionError(f"{widget.objectName()} not reached; focus on {focus().objectName()}")


def walk_to_key(target: KeyButton, limit: int = 40) -> None:
    """Move over the on-screen keyboard with 8/2/4/6 to `target`, as a person would: rows
    first, then along the row."""
    for _ in range(limit):
        here = focus()
        if here is target:
            return
        assert isinstance(here, KeyButton), f"left the keyboard at {here.objectName()}"
        if here.spec.row < target.spec.row:
            keypad(K.Key_2)
        elif here.spec.row > target.spec.row:
            keypad(K.Key_8)
        elif here.spec.column < target.spec.column:
            keypad(K.Key_6)
        else:
            keypad(K.Key_4)
    raise AssertionError(f"{target.objectName()} not reached")


def type_on_screen(kiosk: Kiosk, text: str) -> None:
    """Type `text` on the on-screen keyboard (Hangul key by key), switching the layout with
    its 한/A key when needed; 5 and Enter press keys in turn."""
    keyboard = kiosk.screen.find_page.keyboard
    press_keys = (K.Key_5, K.Key_Enter)
    for index, value in enumerate(keystrokes(text)):
        wanted = Layout.HANGUL if "\u3131" <= value <= "\u318e" else Layout.LATIN
        if keyboard.layout_name is not wanted:
            walk_to_key(keyboard.key("switch"))
            keypad(K.Key_5)
            assert keyboard.layout_name is wanted
        walk_to_key(keyboard.key(value))
        keypad(press_keys[index % 2])


def start(kiosk: Kiosk, qtbot) -> None:
    kiosk.screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3_000)
    assert focus() is kiosk.screen.welcome_page.first_focus()


def wait_step(qtbot, kiosk: Kiosk, step: Step) -> None:
    qtbot.waitUntil(lambda: kiosk.flow.step is step, timeout=10_000)
    settle()


def find_myself_by_keypad(kiosk: Kiosk, qtbot) -> None:
    """From the welcome page to the find page, keypad only."""
    start(kiosk, qtbot)
    move_to(kiosk.screen.welcome_page.no_code_button, K.Key_6)
    keypad(K.Key_5)
    assert kiosk.flow.step is Step.FIND
    assert focus() is kiosk.screen.find_page.family_field


def look_up_by_keypad(kiosk: Kiosk, family: str, registration: str) -> None:
    """On the find page: type both facts on the on-screen keyboard and press Find me."""
    page = kiosk.screen.find_page
    assert not page.keyboard.isVisible()
    keypad(K.Key_Enter)  # Enter on the field opens the keyboard, for this field
    assert page.keyboard.isVisible() and page.keyboard.target() is page.family_field
    assert isinstance(focus(), KeyButton)
    type_on_screen(kiosk, family)
    assert page.family_field.text() == family
    # Up out of the keyboard's top row: what is above it (the family name above the first
    # key), then Right to the registration number field.
    walk_to_key(page.keyboard.first_key())
    keypad(K.Key_8)
    assert focus() is page.family_field
    keypad(K.Key_6)
    assert focus() is page.other_field
    keypad(K.Key_5)
    assert page.keyboard.target() is page.other_field
    assert page.keyboard.layout_name is Layout.LATIN  # a registration number is Latin
    type_on_screen(kiosk, registration)
    assert page.other_field.text() == registration
    walk_to_key(page.keyboard.key("backspace"))  # the key below the Find button
    keypad(K.Key_8)
    assert focus() is page.find_button
    keypad(K.Key_5)


# -- the check-in, keypad only -------------------------------------------------------------------


def test_a_person_with_a_code_checks_in_with_the_keypad_alone(qtbot, kiosk):
    screen = kiosk.screen
    start(kiosk, qtbot)
    screen.handle_scan(kiosk.codes["X-0102"])  # GARCÍA Lucía: the scanner reads her code
    settle()
    assert kiosk.flow.step is Step.CONFIRM
    assert focus() is screen.confirm_page.yes_button
    keypad(K.Key_6)
    assert focus() is screen.confirm_page.not_me_button
    keypad(K.Key_4)
    assert focus() is screen.confirm_page.yes_button
    assert kiosk.checkins() == []
    keypad(K.Key_5)  # "Yes, print my badge"
    wait_step(qtbot, kiosk, Step.TODAY)
    assert kiosk.checkins() == [("X-0102", "admitted")]
    assert len(kiosk.cups.jobs) == 1
    assert focus() is screen.today_page.done_button
    keypad(K.Key_1)  # call staff, from anywhere
    assert screen.staff_banner.isVisible()
    keypad(K.Key_Enter)  # Done
    assert kiosk.flow.step is Step.WELCOME
    assert kiosk.context.languages.language == "ko"


def test_a_person_without_a_code_looks_up_and_checks_in_with_the_keypad_alone(qtbot, kiosk):
    screen = kiosk.screen
    find_myself_by_keypad(kiosk, qtbot)
    look_up_by_keypad(kiosk, "NGUYEN", "X-0104")
    assert kiosk.flow.step is Step.CONFIRM
    assert screen.confirm_page.name_label.text() == kiosk.name_of("X-0104")
    assert screen.find_page.family_field.text() == "" and screen.find_page.other_field.text() == ""
    assert focus() is screen.confirm_page.yes_button
    keypad(K.Key_Enter)
    wait_step(qtbot, kiosk, Step.TODAY)
    # The check-in log holds the check-in, for this registration and no other.
    assert kiosk.checkins() == [("X-0104", "admitted")]
    rows = kiosk.context.conn.execute(
        "SELECT registration_id FROM checkins WHERE registration_id IS NOT NULL"
    ).fetchall()
    assert rows == [("X-0104",)]
    keypad(K.Key_5)  # Done
    assert kiosk.flow.step is Step.WELCOME


def test_a_korean_family_name_typed_on_the_hangul_keys_is_found(qtbot, kiosk):
    screen = kiosk.screen
    page = screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    keypad(K.Key_Enter)
    type_on_screen(kiosk, "기마")  # ㄱ ㅣ ㅁ ㅏ: the ㅁ moved on to the next syllable
    assert page.family_field.text() == "기마"
    walk_to_key(page.keyboard.key("backspace"))
    keypad(K.Key_5)  # Delete takes back the last jamo: the ㅁ comes home
    assert page.family_field.text() == "김"
    look_up_rest = "X-0101"
    walk_to_key(page.keyboard.first_key())
    keypad(K.Key_8)  # above the keyboard's first key: the family name
    keypad(K.Key_6)
    assert focus() is page.other_field
    keypad(K.Key_Enter)
    assert page.keyboard.layout_name is Layout.LATIN
    type_on_screen(kiosk, look_up_rest)
    walk_to_key(page.keyboard.key("backspace"))
    keypad(K.Key_8)  # above Delete: Find me
    keypad(K.Key_5)
    assert kiosk.flow.step is Step.CONFIRM
    assert screen.confirm_page.local_name_label.text() == "김민지"
    keypad(K.Key_Period)  # cancel: nothing was recorded
    assert kiosk.flow.step is Step.WELCOME and kiosk.checkins() == []


def test_the_family_field_keeps_the_hangul_keys_the_person_chose(qtbot, kiosk):
    page = kiosk.screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    keypad(K.Key_Enter)
    type_on_screen(kiosk, "박")
    walk_to_key(page.keyboard.first_key())
    keypad(K.Key_8)
    keypad(K.Key_6)
    keypad(K.Key_5)  # the registration number: Latin keys
    assert page.keyboard.layout_name is Layout.LATIN
    type_on_screen(kiosk, "X-0103")
    walk_to_key(page.keyboard.first_key())
    keypad(K.Key_8)  # straight up from the first key: the family name
    assert focus() is page.family_field
    keypad(K.Key_5)
    assert page.keyboard.layout_name is Layout.HANGUL
    assert page.family_field.text() == "박" and page.other_field.text() == "X-0103"


@pytest.mark.parametrize("cancel", [K.Key_Period, K.Key_Delete, K.Key_Escape])
def test_the_cancel_key_forgets_what_was_typed_and_goes_back_to_the_start(qtbot, kiosk, cancel):
    screen = kiosk.screen
    page = screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    keypad(K.Key_Enter)
    type_on_screen(kiosk, "KIM")
    assert page.family_field.text() == "KIM"
    if cancel == K.Key_Escape:
        keyboard_key(cancel)  # Escape on the main keyboard
    else:
        keypad(cancel)  # the keypad's "." (Delete with NumLock off)
    assert kiosk.flow.step is Step.WELCOME
    assert focus() is screen.welcome_page.first_focus()
    assert page.family_field.text() == "" and page.other_field.text() == ""
    assert not page.keyboard.isVisible()
    move_to(screen.welcome_page.no_code_button, K.Key_6)
    keypad(K.Key_5)
    assert page.family_field.text() == "" and not page.keyboard.isVisible()


def test_keys_of_the_main_keyboard_still_edit_a_field(qtbot, kiosk):
    screen = kiosk.screen
    page = screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    QTest.keyClicks(focus(), "Kim-1")  # digits and the hyphen of the main keyboard type
    settle()
    assert page.family_field.text() == "Kim-1" and kiosk.flow.step is Step.FIND
    keyboard_key(K.Key_Left)
    keyboard_key(K.Key_Left)
    assert page.family_field.cursorPosition() == 3 and focus() is page.family_field
    keyboard_key(K.Key_Backspace)
    keyboard_key(K.Key_Delete)
    assert page.family_field.text() == "Ki1"
    keyboard_key(K.Key_Home)
    assert page.family_field.cursorPosition() == 0
    keyboard_key(K.Key_End)
    keyboard_key(K.Key_Right)
    assert page.family_field.cursorPosition() == 3
    keyboard_key(K.Key_Backspace)
    assert page.family_field.text() == "Ki" and kiosk.flow.step is Step.FIND
    assert not screen.staff_banner.isVisible() and not page.keyboard.isVisible()
    keyboard_key(K.Key_Return)  # the field's own Enter: on to the next field
    assert focus() is page.other_field
    keyboard_key(K.Key_Down)  # arrows of the main keyboard move on where a field has no use
    assert focus() is page.find_button
    keyboard_key(K.Key_Up)
    assert focus() is page.other_field
    # The same keys from the keypad are keypad keys: Home goes home.
    keypad(K.Key_Home)
    assert kiosk.flow.step is Step.WELCOME


# -- the key map ---------------------------------------------------------------------------------


def test_every_keypad_key_calls_its_action_and_a_missing_action_is_ignored(qtbot, kiosk):
    screen = kiosk.screen
    start(kiosk, qtbot)
    calls: list[str] = []
    actions: dict[str, Callable[[], None]] = {
        name: (lambda n=name: calls.append(n))
        for name in ("voice", "repeat", "pause", "louder", "softer", "faster", "slower")
    }
    for name in actions:
        screen.keypad.actions.pop(name, None)
    keypad(K.Key_0)  # no "voice" action: nothing happens, nothing breaks
    assert kiosk.flow.step is Step.WELCOME and focus() is screen.welcome_page.first_focus()
    screen.keypad.actions.update(actions)
    pressed = [key for key, action in KEYPAD_KEYS.items() if action in actions]
    for key in pressed:
        keypad(key)
    assert calls == [KEYPAD_KEYS[key] for key in pressed]
    assert set(calls) == set(actions)
    keypad(K.Key_End)  # 1 with NumLock off: call staff
    assert screen.staff_banner.isVisible()


def test_the_key_map():
    moves = {KEYPAD_KEYS[k] for k in (K.Key_8, K.Key_2, K.Key_4, K.Key_6)}
    assert moves == {"up", "down", "left", "right"}
    assert {KEYPAD_KEYS[k] for k in (K.Key_5, K.Key_Clear, K.Key_Enter)} == {"press"}
    expected = {
        K.Key_Period: "cancel",
        K.Key_Delete: "cancel",
        K.Key_7: "home",
        K.Key_Home: "home",
        K.Key_1: "call_staff",
        K.Key_End: "call_staff",
        K.Key_0: "voice",
        K.Key_Insert: "voice",
        K.Key_Asterisk: "repeat",
        K.Key_Slash: "pause",
        K.Key_Plus: "louder",
        K.Key_Minus: "softer",
        K.Key_9: "faster",
        K.Key_PageUp: "faster",
        K.Key_3: "slower",
        K.Key_PageDown: "slower",
    }
    assert {k: KEYPAD_KEYS[k] for k in expected} == expected
    assert OTHER_KEYS[K.Key_Escape] == "cancel"
    # Keys that type never act from the main keyboard.
    assert not {K.Key_0, K.Key_1, K.Key_Period, K.Key_Minus, K.Key_Return} & set(OTHER_KEYS)

    from PySide6.QtGui import QKeyEvent

    def event(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> QKeyEvent:
        return QKeyEvent(QKeyEvent.Type.KeyPress, key, modifiers)

    assert action_for(event(K.Key_1, KEYPAD)) == "call_staff"
    assert action_for(event(K.Key_1, Qt.KeyboardModifier.NoModifier)) is None
    assert action_for(event(K.Key_Up, Qt.KeyboardModifier.ControlModifier)) is None
    rows = dict((action, keys) for keys, action in help_rows())
    assert rows["up"] == "8" and rows["press"] == "5 Enter" and rows["cancel"] == "."
    assert set(rows) == set(KEYPAD_KEYS.values())


# -- the on-screen keyboard ----------------------------------------------------------------------


def test_arrows_move_over_the_keyboard_by_place(qtbot, kiosk):
    page = kiosk.screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    keypad(K.Key_5)
    keyboard = page.keyboard
    # A Korean screen opens the Hangul keys for a name; the first key has the focus.
    assert keyboard.layout_name is Layout.HANGUL
    assert focus() is keyboard.key("ㅃ")
    keypad(K.Key_8)  # up from the top row: the family name field above it, not "Find me"
    assert focus() is page.family_field
    keypad(K.Key_5)
    walk_to_key(keyboard.key("switch"))
    keypad(K.Key_5)
    walk_to_key(keyboard.key("1"))
    keypad(K.Key_2)
    assert focus() is keyboard.key("Q")
    keypad(K.Key_2)
    assert focus() is keyboard.key("A")
    keypad(K.Key_6)
    assert focus() is keyboard.key("S")
    walk_to_key(keyboard.key("L"))
    keypad(K.Key_2)  # below L: the Space bar (it spans the columns of I, O and P)
    assert focus() is keyboard.key("space")
    keypad(K.Key_6)
    assert focus() is keyboard.key("clear")
    keypad(K.Key_6)  # past the last key: out of the keyboard, on to the bar of every page
    assert focus() is kiosk.screen.nav.home_button
    keypad(K.Key_8)  # back in, at the last key
    assert focus() is keyboard.key("clear")
    walk_to_key(keyboard.key("P"))
    keypad(K.Key_6)  # along the row
    assert focus() is keyboard.key("-")
    walk_to_key(keyboard.key("switch"))
    keypad(K.Key_5)
    assert keyboard.layout_name is Layout.HANGUL
    assert focus() is keyboard.key("switch")  # the 한/A key of the Hangul keys
    keypad(K.Key_8)
    assert focus() is keyboard.key("ㅔ")
    keypad(K.Key_8)  # above ㅔ: ㅖ (Shift+ㅔ on a keyboard)
    assert focus() is keyboard.key("ㅖ")


def test_a_touch_types_where_the_field_was_and_keeps_its_focus(qtbot, kiosk):
    page = kiosk.screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    QTest.mouseClick(page.other_field, Qt.MouseButton.LeftButton)
    settle()
    assert page.keyboard.isVisible() and page.keyboard.target() is page.other_field
    for value in ("X", "-", "0", "1"):
        QTest.mouseClick(page.keyboard.key(value), Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.keyboard.key("backspace"), Qt.MouseButton.LeftButton)
    settle()
    assert page.other_field.text() == "X-0" and page.other_field.hasFocus()
    QTest.mouseClick(page.keyboard.key("clear"), Qt.MouseButton.LeftButton)
    assert page.other_field.text() == "" and page.family_field.text() == ""
    QTest.mouseClick(page.keyboard_button, Qt.MouseButton.LeftButton)
    settle()
    assert not page.keyboard.isVisible()


def test_hangul_typed_after_latin_and_moved_cursor_composes_in_place(qtbot, kiosk):
    page = kiosk.screen.find_page
    find_myself_by_keypad(kiosk, qtbot)
    keyboard = page.keyboard
    page.open_keyboard(page.family_field)
    keyboard.set_layout(Layout.HANGUL)
    for jamo in "ㄱㅣㅁ":
        keyboard.press(keyboard.key(jamo))
    keyboard.press(keyboard.key("space"))
    for jamo in "ㅂㅏㄱ":
        keyboard.press(keyboard.key(jamo))
    assert page.family_field.text() == "김 박"
    page.family_field.setCursorPosition(1)  # a person moved the cursor: a new syllable starts
    keyboard.press(keyboard.key("ㅇ"))
    keyboard.press(keyboard.key("ㅣ"))
    assert page.family_field.text() == "김이 박"
    keyboard.press(keyboard.key("backspace"))
    keyboard.press(keyboard.key("backspace"))
    keyboard.press(keyboard.key("backspace"))
    assert page.family_field.text() == " 박"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_open_keyboard_fits_the_default_panel_with_touch_sized_named_keys(
    qtbot, kiosk, language
):
    panel = Panel()
    screen = kiosk.screen
    screen.resize(panel.width_px, panel.height_px)
    heights: dict[bool, int] = {}
    for large in (False, True):
        kiosk.flow.cancel()
        kiosk.flow.choose_language(language)
        kiosk.flow.set_large_text(large)
        kiosk.flow.find_myself()
        page = screen.find_page
        page.open_keyboard()
        settle()
        measurer = Measurer(screen, panel)
        for layout in Layout:
            page.keyboard.set_layout(layout)
            settle()
            mode = "large" if large else "default"
            where = c.Where("kiosk", f"keyboard-{layout.value}", language, mode)
            assert (screen.width(), screen.height()) == (panel.width_px, panel.height_px)
            keys = page.keyboard.visible_keys()
            assert {k.spec.kind for k in keys} == set(KeyKind)
            for key in keys:
                assert min(key.width(), key.height()) >= 56, key.objectName()
                needed = key.fontMetrics().horizontalAdvance(key.text()) + 8
                assert needed <= key.width(), f"{key.text()!r} does not fit"
                bottom = key.mapTo(screen, key.rect().bottomLeft()).y()
                assert bottom < screen.nav.y(), f"{key.objectName()} under the bar"
            heights[large] = min(k.height() for k in keys)
            results = measurer.touch_targets(page, where) + measurer.label_in_name(page, where)
            failed = [f"{r.criterion} {r.subject}: {r.measured:.1f} {r.detail}" for r in results]
            assert [f for f, r in zip(failed, results, strict=True) if not r.passed] == []
            names = {k.accessibleName() for k in keys}
            assert len(names) == len(keys)  # every key says which it is
            assert all(k.accessibleDescription() for k in keys)
    assert heights[True] > heights[False]  # the keys grow with large text
