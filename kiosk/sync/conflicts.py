"""Conflicts that merging check-ins brings to light: listed for the organiser, never merged away.

The merged log is a union, so nothing is decided by dropping a check-in. What devices did while
they could not see each other is reported instead:

- `double_admission`: the same person admitted as a first entry (`admitted`) to the same session
  by two or more devices (two doors while offline).
- `over_capacity`: a session whose derived number of people inside went above its capacity at
  some moment, counting every door (also after an "admit anyway").
- `revoked_code_used`: an admission or arrival with a code older than the person's current code at
  the organiser (a device that had not yet synced the reissue), or with another system's code
  that has since been revoked.
- `cancelled_registration_admitted`: an admission of a registration cancelled at the organiser
  (or of a ticket cancelled there, or of someone all of whose tickets were cancelled).
- `sequence_taken`: a check-in that could not join the log because its device and sequence number
  already belong to another check-in (two databases using one device name); kept aside.
- `scanned_while_inside` (a warning, `"severity": "warning"`): an entry scan of someone the log
  says was inside that session already, admitted as a re-entry or refused as `pass_back`: the
  same badge twice, or a badge handed back out to a second person.

Order: who was inside when is derived from each device's own clock (`at_ms`, then the sync order)
by `kiosk.core.presence`, as the door screens and `kiosk status` decide it. Clocks hours apart
can make an exit look earlier than its entry; the counts of distinct people admitted do not
depend on order at all.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core.clock import iso
from kiosk.core.model import Direction, Reason
from kiosk.core.presence import SessionPresence, occupancy_over_time
from kiosk.core.rules import scanned_while_inside
from kiosk.services.event import load_event
from kiosk.store.presence import CHECKED_IN, admitted_scans
from kiosk.store.tickets import EFFECTIVE_STATUS

KINDS = (
    "double_admission",
    "over_capacity",
    "revoked_code_used",
    "cancelled_registration_admitted",
    "sequence_taken",
    "scanned_while_inside",
)
WARNING_KINDS = frozenset({"scanned_while_inside"})
"""Kinds that are warnings (worth a look), not conflicts of the merged log."""


def find_conflicts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every conflict in this database's log, kind by kind, each a JSON-ready dict."""
    tz = load_event(conn).tz
    conn.execute("BEGIN")
    try:
        found = [
            *_double_admissions(conn, tz),
            *_over_capacity(conn, tz),
            *_revoked(conn, tz),
            *_cancelled(conn, tz),
            *_sequence_taken(conn, tz),
            *_scanned_while_inside(conn, tz),
        ]
    finally:
        conn.execute("COMMIT")
    return found


def conflict_report(conn: sqlite3.Connection) -> dict[str, Any]:
    """`kiosk sync conflicts`: the list and a count per kind."""
    conflicts = find_conflicts(conn)
    counts = {kind: 0 for kind in KINDS}
    for item in conflicts:
        counts[item["kind"]] += 1
    warnings = sum(1 for item in conflicts if item["kind"] in WARNING_KINDS)
    return {
        "conflicts": conflicts,
        "counts": counts,
        "total": len(conflicts),
        "warnings": warnings,
    }


def _double_admissions(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT session_id, registration_id, group_concat(device, char(31)), "
        "group_concat(at_ms, char(31)), group_concat(event_uid, char(31)) "
        "FROM (SELECT session_id, registration_id, device, at_ms, event_uid FROM checkins "
        "      WHERE verdict = 'admit' AND reason = 'admitted' AND direction = 'in' "
        "      AND session_id IS NOT NULL AND registration_id IS NOT NULL "
        "      ORDER BY at_ms, id) "
        "GROUP BY session_id, registration_id HAVING count(DISTINCT device) > 1 "
        "ORDER BY session_id, registration_id"
    ).fetchall()
    out = []
    for session_id, registration_id, devices, times, uids in rows:
        entries = [
            {"device": device, "at": iso(int(at), tz), "event_uid": uid}
            for device, at, uid in zip(
                devices.split("\x1f"), times.split("\x1f"), uids.split("\x1f"), strict=True
            )
        ]
        out.append(
            {
                "kind": "double_admission",
                "session_id": session_id,
                "registration_id": registration_id,
                "devices": sorted({e["device"] for e in entries}),
                "entries": entries,
            }
        )
    return out


def _over_capacity(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    capacities = dict(
        conn.execute("SELECT session_id, capacity FROM sessions WHERE capacity IS NOT NULL")
    )
    out = []
    for session_id, capacity in sorted(capacities.items()):
        peak = 0
        first_over: int | None = None
        peak_at = 0
        for scan, count in occupancy_over_time(admitted_scans(conn, session_ids=[session_id])):
            if count > capacity:
                if first_over is None:
                    first_over = scan.at_ms
                if count > peak:
                    peak, peak_at = count, scan.at_ms
        if first_over is not None:
            out.append(
                {
                    "kind": "over_capacity",
                    "session_id": session_id,
                    "capacity": capacity,
                    "peak_inside": peak,
                    "first_over_at": iso(first_over, tz),
                    "peak_at": iso(peak_at, tz),
                    "devices": _entry_devices(conn, session_id),
                }
            )
    return out


def _entry_devices(conn: sqlite3.Connection, session_id: str) -> list[str]:
    """The devices that admitted someone into a session."""
    rows = conn.execute(
        f"SELECT DISTINCT device FROM checkins WHERE session_id = ? AND {CHECKED_IN} "
        "ORDER BY device",
        (session_id,),
    )
    return [str(device) for (device,) in rows]


def _revoked(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT c.event_uid, c.device, c.session_id, c.registration_id, c.at_ms, "
        "c.code_version, a.code_version, "
        "(SELECT min(i.issued_ms) FROM code_issues AS i WHERE i.registration_id = "
        " c.registration_id AND i.version > coalesce(c.code_version, 0)) "
        "FROM checkins AS c JOIN attendees AS a ON a.registration_id = c.registration_id "
        "WHERE c.verdict = 'admit' AND c.direction = 'in' AND ("
        "  (c.code_version IS NOT NULL AND c.code_version < a.code_version) OR "
        "  (c.code_version IS NULL AND a.external_code_revoked = 1)) "
        "ORDER BY c.at_ms, c.id"
    ).fetchall()
    return [
        {
            "kind": "revoked_code_used",
            "event_uid": uid,
            "device": device,
            "session_id": session_id,
            "registration_id": registration_id,
            "at": iso(at_ms, tz),
            "code_version": used,
            "current_version": current,
            "revoked_at": iso(revoked_ms, tz) if revoked_ms is not None else None,
            # By the device's own clock; an admission before the reissue was not wrong then.
            "scanned_before_revocation": revoked_ms is not None and at_ms < revoked_ms,
        }
        for uid, device, session_id, registration_id, at_ms, used, current, revoked_ms in rows
    ]


def _cancelled(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT c.event_uid, c.device, c.session_id, c.registration_id, c.at_ms "
        "FROM checkins AS c JOIN attendees AS a ON a.registration_id = c.registration_id "
        f"WHERE c.verdict = 'admit' AND c.direction = 'in' AND ({EFFECTIVE_STATUS} = 'cancelled' "
        "OR EXISTS (SELECT 1 FROM tickets AS k WHERE k.code = c.ticket_code "
        "AND k.status = 'cancelled')) "
        "ORDER BY c.at_ms, c.id"
    ).fetchall()
    return [
        {
            "kind": "cancelled_registration_admitted",
            "event_uid": uid,
            "device": device,
            "session_id": session_id,
            "registration_id": registration_id,
            "at": iso(at_ms, tz),
        }
        for uid, device, session_id, registration_id, at_ms in rows
    ]


def _sequence_taken(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT r.event_uid, r.device, r.device_seq, r.source, r.at_ms, r.received_ms, "
        "c.event_uid FROM sync_rejects AS r LEFT JOIN checkins AS c "
        "ON c.device = r.device AND c.device_seq = r.device_seq ORDER BY r.received_ms"
    ).fetchall()
    return [
        {
            "kind": "sequence_taken",
            "event_uid": uid,
            "device": device,
            "device_seq": seq,
            "source": source,
            "at": iso(at_ms, tz),
            "received_at": iso(received_ms, tz),
            "taken_by": other,
        }
        for uid, device, seq, source, at_ms, received_ms, other in rows
    ]


def _scanned_while_inside(conn: sqlite3.Connection, tz: ZoneInfo) -> list[dict[str, Any]]:
    """Entry scans of someone already inside: admitted re-entries found by walking each
    session's history (as the doors decide it), and the doors' `pass_back` refusals."""
    sessions: dict[str, SessionPresence] = {}
    found: list[tuple[int, int, str, str, int | None, bool]] = []  # at, id, sid, rid, since
    for scan in admitted_scans(conn):
        if scan.session_id is None:
            continue
        state = sessions.setdefault(scan.session_id, SessionPresence())
        presence = state.presence(scan.registration_id)
        if scanned_while_inside(presence, scan.direction):
            found.append(
                (
                    scan.at_ms,
                    scan.log_id,
                    scan.session_id,
                    scan.registration_id,
                    presence.inside_since_ms,
                    False,
                )
            )
        state.apply(scan.registration_id, scan.direction, scan.order)
    refused = conn.execute(
        "SELECT at_ms, id, session_id, registration_id FROM checkins "
        "WHERE reason = ? AND direction = ? AND registration_id IS NOT NULL",
        (Reason.PASS_BACK.value, Direction.IN.value),
    )
    found.extend((int(at), int(i), str(s), str(r), None, True) for at, i, s, r in refused)
    found.sort()
    details = {
        int(i): (str(device), str(uid))
        for i, device, uid in conn.execute(
            "SELECT id, device, event_uid FROM checkins WHERE reason IN (?, ?)",
            (Reason.READMITTED.value, Reason.PASS_BACK.value),
        )
    }
    out = []
    for at_ms, log_id, session_id, registration_id, since, was_refused in found:
        device, uid = details.get(log_id, ("", ""))
        out.append(
            {
                "kind": "scanned_while_inside",
                "severity": "warning",
                "event_uid": uid,
                "device": device,
                "session_id": session_id,
                "registration_id": registration_id,
                "at": iso(at_ms, tz),
                "inside_since": iso(since, tz) if since is not None else None,
                "refused": was_refused,
            }
        )
    return out
