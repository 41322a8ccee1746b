"""The import wizard on a real window: a good file with its own column names, a CP949 file from
Korean Excel, a broken file (every bad row shown with its reason, nothing written; in Korean on a
Korean screen, word for word the CLI's messages on an English one), and a large file whose check
is cancelled."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_command import kiosk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from builders import add_person
from kiosk.gui.organiser.import_models import MappingModel
from kiosk.gui.organiser.import_wizard_view import ImportWizard
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.imports.decoding import encoding_name
from kiosk.services.import_source import guess_mapping

GOOD = [
    ["Reg No", "Surname", "First name", "Hangul name", "Affiliation", "Type", "E-mail", "Notes"],
    ["W-9001", "Seo", "Yuna", "서유나", "광주인권센터", "participant", "yuna@example.org", "x"],
    ["W-9002", "García", "José", "", "Amnesty", "Speaker", "jose@example.org", ""],
    ["W-9003", "Nguyễn", "Đức", "", "", "press", "", "n/a"],
]
KOREAN = [
    ["registration_id", "family_name", "given_name", "name_local", "organization", "category"],
    ["K-1", "KIM", "Minji", "김민지", "광주광역시", "participant"],
    ["K-2", "LEE", "Jun", "이준", "인권도시 네트워크", "staff"],
    ["K-3", "정", "다은", "", "똠방각하 협회", "volunteer"],  # 똠 exists in CP949, not EUC-KR
]
BROKEN = [
    ["registration_id", "family_name", "given_name", "category", "email"],
    ["B-1", "PARK", "Jiwoo", "participant", "jiwoo@example.org"],
    ["B 2", "", "", "alien", "not-an-email"],
    ["B-3", "CHOI", "Yuna", "participant", ""],
    ["B-1", "HAN", "Seo", "participant", ""],
]


def file_bytes(path: Path) -> str:
    """A digest of a database file's bytes, read by another process (closing a descriptor of
    the file here would drop the locks SQLite holds for this process's connections)."""
    done = subprocess.run(
        [sys.executable, "-c", _DIGEST, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout


_DIGEST = """
import hashlib, sys
from pathlib import Path
path = Path(sys.argv[1])
print(hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent")
"""


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def context(qapp: QApplication, event_db, db_path: Path) -> Iterator[AppContext]:
    ctx = open_context(qapp, db_path, "en")
    yield ctx
    ctx.conn.close()


@pytest.fixture
def wizard(qtbot, context: AppContext) -> ImportWizard:
    widget = ImportWizard(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def checked(qtbot, wizard: ImportWizard) -> None:
    """Wait until the wizard's dry run has finished."""
    qtbot.waitUntil(lambda: wizard.controller.result is not None and not wizard.controller.busy)


def people(conn: sqlite3.Connection) -> dict[str, tuple]:
    return {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT registration_id, family_name, given_name, name_local, organization, category, "
            "email_hash IS NOT NULL FROM attendees"
        )
    }


def test_guesses_columns_by_their_usual_names() -> None:
    mapping = guess_mapping(GOOD[0], "roster")
    assert mapping == {
        "Reg No": "registration_id",
        "Surname": "family_name",
        "First name": "given_name",
        "Hangul name": "name_local",
        "Affiliation": "organization",
        "Type": "category",
        "E-mail": "email",
        "Notes": None,
    }


def test_good_file_is_previewed_then_imported_and_its_mapping_remembered(
    qtbot, wizard: ImportWizard, context: AppContext, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "registrations-export.csv", GOOD)
    wizard.open_file(source)
    checked(qtbot, wizard)
    assert "CSV" in wizard.detected_label.text() and "UTF-8" in wizard.detected_label.text()
    assert wizard.kind_combo.currentData() == "roster"
    model = wizard.mapping_model
    assert model.rowCount() == len(GOOD[0])
    # The organiser maps "Notes" onto accessibility needs with the combo box of that row.
    row = model.headers.index("Notes")
    editor = wizard.mapping_view.indexWidget(model.index(row, MappingModel.TARGET))
    assert editor is not None and editor.accessibleName()
    editor.setCurrentIndex(editor.findData("accessibility"))
    assert wizard.controller.mapping["Notes"] == "accessibility"
    assert not wizard.import_button.isEnabled()  # the earlier check was of the old mapping
    qtbot.waitUntil(lambda: wizard.controller.result is not None and not wizard.controller.busy)
    report = wizard.controller.result.report
    assert report.errors == [] and report.added == 3
    assert wizard.preview_model.rowCount() == 3
    assert "accessibility" in wizard.preview_model.columns
    assert people(context.conn) == {}  # nothing written before Import
    assert wizard.import_button.isEnabled()

    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    stored = people(context.conn)
    assert stored["W-9001"] == ("Seo", "Yuna", "서유나", "광주인권센터", "participant", 1)
    assert stored["W-9002"][4] == "speaker"
    assert context.conn.execute(
        "SELECT accessibility FROM attendees WHERE registration_id = 'W-9003'"
    ).fetchone() == ("n/a",)
    assert "Imported" in wizard.summary_label.text()

    # The same source later: the organiser's mapping comes back by itself.
    wizard.open_file(source)
    checked(qtbot, wizard)
    assert wizard.controller.remembered
    assert wizard.controller.mapping["Notes"] == "accessibility"
    assert wizard.controller.result.report.unchanged == 3


def test_cp949_file_from_korean_excel(qtbot, wizard: ImportWizard, context, tmp_path) -> None:
    source = write_csv(tmp_path / "roster.csv", KOREAN, encoding="cp949")
    assert encoding_name(source.read_bytes()) == "CP949"
    wizard.open_file(source)
    checked(qtbot, wizard)
    assert "CP949" in wizard.detected_label.text()
    assert wizard.mapping_model.samples["name_local"] == "김민지"
    assert wizard.controller.result.report.errors == []
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.import_button.click()
    stored = people(context.conn)
    assert stored["K-1"][2:4] == ("김민지", "광주광역시")
    assert stored["K-3"][:2] == ("정", "다은") and stored["K-3"][3] == "똠방각하 협회"


def test_broken_file_shows_every_bad_row_and_writes_nothing(
    qtbot, wizard: ImportWizard, context: AppContext, db_path: Path, tmp_path: Path
) -> None:
    add_person(context.conn, "B-0", family="EXISTING")
    context.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = db_path.with_name(db_path.name + "-wal")
    before, wal_before = file_bytes(db_path), file_bytes(wal)

    source = write_csv(tmp_path / "roster.csv", BROKEN)
    wizard.open_file(source)
    checked(qtbot, wizard)
    report = wizard.controller.result.report
    bad = {error.row for error in report.errors}
    assert bad == {3, 5}
    preview = wizard.preview_model
    assert preview.bad_rows() == [3, 5]
    # Each bad row says why, in the Problem column, and is tinted.
    texts = {
        preview.data(preview.index(r, 0)): preview.data(preview.index(r, 1))
        for r in range(preview.rowCount())
    }
    assert texts["2"] == "✔"
    assert texts["3"].startswith("✖") and "registration_id" in texts["3"]
    assert "category" in texts["3"] and "email" in texts["3"]
    assert "duplicate" in texts["5"]
    assert preview.data(preview.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    wizard.only_problems.setChecked(True)
    assert preview.rowCount() == 2
    assert "nothing will be imported" in wizard.summary_label.text()
    assert not wizard.import_button.isEnabled()
    wizard.confirm()  # pressing Import anyway does nothing
    qtbot.wait(200)
    assert not wizard.controller.busy

    assert file_bytes(db_path) == before
    assert file_bytes(wal) == wal_before
    assert set(people(context.conn)) == {"B-0"}


def test_unreadable_file_is_reported(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_bytes(b"registration_id,family_name,category\nX-1,\xff\xfe\xfa,participant\n")
    wizard.open_file(source)
    checked(qtbot, wizard)
    assert "not recognised" in wizard.detected_label.text()
    assert "not UTF-8" in wizard.summary_label.text()
    assert not wizard.import_button.isEnabled()


def test_large_file_check_shows_progress_and_can_be_cancelled(
    qtbot, wizard: ImportWizard, context: AppContext, tmp_path: Path
) -> None:
    rows = [["registration_id", "family_name", "given_name", "category"]]
    rows += [[f"L-{n:06d}", "KIM", f"Name{n}", "participant"] for n in range(60_000)]
    source = write_csv(tmp_path / "roster.csv", rows)
    progress: list[tuple[int, int]] = []
    seen: list[bool] = []

    def on_progress(done: int, total: int) -> None:
        progress.append((done, total))
        if done > 1 and not seen:  # the organiser presses Cancel while rows are being checked
            seen.append(wizard.progress.isVisible() and wizard.cancel_button.isEnabled())
            wizard.cancel_button.click()

    wizard.controller.progress.connect(on_progress)
    with qtbot.waitSignal(wizard.controller.cancelled, timeout=10_000):
        wizard.open_file(source)
    assert seen == [True]
    assert progress[-1][1] == 60_000  # the total was estimated from the file
    assert "Cancelled" in wizard.summary_label.text()
    assert not wizard.import_button.isEnabled() and not wizard.progress.isVisible()
    qtbot.wait(300)  # the worker's late result, if any, is ignored
    assert "Cancelled" in wizard.summary_label.text()
    assert people(context.conn) == {}


def test_import_cancelled_while_it_runs_writes_nothing(
    qtbot, wizard: ImportWizard, context: AppContext, tmp_path: Path
) -> None:
    rows = [["registration_id", "family_name", "given_name", "category"]]
    rows += [[f"C-{n:06d}", "LEE", f"Name{n}", "participant"] for n in range(30_000)]
    wizard.open_file(write_csv(tmp_path / "roster.csv", rows))
    checked(qtbot, wizard)
    assert wizard.import_button.isEnabled()
    pressed: list[bool] = []

    def on_progress(done: int, total: int) -> None:
        if done > 1 and not pressed and wizard.controller.stage == "import":
            pressed.append(True)
            wizard.cancel_button.click()

    wizard.controller.progress.connect(on_progress)
    outcome: list[str] = []
    wizard.controller.cancelled.connect(lambda: outcome.append("cancelled"))
    wizard.controller.imported.connect(lambda report: outcome.append("imported"))
    wizard.import_button.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    count = context.conn.execute("SELECT count(*) FROM attendees").fetchone()[0]
    # All or nothing: either the cancel came in time (nothing) or the import had committed.
    assert (outcome, count) in ((["cancelled"], 0), (["imported"], 30_000))
    assert pressed == [True]


# Bad rows of several kinds: an id that is no id, no name, an unknown category, a bad e-mail, an
# unknown language and status (row 3); no id and no category (row 4); a duplicate id (row 5).
BROKEN_KINDS = [
    ["registration_id", "family_name", "given_name", "category", "email", "language", "status"],
    ["K-1", "PARK", "Jiwoo", "participant", "jiwoo@example.org", "ko", ""],
    ["K 2", "", "", "alien", "not-an-email", "fr", "maybe"],
    ["", "KIM", "", "", "", "", ""],
    ["K-1", "HAN", "Seo", "participant", "", "", ""],
]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_WORDS = ("required", " is not ", "duplicate", "unknown", "use ", "cannot", "missing")


@pytest.fixture
def korean_wizard(qtbot, qapp: QApplication, event_db, db_path: Path) -> Iterator[ImportWizard]:
    """The wizard on a screen in Korean (switched back to English afterwards)."""
    ctx = open_context(qapp, db_path, "ko")
    assert ctx.languages.language == "ko"
    widget = ImportWizard(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    ctx.languages.use("en")
    ctx.conn.close()


def to_english(qtbot, wizard: ImportWizard) -> None:
    wizard.context.languages.use("en")
    qtbot.waitUntil(lambda: "nothing will be imported" in wizard.summary_label.text())


def cli_errors(db_path: Path, source: Path) -> list[dict]:
    """The errors `kiosk import roster FILE --dry-run` reports for the file."""
    done = kiosk(db_path, "import", "roster", str(source), "--dry-run")
    assert done.returncode == 2, done.stderr
    return json.loads(done.stdout)["errors"]


def shown_problems(wizard: ImportWizard) -> dict[int, str]:
    """Spreadsheet row -> what the preview's Problem column says of it (rows with problems)."""
    preview = wizard.preview_model
    shown = {}
    for r in range(preview.rowCount()):
        row = int(preview.data(preview.index(r, 0)))
        if row in preview.errors:
            shown[row] = preview.data(preview.index(r, 1))
    return shown


def test_bad_rows_are_explained_in_korean_and_in_english_as_the_cli_says(
    qtbot, korean_wizard: ImportWizard, db_path: Path, tmp_path: Path
) -> None:
    wizard = korean_wizard
    source = write_csv(tmp_path / "roster.csv", BROKEN_KINDS)
    wizard.open_file(source)
    checked(qtbot, wizard)
    shown = shown_problems(wizard)
    assert sorted(shown) == [3, 4, 5]
    for row, text in shown.items():
        assert text.startswith("✖ ") and HANGUL.search(text), (row, text)
        assert not any(word in text for word in ENGLISH_WORDS), (row, text)
    reasons = shown[3].removeprefix("✖ ").split("; ")
    assert [reason.split(": ")[0] for reason in reasons] == [
        "registration_id",
        "family_name",
        "category",
        "email",
        "language",
        "status",
    ]
    assert "'K 2'은(는) 등록 번호가 아닙니다" in reasons[0]
    assert "'alien'" in reasons[2] and "'not-an-email'" in reasons[3]
    assert (
        shown[4]
        == "✖ registration_id: registration_id 값은 필수입니다; category: category 값은 필수입니다"
    )
    assert "'K-1'이(가) 중복됩니다: 이미 2행에 있습니다" in shown[5]  # names the first row
    summary = wizard.summary_label.text()
    assert "3개 행에 문제 9건" in summary and not any(w in summary for w in ENGLISH_WORDS)

    # The same screen switched to English: the CLI's own messages, word for word.
    to_english(qtbot, wizard)
    expected: dict[int, list[str]] = {}
    for error in cli_errors(db_path, source):
        expected.setdefault(error["row"], []).append(f"{error['field']}: {error['message']}")
    assert shown_problems(wizard) == {row: "✖ " + "; ".join(e) for row, e in expected.items()}


FILE_PROBLEMS = {
    # A file from a tool that wrote neither UTF-8 nor CP949: the byte and its line are named.
    "wrong encoding": (
        b"registration_id,family_name,category\nX-1,\xff\xfe\xfa,participant\n",
        "roster.csv 파일을 읽을 수 없습니다: UTF-8, UTF-16, CP949 텍스트가 아닙니다 "
        "(2번째 줄의 바이트 0xff). UTF-8 CSV로 저장하세요",
    ),
    "missing column": (
        b"registration_id,family_name\nX-1,KIM\n",
        "필수 열 'category'이(가) 없습니다",
    ),
}


@pytest.mark.parametrize("case", list(FILE_PROBLEMS))
def test_file_problems_are_explained_in_korean_and_in_english_as_the_cli_says(
    qtbot, korean_wizard: ImportWizard, db_path: Path, tmp_path: Path, case: str
) -> None:
    wizard = korean_wizard
    data, korean = FILE_PROBLEMS[case]
    source = tmp_path / "roster.csv"
    source.write_bytes(data)
    wizard.open_file(source)
    checked(qtbot, wizard)
    assert not wizard.import_button.isEnabled()
    lines = wizard.summary_label.text().splitlines()
    assert lines[0].startswith("✖") and HANGUL.search(lines[0])
    problem = next(line for line in lines if line.startswith("파일: "))
    assert problem.endswith(korean), problem
    assert not any(word in problem for word in ENGLISH_WORDS), problem

    to_english(qtbot, wizard)
    [error] = cli_errors(db_path, source)
    assert f"File: {wizard.controller.result.report.errors[0].field}: {error['message']}" in (
        wizard.summary_label.text().splitlines()
    )


def test_a_file_that_cannot_be_opened_is_reported_in_korean(
    korean_wizard: ImportWizard, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.csv"
    korean_wizard.open_file(missing)
    text = korean_wizard.summary_label.text()
    assert text.startswith("✖ ") and f"{missing} 파일을 열 수 없습니다: " in text


PRETIX = Path(__file__).parent / "fixtures" / "pretix"


@pytest.mark.parametrize(
    ("name", "preset", "sheet"),
    [
        ("orderlist.xlsx", "pretix-orderdata", "Order positions"),
        ("checkinlist_semicolon_with_secrets.csv", "pretix-checkinlist", None),
        ("orderdata.json", "pretix-json", None),
    ],
)
def test_a_pretix_export_is_recognised_by_the_same_presets_as_the_command_line(
    qtbot, wizard: ImportWizard, context: AppContext, name: str, preset: str, sheet: str | None
) -> None:
    wizard.open_file(PRETIX / name)
    checked(qtbot, wizard)
    shown = wizard.detected_label.text()
    assert "Recognised as: " in shown and f"({preset})" in shown
    assert (f"Sheet: {sheet}" in shown) == (sheet is not None)
    assert wizard.controller.problems() == ([], [])
    assert wizard.controller.mapping.get("Country") is None  # the buyer's invoice country
    chosen = {label for label, field in wizard.controller.mapping.items() if field}
    assert chosen and chosen <= set(wizard.mapping_model.headers)  # the sheet that is read
    report = wizard.controller.result.report
    assert report.errors == [] and report.details["preset"] == preset
    assert "ticket(s)" in wizard.summary_label.text()
    assert wizard.preview_model.rowCount() > 0
    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    tickets = context.conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
    assert tickets == report.details["tickets"] and tickets > 0
    assert (
        context.conn.execute("SELECT count(*) FROM attendees").fetchone()[0]
        == (report.details["people"])
    )
