"""Importing invitation lists: who may pass the door of an invite-only session.

For every session the file names, the file is that session's complete list: people not on it
any more are removed (an organiser withdrawing an invitation re-exports the list). Sessions the
file does not name keep their lists, so one file per session works as well as one for all.
"""

from __future__ import annotations

import sqlite3

from kiosk.imports.report import ImportWarning, Plan, Problem, RowError, required
from kiosk.imports.tables import Table

COLUMNS: tuple[str, ...] = ("session_id", "registration_id")
_LIST_SQL = "SELECT registration_id FROM invitations WHERE session_id = ?"


def plan_invitations(conn: sqlite3.Connection, table: Table) -> Plan:
    """Validate every invitation against the programme and roster; work out adds and removals."""
    errors = table.missing(COLUMNS)
    if errors:
        return Plan(errors=errors)
    access = dict(conn.execute("SELECT session_id, access FROM sessions"))
    people = {rid for (rid,) in conn.execute("SELECT registration_id FROM attendees")}
    pick = table.picker(COLUMNS)
    wanted: dict[str, dict[str, None]] = {}
    for row, cells in table.rows:
        sid, rid = pick(cells)
        before = len(errors)
        if not sid:
            errors.append(required(row, "session_id"))
        elif sid not in access:
            message = f"no session {sid!r} in the programme"
            errors.append(
                RowError(row, "session_id", message, Problem.UNKNOWN_SESSION, {"value": sid})
            )
        if not rid:
            errors.append(required(row, "registration_id"))
        elif rid not in people:
            message = f"no attendee {rid!r} in the roster (import the roster first)"
            errors.append(
                RowError(row, "registration_id", message, Problem.UNKNOWN_ATTENDEE, {"value": rid})
            )
        if len(errors) == before:
            wanted.setdefault(sid, {})[rid] = None  # repeated pairs count once
    if errors:
        return Plan(errors=errors)

    existing = {sid: {rid for (rid,) in conn.execute(_LIST_SQL, (sid,))} for sid in wanted}
    additions = [
        (sid, rid) for sid, ids in wanted.items() for rid in ids if rid not in existing[sid]
    ]
    removals = [
        (sid, rid) for sid, ids in existing.items() for rid in ids if rid not in wanted[sid]
    ]
    warnings: list[str] = [
        ImportWarning(
            f"session {sid} is open to everyone: its invitation list does not restrict the door",
            Problem.OPEN_SESSION_INVITATIONS,
            {"session": sid},
        )
        for sid in wanted
        if access[sid] == "open"
    ]

    def write(conn: sqlite3.Connection) -> None:
        conn.executemany(
            "DELETE FROM invitations WHERE session_id = ? AND registration_id = ?", removals
        )
        conn.executemany(
            "INSERT INTO invitations (session_id, registration_id) VALUES (?, ?)", additions
        )

    return Plan(
        added=len(additions),
        updated=0,
        unchanged=sum(len(ids) for ids in wanted.values()) - len(additions),
        removed=len(removals),
        warnings=warnings,
        write=write,
    )
