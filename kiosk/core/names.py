"""How a person's name is written on screens and badges."""

from __future__ import annotations

import unicodedata


def _is_hangul(text: str) -> bool:
    return any("HANGUL" in unicodedata.name(ch, "") for ch in text)


def display_name(family_name: str | None, given_name: str | None) -> str:
    """Family name first: in capitals for Latin script (`AN Jean`), joined for Hangul (`김민지`)."""
    family = (family_name or "").strip()
    given = (given_name or "").strip()
    if family and given and _is_hangul(family) and _is_hangul(given):
        return family + given
    parts = [family.upper() if family else "", given]
    return " ".join(p for p in parts if p)
