"""The append-only check-in log, and who is inside each session derived from it."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass

from kiosk.core.model import Direction, Presence, Reason


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
) -> CheckinRecord:
    """Append one scan to the log (inside the caller's transaction)."""
    seq = conn.execute(
        "SELECT coalesce(max(device_seq), 0) + 1 FROM checkins WHERE device = ?", (device,)
    ).fetchone()[0]
    uid = new_event_uid(at_ms)
    cursor = conn.execute(
        "INSERT INTO checkins(event_uid, device, device_seq, registration_id, session_id, "
        "direction, at_ms, verdict, reason, override_reason, code_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
    )


def has_arrived(conn: sqlite3.Connection, registration_id: str) -> bool:
    """True once the person has checked in at the event (any device)."""
    return (
        conn.execute(
            "SELECT 1 FROM checkins WHERE session_id IS NULL AND registration_id = ? "
            "AND verdict = 'admit' LIMIT 1",
            (registration_id,),
        ).fetchone()
        is not None
    )


class _SessionPresence:
    __slots__ = ("people", "inside")

    def __init__(self) -> None:
        # registration id -> (has_entered, inside, ordering key of the latest admitted event)
        self.people: dict[str, tuple[bool, bool, tuple[int, int]]] = {}
        self.inside = 0

    def apply(self, registration_id: str, direction: str, key: tuple[int, int]) -> None:
        entered, inside, last = self.people.get(registration_id, (False, False, (-1, -1)))
        now_inside = inside
        if key > last:
            now_inside = direction == "in"
            last = key
        self.inside += int(now_inside) - int(inside)
        self.people[registration_id] = (entered or direction == "in", now_inside, last)


class PresenceBook:
    """Who is inside each session, derived from the log and kept current as this process writes.

    Nothing here is stored: it is rebuilt from the log whenever another connection has committed
    (PRAGMA data_version), and updated in place for this connection's own appends.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._sessions: dict[str, _SessionPresence] = {}
        self._data_version = -1

    def refresh_if_changed(self) -> None:
        """Forget derived state if another connection wrote since we last looked."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._sessions.clear()
            self._data_version = version

    def forget(self) -> None:
        self._sessions.clear()
        self._data_version = -1

    def _session(self, session_id: str) -> _SessionPresence:
        state = self._sessions.get(session_id)
        if state is None:
            state = _SessionPresence()
            rows = self._conn.execute(
                "SELECT registration_id, direction, at_ms, id FROM checkins "
                "WHERE session_id = ? AND verdict = 'admit' AND registration_id IS NOT NULL "
                "ORDER BY at_ms, id",
                (session_id,),
            )
            for registration_id, direction, at_ms, row_id in rows:
                state.apply(registration_id, direction, (at_ms, row_id))
            self._sessions[session_id] = state
        return state

    def presence(self, session_id: str, registration_id: str) -> Presence:
        entry = self._session(session_id).people.get(registration_id)
        return Presence(has_entered=entry[0], inside=entry[1]) if entry else Presence()

    def inside_count(self, session_id: str) -> int:
        return self._session(session_id).inside

    def record(self, entry: CheckinRecord) -> None:
        """Take account of an admitted scan this connection just appended."""
        if entry.session_id is None or entry.registration_id is None or not entry.reason.admits:
            return
        self._session(entry.session_id).apply(
            entry.registration_id, entry.direction.value, (entry.at_ms, entry.row_id)
        )
