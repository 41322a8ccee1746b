"""Staff look-up by name for someone without a badge: search as you type, choose, check in.

The list always belongs to the text in the field: any change of the text takes the old results
off the screen at once (and with them "Check in at this door"), and a new search runs once
typing pauses for SEARCH_DELAY_MS (a QTimer tests can fire themselves) or at once on Enter. The
check-in acts only on a row shown for the text now in the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.gui.door.compact_list import CompactListView
from kiosk.gui.door.lookup_model import PersonMatchModel, RegistrationRole
from kiosk.gui.door.touch import GAP_PX, TARGET_PX, TouchRowDelegate, at_least_target
from kiosk.gui.fitting import StackingRow
from kiosk.services.lookup import PersonMatch

# One touch-sized row with the spacing around it, inside the list's frame and padding.
RESULTS_MIN_PX = TARGET_PX + GAP_PX + 20
SEARCH_DELAY_MS = 300  # a pause in typing this long runs the search
MIN_LETTERS = 2  # the search needs this many letters (as search_by_name does)


class LookupView(QWidget):
    """Type a name (results follow as you type); choose a person, press Enter to check in."""

    search_requested = Signal(str)
    person_chosen = Signal(str)  # registration id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PersonMatchModel()
        self._searched = False
        self._shown_for: str | None = None  # the text the rows shown were found for
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search)
        self.caption = QLabel()
        self.caption.setObjectName("lookupCaption")
        self.caption.setWordWrap(True)  # 200 % text on a narrow column
        self.field = QLineEdit()
        self.field.setObjectName("lookupField")
        self.field.setMaxLength(80)
        self.field.returnPressed.connect(self._search)
        self.field.textChanged.connect(self._text_changed)
        self.caption.setBuddy(self.field)
        self.search_button = QPushButton()
        self.search_button.setObjectName("lookupSearch")
        self.search_button.clicked.connect(self._search)
        self.results = CompactListView(RESULTS_MIN_PX)
        self.results.setObjectName("lookupResults")
        self.results.setModel(self.model)
        self.rows = TouchRowDelegate(self.results)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.activated.connect(self._activated)
        self.results.selectionModel().currentChanged.connect(self._update_buttons)
        self.status = QLabel()
        self.status.setObjectName("lookupStatus")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.checkin_button = QPushButton()
        self.checkin_button.setObjectName("lookupCheckin")
        self.checkin_button.clicked.connect(self._check_in_current)
        at_least_target(self.field, self.search_button, self.checkin_button)

        row = QHBoxLayout()
        row.setSpacing(GAP_PX)
        row.addWidget(self.field, 1)
        row.addWidget(self.search_button)
        # What the search found, and beside it what to do with it (under it when narrow).
        bottom = StackingRow([(self.status, 1), (self.checkin_button, 0)], spacing=GAP_PX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(bottom)
        self.setTabOrder(self.field, self.search_button)
        self.setTabOrder(self.search_button, self.results)
        self.setTabOrder(self.results, self.checkin_button)
        self.retranslate()
        self._update_buttons()

    def show_matches(self, matches: list[PersonMatch], text: str | None = None) -> None:
        """Show the results found for `text` (by default the field's text) and put the cursor
        on the first one; results for a text no longer in the field are not shown."""
        text = self.field.text() if text is None else text
        if text.strip() != self.field.text().strip():
            return
        self._searched = True
        self._shown_for = text.strip()
        self.model.set_matches(matches)
        if matches:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._update_status()
        self._update_buttons()

    def clear(self) -> None:
        """Forget the search (after a check-in: no names left on screen)."""
        self.search_timer.stop()
        self.field.clear()
        self._searched = False
        self._shown_for = None
        self.model.clear()
        self._update_status()
        self._update_buttons()

    def set_language(self, language: str) -> None:
        self.model.set_language(language)

    def _text_changed(self, text: str) -> None:
        """The text changed: the rows shown are for another text, so they go at once; a search
        for the new text follows when typing pauses."""
        self._searched = False
        self._shown_for = None
        self.model.clear()
        self._update_status()
        self._update_buttons()
        if _letters(text) >= MIN_LETTERS:
            self.search_timer.start()
        else:
            self.search_timer.stop()

    def _search(self) -> None:
        self.search_timer.stop()
        text = self.field.text()
        if _letters(text) >= MIN_LETTERS:
            self.search_requested.emit(text)

    def _activated(self, index: QModelIndex) -> None:
        if not self._showing_current_text():
            return
        registration_id = index.data(RegistrationRole)
        if registration_id:
            self.person_chosen.emit(str(registration_id))

    def _check_in_current(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self._activated(index)

    def _showing_current_text(self) -> bool:
        """The rows on screen were found for the text now in the field."""
        return self._shown_for is not None and self._shown_for == self.field.text().strip()

    def _update_buttons(self, *_args: object) -> None:
        self.checkin_button.setEnabled(
            self._showing_current_text() and self.results.currentIndex().isValid()
        )

    def _update_status(self) -> None:
        count = self.model.rowCount()
        if not self._searched:
            text = self.tr("Type at least two letters of a name: people found appear here.")
        elif count == 0:
            text = self.tr("Nobody found. Check the spelling or try the other name.")
        else:
            text = self.tr("%n people found: choose one and press Enter.", "", count)
        self.status.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Find by &name (staff)"))
        self.field.setPlaceholderText(self.tr("Family or given name"))
        # The caption's words without its shortcut mark: what a voice user says to reach it.
        self.field.setAccessibleName(self.tr("Find by name (staff)"))
        self.field.setAccessibleDescription(
            self.tr("For someone without a badge: type a name; the list follows as you type")
        )
        self.search_button.setText(self.tr("Search"))
        self.search_button.setAccessibleName(self.tr("Search by name"))
        self.results.setAccessibleName(self.tr("People found"))
        self.results.setAccessibleDescription(
            self.tr("Choose a person with the arrow keys and press Enter to check them in")
        )
        self.checkin_button.setText(self.tr("Check in at this door"))
        self.checkin_button.setAccessibleName(self.tr("Check in at this door"))
        self.checkin_button.setAccessibleDescription(
            self.tr("Judges the chosen person for this door's session, as a scan would")
        )
        self._update_status()


def _letters(text: str) -> int:
    """Letters and digits typed, spaces not counted."""
    return sum(1 for char in text if not char.isspace())
