"""What an import found and would change: the report the CLI prints and the GUI shows."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.errors import KioskError

Params = dict[str, str | int]
"""The values a problem's message is made of, by name (row numbers, cell values, file names)."""


class Problem(StrEnum):
    """Stable codes of everything an import can report, for screens that speak other languages.

    The English message stays what the CLI prints; a screen turns `code` and `params` into its
    own language (kiosk.gui.organiser.import_messages) and falls back to the English message for
    a code it does not know. PROBLEM_PARAMS names the parameters each code comes with.
    """

    # Cells of a row
    REQUIRED = "required"
    REQUIRED_EITHER = "required_either"
    DUPLICATE_ID = "duplicate_id"
    BAD_REGISTRATION_ID = "bad_registration_id"
    UNKNOWN_CATEGORY = "unknown_category"
    BAD_EMAIL = "bad_email"
    BAD_LANGUAGE = "bad_language"
    BAD_STATUS = "bad_status"
    BAD_BADGE_PRIVACY = "bad_badge_privacy"
    CODE_TOO_LONG = "code_too_long"
    DUPLICATE_CODE = "duplicate_code"
    CODE_TAKEN = "code_taken"
    SESSION_ID_TOO_LONG = "session_id_too_long"
    BAD_DATE = "bad_date"
    BAD_TIME = "bad_time"
    END_NOT_AFTER_START = "end_not_after_start"
    BAD_CAPACITY = "bad_capacity"
    BAD_ACCESS = "bad_access"
    BAD_PASS_BACK = "bad_pass_back"
    BAD_LANGUAGE_CODES = "bad_language_codes"
    BAD_SPEAKER_IDS = "bad_speaker_ids"
    UNKNOWN_SESSION = "unknown_session"
    UNKNOWN_ATTENDEE = "unknown_attendee"
    JSON_ITEM_NOT_OBJECT = "json_item_not_object"
    JSON_BAD_VALUE = "json_bad_value"
    # The file as a whole
    MISSING_COLUMN = "missing_column"
    MISSING_COLUMN_EITHER = "missing_column_either"
    COLUMN_TWICE = "column_twice"
    MAP_NO_SUCH_COLUMN = "map_no_such_column"
    UNSUPPORTED_FORMAT = "unsupported_format"
    EMPTY_FILE = "empty_file"
    INVALID_CSV = "invalid_csv"
    INVALID_JSON = "invalid_json"
    NOT_XLSX = "not_xlsx"
    BAD_SHEET = "bad_sheet"
    JSON_EXPECTED_LIST = "json_expected_list"
    JSON_EXPECTED_PROGRAMME = "json_expected_programme"
    JSON_ROOMS_NOT_LIST = "json_rooms_not_list"
    BAD_UTF8_AFTER_BOM = "bad_utf8_after_bom"
    BAD_UTF16 = "bad_utf16"
    UNKNOWN_ENCODING = "unknown_encoding"
    NUL_CHARACTERS = "nul_characters"
    # Before the file is read
    FILE_NOT_FOUND = "file_not_found"
    IS_A_FOLDER = "is_a_folder"
    CANNOT_OPEN = "cannot_open"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_PRESET = "unknown_preset"
    BAD_PRESET = "bad_preset"
    BAD_OPTION = "bad_option"
    UNKNOWN_SHEET = "unknown_sheet"
    # Warnings (the import goes ahead)
    UNKNOWN_COLUMNS = "unknown_columns"
    OPEN_SESSION_INVITATIONS = "open_session_invitations"
    MISSING_FROM_EXPORT = "missing_from_export"
    CANCELLED_MISSING = "cancelled_missing"
    # Limits (kiosk/imports/limits.py): files too large to read safely
    FILE_TOO_LARGE = "file_too_large"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    XLSX_TOO_LARGE = "xlsx_too_large"
    TOO_MANY_SHARED_STRINGS = "too_many_shared_strings"
    JSON_TOO_DEEP = "json_too_deep"
    JSON_NUMBER_TOO_LONG = "json_number_too_long"
    JSON_TOO_MANY_VALUES = "json_too_many_values"


PROBLEM_PARAMS: dict[Problem, tuple[str, ...]] = {
    Problem.REQUIRED: ("column",),
    Problem.REQUIRED_EITHER: ("first", "second"),
    Problem.DUPLICATE_ID: ("value", "first_row"),
    Problem.BAD_REGISTRATION_ID: ("value",),
    Problem.UNKNOWN_CATEGORY: ("value", "choices"),
    Problem.BAD_EMAIL: ("value",),
    Problem.BAD_LANGUAGE: ("value",),
    Problem.BAD_STATUS: ("value",),
    Problem.BAD_BADGE_PRIVACY: ("value",),
    Problem.CODE_TOO_LONG: ("max",),
    Problem.DUPLICATE_CODE: ("first_row",),
    Problem.CODE_TAKEN: ("owner",),
    Problem.SESSION_ID_TOO_LONG: ("max",),
    Problem.BAD_DATE: ("value",),
    Problem.BAD_TIME: ("column", "value"),
    Problem.END_NOT_AFTER_START: ("start", "end"),
    Problem.BAD_CAPACITY: ("value",),
    Problem.BAD_ACCESS: ("value",),
    Problem.BAD_PASS_BACK: ("value",),
    Problem.BAD_LANGUAGE_CODES: ("values",),
    Problem.BAD_SPEAKER_IDS: ("values",),
    Problem.UNKNOWN_SESSION: ("value",),
    Problem.UNKNOWN_ATTENDEE: ("value",),
    Problem.JSON_ITEM_NOT_OBJECT: (),
    Problem.JSON_BAD_VALUE: ("column",),
    Problem.MISSING_COLUMN: ("column",),
    Problem.MISSING_COLUMN_EITHER: ("columns",),
    Problem.COLUMN_TWICE: ("file", "column"),
    Problem.MAP_NO_SUCH_COLUMN: ("label", "column"),
    Problem.UNSUPPORTED_FORMAT: ("file", "suffix"),
    Problem.EMPTY_FILE: ("file",),
    Problem.INVALID_CSV: ("file", "line", "detail"),
    Problem.INVALID_JSON: ("file", "line", "column", "detail"),
    Problem.NOT_XLSX: ("file",),
    Problem.BAD_SHEET: ("sheet", "detail"),
    Problem.JSON_EXPECTED_LIST: ("file",),
    Problem.JSON_EXPECTED_PROGRAMME: ("file",),
    Problem.UNKNOWN_COLUMNS: ("file", "columns"),
    Problem.OPEN_SESSION_INVITATIONS: ("session",),
    Problem.JSON_ROOMS_NOT_LIST: ("file",),
    Problem.BAD_UTF8_AFTER_BOM: ("file", "byte", "line"),
    Problem.BAD_UTF16: ("file",),
    Problem.UNKNOWN_ENCODING: ("file", "byte", "line"),
    Problem.NUL_CHARACTERS: ("file",),
    Problem.FILE_NOT_FOUND: ("path",),
    Problem.IS_A_FOLDER: ("path",),
    Problem.CANNOT_OPEN: ("path", "reason"),
    Problem.UNKNOWN_KIND: ("kind",),
    Problem.UNKNOWN_PRESET: ("preset", "choices"),
    Problem.BAD_PRESET: ("file", "detail"),
    Problem.BAD_OPTION: ("option", "value", "fields"),
    Problem.UNKNOWN_SHEET: ("file", "sheet", "choices"),
    Problem.MISSING_FROM_EXPORT: ("file", "tickets", "people", "ids"),
    Problem.CANCELLED_MISSING: ("tickets", "people", "ids"),
    Problem.FILE_TOO_LARGE: ("file", "max_mb"),
    Problem.TOO_MANY_ROWS: ("file", "max"),
    Problem.TOO_MANY_COLUMNS: ("file", "max"),
    Problem.XLSX_TOO_LARGE: ("file", "max_mb"),
    Problem.TOO_MANY_SHARED_STRINGS: ("file", "max"),
    Problem.JSON_TOO_DEEP: ("file",),
    Problem.JSON_NUMBER_TOO_LONG: ("file", "max"),
    Problem.JSON_TOO_MANY_VALUES: ("file", "max"),
}
"""The parameters each code's message is made of (every code has an entry)."""


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in one cell: `row` is the spreadsheet row (the header is row 1).

    `message` is the English text (the CLI's); `code` (a Problem, "" when unknown) and `params`
    say the same for translation. Errors compare and hash by row, field and message only.
    """

    row: int
    field: str
    message: str
    code: str = dataclasses.field(default="", compare=False)
    params: Params = dataclasses.field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message}


def required(row: int, column: str) -> RowError:
    """`<column> is required`: the cell of a required column is empty."""
    return RowError(row, column, f"{column} is required", Problem.REQUIRED, {"column": column})


def duplicate_id(row: int, column: str, value: str, first_row: int) -> RowError:
    """`duplicate '<value>': already on row <first_row>`."""
    return RowError(
        row,
        column,
        f"duplicate {value!r}: already on row {first_row}",
        Problem.DUPLICATE_ID,
        {"value": value, "first_row": first_row},
    )


def required_either(row: int, first: str, second: str) -> RowError:
    """`a <first> or a <second> is required` (reported on `first`)."""
    return RowError(
        row,
        first,
        f"a {first} or a {second} is required",
        Problem.REQUIRED_EITHER,
        {"first": first, "second": second},
    )


class ImportFailure(KioskError):
    """An import that cannot start (no such file, a folder, an unknown kind), with a code."""

    def __init__(self, message: str, code: str = "", params: Params | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params: Params = dict(params or {})


class ImportWarning(str):  # noqa: N818 - a warning's text, not an exception
    """A warning's English text, exactly as the CLI prints it (it is a str), with its code and
    parameters for screens in other languages."""

    code: str
    params: Params

    def __new__(cls, message: str, code: str, params: Params | None = None) -> ImportWarning:
        warning = super().__new__(cls, message)
        warning.code = code
        warning.params = dict(params or {})
        return warning


def cannot_open(path: object, exc: OSError) -> ImportFailure:
    """The failure for a file the system would not open, with the system's reason."""
    reason = str(exc.strerror or exc)
    return ImportFailure(
        f"cannot open {path}: {reason}", Problem.CANNOT_OPEN, {"path": str(path), "reason": reason}
    )


class FileProblem(ImportFailure):
    """The file as a whole cannot be used (encoding, format, header); reported as a row error."""

    def __init__(
        self,
        message: str,
        code: str = "",
        params: Params | None = None,
        *,
        row: int = 1,
        field: str = "file",
    ) -> None:
        super().__init__(message, code, params)
        self.row = row
        self.field = field

    def as_row_error(self) -> RowError:
        return RowError(self.row, self.field, str(self), self.code, dict(self.params))


def _nothing_to_write(conn: sqlite3.Connection) -> None:
    return None


@dataclass
class Plan:
    """The outcome of validating a file against the database, before anything is written.

    `write` applies the changes; it is only called inside a write transaction and only when
    `errors` is empty.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    write: Callable[[sqlite3.Connection], None] = _nothing_to_write
    details: dict[str, Any] = field(default_factory=dict)
    """What a roster import found beyond the counts: its preset, people, tickets, cancelled,
    pending skipped, how tickets were grouped into people, and who is missing (a complete
    export)."""


@dataclass
class ImportReport:
    """Counts, errors and warnings of one import (CLI.md, "Import report")."""

    kind: str
    dry_run: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors_not_listed: int = 0
    """Errors beyond the first ones listed (kiosk/imports/limits.py): counted, not kept."""
    details: dict[str, Any] = field(default_factory=dict)
    """A roster's preset, people, tickets and the like (Plan.details), also in `to_json`."""

    @classmethod
    def from_plan(
        cls, kind: str, plan: Plan, *, dry_run: bool, warnings: list[str]
    ) -> ImportReport:
        """The report of a validated plan; warnings found while reading the file come first."""
        return cls(
            kind=kind,
            dry_run=dry_run,
            added=plan.added,
            updated=plan.updated,
            unchanged=plan.unchanged,
            removed=plan.removed,
            errors=list(plan.errors),
            warnings=[*warnings, *plan.warnings],
            errors_not_listed=int(getattr(plan.errors, "not_listed", 0)),
            details=dict(plan.details),
        )

    @property
    def error_count(self) -> int:
        """Every error found, listed or only counted."""
        return len(self.errors) + self.errors_not_listed

    def to_json(self) -> dict[str, Any]:
        """The machine-readable report: the contract's keys plus `removed` and `warnings`."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "errors": [error.to_json() for error in self.errors],
            "warnings": list(self.warnings),
            **({"errors_not_listed": self.errors_not_listed} if self.errors_not_listed else {}),
            **self.details,
        }

    def summary(self) -> str:
        """One short line for people, e.g. `3 added, 1 updated, 18 unchanged`."""
        if self.errors:
            return f"{self.error_count} error(s); nothing imported"
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.removed:
            parts.append(f"{self.removed} removed")
        details = self.details
        if "preset" in details:
            parts.insert(0, f"preset {details['preset']}")
        if "tickets" in details:
            parts.append(
                f"{details.get('people', 0)} people with {details['tickets']} ticket(s), "
                f"{details.get('cancelled', 0)} cancelled, "
                f"{details.get('pending_skipped', 0)} pending skipped"
            )
        text = ", ".join(parts)
        return f"{text} (dry run: nothing written)" if self.dry_run else text
