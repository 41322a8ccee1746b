"""Who is inside each session and who has checked in, folded from admitted scans. Pure.

This is the one definition every door, count, report, roll-call and conflict check uses (the SQL
in `kiosk.store.presence` computes the same figures in the database, and a property test keeps
the two equal on random logs):

- A person is **inside** a session when their latest admitted scan there is an entry. "Latest"
  orders scans by time, then by log id, so a scan that arrives late by sync (with an older time)
  takes its place in history whatever order the lines are read in.
- A person **entered** a session when they have any admitted entry there (`admitted` counts
  them: a readmission is not counted twice).
- A person has **checked in** when they have any admitted entry anywhere: an arrival at a
  self check-in kiosk (a scan with no session) or an admission at any session door.

Denied scans never change presence; callers pass only admitted scans with a registration id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kiosk.core.model import Direction, Presence

_NEVER = (-1, -1)


@dataclass(frozen=True, slots=True)
class AdmittedScan:
    """One admitted line of the check-in log (session None: an arrival at a kiosk)."""

    log_id: int
    session_id: str | None
    registration_id: str
    direction: Direction
    at_ms: int

    @property
    def order(self) -> tuple[int, int]:
        """Where the scan sits in history: by time, then by log id."""
        return (self.at_ms, self.log_id)


@dataclass(slots=True)
class _Person:
    entered: bool = False
    inside: bool = False
    latest: tuple[int, int] = _NEVER  # order of the latest admitted scan at this session


class SessionPresence:
    """One session's people: who entered, who is inside now and since when."""

    __slots__ = ("_people", "inside_count")

    def __init__(self) -> None:
        self._people: dict[str, _Person] = {}
        self.inside_count = 0

    def apply(self, registration_id: str, direction: Direction, order: tuple[int, int]) -> int:
        """Take one admitted scan into account; returns the change in the inside count
        (+1, 0 or -1). Scans may come in any order: only the latest decides who is inside."""
        person = self._people.get(registration_id)
        if person is None:
            person = self._people[registration_id] = _Person()
        entering = direction is Direction.IN
        person.entered = person.entered or entering
        if order <= person.latest:
            return 0
        person.latest = order
        change = int(entering) - int(person.inside)
        person.inside = entering
        self.inside_count += change
        return change

    def presence(self, registration_id: str) -> Presence:
        """The person's history at this session, as the door rules read it."""
        person = self._people.get(registration_id)
        if person is None:
            return Presence()
        since = person.latest[0] if person.inside else None
        return Presence(has_entered=person.entered, inside=person.inside, inside_since_ms=since)

    @property
    def admitted_count(self) -> int:
        """Distinct people who entered."""
        return sum(1 for person in self._people.values() if person.entered)

    def entered(self) -> set[str]:
        """The people who entered (the `admitted_count` of them)."""
        return {rid for rid, person in self._people.items() if person.entered}

    def inside_since(self) -> dict[str, int]:
        """Who is inside now, each with the time of the entry that brought them in."""
        return {rid: p.latest[0] for rid, p in self._people.items() if p.inside}


class PresenceFold:
    """Every session's presence and every person's check-in, from admitted scans in any order."""

    __slots__ = ("_sessions", "first_checkin_ms")

    def __init__(self) -> None:
        self._sessions: dict[str, SessionPresence] = {}
        self.first_checkin_ms: dict[str, int] = {}  # registration id -> first admitted entry

    def apply(self, scan: AdmittedScan) -> int:
        """Take one admitted scan into account; returns the change in its session's inside
        count (0 for an arrival)."""
        if scan.direction is Direction.IN:
            first = self.first_checkin_ms.get(scan.registration_id)
            if first is None or scan.at_ms < first:
                self.first_checkin_ms[scan.registration_id] = scan.at_ms
        if scan.session_id is None:
            return 0
        return self.session(scan.session_id).apply(scan.registration_id, scan.direction, scan.order)

    def apply_all(self, scans: Iterable[AdmittedScan]) -> PresenceFold:
        for scan in scans:
            self.apply(scan)
        return self

    def session(self, session_id: str) -> SessionPresence:
        """The session's presence (empty when nobody was admitted there)."""
        state = self._sessions.get(session_id)
        if state is None:
            state = self._sessions[session_id] = SessionPresence()
        return state

    @property
    def checked_in_count(self) -> int:
        """Distinct people checked in: arrived at a kiosk or admitted at any door."""
        return len(self.first_checkin_ms)


def occupancy_over_time(scans: Iterable[AdmittedScan]) -> Iterator[tuple[AdmittedScan, int]]:
    """Walk one session's admitted scans in history order, yielding each with the number of
    people inside just after it: the curve whose maximum is the room's peak."""
    state = SessionPresence()
    for scan in sorted(scans, key=lambda s: s.order):
        state.apply(scan.registration_id, scan.direction, scan.order)
        yield scan, state.inside_count


def peak_occupancy(scans: Iterable[AdmittedScan]) -> tuple[int, int | None]:
    """The most people inside one session at once, and when that was first reached."""
    peak, peak_at = 0, None
    for scan, inside in occupancy_over_time(scans):
        if inside > peak:
            peak, peak_at = inside, scan.at_ms
    return peak, peak_at
