"""Models of the programme tab: sessions with their rules and speakers, invitation lists, and
people found by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kiosk.gui.organiser.labels import access_label, category_label, status_label
from kiosk.gui.table_model import ColumnsTableModel
from kiosk.services.lookup import PersonMatch
from kiosk.services.programme import ProgrammeRow
from kiosk.services.roster_admin import InvitedPerson

_Index = QModelIndex | QPersistentModelIndex
RegistrationRole = Qt.ItemDataRole.UserRole + 1
INVITE_ONLY_BACKGROUND = QColor("#eef3fb")


class ProgrammeModel(ColumnsTableModel):
    """Sessions by day and room: time, title, access rule, capacity, speakers, invitations."""

    COLUMNS = (
        "date",
        "time",
        "room",
        "session",
        "title",
        "access",
        "capacity",
        "speakers",
        "invited",
    )

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.all_rows: list[ProgrammeRow] = []
        self.rows: list[ProgrammeRow] = []
        self.language = language
        self.day: str | None = None
        self.room: str | None = None

    def set_rows(self, rows: list[ProgrammeRow]) -> None:
        self.beginResetModel()
        self.all_rows = rows
        self._apply()
        self.endResetModel()

    def set_filter(self, day: str | None, room: str | None) -> None:
        self.beginResetModel()
        self.day, self.room = day, room
        self._apply()
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )

    def _apply(self) -> None:
        self.rows = [
            row
            for row in self.all_rows
            if (self.day is None or row.session.date == self.day)
            and (self.room is None or row.session.room == self.room)
        ]

    def days(self) -> list[str]:
        return sorted({row.session.date for row in self.all_rows})

    def rooms(self) -> list[str]:
        return sorted({row.session.room for row in self.all_rows})

    def session_at(self, row: int) -> ProgrammeRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, session_id: str) -> int | None:
        for index, row in enumerate(self.rows):
            if row.session.session_id == session_id:
                return index
        return None

    def row_total(self) -> int:
        return len(self.rows)

    def header_labels(self) -> dict[str, str]:
        return {
            "date": QCoreApplication.translate("ProgrammeModels", "Day"),
            "time": QCoreApplication.translate("ProgrammeModels", "Time"),
            "room": QCoreApplication.translate("ProgrammeModels", "Room"),
            "session": QCoreApplication.translate("ProgrammeModels", "Session"),
            "title": QCoreApplication.translate("ProgrammeModels", "Title"),
            "access": QCoreApplication.translate("ProgrammeModels", "Access"),
            "capacity": QCoreApplication.translate("ProgrammeModels", "Capacity"),
            "speakers": QCoreApplication.translate("ProgrammeModels", "Speakers"),
            "invited": QCoreApplication.translate("ProgrammeModels", "Invited"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        row = item.session
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "date":
                return row.date
            if column == "time":
                return f"{row.start}–{row.end}"
            if column == "room":
                return row.room
            if column == "session":
                return row.session_id
            if column == "title":
                return row.title(self.language)
            if column == "access":
                return access_label(row.invite_only, row.ticket_types)
            if column == "capacity":
                return (
                    QCoreApplication.translate("ProgrammeModels", "No limit")
                    if row.capacity is None
                    else str(row.capacity)
                )
            if column == "speakers":
                return ", ".join(item.speakers)
            return str(item.invited) if row.invite_only else "—"
        if role == Qt.ItemDataRole.BackgroundRole and row.invite_only:
            return QBrush(INVITE_ONLY_BACKGROUND)
        return None


class InvitedModel(QAbstractListModel):
    """A session's invitation list."""

    def __init__(self) -> None:
        super().__init__()
        self.people: list[InvitedPerson] = []

    def set_people(self, people: list[InvitedPerson]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def registration_at(self, row: int) -> str | None:
        return self.people[row].registration_id if 0 <= row < len(self.people) else None

    def ids(self) -> list[str]:
        return [person.registration_id for person in self.people]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = person.name or person.name_local or person.registration_id
            if person.name_local and person.name_local != person.name:
                name += f" ({person.name_local})"
            text = f"{name} · {category_label(person.category)} · {person.registration_id}"
            if person.status == "cancelled":
                text += " — ✖ " + status_label(person.status)
            return text
        if role == RegistrationRole:
            return person.registration_id
        return None


class PeopleFoundModel(QAbstractListModel):
    """People found by name, to invite."""

    def __init__(self) -> None:
        super().__init__()
        self.matches: list[PersonMatch] = []

    def set_matches(self, matches: list[PersonMatch]) -> None:
        self.beginResetModel()
        self.matches = list(matches)
        self.endResetModel()

    def registration_at(self, row: int) -> str | None:
        return self.matches[row].registration_id if 0 <= row < len(self.matches) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [match.name]
            if match.name_local and match.name_local != match.name:
                parts[0] += f" ({match.name_local})"
            if match.organization:
                parts.append(match.organization)
            parts += [category_label(match.category), match.registration_id]
            text = " · ".join(parts)
            if match.status == "cancelled":
                text += " — ✖ " + status_label(match.status)
            return text
        if role == RegistrationRole:
            return match.registration_id
        return None
