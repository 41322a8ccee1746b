"""The door screen: the verdict of each scan, the session served, occupancy and staff tools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import now_ms, short_moment
from kiosk.core.model import Direction
from kiosk.gui.door.controller import DoorController, PendingOverride
from kiosk.gui.door.direction_view import DirectionSwitch
from kiosk.gui.door.header_view import DoorHeader
from kiosk.gui.door.lookup_view import LookupView
from kiosk.gui.door.occupancy_view import OccupancyView
from kiosk.gui.door.override_view import OverrideDialog
from kiosk.gui.door.presentation import (
    SOUND_FOR_KIND,
    PanelState,
    error_state,
    idle_state,
    misread_state,
    verdict_state,
)
from kiosk.gui.door.recent_view import RecentScansView
from kiosk.gui.door.sounds import DoorSounds
from kiosk.gui.door.touch import GAP_PX, door_style
from kiosk.gui.door.verdict_view import VerdictPanel
from kiosk.gui.scanner import MISREAD_SHORT, typing_lands_in_a_field
from kiosk.gui.theme import DisplayPreferences
from kiosk.gui.translations import LanguageSwitcher
from kiosk.services.checkins import CheckinService
from kiosk.services.event import Event
from kiosk.services.verdict import Verdict
from kiosk.store.database import Connection, DatabaseError

HOLD_MS = 6_000  # a verdict stays this long unless another scan comes first
TICK_MS = 30_000  # follow the programme and refresh the sync time this often


class DoorScreen(QWidget):
    """What door staff see. Scanners (keyboard wedge, camera) connect to `handle_scan`."""

    def __init__(
        self,
        conn: Connection,
        event: Event,
        service: CheckinService,
        prefs: DisplayPreferences,
        languages: LanguageSwitcher,
        clock: Callable[[], int] = now_ms,
        *,
        hold_ms: int = HOLD_MS,
        sounds: DoorSounds | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorScreen")
        self.prefs = prefs
        self.languages = languages
        self.door_event = event
        self.controller = DoorController(conn, event, service, clock)
        self.sounds = sounds if sounds is not None else DoorSounds()
        self.verdict: Verdict | None = None  # the verdict on the panel, None when idle
        self._failed = False
        self._misread: str | None = None  # what the scanner heard that made no scan
        # The screen itself holds the focus at first: nothing editable, so keys typed or a
        # short code scanned before anyone touches the screen change nothing (scans are caught
        # application-wide by the scanner filter, wherever the focus is).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.override_dialog: OverrideDialog | None = None
        self._last_sync_ms = self.controller.last_sync_ms()
        self._pending = self._read_pending()

        self.header = DoorHeader(event.name, prefs)
        self.panel = VerdictPanel(prefs)
        self.override_button = QPushButton()
        self.override_button.setObjectName("overrideButton")
        self.override_button.clicked.connect(self.open_override_dialog)
        self.lookup = LookupView()
        self.direction = DirectionSwitch(prefs)
        self.occupancy = OccupancyView()
        self.recent = RecentScansView(self.controller.recent)

        # The verdict has the whole left column (it needs the height in large text); the staff
        # tools share the right one.
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.panel, 1)
        left.addWidget(self.override_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, GAP_PX, 0)  # clear of the scroll bar, when there is one
        right.setSpacing(12)
        right.addWidget(self.direction)
        right.addWidget(self.occupancy)
        right.addWidget(self.recent, 1)
        right.addWidget(self.lookup, 2)  # its touch-sized rows need the room more
        tools = QWidget()
        tools.setObjectName("doorTools")
        tools.setLayout(right)
        # In large text on a small screen the tools scroll rather than squeeze into each other.
        self.tools_area = QScrollArea()
        self.tools_area.setObjectName("doorToolsArea")
        self.tools_area.setWidget(tools)
        self.tools_area.setWidgetResizable(True)
        self.tools_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tools_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tools_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left, 3)
        body.addWidget(self.tools_area, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self._set_tab_order()
        prefs.changed.connect(self.restyle)
        self.restyle()

        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(hold_ms)
        self.hold_timer.timeout.connect(self.show_idle)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()

        control = self.controller
        control.verdict_ready.connect(self.show_verdict)
        control.scan_failed.connect(self._show_failure)
        control.session_changed.connect(self._session_changed)
        control.direction_changed.connect(self._direction_changed)
        control.occupancy_changed.connect(self.occupancy.set_occupancy)
        control.override_changed.connect(self._update_override)
        self.header.room_chosen.connect(control.set_room)
        self.header.session_chosen.connect(control.set_session)
        self.header.language_requested.connect(self.toggle_language)
        self.direction.direction_chosen.connect(control.set_direction)
        self.lookup.search_requested.connect(self._search)
        self.lookup.person_chosen.connect(self.check_in_registration)
        languages.changed.connect(self._language_changed)

        self.header.set_rooms(control.rooms, control.room)
        self._session_changed()
        control.refresh_occupancy()
        self._language_changed(languages.language)
        self.retranslate()

    def restyle(self) -> None:
        """The screen's own style for the theme: touch-sized scroll bars, readable colours."""
        self.setStyleSheet(door_style(self.prefs))

    # -- scans -----------------------------------------------------------------------------------

    @Slot(str)
    def handle_scan(self, code: str) -> None:
        """A code from a scanner or the camera: judge it for this door and show the verdict."""
        self.controller.scan(code)

    def check_in_registration(self, registration_id: str) -> None:
        """Judge a person staff found by name, then clear the search from the screen."""
        if self.controller.admit_registration(registration_id) is not None:
            self.lookup.clear()

    @Slot(str)
    def handle_misread(self, reason: str) -> None:
        """Keys at scanner speed that made no scan: say so, rather than stay silent.

        A short run typed into a field that takes text (the name look-up) is typing, not a
        misread. Nothing is recorded and nothing about the door changes."""
        if reason == MISREAD_SHORT and typing_lands_in_a_field():
            return
        self.verdict = None
        self._failed = False
        self._misread = reason
        state = self._render()
        self.sounds.play(SOUND_FOR_KIND[state.kind])
        self.hold_timer.start()

    @Slot(object)
    def show_verdict(self, verdict: Verdict) -> None:
        """Show a recorded verdict with its sound, until the next scan or a few seconds."""
        self.verdict = verdict
        self._failed = False
        self._misread = None
        state = self._render()
        self.sounds.play(SOUND_FOR_KIND[state.kind])
        self.hold_timer.start()
        self._read_sync()  # one more check-in waiting to be sent

    def _show_failure(self, _message: str) -> None:
        self.verdict = None
        self._failed = True
        self._misread = None
        state = self._render()
        self.sounds.play(SOUND_FOR_KIND[state.kind])
        self.hold_timer.start()

    def show_idle(self) -> None:
        """Back to "ready to scan" (a pending "admit anyway" stays available)."""
        self.hold_timer.stop()
        self.verdict = None
        self._failed = False
        self._misread = None
        self._render()

    def _render(self) -> PanelState:
        language = self.languages.language
        if self.verdict is not None:
            state = verdict_state(self.verdict, language, self.prefs)
        elif self._failed:
            state = error_state(self.prefs)
        elif self._misread is not None:
            state = misread_state(self._misread, self.prefs)
        else:
            state = idle_state(self.controller.direction is Direction.OUT, self.prefs)
        self.panel.show_state(state)
        return state

    # -- admit anyway ----------------------------------------------------------------------------

    def open_override_dialog(self) -> OverrideDialog | None:
        """Ask staff for the reason of an override; opens without blocking the scanner."""
        pending = self.controller.pending
        if pending is None:
            return None
        language = self.languages.language
        refusal = verdict_state(pending.verdict, language, self.prefs).primary
        dialog = OverrideDialog(pending.name, refusal, self)
        dialog.accepted.connect(lambda: self._override_accepted(dialog, pending))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.override_dialog = dialog
        dialog.open()
        return dialog

    def _override_accepted(self, dialog: OverrideDialog, pending: PendingOverride) -> None:
        self.controller.admit_anyway(dialog.reason(), pending)

    def _forget_dialog(self, dialog: OverrideDialog) -> None:
        if self.override_dialog is dialog:
            self.override_dialog = None
        dialog.deleteLater()

    def _update_override(self) -> None:
        pending = self.controller.pending
        self.override_button.setEnabled(pending is not None)
        if pending is None:
            self.override_button.setText(self.tr("Admit anyway…"))
            self.override_button.setAccessibleName(self.tr("Admit anyway"))
        else:
            # The name is on the button for everyone to see (staff must know whom they admit):
            # the accessible name says the same, never more. The door speaks nothing aloud.
            name = pending.name
            self.override_button.setText(self.tr("Admit anyway: {name}…").format(name=name))
            self.override_button.setAccessibleName(
                self.tr("Admit anyway: {name}").format(name=name)
            )
        self.override_button.setAccessibleDescription(
            self.tr(
                "After a refusal for the invitation list, a full room or the time, staff may "
                "admit the person with a written reason"
            )
        )

    # -- session, direction, look-up, language ---------------------------------------------------

    def _session_changed(self) -> None:
        control = self.controller
        self.header.sessions_model.set_sessions(control.room_sessions)
        self.header.set_rooms(control.rooms, control.room)
        self.header.set_session(control.session.row if control.session else None)

    def _direction_changed(self, direction: Direction) -> None:
        """Staff switched entry/exit: the panel shows at once which way the door now counts."""
        self.direction.set_direction(direction)
        self.show_idle()

    def _search(self, text: str) -> None:
        self.lookup.show_matches(self.controller.search(text), text)

    def toggle_language(self) -> None:
        """Switch between Korean and English."""
        self.languages.use("en" if self.languages.language == "ko" else "ko")

    def _language_changed(self, language: str) -> None:
        self.header.set_language(language)
        self.lookup.set_language(language)
        self.retranslate()

    def tick(self) -> None:
        """Every half minute: follow the programme (unless staff chose), refresh counts."""
        self.controller.follow_programme()
        self.controller.refresh_occupancy()
        self._read_sync()

    def refresh_sync(self) -> None:
        """Read the last sync time and the check-ins waiting to be sent again (after a round)."""
        self._read_sync()

    def _read_sync(self) -> None:
        self._last_sync_ms = self.controller.last_sync_ms()
        self._pending = self._read_pending()
        self._update_sync()

    def _read_pending(self) -> int:
        from kiosk.sync.state import pending_events

        try:
            return pending_events(self.controller.conn)
        except DatabaseError:
            return 0

    def _update_sync(self) -> None:
        at = self._last_sync_ms
        if at is None:
            text = self.tr("Last sync: never")
        else:
            shown = short_moment(at, self.controller.clock(), self.door_event.tz)
            text = self.tr("Last sync: {time}").format(time=shown)
        if self._pending:
            text += " · " + self.tr("{count} waiting to be sent").format(count=self._pending)
        self.header.set_last_sync(text)

    def _set_tab_order(self) -> None:
        chain = [
            self.header.room_combo,
            self.header.session_combo,
            self.header.language_button,
            self.override_button,
            self.direction.entry_button,
            self.direction.exit_button,
            self.recent.list,
            self.lookup.field,
            self.lookup.search_button,
            self.lookup.results,
            self.lookup.checkin_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Each time the door appears, the focus is on the screen, not on a chooser or field."""
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Door screen"))
        self.tools_area.setAccessibleName(self.tr("Staff tools"))
        self._update_override()
        self._update_sync()
        self._render()
