"""A chooser that changes only on a deliberate choice: a click, or the keys with a confirmation.

The door's Room and Session boxes decide how every scan is judged. A plain QComboBox changes its
choice on typed characters (keyboard search: "211" picks room 211), on the arrow keys and on
the mouse wheel, each without any confirmation, so a short barcode scanned, or a few keys
typed, while it had the focus quietly moved the door to another room. `DeliberateChooser`
ignores typed characters and the wheel; the arrow keys, Space and F4 only open its list, where
the arrows move and Enter confirms (Escape cancels). A click opens the list as usual.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

# Keys that open the list instead of changing the choice at once.
_OPEN_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Space,
        Qt.Key.Key_F4,
        Qt.Key.Key_Select,
    }
)


class DeliberateChooser(QComboBox):
    """A combo box whose choice changes only when a person picks from its open list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if key in _OPEN_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.showPopup()
            event.accept()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape):
            super().keyPressEvent(event)
            return
        # Typed characters (keyboard search), Enter and anything else: not a choice. Ignored, so
        # the screen above may say what it heard.
        event.ignore()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        """Scrolling past the box never changes the door's room or session."""
        event.ignore()
