"""Machine checks ride along with sync rounds: `POST /v1/health`.

A door or kiosk running the app checks itself (`kiosk doctor` for its role, kept as the
`device_role` setting when the app starts) at most every CHECK_EVERY_MS, inside a sync round
(on the round's worker thread, never the screen's), and sends the report once; the hub keeps the
newest report of each device under the name the request was signed with, and the organiser's
Sync tab shows them (kiosk.gui.sync.doctor_view).

The round itself stands in for the doctor's hub check: a round that got this far reached the
hub, which knew the device; its clock offset is the one the round measured.

The request is signed like every other (kiosk.sync.protocol); the body is the report's JSON
(codes and parameters, no personal data), at most `MAX_REPORT_BYTES`. A hub that does not know
the route answers 404 and the round goes on: reports are a courtesy, never a reason to fail.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.clock import now_ms
from kiosk.doctor.findings import ROLES, Report, ok, sort_findings
from kiosk.services.device_health import (
    keep_own_report,
    mark_report_sent,
    own_report,
    parse_report,
    record_report,
    report_to_send,
)
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting
from kiosk.sync.protocol import PREFIX

if TYPE_CHECKING:
    from kiosk.sync.client import HubClient
    from kiosk.sync.hub import Hub, Reply

HEALTH_PATH = "/health"
ROLE_SETTING = "device_role"  # door or kiosk: what the app runs as on this device
CHECK_EVERY_MS = 10 * 60_000


def set_device_role(conn: sqlite3.Connection, role: str) -> None:
    """Remember what this device runs as (the app's mode), for its machine checks."""
    if role in ROLES:
        with transaction(conn):
            put_setting(conn, ROLE_SETTING, role)


def _database_file(conn: sqlite3.Connection) -> Path | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    return None


def check_if_due(
    conn: sqlite3.Connection, url: str, device: str, offset_ms: int, *, at_ms: int | None = None
) -> Report | None:
    """Run this device's machine check when the last one is older than CHECK_EVERY_MS (or its
    role changed) and keep it; the report, or None when none was due (or the app never said
    what this device is)."""
    from kiosk.doctor import DoctorOptions, run_doctor
    from kiosk.doctor.hub import judge_clock

    role = get_setting(conn, ROLE_SETTING)
    path = _database_file(conn)
    if role not in ("door", "kiosk") or path is None:
        return None
    at = now_ms() if at_ms is None else at_ms
    last = own_report(conn)
    if last is not None and last.role == role and at - last.at_ms < CHECK_EVERY_MS:
        return None
    checked = run_doctor(path, DoctorOptions(role=str(role), check_hub=False))
    findings = (
        *checked.findings,
        ok("hub.ok", url=url, device=device),
        judge_clock(offset_ms),
    )
    report = Report(checked.role, device, checked.at_ms, sort_findings(findings))
    with transaction(conn):
        keep_own_report(conn, report)
    return report


def send_report(client: HubClient, conn: sqlite3.Connection) -> bool:
    """Send this device's newest report if the hub does not have it yet; True once it took it.
    Never raises for the hub's answer (an older hub without the route answers 404)."""
    from kiosk.sync.client import HubRefused

    report = report_to_send(conn)
    if report is None:
        return False
    body = json.dumps(report.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
    try:
        answer = client.signed_json("POST", HEALTH_PATH, body)
    except HubRefused:
        return False
    if answer.get("received") is not True:
        return False
    with transaction(conn):
        mark_report_sent(conn, report)
    return True


def receive_report(hub: Hub, target: str, headers: dict[str, str], body: bytes) -> Reply:
    """The hub's side: a signed report from a known device, kept under the signer's name."""
    from kiosk.sync.hub import Refusal

    device, signature, _ = hub._authenticate("POST", target, headers, body)
    try:
        report = parse_report(body)
    except ValueError as exc:
        raise Refusal(400, "bad_request", str(exc)) from exc
    with transaction(hub.conn):
        kept = record_report(hub.conn, device, report, now_ms())
    reply = hub._signed_json(signature, 200, {"received": True, "kept": kept})
    reply.note = f"device={device} health {report.worst()}"
    return reply


ROUTE: tuple[str, str] = ("POST", f"{PREFIX}{HEALTH_PATH}")
