"""The append-only check-in log, and a door's running account of who is inside (PresenceBook)."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass

from kiosk.core.model import Direction, Presence, Reason
from kiosk.core.presence import SessionPresence
from kiosk.store.database import data_version
from kiosk.store.presence import admitted_scans


@dataclass(frozen=True, slots=True)
class CheckinRecord:
    """One line of the log, as written."""

    row_id: int
    event_uid: str
    device: str
    device_seq: int
    registration_id: str | None
    session_id: str | None
    direction: Direction
    at_ms: int
    reason: Reason
    override_reason: str | None
    code_version: int | None
    ticket_code: str | None = None


def new_event_uid(at_ms: int, random_bits: int | None = None) -> str:
    """A check-in's id, unique across devices: 32 hex digits, the scan's time in milliseconds
    first (as UUIDv7), then 80 random bits.

    Time first keeps the ids of one day close together in the log's unique index, so merging a
    device's check-ins writes a few index pages in order instead of a million pages at random."""
    bits = secrets.randbits(80) if random_bits is None else random_bits
    return f"{max(at_ms, 0) & 0xFFFFFFFFFFFF:012x}{bits & (2**80 - 1):020x}"


def append_checkin(
    conn: sqlite3.Connection,
    *,
    device: str,
    registration_id: str | None,
    session_id: str | None,
    direction: Direction,
    at_ms: int,
    reason: Reason,
    override_reason: str | None = None,
    code_version: int | None = None,
    ticket_code: str | None = None,
) -> CheckinRecord:
    """Append one scan to the log (inside the caller's transaction); `ticket_code` is the ticket
    from another system that was scanned (None for this system's own codes)."""
    seq = conn.execute(
        "SELECT coalesce(max(device_seq), 0) + 1 FROM checkins WHERE device = ?", (device,)
    ).fetchone()[0]
    uid = new_event_uid(at_ms)
    cursor = conn.execute(
        "INSERT INTO checkins(event_uid, device, device_seq, registration_id, session_id, "
        "direction, at_ms, verdict, reason, override_reason, code_version, ticket_code) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uid,
            device,
            seq,
            registration_id,
            session_id,
            direction.value,
            at_ms,
            "admit" if reason.admits else "deny",
            reason.value,
            override_reason,
            code_version,
            ticket_code,
        ),
    )
    return CheckinRecord(
        row_id=cursor.lastrowid or 0,
        event_uid=uid,
        device=device,
        device_seq=seq,
        registration_id=registration_id,
        session_id=session_id,
        direction=direction,
        at_ms=at_ms,
        reason=reason,
        override_reason=override_reason,
        code_version=code_version,
        ticket_code=ticket_code,
    )


class PresenceBook:
    """Who is inside each session, derived from the log and kept current as this process writes.

    Nothing here is stored: it is folded from the log (`kiosk.core.presence`) whenever another
    connection has committed (PRAGMA data_version), and updated in place for this connection's
    own appends.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._sessions: dict[str, SessionPresence] = {}
        self._data_version = -1

    def refresh_if_changed(self) -> None:
        """Forget derived state if another connection wrote since we last looked."""
        version = data_version(self._conn)
        if version != self._data_version:
            self._sessions.clear()
            self._data_version = version

    def forget(self) -> None:
        self._sessions.clear()
        self._data_version = -1

    def _session(self, session_id: str) -> SessionPresence:
        state = self._sessions.get(session_id)
        if state is None:
            state = SessionPresence()
            for scan in admitted_scans(self._conn, session_ids=[session_id]):
                state.apply(scan.registration_id, scan.direction, scan.order)
            self._sessions[session_id] = state
        return state

    def presence(self, session_id: str, registration_id: str) -> Presence:
        return self._session(session_id).presence(registration_id)

    def inside_count(self, session_id: str) -> int:
        return self._session(session_id).inside_count

    def record(self, entry: CheckinRecord) -> None:
        """Take account of an admitted scan this connection just appended."""
        if entry.session_id is None or entry.registration_id is None or not entry.reason.admits:
            return
        self._session(entry.session_id).apply(
            entry.registration_id, entry.direction, (entry.at_ms, entry.row_id)
        )
