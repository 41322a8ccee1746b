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
    """Judge a scanned code: a signed code of this event checked against the organiser's
    public key, else a code from another registration system by exact match."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CODE_LENGTH * 4 or not _is_text(stripped):
        return Identification(CodeStatus.INVALID)
    claim = parse_code(stripped)
    if claim is None or not signature_valid(claim, event.public_key, event.tag):
        # Not a code of ours: perhaps one sent by another registration system.
        return _external(conn, stripped)
    attendee = attendee_by_id(conn, claim.registration_id)
    if attendee is None:
        return Identification(CodeStatus.UNKNOWN, None, claim.version)
    if claim.version < attendee.code_version:
        return Identification(CodeStatus.REVOKED, None, claim.version)
    return Identification(CodeStatus.VALID, attendee, claim.version)


def _is_text(value: str) -> bool:
    """False for a scan holding bytes that were not UTF-8 (Python keeps them as surrogates, e.g.
    from a command line or a scanner on a wrong keyboard layout): never a code."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _external(conn: sqlite3.Connection, text: str) -> Identification:
    """A code from another registration system, accepted by exact match until a reissue."""
    external = attendee_by_external_code(conn, text)
    if external is None:
        return Identification(CodeStatus.INVALID)
    revoked = conn.execute(
        "SELECT external_code_revoked FROM attendees WHERE registration_id = ?",
        (external.registration_id,),
    ).fetchone()[0]
    if revoked:
        return Identification(CodeStatus.REVOKED)
    return Identification(CodeStatus.VALID, external, None)
