"""Event and device settings an organiser may change, each checked before it is stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk.core.model import CATEGORIES
from kiosk.errors import KioskError
from kiosk.store.database import transaction
from kiosk.store.settings import all_settings, put_setting


def _minutes(text: str) -> int:
    if not text.strip().isdigit() or not 0 <= int(text) <= 240:
        raise KioskError("door_opens_minutes must be a whole number of minutes, 0 to 240")
    return int(text)


def _categories(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown or not chosen:
        raise KioskError(f"staff_categories: comma-separated, from {', '.join(CATEGORIES)}")
    return chosen


def _layout(text: str) -> str:
    from kiosk.badges.layouts import load_layout

    return load_layout(text.strip()).name


def _language(text: str) -> str:
    if text not in ("ko", "en"):
        raise KioskError("main_language must be ko or en")
    return text


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value not in ("yes", "no", "true", "false", "on", "off"):
        raise KioskError("the value must be yes or no")
    return value in ("yes", "true", "on")


def _text(text: str) -> str:
    if not text.strip():
        raise KioskError("the value must not be empty")
    return text.strip()


EDITABLE: dict[str, Callable[[str], Any]] = {
    "door_opens_minutes": _minutes,
    "staff_categories": _categories,
    "badge_layout": _layout,
    "main_language": _language,
    "event_name": _text,
    "device": _text,
    # The kiosk's voice guidance goes to a headphone socket, not a loudspeaker: only then may
    # it read out the name on the confirm page.
    "voice_headphones": _yes_no,
    # Where this kiosk stands ("Lobby", "3F East"): said with its staff calls on the
    # organisers' screen.
    "location_label": _text,
}
# Shown by `kiosk setting`; secrets (PIN hash, salts) and keys are never printed.
VISIBLE = (
    "event_id",
    "event_name",
    "timezone",
    "device",
    *[key for key in EDITABLE if key not in ("event_name", "device")],
    "printer",
)


def change_setting(conn: sqlite3.Connection, key: str, text: str) -> Any:
    """Check and store one setting; returns the stored value."""
    if key not in EDITABLE:
        raise KioskError(f"unknown setting {key!r}; one of {', '.join(EDITABLE)}")
    value = EDITABLE[key](text)
    with transaction(conn):
        put_setting(conn, key, value)
    return value


def visible_settings(conn: sqlite3.Connection) -> dict[str, Any]:
    """The settings an organiser may see (no secrets)."""
    stored = all_settings(conn)
    return {key: stored.get(key) for key in VISIBLE}
