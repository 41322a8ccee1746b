"""The door's logic, without widgets: which session, which way, each scan and its verdict.

Every scan goes to `CheckinService` on the UI thread (it answers in well under a millisecond and
commits before returning), so a verdict shown is a verdict recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.core.clock import now_ms
from kiosk.core.model import Direction
from kiosk.core.rules import OVERRIDABLE
from kiosk.errors import KioskError
from kiosk.gui.door.scans_model import RecentScansModel
from kiosk.gui.door.session_choice import (
    TimedSession,
    current_or_next,
    default_room,
    in_room,
    rooms_of,
    timed,
)
from kiosk.services.checkins import CheckinService
from kiosk.services.door_scans import ScanEntry, recent_door_scans
from kiosk.services.event import Event
from kiosk.services.lookup import PersonMatch, search_by_name
from kiosk.services.programme import list_sessions
from kiosk.services.verdict import Verdict
from kiosk.store.database import Connection, DatabaseError, transaction
from kiosk.store.settings import get_setting, put_setting

log = logging.getLogger(__name__)

ROOM_SETTING = "door_room"
LAST_SYNC_SETTING = "last_sync_ms"


@dataclass(frozen=True, slots=True)
class PendingOverride:
    """An overridable denial staff may turn into an admission ("admit anyway")."""

    name: str
    verdict: Verdict
    code: str | None = None
    registration_id: str | None = None


class DoorController(QObject):
    """State and actions of one door; the views listen to its signals."""

    verdict_ready = Signal(object)  # Verdict, recorded
    scan_failed = Signal(str)  # nothing was recorded
    session_changed = Signal()
    direction_changed = Signal(object)  # Direction
    occupancy_changed = Signal(int, object)  # inside, capacity (None: no limit)
    override_changed = Signal()

    def __init__(
        self,
        conn: Connection,
        event: Event,
        service: CheckinService,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        super().__init__()
        self.conn = conn
        self.door_event = event
        self.service = service
        self.clock = clock
        self.direction = Direction.IN
        self.pending: PendingOverride | None = None
        self.pinned = False  # staff chose the session: do not follow the programme
        self.recent = RecentScansModel(event.tz)
        self.recent.set_entries(recent_door_scans(conn, event.device))
        self.sessions: list[TimedSession] = timed(list_sessions(conn), event.tz)
        remembered = get_setting(conn, ROOM_SETTING)
        self.room = default_room(
            self.sessions, remembered if isinstance(remembered, str) else None, clock()
        )
        self.session = current_or_next(in_room(self.sessions, self.room), clock())

    # -- the session this door serves ----------------------------------------------------------

    @property
    def rooms(self) -> list[str]:
        return rooms_of(self.sessions)

    @property
    def room_sessions(self) -> list[TimedSession]:
        return in_room(self.sessions, self.room)

    @property
    def session_id(self) -> str | None:
        return self.session.session_id if self.session is not None else None

    def set_room(self, room: str) -> None:
        """Serve another room (remembered in the settings) and its current or next session."""
        if room not in self.rooms:
            return
        self.room = room
        with transaction(self.conn):
            put_setting(self.conn, ROOM_SETTING, room)
        self.pinned = False
        self._set(current_or_next(self.room_sessions, self.clock()))

    def set_session(self, session_id: str, *, pinned: bool = True) -> None:
        """Serve a session staff chose; it stays until staff change it again."""
        chosen = next((s for s in self.sessions if s.session_id == session_id), None)
        if chosen is None:
            return
        self.pinned = pinned
        if chosen.row.room != self.room:
            self.room = chosen.row.room
        self._set(chosen)

    def follow_programme(self) -> bool:
        """Unless staff chose a session, move on to the one running (or next) now."""
        if self.pinned:
            return False
        wanted = current_or_next(self.room_sessions, self.clock())
        if wanted is None or wanted.session_id == self.session_id:
            return False
        self._set(wanted)
        return True

    def reload_programme(self) -> None:
        """Read the programme again (after a sync) and keep the chosen session if it remains."""
        self.sessions = timed(list_sessions(self.conn), self.door_event.tz)
        if self.room not in self.rooms:
            self.room = default_room(self.sessions, None, self.clock())
            self.pinned = False
        keep = next((s for s in self.room_sessions if s.session_id == self.session_id), None)
        self._set(keep if keep is not None else current_or_next(self.room_sessions, self.clock()))

    def _set(self, session: TimedSession | None) -> None:
        self.session = session
        self._clear_pending()
        self.session_changed.emit()
        self.refresh_occupancy()

    # -- direction -------------------------------------------------------------------------------

    def set_direction(self, direction: Direction) -> None:
        """Count people coming in or going out."""
        if direction is self.direction:
            return
        self.direction = direction
        self._clear_pending()
        self.direction_changed.emit(direction)

    # -- scanning --------------------------------------------------------------------------------

    def scan(self, code: str) -> Verdict | None:
        """Judge and record one scanned code at this door; None if nothing could be recorded."""
        code = code.strip()
        if not code:
            return None
        return self._judge(
            lambda: self.service.scan(
                code, self.session_id or "", direction=self.direction, at_ms=self.clock()
            ),
            code=code,
        )

    def admit_registration(self, registration_id: str) -> Verdict | None:
        """The door decision for someone staff found by name."""
        return self._judge(
            lambda: self.service.scan_registration(
                registration_id, self.session_id or "", direction=self.direction, at_ms=self.clock()
            ),
            registration_id=registration_id,
        )

    def admit_anyway(self, reason: str, pending: PendingOverride | None = None) -> Verdict | None:
        """Admit the person of an overridable denial (by default the latest), logging staff's
        reason. Staff who opened the dialog for one person admit that person, even if someone
        else scanned meanwhile."""
        pending = pending or self.pending
        reason = reason.strip()
        if pending is None or not reason:
            return None
        session_id = pending.verdict.session_id or ""
        direction = pending.verdict.direction
        if pending.code is not None:
            code = pending.code
            return self._judge(
                lambda: self.service.scan(
                    code,
                    session_id,
                    direction=direction,
                    at_ms=self.clock(),
                    override_reason=reason,
                )
            )
        registration_id = pending.registration_id or ""
        return self._judge(
            lambda: self.service.scan_registration(
                registration_id,
                session_id,
                direction=direction,
                at_ms=self.clock(),
                override_reason=reason,
            )
        )

    def _judge(
        self,
        decide: Callable[[], Verdict],
        *,
        code: str | None = None,
        registration_id: str | None = None,
    ) -> Verdict | None:
        try:
            verdict = decide()
        except (KioskError, DatabaseError) as exc:
            log.exception("door scan not recorded")
            self.scan_failed.emit(str(exc))
            return None
        attendee = verdict.attendee
        self.recent.add(
            ScanEntry(
                verdict.at_ms,
                attendee.name if attendee is not None else None,
                verdict.reason,
                overridden=verdict.override_reason is not None,
            )
        )
        if verdict.reason in OVERRIDABLE and attendee is not None:
            self.pending = PendingOverride(
                attendee.name,
                verdict,
                code=code,
                registration_id=attendee.registration_id if code is None else None,
            )
        else:
            self.pending = None
        self.override_changed.emit()
        if verdict.inside is not None:
            self.occupancy_changed.emit(verdict.inside, verdict.capacity)
        self.verdict_ready.emit(verdict)
        return verdict

    def _clear_pending(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.override_changed.emit()

    # -- staff look-up, occupancy, sync ----------------------------------------------------------

    def search(self, text: str) -> list[PersonMatch]:
        """People whose name contains every word typed (staff only)."""
        return search_by_name(self.conn, text)

    def occupancy(self) -> tuple[int, int | None]:
        """People inside the door's session now, and its capacity (None: no limit)."""
        if self.session is None:
            return 0, None
        return self.service.inside_count(self.session.session_id), self.session.row.capacity

    def refresh_occupancy(self) -> None:
        inside, capacity = self.occupancy()
        self.occupancy_changed.emit(inside, capacity)

    def last_sync_ms(self) -> int | None:
        """When this device last synced (written by the sync feature), or None: never."""
        value = get_setting(self.conn, LAST_SYNC_SETTING)
        return value if isinstance(value, int) and not isinstance(value, bool) else None
