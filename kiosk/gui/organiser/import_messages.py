"""Import problems in the screen's language: a problem's code and parameters through Qt's
translation files (context "ImportMessages", in organiser_ko.ts).

The English text is the import's own message, the one the CLI prints: in English, and for a code
this module does not know (or parameters that do not fit its template), that message is shown
as is. Every code of `kiosk.imports.Problem` has a template here (tests/test_import_messages.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from kiosk.imports import ImportFailure, ImportWarning, Problem, RowError

# One translate call per code, each with its literal English template, so lupdate finds them.
TEMPLATES: dict[str, Callable[[], str]] = {
    Problem.REQUIRED: lambda: QCoreApplication.translate("ImportMessages", "{column} is required"),
    Problem.REQUIRED_EITHER: lambda: QCoreApplication.translate(
        "ImportMessages", "a {first} or a {second} is required"
    ),
    Problem.DUPLICATE_ID: lambda: QCoreApplication.translate(
        "ImportMessages", "duplicate '{value}': already on row {first_row}"
    ),
    Problem.BAD_REGISTRATION_ID: lambda: QCoreApplication.translate(
        "ImportMessages",
        "'{value}' is not a registration id (ASCII letters, digits, - and _; at most 64)",
    ),
    Problem.UNKNOWN_CATEGORY: lambda: QCoreApplication.translate(
        "ImportMessages", "unknown category '{value}': one of {choices}"
    ),
    Problem.BAD_EMAIL: lambda: QCoreApplication.translate(
        "ImportMessages", "'{value}' is not an e-mail address"
    ),
    Problem.BAD_LANGUAGE: lambda: QCoreApplication.translate(
        "ImportMessages", "language '{value}': use ko, en or nothing"
    ),
    Problem.BAD_STATUS: lambda: QCoreApplication.translate(
        "ImportMessages", "status '{value}': use registered or cancelled"
    ),
    Problem.BAD_BADGE_PRIVACY: lambda: QCoreApplication.translate(
        "ImportMessages", "badge_privacy '{value}': use true or false"
    ),
    Problem.CODE_TOO_LONG: lambda: QCoreApplication.translate(
        "ImportMessages", "code longer than {max} characters"
    ),
    Problem.DUPLICATE_CODE: lambda: QCoreApplication.translate(
        "ImportMessages", "the same code as row {first_row}"
    ),
    Problem.CODE_TAKEN: lambda: QCoreApplication.translate(
        "ImportMessages", "this code already belongs to {owner}"
    ),
    Problem.SESSION_ID_TOO_LONG: lambda: QCoreApplication.translate(
        "ImportMessages", "session_id longer than {max} characters"
    ),
    Problem.BAD_DATE: lambda: QCoreApplication.translate(
        "ImportMessages", "date '{value}': use YYYY-MM-DD"
    ),
    Problem.BAD_TIME: lambda: QCoreApplication.translate(
        "ImportMessages", "{column} '{value}': use HH:MM"
    ),
    Problem.END_NOT_AFTER_START: lambda: QCoreApplication.translate(
        "ImportMessages", "end {end} is not after start {start}"
    ),
    Problem.BAD_CAPACITY: lambda: QCoreApplication.translate(
        "ImportMessages", "capacity '{value}': a whole number of people, or empty"
    ),
    Problem.BAD_ACCESS: lambda: QCoreApplication.translate(
        "ImportMessages", "access '{value}': use open, invite_only or tickets:TYPE"
    ),
    Problem.BAD_PASS_BACK: lambda: QCoreApplication.translate(
        "ImportMessages", "pass_back '{value}': use allow or refuse (empty: allow)"
    ),
    Problem.BAD_LANGUAGE_CODES: lambda: QCoreApplication.translate(
        "ImportMessages", "not a language code: {values} (use e.g. ko,en)"
    ),
    Problem.BAD_SPEAKER_IDS: lambda: QCoreApplication.translate(
        "ImportMessages", "not a registration id: {values} (separate ids with ;)"
    ),
    Problem.UNKNOWN_SESSION: lambda: QCoreApplication.translate(
        "ImportMessages", "no session '{value}' in the programme"
    ),
    Problem.UNKNOWN_ATTENDEE: lambda: QCoreApplication.translate(
        "ImportMessages", "no attendee '{value}' in the roster (import the roster first)"
    ),
    Problem.JSON_ITEM_NOT_OBJECT: lambda: QCoreApplication.translate(
        "ImportMessages", "expected an object with column names as keys"
    ),
    Problem.JSON_BAD_VALUE: lambda: QCoreApplication.translate(
        "ImportMessages", "expected text, a number or a list"
    ),
    Problem.MISSING_COLUMN: lambda: QCoreApplication.translate(
        "ImportMessages", "missing required column '{column}'"
    ),
    Problem.MISSING_COLUMN_EITHER: lambda: QCoreApplication.translate(
        "ImportMessages", "missing required column: one of {columns}"
    ),
    Problem.COLUMN_TWICE: lambda: QCoreApplication.translate(
        "ImportMessages", "{file}: column '{column}' appears twice in the header"
    ),
    Problem.MAP_NO_SUCH_COLUMN: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot map '{label}' onto '{column}': no such column"
    ),
    Problem.UNSUPPORTED_FORMAT: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: use a .csv, .xlsx or .json file"
    ),
    Problem.EMPTY_FILE: lambda: QCoreApplication.translate(
        "ImportMessages", "{file} is empty: expected a header row with column names"
    ),
    Problem.INVALID_CSV: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: not valid CSV on line {line} ({detail})"
    ),
    Problem.INVALID_JSON: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: not valid JSON (line {line}, column {column}: {detail})",
    ),
    Problem.NOT_XLSX: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: not an Excel .xlsx workbook"
    ),
    Problem.BAD_SHEET: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read sheet '{sheet}': {detail}"
    ),
    Problem.JSON_EXPECTED_LIST: lambda: QCoreApplication.translate(
        "ImportMessages", "{file}: expected a list of objects"
    ),
    Problem.JSON_EXPECTED_PROGRAMME: lambda: QCoreApplication.translate(
        "ImportMessages",
        "{file}: expected an object with `rooms` and `sessions`, or a list of objects",
    ),
    Problem.JSON_ROOMS_NOT_LIST: lambda: QCoreApplication.translate(
        "ImportMessages", "{file}: `rooms` must be a list of objects"
    ),
    Problem.BAD_UTF8_AFTER_BOM: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: it starts as UTF-8 but byte {byte} on line {line} is not UTF-8",
    ),
    Problem.BAD_UTF16: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: damaged UTF-16 text"
    ),
    Problem.UNKNOWN_ENCODING: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: not UTF-8, UTF-16 or CP949 text (byte {byte} on line {line}); "
        "save it as UTF-8 CSV",
    ),
    Problem.NUL_CHARACTERS: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: it contains NUL characters (UTF-16 without a byte order mark?); "
        "save it as UTF-8 CSV",
    ),
    Problem.FILE_NOT_FOUND: lambda: QCoreApplication.translate(
        "ImportMessages", "no such file: {path}"
    ),
    Problem.IS_A_FOLDER: lambda: QCoreApplication.translate(
        "ImportMessages", "{path} is a folder, not a file"
    ),
    Problem.CANNOT_OPEN: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot open {path}: {reason}"
    ),
    Problem.UNKNOWN_KIND: lambda: QCoreApplication.translate(
        "ImportMessages", "unknown import kind '{kind}': programme, roster or invitations"
    ),
    Problem.UNKNOWN_PRESET: lambda: QCoreApplication.translate(
        "ImportMessages", "unknown import preset '{preset}': use one of {choices}"
    ),
    Problem.BAD_PRESET: lambda: QCoreApplication.translate(
        "ImportMessages", "import preset {file} is not valid: {detail}"
    ),
    Problem.BAD_OPTION: lambda: QCoreApplication.translate(
        "ImportMessages", "{option} '{value}': no such field; use one of {fields}"
    ),
    Problem.UNKNOWN_SHEET: lambda: QCoreApplication.translate(
        "ImportMessages", "{file} has no sheet '{sheet}': its sheets are {choices}"
    ),
    Problem.MISSING_FROM_EXPORT: lambda: QCoreApplication.translate(
        "ImportMessages",
        "{file} is a complete export, but {tickets} ticket(s) of {people} people imported before "
        "are missing from it: {ids}; nothing was cancelled (--cancel-missing cancels them)",
    ),
    Problem.CANCELLED_MISSING: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cancelled {tickets} ticket(s) of {people} people missing from this complete export: {ids}",
    ),
    Problem.UNKNOWN_COLUMNS: lambda: QCoreApplication.translate(
        "ImportMessages", "{file}: ignoring unknown column(s): {columns}"
    ),
    Problem.OPEN_SESSION_INVITATIONS: lambda: QCoreApplication.translate(
        "ImportMessages",
        "session {session} is open to everyone: its invitation list does not restrict the door",
    ),
    Problem.FILE_TOO_LARGE: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: it is larger than {max_mb} MB; split it into smaller files",
    ),
    Problem.TOO_MANY_ROWS: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: more than {max} rows; split it into smaller files"
    ),
    Problem.TOO_MANY_COLUMNS: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: more than {max} columns"
    ),
    Problem.XLSX_TOO_LARGE: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: the workbook unpacks to more than {max_mb} MB"
    ),
    Problem.TOO_MANY_SHARED_STRINGS: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: more than {max} different texts in the workbook"
    ),
    Problem.JSON_TOO_DEEP: lambda: QCoreApplication.translate(
        "ImportMessages",
        "cannot read {file}: JSON nested too deeply (a roster is a list of flat objects)",
    ),
    Problem.JSON_NUMBER_TOO_LONG: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: a number longer than {max} characters"
    ),
    Problem.JSON_TOO_MANY_VALUES: lambda: QCoreApplication.translate(
        "ImportMessages", "cannot read {file}: more than {max} rows or values"
    ),
}

_PROBE = "{column} is required"


def _translated() -> bool:
    """Whether a translation of the import messages is installed (the screen is not English).

    English is the source language: its text is the import's own message (exactly what the CLI
    prints), not a template filled in again."""
    return QCoreApplication.translate("ImportMessages", "{column} is required") != _PROBE


def translated() -> bool:
    """Whether the screen speaks Korean rather than English (data with its own Korean text,
    such as an import preset's label, shows that text then)."""
    return _translated()


def problem_text(code: str, params: Mapping[str, str | int], message: str) -> str:
    """The problem `code` with `params` in the screen's language; `message` (the English text)
    in English, for an unknown code, or when the parameters do not fit the template."""
    template = TEMPLATES.get(code)
    if template is None or not _translated():
        return message
    try:
        return template().format(**params)
    except (KeyError, IndexError, ValueError):
        return message


def error_text(error: RowError) -> str:
    """A row error's message in the screen's language."""
    return problem_text(error.code, error.params, error.message)


def warning_text(warning: str) -> str:
    """An import warning in the screen's language (a plain string stays as it is)."""
    if isinstance(warning, ImportWarning):
        return problem_text(warning.code, warning.params, str(warning))
    return warning


def failure_text(failure: BaseException) -> str:
    """An import that could not start (no such file, ...) in the screen's language."""
    if isinstance(failure, ImportFailure):
        return problem_text(failure.code, failure.params, str(failure))
    return str(failure)
