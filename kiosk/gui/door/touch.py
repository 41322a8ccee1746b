"""Touch sizes and the door screen's own style: targets a finger can hit, apart from each other.

The door runs on the kiosk's panel (21.5-inch 1920x1080, 0.248 mm a pixel): a 12 mm target is
49 px and a 2.5 mm gap 11 px; TARGET_PX and GAP_PX leave a margin over both. Sizes are minimums:
large text makes controls grow from there. Colours stay the theme's, except where the platform's
defaults do not reach the contrast a kiosk needs (the placeholder of a field, the chosen row of a
list), and scroll bars are made wide enough to drag with a finger.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.gui.theme import DisplayPreferences

TARGET_PX = 52  # 12.9 mm on the kiosk's panel (12 mm needed)
GAP_PX = 14  # 3.5 mm (2.5 mm needed)

# (placeholder, chosen row background, chosen row text, scroll track, scroll handle) by theme.
# Standard: placeholder #666666 on white 5.7:1, white on #0b5cad 6.7:1 (4.5:1 needed).
# High contrast: #cccccc on black 13.1:1, black on yellow 19.6:1 (7:1 needed).
COLOURS: dict[str, tuple[str, str, str, str, str]] = {
    "standard": ("#666666", "#0b5cad", "#ffffff", "#e8e8e4", "#4a4a4a"),
    "high_contrast": ("#cccccc", "#ffff00", "#000000", "#000000", "#ffffff"),
}


def door_style(prefs: DisplayPreferences) -> str:
    """The door screen's style sheet for the current theme (set on the screen, so it also
    reaches the dialogs it opens)."""
    placeholder, chosen_bg, chosen_fg, track, handle = COLOURS[prefs.theme]
    border = "2px solid #ffffff" if prefs.high_contrast else "none"
    return f"""
#doorScreen QLineEdit {{ placeholder-text-color: {placeholder}; }}
#doorScreen QListView {{
    selection-background-color: {chosen_bg}; selection-color: {chosen_fg};
}}
#doorScreen QScrollBar {{ background: {track}; border: {border}; border-radius: 8px; }}
#doorScreen QScrollBar:vertical {{ width: {TARGET_PX}px; margin: 0px; }}
#doorScreen QScrollBar:horizontal {{ height: {TARGET_PX}px; margin: 0px; }}
#doorScreen QScrollBar::handle {{ background: {handle}; border-radius: 6px; margin: 6px; }}
#doorScreen QScrollBar::handle:vertical {{ min-height: {TARGET_PX}px; }}
#doorScreen QScrollBar::handle:horizontal {{ min-width: {TARGET_PX}px; }}
#doorScreen QScrollBar::add-line, #doorScreen QScrollBar::sub-line {{
    width: 0px; height: 0px; border: none; background: none;
}}
#doorScreen QScrollBar::add-page, #doorScreen QScrollBar::sub-page {{ background: none; }}
"""


def at_least_target(*widgets: QWidget) -> None:
    """Give controls a touch target's height at the least."""
    for widget in widgets:
        widget.setMinimumHeight(TARGET_PX)


class TallRowDelegate(QStyledItemDelegate):
    """Rows at least a touch target tall (a chooser's drop-down list)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), TARGET_PX))


def touch_chooser(combo: QComboBox) -> None:
    """A chooser a touch target tall whose drop-down rows are too, GAP_PX apart."""
    at_least_target(combo)
    combo.setItemDelegate(TallRowDelegate(combo))
    view = combo.view()
    if isinstance(view, QListView):
        view.setSpacing(GAP_PX // 2)


class TouchRowDelegate(QStyledItemDelegate):
    """Rows of a list at least a touch target tall, as wide as the list, their text wrapped
    rather than scrolled sideways. The list spaces its rows GAP_PX apart, and the rows keep
    GAP_PX clear of the list's scroll bar."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        view.setItemDelegate(self)
        view.setSpacing(GAP_PX // 2)  # around each row: GAP_PX between two rows
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self._view
        width = max(view.viewport().width() - view.spacing() - GAP_PX, 1)
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, width, max(option.rect.height(), 1))
        hint = super().sizeHint(wrapped, index)
        return QSize(width, max(hint.height() + 8, TARGET_PX))
