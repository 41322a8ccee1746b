"""Reading attendees and sessions as the rules need them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core.model import PersonFacts, SessionRule
from kiosk.core.names import display_name
from kiosk.store.id_lists import IN_LIST, id_list


@dataclass(frozen=True, slots=True)
class Attendee:
    """What a door or kiosk needs to know about one registration."""

    registration_id: str
    family_name: str | None
    given_name: str | None
    category: str
    status: str
    code_version: int
    language: str | None

    @property
    def name(self) -> str:
        return display_name(self.family_name, self.given_name)

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"


_ATTENDEE_COLUMNS = (
    "registration_id, family_name, given_name, category, status, code_version, language"
)


def attendee_by_id(conn: sqlite3.Connection, registration_id: str) -> Attendee | None:
    row = conn.execute(
        f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE registration_id = ?", (registration_id,)
    ).fetchone()
    return Attendee(*row) if row else None


def code_versions(conn: sqlite3.Connection, registration_ids: Iterable[str]) -> dict[str, int]:
    """Registration id -> the version of the person's current code (0: never issued), for the
    ids that exist."""
    rows = conn.execute(
        f"SELECT registration_id, code_version FROM attendees WHERE registration_id {IN_LIST}",
        (id_list(registration_ids),),
    )
    return {str(rid): int(version) for rid, version in rows}


def attendee_by_external_code(conn: sqlite3.Connection, code: str) -> Attendee | None:
    row = conn.execute(
        f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE external_code = ?", (code,)
    ).fetchone()
    return Attendee(*row) if row else None


def session_rule(conn: sqlite3.Connection, session_id: str) -> SessionRule | None:
    row = conn.execute(
        "SELECT session_id, start_ms, end_ms, capacity, access = 'invite_only', "
        "pass_back = 'refuse' FROM sessions WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    return SessionRule(row[0], row[1], row[2], row[3], bool(row[4]), refuse_pass_back=bool(row[5]))


def person_facts(
    conn: sqlite3.Connection, attendee: Attendee, session_id: str | None
) -> PersonFacts:
    """The registration's facts for one session's door (list and speaker membership)."""
    invited = speaker = False
    if session_id is not None:
        invited = (
            conn.execute(
                "SELECT 1 FROM invitations WHERE session_id = ? AND registration_id = ?",
                (session_id, attendee.registration_id),
            ).fetchone()
            is not None
        )
        speaker = (
            conn.execute(
                "SELECT 1 FROM session_speakers WHERE session_id = ? AND registration_id = ?",
                (session_id, attendee.registration_id),
            ).fetchone()
            is not None
        )
    return PersonFacts(
        registration_id=attendee.registration_id,
        category=attendee.category,
        cancelled=attendee.cancelled,
        on_invitation_list=invited,
        is_speaker=speaker,
    )
