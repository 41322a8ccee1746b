"""Issuing and reissuing signed codes (organiser only), and reading a person's current code."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from kiosk.core.clock import now_ms
from kiosk.core.codes import issue_code
from kiosk.errors import KioskError
from kiosk.services.event import Event, is_organiser, load_event, load_signing_key
from kiosk.store.database import transaction
from kiosk.store.people import attendee_by_id, code_versions
from kiosk.store.tickets import tickets_of


def _versions(
    conn: sqlite3.Connection, registration_ids: Sequence[str] | None
) -> list[tuple[str, int]]:
    if registration_ids is None:
        rows = conn.execute(
            "SELECT registration_id, code_version FROM attendees ORDER BY registration_id"
        ).fetchall()
        return [(rid, int(version)) for rid, version in rows]
    wanted = list(dict.fromkeys(registration_ids))
    found = code_versions(conn, wanted)
    missing = [rid for rid in wanted if rid not in found]
    if missing:
        raise KioskError(f"no such registration: {', '.join(missing[:5])}")
    return [(rid, found[rid]) for rid in wanted]


def issue_codes(
    conn: sqlite3.Connection,
    registration_ids: Sequence[str] | None,
    *,
    reissue: bool = False,
    event: Event | None = None,
) -> Iterator[tuple[str, str]]:
    """Yield (registration id, current code) for the people named, or everyone when None.

    Without `reissue`, a person's current code is given again (and made, if never issued).
    With it, the counter goes up: every earlier code of the person, including a code from
    another registration system, scans as revoked from then on. All changes commit together
    before the first code is yielded.
    """
    event = event or load_event(conn)
    key = load_signing_key(conn)
    plan = [
        (rid, version + 1 if reissue or version == 0 else version, version)
        for rid, version in _versions(conn, registration_ids)
    ]
    codes = {rid: issue_code(key, event.event_id, rid, new) for rid, new, _ in plan}
    changed = [(rid, new) for rid, new, old in plan if new != old]
    if changed:
        issued_ms = now_ms()
        with transaction(conn):
            conn.executemany(
                "UPDATE attendees SET code_version = ? WHERE registration_id = ?",
                [(new, rid) for rid, new in changed],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO code_issues(registration_id, version, issued_ms, code) "
                "VALUES (?, ?, ?, ?)",
                [(rid, new, issued_ms, codes[rid]) for rid, new in changed],
            )
            if reissue:
                # The person's codes from other systems (tickets) are replaced too.
                conn.executemany(
                    "UPDATE attendees SET external_code_revoked = 1 WHERE registration_id = ?",
                    [(rid,) for rid, _ in changed],
                )
    for rid, _, _ in plan:
        yield rid, codes[rid]


def planned_code(conn: sqlite3.Connection, registration_id: str) -> tuple[str, int]:
    """The code the person's badge will carry, without storing anything (for a preview).

    On the organiser's machine: the current code, or for someone not issued one yet the code
    they will get (version 1; Ed25519 signatures are deterministic, so it is the same text).
    Elsewhere: the current code as `current_code` reads it."""
    versions = code_versions(conn, [registration_id])
    if registration_id not in versions:
        raise KioskError(f"no such registration: {registration_id}")
    if not is_organiser(conn):
        return current_code(conn, registration_id)
    version = max(versions[registration_id], 1)
    key = load_signing_key(conn)
    return issue_code(key, load_event(conn).event_id, registration_id, version), version


def current_code(conn: sqlite3.Connection, registration_id: str) -> tuple[str, int]:
    """The person's current code and its version.

    The organiser's machine signs it (issuing a first code if there was none); a device without
    the signing key reads the code it was given, or one of the person's valid tickets from
    another system.
    """
    if is_organiser(conn):
        code = next(issue_codes(conn, [registration_id]))[1]
        version = conn.execute(
            "SELECT code_version FROM attendees WHERE registration_id = ?", (registration_id,)
        ).fetchone()[0]
        return code, int(version)
    row = conn.execute(
        "SELECT i.code, a.code_version FROM attendees a JOIN code_issues i "
        "ON i.registration_id = a.registration_id AND i.version = a.code_version "
        "WHERE a.registration_id = ?",
        (registration_id,),
    ).fetchone()
    if row is not None and row[0]:
        return str(row[0]), int(row[1])
    person = attendee_by_id(conn, registration_id)
    if person is not None and not person.external_codes_revoked:
        valid = [ticket for ticket in tickets_of(conn, registration_id) if not ticket.cancelled]
        if valid:
            return valid[0].code, 0
    raise KioskError(f"no code has been issued to {registration_id} yet: issue one first")
