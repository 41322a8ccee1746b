"""The live dashboard's figures: headline counts, check-ins over the day, rooms, roll-calls.

The counts are `kiosk status`'s (`event_status`), kept current by reading only new log lines
(LiveCounts), so the dashboard and the CLI agree while a refresh stays cheap at any size. Who is
inside and who has checked in are `kiosk.core.presence`'s definitions (the roll-call reads the
same in SQL from `kiosk.store.presence`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.core.model import Direction
from kiosk.core.names import display_name
from kiosk.core.presence import PresenceFold
from kiosk.reports.day_data import BUCKET_MS, NEAR_CAPACITY, day_bounds
from kiosk.services.event import Event
from kiosk.services.status import registered_count
from kiosk.store.presence import INSIDE_CTE, admitted_scans, last_log_id

FULL, NEAR, SPACE, NO_LIMIT, CLOSED = "full", "near", "space", "no_limit", "closed"


@dataclass(frozen=True)
class RoomNow:
    """A room and the session it is holding now (or last held, or holds next, that day)."""

    room: str
    session_id: str
    title_en: str | None
    title_ko: str | None
    start: str
    end: str
    running: bool
    inside: int
    capacity: int | None

    @property
    def share(self) -> float | None:
        return None if not self.capacity else self.inside / self.capacity

    @property
    def state(self) -> str:
        if self.capacity is None:
            return NO_LIMIT
        if self.inside >= self.capacity:
            return FULL
        share = self.share
        if share is not None and share >= NEAR_CAPACITY:
            return NEAR
        return SPACE


@dataclass(frozen=True)
class Snapshot:
    """One refresh of the dashboard."""

    day: date
    now_ms: int
    attendees: int
    checked_in: int
    sessions: list[dict[str, Any]] = field(default_factory=list)
    buckets: list[tuple[int, int]] = field(default_factory=list)  # (slot start ms, arrivals)
    rooms: list[RoomNow] = field(default_factory=list)


@dataclass(frozen=True)
class InsidePerson:
    """One line of a room's roll-call."""

    registration_id: str
    name: str
    name_local: str | None
    category: str | None
    accessibility: str | None
    since_ms: int


def dashboard_days(conn: sqlite3.Connection) -> list[str]:
    return [str(day) for (day,) in conn.execute("SELECT DISTINCT date FROM sessions ORDER BY 1")]


class LiveCounts:
    """`kiosk status`'s counts kept up to date by reading only the log lines added since the
    last refresh (the log is append-only, its ids only grow).

    The lines are folded by `kiosk.core.presence`, which is order-independent, so lines that
    arrive late by sync (with an older time) are applied correctly. At 100,000 attendees the
    first read takes a fraction of a second and each refresh after it reads only the new lines,
    where recomputing `event_status` would take about a second each time.
    """

    def __init__(self) -> None:
        self.last_id = 0
        self.fold = PresenceFold()
        self.checkins: dict[str, list[int]] = {}  # registration id -> moments checked in

    def reset(self) -> None:
        self.last_id = 0
        self.fold = PresenceFold()
        self.checkins.clear()

    def update(self, conn: sqlite3.Connection) -> int:
        """Apply the log lines added since the last update; returns how many were read."""
        top = last_log_id(conn)
        if top < self.last_id:  # the log was rebuilt (never in normal use): start again
            self.reset()
        read = 0
        for scan in admitted_scans(conn, after_id=self.last_id, up_to_id=top):
            self.fold.apply(scan)
            if scan.direction is Direction.IN:
                self.checkins.setdefault(scan.registration_id, []).append(scan.at_ms)
            read += 1
        self.last_id = top
        return read

    def status(self, conn: sqlite3.Connection) -> dict[str, Any]:
        """The same object as `event_status` (attendees, checked_in, sessions)."""
        sessions = []
        for sid, capacity in conn.execute(
            "SELECT session_id, capacity FROM sessions ORDER BY start_ms, session_id"
        ):
            door = self.fold.session(str(sid))
            sessions.append(
                {
                    "session_id": sid,
                    "admitted": door.admitted_count,
                    "inside": door.inside_count,
                    "capacity": capacity,
                }
            )
        return {
            "attendees": registered_count(conn),
            "checked_in": self.fold.checked_in_count,
            "sessions": sessions,
        }


def snapshot(
    conn: sqlite3.Connection,
    event: Event,
    day: date,
    now_ms: int,
    counts: LiveCounts | None = None,
) -> Snapshot:
    """Compute the dashboard for `day` as of `now_ms` (with `counts` kept from the last time,
    only new log lines are read)."""
    counts = counts or LiveCounts()
    counts.update(conn)
    status = counts.status(conn)
    inside = {s["session_id"]: int(s["inside"]) for s in status["sessions"]}
    start_ms, end_ms = day_bounds(day, event.tz)
    arrivals = []
    for moments in counts.checkins.values():
        today = [at for at in moments if start_ms <= at < end_ms]
        if today:
            arrivals.append(min(today))
    sessions = conn.execute(
        'SELECT session_id, title_en, title_ko, start, "end", start_ms, end_ms, room, capacity '
        "FROM sessions WHERE date = ? ORDER BY start_ms, session_id",
        (day.isoformat(),),
    ).fetchall()
    opens = event.policy.door_opens_ms_before
    moments = list(arrivals)
    if sessions:
        moments += [min(s[5] for s in sessions) - opens, max(s[6] for s in sessions)]
    buckets: list[tuple[int, int]] = []
    if moments:
        low = max(start_ms, min(moments))
        high = min(end_ms - 1, max(moments))
        origin = start_ms + (low - start_ms) // BUCKET_MS * BUCKET_MS
        slots = [0] * ((high - origin) // BUCKET_MS + 1)
        for at in arrivals:
            slots[(at - origin) // BUCKET_MS] += 1
        buckets = [(origin + i * BUCKET_MS, n) for i, n in enumerate(slots)]
    by_room: dict[str, list[tuple[Any, ...]]] = {}
    for row in sessions:
        by_room.setdefault(str(row[7]), []).append(row)
    rooms = []
    for room, held in by_room.items():
        running = [s for s in held if s[5] - opens <= now_ms < s[6]]
        started = [s for s in held if s[5] - opens <= now_ms]
        chosen = running[0] if running else (started[-1] if started else held[0])
        sid, title_en, title_ko, start, end, _, _, _, capacity = chosen
        rooms.append(
            RoomNow(
                room=room,
                session_id=str(sid),
                title_en=title_en,
                title_ko=title_ko,
                start=str(start),
                end=str(end),
                running=bool(running),
                inside=inside.get(str(sid), 0),
                capacity=None if capacity is None else int(capacity),
            )
        )
    rooms.sort(key=lambda r: (-(r.share or 0.0), r.room))
    return Snapshot(
        day=day,
        now_ms=now_ms,
        attendees=int(status["attendees"]),
        checked_in=int(status["checked_in"]),
        sessions=list(status["sessions"]),
        buckets=buckets,
        rooms=rooms,
    )


def roll_call(conn: sqlite3.Connection, session_id: str) -> list[InsidePerson]:
    """Who is inside a session now, by name: for an evacuation roll-call."""
    rows = conn.execute(
        f"WITH {INSIDE_CTE} "
        "SELECT i.registration_id, a.family_name, a.given_name, a.name_local, a.category, "
        "a.accessibility, i.since_ms "
        "FROM inside AS i LEFT JOIN attendees AS a ON a.registration_id = i.registration_id "
        "ORDER BY a.family_name, a.given_name, i.registration_id",
        {"session_id": session_id},
    ).fetchall()
    return [
        InsidePerson(
            registration_id=str(rid),
            name=display_name(family, given) or (local or str(rid)),
            name_local=local,
            category=category,
            accessibility=accessibility,
            since_ms=int(at),
        )
        for rid, family, given, local, category, accessibility, at in rows
    ]
