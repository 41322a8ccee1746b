"""The sessions of the door's room for the session chooser (Qt list model)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.gui.door.session_choice import TimedSession

_Index = QModelIndex | QPersistentModelIndex
SessionIdRole = Qt.ItemDataRole.UserRole + 1


class DoorSessionsModel(QAbstractListModel):
    """One line a session: date, time and title in the screen's language."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self._sessions: list[TimedSession] = []
        self._language = language

    def set_sessions(self, sessions: list[TimedSession]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._sessions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sessions) - 1, 0))

    def row_of(self, session_id: str | None) -> int:
        for row, session in enumerate(self._sessions):
            if session.session_id == session_id:
                return row
        return -1

    def session_at(self, row: int) -> TimedSession | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        session = self.session_at(index.row()) if index.isValid() else None
        if session is None:
            return None
        row = session.row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.date[5:]} {row.start}–{row.end} · {row.title(self._language)}"
        if role == SessionIdRole:
            return row.session_id
        return None
