"""The find page's on-screen keyboard: a touch kiosk has no keyboard of its own.

Two layouts on the positions of a standard keyboard: Latin (digits, A-Z, and - _ @ . for
registration numbers and e-mail addresses) and Hangul 2-set (dubeolsik: the doubled consonants and
ㅒ ㅖ, which a physical keyboard types with Shift, sit in the top row above their plain keys), with
a layout key (한/A), Delete (Backspace), Clear and Space. Jamo are composed into syllables by
`kiosk.core.hangul`; Delete takes back the last jamo typed while a syllable is being built.

Keys type into the `target` field (the one of the page's fields that has, or last had, the focus).
They take the focus only from Tab or the keypad (never from a touch), so a touch leaves the
field's cursor where it was. Every key is at least TARGET_PX square at scale 1 and grows with
large text (its height comes from the screen's style sheet, its width follows its height), with
GAP_PX between keys. The keypad moves spatially between keys (`keypad_move`, used by
`kiosk.gui.selfcheckin.keypad.KeypadNavigator`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.hangul import HangulComposer, is_jamo_key
from kiosk.gui.selfcheckin.widgets import KioskButton, set_accessible, text_label, with_icon

GAP_PX = 12  # between keys: 12 px is 3.0 mm on the default panel (2.5 mm needed)
COLUMNS = 12
# Keys keep the screen's height and font size (scaled for large text) with less padding than
# other buttons, so that five rows fit; the Korean font draws jamo at full size.
KEY_STYLE = """
#onScreenKeyboard QPushButton { padding: 0px 4px; font-family: "NanumGothic", "DejaVu Sans"; }
"""


class Layout(StrEnum):
    LATIN = "latin"
    HANGUL = "hangul"


class KeyKind(StrEnum):
    CHAR = "char"  # types its character (jamo go through the Hangul composer)
    BACKSPACE = "backspace"
    CLEAR = "clear"
    SPACE = "space"
    SWITCH = "switch"


@dataclass(frozen=True)
class KeySpec:
    """A key's place in its layout's grid (row, column, how many columns) and what it does."""

    kind: KeyKind
    value: str
    row: int
    column: int
    span: int = 1


def _rows(layout: Layout) -> list[KeySpec]:
    """A layout's keys: four rows of twelve columns, on the places of a standard keyboard."""
    if layout is Layout.LATIN:
        chars = [
            (0, 0, "1234567890"),
            (1, 0, "QWERTYUIOP-_"),
            (2, 0, "ASDFGHJKL@."),
            (3, 0, "ZXCVBNM"),
        ]
    else:
        chars = [
            (0, 0, "ㅃㅉㄸㄲㅆ"),  # above ㅂ ㅈ ㄷ ㄱ ㅅ, as Shift types them
            (0, 8, "ㅒㅖ"),  # above ㅐ ㅔ
            (1, 0, "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ"),
            (2, 0, "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ"),
            (3, 0, "ㅋㅌㅊㅍㅠㅜㅡ"),
        ]
    specs = [
        KeySpec(KeyKind.CHAR, char, row, start + i)
        for row, start, text in chars
        for i, char in enumerate(text)
    ]
    specs += [
        KeySpec(KeyKind.BACKSPACE, "", 0, 10, 2),
        KeySpec(KeyKind.SWITCH, "", 2, 11, 1),
        KeySpec(KeyKind.SPACE, " ", 3, 7, 3),
        KeySpec(KeyKind.CLEAR, "", 3, 10, 2),
    ]
    return sorted(specs, key=lambda s: (s.row, s.column))


LAYOUTS: dict[Layout, list[KeySpec]] = {layout: _rows(layout) for layout in Layout}


class KeyButton(KioskButton):
    """One key: at least as wide as it is high (its height follows the text size)."""

    def __init__(self, spec: KeySpec, layout: Layout, parent: QWidget | None = None) -> None:
        name = f"key-{layout.value}-{spec.kind.value}" + (
            f"-{spec.value}" if spec.kind is KeyKind.CHAR else ""
        )
        super().__init__(name, parent=parent)
        self.spec = spec
        self.layout_name = layout
        # Tab and the keypad reach a key; a touch does not move the focus out of the field.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if spec.kind is KeyKind.CHAR:
            self.setProperty("charKey", True)  # for a style rule on the letter keys

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), hint.height()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(max(super().minimumSizeHint().width(), hint.height()), hint.height())


class OnScreenKeyboard(QFrame):
    """Keys for the find page's fields; `set_target(field)` says which field they type into."""

    layout_switched = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self._target: QLineEdit | None = None
        self._layout = Layout.LATIN
        self._run = HangulComposer()
        self._run_field: QLineEdit | None = None
        self._run_start = 0
        self._run_text = ""
        self._grids: dict[Layout, QWidget] = {}
        self._keys: dict[Layout, list[KeyButton]] = {}
        self.setStyleSheet(KEY_STYLE)
        # One layout shows at a time; the stack is as tall as one of them, never both.
        self._stack = QStackedWidget()
        self._stack.setObjectName("keyboardLayouts")
        # Which field the keys type into (the focus is on a key, not in the field).
        self.target_label = text_label("keyboardTarget", "body")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        outer.addWidget(self.target_label)
        outer.addWidget(self._stack)
        for layout, specs in LAYOUTS.items():
            grid_widget = QWidget()
            grid_widget.setObjectName(f"keys-{layout.value}")
            grid = QGridLayout(grid_widget)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(GAP_PX)
            keys = []
            for spec in specs:
                key = KeyButton(spec, layout)
                key.clicked.connect(lambda _=False, k=key: self.press(k))
                grid.addWidget(key, spec.row, spec.column, 1, spec.span)
                keys.append(key)
            for column in range(COLUMNS):
                grid.setColumnStretch(column, 1)
            self._grids[layout] = grid_widget
            self._keys[layout] = keys
            self._stack.addWidget(grid_widget)
        self._show_layout()
        self._refresh()

    # -- what the keys show and type into -----------------------------------------------------

    @property
    def layout_name(self) -> Layout:
        return self._layout

    def target(self) -> QLineEdit | None:
        return self._target

    def set_target(self, field: QLineEdit | None) -> None:
        """The field the keys type into from now on."""
        if field is not self._target:
            self._end_run()
            self._target = field
        self.show_target()

    def show_target(self) -> None:
        """Say which field the keys type into (by its accessible name, in the language shown)."""
        field = self._target
        self.target_label.setText(
            self.tr("Typing into: {field}").format(field=field.accessibleName())
            if field is not None
            else ""
        )

    def set_layout(self, layout: Layout) -> None:
        """Show the Latin or the Hangul keys; a key that had the focus hands it to the key in
        the same place of the other layout."""
        if layout is self._layout:
            return
        focused = next((k for k in self.visible_keys() if k.hasFocus()), None)
        self._end_run()
        self._layout = layout
        self._show_layout()
        if focused is not None:
            self._nearest(self.visible_keys(), focused).setFocus(Qt.FocusReason.OtherFocusReason)
        self._refresh()
        self.layout_switched.emit(layout.value)

    def switch_layout(self) -> None:
        self.set_layout(Layout.HANGUL if self._layout is Layout.LATIN else Layout.LATIN)

    def reset(self) -> None:
        """Back to the Latin keys, typing into nothing."""
        self._target = None
        self._end_run()
        self.set_layout(Layout.LATIN)
        self.show_target()

    def all_keys(self) -> list[KeyButton]:
        """Every key of both layouts, row by row (the focus order)."""
        return [key for layout in Layout for key in self._keys[layout]]

    def visible_keys(self) -> list[KeyButton]:
        """The keys of the layout showing, row by row."""
        return list(self._keys[self._layout])

    def key(self, value: str, layout: Layout | None = None) -> KeyButton:
        """The key that types `value` (or, for "backspace", "clear", "space", "switch", that
        function key) in a layout (the one showing by default)."""
        for key in self._keys[layout or self._layout]:
            spec = key.spec
            if (spec.kind is KeyKind.CHAR and spec.value == value) or spec.kind.value == value:
                return key
        raise KeyError(value)

    def first_key(self) -> KeyButton:
        return self.visible_keys()[0]

    def _show_layout(self) -> None:
        self._stack.setCurrentWidget(self._grids[self._layout])

    # -- typing ---------------------------------------------------------------------------------

    def press(self, key: KeyButton) -> None:
        """What a key does (a touch, Enter or keypad 5 on it)."""
        spec = key.spec
        if spec.kind is KeyKind.SWITCH:
            self.switch_layout()
            return
        field = self._target
        if field is None or not field.isEnabled():
            return
        if spec.kind is KeyKind.CHAR and is_jamo_key(spec.value):
            self._type_jamo(field, spec.value)
        elif spec.kind is KeyKind.BACKSPACE:
            if self._run_live(field):
                self._replace_run(field, self._run.backspace())
            else:
                self._end_run()
                field.backspace()
        elif spec.kind is KeyKind.CLEAR:
            self._end_run()
            field.setText("")
        else:
            self._end_run()
            field.insert(spec.value)

    def _run_live(self, field: QLineEdit) -> bool:
        """The syllables being built are still at the cursor of this field, untouched."""
        text = self._run_text
        start = self._run_start
        return (
            field is self._run_field
            and not self._run.empty
            and not field.hasSelectedText()
            and field.text()[start : start + len(text)] == text
            and field.cursorPosition() == start + len(text)
        )

    def _type_jamo(self, field: QLineEdit, jamo: str) -> None:
        if not self._run_live(field):
            if field.hasSelectedText():
                field.del_()
            self._run = HangulComposer()
            self._run_field = field
            self._run_start = field.cursorPosition()
            self._run_text = ""
        self._replace_run(field, self._run.type(jamo))

    def _replace_run(self, field: QLineEdit, run: HangulComposer) -> None:
        start = self._run_start
        if self._run_text:
            field.setSelection(start, len(self._run_text))
        else:
            field.setCursorPosition(start)
        field.insert(run.text)
        if field.hasSelectedText():  # nothing to insert: the selection is still there
            field.del_()
        self._run = run
        self._run_text = run.text
        if run.empty:
            self._end_run()

    def _end_run(self) -> None:
        self._run = HangulComposer()
        self._run_field = None
        self._run_text = ""

    # -- the keypad -----------------------------------------------------------------------------

    def keypad_move(self, current: QWidget, direction: str) -> QWidget | None:
        """The key the keypad moves to from `current`: left/right go key by key in reading
        order, up/down to the nearest key of the row above/below. None: out of the keyboard."""
        keys = self.visible_keys()
        if current not in keys:
            return None
        assert isinstance(current, KeyButton)
        if direction in ("left", "right"):
            index = keys.index(current) + (1 if direction == "right" else -1)
            return keys[index] if 0 <= index < len(keys) else None
        row = current.spec.row + (1 if direction == "down" else -1)
        candidates = [k for k in keys if k.spec.row == row]
        return self._nearest(candidates, current) if candidates else None

    @staticmethod
    def _nearest(candidates: list[KeyButton], to: KeyButton) -> KeyButton:
        """The candidate whose middle is closest to the middle of `to`, by grid columns (then
        the one in the same row)."""
        middle = to.spec.column + to.spec.span / 2
        return min(
            candidates,
            key=lambda k: (
                abs(k.spec.column + k.spec.span / 2 - middle),
                k.spec.row != to.spec.row,
                abs(k.spec.row - to.spec.row),
            ),
        )

    # -- words ------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _symbol_names(self) -> dict[str, str]:
        return {
            "-": self.tr("hyphen"),
            "_": self.tr("underscore"),
            "@": self.tr("at sign"),
            ".": self.tr("dot"),
        }

    def _refresh(self) -> None:
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.show_target()
        symbols = self._symbol_names()
        delete, clear, space = self.tr("Delete"), self.tr("Clear"), self.tr("Space")
        for key in self.all_keys():
            spec = key.spec
            if spec.kind is KeyKind.CHAR:
                key.setText(spec.value)
                name = spec.value
                if name in symbols:
                    name = f"{name} {symbols[name]}"
                set_accessible(key, name, self.tr("Types {key}").format(key=spec.value))
            elif spec.kind is KeyKind.BACKSPACE:
                key.setText(with_icon("⌫", delete))
                set_accessible(key, delete, self.tr("Deletes the last letter typed"))
            elif spec.kind is KeyKind.CLEAR:
                key.setText(with_icon("⌧", clear))
                set_accessible(key, clear, self.tr("Empties the field you are typing in"))
            elif spec.kind is KeyKind.SPACE:
                key.setText(with_icon("␣", space))
                set_accessible(key, space, self.tr("Types a space"))
            else:
                key.setText("한/A")
                set_accessible(
                    key,
                    self.tr("한/A: Hangul keys")
                    if key.layout_name is Layout.LATIN
                    else self.tr("한/A: Latin letters and digits"),
                    self.tr("Switches the keys between Hangul and Latin letters"),
                )
