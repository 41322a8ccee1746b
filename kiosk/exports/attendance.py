"""`kiosk export attendance`: who went through which session door, and when.

One row per admitted door event (admitted, readmitted, exit_recorded), in log order, so an
organiser can rebuild any room's history in a spreadsheet. Denials are not attendance and stay
out. CSV is UTF-8 with a byte-order mark, which Korean Excel needs to show Hangul; XLSX is
written with openpyxl.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from kiosk.core.clock import iso
from kiosk.core.names import display_name
from kiosk.exports.table_file import write_table
from kiosk.services.event import load_event

COLUMNS: tuple[str, ...] = (
    "checkin_id",
    "time",
    "session_id",
    "room",
    "registration_id",
    "name",
    "name_local",
    "category",
    "direction",
    "reason",
    "override_reason",
    "device",
)

# LEFT JOINs: a door event stays in the export even when its person or session is no longer in
# this database (a roster update, a session removed from the programme).
_QUERY = """
SELECT c.event_uid, c.at_ms, c.session_id, s.room, c.registration_id,
       a.family_name, a.given_name, a.name_local, a.category,
       c.direction, c.reason, c.override_reason, c.device
FROM checkins AS c
LEFT JOIN attendees AS a ON a.registration_id = c.registration_id
LEFT JOIN sessions AS s ON s.session_id = c.session_id
WHERE c.verdict = 'admit' AND c.session_id IS NOT NULL
ORDER BY c.at_ms, c.id
"""


def attendance_rows(conn: sqlite3.Connection) -> Iterator[list[object]]:
    """The export's rows (without the header), as stored: each writer makes them safe."""
    tz = load_event(conn).tz
    for (
        uid,
        at_ms,
        session_id,
        room,
        registration_id,
        family,
        given,
        name_local,
        category,
        direction,
        reason,
        override_reason,
        device,
    ) in conn.execute(_QUERY):
        name = display_name(family, given) if family or given else ""
        yield [
            uid,
            iso(at_ms, tz),
            session_id,
            room or "",
            registration_id or "",
            name,
            name_local or "",
            category or "",
            direction,
            reason,
            override_reason or "",
            device,
        ]


def export_attendance(conn: sqlite3.Connection, path: Path) -> int:
    """Write the attendance export to `path` (`.csv` or `.xlsx`) and return the number of rows.

    The file appears only once complete (see `write_atomically`); any other suffix is refused
    before anything is written.
    """
    return write_table(path, COLUMNS, attendance_rows(conn), sheet="attendance")
