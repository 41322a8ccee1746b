"""A door's latest scans as door staff see them: time, verdict, name, nothing more."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.model import Reason
from kiosk.core.names import display_name

RECENT_LIMIT = 10


@dataclass(frozen=True, slots=True)
class ScanEntry:
    """One line of the list: no e-mail, no code, only what door staff need to see."""

    at_ms: int
    name: str | None
    reason: Reason
    overridden: bool = False


def recent_door_scans(
    conn: sqlite3.Connection, device: str, limit: int = RECENT_LIMIT
) -> list[ScanEntry]:
    """This device's latest door scans from the log, newest first (the list survives a restart)."""
    rows = conn.execute(
        "SELECT c.at_ms, a.family_name, a.given_name, c.registration_id, c.reason, "
        "c.override_reason IS NOT NULL FROM checkins AS c "
        "LEFT JOIN attendees AS a ON a.registration_id = c.registration_id "
        "WHERE c.device = ? AND c.session_id IS NOT NULL ORDER BY c.device_seq DESC LIMIT ?",
        (device, limit),
    ).fetchall()
    entries = []
    for at_ms, family, given, registration_id, reason, overridden in rows:
        try:
            code = Reason(reason)
        except ValueError:
            continue
        name = display_name(family, given) if registration_id and (family or given) else None
        entries.append(ScanEntry(at_ms, name, code, bool(overridden)))
    return entries
