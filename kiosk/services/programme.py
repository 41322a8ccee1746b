"""Reading the programme for screens: sessions in time order with their rooms and rules."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.names import display_name


@dataclass(frozen=True, slots=True)
class SessionRow:
    session_id: str
    title_en: str | None
    title_ko: str | None
    date: str
    start: str
    end: str
    venue: str | None
    room: str
    capacity: int | None
    invite_only: bool
    interpretation: tuple[str, ...]
    # Holders of these ticket types pass too (`tickets:Workshop`); the session is invite-only.
    ticket_types: tuple[str, ...] = ()

    def title(self, language: str) -> str:
        """The title in the wanted language, falling back to the other one."""
        first, second = (
            (self.title_ko, self.title_en)
            if language == "ko"
            else (
                self.title_en,
                self.title_ko,
            )
        )
        return first or second or self.session_id


def list_sessions(conn: sqlite3.Connection) -> list[SessionRow]:
    """Every session of the event, in time order."""
    rows = conn.execute(
        'SELECT session_id, title_en, title_ko, date, start, "end", venue, room, capacity, '
        "access = 'invite_only', interpretation FROM sessions ORDER BY start_ms, session_id"
    ).fetchall()
    kinds: dict[str, list[str]] = {}
    for sid, kind in conn.execute(
        "SELECT session_id, ticket_type FROM session_ticket_types ORDER BY session_id, ticket_type"
    ):
        kinds.setdefault(sid, []).append(kind)
    sessions = []
    for row in rows:
        sid, title_en, title_ko, day, start, end, venue, room, capacity, invite_only, langs = row
        sessions.append(
            SessionRow(
                session_id=sid,
                title_en=title_en,
                title_ko=title_ko,
                date=day,
                start=start,
                end=end,
                venue=venue,
                room=room,
                capacity=capacity,
                invite_only=bool(invite_only),
                interpretation=tuple(x for x in (langs or "").split(",") if x),
                ticket_types=tuple(kinds.get(sid, ())),
            )
        )
    return sessions


@dataclass(frozen=True)
class ProgrammeRow:
    """A session as the programme tab lists it."""

    session: SessionRow
    speakers: tuple[str, ...]  # display names (or ids of speakers not imported yet)
    invited: int


def programme_rows(conn: sqlite3.Connection) -> list[ProgrammeRow]:
    """Every session in time order with its speakers' names and invitation count."""
    speakers: dict[str, list[str]] = {}
    for sid, rid, family, given in conn.execute(
        "SELECT p.session_id, p.registration_id, a.family_name, a.given_name "
        "FROM session_speakers p LEFT JOIN attendees a ON a.registration_id = p.registration_id "
        "ORDER BY p.session_id, a.family_name, a.given_name"
    ):
        speakers.setdefault(sid, []).append(display_name(family, given) or rid)
    invited = dict(conn.execute("SELECT session_id, count(*) FROM invitations GROUP BY session_id"))
    return [
        ProgrammeRow(
            row, tuple(speakers.get(row.session_id, ())), int(invited.get(row.session_id, 0))
        )
        for row in list_sessions(conn)
    ]
