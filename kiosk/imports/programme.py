"""Importing the programme: sessions with their room, door times, access rule and speakers.

Start and end are stored both as the organiser wrote them and as epoch milliseconds in the
event's time zone, which is what the door rules compare. A later programme updates the sessions
it names and replaces their speaker lists; sessions it does not name are left alone (their
check-ins and invitation lists must survive a partial file).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import date, time
from operator import itemgetter
from zoneinfo import ZoneInfo

from kiosk.core.clock import session_bounds
from kiosk.core.codes import REGISTRATION_ID_RE
from kiosk.core.model import PASS_BACK_POLICIES
from kiosk.imports.report import (
    Params,
    Plan,
    Problem,
    RowError,
    duplicate_id,
    required,
    required_either,
)
from kiosk.imports.tables import Table

COLUMNS: tuple[str, ...] = (
    "session_id",
    "title_en",
    "title_ko",
    "date",
    "start",
    "end",
    "venue",
    "room",
    "capacity",
    "access",
    "organizer",
    "interpretation",
    "speakers",
    "pass_back",
)
# Stored columns: the file's, in order, with the derived start_ms and end_ms after `end`.
_STORED: tuple[str, ...] = (
    "session_id",
    "title_en",
    "title_ko",
    "date",
    "start",
    '"end"',
    "start_ms",
    "end_ms",
    "venue",
    "room",
    "capacity",
    "access",
    "organizer",
    "interpretation",
    "pass_back",
)
_DERIVED = ("start_ms", "end_ms")
_MAX_ID = 100

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")
_CAPACITY_RE = re.compile(r"^\d{1,9}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_LIST_SPLIT = re.compile(r"[,;/\s]+")
_SPEAKER_SPLIT = re.compile(r"\s*[;,]\s*")
_ACCESS = {"open": "open", "invite_only": "invite_only", "inviteonly": "invite_only"}
_ACCESS_NOISE = re.compile(r"[\s\-]+")
# `tickets:Workshop` or `tickets: Workshop, Masterclass`: holders of these ticket types pass the
# door, as well as the session's invitation list, speakers and staff categories.
_TICKETS_PREFIX = "tickets:"
_MAX_TICKET_TYPE = 200


def _access(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The stored access rule and the ticket types that pass, or None when not understood.

    A `tickets:` session is stored invite-only with its ticket types listed beside it."""
    if text[: len(_TICKETS_PREFIX)].lower() == _TICKETS_PREFIX:
        parts = (" ".join(p.split()) for p in text[len(_TICKETS_PREFIX) :].split(","))
        kinds = tuple(dict.fromkeys(p for p in parts if p))
        if not kinds or any(len(kind) > _MAX_TICKET_TYPE for kind in kinds):
            return None
        return "invite_only", kinds
    access = _ACCESS.get(_ACCESS_NOISE.sub("_", text.lower()))
    return None if access is None else (access, ())


_PASS_BACK = {policy: policy for policy in PASS_BACK_POLICIES} | {"": PASS_BACK_POLICIES[0]}


def _parse_date(text: str) -> date | None:
    if not _DATE_RE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_time(text: str) -> time | None:
    found = _TIME_RE.match(text)
    if found is None:
        return None
    hour, minute = int(found[1]), int(found[2])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _languages(text: str) -> tuple[str | None, list[str]]:
    """`ko, EN` -> `ko,en`; also the codes that are not language codes."""
    codes = dict.fromkeys(part for part in _LIST_SPLIT.split(text.lower()) if part)
    bad = [code for code in codes if not _LANGUAGE_RE.match(code)]
    return (",".join(codes) or None), bad


def _speakers(text: str) -> tuple[tuple[str, ...], list[str]]:
    ids = tuple(dict.fromkeys(part for part in _SPEAKER_SPLIT.split(text.strip()) if part))
    return ids, [rid for rid in ids if not REGISTRATION_ID_RE.match(rid)]


def _bad_time(row: int, column: str, text: str) -> RowError:
    """`<column> '<text>': use HH:MM`, or `<column> is required` when empty."""
    if not text:
        return required(row, column)
    params: Params = {"column": column, "value": text}
    return RowError(row, column, f"{column} {text!r}: use HH:MM", Problem.BAD_TIME, params)


def _check_row(
    row: int, values: tuple[str, ...], tz: ZoneInfo, errors: list[RowError]
) -> tuple[tuple[object, ...], tuple[str, ...], tuple[str, ...]] | None:
    """One programme row as stored values, speakers and the ticket types that pass its door, or
    None after reporting its errors."""
    sid, title_en, title_ko, day_text, start_text, end_text, venue, room = values[:8]
    capacity_text, access_text, organizer, interpretation, speakers_text, pass_back_text = values[
        8:
    ]
    before = len(errors)
    error = errors.append
    if not sid:
        error(required(row, "session_id"))
    elif len(sid) > _MAX_ID:
        message = f"session_id longer than {_MAX_ID} characters"
        error(RowError(row, "session_id", message, Problem.SESSION_ID_TOO_LONG, {"max": _MAX_ID}))
    if not title_en and not title_ko:
        error(required_either(row, "title_en", "title_ko"))
    day = _parse_date(day_text)
    if day is None:
        if day_text:
            message = f"date {day_text!r}: use YYYY-MM-DD"
            error(RowError(row, "date", message, Problem.BAD_DATE, {"value": day_text}))
        else:
            error(required(row, "date"))
    start = _parse_time(start_text)
    if start is None:
        error(_bad_time(row, "start", start_text))
    end = _parse_time(end_text)
    if end is None:
        error(_bad_time(row, "end", end_text))
    elif start is not None and end <= start:
        message = f"end {end_text} is not after start {start_text}"
        params: Params = {"start": start_text, "end": end_text}
        error(RowError(row, "end", message, Problem.END_NOT_AFTER_START, params))
    if not room:
        error(required(row, "room"))
    capacity = None
    if capacity_text:
        if _CAPACITY_RE.match(capacity_text):
            capacity = int(capacity_text)
        else:
            message = f"capacity {capacity_text!r}: a whole number of people, or empty"
            params = {"value": capacity_text}
            error(RowError(row, "capacity", message, Problem.BAD_CAPACITY, params))
    rule = _access(access_text)
    access, ticket_types = rule if rule is not None else (None, ())
    if access is None:
        if access_text:
            message = f"access {access_text!r}: use open, invite_only or tickets:TYPE"
            error(RowError(row, "access", message, Problem.BAD_ACCESS, {"value": access_text}))
        else:
            error(required(row, "access"))
    pass_back = _PASS_BACK.get(pass_back_text.strip().lower())
    if pass_back is None:
        message = f"pass_back {pass_back_text!r}: use allow or refuse (empty: allow)"
        params = {"value": pass_back_text}
        error(RowError(row, "pass_back", message, Problem.BAD_PASS_BACK, params))
    languages, bad_languages = _languages(interpretation)
    if bad_languages:
        listed = ", ".join(bad_languages)
        message = f"not a language code: {listed} (use e.g. ko,en)"
        params = {"values": listed}
        error(RowError(row, "interpretation", message, Problem.BAD_LANGUAGE_CODES, params))
    speakers, bad_speakers = _speakers(speakers_text)
    if bad_speakers:
        listed = ", ".join(bad_speakers)
        message = f"not a registration id: {listed} (separate ids with ;)"
        params = {"values": listed}
        error(RowError(row, "speakers", message, Problem.BAD_SPEAKER_IDS, params))
    if len(errors) != before:
        return None
    assert day is not None and start is not None and end is not None
    start_ms, end_ms = session_bounds(day, start, end, tz)
    record = (
        sid,
        title_en or None,
        title_ko or None,
        day.isoformat(),
        start.strftime("%H:%M"),
        end.strftime("%H:%M"),
        start_ms,
        end_ms,
        venue or None,
        room,
        capacity,
        access,
        organizer or None,
        languages,
        pass_back,
    )
    return record, speakers, ticket_types


def plan_programme(conn: sqlite3.Connection, table: Table, tz: ZoneInfo) -> Plan:
    """Validate every session of a programme and work out what importing it would change."""
    errors = table.missing(
        ("session_id", "date", "start", "end", "room", "access"), (("title_en", "title_ko"),)
    )
    if errors:
        return Plan(errors=errors)
    present = [
        i for i, column in enumerate(_STORED) if column in _DERIVED or table.has(column.strip('"'))
    ]
    stored = [_STORED[i] for i in present]
    project: Callable[[tuple[object, ...]], tuple[object, ...]] = itemgetter(*present)
    existing = {row[0]: row for row in conn.execute(f"SELECT {', '.join(stored)} FROM sessions")}
    has_speakers = table.has("speakers")
    old_speakers: dict[str, set[str]] = {}
    for sid, rid in conn.execute("SELECT session_id, registration_id FROM session_speakers"):
        old_speakers.setdefault(sid, set()).add(rid)
    old_types: dict[str, set[str]] = {}
    for sid, kind in conn.execute("SELECT session_id, ticket_type FROM session_ticket_types"):
        old_types.setdefault(sid, set()).add(kind)

    pick = table.picker(COLUMNS)
    seen: dict[str, int] = {}
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    new_speakers: dict[str, tuple[str, ...]] = {}
    new_types: dict[str, tuple[str, ...]] = {}
    unchanged = speakers_only = 0
    for row, cells in table.rows:
        values = pick(cells)
        sid = values[0]
        if sid in seen:
            errors.append(duplicate_id(row, "session_id", sid, seen[sid]))
            continue
        if sid:
            seen[sid] = row
        checked = _check_row(row, values, tz, errors)
        if checked is None or errors:
            continue
        full, speakers, ticket_types = checked
        record = project(full)
        old = existing.get(sid)
        speakers_changed = has_speakers and set(speakers) != old_speakers.get(sid, set())
        types_changed = set(ticket_types) != old_types.get(sid, set())
        if types_changed:
            new_types[sid] = ticket_types
        if old is None:
            inserts.append(record)
        elif old != record:
            updates.append((*record[1:], sid))
        elif speakers_changed or types_changed:
            speakers_only += 1
        else:
            unchanged += 1
        if has_speakers and (old is None or speakers_changed):
            new_speakers[sid] = speakers
    if errors:
        return Plan(errors=errors)

    insert_sql = (
        f"INSERT INTO sessions ({', '.join(stored)}) VALUES ({', '.join('?' * len(stored))})"
    )
    assignments = ", ".join(f"{column} = ?" for column in stored[1:])
    update_sql = f"UPDATE sessions SET {assignments} WHERE session_id = ?"
    speaker_rows = [(sid, rid) for sid, ids in new_speakers.items() for rid in ids]
    type_rows = [(sid, kind) for sid, kinds in new_types.items() for kind in kinds]

    def write(conn: sqlite3.Connection) -> None:
        conn.executemany(update_sql, updates)
        conn.executemany(insert_sql, inserts)
        conn.executemany(
            "DELETE FROM session_speakers WHERE session_id = ?", [(sid,) for sid in new_speakers]
        )
        conn.executemany(
            "INSERT INTO session_speakers (session_id, registration_id) VALUES (?, ?)",
            speaker_rows,
        )
        conn.executemany(
            "DELETE FROM session_ticket_types WHERE session_id = ?", [(sid,) for sid in new_types]
        )
        conn.executemany(
            "INSERT INTO session_ticket_types (session_id, ticket_type) VALUES (?, ?)", type_rows
        )

    return Plan(
        added=len(inserts), updated=len(updates) + speakers_only, unchanged=unchanged, write=write
    )
