"""Devices' machine checks (`kiosk doctor`) on their way to the organiser.

On a door or kiosk the app runs the doctor now and then and keeps the latest report
(`keep_own_report`); the next sync round sends it to the hub (`report_to_send`, then
`mark_report_sent`). The hub keeps the latest report of each device (`record_report`), and the
organiser's Sync tab lists them (`latest_reports`). Reports carry codes and parameters, no
personal data: the organiser's screen words each line in its own language.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.doctor.findings import Report
from kiosk.store.settings import get_setting, put_setting

OWN_REPORT_SETTING = "doctor_report"  # this device's latest report (JSON)
SENT_SETTING = "doctor_report_sent_ms"  # `at_ms` of the report the hub last took
MAX_REPORT_BYTES = 64 * 1024


@dataclass(frozen=True)
class DeviceHealth:
    """One device's latest report as the hub received it."""

    device: str
    received_ms: int
    report: Report


def keep_own_report(conn: sqlite3.Connection, report: Report) -> None:
    """Keep this device's latest report (inside the caller's transaction)."""
    put_setting(conn, OWN_REPORT_SETTING, report.to_json())


def own_report(conn: sqlite3.Connection) -> Report | None:
    value = get_setting(conn, OWN_REPORT_SETTING)
    if not isinstance(value, dict):
        return None
    try:
        return Report.from_json(value)
    except (ValueError, KeyError, TypeError):
        return None


def report_to_send(conn: sqlite3.Connection) -> Report | None:
    """This device's latest report when the hub does not have it yet."""
    report = own_report(conn)
    if report is None or get_setting(conn, SENT_SETTING) == report.at_ms:
        return None
    return report


def mark_report_sent(conn: sqlite3.Connection, report: Report) -> None:
    put_setting(conn, SENT_SETTING, report.at_ms)


def parse_report(body: bytes) -> Report:
    """A report as a device sent it; ValueError when it is not one (or too large)."""
    if len(body) > MAX_REPORT_BYTES:
        raise ValueError(f"a report is at most {MAX_REPORT_BYTES} bytes")
    try:
        value: Any = json.loads(body)
    except ValueError as exc:
        raise ValueError("the report is not JSON") from exc
    if not isinstance(value, dict):
        raise ValueError("the report is not a JSON object")
    try:
        return Report.from_json(value)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"the report is incomplete ({exc})") from exc


def record_report(conn: sqlite3.Connection, device: str, report: Report, received_ms: int) -> bool:
    """Keep `report` as `device`'s latest (inside the caller's transaction); an older report
    than the one kept is ignored. The device is the signer's name, never the report's own."""
    row = conn.execute(
        "SELECT checked_ms FROM device_health WHERE device = ?", (device,)
    ).fetchone()
    if row is not None and row[0] > report.at_ms:
        return False
    conn.execute(
        "INSERT OR REPLACE INTO device_health "
        "(device, role, checked_ms, received_ms, status, report) VALUES (?, ?, ?, ?, ?, ?)",
        (
            device,
            report.role,
            report.at_ms,
            received_ms,
            report.worst(),
            json.dumps(report.to_json(), ensure_ascii=False),
        ),
    )
    return True


def latest_reports(conn: sqlite3.Connection) -> list[DeviceHealth]:
    """Every device's latest report: failing devices first, then by name."""
    order = {"fail": 0, "warn": 1, "ok": 2}
    found = []
    for device, received_ms, text in conn.execute(
        "SELECT device, received_ms, report FROM device_health"
    ):
        try:
            report = Report.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError):
            continue
        found.append(DeviceHealth(device, received_ms, report))
    return sorted(found, key=lambda h: (order.get(h.report.worst(), 3), h.device))
