"""Composing Hangul from jamo typed one key at a time, as a 2-set (dubeolsik) keyboard does. No Qt.

The kiosk's on-screen keyboard has one key per compatibility jamo (ㄱ..ㅎ, ㅏ..ㅣ, and the
doubled ㄲ ㄸ ㅃ ㅆ ㅉ and ㅒ ㅖ a physical keyboard types with Shift).
`compose` turns the keys pressed into text the way the standard 2-set input method does:

* a consonant then a vowel make a syllable (ㄱ ㅣ → 기); a consonant after it becomes the final
  (기 ㅁ → 김), and two finals that go together make a double final (갈 ㄱ → 갉);
* two vowels that go together make a compound vowel (ㄱ ㅗ ㅏ → 과);
* a vowel after a final takes that final (or the second half of a double final) as its initial
  (김 ㅏ → 기마, 갉 ㅏ → 갈가);
* anything else starts a new syllable; a consonant or vowel that has nothing to join stays a
  lone jamo (ㄱ ㄴ → ㄱㄴ).

`HangulComposer` keeps the keys of one run of typing, so that Backspace removes the last key
typed (과 → 고, 닭 → 달), not a whole syllable. `keystrokes` goes the other way: the keys that
type a text (used by the tests and to replay text into a composer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# The jamo that have a key of their own on a 2-set keyboard (with Shift for the doubled ones).
CONSONANT_KEYS = INITIALS
VOWEL_KEYS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ"

COMPOUND_VOWELS: dict[tuple[str, str], str] = {
    ("ㅗ", "ㅏ"): "ㅘ",
    ("ㅗ", "ㅐ"): "ㅙ",
    ("ㅗ", "ㅣ"): "ㅚ",
    ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ",
    ("ㅜ", "ㅣ"): "ㅟ",
    ("ㅡ", "ㅣ"): "ㅢ",
}
DOUBLE_FINALS: dict[tuple[str, str], str] = {
    ("ㄱ", "ㅅ"): "ㄳ",
    ("ㄴ", "ㅈ"): "ㄵ",
    ("ㄴ", "ㅎ"): "ㄶ",
    ("ㄹ", "ㄱ"): "ㄺ",
    ("ㄹ", "ㅁ"): "ㄻ",
    ("ㄹ", "ㅂ"): "ㄼ",
    ("ㄹ", "ㅅ"): "ㄽ",
    ("ㄹ", "ㅌ"): "ㄾ",
    ("ㄹ", "ㅍ"): "ㄿ",
    ("ㄹ", "ㅎ"): "ㅀ",
    ("ㅂ", "ㅅ"): "ㅄ",
}
_SPLIT: dict[str, tuple[str, str]] = {
    joined: parts for parts, joined in (*COMPOUND_VOWELS.items(), *DOUBLE_FINALS.items())
}
SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3


def is_consonant(jamo: str) -> bool:
    """A consonant key (ㄱ..ㅎ, including the doubled ones)."""
    return len(jamo) == 1 and jamo in CONSONANT_KEYS


def is_vowel(jamo: str) -> bool:
    """A vowel key (ㅏ..ㅣ, including ㅒ ㅖ)."""
    return len(jamo) == 1 and jamo in VOWEL_KEYS


def is_jamo_key(char: str) -> bool:
    """A key the composer takes: a consonant or a vowel of the 2-set layout."""
    return is_consonant(char) or is_vowel(char)


def syllable(initial: str, medial: str, final: str = "") -> str:
    """The precomposed syllable of an initial, a medial and an optional final (all given as
    compatibility jamo)."""
    index = (INITIALS.index(initial) * len(MEDIALS) + MEDIALS.index(medial)) * len(FINALS)
    return chr(SYLLABLE_FIRST + index + FINALS.index(final))


@dataclass
class _Block:
    """The syllable being built: its initial, its vowel keys (1-2) and its final keys (0-2)."""

    initial: str = ""
    vowels: tuple[str, ...] = ()
    finals: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.initial or self.vowels)

    def medial(self) -> str:
        if len(self.vowels) == 2:
            return COMPOUND_VOWELS[(self.vowels[0], self.vowels[1])]
        return self.vowels[0] if self.vowels else ""

    def final(self) -> str:
        if len(self.finals) == 2:
            return DOUBLE_FINALS[(self.finals[0], self.finals[1])]
        return self.finals[0] if self.finals else ""

    def text(self) -> str:
        if self.initial and self.vowels:
            return syllable(self.initial, self.medial(), self.final())
        return self.initial or self.medial()


def compose(keys: Iterable[str]) -> str:
    """The text a 2-set keyboard shows after these keys, one jamo per key.

    Characters that are not jamo keys (letters, digits, spaces) pass through and end the
    syllable being built."""
    out: list[str] = []
    block = _Block()

    def flush(next_block: _Block | None = None) -> _Block:
        if not block.empty:
            out.append(block.text())
        return next_block or _Block()

    for key in keys:
        if is_consonant(key):
            if block.initial and block.vowels:
                if not block.finals:
                    if key in FINALS:  # ㄸ ㅃ ㅉ are never finals
                        block.finals = (key,)
                        continue
                elif len(block.finals) == 1 and (block.finals[0], key) in DOUBLE_FINALS:
                    block.finals = (block.finals[0], key)
                    continue
            block = flush(_Block(initial=key))
        elif is_vowel(key):
            if block.finals:
                # The final (or a double final's second half) begins the next syllable.
                *kept, moved = block.finals
                block.finals = tuple(kept)
                block = flush(_Block(initial=moved, vowels=(key,)))
            elif block.vowels:
                if len(block.vowels) == 1 and (block.vowels[0], key) in COMPOUND_VOWELS:
                    block.vowels = (block.vowels[0], key)
                else:
                    block = flush(_Block(vowels=(key,)))
            elif block.initial:
                block.vowels = (key,)
            else:
                block = _Block(vowels=(key,))
        else:
            block = flush()
            out.append(key)
    flush()
    return "".join(out)


def _jamo_keys(jamo: str) -> list[str]:
    if jamo in _SPLIT:
        return list(_SPLIT[jamo])
    return [jamo]


def keystrokes(text: str) -> list[str]:
    """The keys that type `text` on a 2-set keyboard: each syllable split into its jamo, and
    compound vowels and double finals into their two keys. Other characters stay as they are."""
    keys: list[str] = []
    for char in text:
        code = ord(char)
        if SYLLABLE_FIRST <= code <= SYLLABLE_LAST:
            index = code - SYLLABLE_FIRST
            initial, rest = divmod(index, len(MEDIALS) * len(FINALS))
            medial, final = divmod(rest, len(FINALS))
            keys.append(INITIALS[initial])
            keys += _jamo_keys(MEDIALS[medial])
            if final:
                keys += _jamo_keys(FINALS[final])
        else:
            keys += _jamo_keys(char)
    return keys


@dataclass(frozen=True)
class HangulComposer:
    """One run of jamo typed into a field: the keys, and the text they make."""

    keys: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return compose(self.keys)

    def type(self, jamo: str) -> HangulComposer:
        """This run with one more key."""
        return HangulComposer((*self.keys, jamo))

    def backspace(self) -> HangulComposer:
        """This run without the last key typed."""
        return HangulComposer(self.keys[:-1])

    @property
    def empty(self) -> bool:
        return not self.keys
