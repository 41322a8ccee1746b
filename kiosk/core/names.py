"""How a person's name is written on screens and badges."""

from __future__ import annotations

import unicodedata

from kiosk.core.hangul import SYLLABLE_FIRST, SYLLABLE_LAST

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


# Korean family names of two syllables (nearly all have one): 남궁민 is 남궁 + 민, not 남 + 궁민.
TWO_SYLLABLE_FAMILY_NAMES = frozenset(
    {"강전", "남궁", "독고", "동방", "망절", "사공", "서문", "선우", "소봉", "어금", "장곡", "제갈"}
    | {"황목", "황보"}
)


def is_hangul_name(text: str) -> bool:
    """A name written in Hangul syllables (spaces aside)."""
    letters = unicodedata.normalize("NFC", text).replace(" ", "")
    return bool(letters) and all(SYLLABLE_FIRST <= ord(c) <= SYLLABLE_LAST for c in letters)


def local_family_name(name_local: str) -> str:
    """The family name at the start of a Korean name written in Hangul ("김민지" -> "김",
    "남궁민" -> "남궁", "김 민지" -> "김"); "" when the name is not in Hangul."""
    name = unicodedata.normalize("NFC", name_local).strip()
    if " " in name:
        first = name.split()[0]
        return first if is_hangul_name(first) else ""
    if not is_hangul_name(name) or len(name) < 2:
        return ""
    if len(name) >= 3 and name[:2] in TWO_SYLLABLE_FAMILY_NAMES:
        return name[:2]
    return name[:1]


def name_search_text(family_name: str | None, given_name: str | None, *others: str | None) -> str:
    """What a name search looks in, folded (`fold_name`): the name's parts and the other texts
    (name in its own script, registration id), and for a name in Hangul the family and given
    names also written together, both ways round (김 + 민준: 김민준; pretix's "민준 김": 민준김),
    so a search with or without the space finds the person."""
    family = (family_name or "").strip()
    given = (given_name or "").strip()
    parts = [family, given, *(x for x in others if x)]
    if family and given and (is_hangul_name(family) or is_hangul_name(given)):
        parts += [family + given, given + family]
    return fold_name(" ".join(p for p in parts if p))


def family_name_matches(typed: str, family_name: str | None, name_local: str | None) -> bool:
    """A family name typed at a kiosk look-up is the person's: a Latin one compared with the
    family name (case and accents aside); one in Hangul (김) compared, exactly, with the family
    name in Hangul (the family name field, as pretix gives it) or with the family name at the start
    of the name in the person's own script (`name_local`, 김민지)."""
    if is_hangul_name(typed):
        wanted = unicodedata.normalize("NFC", typed).replace(" ", "")
        family = unicodedata.normalize("NFC", family_name or "").replace(" ", "")
        if family and is_hangul_name(family) and family == wanted:
            return True
        return bool(name_local) and local_family_name(name_local or "") == wanted
    return bool(family_name) and fold_name(family_name or "") == fold_name(typed)


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


def _could_be_family(word: str) -> bool:
    return is_hangul_name(word) and (len(word) == 1 or word in TWO_SYLLABLE_FAMILY_NAMES)


def split_full_name(full_name: str) -> tuple[str, str]:
    """A whole name as (family name, given name), for sources that give only one name field.

    Hangul without a space is family name first ("김민준" -> 김 + 민준, "남궁민수" -> 남궁 +
    민수); Hangul with a space takes the word that can be a family name ("민준 김" and "김 민준"
    both give 김), the last word when both or neither can; a name in other scripts has its last
    word as the family name ("Jean-Luc de Santos" -> Santos + Jean-Luc de). One word alone is a
    family name when it is Hangul of two or more syllables split as above, else a given name."""
    name = " ".join(unicodedata.normalize("NFC", full_name).split())
    if not name:
        return "", ""
    words = name.split(" ")
    if len(words) == 1:
        family = local_family_name(name)
        if family:
            return family, name[len(family) :]
        return "", name
    if all(is_hangul_name(word) for word in words):
        first, last = words[0], words[-1]
        if _could_be_family(first) and not _could_be_family(last):
            return first, " ".join(words[1:])
    return words[-1], " ".join(words[:-1])
