"""A table model over the event's sessions (Qt model/view)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kiosk.services.programme import SessionRow

_Index = QModelIndex | QPersistentModelIndex


class SessionsModel(QAbstractTableModel):
    """Sessions with time, room, access and capacity; titles follow the screen's language."""

    COLUMNS = ("time", "title", "room", "access", "capacity")

    def __init__(self, sessions: list[SessionRow], language: str = "en") -> None:
        super().__init__()
        self._sessions = sessions
        self._language = language

    def set_language(self, language: str) -> None:
        self._language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._sessions:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._sessions) - 1, len(self.COLUMNS) - 1)
            )

    def set_sessions(self, sessions: list[SessionRow]) -> None:
        self.beginResetModel()
        self._sessions = sessions
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "time": QCoreApplication.translate("SessionsModel", "Time"),
            "title": QCoreApplication.translate("SessionsModel", "Session"),
            "room": QCoreApplication.translate("SessionsModel", "Room"),
            "access": QCoreApplication.translate("SessionsModel", "Access"),
            "capacity": QCoreApplication.translate("SessionsModel", "Capacity"),
        }[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self._sessions[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "time":
            return f"{row.date} {row.start}–{row.end}"
        if column == "title":
            return row.title(self._language)
        if column == "room":
            return row.room
        if column == "access":
            if row.invite_only:
                return QCoreApplication.translate("SessionsModel", "Invited guests and staff")
            return QCoreApplication.translate("SessionsModel", "Open")
        if row.capacity is None:
            return QCoreApplication.translate("SessionsModel", "No limit")
        return str(row.capacity)
