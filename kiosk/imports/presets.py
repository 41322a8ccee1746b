"""Import presets: what a registration system's export looks like, as data (no code per source).

A preset is a JSON file in `resources/import-presets/` (the README there describes every key).
It says how its files are recognised (header labels that must all be present; for JSON, the path
to the rows), which of the file's columns fill which of our fields, how the source's values map
onto ours (`paid` -> `registered`, `English` -> `en`), whether a file is a complete export, and how
tickets are grouped into one person. A new source is a new JSON file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.imports.report import ImportFailure, Problem
from kiosk.imports.roster import COLUMNS as ROSTER_COLUMNS
from kiosk.imports.tables import column_key

PRESET_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "import-presets"
GENERIC = "generic"

TICKET_FIELDS: tuple[str, ...] = ("full_name", "order", "position", "ticket_type", "order_email")
"""Fields a preset may fill besides the roster's columns (FORMATS.md): the attendee's whole name
(split into family and given name when those are empty), the order (booking) code, the ticket's
position in its order, its ticket type (the product) and the buyer's e-mail (used for look-ups
when the attendee has none of their own)."""
FIELDS: tuple[str, ...] = (*ROSTER_COLUMNS, *TICKET_FIELDS)

SKIP = "skip"
"""A status value meaning: not imported, counted (pretix's pending orders)."""
STATUS_VALUES = ("registered", "cancelled", SKIP)
ANY_VALUE = "*"
"""In a value map: what any value the map does not name becomes."""


@dataclass(frozen=True)
class Preset:
    """One source's export format (see the module doc and resources/import-presets/README.md)."""

    name: str
    label: str
    source: str
    formats: tuple[str, ...]
    detect: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)
    complete: bool = False
    tickets: bool = False
    group_by: tuple[tuple[str, ...], ...] = ()
    registration_id: tuple[str, ...] = ("registration_id",)
    unprotect_codes: bool = False
    split_names: bool = False
    sheet: str | None = None
    json_rows: tuple[str, ...] = ()
    json_lookups: tuple[Mapping[str, Any], ...] = ()
    other_columns: str = "warn"  # "warn" (generic) or "ignore"
    priority: int = 0
    label_ko: str = ""

    def mapping(self, headers: Iterable[str]) -> dict[str, str | None]:
        """The file's labels -> our fields, by this preset's columns (first label found wins);
        every other label is ignored (None) unless the preset warns about unknown columns."""
        keys = {column_key(label): label for label in headers if label.strip()}
        mapping: dict[str, str | None] = {}
        if self.other_columns == "ignore":
            mapping = dict.fromkeys(keys.values())
        for target, labels in self.columns.items():
            for label in labels:
                found = keys.get(column_key(label))
                if found is not None:
                    mapping[found] = target
                    break
        return mapping

    def matches(self, headers: Iterable[str]) -> bool:
        """Whether a header (or a JSON file's flattened keys) has every label `detect` names."""
        keys = {column_key(label) for label in headers}
        return bool(self.detect) and all(column_key(label) in keys for label in self.detect)

    def value(self, field_name: str, raw: str) -> str:
        """`raw` as this preset maps it for `field_name` (case-insensitive), else unchanged."""
        table = self.values.get(field_name)
        if not table:
            return raw
        found = table.get(raw.casefold())
        if found is None:
            found = table.get(ANY_VALUE, raw)
        return found


def _bad(path: Path, message: str) -> ImportFailure:
    return ImportFailure(
        f"import preset {path.name} is not valid: {message}",
        Problem.BAD_PRESET,
        {"file": path.name, "detail": message},
    )


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise _bad(path, f"{key!r} must be text or a list of texts")


def parse_preset(path: Path, data: Mapping[str, Any]) -> Preset:
    """A preset from its JSON object; ImportFailure naming the file and key when it is wrong."""
    if not isinstance(data, dict):
        raise _bad(path, "expected a JSON object")
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise _bad(path, "'name' is required")
    columns_raw = data.get("columns", {})
    if not isinstance(columns_raw, dict):
        raise _bad(path, "'columns' must be an object")
    columns: dict[str, tuple[str, ...]] = {}
    for target, labels in columns_raw.items():
        if target not in FIELDS:
            raise _bad(path, f"column {target!r} is not one of our fields ({', '.join(FIELDS)})")
        columns[target] = _strings(labels, path, f"columns.{target}")
    values: dict[str, dict[str, str]] = {}
    for target, table in (data.get("values") or {}).items():
        if target not in FIELDS or not isinstance(table, dict):
            raise _bad(path, f"values.{target} must be an object for one of our fields")
        values[target] = {str(k).casefold(): str(v) for k, v in table.items()}
    for raw, mapped in values.get("status", {}).items():
        if mapped not in STATUS_VALUES:
            raise _bad(path, f"values.status maps {raw!r} to {mapped!r}: use {STATUS_VALUES}")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict) or any(k not in FIELDS for k in defaults):
        raise _bad(path, "'defaults' must map our fields to values")
    people = data.get("people") or {}
    group_by = tuple(
        _strings(group, path, "people.group_by") for group in people.get("group_by", [])
    )
    json_part = data.get("json") or {}
    if not isinstance(json_part, dict):
        raise _bad(path, "'json' must be an object")
    for key in ("group_by",):
        for group in group_by:
            if any(item not in FIELDS for item in group):
                raise _bad(path, f"people.{key} names a field that is not ours")
    rid = _strings(people.get("registration_id", ["registration_id"]), path, "registration_id")
    return Preset(
        name=name,
        label=str(data.get("label") or name),
        source=str(data.get("source") or name),
        formats=_strings(data.get("formats", ["csv", "xlsx", "json"]), path, "formats"),
        detect=_strings(data.get("detect", []), path, "detect"),
        columns=columns,
        values=values,
        defaults={str(k): str(v) for k, v in defaults.items()},
        complete=bool(data.get("complete_export", False)),
        tickets=bool(people.get("tickets", False)),
        group_by=group_by,
        registration_id=rid,
        unprotect_codes=bool(data.get("remove_protecting_apostrophe", False)),
        split_names=bool(data.get("split_full_names", False)),
        sheet=data.get("sheet") if isinstance(data.get("sheet"), str) else None,
        json_rows=_strings(json_part.get("rows", []), path, "json.rows"),
        json_lookups=tuple(json_part.get("lookups", [])),
        other_columns=str(data.get("other_columns", "warn")),
        priority=int(data.get("priority", 0)),
        label_ko=str(data.get("label_ko") or data.get("label") or name),
    )


@cache
def _load(folder: Path) -> tuple[Preset, ...]:
    presets = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _bad(path, f"cannot read it ({exc})") from exc
        presets.append(parse_preset(path, data))
    return tuple(sorted(presets, key=lambda p: (-p.priority, p.name)))


def all_presets(folder: Path = PRESET_FOLDER) -> tuple[Preset, ...]:
    """Every preset, most specific (highest priority) first."""
    return _load(folder)


def preset_names(folder: Path = PRESET_FOLDER) -> list[str]:
    return sorted(preset.name for preset in all_presets(folder))


def get_preset(name: str, folder: Path = PRESET_FOLDER) -> Preset:
    """The preset called `name`; ImportFailure listing the known ones otherwise."""
    for preset in all_presets(folder):
        if preset.name == name:
            return preset
    names = ", ".join(preset_names(folder))
    raise ImportFailure(
        f"unknown import preset {name!r}: use one of {names}",
        Problem.UNKNOWN_PRESET,
        {"preset": name, "choices": names},
    )


def detect_preset(headers: Sequence[str], fmt: str, folder: Path = PRESET_FOLDER) -> Preset | None:
    """The preset whose detection labels the header has (most specific first), or None."""
    for preset in all_presets(folder):
        if fmt in preset.formats and preset.name != GENERIC and preset.matches(headers):
            return preset
    return None
