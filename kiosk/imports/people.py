"""Importing a registration system's tickets: grouped into people, each person with their tickets.

A preset with `people.tickets` (pretix) gives one row per ticket. Rows are mapped to our fields
and values by the preset, tickets are grouped into people by the preset's attendee identity (for
pretix: the same order and the same attendee e-mail, or without one the same attendee name), and
the people go through the roster's own checks and writing (`plan_roster`), so a person is
validated exactly as a hand-made roster row is. Their tickets go into `tickets` (schema 7); the
person's first valid ticket is also their `attendees.external_code`, which identification read
before tickets existed.

A person keeps the registration id they were given the first time: a ticket already known says
whose it is. New people get the preset's id (pretix: order code and position of their first
ticket; without a position, the order code and the first free number).

When the preset says a file is a complete export, tickets of that source that were imported
before and are missing now are reported; with `cancel_missing` they are cancelled, and so is a
person left with no valid ticket.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

from kiosk.core.codes import MAX_CODE_LENGTH
from kiosk.core.names import split_full_name
from kiosk.imports.bulk import deferred_indexes, insert_many, is_empty
from kiosk.imports.presets import FIELDS, SKIP, Preset
from kiosk.imports.report import ImportWarning, Params, Plan, Problem, RowError, required
from kiosk.imports.roster import COLUMNS, plan_roster
from kiosk.imports.tables import Table

MISSING_LISTED = 20
"""Registration ids of missing people named in the report (the others are counted)."""
_TICKET_COLUMNS = "code, registration_id, ticket_type, source, source_ref, status"
_INDEX = {name: i for i, name in enumerate(FIELDS)}
_ORDER_ONLY = "order (a ticket without attendee data: the order's first attendee)"


_Ticket = tuple[str, str, str, str, str]


@dataclass(slots=True)
class _Person:
    row: int
    values: list[str]
    tickets: list[_Ticket] = field(default_factory=list)
    """(code, ticket type, status, source ref, position) of each ticket, in file order."""
    rid: str = ""


@dataclass
class TicketOptions:
    """What the organiser chose beyond the preset: default values and cancelling the missing."""

    defaults: Mapping[str, str] = field(default_factory=dict)
    cancel_missing: bool = False


def _getter(indices: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A function from a row's values to those at `indices`, always as a tuple."""
    if len(indices) == 1:
        index = indices[0]
        return lambda values: (values[index],)
    return itemgetter(*indices)


def plan_tickets(
    conn: sqlite3.Connection,
    table: Table,
    preset: Preset,
    salt: bytes,
    options: TicketOptions | None = None,
) -> Plan:
    """Validate a ticket export and work out what importing it changes (nothing written here)."""
    options = options or TicketOptions()
    defaults = {**preset.defaults, **options.defaults}
    errors = table.missing(("code",))
    if not (table.has("family_name") or table.has("given_name") or table.has("full_name")):
        errors += table.missing((), (("family_name", "given_name", "full_name"),))
    if errors:
        return Plan(errors=errors)
    pick = table.picker(FIELDS)
    value = preset.value
    unprotect = preset.unprotect_codes
    split = preset.split_names
    # E-mail addresses compare without case; names and order codes as they are written.
    groups = [
        (" + ".join(group), _getter([_INDEX[name] for name in group]), "email" in group)
        for group in preset.group_by
    ]
    default_at = [(_INDEX[name], text) for name, text in defaults.items()]
    i_family, i_given, i_full = _INDEX["family_name"], _INDEX["given_name"], _INDEX["full_name"]
    i_status, i_code = _INDEX["status"], _INDEX["code"]
    i_type = _INDEX["ticket_type"]
    i_order, i_position = _INDEX["order"], _INDEX["position"]
    # The preset's value maps, each with a cache: the same few values repeat on every row.
    mapped: list[tuple[int, str, dict[str, str]]] = [
        (_INDEX[name], name, {}) for name in ("language", "category") if preset.values.get(name)
    ]
    status_cache: dict[str, str] = {}
    type_cache: dict[str, str] = {}
    error = errors.append

    people: dict[tuple[str, ...], _Person] = {}
    code_rows: dict[str, int] = {}
    skipped: set[str] = set()
    pending = 0
    grouped_by = dict.fromkeys((label for label, _, _ in groups), 0)
    orphans: list[tuple[int, list[str], _Ticket]] = []
    for row, cells in table.rows:
        values = list(pick(cells))
        for index, text in default_at:
            if not values[index]:
                values[index] = text
        raw = values[i_status]
        status = status_cache.get(raw)
        if status is None:
            status = status_cache[raw] = value("status", raw)
        code = values[i_code]
        if unprotect and code.startswith("'"):
            code = code[1:]
        if status == SKIP:
            pending += 1
            if code:
                skipped.add(code)
            continue
        values[i_status] = status
        for index, name, cache in mapped:
            raw = values[index]
            found = cache.get(raw)
            if found is None:
                found = cache[raw] = value(name, raw)
            values[index] = found
        raw = values[i_type]
        ticket_type = type_cache.get(raw)
        if ticket_type is None:
            ticket_type = type_cache[raw] = value("ticket_type", raw)
        if split and not values[i_family] and not values[i_given] and values[i_full]:
            values[i_family], values[i_given] = split_full_name(values[i_full])
        if not code:
            error(required(row, "code"))
            continue
        if len(code) > MAX_CODE_LENGTH * 4:
            message = f"code longer than {MAX_CODE_LENGTH * 4} characters"
            error(
                RowError(row, "code", message, Problem.CODE_TOO_LONG, {"max": MAX_CODE_LENGTH * 4})
            )
            continue
        if code in code_rows:
            message = f"the same code as row {code_rows[code]}"
            params: Params = {"first_row": code_rows[code]}
            error(RowError(row, "code", message, Problem.DUPLICATE_CODE, params))
            continue
        code_rows[code] = row
        order, position = values[i_order], values[i_position]
        ref = f"{order}-{position}" if order and position else order
        ticket = (code, ticket_type, status, ref, position)
        for label, get, fold in groups:
            parts = get(values)
            if all(parts):
                key: tuple[str, ...] = (
                    (label, *map(str.casefold, parts)) if fold else (label, *parts)
                )
                grouped_by[label] += 1
                break
        else:
            # No attendee data (an add-on such as a workshop booked with a pass): the ticket
            # goes to the first attendee of its order, once every row is read.
            if order:
                orphans.append((row, values, ticket))
                continue
            key = ("row", str(row))
        person = people.get(key)
        if person is None:
            values[i_type] = ticket_type  # one copy of each product name, not one a person
            person = people[key] = _Person(row, values)
        person.tickets.append(ticket)
    if orphans:
        _adopt(people, orphans, grouped_by)
    if errors:
        errors.sort(key=lambda e: e.row)
        return Plan(errors=errors)

    known = _known_tickets(conn, code_rows)
    owners = {code: ticket[0] for code, ticket in known.items()}
    _assign_ids(conn, list(people.values()), preset, owners)
    # Two groups that turn out to be one person known before become one.
    by_id: dict[str, _Person] = {}
    for person in people.values():
        first = by_id.get(person.rid)
        if first is None:
            by_id[person.rid] = person
        else:
            first.tickets.extend(person.tickets)

    present = _present_columns(table, defaults)
    project = itemgetter(*[_INDEX[column] for column in present])
    i_email, i_order_email = _INDEX["email"], _INDEX["order_email"]
    i_rid = _INDEX["registration_id"]
    source = preset.source
    rows: list[tuple[int, list[str]]] = []
    tickets: list[tuple[str, str, str | None, str, str | None, str]] = []
    cancelled = 0
    counted = 0
    for person in by_id.values():
        values = person.values
        held = person.tickets
        if len(held) == 1:
            first_valid = held[0] if held[0][2] != "cancelled" else None
        else:
            first_valid = next((t for t in held if t[2] != "cancelled"), None)
        values[i_status] = "registered" if first_valid else "cancelled"
        values[i_code] = (first_valid or held[0])[0]
        rid = values[i_rid] = person.rid
        if not values[i_email]:
            values[i_email] = values[i_order_email]
        cells = list(project(values))
        cells.append("")
        rows.append((person.row, cells))
        counted += len(held)
        for code, ticket_type, status, ref, _position in held:
            if status == "cancelled":
                cancelled += 1
                stored = (rid, ticket_type or None, source, ref or None, "cancelled")
            else:
                stored = (rid, ticket_type or None, source, ref or None, "valid")
            if not known or known.get(code) != stored:
                tickets.append((code, *stored))
    rows.sort()
    people_table = Table(
        table.name,
        {column: i for i, column in enumerate(present)},
        rows,
        width=len(present),
    )
    plan = plan_roster(conn, people_table, salt, keep_tickets=True)
    if plan.errors:
        return plan

    missing, missing_people = _missing(conn, preset, code_rows, skipped, by_id)
    warnings: list[str] = []
    if missing:
        ids = ", ".join(sorted(missing_people)[:MISSING_LISTED])
        more = len(missing_people) - MISSING_LISTED
        if more > 0:
            ids += f" and {more} more"
        missing_params: Params = {
            "file": table.name,
            "tickets": len(missing),
            "people": len(missing_people),
            "ids": ids,
        }
        if options.cancel_missing:
            warnings.append(
                ImportWarning(
                    f"cancelled {len(missing)} ticket(s) of {len(missing_people)} people missing "
                    f"from this complete export: {ids}",
                    Problem.CANCELLED_MISSING,
                    missing_params,
                )
            )
        else:
            warnings.append(
                ImportWarning(
                    f"{table.name} is a complete export, but {len(missing)} ticket(s) of "
                    f"{len(missing_people)} people imported before are missing from it: {ids}; "
                    "nothing was cancelled (--cancel-missing cancels them)",
                    Problem.MISSING_FROM_EXPORT,
                    missing_params,
                )
            )
    roster_write: Callable[[sqlite3.Connection], None] = plan.write
    cancel = [(code,) for code in missing] if options.cancel_missing else []
    cancel_people = [(rid,) for rid in sorted(missing_people)] if options.cancel_missing else []

    def write(conn: sqlite3.Connection) -> None:
        if is_empty(conn, "attendees"):  # a first import: indexes are built once, at the end
            with deferred_indexes(conn, ("attendees", "tickets")):
                roster_write(conn)
                tickets.sort(key=itemgetter(0))  # in key order: rows go at the end of the table
                insert_many(conn, f"INSERT INTO tickets ({_TICKET_COLUMNS})", 6, tickets)
        else:
            roster_write(conn)
            _write_tickets(conn, tickets)
        conn.executemany("UPDATE tickets SET status = 'cancelled' WHERE code = ?", cancel)
        conn.executemany(
            "UPDATE attendees SET status = 'cancelled' WHERE registration_id = ?", cancel_people
        )

    plan.write = write
    plan.warnings = [*plan.warnings, *warnings]
    plan.details = {
        "people": len(by_id),
        "tickets": counted,
        "tickets_written": len(tickets),
        "cancelled": cancelled,
        "pending_skipped": pending,
        "grouping": {
            "rule": " or ".join(" + ".join(group) for group in preset.group_by)
            + ", else the order's first attendee"
            if preset.group_by
            else "one per row",
            "tickets_by_rule": grouped_by,
            "people_with_several_tickets": sum(1 for p in by_id.values() if len(p.tickets) > 1),
        },
        "missing": {
            "tickets": len(missing),
            "people": sorted(missing_people),
            "cancelled": bool(options.cancel_missing and missing),
        },
    }
    return plan


def _adopt(
    people: dict[tuple[str, ...], _Person],
    orphans: list[tuple[int, list[str], _Ticket]],
    grouped_by: dict[str, int],
) -> None:
    """Tickets without attendee data join the first attendee of their order (or, with nobody
    else in the order, are a person of their own, who then needs a name)."""
    i_order = _INDEX["order"]
    first: dict[str, _Person] = {}
    for person in people.values():
        first.setdefault(person.values[i_order], person)
    for row, values, ticket in orphans:
        holder = first.get(values[i_order])
        if holder is None:
            holder = people[("row", str(row))] = first[values[i_order]] = _Person(row, values)
        else:
            grouped_by[_ORDER_ONLY] = grouped_by.get(_ORDER_ONLY, 0) + 1
        holder.tickets.append(ticket)


def _present_columns(table: Table, defaults: Mapping[str, str]) -> list[str]:
    """The roster columns the people's rows fill (others stay as they are in the database)."""
    filled = {column for column in FIELDS if table.has(column) or column in defaults}
    if "full_name" in filled:
        filled |= {"family_name", "given_name"}
    if "order_email" in filled:
        filled.add("email")
    filled |= {"registration_id", "status", "code", "category"}
    return [column for column in COLUMNS if column in filled]


def _known_tickets(
    conn: sqlite3.Connection, codes: Mapping[str, int]
) -> dict[str, tuple[str, str | None, str | None, str | None, str]]:
    """The tickets in the file that the database knows already: code -> (registration id,
    ticket type, source, source ref, status)."""
    found: dict[str, tuple[str, str | None, str | None, str | None, str]] = {}
    for code, rid, ticket_type, source, ref, status in conn.execute(
        "SELECT code, registration_id, ticket_type, source, source_ref, status FROM tickets"
    ):
        if code in codes:
            found[code] = (rid, ticket_type, source, ref, status)
    return found


def _assign_ids(
    conn: sqlite3.Connection, people: list[_Person], preset: Preset, owners: Mapping[str, str]
) -> None:
    """Each person's registration id: the one a known ticket of theirs has, else the preset's."""
    taken = {rid for (rid,) in conn.execute("SELECT registration_id FROM attendees")}
    fresh: list[_Person] = []
    if owners:
        for person in people:
            known = next((owners[t[0]] for t in person.tickets if t[0] in owners), None)
            if known is None:
                fresh.append(person)
            else:
                person.rid = known
    else:
        fresh = people
    i_position = _INDEX["position"]
    parts = [(_INDEX[name], _INDEX[name] == i_position) for name in preset.registration_id]
    add = taken.add
    for person in fresh:
        values = person.values
        position = person.tickets[0][4]
        texts = [position if is_position else values[i] for i, is_position in parts]
        if all(texts):
            rid = "-".join(texts)
        else:  # no position in this file: the order and the first free number in it
            stem = "-".join(text for text in texts if text)
            rid = f"{stem}-1"
            number = 1
            while rid in taken:
                number += 1
                rid = f"{stem}-{number}"
        person.rid = rid
        add(rid)


def _missing(
    conn: sqlite3.Connection,
    preset: Preset,
    codes: Mapping[str, int],
    skipped: set[str],
    people: Mapping[str, _Person],
) -> tuple[list[str], set[str]]:
    """Valid tickets of this source that a complete export no longer has, and the people they
    leave with no valid ticket (who are not in the file either)."""
    if not preset.complete:
        return [], set()
    missing: list[str] = []
    holders: dict[str, bool] = {}  # registration id -> still holds a valid ticket
    for code, rid in conn.execute(
        "SELECT code, registration_id FROM tickets WHERE source = ? AND status = 'valid'",
        (preset.source,),
    ):
        if code in codes or code in skipped:
            holders[rid] = True
        else:
            missing.append(code)
            holders.setdefault(rid, False)
    gone = {rid for rid, holds in holders.items() if not holds and rid not in people}
    return sorted(missing), gone


def _write_tickets(
    conn: sqlite3.Connection, tickets: list[tuple[str, str, str | None, str, str | None, str]]
) -> None:
    """Insert new tickets and update changed ones (a ticket may move to another person)."""
    conn.executemany(
        f"INSERT INTO tickets ({_TICKET_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET registration_id = excluded.registration_id, "
        "ticket_type = excluded.ticket_type, source = excluded.source, "
        "source_ref = excluded.source_ref, status = excluded.status",
        tickets,
    )
