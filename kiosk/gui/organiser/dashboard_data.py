"""The live dashboard's figures (no Qt): headline counts, arrivals, rooms, and roll-calls.

The counts are `kiosk status`'s (`event_status`), kept current by reading only new log lines
(LiveCounts), so the dashboard and the CLI agree while a refresh stays cheap at any size.
Who is inside is derived from the log: a person is inside a session when their latest admitted
scan there (ordered by time, then log id) is an entry, as the doors and `status` decide it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.core.names import display_name
from kiosk.reports.day_data import BUCKET_MS, NEAR_CAPACITY, day_bounds
from kiosk.services.event import Event

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

    The counts are order-independent, so lines that arrive late by sync (with an older time)
    are applied correctly: a person is inside a session when their admitted scan there with
    the greatest (at_ms, id) is an entry, whatever order the lines were read in. At 100,000
    attendees the first read takes a fraction of a second and each refresh after it reads
    only the new lines, where recomputing `event_status` would take about a second each time.
    """

    def __init__(self) -> None:
        self.last_id = 0
        self.latest: dict[tuple[str, str], tuple[int, int, bool]] = {}
        self.entered: dict[str, set[str]] = {}
        self.inside: dict[str, int] = {}
        self.arrivals: dict[str, list[int]] = {}

    def reset(self) -> None:
        self.last_id = 0
        self.latest.clear()
        self.entered.clear()
        self.inside.clear()
        self.arrivals.clear()

    def update(self, conn: sqlite3.Connection) -> int:
        """Apply the log lines added since the last update; returns how many were read."""
        top = conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0]
        if top < self.last_id:  # the log was rebuilt (never in normal use): start again
            self.reset()
        rows = conn.execute(
            "SELECT id, session_id, registration_id, direction, at_ms FROM checkins "
            "WHERE id > ? AND id <= ? AND verdict = 'admit' AND registration_id IS NOT NULL",
            (self.last_id, top),
        ).fetchall()
        latest, entered, inside = self.latest, self.entered, self.inside
        for row_id, sid, rid, direction, at in rows:
            coming_in = direction == "in"
            if sid is None:
                if coming_in:
                    self.arrivals.setdefault(rid, []).append(at)
                continue
            if coming_in:
                entered.setdefault(sid, set()).add(rid)
            key = (sid, rid)
            old = latest.get(key)
            if old is None or (at, row_id) > (old[0], old[1]):
                was_inside = old[2] if old is not None else False
                latest[key] = (at, row_id, coming_in)
                inside[sid] = inside.get(sid, 0) + int(coming_in) - int(was_inside)
        self.last_id = int(top)
        return len(rows)

    def status(self, conn: sqlite3.Connection) -> dict[str, Any]:
        """The same object as `event_status` (attendees, checked_in, sessions)."""
        attendees = conn.execute(
            "SELECT count(*) FROM attendees WHERE status != 'cancelled'"
        ).fetchone()[0]
        sessions = [
            {
                "session_id": sid,
                "admitted": len(self.entered.get(sid, ())),
                "inside": self.inside.get(sid, 0),
                "capacity": capacity,
            }
            for sid, capacity in conn.execute(
                "SELECT session_id, capacity FROM sessions ORDER BY start_ms, session_id"
            )
        ]
        return {"attendees": attendees, "checked_in": len(self.arrivals), "sessions": sessions}


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
    for moments in counts.arrivals.values():
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
        """
        WITH latest AS (
            SELECT registration_id, direction, at_ms,
                   row_number() OVER (
                       PARTITION BY registration_id ORDER BY at_ms DESC, id DESC
                   ) AS recency
            FROM checkins
            WHERE session_id = ? AND verdict = 'admit' AND registration_id IS NOT NULL
        )
        SELECT l.registration_id, a.family_name, a.given_name, a.name_local, a.category,
               a.accessibility, l.at_ms
        FROM latest AS l LEFT JOIN attendees AS a ON a.registration_id = l.registration_id
        WHERE l.recency = 1 AND l.direction = 'in'
        ORDER BY a.family_name, a.given_name, l.registration_id
        """,
        (session_id,),
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
