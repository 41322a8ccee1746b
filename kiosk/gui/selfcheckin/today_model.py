"""Today's sessions of the person at the kiosk (Qt model/view): time, room, title, interpretation.

Rows come from `Verdict.sessions`. Titles follow the screen's language; the interpretation line
says whether receivers are needed. The model is emptied when the visit ends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex


def language_name(code: str) -> str:
    """A language's name in the screen's language (the code itself for one we do not name)."""
    names = {
        "ko": QCoreApplication.translate("TodaySessionsModel", "Korean"),
        "en": QCoreApplication.translate("TodaySessionsModel", "English"),
        "ja": QCoreApplication.translate("TodaySessionsModel", "Japanese"),
        "zh": QCoreApplication.translate("TodaySessionsModel", "Chinese"),
        "es": QCoreApplication.translate("TodaySessionsModel", "Spanish"),
        "fr": QCoreApplication.translate("TodaySessionsModel", "French"),
    }
    return names.get(code, code.upper())


def _clock_time(text: str) -> str:
    try:
        return datetime.fromisoformat(text).strftime("%H:%M")
    except (TypeError, ValueError):
        return str(text)


class TodaySessionsModel(QAbstractListModel):
    """One row per session: several lines of text, read the same way by a screen reader."""

    TitleRole = Qt.ItemDataRole.UserRole + 1
    WhenRole = Qt.ItemDataRole.UserRole + 2
    PlaceRole = Qt.ItemDataRole.UserRole + 3
    InterpretationRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sessions: list[dict[str, Any]] = []
        self._language = "en"
        self._person_language: str | None = None
        self._main_language = "ko"

    def set_sessions(
        self,
        sessions: list[dict[str, Any]],
        *,
        person_language: str | None,
        main_language: str,
    ) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._person_language = person_language
        self._main_language = main_language
        self.endResetModel()

    def clear(self) -> None:
        self.set_sessions([], person_language=None, main_language=self._main_language)

    def set_language(self, language: str) -> None:
        """The screen's language changed: every row's text changes with it."""
        self._language = language
        if self._sessions:
            self.dataChanged.emit(self.index(0), self.index(len(self._sessions) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        if role == self.TitleRole:
            return self._title(session)
        if role == self.WhenRole:
            return f"{_clock_time(session['start'])}–{_clock_time(session['end'])}"
        if role == self.PlaceRole:
            return self._place(session)
        if role == self.InterpretationRole:
            return self._interpretation(session)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = self.data(index, self.WhenRole)
            lines = [f"{when}   {self._place(session)}", self._title(session)]
            interpretation = self._interpretation(session)
            if interpretation:
                lines.append(interpretation)
            return "\n".join(lines)
        return None

    def _title(self, session: dict[str, Any]) -> str:
        if self._language == "ko" and session.get("title_ko"):
            return str(session["title_ko"])
        return str(session.get("title_en") or session.get("title_ko") or session["session_id"])

    def _place(self, session: dict[str, Any]) -> str:
        room = session.get("room") or ""
        venue = session.get("venue") or ""
        text = (
            QCoreApplication.translate("TodaySessionsModel", "Room {room}").format(room=room)
            if room
            else ""
        )
        return f"{text}, {venue}" if venue and text else (text or venue)

    def _interpretation(self, session: dict[str, Any]) -> str:
        languages: list[str] = list(session.get("interpretation") or [])
        if not languages:
            return ""
        names = " ↔ ".join(language_name(code) for code in languages)
        person = self._person_language
        if person and person != self._main_language and person in languages:
            text = QCoreApplication.translate(
                "TodaySessionsModel",
                "Interpretation: {languages} — please take a receiver at the desk",
            )
        else:
            text = QCoreApplication.translate(
                "TodaySessionsModel", "Interpretation: {languages} — receivers at the desk"
            )
        return text.format(languages=names)
