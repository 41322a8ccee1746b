"""Table models of the dashboard: rooms against capacity, sessions' counts, a room's roll-call."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kiosk.core.clock import from_ms
from kiosk.gui.organiser.labels import category_label
from kiosk.gui.table_model import ColumnsTableModel
from kiosk.services.dashboard import FULL, NEAR, NO_LIMIT, SPACE, InsidePerson, RoomNow

_Index = QModelIndex | QPersistentModelIndex
# Background and text colour per room state: contrast at least 4.5:1, and the text says it too.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    FULL: ("#b00020", "#ffffff"),
    NEAR: ("#f2b705", "#000000"),
    SPACE: ("#dff3e4", "#0a3d1a"),
    NO_LIMIT: ("#f0f0f0", "#1a1a1a"),
}


def state_text(state: str) -> str:
    """A room state in words, with a shape (never colour alone)."""
    return {
        FULL: QCoreApplication.translate("DashboardModels", "✖ Full"),
        NEAR: QCoreApplication.translate("DashboardModels", "⚠ Near capacity"),
        SPACE: QCoreApplication.translate("DashboardModels", "✔ Space left"),
        NO_LIMIT: QCoreApplication.translate("DashboardModels", "No limit"),
    }.get(state, state)


class RoomsModel(ColumnsTableModel):
    """Each room with the session it holds, people inside, capacity and state."""

    COLUMNS = ("room", "session", "time", "inside", "capacity", "share", "state")

    def __init__(self) -> None:
        super().__init__()
        self.rooms: list[RoomNow] = []
        self.language = "en"

    def set_rooms(self, rooms: list[RoomNow]) -> None:
        self.beginResetModel()
        self.rooms = list(rooms)
        self.endResetModel()

    def room_at(self, row: int) -> RoomNow | None:
        return self.rooms[row] if 0 <= row < len(self.rooms) else None

    def row_total(self) -> int:
        return len(self.rooms)

    def header_labels(self) -> dict[str, str]:
        return {
            "room": QCoreApplication.translate("DashboardModels", "Room"),
            "session": QCoreApplication.translate("DashboardModels", "Session"),
            "time": QCoreApplication.translate("DashboardModels", "Time"),
            "inside": QCoreApplication.translate("DashboardModels", "Inside"),
            "capacity": QCoreApplication.translate("DashboardModels", "Capacity"),
            "share": QCoreApplication.translate("DashboardModels", "Full %"),
            "state": QCoreApplication.translate("DashboardModels", "State"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        room = self.rooms[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "room":
                return room.room
            if column == "session":
                title = (
                    (room.title_ko or room.title_en)
                    if self.language == "ko"
                    else (room.title_en or room.title_ko)
                )
                return f"{room.session_id} · {title or ''}"
            if column == "time":
                running = (
                    QCoreApplication.translate("DashboardModels", "now") if room.running else ""
                )
                return f"{room.start}–{room.end} {running}".strip()
            if column == "inside":
                return str(room.inside)
            if column == "capacity":
                return (
                    QCoreApplication.translate("DashboardModels", "No limit")
                    if room.capacity is None
                    else str(room.capacity)
                )
            if column == "share":
                return "—" if room.share is None else f"{round(room.share * 100)}%"
            return state_text(room.state)
        if column == "state" and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            background, foreground = STATE_COLOURS.get(room.state, STATE_COLOURS[NO_LIMIT])
            colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QBrush(QColor(colour))
        return None


class SessionCountsModel(ColumnsTableModel):
    """`kiosk status` per session: admitted, inside, capacity."""

    COLUMNS = ("session", "admitted", "inside", "capacity")

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[dict[str, Any]] = []

    def set_sessions(self, sessions: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.sessions = list(sessions)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.sessions)

    def header_labels(self) -> dict[str, str]:
        return {
            "session": QCoreApplication.translate("DashboardModels", "Session"),
            "admitted": QCoreApplication.translate("DashboardModels", "Entered"),
            "inside": QCoreApplication.translate("DashboardModels", "Inside"),
            "capacity": QCoreApplication.translate("DashboardModels", "Capacity"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        session = self.sessions[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "session":
            return str(session["session_id"])
        if column == "capacity" and session["capacity"] is None:
            return QCoreApplication.translate("DashboardModels", "No limit")
        return str(session[column])


class RollCallModel(ColumnsTableModel):
    """Who is inside one room now."""

    COLUMNS = ("name", "name_local", "category", "registration", "since", "needs")

    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self.tz = tz
        self.people: list[InsidePerson] = []

    def set_people(self, people: list[InsidePerson]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.people)

    def header_labels(self) -> dict[str, str]:
        return {
            "name": QCoreApplication.translate("DashboardModels", "Name"),
            "name_local": QCoreApplication.translate("DashboardModels", "Local name"),
            "category": QCoreApplication.translate("DashboardModels", "Category"),
            "registration": QCoreApplication.translate("DashboardModels", "Registration"),
            "since": QCoreApplication.translate("DashboardModels", "Inside since"),
            "needs": QCoreApplication.translate("DashboardModels", "Access needs"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        person = self.people[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "name":
            return person.name
        if column == "name_local":
            return person.name_local or ""
        if column == "category":
            return category_label(person.category or "")
        if column == "registration":
            return person.registration_id
        if column == "since":
            return from_ms(person.since_ms, self.tz).strftime("%H:%M")
        return person.accessibility or ""
