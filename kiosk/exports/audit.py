"""`kiosk export audit`: every door override and every code reissue, for the organisers' records.

An override ("admit anyway") is a door admission that the rules alone would have refused, logged
with the reason staff typed; a reissue is a new code for a person (a lost badge), which revokes
their earlier codes. Both are decisions people made, so both are audited. One row each, in time
order. CSV is UTF-8 with a byte-order mark (for Korean Excel), XLSX via openpyxl; every cell goes
through `cells.neutralise` (the override reason is free text typed at a door).
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
    "kind",
    "time",
    "registration_id",
    "name",
    "category",
    "session_id",
    "room",
    "direction",
    "reason",
    "override_reason",
    "code_version",
    "device",
    "checkin_id",
)

# kind, at_ms, registration_id, family, given, category, session, room, direction, reason,
# override reason, code version, device, check-in id; LEFT JOINs keep rows whose person or
# session is gone.
_QUERY = """
SELECT 'override', c.at_ms, c.registration_id, a.family_name, a.given_name, a.category,
       c.session_id, s.room, c.direction, c.reason, c.override_reason, c.code_version, c.device,
       c.event_uid, c.id
FROM checkins AS c
LEFT JOIN attendees AS a ON a.registration_id = c.registration_id
LEFT JOIN sessions AS s ON s.session_id = c.session_id
WHERE c.override_reason IS NOT NULL
UNION ALL
SELECT 'reissue', i.issued_ms, i.registration_id, a.family_name, a.given_name, a.category,
       NULL, NULL, NULL, 'reissued', NULL, i.version, NULL, NULL, 0
FROM code_issues AS i
LEFT JOIN attendees AS a ON a.registration_id = i.registration_id
WHERE i.version > 1
ORDER BY 2, 15, 3, 12
"""


def audit_rows(conn: sqlite3.Connection) -> Iterator[list[object]]:
    """The audit log's rows (without the header), as stored: each writer makes them safe."""
    tz = load_event(conn).tz
    for (
        kind,
        at_ms,
        registration_id,
        family,
        given,
        category,
        session_id,
        room,
        direction,
        reason,
        override_reason,
        code_version,
        device,
        checkin_id,
        _,
    ) in conn.execute(_QUERY):
        yield [
            kind,
            iso(at_ms, tz),
            registration_id or "",
            display_name(family, given) if family or given else "",
            category or "",
            session_id or "",
            room or "",
            direction or "",
            reason,
            override_reason or "",
            "" if code_version is None else code_version,
            device or "",
            checkin_id or "",
        ]


def export_audit(conn: sqlite3.Connection, path: Path) -> int:
    """Write the audit log to `path` (`.csv` or `.xlsx`) and return the number of rows."""
    return write_table(path, COLUMNS, audit_rows(conn), sheet="audit")
