"""Import files built to exhaust the organiser's laptop, through `kiosk import` in a subprocess as
an organiser would run it: each is refused in one line, exit 2, the database file unchanged and
the process's peak memory under 300 MB. A file with an error on every row lists the first 1,000
problems and counts the others."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from peak_memory import Run, run_kiosk

from kiosk.imports import run_import
from kiosk.imports.limits import MAX_LISTED_PROBLEMS, ProblemList
from kiosk.services.event import init_event

PEAK_MB = 300
ROSTER_HEADER = "registration_id,family_name,given_name,organization,category,email\n"


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    path = tmp_path / "event.sqlite"
    init_event(path, "Forum", "Asia/Seoul").conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def imported(forum: Path, file: Path, kind: str = "roster") -> Run:
    before = _digest(forum)
    run = run_kiosk(forum.parent, "--db", str(forum), "import", kind, str(file))
    assert _digest(forum) == before, "the database changed"
    assert run.returncode == 2, (run.stdout[:300], run.stderr)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.peak_mb < PEAK_MB, run.peak_mb
    return run


def refused(run: Run, code_text: str) -> dict:
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert code_text in run.stderr, run.stderr
    return json.loads(run.stdout)


# -- CSV -------------------------------------------------------------------------------------------


def test_a_59_mb_csv_with_an_error_on_every_row_lists_a_thousand_and_counts_the_rest(
    forum, tmp_path
):
    row = "R-{n},FAMILY{n},Given,{org},alien,not-an-email\n"
    org = "Organisation of a rather long name for padding " * 6
    rows = [row.format(n=n, org=org) for n in range(190_000)]
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_HEADER + "".join(rows))
    assert 55 * 1024**2 < path.stat().st_size < 64 * 1024**2
    run = imported(forum, path)
    report = refused(run, "380000 bad row(s)")
    assert len(report["errors"]) == MAX_LISTED_PROBLEMS
    assert report["errors_not_listed"] == 2 * 190_000 - MAX_LISTED_PROBLEMS
    assert report["errors"][0]["row"] == 2


def test_a_csv_of_a_million_rows_is_refused_at_the_row_limit(forum, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_HEADER + "R,K,,,participant,\n" * 1_000_000)
    report = refused(imported(forum, path), "more than 200,000 rows")
    assert report["errors"][0]["field"] == "file"


def test_a_file_over_64_mb_is_refused_before_it_is_read(forum, tmp_path):
    path = tmp_path / "roster.csv"
    with path.open("wb") as out:  # 3 GB on paper (sparse): refused by its size alone
        out.write(ROSTER_HEADER.encode())
        out.truncate(3 * 1024**3)
    refused(imported(forum, path), "larger than 64 MB")


def test_a_header_of_a_million_columns_is_refused(forum, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_HEADER.strip() + ",x" * 1_000_000 + "\n")
    refused(imported(forum, path), "more than 1,000 columns")


# -- XLSX ------------------------------------------------------------------------------------------

_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'<Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_REL}"><sheets><sheet name="roster" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _header_row() -> str:
    names = ("registration_id", "family_name", "category")
    return '<row r="1">' + "".join(_cell(f"{'ABC'[i]}1", n) for i, n in enumerate(names)) + "</row>"


def workbook(
    path: Path, rows: Iterable[str], shared: Iterable[str] = (), dimension: str = "A1"
) -> Path:
    """A minimal .xlsx whose one sheet has `rows` (XML) and whose shared strings are `shared`
    (XML items), written a piece at a time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/sharedStrings.xml", "w") as out:
            out.write(f'<sst xmlns="{_MAIN}">'.encode())
            for item in shared:
                out.write(item.encode())
            out.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as out:
            out.write(
                f'<worksheet xmlns="{_MAIN}"><dimension ref="{dimension}"/><sheetData>'.encode()
            )
            for row in rows:
                out.write(row.encode())
            out.write(b"</sheetData></worksheet>")
    return path


def test_a_stray_cell_in_column_xfd_on_every_row_is_never_expanded(forum, tmp_path):
    """The 1 MB workbook that took a minute and 1.9 GB: each row's one cell sits in the last
    column, and the sheet claims to be A1:XFD1048576. Only the header's three columns are read,
    and the bad rows are refused like any other."""
    rows = (
        f'<row r="{n}">{_cell(f"A{n}", f"R-{n}")}{_cell(f"XFD{n}", "x")}</row>'
        for n in range(2, 150_002)
    )
    path = workbook(tmp_path / "roster.xlsx", [_header_row(), *rows], dimension="A1:XFD1048576")
    assert path.stat().st_size < 3 * 1024**2
    report = json.loads(imported(forum, path).stdout)
    assert report["errors"][0]["row"] == 2 and report["errors_not_listed"] > 0


def test_a_million_shared_strings_are_refused_before_the_workbook_opens(forum, tmp_path):
    shared = (f"<si><t>{n}</t></si>" for n in range(1_200_000))
    path = workbook(tmp_path / "roster.xlsx", [_header_row()], shared)
    refused(imported(forum, path), "more than 1,000,000 different texts")


def test_a_workbook_unpacking_to_gigabytes_is_refused(forum, tmp_path):
    padding = (" " * (1024 * 1024) for _ in range(300))  # 300 MB of spaces between rows
    path = workbook(tmp_path / "roster.xlsx", [_header_row(), *padding])
    assert path.stat().st_size < 2 * 1024**2
    refused(imported(forum, path), "unpacks to more than 256 MB")


def test_rows_numbered_past_excels_last_row_are_refused(forum, tmp_path):
    far = f'<row r="999999999">{_cell("A999999999", "R-1")}</row>'
    path = workbook(tmp_path / "roster.xlsx", [_header_row(), far])
    refused(imported(forum, path), "more than 1,048,576 rows")


def test_a_header_cell_past_a_thousand_columns_is_refused(forum, tmp_path):
    row = '<row r="1">' + _cell("A1", "registration_id") + _cell("ALM1", "category") + "</row>"
    path = workbook(tmp_path / "roster.xlsx", [row])
    refused(imported(forum, path), "more than 1,000 columns")


# -- JSON ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b'[{"registration_id": ' + b"7" * 5_000 + b', "category": "staff"}]', "number longer"),
        (b'[{"registration_id": 1e' + b"9" * 100 + b"}]", "number longer"),
        (b"[" + b"{}," * 15_000_000 + b"{}]", "more than 200,000 rows"),
        (b"[" + b"0," * 20_000_000 + b"0]", "more than 200,000 rows or 5,000,000 values"),
    ],
    ids=["200k-deep", "5000-digits", "long-exponent", "15M-objects", "20M-numbers"],
)
def test_hostile_json_is_refused(forum, tmp_path, document, message):
    path = tmp_path / "roster.json"
    path.write_bytes(document)
    refused(imported(forum, path), message)


def test_braces_inside_texts_do_not_count_as_rows(forum, tmp_path):
    """The cheap count of brackets is only a bound: texts full of them are counted exactly."""
    people = [
        {"registration_id": f"R-{n}", "family_name": "{[" * 10, "category": "participant"}
        for n in range(30_000)
    ]
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(people))
    conn = init_event(tmp_path / "other.sqlite", "Forum", "Asia/Seoul").conn
    try:
        report = run_import(conn, "roster", path, dry_run=True)
    finally:
        conn.close()
    assert report.errors == [] and report.added == 30_000


def test_a_problem_list_keeps_a_thousand_and_counts_every_one():
    problems: ProblemList[int] = ProblemList(range(1_500))
    problems.append(1_500)
    problems += [1_501, 1_502]
    assert len(problems) == 1_503 and problems.not_listed == 503
    assert list(problems) == list(range(1_000)) and problems[-1] == 999
    assert not ProblemList() and ProblemList([1])


# -- registration-system exports (import presets) -------------------------------------------------


def test_a_pretix_check_in_list_past_the_row_limit_is_refused(forum, tmp_path):
    """Recognised as pretix's check-in list (semicolons), read as tickets: the same limit."""
    path = tmp_path / "checkinlist.csv"
    rows = "".join(f"O{n};Name {n};Conference pass;s{n}\n" for n in range(250_000))
    path.write_text("Order code;Attendee name;Product;Secret\n" + rows)
    report = refused(imported(forum, path), "more than 200,000 rows")
    assert report["errors"][0]["field"] == "file"


def test_a_pretix_json_export_past_the_row_limit_is_refused(forum, tmp_path):
    """The rows of a nested export are its positions: too many of them is refused like rows."""
    positions = [{"positionid": n, "secret": f"s{n}"} for n in range(250_000)]
    document = {"event": {"items": [], "orders": [{"code": "A", "positions": positions}]}}
    path = tmp_path / "orderdata.json"
    path.write_text(json.dumps(document))
    refused(imported(forum, path), "more than 200,000 rows")
