"""What the import wizard finds out about a file before anything is imported (no Qt here).

The format comes from the extension (as the import pipeline reads it), the encoding is the one
`kiosk.imports.decoding` reads the text in, the file's own column labels from its header, and a
mapping of those labels onto FORMATS.md names is guessed with the pipeline's `column_key` (or
taken from what the organiser chose for the same source before). The preview reads the rows through
the pipeline's `read_table` with that mapping, so it shows exactly what the import will see.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.imports import (
    COLUMNS,
    FileProblem,
    Params,
    Problem,
    column_key,
    read_table,
)
from kiosk.imports.decoding import decode_named
from kiosk.imports.presets import FIELDS, GENERIC
from kiosk.imports.report import cannot_open
from kiosk.imports.sources import ImportOptions, Source, choose_source
from kiosk.imports.tables import ColumnMapping, sniff_delimiter
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting

MAPPINGS_SETTING = "import_column_mappings"
PREVIEW_ROWS = 200
SAMPLE_ROWS = 3
_FORMATS = {".csv": "CSV", ".xlsx": "XLSX", ".json": "JSON"}
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    # Each tuple: any one of its columns suffices.
    "roster": (("registration_id",), ("category",), ("family_name", "given_name")),
    "programme": (
        ("session_id",),
        ("title_en", "title_ko"),
        ("date",),
        ("start",),
        ("end",),
        ("room",),
        ("access",),
    ),
    "invitations": (("session_id",), ("registration_id",)),
}


@dataclass(frozen=True)
class SourceInfo:
    """A file as the wizard describes it: format, encoding, its columns and a few values."""

    path: Path
    format: str
    encoding: str | None
    headers: list[str] = field(default_factory=list)
    samples: dict[str, str] = field(default_factory=dict)
    rows_estimate: int | None = None
    problem: str | None = None
    problem_code: str = ""  # a kiosk.imports.Problem, for the screen's language
    problem_params: Params = field(default_factory=dict)


def describe_source(path: Path, kind: str, sheet: str | None = None) -> SourceInfo:
    """Format, encoding, header and sample values of an import file.

    A file the pipeline cannot read comes back with `problem` set (and no headers); a file that
    cannot be opened at all raises KioskError.
    """
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        return SourceInfo(
            path,
            path.suffix or "?",
            None,
            problem=f"cannot read {path.name}: use a .csv, .xlsx or .json file",
            problem_code=Problem.UNSUPPORTED_FORMAT,
            problem_params={"file": path.name, "suffix": path.suffix.lower()},
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise cannot_open(path, exc) from exc
    encoding = None
    try:
        if fmt == "XLSX":
            headers, rows, estimate = _xlsx_head(path, kind, sheet)
        else:
            encoding, text = decode_named(data, path.name)
            if fmt == "CSV":
                headers, rows = _csv_head(text, path.name)
                estimate = max(0, text.count("\n") - 1)
            else:
                try:
                    headers, rows, estimate = _json_head(text, kind, path.name)
                except FileProblem:
                    found = _export_json_head(path, text, kind)
                    if found is None:
                        raise
                    headers, rows, estimate = found
    except FileProblem as problem:
        return SourceInfo(
            path,
            fmt,
            encoding,
            problem=str(problem),
            problem_code=problem.code,
            problem_params=dict(problem.params),
        )
    samples: dict[str, str] = {}
    for label_index, label in enumerate(headers):
        for row in rows:
            value = row[label_index] if label_index < len(row) else ""
            if value.strip():
                samples[label] = value.strip()
                break
    return SourceInfo(path, fmt, encoding, headers, samples, estimate)


def _csv_head(text: str, name: str) -> tuple[list[str], list[list[str]]]:
    reader = csv.reader(io.StringIO(text[: 1 << 20]), delimiter=sniff_delimiter(text))
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                headers = [cell.strip().lstrip("\ufeff") for cell in record]
                rows = []
                for row in reader:
                    if any(cell.strip() for cell in row):
                        rows.append(row)
                    if len(rows) >= SAMPLE_ROWS:
                        break
                return headers, rows
    except csv.Error as exc:
        raise FileProblem(
            f"not valid CSV ({exc})",
            Problem.INVALID_CSV,
            {"file": name, "line": reader.line_num, "detail": str(exc)},
        ) from exc
    raise FileProblem(
        "the file is empty: expected a header row with column names",
        Problem.EMPTY_FILE,
        {"file": name},
    )


def _json_head(text: str, kind: str, name: str) -> tuple[list[str], list[list[str]], int]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(
            f"cannot read {name}: not valid JSON ({exc.msg})",
            Problem.INVALID_JSON,
            {"file": name, "line": exc.lineno, "column": exc.colno, "detail": exc.msg},
        ) from exc
    items: Any = document
    if isinstance(document, dict):
        keys = {column_key(str(key)): key for key in document}
        for wanted in (kind, "sessions"):
            if wanted in keys and isinstance(document[keys[wanted]], list):
                items = document[keys[wanted]]
                break
    if not isinstance(items, list):
        raise FileProblem(
            f"{name}: expected a list of objects", Problem.JSON_EXPECTED_LIST, {"file": name}
        )
    headers: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict):
            headers.update(dict.fromkeys(str(key) for key in item))
    order = list(headers)
    rows = [
        ["" if item.get(label) is None else str(item.get(label)) for label in order]
        for item in items[:SAMPLE_ROWS]
        if isinstance(item, dict)
    ]
    return order, rows, len(items)


def _export_json_head(
    path: Path, text: str, kind: str
) -> tuple[list[str], list[list[str]], int] | None:
    """Header, sample rows and row count of a nested JSON export an import preset recognises
    (pretix's orderdata.json), flattened as the import reads it; None when none does."""
    if kind != "roster":
        return None
    try:
        source = choose_source(path, kind, ImportOptions())
    except (FileProblem, KioskError):
        return None
    preset = source.preset
    if not preset.json_rows:
        return None
    from kiosk.imports.tables import json_records

    items = json_records(json.loads(text), preset.json_rows, preset.json_lookups, path.name)
    headers = source.headers
    rows = [
        ["" if item.get(label) is None else str(item.get(label)) for label in headers]
        for item in items[:SAMPLE_ROWS]
    ]
    return headers, rows, len(items)


def _xlsx_head(
    path: Path, kind: str, sheet: str | None = None
) -> tuple[list[str], list[list[str]], int | None]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML or openpyxl errors: a damaged workbook
        raise FileProblem(
            f"cannot read {path.name}: not an Excel .xlsx workbook",
            Problem.NOT_XLSX,
            {"file": path.name},
        ) from exc
    try:
        names = {column_key(title): title for title in workbook.sheetnames}
        wanted = [kind, "sessions"] if kind == "programme" else [kind]
        title = next((names[key] for key in wanted if key in names), workbook.sheetnames[0])
        if sheet is not None and column_key(sheet) in names:
            title = names[column_key(sheet)]
        chosen = workbook[title]
        estimate = chosen.max_row - 1 if chosen.max_row else None
        headers: list[str] | None = None
        rows: list[list[str]] = []
        for values in chosen.iter_rows(values_only=True):
            cells = ["" if value is None else str(value) for value in values]
            if headers is None:
                if any(cell.strip() for cell in cells):
                    headers = [cell.strip() for cell in cells]
                continue
            if any(cell.strip() for cell in cells):
                rows.append(cells)
            if len(rows) >= SAMPLE_ROWS:
                break
    finally:
        workbook.close()
    if headers is None:
        raise FileProblem(
            f"{path.name} is empty: expected a header row with column names",
            Problem.EMPTY_FILE,
            {"file": path.name},
        )
    return headers, rows, estimate


def guess_kind(path: Path, headers: Iterable[str]) -> str:
    """Which kind of file this looks like: by its name first, then by its columns."""
    name = column_key(Path(path).stem)
    if "invit" in name:
        return "invitations"
    if "programme" in name or "program" in name or "session" in name:
        return "programme"
    if "roster" in name or "attendee" in name or "participant" in name:
        return "roster"
    keys = {column_key(label) for label in headers}
    if keys and keys <= {"sessionid", "registrationid"}:
        return "invitations"
    if {"start", "room"} & keys:
        return "programme"
    return "roster"


# What registration systems and spreadsheets call the FORMATS.md columns (by `column_key`).
SYNONYMS: dict[str, str] = {
    "regno": "registration_id",
    "registrationno": "registration_id",
    "registrationnumber": "registration_id",
    "registrationcode": "registration_id",
    "participantid": "registration_id",
    "attendeeid": "registration_id",
    "surname": "family_name",
    "lastname": "family_name",
    "familyname": "family_name",
    "firstname": "given_name",
    "forename": "given_name",
    "givenname": "given_name",
    "localname": "name_local",
    "hangulname": "name_local",
    "koreanname": "name_local",
    "nativename": "name_local",
    "affiliation": "organization",
    "institution": "organization",
    "company": "organization",
    "position": "title",
    "jobtitle": "title",
    "nationality": "country",
    "type": "category",
    "participanttype": "category",
    "registrationtype": "category",
    "emailaddress": "email",
    "mail": "email",
    "lang": "language",
    "qrcode": "code",
    "session": "session_id",
    "sessioncode": "session_id",
    "starttime": "start",
    "endtime": "end",
    "day": "date",
    "hall": "room",
    "location": "room",
}


def guess_mapping(headers: Iterable[str], kind: str) -> dict[str, str | None]:
    """Each file label -> the kind's column it fills (by `column_key`, then by common names
    such as `Surname` or `Affiliation`), or None (ignored). A column is guessed only once."""
    known = COLUMNS[kind]
    wanted = {column_key(column): column for column in known}
    mapping: dict[str, str | None] = {}
    labels = [label for label in headers if label.strip()]
    for label in labels:
        mapping[label] = wanted.get(column_key(label))
    taken = {column for column in mapping.values() if column}
    for label in labels:
        if mapping[label] is None:
            synonym = SYNONYMS.get(column_key(label))
            if synonym in known and synonym not in taken:
                mapping[label] = synonym
                taken.add(synonym)
    return mapping


def source_key(kind: str, headers: Iterable[str]) -> str:
    """What identifies a source (a registration system's export): its kind and column labels."""
    labels = sorted({column_key(label) for label in headers if label.strip()})
    return kind + ":" + "|".join(labels)


def remembered_mapping(
    conn: sqlite3.Connection, kind: str, headers: Iterable[str]
) -> dict[str, str | None] | None:
    """The mapping the organiser last confirmed for this source, if any."""
    stored = get_setting(conn, MAPPINGS_SETTING, {}) or {}
    found = stored.get(source_key(kind, headers))
    if not isinstance(found, dict):
        return None
    known = set(COLUMNS[kind])
    return {str(label): (str(col) if col in known else None) for label, col in found.items()}


def remember_mapping(
    conn: sqlite3.Connection, kind: str, headers: Iterable[str], mapping: ColumnMapping
) -> None:
    """Keep this source's mapping for next time (done after a confirmed import)."""
    labels = list(headers)
    with transaction(conn):
        stored = dict(get_setting(conn, MAPPINGS_SETTING, {}) or {})
        stored[source_key(kind, labels)] = {label: mapping.get(label) for label in labels}
        put_setting(conn, MAPPINGS_SETTING, stored)


@dataclass(frozen=True)
class Recognised:
    """The import preset a roster file was recognised as (the same choice `kiosk import roster`
    makes), for the wizard to show and to import with."""

    name: str
    label: str
    label_ko: str
    tickets: bool
    sheet: str | None
    mapping: dict[str, str | None]

    @property
    def options(self) -> ImportOptions:
        return ImportOptions(preset=self.name, sheet=self.sheet)


def recognise(path: Path, kind: str) -> Recognised | None:
    """The preset a roster file comes from (None: not a roster, or this project's own columns,
    or a file that cannot be read: the check says why)."""
    if kind != "roster":
        return None
    try:
        source: Source = choose_source(Path(path), kind, ImportOptions())
    except (FileProblem, KioskError):
        return None
    preset = source.preset
    if preset.name == GENERIC:
        return None
    return Recognised(
        preset.name,
        preset.label,
        preset.label_ko,
        preset.tickets,
        source.sheet,
        dict(source.mapping or {}),
    )


TICKET_FIELDS: tuple[str, ...] = FIELDS
"""The fields a ticket export's columns can fill (the roster's and the ticket's own)."""
TICKET_REQUIRED: tuple[tuple[str, ...], ...] = (
    ("code",),
    ("family_name", "given_name", "full_name"),
)
"""What a ticket export must fill (registration ids and categories come from the preset)."""


def mapping_problems(
    kind: str, mapping: ColumnMapping, preset: Recognised | None = None
) -> tuple[list[str], list[str]]:
    """(required columns nobody fills, columns chosen for more than one file column)."""
    chosen = [column for column in mapping.values() if column]
    groups = TICKET_REQUIRED if preset is not None and preset.tickets else REQUIRED[kind]
    missing = [" / ".join(group) for group in groups if not any(c in chosen for c in group)]
    twice = sorted({column for column in chosen if chosen.count(column) > 1})
    return missing, twice


@dataclass
class Preview:
    """The rows the preview table shows: the first PREVIEW_ROWS and every row with an error."""

    columns: list[str]
    rows: list[tuple[int, list[str]]]
    total_rows: int


def preview_rows(
    path: Path,
    kind: str,
    mapping: ColumnMapping,
    error_rows: set[int],
    *,
    limit: int = PREVIEW_ROWS,
    on_row: Callable[[int], None] | None = None,
    preset: Recognised | None = None,
) -> Preview:
    """Read the file through the pipeline's reader with the mapping; keep what the preview shows
    (a recognised export is read as its preset says: its sheet, its fields)."""
    if preset is None:
        table = read_table(Path(path), kind, COLUMNS[kind], mapping)
        known: tuple[str, ...] = COLUMNS[kind]
    else:
        source = choose_source(Path(path), kind, preset.options, mapping)
        table = source.read(Path(path), kind)
        known = source.known(kind)
    columns = [column for column in known if table.has(column)]
    pick = table.picker(columns)
    rows: list[tuple[int, list[str]]] = []
    total = 0
    for row, cells in table.rows:
        total += 1
        if on_row is not None and total % 1000 == 0:
            on_row(row)
        if total <= limit or row in error_rows:
            rows.append((row, list(pick(cells))))
    return Preview(columns, rows, total)
