"""The top of the door screen: event, room and session this door serves, last sync, language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.messages import ticket_types_text
from kiosk.gui.door.chooser import DeliberateChooser
from kiosk.gui.door.session_list_model import DoorSessionsModel, SessionIdRole
from kiosk.gui.door.touch import GAP_PX, at_least_target, touch_chooser
from kiosk.gui.theme import DisplayPreferences
from kiosk.services.programme import SessionRow

TITLE_POINTS = 20.0


class DoorHeader(QWidget):
    """Event title, room and session choosers, the session's details and the last sync time."""

    room_chosen = Signal(str)
    session_chosen = Signal(str)
    language_requested = Signal()

    def __init__(
        self, event_name: str, prefs: DisplayPreferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._session: SessionRow | None = None
        self._language = "en"
        self._last_sync = ""

        self.event_label = QLabel(event_name)
        self.event_label.setObjectName("eventTitle")
        self.event_label.setWordWrap(True)
        self.door_label = QLabel()
        self.door_label.setObjectName("doorTitle")
        self.door_label.setWordWrap(True)
        self.sync_label = QLabel()
        self.sync_label.setObjectName("lastSync")
        self.sync_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self.language_requested)

        self.room_caption = QLabel()
        self.room_combo = DeliberateChooser()
        self.room_combo.setObjectName("roomCombo")
        self.room_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.room_combo.setMinimumContentsLength(6)
        # Never narrower than its longest room ("212+213" is never cut to "212+21…").
        self.room_combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.room_combo.activated.connect(self._room_activated)
        self.room_caption.setBuddy(self.room_combo)
        self.session_caption = QLabel()
        self.sessions_model = DoorSessionsModel()
        self.session_combo = DeliberateChooser()
        self.session_combo.setObjectName("sessionCombo")
        self.session_combo.setModel(self.sessions_model)
        self.session_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.session_combo.setMinimumContentsLength(24)
        self.session_combo.activated.connect(self._session_activated)
        self.session_caption.setBuddy(self.session_combo)
        self.details_label = QLabel()
        self.details_label.setObjectName("sessionDetails")
        self.details_label.setProperty("role", "hint")
        self.details_label.setWordWrap(True)
        touch_chooser(self.room_combo)
        touch_chooser(self.session_combo)
        at_least_target(self.language_button)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.event_label)
        titles.addWidget(self.door_label)
        top = QHBoxLayout()
        top.setSpacing(GAP_PX)
        top.addLayout(titles, 1)
        top.addWidget(self.sync_label)
        top.addWidget(self.language_button)
        chooser = QGridLayout()
        chooser.setHorizontalSpacing(GAP_PX)
        chooser.addWidget(self.room_caption, 0, 0)
        chooser.addWidget(self.room_combo, 0, 1)
        chooser.addWidget(self.session_caption, 0, 2)
        chooser.addWidget(self.session_combo, 0, 3)
        chooser.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addSpacing(GAP_PX)  # the language button apart from the session chooser
        layout.addLayout(chooser)
        layout.addSpacing(4)  # the details read with the chooser (and leave the verdict room)
        layout.addWidget(self.details_label)

        prefs.changed.connect(self.apply_fonts)
        self.apply_fonts()
        self.retranslate()

    # -- filling in ------------------------------------------------------------------------------

    def set_rooms(self, rooms: list[str], current: str | None) -> None:
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        self.room_combo.addItems(rooms)
        self.room_combo.setCurrentIndex(rooms.index(current) if current in rooms else -1)
        self.room_combo.blockSignals(False)
        self._refresh_door()

    def set_session(self, session: SessionRow | None) -> None:
        self._session = session
        row = self.sessions_model.row_of(session.session_id if session else None)
        self.session_combo.blockSignals(True)
        self.session_combo.setCurrentIndex(row)
        self.session_combo.blockSignals(False)
        self._refresh_door()

    def set_language(self, language: str) -> None:
        self._language = language
        self.sessions_model.set_language(language)
        self.retranslate()

    def set_last_sync(self, text: str) -> None:
        self._last_sync = text
        self.sync_label.setText(text)
        self.sync_label.setAccessibleName(text)

    def _room_activated(self, index: int) -> None:
        room = self.room_combo.itemText(index)
        if room:
            self.room_chosen.emit(room)

    def _session_activated(self, index: int) -> None:
        session_id = self.session_combo.itemData(index, SessionIdRole)
        if session_id:
            self.session_chosen.emit(str(session_id))

    # -- look and words --------------------------------------------------------------------------

    def apply_fonts(self) -> None:
        font = self.event_label.font()
        font.setPointSizeF(self._prefs.points(TITLE_POINTS))
        font.setBold(True)
        self.event_label.setFont(font)
        door_font = self.door_label.font()
        door_font.setPointSizeF(self._prefs.points(TITLE_POINTS * 0.8))
        door_font.setBold(True)
        self.door_label.setFont(door_font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _name_choosers(self) -> None:
        """A session's title may be too long for its box on a small screen, where the box
        shows it shortened ("…"): its tooltip and accessible name say it whole."""
        for combo, name in (
            (self.room_combo, self.tr("Room this door serves")),
            (self.session_combo, self.tr("Session this door serves")),
        ):
            text = combo.currentText()
            combo.setToolTip(text)
            combo.setAccessibleName(f"{name}: {text}" if text else name)

    def retranslate(self) -> None:
        self.room_caption.setText(self.tr("&Room"))
        self.session_caption.setText(self.tr("&Session"))
        self.room_combo.setAccessibleName(self.tr("Room this door serves"))
        self.room_combo.setAccessibleDescription(
            self.tr("Choosing a room picks its session running now or next")
        )
        self.session_combo.setAccessibleName(self.tr("Session this door serves"))
        self.session_combo.setAccessibleDescription(
            self.tr("Scans are judged for this session until you change it")
        )
        # The button names the language it switches to, in that language; its accessible name
        # starts with those words, so that it can be called by what it shows.
        target = "English" if self._language == "ko" else "한국어"
        self.language_button.setText(target)
        self.language_button.setAccessibleName(
            self.tr("{language} (change language)").format(language=target)
        )
        self.language_button.setAccessibleDescription(
            self.tr("Switch the screen between Korean and English")
        )
        self.event_label.setAccessibleName(self.event_label.text())
        self._refresh_door()

    def _refresh_door(self) -> None:
        self._name_choosers()
        room = self.room_combo.currentText()
        session = self._session
        if session is None:
            self.door_label.setText(
                self.tr("Door of room {room}: no session").format(room=room or "—")
            )
            self.details_label.setText(self.tr("There is no session in this room."))
            return
        self.door_label.setText(
            self.tr("Door of room {room}: {title}").format(
                room=session.room, title=session.title(self._language)
            )
        )
        if session.ticket_types:
            access = self.tr("For {tickets} ticket holders").format(
                tickets=ticket_types_text(session.ticket_types)
            )
        elif session.invite_only:
            access = self.tr("Invited guests, speakers and staff only")
        else:
            access = self.tr("Open to all participants")
        if session.capacity is None:
            capacity = self.tr("no capacity limit")
        else:
            capacity = self.tr("capacity {capacity}").format(capacity=session.capacity)
        self.details_label.setText(
            f"{session.date} {session.start}–{session.end} · {access} · {capacity}"
        )
