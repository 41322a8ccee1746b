"""The last ten scans at this door, newest first (Qt list model): time, reason word, name."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.core.clock import from_ms
from kiosk.gui.door.presentation import reason_word, verdict_kind
from kiosk.services.door_scans import RECENT_LIMIT, ScanEntry

_Index = QModelIndex | QPersistentModelIndex
NO_NAME = "—"

# Roles for tests and delegates beside the display text.
ReasonRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2
TimeRole = Qt.ItemDataRole.UserRole + 3

_ICONS = {"admit": "✔", "welcome_back": "➜", "exit": "⬅", "deny": "✖"}


class RecentScansModel(QAbstractListModel):
    """At most ten scans, newest first; words follow the screen's language when asked."""

    def __init__(self, tz: ZoneInfo, limit: int = RECENT_LIMIT) -> None:
        super().__init__()
        self._tz = tz
        self._limit = limit
        self._entries: list[ScanEntry] = []

    @property
    def entries(self) -> list[ScanEntry]:
        return list(self._entries)

    def add(self, entry: ScanEntry) -> None:
        """Put a scan on top, dropping the oldest beyond the limit."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._entries.insert(0, entry)
        self.endInsertRows()
        if len(self._entries) > self._limit:
            self.beginRemoveRows(QModelIndex(), self._limit, len(self._entries) - 1)
            del self._entries[self._limit :]
            self.endRemoveRows()

    def set_entries(self, entries: list[ScanEntry]) -> None:
        self.beginResetModel()
        self._entries = entries[: self._limit]
        self.endResetModel()

    def retranslate(self) -> None:
        """The reason words changed language: repaint every row."""
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 0))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            clock = from_ms(entry.at_ms, self._tz).strftime("%H:%M:%S")
            icon = _ICONS[verdict_kind(entry.reason)]
            word = reason_word(entry.reason, overridden=entry.overridden)
            return f"{clock}  {icon} {word} · {entry.name or NO_NAME}"
        if role == ReasonRole:
            return entry.reason.value
        if role == NameRole:
            return entry.name or NO_NAME
        if role == TimeRole:
            return entry.at_ms
        return None
