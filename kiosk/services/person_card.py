"""What the kiosk reads about the one person at it: no Qt, one small query each.

Only the person who identified themselves is ever read, and only what the confirm page shows:
name and affiliation. A person who asked for badge privacy has no affiliation here either.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.names import display_name


@dataclass(frozen=True, slots=True)
class PersonCard:
    """The confirm page's facts about the person at the kiosk."""

    registration_id: str
    name: str
    name_local: str | None
    affiliation: str | None  # None for badge-privacy people and people without one
    language: str | None


def person_card(conn: sqlite3.Connection, registration_id: str) -> PersonCard | None:
    """Name and affiliation to confirm (organisation left out under badge privacy), or None."""
    row = conn.execute(
        "SELECT family_name, given_name, name_local, organization, badge_privacy, language "
        "FROM attendees WHERE registration_id = ?",
        (registration_id,),
    ).fetchone()
    if row is None:
        return None
    family, given, local, organization, private, language = row
    name = display_name(family, given) or (local or "")
    local_name = (local or "").strip() or None
    if local_name == name:
        local_name = None
    affiliation = None if private else ((organization or "").strip() or None)
    return PersonCard(registration_id, name, local_name, affiliation, language)


def has_printed_badge(conn: sqlite3.Connection, registration_id: str) -> bool:
    """Whether a badge of this person has already come out of a printer (kiosk or desk)."""
    row = conn.execute(
        "SELECT 1 FROM badge_prints WHERE registration_id = ? AND status = 'printed' LIMIT 1",
        (registration_id,),
    ).fetchone()
    return row is not None
