"""Import files as organisers' tools write them: encodings, line ends, XLSX, JSON, column names."""

from __future__ import annotations

import csv
import json
import sqlite3
import unicodedata
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from kiosk_command import kiosk

from kiosk.imports import run_import

HEADER = "registration_id,family_name,given_name,name_local,organization,category,email"
# 똠 and 햏 are in CP949 (what Korean Excel writes) but not in plain EUC-KR.
ROWS = (
    "X-1,KIM,Minji,김민지,Gwangju Inkkotjigi,invited_guest,minji@example.org",
    "X-2,PARK,Ttom,박똠햏,똠햏 동호회,participant,",
    "X-3,LEE,Sora,,Seoul Office,participant,sora@example.org",
)
LATIN = "X-4,García,Lucía,,Ciudad de México,participant,lucia@example.org"  # not in CP949


def local_names(conn: sqlite3.Connection) -> dict[str, str | None]:
    return dict(conn.execute("SELECT registration_id, name_local FROM attendees"))


def demo_rows(demo_dir: Path, kind: str) -> list[dict[str, str]]:
    with (demo_dir / f"{kind}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cp949_is_what_korean_excel_writes_and_plain_euc_kr_cannot_read_it():
    text = "\n".join(ROWS)
    with pytest.raises(UnicodeDecodeError):
        text.encode("cp949").decode("euc_kr")
    assert text.encode("cp949").decode("cp949") == text
    with pytest.raises(UnicodeEncodeError):
        LATIN.encode("cp949")


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("cp949", "\r\n"),
        ("cp949", "\n"),
        ("utf-8-sig", "\r\n"),
        ("utf-8", "\n"),
        ("utf-16", "\r\n"),
    ],
)
def test_korean_names_survive_every_encoding_and_line_end(event_db, tmp_path, encoding, newline):
    rows = [*ROWS] if encoding == "cp949" else [*ROWS, LATIN]
    path = tmp_path / "roster.csv"
    path.write_bytes(newline.join([HEADER, *rows, ""]).encode(encoding))

    report = run_import(event_db.conn, "roster", path)

    assert (report.added, report.errors) == (len(rows), [])
    names = local_names(event_db.conn)
    assert (names["X-1"], names["X-2"], names["X-3"]) == ("김민지", "박똠햏", None)
    emails = dict(event_db.conn.execute("SELECT registration_id, email_hash FROM attendees"))
    assert emails["X-2"] is None and len(emails["X-3"]) == 32  # no stray carriage return
    organisations = dict(
        event_db.conn.execute("SELECT registration_id, organization FROM attendees")
    )
    assert organisations["X-2"] == "똠햏 동호회"
    if encoding != "cp949":
        assert organisations["X-4"] == "Ciudad de México"


def test_decomposed_hangul_from_a_mac_is_stored_composed(event_db, tmp_path):
    decomposed = unicodedata.normalize("NFD", "\n".join([HEADER, *ROWS, LATIN]))
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    path = tmp_path / "roster.csv"
    path.write_text(decomposed + "\n", encoding="utf-8")

    run_import(event_db.conn, "roster", path)

    stored = local_names(event_db.conn)["X-1"]
    assert stored == "김민지"
    assert unicodedata.is_normalized("NFC", stored)
    family = event_db.conn.execute(
        "SELECT family_name FROM attendees WHERE registration_id = 'X-4'"
    ).fetchone()[0]
    assert family == "García" and len(family) == 6


def test_bytes_that_are_no_known_encoding_are_refused_naming_the_line(event_db, tmp_path):
    path = tmp_path / "roster.csv"
    latin1 = "\n".join([HEADER, ROWS[0], "X-4,Jos\u00e9,Ana,,,participant,", ""])
    path.write_bytes(latin1.encode("utf-8").replace("Jos\u00e9".encode(), b"Jos\xe9"))

    report = run_import(event_db.conn, "roster", path)

    assert [(e.row, e.field) for e in report.errors] == [(3, "file")]
    assert "not UTF-8, UTF-16 or CP949" in report.errors[0].message
    assert local_names(event_db.conn) == {}


def test_an_xlsx_roster_imports_the_same_as_the_csv(event_db, demo_dir, tmp_path):
    conn = event_db.conn
    run_import(conn, "roster", demo_dir / "roster.csv")
    rows = demo_rows(demo_dir, "roster")
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["This sheet is not the roster"])
    sheet = book.create_sheet("Roster")
    columns = list(rows[0])
    sheet.append([column.replace("_", " ").title() for column in columns])  # "Registration Id"
    for row in rows:
        values: list[object] = [row[column] or None for column in columns]
        if row["badge_privacy"] == "true":
            values[columns.index("badge_privacy")] = True
        sheet.append(values)
    sheet.append([None] * len(columns))  # a blank line at the end
    path = tmp_path / "roster.xlsx"
    book.save(path)

    report = run_import(conn, "roster", path)

    assert (report.added, report.updated, report.unchanged, report.errors) == (0, 0, 22, [])


def test_an_xlsx_programme_with_date_and_time_cells_imports_the_same(event_db, demo_dir, tmp_path):
    conn = event_db.conn
    run_import(conn, "programme", demo_dir / "programme.csv")
    rows = demo_rows(demo_dir, "programme")
    book = openpyxl.Workbook()
    sheet = book.active
    columns = list(rows[0])
    sheet.append(columns)
    for row in rows:
        values: list[object] = [row[column] or None for column in columns]
        values[columns.index("date")] = date.fromisoformat(row["date"])
        values[columns.index("start")] = time.fromisoformat(row["start"])
        values[columns.index("end")] = time.fromisoformat(row["end"])
        values[columns.index("capacity")] = float(row["capacity"])  # Excel numbers are floats
        sheet.append(values)
    path = tmp_path / "programme.xlsx"
    book.save(path)

    report = run_import(conn, "programme", path)

    assert (report.added, report.updated, report.unchanged, report.errors) == (0, 0, 3, [])


def test_a_json_roster_imports_the_same_as_the_csv(event_db, demo_dir, tmp_path):
    conn = event_db.conn
    run_import(conn, "roster", demo_dir / "roster.csv")
    items: list[dict[str, object]] = [dict(row) for row in demo_rows(demo_dir, "roster")]
    for item in items:
        item["badge_privacy"] = item["badge_privacy"] == "true"
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")

    report = run_import(conn, "roster", path)

    assert (report.added, report.updated, report.unchanged, report.errors) == (0, 0, 22, [])


def test_column_names_are_matched_loosely_and_unknown_ones_are_a_warning(db_path, tmp_path):
    assert (
        kiosk(db_path, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul").returncode == 0
    )
    path = tmp_path / "roster.csv"
    path.write_text(
        "Registration ID,Family-Name,given name,ORGANISATION,Category,Shoe Size\n"
        "X-1,KIM,Minji,Gwangju Inkkotjigi,invited_guest,240\n",
        encoding="utf-8",
    )

    result = kiosk(db_path, "import", "roster", str(path))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1
    assert "unknown column" in result.stderr and "Shoe Size" in result.stderr
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT family_name, given_name, organization FROM attendees").fetchone()
    finally:
        conn.close()
    assert row == ("KIM", "Minji", "Gwangju Inkkotjigi")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("roster.txt", b"registration_id,category\n", ".csv, .xlsx or .json"),
        ("roster.csv", b"", "empty"),
        ("roster.csv", b"\n\n", "empty"),
        ("roster.xlsx", b"not a zip file", "xlsx"),
        ("roster.json", b"[{", "not valid JSON"),
        ("roster.json", b'{"people": []}', "expected a list"),
        ("roster.csv", b"registration_id,Registration ID,category\n", "appears twice"),
        ("roster.csv", "registration_id,category\n".encode("utf-16-le"), "NUL"),
    ],
)
def test_a_file_that_cannot_be_read_is_an_error_on_row_1(event_db, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)

    report = run_import(event_db.conn, "roster", path)

    assert len(report.errors) == 1
    assert report.errors[0].row == 1
    assert words in report.errors[0].message


def test_a_missing_file_is_one_clear_line(db_path, tmp_path):
    assert (
        kiosk(db_path, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul").returncode == 0
    )

    result = kiosk(db_path, "import", "roster", str(tmp_path / "nowhere.csv"))

    assert result.returncode == 2
    assert "nowhere.csv" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
