"""Finding people without a code: by name for door staff, by two facts at a self-service kiosk.

The kiosk look-up never lists names: it answers with one person or with nobody, and the same
"not found" whatever fact was wrong, so it reveals nothing about who is registered.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.names import display_name, fold_name
from kiosk.core.privacy import email_hash
from kiosk.services.event import load_event


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """What door staff see in a name search: enough to recognise the person, no more."""

    registration_id: str
    name: str
    name_local: str | None
    organization: str | None
    category: str
    status: str


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching names (Garcia finds García, Lodz Łódź)."""
    return fold_name(text)


def search_by_name(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[PersonMatch]:
    """People whose name (any script) contains every word of the query; for door staff only."""
    words = [_fold(word) for word in query.split() if word.strip()]
    if not words or sum(len(w) for w in words) < 2:
        return []
    matches: list[PersonMatch] = []
    rows = conn.execute(
        "SELECT registration_id, family_name, given_name, name_local, organization, category, "
        "status, badge_privacy FROM attendees ORDER BY family_name, given_name, registration_id"
    )
    for rid, family, given, local, organization, category, status, private in rows:
        haystack = _fold(" ".join(x for x in (family, given, local, rid) if x))
        if all(word in haystack for word in words):
            matches.append(
                PersonMatch(
                    rid,
                    display_name(family, given),
                    local,
                    None if private else organization,
                    category,
                    status,
                )
            )
            if len(matches) >= limit:
                break
    return matches


def find_self(
    conn: sqlite3.Connection,
    *,
    registration_id: str | None = None,
    family_name: str | None = None,
    email: str | None = None,
) -> str | None:
    """The registration an attendee identifies with two facts, or None.

    Either the registration id together with the family name, or the family name together
    with the e-mail address (matched against the stored salted hash).
    """
    family = _fold(family_name or "").strip()
    if not family:
        return None
    if registration_id:
        row = conn.execute(
            "SELECT registration_id, family_name FROM attendees WHERE registration_id = ?",
            (registration_id.strip(),),
        ).fetchone()
        if row is not None and _fold(row[1] or "") == family:
            return str(row[0])
        return None
    if email:
        hashed = email_hash(load_event(conn).email_salt, email)
        for rid, stored_family in conn.execute(
            "SELECT registration_id, family_name FROM attendees WHERE email_hash = ?", (hashed,)
        ):
            if _fold(stored_family or "") == family:
                return str(rid)
    return None
