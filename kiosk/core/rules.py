"""Door rules: who may enter a room now. Pure functions, no I/O.

The order in which reasons win is part of the command-line contract (CLI.md): code problems first,
then the door window, the invitation list (or, at a `tickets:` session, the ticket types that pass
besides it), re-entry, and capacity last.

Re-entry while recorded inside (a pass-back: the badge may have been handed back out) is what
`scanned_while_inside` says; the session's policy admits it as `readmitted` (the default) or
refuses it as `pass_back`. Either way the door shows "already inside since" and the conflicts
report counts it as a warning.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable

from kiosk.core.model import (
    CodeStatus,
    Direction,
    DoorPolicy,
    PersonFacts,
    Presence,
    Reason,
    SessionRule,
)

_CODE_REASONS = {
    CodeStatus.INVALID: Reason.INVALID_CODE,
    CodeStatus.UNKNOWN: Reason.UNKNOWN_CODE,
    CodeStatus.REVOKED: Reason.REVOKED,
    CodeStatus.CANCELLED: Reason.CANCELLED,
}

# Denials an organiser or door staff may override with a written reason. Code problems and
# cancellations are never overridden: a forged, revoked or cancelled code is never admitted.
OVERRIDABLE: frozenset[Reason] = frozenset(
    {
        Reason.NOT_INVITED,
        Reason.TICKET_REQUIRED,
        Reason.ROOM_FULL,
        Reason.TOO_EARLY,
        Reason.SESSION_OVER,
        # Someone really did step out without an exit scan: staff may let them back in.
        Reason.PASS_BACK,
    }
)


def scanned_while_inside(presence: Presence, direction: Direction) -> bool:
    """An entry scan of someone the log says is inside already: a re-scan, or a badge passed
    back out to a second person. Exits and first entries are not."""
    return direction is Direction.IN and presence.inside


def _ticket_key(ticket_type: str) -> str:
    return " ".join(unicodedata.normalize("NFC", ticket_type).casefold().split())


def ticket_type_matches(wanted: str, held: str) -> bool:
    """A ticket type named by the programme (`tickets:Workshop`) matches a ticket the person
    holds when the names are the same (case and spacing aside), or when the held one is the named
    one followed by a colon and a title (pretix's "Workshop: Human rights cities in practice")."""
    want, have = _ticket_key(wanted), _ticket_key(held)
    return bool(want) and (have == want or have.startswith(want + ":"))


def holds_ticket_for(session_types: Iterable[str], held: Collection[str]) -> bool:
    """True when one of the person's valid tickets is of a type the session admits."""
    return any(ticket_type_matches(w, h) for w in session_types for h in held)


def may_pass_invite_only(
    person: PersonFacts, policy: DoorPolicy, ticket_types: Iterable[str] = ()
) -> bool:
    """An invite-only door admits its list, the session's speakers and staff categories, and
    holders of a ticket of one of the session's `ticket_types` (if it names any)."""
    return (
        person.on_invitation_list
        or person.is_speaker
        or person.category in policy.staff_categories
        or holds_ticket_for(ticket_types, person.ticket_types)
    )


def code_reason(code: CodeStatus, person: PersonFacts | None) -> Reason | None:
    """The denial that the code or registration alone causes, or None when it is usable."""
    if code is not CodeStatus.VALID:
        return _CODE_REASONS[code]
    if person is None:
        return Reason.UNKNOWN_CODE
    if person.cancelled:
        return Reason.CANCELLED
    return None


def decide_door(
    *,
    session: SessionRule | None,
    code: CodeStatus,
    person: PersonFacts | None,
    presence: Presence,
    inside_count: int,
    at_ms: int,
    direction: Direction,
    policy: DoorPolicy,
) -> Reason:
    """Decide one scan at a session door and return the winning reason.

    `presence` is the person's history at this session and `inside_count` the number of distinct
    people inside now, both derived from the log before this scan.
    """
    if session is None:
        return Reason.UNKNOWN_SESSION
    denial = code_reason(code, person)
    if denial is not None:
        return denial
    assert person is not None
    if direction is Direction.OUT:
        # Leaving is always recorded, whatever the time or the list: it only lowers the count.
        return Reason.EXIT_RECORDED
    if at_ms < session.start_ms - policy.door_opens_ms_before:
        return Reason.TOO_EARLY
    if at_ms >= session.end_ms:
        return Reason.SESSION_OVER
    if session.invite_only and not may_pass_invite_only(person, policy, session.ticket_types):
        return Reason.TICKET_REQUIRED if session.ticket_types else Reason.NOT_INVITED
    if scanned_while_inside(presence, direction):
        return Reason.PASS_BACK if session.refuse_pass_back else Reason.READMITTED
    if session.capacity is not None and inside_count >= session.capacity:
        return Reason.ROOM_FULL
    return Reason.READMITTED if presence.has_entered else Reason.ADMITTED


def decide_arrival(*, code: CodeStatus, person: PersonFacts | None, arrived: bool) -> Reason:
    """Decide a self check-in at the event (badge pick-up): first arrival or a repeat."""
    denial = code_reason(code, person)
    if denial is not None:
        return denial
    return Reason.READMITTED if arrived else Reason.ADMITTED
