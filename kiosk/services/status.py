"""The organisers' headline counts, derived from the check-in log every time they are asked for.

Nothing here is stored: the log is the single source of truth (it is what sync merges), so a count
kept beside it could only drift. The queries use the log's partial index of admitted scans.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# Distinct people who entered each session (admitted or readmitted, direction in), and distinct
# people whose latest admitted scan there, ordered by (at_ms, id), is an entry: the same order the
# door's PresenceBook applies, so the door screen and `status` always agree.
_SESSIONS_SQL = """
WITH admits AS (
    SELECT session_id, registration_id, direction,
           row_number() OVER (
               PARTITION BY session_id, registration_id ORDER BY at_ms DESC, id DESC
           ) AS recency
    FROM checkins
    WHERE verdict = 'admit' AND session_id IS NOT NULL AND registration_id IS NOT NULL
),
per_session AS (
    SELECT session_id,
           count(DISTINCT CASE WHEN direction = 'in' THEN registration_id END) AS admitted,
           sum(recency = 1 AND direction = 'in') AS inside
    FROM admits
    GROUP BY session_id
)
SELECT s.session_id, coalesce(p.admitted, 0), coalesce(p.inside, 0), s.capacity
FROM sessions AS s LEFT JOIN per_session AS p ON p.session_id = s.session_id
ORDER BY s.start_ms, s.session_id
"""


def event_status(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts for `kiosk status` (CLI.md): attendees, arrivals, and each session's door.

    `attendees` counts registrations that are not cancelled (the people `badge --all` renders);
    `checked_in` counts distinct people with an admitted arrival (a self check-in, session NULL);
    each session gives `admitted` (distinct people who entered), `inside` (distinct people now
    inside) and `capacity` (None: no limit), in programme order.
    """
    attendees = conn.execute(
        "SELECT count(*) FROM attendees WHERE status != 'cancelled'"
    ).fetchone()[0]
    checked_in = conn.execute(
        "SELECT count(DISTINCT registration_id) FROM checkins "
        "WHERE session_id IS NULL AND verdict = 'admit' AND direction = 'in'"
    ).fetchone()[0]
    sessions = [
        {"session_id": sid, "admitted": admitted, "inside": inside, "capacity": capacity}
        for sid, admitted, inside, capacity in conn.execute(_SESSIONS_SQL)
    ]
    return {"attendees": attendees, "checked_in": checked_in, "sessions": sessions}
