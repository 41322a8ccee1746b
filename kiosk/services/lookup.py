"""Finding people without a code: by name for door staff, by two facts at a self-service kiosk.

The kiosk look-up never lists names: it answers with one person or with nobody, and the same
"not found" whatever fact was wrong, so it reveals nothing about who is registered.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.names import display_name, family_name_matches, fold_name, name_search_text
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
        haystack = name_search_text(family, given, local, rid)
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
    with the e-mail address (matched against the stored salted hash). A family name typed in
    Hangul (김) is matched against a family name in Hangul, or the one at the start of the name in
    the person's own script (`name_local`, 김민지), as strictly as a Latin one
    (`names.family_name_matches`).
    """
    typed = (family_name or "").strip()
    if not typed:
        return None
    if registration_id:
        rows = conn.execute(
            "SELECT registration_id, family_name, name_local FROM attendees "
            "WHERE registration_id = ?",
            (registration_id.strip(),),
        ).fetchall()
    elif email:
        hashed = email_hash(load_event(conn).email_salt, email)
        rows = conn.execute(
            "SELECT registration_id, family_name, name_local FROM attendees WHERE email_hash = ?",
            (hashed,),
        ).fetchall()
    else:
        return None
    for rid, stored_family, name_local in rows:
        if family_name_matches(typed, stored_family, name_local):
            return str(rid)
    return None
