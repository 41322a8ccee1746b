"""From a scanned text to a registration: the one place codes are judged."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from kiosk.core.codes import MAX_CODE_LENGTH, parse_code, signature_valid
from kiosk.core.keyboard import typed_spellings
from kiosk.core.model import CodeStatus
from kiosk.services.event import Event
from kiosk.store.people import Attendee, attendee_by_id
from kiosk.store.tickets import first_ticket, ticket_of_this_length

# What a registration system's ticket secret is written with (pretix: letters, digits and the
# signed tickets' base64 signs); anything else in a scan is garbled input, not an unknown ticket.
_TICKET_TEXT = re.compile(r"[A-Za-z0-9=+/_.-]+")


@dataclass(frozen=True, slots=True)
class Identification:
    """Whose code was scanned, and how usable it is. `ticket_code` is the ticket from another
    system that was scanned, as stored (None for this system's own signed codes), so that the
    check-in log can tell which of a person's tickets was used."""

    status: CodeStatus
    attendee: Attendee | None = None
    code_version: int | None = None
    ticket_code: str | None = None


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
    """A ticket from another registration system (any of a person's tickets).

    The code as scanned is looked up first; only when no ticket has it are the spellings a
    keyboard-wedge scanner may have garbled it into (Caps Lock, Korean IME) tried, and only a
    spelling that is a ticket is taken, so a code with signs or mixed case is never lowered
    blindly. A ticket replaced by a reissue scans revoked, a cancelled one cancelled. A code
    shaped like the tickets held (their length) that nobody holds is an unknown ticket, not a
    badge that "could not be read"; text with other signs or control characters is no ticket."""
    ticket = first_ticket(conn, typed_spellings(text))
    if ticket is None:
        lengths = {len(s) for s in typed_spellings(text) if _TICKET_TEXT.fullmatch(s)}
        known_shape = any(ticket_of_this_length(conn, length) for length in lengths)
        return Identification(CodeStatus.UNKNOWN if known_shape else CodeStatus.INVALID)
    attendee = attendee_by_id(conn, ticket.registration_id)
    if attendee is None:
        return Identification(CodeStatus.UNKNOWN, ticket_code=ticket.code)
    if attendee.external_codes_revoked:
        return Identification(CodeStatus.REVOKED, ticket_code=ticket.code)
    if ticket.cancelled:
        return Identification(CodeStatus.CANCELLED, attendee, ticket_code=ticket.code)
    return Identification(CodeStatus.VALID, attendee, None, ticket.code)
