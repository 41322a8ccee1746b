"""Issuing and reissuing signed codes (organiser only)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from kiosk.core.clock import now_ms
from kiosk.core.codes import issue_code
from kiosk.errors import KioskError
from kiosk.services.event import Event, load_event, load_signing_key
from kiosk.store.database import transaction


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
    if registration_ids is None:
        rows = conn.execute(
            "SELECT registration_id, code_version FROM attendees ORDER BY registration_id"
        ).fetchall()
    else:
        wanted = list(dict.fromkeys(registration_ids))
        found = (
            dict(
                conn.execute(
                    "SELECT registration_id, code_version FROM attendees "
                    f"WHERE registration_id IN ({','.join('?' * len(wanted))})",
                    wanted,
                ).fetchall()
            )
            if wanted
            else {}
        )
        missing = [rid for rid in wanted if rid not in found]
        if missing:
            raise KioskError(f"no such registration: {', '.join(missing[:5])}")
        rows = [(rid, found[rid]) for rid in wanted]
    issued_ms = now_ms()
    plan = [
        (rid, version + 1 if reissue or version == 0 else version, version) for rid, version in rows
    ]
    changed = [(new, rid) for rid, new, old in plan if new != old]
    if changed:
        with transaction(conn):
            conn.executemany(
                "UPDATE attendees SET code_version = ? WHERE registration_id = ?", changed
            )
            conn.executemany(
                "INSERT OR IGNORE INTO code_issues(registration_id, version, issued_ms) "
                "VALUES (?, ?, ?)",
                [(rid, new, issued_ms) for new, rid in changed],
            )
            if reissue:
                conn.executemany(
                    "UPDATE attendees SET external_code_revoked = 1 "
                    "WHERE registration_id = ? AND external_code IS NOT NULL",
                    [(rid,) for _, rid in changed],
                )
    for rid, new, _ in plan:
        yield rid, issue_code(key, event.event_id, rid, new)


def current_code(conn: sqlite3.Connection, registration_id: str) -> str:
    """The person's current code (issuing it if they never had one)."""
    return next(issue_codes(conn, [registration_id]))[1]
