"""Row heights that follow the text size (large text scales the application font by 150 %)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from kiosk.gui.theme import BASE_POINT_SIZE, DisplayPreferences

ROW_PADDING = 1.7  # row height as a multiple of the text's line height


def fit_rows(*views: QTableView) -> None:
    """Give each table rows tall enough for its current font (uniform: no row is measured)."""
    for view in views:
        header = view.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(1)
        header.setDefaultSectionSize(int(QFontMetrics(view.font()).height() * ROW_PADDING))


class _Emphasis(QObject):
    """Keeps one heading's size in step with large text (dies with its label)."""

    def __init__(self, label: QLabel, prefs: DisplayPreferences, factor: float) -> None:
        super().__init__(label)
        self.label = label
        self.prefs = prefs
        self.factor = factor
        prefs.changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        font = QFont(self.label.font())
        font.setPointSizeF(self.prefs.points(BASE_POINT_SIZE * self.factor))
        font.setBold(True)
        self.label.setFont(font)


def emphasise(label: QLabel, prefs: DisplayPreferences, factor: float) -> None:
    """Make a label a bold heading `factor` times the base text size, following large text."""
    _Emphasis(label, prefs, factor)
