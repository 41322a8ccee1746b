"""The programme tab: sessions by day and room, and invitation lists edited by search or file.

An invitation added here is in the database at once (one transaction): the door on this machine
applies it at the next scan, and other doors after their next roster sync.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.gui.fitting import FoldingSplitter, PageScroller
from kiosk.gui.organiser.labels import access_label
from kiosk.gui.organiser.programme_models import (
    InvitedModel,
    PeopleFoundModel,
    ProgrammeModel,
)
from kiosk.gui.organiser.sizing import fit_rows
from kiosk.gui.shell.context import AppContext
from kiosk.services.lookup import search_by_name
from kiosk.services.programme import ProgrammeRow, programme_rows
from kiosk.services.roster_admin import add_invitation, invited_people, remove_invitation

SEARCH_LIMIT = 30


class ProgrammeView(QWidget):
    """Sessions on the left; the chosen session's details and invitation list on the right."""

    import_requested = Signal(str)  # the import kind the organiser wants to import
    invitations_changed = Signal(str)  # session id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeView")
        self.context = context
        self.current: ProgrammeRow | None = None

        self.day = QComboBox()
        self.day.setObjectName("programmeDay")
        self.room = QComboBox()
        self.room.setObjectName("programmeRoom")
        for combo in (self.day, self.room):  # never narrower than its longest entry
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day.currentIndexChanged.connect(self._filter)
        self.room.currentIndexChanged.connect(self._filter)
        self.model = ProgrammeModel(context.languages.language)
        self.table = QTableView()
        self.table.setObjectName("programmeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (
            ProgrammeModel.COLUMNS.index("title"),
            ProgrammeModel.COLUMNS.index("speakers"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, 260)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        fit_rows(self.table)
        context.prefs.changed.connect(self._text_size_changed)

        self.details = QLabel()
        self.details.setObjectName("sessionDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.invited_model = InvitedModel()
        self.invited = QListView()
        self.invited.setObjectName("invitedList")
        self.invited.setModel(self.invited_model)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeInvitation")
        self.remove_button.clicked.connect(self.remove_selected)
        self._delete = QShortcut(QKeySequence.StandardKey.Delete, self.invited)
        self._delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete.activated.connect(self.remove_selected)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importInvitations")
        self.import_button.clicked.connect(lambda: self.import_requested.emit("invitations"))

        self.person_search = QLineEdit()
        self.person_search.setObjectName("inviteSearch")
        self.person_search.setClearButtonEnabled(True)
        self.person_search.textChanged.connect(self.search)
        self.person_search.returnPressed.connect(self._invite_first)
        self.found_model = PeopleFoundModel()
        self.found = QListView()
        self.found.setObjectName("inviteResults")
        self.found.setModel(self.found_model)
        self.found.activated.connect(
            lambda index: self.invite(self.found_model.registration_at(index.row()))
        )
        self.invite_button = QPushButton()
        self.invite_button.setObjectName("inviteButton")
        self.invite_button.setProperty("primary", True)
        self.invite_button.clicked.connect(self.invite_selected)
        self.message = QLabel()
        self.message.setObjectName("invitationMessage")
        self.message.setWordWrap(True)

        self.list_box = QGroupBox()
        box = QVBoxLayout(self.list_box)
        box.addWidget(self.invited, 1)
        box.addWidget(self.remove_button)
        self.add_box = QGroupBox()
        box = QVBoxLayout(self.add_box)
        box.addWidget(self.person_search)
        box.addWidget(self.found, 1)
        box.addWidget(self.invite_button)

        filters = QHBoxLayout()
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.room_label = QLabel()
        self.room_label.setBuddy(self.room)
        filters.addWidget(self.day_label)
        filters.addWidget(self.day, 1)
        filters.addWidget(self.room_label)
        filters.addWidget(self.room, 1)
        filters.addWidget(self.import_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.list_box, 2)
        right_layout.addWidget(self.add_box, 2)
        right_layout.addWidget(self.message)
        split = FoldingSplitter()  # the details under the list on a narrow window
        split.addWidget(left)
        split.addWidget(PageScroller(right))  # the invitations scroll on a short window
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        context.languages.changed.connect(self.model.set_language)
        self.retranslate()
        self.reload()

    # --- programme ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the programme again (after an import)."""
        chosen = self.current.session.session_id if self.current else None
        self.model.set_rows(programme_rows(self.context.conn))
        self._fill_filters()
        if chosen is not None:
            self.select_session(chosen)
        else:
            self._show_session()

    def _fill_filters(self) -> None:
        for combo, values in ((self.day, self.model.days()), (self.room, self.model.rooms())):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            if combo.count() == 0:
                combo.addItem("", None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.retranslate_filters()

    def _filter(self) -> None:
        self.model.set_filter(self.day.currentData(), self.room.currentData())
        self.current = None
        self._show_session()

    def select_session(self, session_id: str) -> bool:
        row = self.model.row_of(session_id)
        if row is None:
            self.day.setCurrentIndex(0)
            self.room.setCurrentIndex(0)
            row = self.model.row_of(session_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.model.session_at(rows[0].row()) if rows else None
        self._show_session()

    def _show_session(self) -> None:
        item = self.current
        enabled = item is not None
        for widget in (self.list_box, self.add_box):
            widget.setEnabled(enabled)
        if item is None:
            self.details.setText(self.tr("Choose a session to see and edit its invitation list."))
            self.invited_model.set_people([])
            return
        s = item.session
        lines = [
            f"{s.session_id} · {s.date} {s.start}–{s.end} · {s.room}"
            + (f" ({s.venue})" if s.venue else ""),
        ]
        if s.title_en:
            lines.append(s.title_en)
        if s.title_ko:
            lines.append(s.title_ko)
        capacity = (
            self.tr("no limit") if s.capacity is None else self.tr("%n people", "", s.capacity)
        )
        lines.append(
            self.tr("Access: {access} · Capacity: {capacity}").format(
                access=access_label(s.invite_only, s.ticket_types), capacity=capacity
            )
        )
        if s.interpretation:
            lines.append(
                self.tr("Interpretation: {languages}").format(languages=", ".join(s.interpretation))
            )
        lines.append(
            self.tr("Speakers: {speakers}").format(speakers=", ".join(item.speakers) or "—")
        )
        if not s.invite_only:
            lines.append(
                self.tr(
                    "This session is open to everyone: its invitation list does not restrict "
                    "the door."
                )
            )
        self.details.setText("\n".join(lines))
        self.details.setAccessibleName(self.details.text())
        self._show_invited()

    def _show_invited(self) -> None:
        if self.current is None:
            return
        sid = self.current.session.session_id
        people = invited_people(self.context.conn, sid)
        self.invited_model.set_people(people)
        self.list_box.setTitle(self.tr("Invitation list ({count})").format(count=len(people)))

    # --- invitations -------------------------------------------------------------------------

    def search(self, text: str) -> None:
        self.found_model.set_matches(search_by_name(self.context.conn, text, SEARCH_LIMIT))
        if self.found_model.rowCount():
            self.found.setCurrentIndex(self.found_model.index(0, 0))

    def _invite_first(self) -> None:
        index = self.found.currentIndex()
        row = index.row() if index.isValid() else 0
        self.invite(self.found_model.registration_at(row))

    def invite_selected(self) -> None:
        index = self.found.currentIndex()
        if index.isValid():
            self.invite(self.found_model.registration_at(index.row()))

    def invite(self, registration_id: str | None) -> bool:
        """Put a person on the chosen session's list (committed at once)."""
        if registration_id is None or self.current is None:
            return False
        sid = self.current.session.session_id
        try:
            added = add_invitation(self.context.conn, sid, registration_id)
        except KioskError as exc:
            self.message.setText("✖ " + str(exc))
            return False
        self.message.setText(
            (
                self.tr("✔ {person} invited to {session}.")
                if added
                else self.tr("{person} is already on the list of {session}.")
            ).format(person=registration_id, session=sid)
        )
        self._after_change(sid)
        return added

    def remove_selected(self) -> None:
        index = self.invited.currentIndex()
        if not index.isValid() or self.current is None:
            return
        rid = self.invited_model.registration_at(index.row())
        if rid is None:
            return
        sid = self.current.session.session_id
        remove_invitation(self.context.conn, sid, rid)
        self.message.setText(
            self.tr("{person} removed from the list of {session}.").format(person=rid, session=sid)
        )
        self._after_change(sid)

    def _after_change(self, session_id: str) -> None:
        self._show_invited()
        rows = programme_rows(self.context.conn)
        self.model.set_rows(rows)
        self.select_session(session_id)
        self.invitations_changed.emit(session_id)

    def _text_size_changed(self) -> None:
        fit_rows(self.table)

    # --- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate_filters(self) -> None:
        if self.day.count():
            self.day.setItemText(0, self.tr("All days"))
        if self.room.count():
            self.room.setItemText(0, self.tr("All rooms"))

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("&Day"))
        self.room_label.setText(self.tr("&Room"))
        self.day.setAccessibleName(self.tr("Day"))
        self.room.setAccessibleName(self.tr("Room"))
        self.retranslate_filters()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.invited.setAccessibleName(self.tr("Invitation list"))
        self.remove_button.setText(self.tr("Remove from list"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen person from the list"))
        self.import_button.setText(self.tr("Import a list…"))
        self.import_button.setAccessibleName(self.tr("Import invitation lists from a file"))
        self.add_box.setTitle(self.tr("Invite someone"))
        self.person_search.setPlaceholderText(self.tr("Name or registration"))
        self.person_search.setAccessibleName(self.tr("Find a person to invite"))
        self.found.setAccessibleName(self.tr("People found"))
        self.invite_button.setText(self.tr("Invite"))
        self.invite_button.setAccessibleName(self.tr("Invite the chosen person"))
        self.model.set_language(self.context.languages.language)
        if self.current is None:
            self.list_box.setTitle(self.tr("Invitation list"))
        self._show_session()
