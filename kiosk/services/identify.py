"""From a scanned text to a registration: the one place codes are judged."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.codes import MAX_CODE_LENGTH, parse_code, signature_valid
from kiosk.core.model import CodeStatus
from kiosk.services.event import Event
from kiosk.store.people import Attendee, attendee_by_external_code, attendee_by_id


@dataclass(frozen=True, slots=True)
class Identification:
    status: CodeStatus
    attendee: Attendee | None = None
    code_version: int | None = None


def identify(conn: sqlite3.Connection, event: Event, text: str) -> Identification:
    """Judge a scanned code: a code from another registration system by exact match, else a
    signed code of this event checked against the organiser's public key."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CODE_LENGTH * 4:
        return Identification(CodeStatus.INVALID)
    external = attendee_by_external_code(conn, stripped)
    if external is not None:
        revoked = conn.execute(
            "SELECT external_code_revoked FROM attendees WHERE registration_id = ?",
            (external.registration_id,),
        ).fetchone()[0]
        if revoked:
            return Identification(CodeStatus.REVOKED)
        return Identification(CodeStatus.VALID, external, None)
    claim = parse_code(stripped)
    if claim is None or not signature_valid(claim, event.public_key, event.tag):
        return Identification(CodeStatus.INVALID)
    attendee = attendee_by_id(conn, claim.registration_id)
    if attendee is None:
        return Identification(CodeStatus.UNKNOWN, None, claim.version)
    if claim.version < attendee.code_version:
        return Identification(CodeStatus.REVOKED, None, claim.version)
    return Identification(CodeStatus.VALID, attendee, claim.version)
