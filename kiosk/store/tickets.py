"""People's tickets: codes from registration systems (pretix secrets and the like).

A person may hold several tickets, each with a ticket type (the product: "Conference pass",
"Workshop"); any valid one scans as that person. The `tickets` table is where codes from other
systems live. A code that only the older `attendees.external_code` column holds (the generic
roster's `code` column, before the importers wrote tickets) is read as one more ticket of its
person, with no type: both are read here and nowhere else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

VALID = "valid"
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Ticket:
    """One ticket as the door and the organiser's screens need it."""

    code: str
    registration_id: str
    ticket_type: str | None
    source: str | None
    status: str

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def code_tail(self) -> str:
        """The last four characters of the code, for screens: the whole code is a secret (a
        photographed screen must not let anyone make a ticket)."""
        return self.code[-4:]


_TICKET_COLUMNS = "code, registration_id, ticket_type, source, status"
# The legacy external code of a person, as a valid ticket of no type, unless the tickets table has
# it. (A reissue that replaced it is the person's `external_code_revoked`: it then scans revoked.)
_LEGACY = "SELECT external_code, registration_id, NULL, NULL, 'valid' FROM attendees "


def add_ticket(
    conn: sqlite3.Connection,
    code: str,
    registration_id: str,
    *,
    ticket_type: str | None = None,
    source: str | None = None,
    source_ref: str | None = None,
    status: str = VALID,
) -> None:
    """Record one ticket (or replace the one with this code), inside the caller's transaction."""
    conn.execute(
        "INSERT INTO tickets (code, registration_id, ticket_type, source, source_ref, status) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "registration_id = excluded.registration_id, ticket_type = excluded.ticket_type, "
        "source = excluded.source, source_ref = excluded.source_ref, status = excluded.status",
        (code, registration_id, ticket_type, source, source_ref, status),
    )


def set_ticket_status(conn: sqlite3.Connection, code: str, status: str) -> bool:
    """Mark one ticket valid or cancelled; False when no ticket has this code."""
    cursor = conn.execute("UPDATE tickets SET status = ? WHERE code = ?", (status, code))
    return cursor.rowcount > 0


def ticket_by_code(conn: sqlite3.Connection, code: str) -> Ticket | None:
    """The ticket with exactly this code, or None."""
    row = conn.execute(f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE code = ?", (code,)).fetchone()
    if row is None:
        row = conn.execute(_LEGACY + "WHERE external_code = ?", (code,)).fetchone()
    return Ticket(*row) if row else None


def first_ticket(conn: sqlite3.Connection, codes: Iterable[str]) -> Ticket | None:
    """The ticket of the first of these codes that one has (the spellings to try, best first)."""
    for code in codes:
        found = ticket_by_code(conn, code)
        if found is not None:
            return found
    return None


def tickets_of(conn: sqlite3.Connection, registration_id: str) -> list[Ticket]:
    """A person's tickets: valid ones first, then by type and code."""
    rows = conn.execute(
        f"SELECT {_TICKET_COLUMNS} FROM tickets WHERE registration_id = ? "
        + "UNION ALL "
        + _LEGACY
        + "WHERE registration_id = ? AND external_code IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.code = attendees.external_code) "
        "ORDER BY 5 DESC, 3, 1",
        (registration_id, registration_id),
    ).fetchall()
    return [Ticket(*row) for row in rows]


def valid_ticket_types(conn: sqlite3.Connection, registration_id: str) -> frozenset[str]:
    """The types of a person's valid tickets (what a `tickets:TYPE` door looks at)."""
    rows = conn.execute(
        "SELECT DISTINCT ticket_type FROM tickets WHERE registration_id = ? "
        "AND status = 'valid' AND ticket_type IS NOT NULL",
        (registration_id,),
    )
    return frozenset(str(kind) for (kind,) in rows)


def ticket_of_this_length(conn: sqlite3.Connection, length: int) -> bool:
    """True when some ticket's code has this length: a code of that shape that nobody holds is
    a ticket we do not know (an honest "not found"), not a text that is no code."""
    return (
        conn.execute("SELECT 1 FROM tickets WHERE length(code) = ? LIMIT 1", (length,)).fetchone()
        is not None
    )


def person_by_ticket(conn: sqlite3.Connection, code: str) -> str | None:
    """The registration id a ticket code belongs to (whatever its status), or None."""
    found = ticket_by_code(conn, code)
    return None if found is None else found.registration_id


# A person's registration is cancelled, or every ticket they hold is: no entry, no badge.
# Written in SQL so lists (badges for everyone) and single look-ups apply the same rule; `a` is
# the attendees row.
ALL_TICKETS_CANCELLED = (
    "(EXISTS (SELECT 1 FROM tickets t WHERE t.registration_id = a.registration_id) "
    "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.registration_id = a.registration_id "
    "AND t.status = 'valid'))"
)
EFFECTIVE_STATUS = f"CASE WHEN {ALL_TICKETS_CANCELLED} THEN 'cancelled' ELSE a.status END"
