"""Reading CSV, XLSX and JSON import files into one shape: a header and numbered rows of text.

Every importer sees the same thing whatever the format: canonical column names, cells as
stripped NFC text, and the spreadsheet row number of each row (header = row 1) for its errors.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any

from kiosk.imports import limits
from kiosk.imports.decoding import decode_bytes, nfc
from kiosk.imports.limits import read_limited
from kiosk.imports.report import FileProblem, ImportFailure, Problem, RowError, cannot_open

_KEY_NOISE = re.compile(r"[\s_\-\ufeff]+")
# Spellings people use for a column, beyond case, spaces, hyphens and underscores.
_ALIASES = {"organisation": "organization", "organiser": "organizer"}
_FORMATS = (".csv", ".xlsx", ".json")

ColumnMapping = Mapping[str, str | None]
"""An organiser's mapping of a file's own column names onto a kind's columns (FORMATS.md).

Keys are the file's column labels (compared like column names: case, spaces, hyphens and
underscores ignored); a value is one of the kind's column names, or None to ignore that column.
Labels the mapping does not name are matched as usual."""


def column_key(name: str) -> str:
    """How column names are compared: case-insensitive, spaces, hyphens and underscores ignored."""
    key = _KEY_NOISE.sub("", name).lower()
    return _ALIASES.get(key, key)


@dataclass
class Table:
    """An import file as text.

    `rows` gives (row number, cells) once: CSV and XLSX rows are read as they are consumed, so
    a large roster is never held twice in memory. Each cells list has one extra empty cell at the
    end, which is where `picker` points a column the file does not have.
    """

    name: str
    columns: dict[str, int]
    rows: Iterable[tuple[int, list[str]]]
    unknown: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=limits.ProblemList)
    width: int = 0

    def has(self, column: str) -> bool:
        return column in self.columns

    def picker(self, columns: Sequence[str]) -> Callable[[list[str]], tuple[str, ...]]:
        """A fast function from a row's cells to the named columns' texts ("" when absent)."""
        indices = [self.columns.get(column, self.width) for column in columns]
        if len(indices) == 1:
            index = indices[0]
            return lambda cells: (cells[index],)
        return itemgetter(*indices)

    def missing(
        self, required: Iterable[str], one_of: Iterable[Sequence[str]] = ()
    ) -> list[RowError]:
        """Errors (row 1) for required columns the header lacks; `one_of`: any one suffices.

        A ProblemList: the planner adds each row's errors to it, and only the first ones are
        kept (kiosk/imports/limits.py)."""
        errors = [
            RowError(
                1,
                column,
                f"missing required column {column!r}",
                Problem.MISSING_COLUMN,
                {"column": column},
            )
            for column in required
            if column not in self.columns
        ]
        for group in one_of:
            if not any(column in self.columns for column in group):
                names = " or ".join(repr(column) for column in group)
                errors.append(
                    RowError(
                        1,
                        group[0],
                        f"missing required column {names}",
                        Problem.MISSING_COLUMN_EITHER,
                        {"columns": ", ".join(group)},
                    )
                )
        return limits.ProblemList(errors)


def read_table(
    path: Path,
    kind: str,
    known: Sequence[str],
    mapping: ColumnMapping | None = None,
    *,
    sheet: str | None = None,
    json_rows: Sequence[str] = (),
    json_lookups: Sequence[Mapping[str, Any]] = (),
) -> Table:
    """Read an import file of `kind` by its extension; `known` are the kind's column names.

    `mapping` (optional) maps the file's own column labels onto `known` names (see
    ColumnMapping). `sheet` names the workbook sheet to read (else the one named like the kind,
    else the first); `json_rows` is the path to the rows of a nested JSON export (see
    `json_records`). CSV files are read with the delimiter their header uses (comma, semicolon or
    tab). Raises KioskError when the file cannot be opened, FileProblem when its content is
    unusable.
    """
    wanted = _wanted(known, mapping)
    suffix = _suffix(path)
    if suffix == ".xlsx":
        records = _xlsx_records(path, _read_bytes(path), kind, sheet)
    elif suffix == ".json":
        return _json_table(
            path.name, _read_text(path), kind, known, wanted, json_rows, json_lookups
        )
    else:
        records = _csv_records(_read_text(path), path.name)
    return _records_table(path.name, records, wanted)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise FileProblem(
            f"cannot read {path.name}: use a .csv, .xlsx or .json file (not {suffix or 'none'})",
            Problem.UNSUPPORTED_FORMAT,
            {"file": path.name, "suffix": suffix},
        )
    return suffix


def read_headers(
    path: Path,
    kind: str,
    *,
    sheet: str | None = None,
    json_rows: Sequence[str] = (),
    json_lookups: Sequence[Mapping[str, Any]] = (),
) -> list[tuple[str | None, list[str]]]:
    """The column labels of a file, to recognise its source: one (sheet, labels) per sheet of
    a workbook (only `sheet` when given), one (None, labels) for CSV; for JSON the keys of its
    rows (`json_rows` flattened when given, else the list a plain import reads)."""
    suffix = _suffix(path)
    if suffix == ".xlsx":
        return _xlsx_headers(path, _read_bytes(path), sheet)
    if suffix == ".json":
        document = _parse_json(path.name, _read_text(path))
        if json_rows:
            items: list[Any] = json_records(document, json_rows, json_lookups, path.name)
        else:
            items = _json_items(document, kind, path.name)
        labels: dict[str, None] = {}
        for item in items[:1000]:
            if isinstance(item, dict):
                labels.update(dict.fromkeys(str(key) for key in item))
        return [(None, list(labels))]
    records = limits.bounded_records(_csv_records(_head_text(path), path.name), path.name)
    for record in records:
        if any(map(str.strip, record)):
            return [(None, [cell.strip().lstrip("\ufeff") for cell in record])]
    return [(None, [])]


_HEAD_BYTES = 1 << 16


def _head_text(path: Path) -> str:
    """The start of a text file, enough for its header: whole lines of the first 64 KiB read as
    `decode_bytes` reads the whole file (the whole file when the start alone does not decode)."""
    data = _read_bytes(path)
    if len(data) <= _HEAD_BYTES:
        return decode_bytes(data, path.name)
    head = data[: data.rfind(b"\n", 0, _HEAD_BYTES) + 1] or data[:_HEAD_BYTES]
    try:
        return decode_bytes(head, path.name)
    except FileProblem:
        return decode_bytes(data, path.name)


def _read_text(path: Path) -> str:
    return decode_bytes(_read_bytes(path), path.name)


def _read_bytes(path: Path) -> bytes:
    try:
        return read_limited(path, path.name)
    except FileNotFoundError as exc:
        raise ImportFailure(
            f"no such file: {path}", Problem.FILE_NOT_FOUND, {"path": str(path)}
        ) from exc
    except IsADirectoryError as exc:
        raise ImportFailure(
            f"{path} is a folder, not a file", Problem.IS_A_FOLDER, {"path": str(path)}
        ) from exc
    except OSError as exc:
        raise cannot_open(path, exc) from exc


_IGNORED = ""  # a column the organiser's mapping says to ignore


def _wanted(known: Sequence[str], mapping: ColumnMapping | None) -> dict[str, str]:
    """Column key of a file label -> the known column it fills ("" for a column to ignore)."""
    wanted = {column_key(column): column for column in known}
    for label, column in (mapping or {}).items():
        if column and column not in known:
            raise FileProblem(
                f"cannot map {label!r} onto {column!r}: no such column",
                Problem.MAP_NO_SUCH_COLUMN,
                {"label": label, "column": column},
                field=column,
            )
        wanted[column_key(label)] = column or _IGNORED
    return wanted


def _header(
    cells: Sequence[str], wanted: Mapping[str, str], name: str
) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for index, raw in enumerate(cells):
        label = raw.strip().lstrip("\ufeff")
        if not label:
            continue
        column = wanted.get(column_key(label))
        if column == _IGNORED:
            continue
        if column is None:
            unknown.append(label)
        elif column in columns:
            raise FileProblem(
                f"{name}: column {column!r} appears twice in the header",
                Problem.COLUMN_TWICE,
                {"file": name, "column": column},
                field=column,
            )
        else:
            columns[column] = index
    return columns, unknown


def _records_table(name: str, records: Iterator[list[str]], wanted: Mapping[str, str]) -> Table:
    """Header and rows from raw records (CSV or XLSX rows), numbered from 1."""
    records = limits.bounded_records(records, name)
    header_row = 0
    for record in records:
        header_row += 1
        if any(map(str.strip, record)):
            columns, unknown = _header(record, wanted, name)
            break
    else:
        raise FileProblem(
            f"{name} is empty: expected a header row with column names",
            Problem.EMPTY_FILE,
            {"file": name},
        )
    width = len(record)
    used = sorted(set(columns.values()))
    if used and len(used) < width:  # a wide export: only the columns that are read are kept
        narrow = {column: used.index(index) for column, index in columns.items()}
        rows = _narrow_rows(records, header_row + 1, used)
        return Table(name, narrow, rows, unknown, width=len(used))
    return Table(name, columns, _rows(records, header_row + 1, width), unknown, width=width)


def _narrow_rows(
    records: Iterator[list[str]], first: int, used: list[int]
) -> Iterator[tuple[int, list[str]]]:
    """`_rows` keeping only the cells at `used` (in that order): a registration system's export
    has dozens of columns and an import reads a few."""
    pick = itemgetter(*used) if len(used) > 1 else (lambda raw: (raw[used[0]],))
    need = used[-1] + 1
    pad = [""] * need
    strip = str.strip
    for row, raw in enumerate(records, start=first):
        if not "".join(raw).strip():
            continue
        if len(raw) < need:
            raw = raw + pad[len(raw) :]
        cells = list(map(strip, pick(raw)))
        cells.append("")
        yield row, cells


def _rows(records: Iterator[list[str]], first: int, width: int) -> Iterator[tuple[int, list[str]]]:
    """Numbered, stripped, padded rows; empty rows skipped (their numbers still count)."""
    pad = [""] * (width + 1)
    strip = str.strip
    for row, raw in enumerate(records, start=first):
        cells = list(map(strip, raw))
        if not any(cells):
            continue
        size = len(cells)
        if size == width:
            cells.append("")
        elif size < width:
            cells += pad[size:]
        else:
            cells = cells[:width] + [""]
        yield row, cells


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their line ends, one at a time (io.StringIO would hold a copy
    four bytes a character)."""
    if "\n" not in text and "\r" in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    find = text.find
    start, size = 0, len(text)
    while start < size:
        end = find("\n", start) + 1 or size
        yield text[start:end]
        start = end


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV file's header line: comma, semicolon or tab, whichever appears
    most often outside quotes (comma when none does)."""
    head = text[: 1 << 16].lstrip("\ufeff\r\n")
    line = head.split("\n", 1)[0]
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_records(text: str, name: str) -> Iterator[list[str]]:
    reader = csv.reader(_lines(text), delimiter=sniff_delimiter(text))
    try:
        yield from reader
    except csv.Error as exc:
        raise FileProblem(
            f"cannot read {name}: not valid CSV on line {reader.line_num} ({exc})",
            Problem.INVALID_CSV,
            {"file": name, "line": reader.line_num, "detail": str(exc)},
            row=reader.line_num,
        ) from exc


# ---------------------------------------------------------------------------------------- XLSX


def _cell_text(value: Any) -> str:
    """An Excel cell as the text an organiser sees: dates YYYY-MM-DD, times HH:MM, 120 not 120.0."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime) and value.year < 1900:  # a time of day on Excel's day 0
        return value.strftime("%H:%M")
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _open_workbook(path: Path, data: bytes) -> Any:
    from openpyxl import load_workbook

    limits.check_xlsx(data, path.name)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML or openpyxl errors: all mean a damaged workbook
        raise FileProblem(
            f"cannot read {path.name}: not an Excel .xlsx workbook",
            Problem.NOT_XLSX,
            {"file": path.name},
        ) from exc


def _named_sheet(workbook: Any, path: Path, sheet: str) -> str:
    """The title of the sheet called `sheet` (compared like column names), or FileProblem."""
    names = {column_key(title): title for title in workbook.sheetnames}
    title = names.get(column_key(sheet))
    if title is None:
        choices = ", ".join(workbook.sheetnames)
        workbook.close()
        raise FileProblem(
            f"{path.name} has no sheet {sheet!r}: its sheets are {choices}",
            Problem.UNKNOWN_SHEET,
            {"file": path.name, "sheet": sheet, "choices": choices},
            field="sheet",
        )
    return str(title)


def _xlsx_headers(path: Path, data: bytes, sheet: str | None) -> list[tuple[str | None, list[str]]]:
    workbook = _open_workbook(path, data)
    titles = [_named_sheet(workbook, path, sheet)] if sheet else list(workbook.sheetnames)
    found: list[tuple[str | None, list[str]]] = []
    try:
        for title in titles:
            labels: list[str] = []
            try:
                for physical, values in enumerate(workbook[title].iter_rows(values_only=True)):
                    cells = [_cell_text(value) for value in values[: limits.MAX_COLUMNS]]
                    if any(cell.strip() for cell in cells):
                        labels = [cell.strip() for cell in cells]
                        break
                    if physical > 1000:
                        break
            except Exception as exc:  # damaged sheet XML
                raise FileProblem(
                    f"cannot read sheet {title!r}: {exc}",
                    Problem.BAD_SHEET,
                    {"sheet": str(title), "detail": str(exc)},
                ) from exc
            found.append((title, labels))
    finally:
        workbook.close()
    return found


def _xlsx_records(
    path: Path, data: bytes, kind: str, sheet: str | None = None
) -> Iterator[list[str]]:
    workbook = _open_workbook(path, data)
    if sheet:
        title = _named_sheet(workbook, path, sheet)
    else:
        names = {column_key(title): title for title in workbook.sheetnames}
        wanted = [kind, "sessions"] if kind == "programme" else [kind]
        title = next((names[key] for key in wanted if key in names), workbook.sheetnames[0])
    sheet_ = workbook[title]
    sheet_.reset_dimensions()  # some writers record a wrong sheet size
    try:
        width = limits.sheet_width(sheet_, path.name)
    except FileProblem:
        workbook.close()
        raise
    return _sheet_rows(workbook, sheet_, width)


def _sheet_rows(workbook: Any, sheet: Any, width: int) -> Iterator[list[str]]:
    rows = sheet.iter_rows(values_only=True, max_col=width)
    try:
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # damaged sheet XML
                raise FileProblem(
                    f"cannot read sheet {sheet.title!r}: {exc}",
                    Problem.BAD_SHEET,
                    {"sheet": str(sheet.title), "detail": str(exc)},
                ) from exc
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


# ---------------------------------------------------------------------------------------- JSON


def _json_text(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return ";".join(t for t in (_json_text(v) for v in value) if t)
    return None


def _json_items(document: Any, kind: str, name: str) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        keys = {column_key(key): key for key in document}
        for wanted in (kind, "sessions") if kind == "programme" else (kind,):
            if wanted in keys and isinstance(document[keys[wanted]], list):
                items: list[Any] = document[keys[wanted]]
                if kind == "programme" and "rooms" in keys:
                    return _with_rooms(items, document[keys["rooms"]], name)
                return items
    if kind == "programme":
        raise FileProblem(
            f"{name}: expected an object with `rooms` and `sessions`, or a list of objects",
            Problem.JSON_EXPECTED_PROGRAMME,
            {"file": name},
        )
    raise FileProblem(
        f"{name}: expected a list of objects", Problem.JSON_EXPECTED_LIST, {"file": name}
    )


def _with_rooms(sessions: list[Any], rooms: Any, name: str) -> list[Any]:
    """Sessions with their room's defaults (venue, capacity, ...) filled in where left empty."""
    if isinstance(rooms, dict):
        rooms = [{"room": key, **value} for key, value in rooms.items() if isinstance(value, dict)]
    if not isinstance(rooms, list) or not all(isinstance(room, dict) for room in rooms):
        raise FileProblem(
            f"{name}: `rooms` must be a list of objects",
            Problem.JSON_ROOMS_NOT_LIST,
            {"file": name},
        )
    by_room: dict[str, dict[str, Any]] = {}
    for room in rooms:
        fields = {column_key(key): value for key, value in room.items()}
        label = _json_text(fields.pop("room") if "room" in fields else fields.pop("name", None))
        if label:
            by_room[label] = fields
    merged = []
    for item in sessions:
        if isinstance(item, dict):
            keys = {column_key(key): key for key in item}
            room = _json_text(item[keys["room"]]) if "room" in keys else None
            defaults = by_room.get(room or "", {})
            extra = {
                key: value
                for key, value in defaults.items()
                if key not in keys or _json_text(item[keys[key]]) == ""
            }
            item = {**{k: v for k, v in item.items() if column_key(k) not in extra}, **extra}
        merged.append(item)
    return merged


def _parse_json(name: str, text: str) -> Any:
    try:
        return limits.parse_json(text, name)
    except json.JSONDecodeError as exc:
        raise FileProblem(
            f"cannot read {name}: not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})",
            Problem.INVALID_JSON,
            {"file": name, "line": exc.lineno, "column": exc.colno, "detail": exc.msg},
        ) from exc


def _flatten_into(flat: dict[str, Any], prefix: str, item: Mapping[str, Any]) -> None:
    """`item`'s values under `prefix.key` (nested objects as `prefix.key.inner`); lists of
    objects are left out (they are the next level of rows, or not wanted)."""
    for key, value in item.items():
        label = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten_into(flat, label, value)
        elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
            continue
        else:
            flat[label] = value


def json_records(
    document: Any, path: Sequence[str], lookups: Sequence[Mapping[str, Any]], name: str
) -> list[dict[str, Any]]:
    """The rows of a nested JSON export as flat objects.

    `path` walks from the top: a key steps into an object, `*` takes each item of a list as the
    next level, and each item's values are kept as `<list's key>.<value's key>` for the rows
    below it (pretix: `["event", "orders", "*", "positions", "*"]` gives one row per position,
    with `orders.code` and `positions.secret`). A lookup replaces an id by a name from another
    list: `{"field": "positions.item", "list": ["event", "items"], "key": "id", "value": "name",
    "as": "positions.item_name"}`.
    """
    rows: list[dict[str, Any]] = []

    def missing() -> FileProblem:
        return FileProblem(
            f"{name}: expected {' / '.join(path)} in the JSON export",
            Problem.JSON_EXPECTED_LIST,
            {"file": name},
        )

    def walk(node: Any, steps: Sequence[str], flat: dict[str, Any], label: str) -> None:
        if not steps:
            rows.append(flat)
            if len(rows) > limits.MAX_ROWS:
                raise limits.too_many_rows(name, limits.MAX_ROWS)
            return
        step = steps[0]
        if step == "*":
            if not isinstance(node, list):
                raise missing()
            for item in node:
                if isinstance(item, dict):
                    inner = dict(flat)
                    _flatten_into(inner, label, item)
                    walk(item, steps[1:], inner, label)
            return
        if not isinstance(node, dict) or step not in node:
            raise missing()
        walk(node[step], steps[1:], flat, step)

    walk(document, list(path), {}, "")
    for lookup in lookups:
        source: Any = document
        for step in lookup.get("list", []):
            source = source.get(step) if isinstance(source, dict) else None
        if not isinstance(source, list):
            continue
        names = {
            str(item.get(lookup.get("key", "id"))): item.get(lookup.get("value", "name"))
            for item in source
            if isinstance(item, dict)
        }
        field_name, target = str(lookup.get("field")), str(lookup.get("as"))
        for row in rows:
            if field_name in row:
                row[target] = names.get(str(row[field_name]))
    return rows


def _json_table(
    name: str,
    text: str,
    kind: str,
    known: Sequence[str],
    wanted: Mapping[str, str],
    json_rows: Sequence[str] = (),
    json_lookups: Sequence[Mapping[str, Any]] = (),
) -> Table:
    document = _parse_json(name, text)
    if json_rows:
        items: list[Any] = json_records(document, json_rows, json_lookups, name)
    else:
        items = _json_items(document, kind, name)
    if not items:  # an empty list is a valid file with no rows
        return Table(name, {column: i for i, column in enumerate(known)}, [], width=len(known))
    columns: dict[str, int] = {}
    unknown: dict[str, None] = {}
    errors: list[RowError] = limits.ProblemList()
    parsed: list[tuple[int, dict[int, str]]] = []
    for index, item in enumerate(items):
        row = index + 2
        if not isinstance(item, dict):
            errors.append(
                RowError(
                    row,
                    "",
                    "expected an object with column names as keys",
                    Problem.JSON_ITEM_NOT_OBJECT,
                )
            )
            continue
        cells: dict[int, str] = {}
        for key, value in item.items():
            column = wanted.get(column_key(str(key)))
            if column == _IGNORED:
                continue
            if column is None:
                unknown.setdefault(str(key), None)
                continue
            text_value = _json_text(value)
            if text_value is None:
                errors.append(
                    RowError(
                        row,
                        column,
                        "expected text, a number or a list",
                        Problem.JSON_BAD_VALUE,
                        {"column": column},
                    )
                )
                continue
            cells[columns.setdefault(column, len(columns))] = nfc(text_value)
        if any(cells.values()):
            parsed.append((row, cells))
    width = len(columns)
    rows = [(row, [cells.get(i, "") for i in range(width + 1)]) for row, cells in parsed]
    return Table(name, columns, rows, list(unknown), errors, width=width)
