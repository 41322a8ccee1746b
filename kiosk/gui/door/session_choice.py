"""Which session a door serves: the one running now, or the next one, in the door's room."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from zoneinfo import ZoneInfo

from kiosk.core.clock import session_bounds
from kiosk.services.programme import SessionRow


@dataclass(frozen=True, slots=True)
class TimedSession:
    """A programme row with its start and end as epoch milliseconds."""

    row: SessionRow
    start_ms: int
    end_ms: int

    @property
    def session_id(self) -> str:
        return self.row.session_id


def timed(sessions: list[SessionRow], tz: ZoneInfo) -> list[TimedSession]:
    """Sessions with their bounds in the event's time zone, in programme order."""
    out = []
    for row in sessions:
        start_ms, end_ms = session_bounds(
            date.fromisoformat(row.date),
            time.fromisoformat(row.start),
            time.fromisoformat(row.end),
            tz,
        )
        out.append(TimedSession(row, start_ms, end_ms))
    return out


def rooms_of(sessions: list[TimedSession]) -> list[str]:
    """Every room of the programme, once each, in the order they first appear."""
    return list(dict.fromkeys(s.row.room for s in sessions))


def in_room(sessions: list[TimedSession], room: str | None) -> list[TimedSession]:
    """The sessions held in one room, in programme order."""
    return [s for s in sessions if s.row.room == room]


def current_or_next(sessions: list[TimedSession], at_ms: int) -> TimedSession | None:
    """The session running at `at_ms`, else the next to start, else the last one; None if none."""
    if not sessions:
        return None
    running = [s for s in sessions if s.start_ms <= at_ms < s.end_ms]
    if running:
        return running[0]
    upcoming = [s for s in sessions if s.start_ms > at_ms]
    if upcoming:
        return min(upcoming, key=lambda s: (s.start_ms, s.session_id))
    return max(sessions, key=lambda s: (s.end_ms, s.session_id))


def default_room(sessions: list[TimedSession], remembered: str | None, at_ms: int) -> str | None:
    """The door's room: the one remembered in the settings if it still exists, else the room of
    the session running (or next) now, else the first room."""
    rooms = rooms_of(sessions)
    if remembered in rooms:
        return remembered
    chosen = current_or_next(sessions, at_ms)
    if chosen is not None:
        return chosen.row.room
    return rooms[0] if rooms else None
