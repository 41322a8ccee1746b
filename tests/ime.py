"""A small model of a Korean 2-set (dubeolsik) IME, written independently of kiosk.core.keyboard.

It turns the keys a keyboard-wedge scanner presses into what the IME would put in a text field:
jamo composed into syllables, with a final consonant moving on when a vowel follows.
"""

from __future__ import annotations

KEYS = "qwertyuiopasdfghjklzxcvbnm"
JAMO = "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ"
JAMO_OF_KEY = dict(zip(KEYS, JAMO, strict=True))
SHIFTED = {"q": "ㅃ", "w": "ㅉ", "e": "ㄸ", "r": "ㄲ", "t": "ㅆ", "o": "ㅒ", "p": "ㅖ"}
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
VOWEL_PAIRS = {("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
               ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ"}  # fmt: skip
FINAL_PAIRS = {("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
               ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
               ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ"}  # fmt: skip
SPLIT_FINAL = {v: k for k, v in FINAL_PAIRS.items()}


def _compose(initial: str | None, medial: str | None, final: str | None) -> str:
    if initial and medial:
        index = INITIALS.index(initial) * 588 + MEDIALS.index(medial) * 28
        return chr(0xAC00 + index + FINALS.index(final or ""))
    return (initial or "") + (medial or "") + (final or "")


def type_with_ime(keys: str) -> str:
    """What a 2-set IME produces for these key presses (capitals are shifted keys)."""
    out: list[str] = []
    initial: str | None = None
    medial: str | None = None
    final: str | None = None

    def flush() -> None:
        nonlocal initial, medial, final
        out.append(_compose(initial, medial, final))
        initial = medial = final = None

    for key in keys:
        lower = key.lower()
        if lower not in JAMO_OF_KEY:
            flush()
            out.append(key)
            continue
        jamo = SHIFTED.get(lower, JAMO_OF_KEY[lower]) if key.isupper() else JAMO_OF_KEY[lower]
        is_vowel = jamo in MEDIALS
        if is_vowel:
            if final is not None:
                # The final consonant (or its second half) starts the next syllable.
                first, moved = SPLIT_FINAL.get(final, (None, final))
                final = first
                flush()
                initial, medial = moved, jamo
            elif medial is not None and (medial, jamo) in VOWEL_PAIRS and final is None:
                medial = VOWEL_PAIRS[(medial, jamo)]
            elif initial is not None and medial is None:
                medial = jamo
            else:
                flush()
                medial = jamo
        else:
            if initial is not None and medial is not None and final is None and jamo in FINALS:
                final = jamo
            elif final is not None and (final, jamo) in FINAL_PAIRS:
                final = FINAL_PAIRS[(final, jamo)]
            else:
                flush()
                initial = jamo
    flush()
    return "".join(out)
