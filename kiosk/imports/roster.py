"""Importing the roster: every row checked, then new people added and changed people updated.

A roster is imported again and again as registrations come in. Re-importing the same file
changes nothing; people missing from a later file stay (they may have been added by hand or by
an earlier export); columns missing from a later file are left as they are. E-mail addresses are
never stored: only their salted hash, which is what kiosks look people up by.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from operator import itemgetter

from kiosk.core.codes import MAX_CODE_LENGTH, REGISTRATION_ID_RE
from kiosk.core.model import CATEGORIES
from kiosk.core.privacy import email_hasher
from kiosk.imports.bulk import deferred_indexes, insert_many, is_empty
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
    "registration_id",
    "family_name",
    "given_name",
    "name_local",
    "organization",
    "title",
    "country",
    "category",
    "email",
    "language",
    "status",
    "code",
    "badge_privacy",
    "accessibility",
)
# The attendees column that holds each file column, in the same order.
_STORED: tuple[str, ...] = (
    "registration_id",
    "family_name",
    "given_name",
    "name_local",
    "organization",
    "title",
    "country",
    "category",
    "email_hash",
    "language",
    "status",
    "external_code",
    "badge_privacy",
    "accessibility",
)
_CODE = COLUMNS.index("code")

_EMAIL_RE = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")
_WORD_NOISE = re.compile(r"[\s\-]+")
_CATEGORIES = {name: name for name in CATEGORIES} | {"organizer": "organiser"}
_LANGUAGES = {"": None, "ko": "ko", "en": "en"}
_STATUSES = {"": "registered", "registered": "registered", "cancelled": "cancelled"}
_STATUSES["canceled"] = "cancelled"
_FLAGS = {"": 0, "false": 0, "no": 0, "0": 0, "true": 1, "yes": 1, "1": 1}
_CATEGORY_LIST = ", ".join(CATEGORIES)
_NOT_AN_ID = "is not a registration id (ASCII letters, digits, - and _; at most 64)"


def _category(text: str) -> str | None:
    """`Invited Guest`, `invited-guest` -> `invited_guest`; None when it is no category."""
    return _CATEGORIES.get(_WORD_NOISE.sub("_", text.lower()))


def _accessibility(text: str) -> str | None:
    """`wheelchair; ; sign_language` -> `wheelchair;sign_language`."""
    needs = dict.fromkeys(part.strip() for part in text.split(";"))
    needs.pop("", None)
    return ";".join(needs) or None


def _same(values: tuple[object, ...]) -> tuple[object, ...]:
    return values


GENERIC_SOURCE = "generic"
"""`tickets.source` of the codes of this project's own roster format (its `code` column)."""


def plan_roster(
    conn: sqlite3.Connection, table: Table, salt: bytes, *, keep_tickets: bool = False
) -> Plan:
    """Validate every row of a roster and work out what importing it would change.

    Nothing is written here; the returned plan's `write` applies the changes. Errors are
    collected for every bad cell of every row so an organiser can fix the file in one pass.
    A person's `code` is also their ticket (schema 7), unless `keep_tickets`: the caller
    (kiosk/imports/people.py) writes the tickets itself.
    """
    errors = table.missing(("registration_id", "category"), (("family_name", "given_name"),))
    if errors:
        return Plan(errors=errors)
    present = [i for i, column in enumerate(COLUMNS) if table.has(column)]
    stored = [_STORED[i] for i in present]
    project: Callable[[tuple[object, ...]], tuple[object, ...]] = (
        _same if len(present) == len(COLUMNS) else itemgetter(*present)
    )
    existing = {row[0]: row for row in conn.execute(f"SELECT {', '.join(stored)} FROM attendees")}
    has_code = _CODE in present
    code_at = present.index(_CODE) if has_code else -1
    owners = (
        {row[code_at]: rid for rid, row in existing.items() if row[code_at]} if has_code else {}
    )

    pick = table.picker(COLUMNS)
    seen: dict[str, int] = {}
    code_rows: dict[str, int] = {}
    claims: list[tuple[int, str, str]] = []
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    clear_codes: list[tuple[str]] = []
    new_tickets: list[tuple[str, str, str]] = []
    dropped_tickets: list[tuple[str, str]] = []
    unchanged = 0
    error = errors.append
    match_id = REGISTRATION_ID_RE.match
    match_email = _EMAIL_RE.match
    hash_email = email_hasher(salt)
    categories = _CATEGORIES
    # Organisations, titles and countries repeat: keep one copy of each text, not one a row.
    shared: dict[str, str] = {}
    share = shared.setdefault

    for row, cells in table.rows:
        (
            rid,
            family,
            given,
            local,
            org,
            title,
            country,
            category,
            email,
            language,
            status,
            code,
            privacy,
            access,
        ) = pick(cells)
        bad = False
        if not rid:
            error(required(row, "registration_id"))
            bad = True
        elif not match_id(rid):
            message = f"{rid!r} {_NOT_AN_ID}"
            error(
                RowError(
                    row, "registration_id", message, Problem.BAD_REGISTRATION_ID, {"value": rid}
                )
            )
            bad = True
        elif rid in seen:
            error(duplicate_id(row, "registration_id", rid, seen[rid]))
            bad = True
        else:
            seen[rid] = row
        if not family and not given:
            error(required_either(row, "family_name", "given_name"))
            bad = True
        kind = categories.get(category) or _category(category)
        if kind is None:
            if category:
                message = f"unknown category {category!r}: one of {_CATEGORY_LIST}"
                params: Params = {"value": category, "choices": _CATEGORY_LIST}
                error(RowError(row, "category", message, Problem.UNKNOWN_CATEGORY, params))
            else:
                error(required(row, "category"))
            bad = True
        hashed = None
        if email:
            if match_email(email):
                hashed = hash_email(email)
            else:
                message = f"{email!r} is not an e-mail address"
                error(RowError(row, "email", message, Problem.BAD_EMAIL, {"value": email}))
                bad = True
        lang = _LANGUAGES.get(language, "?")
        if lang == "?":
            lang = _LANGUAGES.get(language.lower(), "?")
            if lang == "?":
                message = f"language {language!r}: use ko, en or nothing"
                error(RowError(row, "language", message, Problem.BAD_LANGUAGE, {"value": language}))
                bad = True
        state = _STATUSES.get(status) or _STATUSES.get(status.lower())
        if state is None:
            message = f"status {status!r}: use registered or cancelled"
            error(RowError(row, "status", message, Problem.BAD_STATUS, {"value": status}))
            bad = True
        flag = _FLAGS.get(privacy)
        if flag is None:
            flag = _FLAGS.get(privacy.lower())
            if flag is None:
                message = f"badge_privacy {privacy!r}: use true or false"
                params = {"value": privacy}
                error(RowError(row, "badge_privacy", message, Problem.BAD_BADGE_PRIVACY, params))
                bad = True
        if code:
            if len(code) > MAX_CODE_LENGTH * 4:
                message = f"code longer than {MAX_CODE_LENGTH * 4} characters"
                params = {"max": MAX_CODE_LENGTH * 4}
                error(RowError(row, "code", message, Problem.CODE_TOO_LONG, params))
                bad = True
            elif code in code_rows:
                message = f"the same code as row {code_rows[code]}"
                params = {"first_row": code_rows[code]}
                error(RowError(row, "code", message, Problem.DUPLICATE_CODE, params))
                bad = True
            else:
                code_rows[code] = row
                claims.append((row, rid, code))
        if bad or errors:
            continue
        record = project(
            (
                rid,
                family or None,
                given or None,
                local or None,
                share(org, org) or None,
                share(title, title) or None,
                share(country, country) or None,
                kind,
                hashed,
                lang,
                state,
                code or None,
                flag,
                _accessibility(access) if ";" in access else access or None,
            )
        )
        old = existing.get(rid)
        if old is None:
            inserts.append(record)
            if code and not keep_tickets:
                new_tickets.append((code, rid, rid))
        elif old == record:
            unchanged += 1
        else:
            changed_code = has_code and old[code_at] != record[code_at]
            if changed_code and old[code_at] is not None:
                clear_codes.append((rid,))
            if changed_code and not keep_tickets:
                if old[code_at] is not None:
                    dropped_tickets.append((str(old[code_at]), rid))
                if code:
                    new_tickets.append((code, rid, rid))
            updates.append((*record[1:], changed_code, rid) if has_code else (*record[1:], rid))

    for row, rid, code in claims:
        owner = owners.get(code)
        if owner is not None and owner != rid and owner not in seen:
            message = f"this code already belongs to {owner}"
            error(RowError(row, "code", message, Problem.CODE_TAKEN, {"owner": owner}))
    if errors:
        errors.sort(key=lambda e: e.row)
        return Plan(errors=errors)

    columns = ", ".join(stored)
    assignments = [f"{column} = ?" for column in stored[1:]]
    if has_code:
        assignments.append(
            "external_code_revoked = CASE WHEN ? THEN 0 ELSE external_code_revoked END"
        )
    update_sql = f"UPDATE attendees SET {', '.join(assignments)} WHERE registration_id = ?"

    def write(conn: sqlite3.Connection) -> None:
        # In key order, so rows go at the end of an index rather than all over it: the codes'
        # unique index for tickets (random secrets), the registration ids otherwise.
        if keep_tickets and has_code:
            inserts.sort(key=itemgetter(code_at))
        else:
            inserts.sort()
        if not existing and not keep_tickets and is_empty(conn, "attendees"):
            with deferred_indexes(conn, ("attendees", "tickets")):
                write_rows(conn)
        else:
            write_rows(conn)

    def write_rows(conn: sqlite3.Connection) -> None:
        # Codes that move between people are freed first so the UNIQUE index never trips.
        conn.executemany(
            "UPDATE attendees SET external_code = NULL WHERE registration_id = ?", clear_codes
        )
        conn.executemany(update_sql, updates)
        insert_many(conn, f"INSERT INTO attendees ({columns})", len(stored), inserts)
        # The roster's code is the person's ticket: a replaced code is no ticket any more.
        conn.executemany(
            "DELETE FROM tickets WHERE code = ? AND registration_id = ? "
            "AND (source IS NULL OR source = 'generic')",
            dropped_tickets,
        )
        conn.executemany(
            "INSERT INTO tickets (code, registration_id, source, source_ref) "
            f"VALUES (?, ?, '{GENERIC_SOURCE}', ?) "
            "ON CONFLICT(code) DO UPDATE SET registration_id = excluded.registration_id, "
            "status = 'valid'",
            new_tickets,
        )

    return Plan(added=len(inserts), updated=len(updates), unchanged=unchanged, write=write)
