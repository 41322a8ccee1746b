"""The organisers' headline counts, derived from the check-in log every time they are asked for.

Nothing here is stored: the log is the single source of truth (it is what sync merges), so a count
kept beside it could only drift. Who is inside and who has checked in are `kiosk.store.presence`'s
figures, the same definitions the doors, the dashboard and the day report use.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.store.presence import checked_in_count, session_counts
from kiosk.store.tickets import EFFECTIVE_STATUS


def registered_count(conn: sqlite3.Connection) -> int:
    """Registrations that are not cancelled (the people `badge --all` renders: not someone
    whose tickets are all cancelled either)."""
    return int(
        conn.execute(
            f"SELECT count(*) FROM attendees AS a WHERE {EFFECTIVE_STATUS} != 'cancelled'"
        ).fetchone()[0]
    )


def event_status(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts for `kiosk status` (CLI.md): attendees, check-ins, and each session's door.

    `attendees` counts registrations that are not cancelled; `checked_in` counts distinct people
    who arrived at a self check-in kiosk or were admitted at any door; each session gives
    `admitted` (distinct people who entered), `inside` (distinct people now inside) and
    `capacity` (None: no limit), in programme order.
    """
    sessions = [
        {
            "session_id": count.session_id,
            "admitted": count.admitted,
            "inside": count.inside,
            "capacity": count.capacity,
        }
        for count in session_counts(conn)
    ]
    return {
        "attendees": registered_count(conn),
        "checked_in": checked_in_count(conn),
        "sessions": sessions,
    }
