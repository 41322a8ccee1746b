"""Who is inside and who has checked in, read from the check-in log. The only SQL that says so.

The figures are `kiosk.core.presence`'s definitions computed by the database (a property test
keeps both equal on random logs); what needs a walk through history (a door's PresenceBook, the
dashboard's live counts, peaks) reads `admitted_scans` and folds them with the core.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kiosk.core.model import Direction
from kiosk.core.presence import AdmittedScan
from kiosk.store.id_lists import IN_LIST, id_list

ADMITTED = "verdict = 'admit' AND registration_id IS NOT NULL"
"""The log lines that count for presence: admitted scans of a known person."""

CHECKED_IN = f"{ADMITTED} AND direction = 'in'"
"""The log lines that make a person checked in: an arrival at a kiosk or an entry at any door."""

# Distinct people who entered each session, and distinct people whose latest admitted scan there,
# ordered by (at_ms, id), is an entry; sessions with no scans count zero.
_SESSION_COUNTS_SQL = f"""
WITH admits AS (
    SELECT session_id, registration_id, direction,
           row_number() OVER (
               PARTITION BY session_id, registration_id ORDER BY at_ms DESC, id DESC
           ) AS recency
    FROM checkins
    WHERE {ADMITTED} AND session_id IS NOT NULL
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

INSIDE_CTE = f"""
inside AS (
    SELECT registration_id, at_ms AS since_ms FROM (
        SELECT registration_id, direction, at_ms,
               row_number() OVER (
                   PARTITION BY registration_id ORDER BY at_ms DESC, id DESC
               ) AS recency
        FROM checkins
        WHERE session_id = :session_id AND {ADMITTED}
    )
    WHERE recency = 1 AND direction = 'in'
)
"""
"""A common table `inside(registration_id, since_ms)`: who is inside the session given as the
named parameter `:session_id`, with the time of the entry that brought them in. For queries
that join it (the roll-call): `"WITH " + INSIDE_CTE + "SELECT ..."`."""


@dataclass(frozen=True, slots=True)
class SessionCount:
    """One session's door: distinct people who entered, who are inside now, and its limit."""

    session_id: str
    admitted: int
    inside: int
    capacity: int | None


def session_counts(conn: sqlite3.Connection) -> list[SessionCount]:
    """Every session of the programme with its counts, in programme order."""
    return [
        SessionCount(str(sid), int(admitted), int(inside), None if cap is None else int(cap))
        for sid, admitted, inside, cap in conn.execute(_SESSION_COUNTS_SQL)
    ]


def inside_since(conn: sqlite3.Connection, session_id: str) -> dict[str, int]:
    """Who is inside a session now, each with the time of the entry that brought them in."""
    rows = conn.execute(
        f"WITH {INSIDE_CTE} SELECT registration_id, since_ms FROM inside",
        {"session_id": session_id},
    )
    return {str(rid): int(at) for rid, at in rows}


def checked_in_count(conn: sqlite3.Connection, *, before_ms: int | None = None) -> int:
    """Distinct people checked in (arrived at a kiosk or admitted at any door), optionally only
    counting check-ins before a moment."""
    sql = f"SELECT count(DISTINCT registration_id) FROM checkins WHERE {CHECKED_IN}"
    if before_ms is None:
        return int(conn.execute(sql).fetchone()[0])
    return int(conn.execute(sql + " AND at_ms < ?", (before_ms,)).fetchone()[0])


def checked_in_ids(conn: sqlite3.Connection) -> set[str]:
    """Everyone checked in (arrived at a kiosk or admitted at any door)."""
    rows = conn.execute(f"SELECT DISTINCT registration_id FROM checkins WHERE {CHECKED_IN}")
    return {str(rid) for (rid,) in rows}


def first_checkins(
    conn: sqlite3.Connection, *, from_ms: int | None = None, before_ms: int | None = None
) -> dict[str, int]:
    """Each checked-in person's first check-in moment, counting only check-ins in the window
    [from_ms, before_ms) when given."""
    where: list[str] = [CHECKED_IN]
    params: list[object] = []
    if from_ms is not None:
        where.append("at_ms >= ?")
        params.append(from_ms)
    if before_ms is not None:
        where.append("at_ms < ?")
        params.append(before_ms)
    rows = conn.execute(
        "SELECT registration_id, min(at_ms) FROM checkins WHERE "
        + " AND ".join(where)
        + " GROUP BY registration_id",
        params,
    )
    return {str(rid): int(at) for rid, at in rows}


def first_checkin(conn: sqlite3.Connection, registration_id: str) -> int | None:
    """When the person first checked in (arrived at a kiosk or admitted at any door), or None."""
    row = conn.execute(
        f"SELECT min(at_ms) FROM checkins WHERE {CHECKED_IN} AND registration_id = ?",
        (registration_id,),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def has_arrived(conn: sqlite3.Connection, registration_id: str) -> bool:
    """True once the person has an admitted arrival at a self check-in kiosk (any device): the
    kiosk then treats another check-in as a repeat (badge already picked up)."""
    row = conn.execute(
        f"SELECT 1 FROM checkins WHERE session_id IS NULL AND {ADMITTED} "
        "AND registration_id = ? LIMIT 1",
        (registration_id,),
    ).fetchone()
    return row is not None


def admitted_scans(
    conn: sqlite3.Connection,
    *,
    session_ids: Sequence[str] | None = None,
    after_id: int = 0,
    up_to_id: int | None = None,
) -> Iterator[AdmittedScan]:
    """Admitted scans in history order (at_ms, then id): of the given sessions (all lines,
    arrivals included, when None), and only log ids in (after_id, up_to_id]."""
    where: list[str] = [ADMITTED, "id > ?"]
    params: list[object] = [after_id]
    if up_to_id is not None:
        where.append("id <= ?")
        params.append(up_to_id)
    if session_ids is not None:
        ids = list(session_ids)
        if not ids:
            return
        where.append(f"session_id {IN_LIST}")
        params.append(id_list(ids))
    rows = conn.execute(
        "SELECT id, session_id, registration_id, direction, at_ms FROM checkins WHERE "
        + " AND ".join(where)
        + " ORDER BY at_ms, id",
        params,
    )
    for log_id, sid, rid, direction, at_ms in rows:
        yield AdmittedScan(
            log_id=int(log_id),
            session_id=None if sid is None else str(sid),
            registration_id=str(rid),
            direction=Direction(direction),
            at_ms=int(at_ms),
        )


def last_log_id(conn: sqlite3.Connection) -> int:
    """The newest line's id (0: an empty log); ids only grow, the log is append-only."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0])
