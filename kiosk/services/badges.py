"""Badges for people: who gets one, what is printed on it, and rendering them to a PDF."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.badges.content import BadgeContent
from kiosk.badges.layouts import DEFAULT_LAYOUT, Layout, load_layout
from kiosk.badges.render import render_pdf
from kiosk.core.model import CodeStatus
from kiosk.core.names import display_name
from kiosk.errors import KioskError
from kiosk.exports import write_atomically
from kiosk.services.event import Event, load_event
from kiosk.services.identify import identify
from kiosk.services.issuing import current_code, planned_code
from kiosk.store.people import attendee_by_id, badge_holders, code_versions
from kiosk.store.settings import get_setting

Progress = Callable[[int, int], None]
DEFAULT_MAIN_LANGUAGE = "ko"


@dataclass(frozen=True)
class BadgeRun:
    pages: int
    badges: int
    path: Path
    layout: Layout


def badge_layout_name(conn: sqlite3.Connection, layout: str | None) -> str:
    """The layout asked for, else the event's setting, else the CR80 card."""
    return layout or str(get_setting(conn, "badge_layout", DEFAULT_LAYOUT))


def people_for_badges(
    conn: sqlite3.Connection,
    *,
    code: str | None = None,
    registration_id: str | None = None,
    everyone: bool = False,
) -> list[str] | None:
    """The registrations a badge command names; None means every registration not cancelled.

    A code must be a usable one: a revoked or cancelled code gets no badge.
    """
    if everyone:
        return None
    if registration_id is not None:
        person = attendee_by_id(conn, registration_id)
        if person is None:
            raise KioskError(f"no such registration: {registration_id}")
        if person.cancelled:
            raise KioskError(f"{registration_id} is cancelled: no badge is printed")
        return [registration_id]
    if code is None:
        raise KioskError("name a code, --registration REG_ID or --all")
    found = identify(conn, load_event(conn), code)
    if found.status is not CodeStatus.VALID or found.attendee is None:
        raise KioskError(f"this code cannot have a badge: {found.status.value}")
    if found.attendee.cancelled:
        raise KioskError(f"{found.attendee.registration_id} is cancelled: no badge is printed")
    return [found.attendee.registration_id]


def _receiver_languages(conn: sqlite3.Connection, main_language: str) -> set[str]:
    """Languages that some session offers by simultaneous interpretation (beyond the main one)."""
    languages: set[str] = set()
    for (text,) in conn.execute("SELECT interpretation FROM sessions WHERE interpretation != ''"):
        languages.update(x for x in str(text).split(",") if x)
    languages.discard(main_language)
    return languages


def badge_contents(
    conn: sqlite3.Connection, registration_ids: Sequence[str] | None, event: Event | None = None
) -> tuple[int, Iterator[BadgeContent]]:
    """How many badges, and their contents (read lazily, one person at a time)."""
    event = event or load_event(conn)
    receivers = receiver_languages(conn)
    ids = badge_holders(conn) if registration_ids is None else list(registration_ids)

    def contents() -> Iterator[BadgeContent]:
        for rid in ids:
            code, version = current_code(conn, rid)
            yield badge_content(conn, rid, code, version, event=event, receivers=receivers)

    return len(ids), contents()


def receiver_languages(conn: sqlite3.Connection) -> set[str]:
    """Languages into which some session interprets, besides the event's main language."""
    main_language = str(get_setting(conn, "main_language", DEFAULT_MAIN_LANGUAGE))
    return _receiver_languages(conn, main_language)


def badge_content(
    conn: sqlite3.Connection,
    registration_id: str,
    code: str,
    code_version: int,
    *,
    event: Event,
    receivers: set[str],
) -> BadgeContent:
    """What one person's badge shows: the one place the badge-privacy rule is applied."""
    row = conn.execute(
        "SELECT family_name, given_name, name_local, organization, country, category, "
        "badge_privacy, language FROM attendees WHERE registration_id = ?",
        (registration_id,),
    ).fetchone()
    if row is None:
        raise KioskError(f"no such registration: {registration_id}")
    family, given, local, organization, country, category, private, language = row
    return BadgeContent(
        registration_id=registration_id,
        name=display_name(family, given) or (local or registration_id),
        name_local=local,
        organization=None if private else organization,
        country=None if private else country,
        category=category,
        event_name=event.name,
        code=code,
        code_version=code_version,
        receiver_language=language if language in receivers else None,
    )


def preview_content(conn: sqlite3.Connection, registration_id: str) -> BadgeContent:
    """What the person's badge would show now, without writing anything (the person page's
    preview): the code is `planned_code`'s, or none (a placeholder) when none was issued yet."""
    event = load_event(conn)
    issued = code_versions(conn, [registration_id])
    if registration_id not in issued:
        raise KioskError(f"no such registration: {registration_id}")
    if issued[registration_id] == 0:
        # "Not issued yet": the preview shows where the code will go, never a code that
        # `kiosk checkin` or a door would admit (printing issues the real one).
        code, version = "", 0
    else:
        code, version = planned_code(conn, registration_id)
    return badge_content(
        conn, registration_id, code, version, event=event, receivers=receiver_languages(conn)
    )


def render_preview_pdf(conn: sqlite3.Connection, registration_id: str, pdf: Path) -> None:
    """One page with the person's badge as it would print now (one badge of a sheet layout)."""
    content = preview_content(conn, registration_id)
    layout = load_layout(badge_layout_name(conn, None))
    if layout.sheet is not None:
        layout = Layout(layout.name, layout.title, layout.design)
    render_pdf([content], 1, layout, pdf, title="Badge preview")


def render_badge_file(
    conn: sqlite3.Connection,
    registration_ids: Sequence[str] | None,
    out: Path,
    *,
    layout: str | None = None,
    progress: Progress | None = None,
) -> BadgeRun:
    """Render the badges of these people (None: everyone not cancelled) to one PDF.

    The file appears whole or not at all.
    """
    chosen = load_layout(badge_layout_name(conn, layout))
    total, contents = badge_contents(conn, registration_ids)
    if total == 0:
        raise KioskError("no badges to render: the roster has no registrations")
    if out.suffix.lower() != ".pdf":
        raise KioskError(f"{out}: badges are written as PDF (use a .pdf file name)")
    results = []

    def write(path: Path) -> None:
        results.append(render_pdf(contents, total, chosen, path, title="Badges", progress=progress))

    write_atomically(out, write)
    result = results[0]
    return BadgeRun(result.pages, result.badges, out, chosen)
