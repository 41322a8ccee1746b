"""Small builders for tests that need sessions and people without going through an import."""

from __future__ import annotations

import sqlite3
from datetime import date, time

from kiosk.core.clock import session_bounds
from kiosk.services.event import load_event
from kiosk.store.database import transaction


def add_session(
    conn: sqlite3.Connection,
    session_id: str,
    *,
    day: str = "2019-09-30",
    start: str = "10:30",
    end: str = "12:30",
    capacity: int | None = None,
    invite_only: bool = False,
    room: str = "211",
    speakers: tuple[str, ...] = (),
    ticket_types: tuple[str, ...] = (),
) -> None:
    """A session; with `ticket_types` it is open to holders of those tickets (and, being then
    invite-only, to its list, speakers and staff)."""
    tz = load_event(conn).tz
    start_ms, end_ms = session_bounds(
        date.fromisoformat(day), time.fromisoformat(start), time.fromisoformat(end), tz
    )
    with transaction(conn):
        conn.execute(
            'INSERT INTO sessions(session_id, title_en, title_ko, date, start, "end", start_ms, '
            "end_ms, room, capacity, access) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                f"Session {session_id}",
                f"세션 {session_id}",
                day,
                start,
                end,
                start_ms,
                end_ms,
                room,
                capacity,
                "invite_only" if invite_only or ticket_types else "open",
            ),
        )
        conn.executemany(
            "INSERT INTO session_ticket_types(session_id, ticket_type) VALUES (?, ?)",
            [(session_id, kind) for kind in ticket_types],
        )
        conn.executemany(
            "INSERT INTO session_speakers(session_id, registration_id) VALUES (?, ?)",
            [(session_id, s) for s in speakers],
        )


def add_person(
    conn: sqlite3.Connection,
    registration_id: str,
    *,
    category: str = "participant",
    family: str = "KIM",
    given: str = "Minji",
    status: str = "registered",
    external_code: str | None = None,
) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO attendees(registration_id, family_name, given_name, category, status, "
            "external_code) VALUES (?, ?, ?, ?, ?, ?)",
            (registration_id, family, given, category, status, external_code),
        )


def invite(conn: sqlite3.Connection, session_id: str, registration_id: str) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO invitations(session_id, registration_id) VALUES (?, ?)",
            (session_id, registration_id),
        )
