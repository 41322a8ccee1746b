"""An organiser's day at the doors, then `status` and `export attendance` read back from the log.

Given a small event (one capacity-limited open session, one invite-only session, one session
nobody attends), when people arrive, enter, leave and come back, then status counts each person
once per session, knows who is inside, and the export lists every admitted door event with names
intact and formula-looking cells neutralised, in CSV (with BOM) and XLSX.
"""

from __future__ import annotations

import csv
import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest
from kiosk_command import kiosk
from openpyxl import load_workbook

from kiosk.core.clock import parse_at
from kiosk.core.model import Direction, Reason
from kiosk.errors import KioskError
from kiosk.exports import attendance
from kiosk.exports.attendance import COLUMNS, export_attendance
from kiosk.exports.cells import neutralise, xlsx_row
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import current_code
from kiosk.services.status import event_status

PROGRAMME = """\
session_id,title_en,title_ko,date,start,end,room,capacity,access
S1,Open Workshop,열린 워크숍,2019-09-30,10:00,12:00,211,2,open
S2,Closed Network Session,비공개 네트워크 세션,2019-09-30,09:00,10:00,212+213,,invite_only
S3,Closing,폐회,2019-10-01,16:00,17:00,Hall A,,open
"""
ROSTER = """\
registration_id,family_name,given_name,name_local,category,language,status
R-001,KIM,Minji,김민지,participant,ko,registered
R-002,=cmd|' /C calc'!A0,Eve,,participant,en,registered
R-003,박,서연,,participant,ko,registered
R-004,@x,Sum,,participant,en,registered
R-005,+1,Plus,,participant,en,registered
R-006,Cancelled,Person,,participant,en,cancelled
"""
INVITATIONS = """\
session_id,registration_id
S2,R-005
"""


def _import(conn, tmp_path: Path) -> None:
    """Load the event the way an organiser does: the three CSV files through the importer."""
    from kiosk.imports import run_import

    for kind, text in (("programme", PROGRAMME), ("roster", ROSTER), ("invitations", INVITATIONS)):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        report = run_import(conn, kind, path, warn=lambda message: None)
        assert not report.errors, report.to_json()


@pytest.fixture
def day(event_db, tmp_path: Path):
    """The event after a morning at the doors; yields (connection, the admitting verdicts)."""
    conn = event_db.conn
    _import(conn, tmp_path)
    service = CheckinService(conn)
    tz = service.event.tz
    code = {
        rid: current_code(conn, rid)[0] for rid in ("R-001", "R-002", "R-003", "R-004", "R-005")
    }
    verdicts = []

    def scan(rid: str, session: str, at: str, direction: str = "in", **extra) -> Reason:
        verdict = service.scan(
            code[rid],
            session,
            direction=Direction(direction),
            at_ms=parse_at(f"2019-09-30T{at}", tz),
            **extra,
        )
        verdicts.append(verdict)
        return verdict.reason

    # Arrivals at the lobby kiosk: R-001 twice (badge picked up, then back), R-002 once.
    assert service.checkin(code["R-001"], at_ms=parse_at("2019-09-30T08:50", tz)).admitted
    assert service.checkin(code["R-001"], at_ms=parse_at("2019-09-30T08:55", tz)).admitted
    assert service.checkin(code["R-002"], at_ms=parse_at("2019-09-30T08:56", tz)).admitted

    # The invite-only session: R-004 is turned away, R-005 (invited) enters and leaves.
    assert scan("R-004", "S2", "09:01") is Reason.NOT_INVITED
    assert scan("R-005", "S2", "09:02") is Reason.ADMITTED
    assert scan("R-005", "S2", "09:50", "out") is Reason.EXIT_RECORDED
    # An exit is always recorded, even of someone never seen entering: it is not an entry.
    assert scan("R-001", "S2", "09:55", "out") is Reason.EXIT_RECORDED

    # The open session for two people at once.
    assert scan("R-001", "S1", "10:00") is Reason.ADMITTED
    assert scan("R-002", "S1", "10:01") is Reason.ADMITTED
    assert scan("R-003", "S1", "10:02") is Reason.ROOM_FULL
    assert scan("R-001", "S1", "10:10", "out") is Reason.EXIT_RECORDED
    assert scan("R-003", "S1", "10:11", device="@evil-door") is Reason.ADMITTED
    assert scan("R-001", "S1", "10:20") is Reason.ROOM_FULL
    assert scan("R-002", "S1", "10:21") is Reason.READMITTED  # still inside: not counted again
    assert scan("R-002", "S1", "10:30", "out") is Reason.EXIT_RECORDED
    assert scan("R-001", "S1", "10:31") is Reason.READMITTED  # back after leaving
    # Door staff let R-002 back in over capacity, with a reason that looks like a formula.
    assert scan("R-002", "S1", "10:40", override_reason='=HYPERLINK("http://x")') is (
        Reason.READMITTED
    )
    assert scan("R-004", "S1", "10:45") is Reason.ROOM_FULL  # 3 inside after the override
    assert scan("R-003", "S1", "10:50", "out") is Reason.EXIT_RECORDED
    assert scan("R-002", "S1", "10:50:30", "out") is Reason.EXIT_RECORDED
    # In and out in the same millisecond: the log's order (id) decides, R-004 ends up outside.
    assert scan("R-004", "S1", "10:51") is Reason.ADMITTED
    assert scan("R-004", "S1", "10:51", "out") is Reason.EXIT_RECORDED
    return conn, verdicts


def _by_session(status: dict) -> dict[str, dict]:
    return {entry["session_id"]: entry for entry in status["sessions"]}


def test_status_counts_people_once_and_knows_who_is_inside(day) -> None:
    conn, verdicts = day
    status = event_status(conn)

    assert status["attendees"] == 5  # the cancelled registration is not an attendee
    # Checked in: arrived at the kiosk (R-001 twice is one person, R-002) or admitted at a door
    # (R-005 at S2; at S1, who never came by the kiosk).
    assert status["checked_in"] == 5
    # Programme order: S2 (09:00) before S1 (10:00) before S3 (next day).
    assert [entry["session_id"] for entry in status["sessions"]] == ["S2", "S1", "S3"]
    sessions = _by_session(status)
    assert sessions["S2"] == {"session_id": "S2", "admitted": 1, "inside": 0, "capacity": None}
    # S1: entered; only R-001 is inside now.
    assert sessions["S1"] == {"session_id": "S1", "admitted": 4, "inside": 1, "capacity": 2}
    assert sessions["S3"] == {"session_id": "S3", "admitted": 0, "inside": 0, "capacity": None}
    # The door screen's live count (derived in memory) agrees with status (derived in SQL).
    last_s1 = [v for v in verdicts if v.session_id == "S1"][-1]
    assert last_s1.inside == sessions["S1"]["inside"]


def test_status_from_the_command_line_matches_the_service(day, db_path: Path) -> None:
    conn, _ = day
    result = kiosk(db_path, "status")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == event_status(conn)


def test_status_of_an_empty_event(event_db) -> None:
    assert event_status(event_db.conn) == {"attendees": 0, "checked_in": 0, "sessions": []}


def test_csv_export_lists_every_admitted_door_event_safely(day, tmp_path: Path) -> None:
    conn, verdicts = day
    out = tmp_path / "attendance.csv"

    rows = export_attendance(conn, out)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Korean Excel then reads UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    door_admits = [v for v in verdicts if v.admitted]
    assert rows == len(records) == len(door_admits) == 15
    assert set(COLUMNS) <= set(records[0])
    # In time order, one row per admitted door event, the arrivals and denials left out.
    assert [r["checkin_id"] for r in records] == [v.checkin_id for v in door_admits]
    assert {r["reason"] for r in records} == {"admitted", "readmitted", "exit_recorded"}
    assert records[0]["time"] == "2019-09-30T09:02:00+09:00"
    assert records[0]["session_id"] == "S2" and records[0]["room"] == "212+213"

    names = {r["registration_id"]: (r["name"], r["name_local"]) for r in records}
    assert names["R-001"] == ("KIM Minji", "김민지")
    assert names["R-003"] == ("박서연", "")
    assert names["R-002"][0] == "'=CMD|' /C CALC'!A0 Eve"
    assert names["R-004"][0] == "'@X Sum"
    assert names["R-005"][0] == "'+1 Plus"
    assert '\'=HYPERLINK("http://x")' in {r["override_reason"] for r in records}
    assert "'@evil-door" in {r["device"] for r in records}
    assert "김민지".encode() in raw
    for record in records:
        for value in record.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), record


def test_xlsx_export_holds_text_not_formulas(day, tmp_path: Path) -> None:
    conn, verdicts = day
    out = tmp_path / "attendance.xlsx"

    rows = export_attendance(conn, out)

    sheet = load_workbook(out).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert tuple(values[0]) == COLUMNS
    assert rows == len(values) - 1 == sum(1 for v in verdicts if v.admitted)
    name_at = COLUMNS.index("name")
    names = {row[name_at] for row in values[1:]}
    assert "KIM Minji" in names and "박서연" in names
    assert "'=CMD|' /C CALC'!A0 Eve" in names
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value


def test_export_refuses_other_formats_and_writes_nothing(day, tmp_path: Path) -> None:
    conn, _ = day
    with pytest.raises(KioskError, match=r"\.csv or \.xlsx"):
        export_attendance(conn, tmp_path / "attendance.ods")
    assert not (tmp_path / "attendance.ods").exists()


def test_a_failed_export_leaves_no_half_file(day, tmp_path: Path, monkeypatch) -> None:
    conn, _ = day
    out = tmp_path / "exports" / "attendance.csv"
    out.parent.mkdir()
    out.write_text("yesterday's export\n", encoding="utf-8")

    def rows_then_disk_full(connection):
        yield ["x"] * len(COLUMNS)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(attendance, "attendance_rows", rows_then_disk_full)
    with pytest.raises(KioskError, match="No space left"):
        export_attendance(conn, out)
    # The earlier file is untouched and no temporary file is left beside it.
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert [p.name for p in out.parent.iterdir()] == ["attendance.csv"]


def test_export_into_a_missing_folder_is_a_clear_error(day, tmp_path: Path) -> None:
    conn, _ = day
    with pytest.raises(KioskError, match="cannot write"):
        export_attendance(conn, tmp_path / "no-such-folder" / "attendance.csv")


def test_export_from_the_command_line(day, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--db",
            str(db_path),
            "export",
            "attendance",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"rows": 15, "path": str(out)}
    assert out.is_file()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+82 10", "'+82 10"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("김민지", "김민지"),
        ("a=b", "a=b"),
        ("", ""),
        (None, None),
        (-3, -3),
    ],
)
def test_neutralise(value, expected) -> None:
    assert neutralise(value) == expected


def test_xlsx_cells_drop_control_characters_before_neutralising() -> None:
    # "\x01=cmd" would otherwise lose its control character in the sheet and become live.
    assert xlsx_row(["\x01=cmd", "ok\x02", 5]) == ["'=cmd", "ok", 5]
