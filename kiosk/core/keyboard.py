"""Undo what a Korean 2-set (dubeolsik) IME does to a code typed by a keyboard-wedge scanner.

A scanner "types" the code's letters; with the Korean IME active, the letters arrive as loose jamo
or composed syllables. Each jamo stands for exactly one key, so decomposing syllables and mapping
jamo back to keys recovers the typed letters (case is lost, which the code alphabet ignores).
"""

from __future__ import annotations

# Compatibility jamo (U+3131..) typed by each key of the 2-set layout; shifted keys give the
# doubled consonants and ㅒ ㅖ.
_KEY_OF_JAMO: dict[str, str] = {
    "ㅂ": "q", "ㅃ": "q", "ㅈ": "w", "ㅉ": "w", "ㄷ": "e", "ㄸ": "e", "ㄱ": "r", "ㄲ": "r",
    "ㅅ": "t", "ㅆ": "t", "ㅛ": "y", "ㅕ": "u", "ㅑ": "i", "ㅐ": "o", "ㅒ": "o", "ㅔ": "p",
    "ㅖ": "p", "ㅁ": "a", "ㄴ": "s", "ㅇ": "d", "ㄹ": "f", "ㅎ": "g", "ㅗ": "h", "ㅓ": "j",
    "ㅏ": "k", "ㅣ": "l", "ㅋ": "z", "ㅌ": "x", "ㅊ": "c", "ㅍ": "v", "ㅠ": "b", "ㅜ": "n",
    "ㅡ": "m",
}  # fmt: skip
# Jamo the IME composes from two keys.
_COMPOUND: dict[str, str] = {
    "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ", "ㅘ": "ㅗㅏ",
    "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
}  # fmt: skip
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
_SYLLABLE_BASE = 0xAC00
_SYLLABLE_LAST = 0xD7A3


def _jamo_keys(jamo: str) -> str:
    parts = _COMPOUND.get(jamo, jamo)
    return "".join(_KEY_OF_JAMO[p] for p in parts)


def _syllable_keys(char: str) -> str:
    index = ord(char) - _SYLLABLE_BASE
    initial, rest = divmod(index, 21 * 28)
    medial, final = divmod(rest, 28)
    jamo = _INITIALS[initial] + _MEDIALS[medial] + _FINALS[final]
    return "".join(_jamo_keys(j) for j in jamo)


def keys_typed(text: str) -> str:
    """Map Hangul produced by a 2-set IME back to the Latin keys that were pressed.

    Characters that are not Hangul pass through unchanged.
    """
    if text.isascii():
        return text
    out: list[str] = []
    for char in text:
        if _SYLLABLE_BASE <= ord(char) <= _SYLLABLE_LAST:
            out.append(_syllable_keys(char))
        elif char in _KEY_OF_JAMO or char in _COMPOUND:
            out.append(_jamo_keys(char))
        else:
            out.append(char)
    return "".join(out)


_CAPS_LOCK = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)


def caps_lock_undone(text: str) -> str:
    """The text a keyboard-wedge scanner meant while Caps Lock was on: Caps Lock swaps the case
    of the Latin letters it types (the scanner's Shift for a capital then gives a small letter)
    and leaves digits and signs alone."""
    return text.translate(_CAPS_LOCK)


def typed_spellings(text: str) -> tuple[str, ...]:
    """The spellings a code may have had before a keyboard-wedge scanner typed it, the text as
    scanned first: Caps Lock undone, and the Korean 2-set IME undone (whose keys carry no case,
    so the small and the capital spelling of the keys). The same rule serves this product's own
    codes (`codes.normalise`, whose alphabet ignores case) and codes from other systems, where
    the caller keeps only a spelling that exists: a code with both small and capital letters
    typed through the IME cannot be recovered, and is not guessed at."""
    keys = keys_typed(text)
    return tuple(dict.fromkeys((text, caps_lock_undone(text), keys, keys.lower(), keys.upper())))
