"""The organiser's desk edits of the roster: walk-ins, cancellations, badge names, invitations.

Each change is one write transaction, checked first, with the same rules as the roster import
(FORMATS.md): a registration id of ASCII letters, digits, `-` and `_`; a family or a given name;
one of the known categories; an e-mail address stored only as its salted hash. Invitation lists
changed here travel to the doors with the next roster bundle, like an imported list.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from kiosk.core.codes import REGISTRATION_ID_RE
from kiosk.core.model import CATEGORIES
from kiosk.core.names import display_name
from kiosk.core.privacy import email_hash
from kiosk.errors import KioskError
from kiosk.services.event import load_event
from kiosk.store.database import transaction
from kiosk.store.presence import checked_in_ids, first_checkin
from kiosk.store.tickets import tickets_of

WALK_IN_PREFIX = "W-"
_EMAIL_RE = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")
_LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class NewPerson:
    """A person registered at the desk; the same fields as a roster row."""

    family_name: str = ""
    given_name: str = ""
    category: str = "participant"
    name_local: str = ""
    organization: str = ""
    title: str = ""
    country: str = ""
    email: str = ""
    language: str = ""
    badge_privacy: bool = False
    accessibility: str = ""


@dataclass(frozen=True)
class TicketShown:
    """One of a person's tickets as the organiser's person page shows it: the type, whether it
    is cancelled, and only the last four characters of its code (the code is a secret that would
    let anyone enter; a photographed screen must not leak it)."""

    ticket_type: str | None
    code_tail: str
    cancelled: bool


@dataclass(frozen=True)
class PersonRecord:
    """Everything the organiser's person page shows about one registration."""

    registration_id: str
    family_name: str | None
    given_name: str | None
    name_local: str | None
    organization: str | None
    title: str | None
    country: str | None
    category: str
    status: str
    language: str | None
    badge_privacy: bool
    accessibility: str | None
    code_version: int
    has_external_code: bool
    external_code_revoked: bool
    arrived_ms: int | None
    badges_printed: int
    last_print_ms: int | None
    invitations: tuple[str, ...] = field(default_factory=tuple)
    speaker_of: tuple[str, ...] = field(default_factory=tuple)
    tickets: tuple[TicketShown, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return display_name(self.family_name, self.given_name)

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"


@dataclass(frozen=True)
class InvitedPerson:
    """One line of a session's invitation list."""

    registration_id: str
    name: str
    name_local: str | None
    category: str
    status: str


def _clean(text: str) -> str | None:
    text = text.strip()
    return text or None


def _require_person(conn: sqlite3.Connection, registration_id: str) -> str:
    row = conn.execute(
        "SELECT status FROM attendees WHERE registration_id = ?", (registration_id,)
    ).fetchone()
    if row is None:
        raise KioskError(f"no such registration: {registration_id}")
    return str(row[0])


def next_walk_in_id(conn: sqlite3.Connection) -> str:
    """The next free desk registration id: `W-0001`, `W-0002`, ..."""
    highest = 0
    for (rid,) in conn.execute(
        "SELECT registration_id FROM attendees WHERE registration_id LIKE ?",
        (WALK_IN_PREFIX + "%",),
    ):
        suffix = str(rid)[len(WALK_IN_PREFIX) :]
        if suffix.isdigit():
            highest = max(highest, int(suffix))
    return f"{WALK_IN_PREFIX}{highest + 1:04d}"


def check_new_person(person: NewPerson) -> list[tuple[str, str]]:
    """Problems with a desk registration as (field, message); empty when it can be stored."""
    problems: list[tuple[str, str]] = []
    if not person.family_name.strip() and not person.given_name.strip():
        problems.append(("family_name", "a family name or a given name is required"))
    if person.category not in CATEGORIES:
        problems.append(("category", f"unknown category {person.category!r}"))
    email = person.email.strip()
    if email and not _EMAIL_RE.match(email):
        problems.append(("email", f"{email!r} is not an e-mail address"))
    if person.language and person.language not in _LANGUAGES:
        problems.append(("language", "language: ko, en or nothing"))
    return problems


def register_walk_in(
    conn: sqlite3.Connection, person: NewPerson, *, registration_id: str | None = None
) -> str:
    """Add a person registered at the desk; returns the new registration id.

    Without `registration_id` the next `W-` number is used. Nothing is written when a field is
    wrong (KioskError naming the first problem).
    """
    problems = check_new_person(person)
    if problems:
        raise KioskError(problems[0][1])
    if registration_id is not None and not REGISTRATION_ID_RE.match(registration_id):
        raise KioskError(f"{registration_id!r} is not a registration id")
    salt = load_event(conn).email_salt
    email = person.email.strip()
    hashed = email_hash(salt, email) if email else None
    accessibility = ";".join(part.strip() for part in person.accessibility.split(";") if part)
    with transaction(conn):
        rid = registration_id or next_walk_in_id(conn)
        exists = conn.execute(
            "SELECT 1 FROM attendees WHERE registration_id = ?", (rid,)
        ).fetchone()
        if exists is not None:
            raise KioskError(f"registration {rid} already exists")
        conn.execute(
            "INSERT INTO attendees(registration_id, family_name, given_name, name_local, "
            "organization, title, country, category, email_hash, language, status, "
            "badge_privacy, accessibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', "
            "?, ?)",
            (
                rid,
                _clean(person.family_name),
                _clean(person.given_name),
                _clean(person.name_local),
                _clean(person.organization),
                _clean(person.title),
                _clean(person.country),
                person.category,
                hashed,
                person.language or None,
                int(person.badge_privacy),
                accessibility or None,
            ),
        )
    return rid


def set_cancelled(conn: sqlite3.Connection, registration_id: str, cancelled: bool = True) -> None:
    """Cancel a registration (its codes then scan as `cancelled`), or restore it."""
    with transaction(conn):
        _require_person(conn, registration_id)
        conn.execute(
            "UPDATE attendees SET status = ? WHERE registration_id = ?",
            ("cancelled" if cancelled else "registered", registration_id),
        )


def edit_badge_name(
    conn: sqlite3.Connection,
    registration_id: str,
    family_name: str,
    given_name: str,
    name_local: str | None = None,
) -> None:
    """Change the name printed on the badge; `name_local` None leaves the local name as it is."""
    if not family_name.strip() and not given_name.strip():
        raise KioskError("a family name or a given name is required")
    with transaction(conn):
        _require_person(conn, registration_id)
        conn.execute(
            "UPDATE attendees SET family_name = ?, given_name = ? WHERE registration_id = ?",
            (_clean(family_name), _clean(given_name), registration_id),
        )
        if name_local is not None:
            conn.execute(
                "UPDATE attendees SET name_local = ? WHERE registration_id = ?",
                (_clean(name_local), registration_id),
            )


def add_invitation(conn: sqlite3.Connection, session_id: str, registration_id: str) -> bool:
    """Put a person on a session's invitation list; False when already on it."""
    with transaction(conn):
        if (
            conn.execute("SELECT 1 FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
            is None
        ):
            raise KioskError(f"no session {session_id!r} in the programme")
        if _require_person(conn, registration_id) == "cancelled":
            raise KioskError(f"{registration_id} is cancelled: invite a registered person")
        cursor = conn.execute(
            "INSERT OR IGNORE INTO invitations(session_id, registration_id) VALUES (?, ?)",
            (session_id, registration_id),
        )
        return cursor.rowcount > 0


def remove_invitation(conn: sqlite3.Connection, session_id: str, registration_id: str) -> bool:
    """Take a person off a session's invitation list; False when they were not on it."""
    with transaction(conn):
        cursor = conn.execute(
            "DELETE FROM invitations WHERE session_id = ? AND registration_id = ?",
            (session_id, registration_id),
        )
        return cursor.rowcount > 0


def invited_people(conn: sqlite3.Connection, session_id: str) -> list[InvitedPerson]:
    """A session's invitation list, by name."""
    rows = conn.execute(
        "SELECT a.registration_id, a.family_name, a.given_name, a.name_local, a.category, "
        "a.status FROM invitations i JOIN attendees a ON a.registration_id = i.registration_id "
        "WHERE i.session_id = ? ORDER BY a.family_name, a.given_name, a.registration_id",
        (session_id,),
    ).fetchall()
    return [
        InvitedPerson(str(rid), display_name(family, given), local, str(category), str(status))
        for rid, family, given, local, category, status in rows
    ]


def person_record(conn: sqlite3.Connection, registration_id: str) -> PersonRecord:
    """Everything the person page shows; KioskError when there is no such registration."""
    row = conn.execute(
        "SELECT registration_id, family_name, given_name, name_local, organization, title, "
        "country, category, status, language, badge_privacy, accessibility, code_version, "
        "external_code IS NOT NULL, external_code_revoked FROM attendees "
        "WHERE registration_id = ?",
        (registration_id,),
    ).fetchone()
    if row is None:
        raise KioskError(f"no such registration: {registration_id}")
    # Checked in as everywhere else: arrived at a kiosk or admitted at any door.
    arrived = first_checkin(conn, registration_id)
    printed, last_print = conn.execute(
        "SELECT count(*), max(at_ms) FROM badge_prints WHERE registration_id = ? "
        "AND status != 'failed'",
        (registration_id,),
    ).fetchone()
    invitations = tuple(
        str(sid)
        for (sid,) in conn.execute(
            "SELECT session_id FROM invitations WHERE registration_id = ? ORDER BY session_id",
            (registration_id,),
        )
    )
    speaker_of = tuple(
        str(sid)
        for (sid,) in conn.execute(
            "SELECT session_id FROM session_speakers WHERE registration_id = ? ORDER BY session_id",
            (registration_id,),
        )
    )
    return PersonRecord(
        registration_id=str(row[0]),
        family_name=row[1],
        given_name=row[2],
        name_local=row[3],
        organization=row[4],
        title=row[5],
        country=row[6],
        category=str(row[7]),
        status=str(row[8]),
        language=row[9],
        badge_privacy=bool(row[10]),
        accessibility=row[11],
        code_version=int(row[12]),
        has_external_code=bool(row[13]),
        external_code_revoked=bool(row[14]),
        arrived_ms=int(arrived) if arrived is not None else None,
        badges_printed=int(printed),
        last_print_ms=int(last_print) if last_print is not None else None,
        invitations=invitations,
        speaker_of=speaker_of,
        tickets=tuple(
            TicketShown(t.ticket_type, t.code_tail, t.cancelled)
            for t in tickets_of(conn, registration_id)
        ),
    )


RosterRow = tuple[str, str | None, str | None, str | None, str | None, str, str, int, bool]
"""registration id, family name, given name, name in own script, organisation, category, status,
code version, checked in"""


def roster_rows(conn: sqlite3.Connection) -> list[RosterRow]:
    """Every registration as the organisers' roster lists it; "checked in" is the one definition
    (`kiosk.store.presence`): arrived at a kiosk or admitted at any door."""
    checked_in = checked_in_ids(conn)
    rows = conn.execute(
        "SELECT registration_id, family_name, given_name, name_local, organization, category, "
        "status, code_version FROM attendees"
    )
    return [
        (
            str(rid),
            family,
            given,
            local,
            org,
            str(category),
            str(status),
            int(version),
            str(rid) in checked_in,
        )
        for rid, family, given, local, org, category, status, version in rows
    ]
