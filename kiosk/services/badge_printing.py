"""Printing badges on this device's printer, with every print logged.

One call of `print_badges` is one print job: a kiosk's on-demand badge is a call for one person
(one small PDF), an organiser's batch is one call for many (one PDF of all their badges). The
badges are rendered with the current code of each person, so a badge printed after a reissue
carries the new code, and the print is logged in `badge_prints` with that code version, the
device, the time, the printer, the layout and the CUPS job: first as `sent`, then `printed` or
`failed` once the print system has finished with it. Reprinting someone who already has a badge
warns, and the result counts the reprints, so a lost-badge desk sees what it is doing.

Which printer: the one named, else this device's remembered printer (the `printer` setting, set by
`kiosk printers --use NAME` or `print --remember`), else the system's default, else a clear error.
A printer that cannot print now (missing, paused, out of paper) is refused before anything is
rendered or logged.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiosk.core.clock import from_ms, iso, now_ms
from kiosk.errors import KioskError
from kiosk.printing import cups
from kiosk.printing.cups import PrinterInfo, PrintError
from kiosk.printing.queue import Work
from kiosk.services.badges import badge_layout_name, render_badge_file
from kiosk.services.event import load_event
from kiosk.store.database import open_database, transaction
from kiosk.store.id_lists import IN_LIST, id_list
from kiosk.store.people import badge_holders, code_versions
from kiosk.store.settings import get_setting, put_setting

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]

PRINTER_SETTING = "printer"
JOB_TIMEOUT_S = 120.0
"""How long a job may take to complete in the print system, plus PAGE_TIMEOUT_S a page."""
PAGE_TIMEOUT_S = 1.0
REPRINT_WARNINGS = 10
"""Reprint warnings named one by one in a batch; the rest are summed up in one line."""


def device_printer(conn: sqlite3.Connection) -> str | None:
    """This device's remembered printer, or None."""
    value = get_setting(conn, PRINTER_SETTING)
    return str(value) if value else None


def resolve_printer(conn: sqlite3.Connection, printer: str | None) -> str:
    """The printer to use: the one named, this device's, the system default, or a clear error."""
    if printer:
        return printer
    chosen = device_printer(conn) or cups.default_printer()
    if chosen:
        return chosen
    raise PrintError(
        "no printer chosen: name one with --printer, choose this device's with "
        "`kiosk printers --use NAME`, or set a system default printer"
    )


def use_printer(conn: sqlite3.Connection, name: str) -> PrinterInfo:
    """Make `name` this device's printer; an unknown printer is refused (a paused one is not)."""
    info = cups.printer_state(name)
    if info.state == "missing":
        known = ", ".join(p.name for p in cups.list_printers()) or "none"
        raise cups.PrinterMissing(
            f"printer {name!r} does not exist on this machine (printers here: {known})"
        )
    with transaction(conn):
        put_setting(conn, PRINTER_SETTING, name)
    return info


def list_printers_json(conn: sqlite3.Connection) -> dict[str, Any]:
    """`kiosk printers`: every print queue with its state, and this device's printer."""
    printers = cups.list_printers()
    return {
        "printers": [p.to_json() for p in printers],
        "device_printer": device_printer(conn),
        "default_printer": next((p.name for p in printers if p.is_default), None),
    }


def badge_print_history(conn: sqlite3.Connection, registration_id: str) -> list[dict[str, Any]]:
    """Every print of this person's badge, oldest first (for the reprint desk and reports)."""
    tz = load_event(conn).tz
    rows = conn.execute(
        "SELECT code_version, device, at_ms, printer, layout, job, status, message "
        "FROM badge_prints WHERE registration_id = ? ORDER BY at_ms, id",
        (registration_id,),
    ).fetchall()
    return [
        {
            "registration_id": registration_id,
            "code_version": version,
            "device": device,
            "at": iso(at_ms, tz),
            "printer": printer,
            "layout": layout,
            "job": job,
            "status": status,
            "message": message,
        }
        for version, device, at_ms, printer, layout, job, status, message in rows
    ]


def _people(conn: sqlite3.Connection, registration_ids: Sequence[str] | None) -> list[str]:
    if registration_ids is not None:
        return list(dict.fromkeys(registration_ids))
    return badge_holders(conn)


def _earlier_prints(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, int]:
    """Registration id -> time of the latest print that was not a failure."""
    rows = conn.execute(
        "SELECT registration_id, MAX(at_ms) FROM badge_prints WHERE status != 'failed' "
        f"AND registration_id {IN_LIST} GROUP BY registration_id",
        (id_list(ids),),
    )
    return {str(rid): int(at_ms) for rid, at_ms in rows}


def _warn_reprints(
    conn: sqlite3.Connection, ids: Sequence[str], earlier: dict[str, int], warn: Warn | None
) -> None:
    if warn is None or not earlier:
        return
    tz = load_event(conn).tz
    again = [rid for rid in ids if rid in earlier]
    for rid in again[:REPRINT_WARNINGS]:
        when = from_ms(earlier[rid], tz).strftime("%Y-%m-%d %H:%M")
        warn(f"{rid} already has a printed badge ({when}); printing again")
    if len(again) > REPRINT_WARNINGS:
        warn(
            f"... and {len(again) - REPRINT_WARNINGS} more people already have a printed badge; "
            "printing again"
        )


def print_badges(
    conn: sqlite3.Connection,
    registration_ids: Sequence[str] | None,
    *,
    printer: str | None = None,
    layout: str | None = None,
    device: str | None = None,
    remember: bool = False,
    progress: Progress | None = None,
    warn: Warn | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Print these people's badges (None: everyone not cancelled) as one job, and log it.

    Returns the JSON the CLI prints: `printer`, `layout`, `device`, `badges`, `pages`, `printed`,
    `failed`, `reprints` and `jobs` (`job`, `status`, `badges`, `message`). A printer that cannot
    print raises a PrintError before anything is logged; a job that fails once sent is logged as
    `failed` with its message and counted in `failed` (so it can be retried).
    """
    name = resolve_printer(conn, printer)
    cups.check_ready(name)
    if remember:
        with transaction(conn):
            put_setting(conn, PRINTER_SETTING, name)
    layout_name = badge_layout_name(conn, layout)
    event = load_event(conn)
    device_name = device or event.device
    ids = _people(conn, registration_ids)
    if not ids:
        raise KioskError("no badges to print: the roster has no registrations")
    earlier = _earlier_prints(conn, ids)
    _warn_reprints(conn, ids, earlier, warn)

    title = f"badge {ids[0]}" if len(ids) == 1 else f"badges {ids[0]} to {ids[-1]} ({len(ids)})"
    with tempfile.TemporaryDirectory(prefix="kiosk-print-") as folder:
        run = render_badge_file(
            conn, ids, Path(folder) / "badges.pdf", layout=layout_name, progress=progress
        )
        # The renderer reads (and on the organiser's machine may first issue) the current code,
        # so the versions are read after it.
        versions = code_versions(conn, ids)
        job = cups.submit_pdf(
            name, run.path, page_size_mm=run.layout.page_size_mm, title=title, check=False
        )

    at_ms = now_ms()
    with transaction(conn):
        row_ids = [
            conn.execute(
                "INSERT INTO badge_prints(registration_id, code_version, device, at_ms, printer, "
                "layout, job, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'sent')",
                (rid, versions.get(rid, 0), device_name, at_ms, name, run.layout.name, job),
            ).lastrowid
            for rid in ids
        ]
    limit = timeout if timeout is not None else JOB_TIMEOUT_S + PAGE_TIMEOUT_S * run.pages
    message: str | None = None
    try:
        cups.wait_for_job(job, limit, printer=name)
        status = "printed"
    except PrintError as exc:
        status, message = "failed", str(exc)
    with transaction(conn):
        conn.executemany(
            "UPDATE badge_prints SET status = ?, message = ? WHERE id = ?",
            [(status, message, row_id) for row_id in row_ids],
        )
    printed = len(ids) if status == "printed" else 0
    return {
        "printer": name,
        "layout": run.layout.name,
        "device": device_name,
        "badges": run.badges,
        "pages": run.pages,
        "printed": printed,
        "failed": len(ids) - printed,
        "reprints": len(earlier),
        "jobs": [{"job": job, "status": status, "badges": len(ids), "message": message}],
    }


def badge_print_work(
    db_path: Path,
    registration_ids: Sequence[str] | None,
    *,
    printer: str | None = None,
    layout: str | None = None,
    device: str | None = None,
    timeout: float | None = None,
) -> Work:
    """A `PrintQueue` job that prints these badges with its own database connection.

    The worker thread must not share the screen's connection (their transactions would mix), so
    the job opens the event database itself. A print that failed raises its message, which keeps
    the job in the queue's failed list for a retry.
    """
    ids = list(registration_ids) if registration_ids is not None else None

    def work(progress: Progress, warn: Warn) -> dict[str, Any]:
        db = open_database(db_path)
        try:
            result = print_badges(
                db.conn,
                ids,
                printer=printer,
                layout=layout,
                device=device,
                progress=progress,
                warn=warn,
                timeout=timeout,
            )
        finally:
            db.conn.close()
        if result["failed"]:
            raise PrintError(str(result["jobs"][-1]["message"]))
        return result

    return work
