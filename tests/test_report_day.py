"""The organisers' day report: a real PDF, rendered to PNG with poppler, whose tables (read back
with pdfplumber) carry the database's numbers; `kiosk report day` per CLI.md; the same from the
console's reports tab."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
from kiosk_command import kiosk

from builders import add_person, add_session, invite
from kiosk.core.clock import to_ms
from kiosk.core.model import Direction
from kiosk.reports import day_report_data, render_day_report
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes
from kiosk.services.status import event_status
from kiosk.store.database import transaction

SEOUL = ZoneInfo("Asia/Seoul")
DAY = date(2019, 9, 30)


def at(hour: int, minute: int, day: int = 30) -> int:
    return to_ms(datetime(2019, 9, day, hour, minute, tzinfo=SEOUL))


@pytest.fixture
def event(event_db):  # type: ignore[no-untyped-def]
    """A day with arrivals, entries and exits, a full room, an invite-only session, prints."""
    conn = event_db.conn
    add_session(conn, "S-1", start="09:00", end="10:30", capacity=20, room="Hall A")
    add_session(conn, "S-2", start="11:00", end="12:30", capacity=4, room="211", invite_only=True)
    add_session(conn, "S-3", start="14:00", end="15:30", room="Convention Hall")
    add_session(conn, "S-4", day="2019-10-01", start="09:00", end="10:00", room="211")
    with transaction(conn):
        conn.execute("UPDATE sessions SET title_ko = '인권도시 네트워크' WHERE session_id = 'S-1'")
    categories = ["participant"] * 20 + ["speaker"] * 4 + ["staff"] * 4 + ["press"] * 2
    for n, category in enumerate(categories):
        add_person(conn, f"R-{n:02d}", family=f"FAMILY{n:02d}", given="민지", category=category)
    add_person(conn, "R-CX", family="GONE", status="cancelled")
    for n in range(6):
        invite(conn, "S-2", f"R-{n:02d}")
    codes = dict(issue_codes(conn, None))
    door = CheckinService(conn)
    door.checkin(codes["R-29"], at_ms=at(17, 0, day=29))  # arrived the day before
    for n in range(18):
        door.checkin(codes[f"R-{n:02d}"], at_ms=at(8, 40) + n * 5 * 60_000)
    door.checkin(codes["R-00"], at_ms=at(13, 0))  # again later: still one arrival
    for n in range(12):
        door.scan(codes[f"R-{n:02d}"], "S-1", at_ms=at(8, 50) + n * 60_000)
    for n in range(4):
        door.scan(codes[f"R-{n:02d}"], "S-1", direction=Direction.OUT, at_ms=at(9, 30))
    door.scan(codes["R-00"], "S-1", at_ms=at(9, 40))
    for n in range(5):  # 4 seats: the fifth invited person is refused
        door.scan(codes[f"R-{n:02d}"], "S-2", at_ms=at(10, 45) + n * 60_000)
    door.scan(codes["R-10"], "S-2", at_ms=at(10, 55))  # not invited
    door.scan(codes["R-11"], "S-2", at_ms=at(10, 56), override_reason="=cmd|' /C calc'!A0")
    for n in range(8):
        door.scan(codes[f"R-{n:02d}"], "S-3", at_ms=at(13, 50))
    with transaction(conn):
        rows = [(f"R-{n:02d}", "kiosk-1", at(8, 41) + n * 300_000, f"job-{n}") for n in range(10)]
        rows += [(f"R-{n:02d}", "desk", at(7, 0), "batch-1") for n in range(20, 26)]
        rows += [("R-03", "kiosk-1", at(12, 0), "job-again")]
        for rid, device, when, job in rows:
            conn.execute(
                "INSERT INTO badge_prints(registration_id, code_version, device, at_ms, printer, "
                "layout, job, status) VALUES (?, 1, ?, ?, 'pdf', 'cr80', ?, 'printed')",
                (rid, device, when, job),
            )
        conn.execute(
            "INSERT INTO badge_prints(registration_id, code_version, device, at_ms, printer, "
            "layout, job, status) VALUES ('R-12', 1, 'kiosk-1', ?, 'pdf', 'cr80', 'j-f', 'failed')",
            (at(9, 0),),
        )
    return event_db


def expected_peaks(conn, session_id: str) -> tuple[int, int | None]:  # type: ignore[no-untyped-def]
    """The most people inside, replaying the log one scan at a time (the slow obvious way)."""
    inside: set[str] = set()
    best, when = 0, None
    for rid, direction, moment in conn.execute(
        "SELECT registration_id, direction, at_ms FROM checkins WHERE session_id = ? "
        "AND verdict = 'admit' ORDER BY at_ms, id",
        (session_id,),
    ):
        if direction == "in":
            inside.add(rid)
        else:
            inside.discard(rid)
        if len(inside) > best:
            best, when = len(inside), moment
    return best, when


def tables_of(pdf_path: Path) -> list[list[list[str]]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [table for page in pdf.pages for table in page.extract_tables()]


def find_table(tables, first_header: str):  # type: ignore[no-untyped-def]
    """Rows of the table(s) whose first header cell starts with `first_header` (a table that
    runs onto the next page repeats its header)."""
    rows = []
    for table in tables:
        if table and (table[0][0] or "").startswith(first_header):
            rows += table[1:]
    assert rows, f"no table {first_header!r}"
    return rows


def test_day_report_pdf_numbers_equal_the_database(event, tmp_path: Path) -> None:
    conn = event.conn
    out = tmp_path / "day.pdf"
    result = render_day_report(conn, DAY, out)
    assert result.path == out and result.pages >= 2
    assert out.read_bytes().startswith(b"%PDF")

    # Rendered by poppler, every page, as PNG.
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == result.pages
    assert all(page.stat().st_size > 5_000 for page in pages)

    tables = tables_of(out)
    status = event_status(conn)
    admitted = {s["session_id"]: s["admitted"] for s in status["sessions"]}

    summary = {row[0].split("\n")[0]: row[1] for row in find_table(tables, "Figure")}
    assert summary["Registered (not cancelled)"] == str(status["attendees"]) == "30"
    assert summary["Checked in by the end of the day"] == str(status["checked_in"]) == "19"
    assert summary["Arrived this day"] == "18"
    assert summary["First arrival this day"] == "18"
    assert summary["No-shows (not checked in yet)"] == "11"
    assert summary["Cancelled registrations"] == "1"

    sessions = {row[0]: row for row in find_table(tables, "Session") if len(row) == 10}
    assert set(sessions) == {"S-1", "S-2", "S-3"}  # only this day's sessions
    tz = SEOUL
    for sid, row in sessions.items():
        peak, peak_at = expected_peaks(conn, sid)
        capacity = conn.execute(
            "SELECT capacity FROM sessions WHERE session_id = ?", (sid,)
        ).fetchone()[0]
        assert row[5] == str(admitted[sid]), sid
        assert row[6] == ("—" if capacity is None else str(capacity)), sid
        assert row[7] == str(peak), sid
        assert row[8] == datetime.fromtimestamp(peak_at / 1000, tz).strftime("%H:%M"), sid
    assert sessions["S-1"][5:8] == ["12", "20", "12"]
    # The room filled (4 seats) and one more came in by override: over capacity, flagged.
    assert sessions["S-2"][7] == "5" and sessions["S-2"][9] == "125% ⚠"
    assert "인권도시 네트워크" in sessions["S-1"][3]  # Korean titles come through

    categories = {row[0]: row[1:] for row in find_table(tables, "Category")}
    assert categories["participant"] == ["20", "18", "2"]
    assert categories["staff"] == ["4", "0", "4"]
    assert categories["press"] == ["2", "1", "1"]
    assert categories["total"] == ["30", "19", "11"]

    invite_rows = [row for row in find_table(tables, "Session") if len(row) == 6]
    # S-2: 6 invited, 4 came (the fifth found the room full), 2 did not; refused: the fifth
    # invited person (room full) and R-10 (not invited); R-11 came in by override.
    assert invite_rows == [["S-2", "6", "4", "2", "2", "1"]]

    badges = {row[0].split("\n")[0]: row[1] for row in find_table(tables, "Badges")}
    assert badges["Registrations (not cancelled)"] == "30"
    assert badges["People with a badge printed by the end of the day"] == "16"
    assert badges["Badges printed this day"] == "17"
    assert badges["…on demand, one at a time"] == "11"
    assert badges["…in batches"] == "6"
    assert badges["…reprints"] == "1"
    assert badges["Failed prints this day"] == "1"
    assert badges["Registrations with no badge printed"] == "14"
    # Not printed and not come, R-28 (R-29 came the day before).
    assert badges["…of them not come: paper not printed for no-shows"] == "5"
    # Printed in the batch for people who never came.
    assert badges["Badges printed for people who have not come"] == "6"

    with pdfplumber.open(out) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert any("NanumGothic" in font for font in fonts)  # Hangul set in the embedded font
    assert "일일 보고서" in text and "세션별 참석" in text


def test_day_report_data_agrees_with_status(event) -> None:
    conn = event.conn
    report = day_report_data(conn, DAY)
    status = event_status(conn)
    inside = {s["session_id"]: s["inside"] for s in status["sessions"]}
    for figures in report.sessions:
        assert figures.inside == inside[figures.session_id]
    assert sum(b.arrivals for b in report.buckets) == report.arrived_today == 18
    assert sum(b.entries for b in report.buckets) == 12 + 4 + 8 + 1  # first entries, override
    other_day = day_report_data(conn, date(2019, 10, 1))
    assert [s.session_id for s in other_day.sessions] == ["S-4"]
    assert other_day.arrived_today == 0 and other_day.checked_in == 19


def test_cli_report_day(event, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    event.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    done = kiosk(db_path, "report", "day", "--date", "2019-09-30", "-o", str(out))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer == {"pages": answer["pages"], "path": str(out)} and answer["pages"] >= 2
    assert out.is_file()
    for bad in (["--date", "30/09/2019", "-o", str(out)], ["--date", "2019-09-30", "-o", "x.txt"]):
        done = kiosk(db_path, "report", "day", *bad)
        assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr


def test_empty_day_report(event_db, tmp_path: Path) -> None:
    result = render_day_report(event_db.conn, date(2020, 1, 1), tmp_path / "empty.pdf")
    assert result.pages >= 1


def test_a_ticket_session_says_whose_tickets_it_admits(event_db, tmp_path: Path) -> None:
    conn = event_db.conn
    add_session(conn, "WS", start="14:00", end="16:00", ticket_types=("Workshop",))
    [workshop] = day_report_data(conn, DAY).sessions
    assert workshop.ticket_types == ("Workshop",) and workshop.invite_only
    out = tmp_path / "day.pdf"
    render_day_report(conn, DAY, out)
    rows = [r for r in find_table(tables_of(out), "Session") if r[0] == "WS"]
    access = rows[0][4].replace("\n", "")  # a narrow column wraps the words
    assert access == "Workshop ticketsWorkshop 티켓"


def test_reports_tab_writes_the_report_off_the_ui_thread(qtbot, qapp, event, db_path) -> None:
    from kiosk.gui.organiser.reports_view import ReportsView
    from kiosk.gui.organiser.tasks import TaskRunner
    from kiosk.gui.shell.context import open_context

    context = open_context(qapp, db_path, "en")
    view = ReportsView(context, TaskRunner())
    qtbot.addWidget(view)
    assert [view.day.itemData(i) for i in range(view.day.count())] == [
        "2019-09-30",
        "2019-10-01",
    ]
    out = db_path.parent / "from-screen.pdf"
    with qtbot.waitSignal(view.written, timeout=30_000) as written:
        view.make_report(DAY, out)
    assert written.args == [str(out)] and out.is_file()
    assert "Day report written" in view.message.text()
    audit = db_path.parent / "audit.csv"
    with qtbot.waitSignal(view.written, timeout=30_000):
        view.export("audit", audit)
    assert "row(s) written" in view.message.text()
    context.conn.close()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_report_png_for_people_to_look_at(event, tmp_path: Path) -> None:
    """Keeps a PNG of the first page next to the test's files (looked at by hand)."""
    out = render_day_report(event.conn, DAY, tmp_path / "day.pdf").path
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "first")], check=True)  # fmt: skip
    assert list(tmp_path.glob("first*.png"))
