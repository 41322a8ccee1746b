"""Import problems in Korean: every code an import can report has a finished Korean template, every
place that reports a problem gives its code, and English stays the import's (the CLI's) text."""

from __future__ import annotations

import ast
import codecs
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from builders import add_person, add_session
from kiosk.gui.organiser.import_messages import (
    TEMPLATES,
    error_text,
    failure_text,
    problem_text,
    warning_text,
)
from kiosk.gui.translations import LanguageSwitcher
from kiosk.imports import (
    PROBLEM_PARAMS,
    ImportFailure,
    ImportWarning,
    Problem,
    RowError,
    run_import,
)
from kiosk.services.event import init_event

PROJECT = Path(__file__).resolve().parent.parent
# Where import problems are made: the pipeline, and the wizard's own first look at a file.
SOURCES = [
    *sorted((PROJECT / "kiosk" / "imports").glob("*.py")),
    PROJECT / "kiosk" / "services" / "import_source.py",
]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    languages = LanguageSwitcher()
    assert languages.use("ko")
    yield languages
    languages.use("en")


def sample_params(code: Problem) -> dict[str, str | int]:
    return {
        name: (7 if name in ("line", "first_row", "max") else f"<{name}>")
        for name in PROBLEM_PARAMS[code]
    }


def test_every_code_has_its_parameters_and_a_template() -> None:
    assert set(PROBLEM_PARAMS) == set(Problem)
    assert set(TEMPLATES) == set(Problem)


@pytest.mark.parametrize("code", list(Problem))
def test_every_code_reads_in_korean(korean: LanguageSwitcher, code: Problem) -> None:
    params = sample_params(code)
    text = problem_text(code, params, "ENGLISH")
    assert text != "ENGLISH"
    assert HANGUL.search(text), text
    assert not PLACEHOLDER.search(text), text
    # What the problem is about (a value, a row, a file) is not lost in translation, except for
    # the suffix of an unsupported file and the column of a JSON value (both said elsewhere).
    for name, value in params.items():
        if (code, name) not in {
            (Problem.UNSUPPORTED_FORMAT, "suffix"),
            (Problem.JSON_BAD_VALUE, "column"),
        }:
            assert str(value) in text, (name, text)


def test_english_is_the_import_message_itself(qapp: QApplication) -> None:
    LanguageSwitcher().use("en")
    error = RowError(3, "email", "'x' is not an e-mail address", Problem.BAD_EMAIL, {"value": "x"})
    assert error_text(error) == "'x' is not an e-mail address"


def test_an_unknown_code_or_unfitting_parameters_fall_back_to_english(
    korean: LanguageSwitcher,
) -> None:
    assert problem_text("", {}, "as the CLI says") == "as the CLI says"
    assert problem_text("no_such_code", {"value": 1}, "as the CLI says") == "as the CLI says"
    assert problem_text(Problem.BAD_EMAIL, {}, "as the CLI says") == "as the CLI says"
    assert error_text(RowError(2, "email", "old style")) == "old style"
    failure = ImportFailure("no such file: x.csv", Problem.FILE_NOT_FOUND, {"path": "x.csv"})
    assert failure_text(failure) == "파일이 없습니다: x.csv"
    assert failure_text(ValueError("plain")) == "plain"


def test_codes_do_not_change_how_errors_compare() -> None:
    plain = RowError(2, "email", "'x' is not an e-mail address")
    coded = RowError(2, "email", plain.message, Problem.BAD_EMAIL, {"value": "x"})
    assert plain == coded and hash(plain) == hash(coded)
    assert coded.to_json() == {"row": 2, "field": "email", "message": plain.message}


def _constructions() -> Iterator[tuple[str, int, str, ast.Call]]:
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("RowError", "FileProblem", "ImportFailure", "ImportWarning")
            ):
                yield path.name, node.lineno, node.func.id, node


def test_every_problem_made_by_an_import_has_a_code() -> None:
    """Each RowError, FileProblem and ImportFailure is made with a `Problem.X` code (FileProblem
    and ImportFailure: 2nd argument; RowError: 4th), and every code is made somewhere."""
    used: set[str] = set()
    uncoded = []
    for name, line, kind, call in _constructions():
        position = 3 if kind == "RowError" else 1
        code = call.args[position] if len(call.args) > position else None
        code = code or next((k.value for k in call.keywords if k.arg == "code"), None)
        if isinstance(code, ast.Attribute) and getattr(code.value, "id", "") == "Problem":
            used.add(code.attr)
        elif not (isinstance(code, ast.Attribute) and code.attr == "code"):  # problem.code
            uncoded.append(f"{name}:{line}")
    assert uncoded == []
    assert {code.name for code in Problem} - used == set()


LONG = "x" * 1300
BROKEN_FILES: dict[str, tuple[str, bytes]] = {
    "roster.csv": (
        "roster",
        b"registration_id,family_name,given_name,category,email,language,status,badge_privacy,"
        b"code\n"
        b"R 1,,,alien,nobody,fr,maybe,perhaps,C1\n"
        b",KIM,,,,,,,C1\n"
        b"R-3,LEE,Jun,participant,,,,,\n"
        b"R-3,LEE,Jun,participant,,,,," + LONG.encode() + b"\n"
        b"R-5,HAN,Gyeol,participant,,,,,TAKEN\n",
    ),
    "programme.csv": (
        "programme",
        b"session_id,title_en,title_ko,date,start,end,room,capacity,access,interpretation,"
        b"speakers\n"
        b"S1,,,2019-13-01,9am,,,forty,vip,k!,bad id\n"
        b"S2,Talk,,2019-10-01,10:00,09:00,101,,,,\n"
        b"S2,Talk,,2019-10-01,10:00,11:00,101,,open,,\n" + b"S" * 101 + b",T,,,,,,,,,\n",
    ),
    "pass_back.csv": (
        "programme",
        b"session_id,title_en,date,start,end,room,access,pass_back\n"
        b"S1,Talk,2019-10-01,10:00,11:00,101,open,sometimes\n",
    ),
    "invitations.csv": ("invitations", b"session_id,registration_id\n,\nNOPE,NOBODY\n"),
    "empty.csv": ("roster", b"\n\n"),
    "missing.csv": ("roster", b"family_name\nKIM\n"),
    "twice.csv": ("roster", b"registration_id,Registration ID,category\n"),
    "huge.csv": ("roster", b"registration_id,family_name,category\n" + b"x" * 200_000 + b"\n"),
    "bom.csv": ("roster", codecs.BOM_UTF8 + b"registration_id\n\xff\n"),
    "utf16.csv": ("roster", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"),
    "latin.csv": ("roster", b"registration_id,category\nJos\xff,participant\n"),
    "nul.csv": ("roster", b"registration_id\x00category\n"),
    "roster.txt": ("roster", b"registration_id\n"),
    "roster.xlsx": ("roster", b"not a workbook"),
    "list.json": ("roster", b'{"people": 1}'),
    "programme.json": ("programme", b'{"x": 1}'),
    "rooms.json": ("programme", b'{"rooms": [1], "sessions": []}'),
    "items.json": ("roster", b'[1, {"registration_id": {"a": 1}}]'),
    "broken.json": ("roster", b"[1,"),
}
NOT_MADE_HERE = {
    Problem.BAD_SHEET,  # a damaged sheet inside a valid .xlsx
    # Import presets and their options: tests/test_imports_pretix.py makes each of them.
    Problem.UNKNOWN_PRESET,
    Problem.BAD_PRESET,
    Problem.BAD_OPTION,
    Problem.UNKNOWN_SHEET,
    Problem.MISSING_FROM_EXPORT,
    Problem.CANCELLED_MISSING,
    # Files too large to read safely: tests/test_import_limits.py makes each of them.
    Problem.FILE_TOO_LARGE,
    Problem.TOO_MANY_ROWS,
    Problem.TOO_MANY_COLUMNS,
    Problem.XLSX_TOO_LARGE,
    Problem.TOO_MANY_SHARED_STRINGS,
    Problem.JSON_TOO_DEEP,
    Problem.JSON_NUMBER_TOO_LONG,
    Problem.JSON_TOO_MANY_VALUES,
}


def test_the_problems_of_broken_files_carry_their_codes_and_parameters(tmp_path: Path) -> None:
    db = init_event(tmp_path / "event.sqlite", "Test Forum", "Asia/Seoul")
    conn = db.conn
    seen: set[str] = set()

    def failure(kind: str, path: Path, **options: object) -> None:
        with pytest.raises(ImportFailure) as caught:
            run_import(conn, kind, path, **options)  # type: ignore[arg-type]
        seen.add(caught.value.code)
        assert set(caught.value.params) == set(PROBLEM_PARAMS[Problem(caught.value.code)])

    try:
        add_person(conn, "OWNER", external_code="TAKEN")
        for name, (kind, data) in BROKEN_FILES.items():
            path = tmp_path / name
            path.write_bytes(data)
            errors = run_import(conn, kind, path, dry_run=True).errors
            assert errors, name
            for error in errors:
                assert error.code in set(Problem), (name, error)
                assert set(error.params) == set(PROBLEM_PARAMS[Problem(error.code)]), error
                seen.add(error.code)
        mapped = run_import(conn, "roster", tmp_path / "missing.csv", mapping={"x": "nothing"})
        seen.update(error.code for error in mapped.errors)
        failure("roster", tmp_path / "absent.csv")
        (tmp_path / "folder.csv").mkdir()
        failure("roster", tmp_path / "folder.csv")
        failure("roster", tmp_path / ("n" * 300 + ".csv"))  # a name too long to open
        failure("guests", tmp_path / "roster.csv")
        # Warnings: an unknown column, and invitations to a session open to everyone.
        add_session(conn, "OPEN1")  # open to everyone (not invite-only)
        (tmp_path / "open.csv").write_text("session_id,registration_id,note\nOPEN1,OWNER,hi\n")
        report = run_import(conn, "invitations", tmp_path / "open.csv", dry_run=True)
        assert not report.errors and len(report.warnings) == 2
        for warning in report.warnings:
            assert isinstance(warning, ImportWarning)
            assert set(warning.params) == set(PROBLEM_PARAMS[Problem(warning.code)])
            seen.add(warning.code)
        assert report.to_json()["warnings"] == [str(w) for w in report.warnings]
    finally:
        conn.close()
    assert set(Problem) - seen == NOT_MADE_HERE


def test_import_warnings_read_in_korean(korean: LanguageSwitcher) -> None:
    warning = ImportWarning(
        "roster.csv: ignoring unknown column(s): note",
        Problem.UNKNOWN_COLUMNS,
        {"file": "roster.csv", "columns": "note"},
    )
    text = warning_text(warning)
    assert HANGUL.search(text) and "roster.csv" in text and "note" in text
    assert warning_text("a plain warning") == "a plain warning"
