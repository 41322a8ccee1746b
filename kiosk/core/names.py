"""How a person's name is written on screens and badges."""

from __future__ import annotations

import unicodedata

# Latin letters with a stroke or a ligature: Unicode gives them no decomposition, so removing
# accents leaves them as they are. A person typing on a plain keyboard writes the base letters.
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "ŧ": "t",
        "ƀ": "b",
        "ƶ": "z",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)


def fold_name(text: str) -> str:
    """A name in the form used to match it: case and accents gone, letters with a stroke as
    their base letter (García, Łódź, Øslo and Đặng match Garcia, Lodz, Oslo and Dang).
    Hangul syllables come apart into their jamo, on both sides of a match alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_UNDECOMPOSED)


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
