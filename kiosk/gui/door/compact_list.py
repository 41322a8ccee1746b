"""A list view that asks for little height and takes more only when the layout has it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListView, QWidget


class CompactListView(QListView):
    """QListView whose size hint is its minimum height (Qt's default asks for ~190 px), so the
    staff tools fit a laptop screen and share out the spare height by their stretch. The least
    it asks for does not count its touch-sized scroll bars (they shrink with the list)."""

    def __init__(self, minimum_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(minimum_height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())
