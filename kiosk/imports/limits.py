"""Limits on import files, so that no file (a mistake or an attack) can exhaust the organiser's
laptop: each refusal is one clear problem (the import writes nothing), found before the file's
content is held in memory or expanded.

- Any file: at most MAX_FILE_BYTES.
- CSV and XLSX: at most MAX_ROWS rows with data (MAX_SHEET_ROWS in all, blank ones included) and
  MAX_COLUMNS columns in the header; a row's cells past the header are never expanded.
- XLSX (a zip of XML): at most MAX_XLSX_UNCOMPRESSED bytes once unpacked, MAX_XLSX_ENTRIES
  parts, MAX_SHARED_STRINGS shared strings (counted as they stream, before the workbook is
  opened: the workbook reader keeps them all in memory).
- JSON: at most MAX_JSON_CONTAINERS objects and lists, MAX_JSON_VALUES values, numbers of at
  most MAX_NUMBER_CHARS characters, and no deeper nesting than the parser allows.
- Problems: the first MAX_LISTED_PROBLEMS are listed, the others only counted (ProblemList).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, SupportsIndex, TypeVar

from kiosk.imports.report import FileProblem, Problem

MAX_FILE_BYTES = 64 * 1024**2
MAX_ROWS = 200_000
MAX_SHEET_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 1_000
MAX_XLSX_UNCOMPRESSED = 256 * 1024**2
MAX_XLSX_ENTRIES = 10_000
MAX_SHARED_STRINGS = 1_000_000
MAX_JSON_CONTAINERS = 2 * MAX_ROWS + 1_000
MAX_JSON_VALUES = 5_000_000
MAX_NUMBER_CHARS = 40
MAX_LISTED_PROBLEMS = 1_000

_MiB = 1024**2
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_STRING_OR_MARK = re.compile(r'"(?:[^"\\]|\\.)*"|[{\[,]', re.DOTALL)
T = TypeVar("T")


def read_limited(path: Path, name: str) -> bytes:
    """The bytes of an import file, refused beyond MAX_FILE_BYTES before they are read."""
    with path.open("rb") as handle:
        if _size_of(handle) > MAX_FILE_BYTES:
            raise file_too_large(name)
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise file_too_large(name)
    return data


def _size_of(handle: io.BufferedReader) -> int:
    import os

    return os.fstat(handle.fileno()).st_size


def file_too_large(name: str) -> FileProblem:
    limit = MAX_FILE_BYTES // _MiB
    return FileProblem(
        f"cannot read {name}: it is larger than {limit} MB; split it into smaller files",
        Problem.FILE_TOO_LARGE,
        {"file": name, "max_mb": limit},
    )


# -- rows of CSV and XLSX ------------------------------------------------------------------------


def bounded_records(records: Iterable[list[str]], name: str) -> Iterator[list[str]]:
    """The records of a CSV or sheet as they come, refused (FileProblem) past MAX_ROWS rows with
    any text, MAX_SHEET_ROWS in all, or a header wider than MAX_COLUMNS."""
    rows = 0
    header = True
    for physical, record in enumerate(records, start=1):
        if physical > MAX_SHEET_ROWS:
            raise too_many_rows(name, MAX_SHEET_ROWS)
        if any(map(str.strip, record)):
            if header:
                header = False
                if len(record) > MAX_COLUMNS and any(c.strip() for c in record[MAX_COLUMNS:]):
                    raise FileProblem(
                        f"cannot read {name}: more than {MAX_COLUMNS:,} columns",
                        Problem.TOO_MANY_COLUMNS,
                        {"file": name, "max": MAX_COLUMNS},
                    )
            else:
                rows += 1
                if rows > MAX_ROWS:
                    raise too_many_rows(name, MAX_ROWS)
        yield record


def too_many_rows(name: str, limit: int) -> FileProblem:
    return FileProblem(
        f"cannot read {name}: more than {limit:,} rows; split it into smaller files",
        Problem.TOO_MANY_ROWS,
        {"file": name, "max": limit},
    )


# -- XLSX ------------------------------------------------------------------------------------------


def check_xlsx(data: bytes, name: str) -> None:
    """Refuse a workbook that would unpack to too much, before the workbook reader opens it.

    The sizes are the zip's own (the reader stops at each part's declared size, and a part that
    inflates to more fails its checksum); shared strings are counted as they stream. A file that
    is not a zip is left to the reader, which says so."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_XLSX_ENTRIES or sum(p.file_size for p in parts) > (
            MAX_XLSX_UNCOMPRESSED
        ):
            limit = MAX_XLSX_UNCOMPRESSED // _MiB
            raise FileProblem(
                f"cannot read {name}: the workbook unpacks to more than {limit} MB",
                Problem.XLSX_TOO_LARGE,
                {"file": name, "max_mb": limit},
            )
        for part in parts:
            if part.filename.lower().endswith("sharedstrings.xml"):
                _count_shared_strings(archive, part, name)


def _count_shared_strings(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    count = 0
    tail = b""
    try:
        with archive.open(part) as stream:
            while piece := stream.read(_MiB):
                buffer = tail + piece
                cut = buffer.rfind(b"<")
                if cut < 0:
                    cut = len(buffer)
                count += len(_SHARED_STRING.findall(buffer, 0, cut))
                tail = buffer[cut:]
                if count > MAX_SHARED_STRINGS:
                    break
        count += len(_SHARED_STRING.findall(tail))
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        return  # damaged: the workbook reader refuses it in its own words
    if count > MAX_SHARED_STRINGS:
        raise FileProblem(
            f"cannot read {name}: more than {MAX_SHARED_STRINGS:,} different texts in the workbook",
            Problem.TOO_MANY_SHARED_STRINGS,
            {"file": name, "max": MAX_SHARED_STRINGS},
        )


def sheet_width(sheet: Any, name: str) -> int:
    """How many columns to read from a read-only sheet: up to the last filled cell of its first
    non-blank row (the header). Rows are then read that wide, so a stray cell in column XFD is
    never expanded into 16,384 cells a row."""
    for physical, values in enumerate(
        sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1), start=1
    ):
        if physical > MAX_SHEET_ROWS:
            raise too_many_rows(name, MAX_SHEET_ROWS)
        filled = [i for i, value in enumerate(values) if value not in (None, "")]
        if filled:
            if filled[-1] >= MAX_COLUMNS:
                raise FileProblem(
                    f"cannot read {name}: more than {MAX_COLUMNS:,} columns",
                    Problem.TOO_MANY_COLUMNS,
                    {"file": name, "max": MAX_COLUMNS},
                )
            return filled[-1] + 1
    return 1


# -- JSON ------------------------------------------------------------------------------------------


class _NumberTooLong(ValueError):
    pass


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise _NumberTooLong(text[:20])
        return kind(text)

    return parse


def parse_json(text: str, name: str) -> Any:
    """A JSON document within the limits (module doc); FileProblem for one that is not, and
    json.JSONDecodeError for one that is not JSON at all (the caller reports where)."""
    _check_json_size(text, name)
    try:
        return json.loads(text, parse_int=_number(int), parse_float=_number(float))
    except _NumberTooLong as exc:
        raise FileProblem(
            f"cannot read {name}: a number longer than {MAX_NUMBER_CHARS} characters",
            Problem.JSON_NUMBER_TOO_LONG,
            {"file": name, "max": MAX_NUMBER_CHARS},
        ) from exc
    except RecursionError as exc:
        raise FileProblem(
            f"cannot read {name}: JSON nested too deeply (a roster is a list of flat objects)",
            Problem.JSON_TOO_DEEP,
            {"file": name},
        ) from exc


def _check_json_size(text: str, name: str) -> None:
    """Refuse a document with more objects, lists or values than a roster of MAX_ROWS rows could
    have, before it is parsed (each becomes a Python object). Counting characters is a cheap
    upper bound; only a document above it is counted exactly (brackets inside strings aside)."""
    containers = text.count("{") + text.count("[")
    values = text.count(",")
    if containers <= MAX_JSON_CONTAINERS and values <= MAX_JSON_VALUES:
        return
    containers = values = 0
    for match in _STRING_OR_MARK.finditer(text):
        mark = match.group()
        if mark == ",":
            values += 1
        elif mark in "{[":
            containers += 1
    if containers > MAX_JSON_CONTAINERS or values > MAX_JSON_VALUES:
        raise FileProblem(
            f"cannot read {name}: more than {MAX_ROWS:,} rows or {MAX_JSON_VALUES:,} values",
            Problem.JSON_TOO_MANY_VALUES,
            {"file": name, "max": MAX_ROWS},
        )


# -- problems --------------------------------------------------------------------------------------


class ProblemList(list[T]):
    """A list of problems that keeps the first MAX_LISTED_PROBLEMS and only counts the rest, so
    a file with an error on each of its rows costs no more memory than one with a thousand.

    `len()` and truth count every problem (so "did this row add one?" still works); iteration,
    sorting and indexing see the ones kept; `not_listed` is how many were only counted."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__()
        self.not_listed = 0
        for item in items:
            self.append(item)

    def append(self, item: T) -> None:
        if super().__len__() < MAX_LISTED_PROBLEMS:
            super().append(item)
        else:
            self.not_listed += 1

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def insert(self, index: SupportsIndex, item: T) -> None:
        super().insert(index, item)
        if super().__len__() > MAX_LISTED_PROBLEMS:
            super().pop()
            self.not_listed += 1

    def __iadd__(self, items: Iterable[T]) -> ProblemList[T]:  # type: ignore[override,misc]
        self.extend(items)
        return self

    def __len__(self) -> int:
        return super().__len__() + self.not_listed

    def __bool__(self) -> bool:
        return len(self) > 0


def not_listed(problems: Iterable[Any]) -> int:
    """How many problems a list only counted (0 for a plain list)."""
    return int(getattr(problems, "not_listed", 0))


def merged(*lists: list[T], key: Any = None) -> ProblemList[T]:
    """Several problem lists as one (sorted by `key` when given), counts kept."""
    items = [item for problems in lists for item in problems]
    out: ProblemList[T] = ProblemList(sorted(items, key=key) if key is not None else items)
    out.not_listed += sum(not_listed(problems) for problems in lists)
    return out
