"""What is printed on one badge, and nothing more (no e-mail, no accessibility needs)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BadgeContent:
    """The printable facts of one badge; organisation and country are None under badge privacy."""

    registration_id: str
    name: str
    name_local: str | None
    organization: str | None
    country: str | None
    category: str
    event_name: str
    code: str
    code_version: int
    receiver_language: str | None = None  # interpretation receiver needed, into this language
