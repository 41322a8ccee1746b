"""The list of the last ten scans at this door."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from kiosk.gui.door.compact_list import CompactListView
from kiosk.gui.door.scans_model import RecentScansModel


class RecentScansView(QWidget):
    """A caption and a read-only list, newest first; reachable with Tab for screen readers."""

    def __init__(self, model: RecentScansModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.caption = QLabel()
        self.list = CompactListView(84)  # about three rows; more when there is room
        self.list.setObjectName("recentScans")
        self.list.setModel(model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.list.setUniformItemSizes(True)
        self.caption.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Last ten scans"))
        self.list.setAccessibleName(self.tr("Last ten scans"))
        self.list.setAccessibleDescription(
            self.tr("Newest first: time, name and what the door said")
        )
        self.model.retranslate()
