"""Reading attendees and sessions as the rules need them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core.model import PersonFacts, SessionRule
from kiosk.core.names import display_name
from kiosk.store.id_lists import IN_LIST, id_list
from kiosk.store.tickets import EFFECTIVE_STATUS, valid_ticket_types


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
    # A reissue of this system's code replaced the person's codes from other systems.
    external_codes_revoked: bool = False

    @property
    def name(self) -> str:
        return display_name(self.family_name, self.given_name)

    @property
    def cancelled(self) -> bool:
        """The registration is cancelled, or every ticket the person holds is."""
        return self.status == "cancelled"


# `status` is the effective one: a person whose tickets are all cancelled counts as cancelled.
_ATTENDEE_COLUMNS = (
    "a.registration_id, a.family_name, a.given_name, a.category, "
    f"{EFFECTIVE_STATUS}, a.code_version, a.language, a.external_code_revoked = 1"
)


def attendee_by_id(conn: sqlite3.Connection, registration_id: str) -> Attendee | None:
    row = conn.execute(
        f"SELECT {_ATTENDEE_COLUMNS} FROM attendees AS a WHERE a.registration_id = ?",
        (registration_id,),
    ).fetchone()
    if row is None:
        return None
    rid, family, given, category, status, version, language, revoked = row
    return Attendee(rid, family, given, category, status, version, language, bool(revoked))


def badge_holders(conn: sqlite3.Connection) -> list[str]:
    """Every registration that gets a badge, in id order: not cancelled, and not someone whose
    tickets are all cancelled."""
    rows = conn.execute(
        f"SELECT a.registration_id FROM attendees AS a WHERE {EFFECTIVE_STATUS} != 'cancelled' "
        "ORDER BY a.registration_id"
    )
    return [str(rid) for (rid,) in rows]


def code_versions(conn: sqlite3.Connection, registration_ids: Iterable[str]) -> dict[str, int]:
    """Registration id -> the version of the person's current code (0: never issued), for the
    ids that exist."""
    rows = conn.execute(
        f"SELECT registration_id, code_version FROM attendees WHERE registration_id {IN_LIST}",
        (id_list(registration_ids),),
    )
    return {str(rid): int(version) for rid, version in rows}


def session_rule(conn: sqlite3.Connection, session_id: str) -> SessionRule | None:
    row = conn.execute(
        "SELECT session_id, start_ms, end_ms, capacity, access = 'invite_only', "
        "pass_back = 'refuse' FROM sessions WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    kinds = session_ticket_types(conn, session_id)
    return SessionRule(
        row[0], row[1], row[2], row[3], bool(row[4]), kinds, refuse_pass_back=bool(row[5])
    )


def session_ticket_types(conn: sqlite3.Connection, session_id: str) -> tuple[str, ...]:
    """The ticket types whose holders may enter a session besides its list, speakers and staff
    (`tickets:TYPE` in the programme); empty for other sessions."""
    rows = conn.execute(
        "SELECT ticket_type FROM session_ticket_types WHERE session_id = ? ORDER BY ticket_type",
        (session_id,),
    )
    return tuple(str(kind) for (kind,) in rows)


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
        ticket_types=valid_ticket_types(conn, attendee.registration_id),
    )
