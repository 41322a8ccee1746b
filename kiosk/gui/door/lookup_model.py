"""Search results of the staff look-up by name (Qt list model); no e-mails, no codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kiosk.gui.door.presentation import category_label
from kiosk.services.lookup import PersonMatch

_Index = QModelIndex | QPersistentModelIndex
RegistrationRole = Qt.ItemDataRole.UserRole + 1


class PersonMatchModel(QAbstractListModel):
    """People found by name: name (and local script), organisation, category, registration."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self._matches: list[PersonMatch] = []
        self._language = language

    def set_language(self, language: str) -> None:
        self._language = language
        if self._matches:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._matches) - 1, 0))

    def set_matches(self, matches: list[PersonMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def clear(self) -> None:
        self.set_matches([])

    def match_at(self, row: int) -> PersonMatch | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        match = self.match_at(index.row()) if index.isValid() else None
        if match is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [match.name]
            if match.name_local and match.name_local != match.name:
                parts[0] = f"{match.name} ({match.name_local})"
            if match.organization:
                parts.append(match.organization)
            parts.append(category_label(match.category, self._language))
            parts.append(match.registration_id)
            text = " · ".join(parts)
            if match.status == "cancelled":
                text += " — " + QCoreApplication.translate("PersonMatchModel", "cancelled")
            return text
        if role == RegistrationRole:
            return match.registration_id
        return None
