"""The override and reissue audit log: every override and every reissue, CSV and XLSX, with cells
a spreadsheet would run as formulas written as text; `kiosk export audit` on the CLI."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from kiosk_command import kiosk
from openpyxl import load_workbook

from builders import add_person, add_session
from kiosk.core.clock import to_ms
from kiosk.errors import KioskError
from kiosk.exports.audit import COLUMNS, export_audit
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes

SEOUL = ZoneInfo("Asia/Seoul")
EVIL = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def audited(event_db):  # type: ignore[no-untyped-def]
    conn = event_db.conn
    add_session(conn, "S-VIP", invite_only=True, capacity=5, room="211")
    add_person(conn, "R-1", family="@SUM(A1)", given="Eve")
    add_person(conn, "R-2", family="KIM", given="Minji")
    codes = dict(issue_codes(conn, None))
    door = CheckinService(conn)
    at = to_ms(datetime(2019, 9, 30, 10, 40, tzinfo=SEOUL))
    door.scan(codes["R-1"], "S-VIP", at_ms=at)  # refused: not an override
    door.scan(codes["R-1"], "S-VIP", at_ms=at + 1000, override_reason=EVIL, device="door-211")
    door.scan(codes["R-2"], "S-VIP", at_ms=at + 2000, override_reason="-speaker's guest")
    list(issue_codes(conn, ["R-2"], reissue=True))
    list(issue_codes(conn, ["R-2"], reissue=True))
    return event_db


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_audit_csv_lists_overrides_and_reissues_safely(audited, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    assert export_audit(audited.conn, out) == 4
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Korean Excel
    rows = read_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    overrides = [row for row in rows if row["kind"] == "override"]
    reissues = [row for row in rows if row["kind"] == "reissue"]
    assert len(overrides) == 2 and len(reissues) == 2
    first = overrides[0]
    assert first["registration_id"] == "R-1" and first["session_id"] == "S-VIP"
    assert first["room"] == "211" and first["device"] == "door-211"
    assert first["override_reason"] == "'" + EVIL  # shown as typed, never run
    assert first["name"] == "'@SUM(A1) Eve"
    assert overrides[1]["override_reason"] == "'-speaker's guest"
    assert [row["code_version"] for row in reissues] == ["2", "3"]
    assert all(row["registration_id"] == "R-2" for row in reissues)
    assert [row["time"] for row in rows] == sorted(row["time"] for row in rows)


def test_audit_xlsx(audited, tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    assert export_audit(audited.conn, out) == 4
    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert tuple(values[0]) == COLUMNS
    texts = [value for row in values[1:] for value in row if isinstance(value, str)]
    assert not any(text.startswith(("=", "+", "-", "@")) for text in texts)
    assert "'" + EVIL in texts


def test_audit_refuses_other_formats(audited, tmp_path: Path) -> None:
    with pytest.raises(KioskError, match=r"\.csv or \.xlsx"):
        export_audit(audited.conn, tmp_path / "audit.pdf")
    assert not (tmp_path / "audit.pdf").exists()


def test_cli_export_audit(audited, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    done = kiosk(db_path, "export", "audit", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"rows": 4, "path": str(out)}
    assert len(read_csv(out)) == 4
