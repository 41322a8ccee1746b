"""The whole kiosk from a numeric keypad (or arrow keys, Enter and Escape), with no touch.

Kiosks for blind and low-vision people ("AudioNav"-style keypads, the tactile keypads of Korea's
kiosk accessibility criteria) carry a numeric keypad whose keys are marked by touch: 5 in the
middle with its raised dot, the arrows around it. `KeypadNavigator` is an application-wide event
filter that acts only while the focus is inside its screen, and maps those keys:

    keypad key            other keys       does
    8  2  4  6            Up Down Left Right  move: Up/Left to the previous control, Down/Right
                                           to the next (the page's controls, then the bar of every
                                           page), spatially between the keys of the on-screen
                                           keyboard; a list scrolls first
    5  Enter              Enter, Return    press the control that has the focus
    .  (Delete)           Escape           "cancel": clear what was entered, back to the start
    7  (Home)                              "home"
    1  (End)                               "call_staff"
    0  (Insert)                            "voice": voice guidance on or off
    *                                      "repeat": say the screen again
    /                                      "pause"
    +  -                                   "louder", "softer"
    9  (PageUp)  3  (PageDown)             "faster", "slower"

In brackets: what the key sends with NumLock off (Qt still marks it with `KeypadModifier`). A key
is a keypad key when Qt marks it with `Qt.KeypadModifier`: the keypad's digits and signs never
type into a field while this filter is on. The other keys keep their usual meaning where they
have one: Left/Right (and Home, End, Delete, Backspace, digits) in a text field edit the text,
Return in a field is the field's own Enter (next field, or Find), Enter/Return on a button press
it (the button does that itself, so a keyboard-wedge scanner's Enter is left to the scanner's
filter). Enter or 5 on a field of a page that offers an on-screen keyboard opens it
(`keypad_activate`), so that the keypad can type.

A digit field (a QLineEdit marked with `mark_digit_field`, such as a numeric registration
number) takes the keypad's digits as digits: 0-9 type, "." (Delete) erases the last digit while
there is one, and Enter is the field's own Enter. Up and Down out of a group of controls (the
on-screen keyboard) go to the control above or below it on the screen, nearest to where the
focus was, not to the next in the Tab order.

`actions` maps an action name to what it does; an action missing from it is ignored (the voice
actions are added by the voice guidance). `KEYPAD_KEYS` and `OTHER_KEYS` are the table above, for
help texts and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QWidget,
)

K = Qt.Key
MOVES = ("up", "down", "left", "right")
PRESS = "press"
ACTIONS = (
    "cancel",
    "home",
    "call_staff",
    "voice",
    "repeat",
    "pause",
    "louder",
    "softer",
    "faster",
    "slower",
)

# Keys of the numeric keypad (sent with Qt.KeypadModifier), with NumLock on and off.
KEYPAD_KEYS: dict[Qt.Key, str] = {
    K.Key_8: "up",
    K.Key_Up: "up",
    K.Key_2: "down",
    K.Key_Down: "down",
    K.Key_4: "left",
    K.Key_Left: "left",
    K.Key_6: "right",
    K.Key_Right: "right",
    K.Key_5: PRESS,
    K.Key_Clear: PRESS,  # 5 with NumLock off
    K.Key_Enter: PRESS,
    K.Key_Return: PRESS,
    K.Key_Period: "cancel",
    K.Key_Comma: "cancel",  # the decimal key of keypads made for a decimal comma
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
# Keys of the main keyboard (no KeypadModifier) that act too, where the focused control does not
# use them itself (see `_own_meaning`).
OTHER_KEYS: dict[Qt.Key, str] = {
    K.Key_Up: "up",
    K.Key_Down: "down",
    K.Key_Left: "left",
    K.Key_Right: "right",
    K.Key_Escape: "cancel",
}


DIGIT_FIELD = "keypadDigits"
"""The property that marks a field whose keypad digits type digits."""
_DIGITS = frozenset(Qt.Key(K.Key_0.value + n) for n in range(10))


def mark_digit_field(field: QLineEdit, digits: bool = True) -> None:
    """Let the keypad's digits type into `field` (or stop them, with False)."""
    field.setProperty(DIGIT_FIELD, digits)


def is_digit_field(widget: QWidget) -> bool:
    """A field whose keypad digits type digits."""
    return isinstance(widget, QLineEdit) and bool(widget.property(DIGIT_FIELD))


_COMBINING = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class KeypadGroup(Protocol):
    """A widget whose controls the keypad moves between by place (the on-screen keyboard)."""

    def keypad_move(self, current: QWidget, direction: str) -> QWidget | None:
        """The control to move to from `current`, or None to leave the group."""
        ...


class KeypadActivated(Protocol):
    """A page that does something of its own when Enter is pressed on one of its widgets."""

    def keypad_activate(self, widget: QWidget) -> bool:
        """Handle Enter on `widget`; False if it is not one of this page's cases."""
        ...


def action_for(event: QKeyEvent) -> str | None:
    """What a key press means to the keypad navigator, wherever the focus is (None: nothing)."""
    key = Qt.Key(event.key())
    if event.modifiers() & Qt.KeyboardModifier.KeypadModifier:
        return KEYPAD_KEYS.get(key)
    if event.modifiers() & _COMBINING:
        return None  # Ctrl/Alt/Meta combinations belong to others
    return OTHER_KEYS.get(key)


class KeypadNavigator(QObject):
    """Moves the focus and presses controls of `screen` from the keypad; calls `actions`."""

    def __init__(self, screen: QWidget, actions: dict[str, Callable[[], None]]) -> None:
        super().__init__(screen)
        self.screen = screen
        self.actions = actions  # public and mutable: more actions are added by others

    # -- the filter -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if watched is not focus or not self._inside(watched):
            return False
        assert isinstance(event, QKeyEvent)
        action = action_for(event)
        if action is None or self._own_meaning(watched, event):
            return False
        if event.isAutoRepeat() and action not in MOVES:
            return True  # a held key presses or cancels once
        if action == "cancel" and is_digit_field(watched):
            assert isinstance(watched, QLineEdit)
            if watched.text():  # "." erases the last digit typed; on an empty field it cancels
                watched.backspace()
                return True
        self.perform(action, watched)
        return True

    def _inside(self, widget: QWidget) -> bool:
        return widget is self.screen or self.screen.isAncestorOf(widget)

    @staticmethod
    def _own_meaning(widget: QWidget, event: QKeyEvent) -> bool:
        """The focused control uses this key itself: Left/Right (main keyboard) in a field, the
        keypad's digits in a digit field."""
        if event.modifiers() & Qt.KeyboardModifier.KeypadModifier:
            return is_digit_field(widget) and event.key() in _DIGITS
        return isinstance(widget, QLineEdit) and event.key() in (K.Key_Left, K.Key_Right)

    # -- what the keys do -----------------------------------------------------------------------

    def perform(self, action: str, widget: QWidget | None = None) -> None:
        """Do `action` ("up", "press", "cancel", ...) as if its key was pressed on `widget`
        (the focused widget by default)."""
        widget = widget or QApplication.focusWidget()
        if action in MOVES:
            if widget is not None and self._inside(widget):
                self.move(widget, action)
        elif action == PRESS:
            if widget is not None and self._inside(widget):
                self.press(widget)
        else:
            handler = self.actions.get(action)
            if handler is not None:
                handler()

    def chain(self) -> list[QWidget]:
        """The controls the keypad moves between, in the screen's Tab order: those shown,
        enabled and taking the focus from Tab."""
        first = self.screen
        found: list[QWidget] = []
        widget: QWidget | None = first.nextInFocusChain()
        seen = 0
        while widget is not None and widget is not first and seen < 10_000:
            seen += 1
            if (
                self.screen.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found

    def move(self, widget: QWidget, direction: str) -> None:
        """Move the focus from `widget` one step in `direction`."""
        if direction in ("up", "down") and self._scroll(widget, direction):
            return
        group = self._group(widget)
        target: QWidget | None = None
        chain = self.chain()
        if group is not None:
            target = group.keypad_move(widget, direction)
            if target is None and direction in ("up", "down"):
                # Out of the group upwards or downwards: to what is above or below it.
                outside = [w for w in chain if not self._in_group(w, group)]
                target = nearest_in_direction(widget, outside, direction)
            if target is None:  # out of the group: before its first or after its last control
                members = [i for i, w in enumerate(chain) if self._in_group(w, group)]
                if members:
                    step = -1 if direction in ("up", "left") else 1
                    index = members[0] - 1 if step < 0 else members[-1] + 1
                    target = chain[index % len(chain)] if len(chain) > len(members) else None
        elif chain:
            step = -1 if direction in ("up", "left") else 1
            if widget in chain:
                target = chain[(chain.index(widget) + step) % len(chain)]
            else:
                target = chain[0] if step > 0 else chain[-1]
        if target is not None:
            target.setFocus(
                Qt.FocusReason.BacktabFocusReason
                if direction in ("up", "left")
                else Qt.FocusReason.TabFocusReason
            )

    def press(self, widget: QWidget) -> None:
        """Enter on `widget`: a page's own meaning first, then click a button; in a field, the
        field's own Enter."""
        parent: QWidget | None = widget
        while parent is not None and parent is not self.screen:
            activate = getattr(parent, "keypad_activate", None)
            if callable(activate) and activate(widget):
                return
            parent = parent.parentWidget()
        if isinstance(widget, QAbstractButton):
            if widget.isEnabled():
                widget.click()
        elif isinstance(widget, QLineEdit):
            widget.returnPressed.emit()

    def _group(self, widget: QWidget) -> KeypadGroup | None:
        parent = widget.parentWidget()
        while parent is not None and parent is not self.screen:
            if callable(getattr(parent, "keypad_move", None)):
                group: KeypadGroup = parent  # type: ignore[assignment]
                return group
            parent = parent.parentWidget()
        return None

    @staticmethod
    def _in_group(widget: QWidget, group: KeypadGroup) -> bool:
        return isinstance(group, QWidget) and group.isAncestorOf(widget)

    @staticmethod
    def _scroll(widget: QWidget, direction: str) -> bool:
        """A list that can still scroll this way scrolls (by half a page) instead."""
        if not isinstance(widget, QAbstractScrollArea):
            return False
        bar = widget.verticalScrollBar()
        if direction == "up" and bar.value() > bar.minimum():
            bar.setValue(bar.value() - max(bar.pageStep() // 2, bar.singleStep()))
            return True
        if direction == "down" and bar.value() < bar.maximum():
            bar.setValue(bar.value() + max(bar.pageStep() // 2, bar.singleStep()))
            return True
        return False


def nearest_in_direction(
    current: QWidget, candidates: list[QWidget], direction: str
) -> QWidget | None:
    """The candidate above (or below) `current` on the screen that is closest to it: in the
    nearest row that way, the one nearest to the middle of `current` across. None when there
    is nothing that way."""

    def box(widget: QWidget) -> QRect:
        return widget.rect().translated(widget.mapToGlobal(widget.rect().topLeft()))

    here = box(current)
    middle = here.center().x()
    placed = []
    for widget in candidates:
        there = box(widget)
        gap = here.top() - there.bottom() if direction == "up" else there.top() - here.bottom()
        if gap >= 0:
            placed.append((gap, there, widget))
    if not placed:
        return None
    _gap, nearest, _widget = min(placed, key=lambda item: item[0])
    # The nearest row: everything that overlaps the nearest candidate's height.
    row = [
        (there, widget)
        for _gap, there, widget in placed
        if there.top() <= nearest.bottom() and there.bottom() >= nearest.top()
    ]

    def across(there: QRect) -> int:
        if there.left() <= middle <= there.right():
            return 0
        return min(abs(there.left() - middle), abs(there.right() - middle))

    return min(row, key=lambda item: across(item[0]))[1]


def help_rows() -> list[tuple[str, str]]:
    """(keys, action) for a help text: the keypad keys of each action, NumLock on."""
    names = {
        K.Key_0: "0",
        K.Key_1: "1",
        K.Key_2: "2",
        K.Key_3: "3",
        K.Key_4: "4",
        K.Key_5: "5",
        K.Key_6: "6",
        K.Key_7: "7",
        K.Key_8: "8",
        K.Key_9: "9",
        K.Key_Period: ".",
        K.Key_Asterisk: "*",
        K.Key_Slash: "/",
        K.Key_Plus: "+",
        K.Key_Minus: "-",
        K.Key_Enter: "Enter",
    }
    rows: dict[str, list[str]] = {}
    for key, action in KEYPAD_KEYS.items():
        if key in names:
            rows.setdefault(action, []).append(names[key])
    return [(" ".join(keys), action) for action, keys in rows.items()]
