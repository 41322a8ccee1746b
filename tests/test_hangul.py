"""The 2-set Hangul composer of the on-screen keyboard (kiosk.core.hangul): typing a text's jamo
one key at a time gives the text back, syllables join and split as a 2-set keyboard does, and
Backspace takes back one key."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.hangul import (
    SYLLABLE_FIRST,
    SYLLABLE_LAST,
    HangulComposer,
    compose,
    is_jamo_key,
    keystrokes,
)

syllables = st.text(
    alphabet=st.characters(min_codepoint=SYLLABLE_FIRST, max_codepoint=SYLLABLE_LAST),
    min_size=1,
    max_size=12,
)


def type_keys(keys: list[str]) -> HangulComposer:
    composer = HangulComposer()
    for key in keys:
        composer = composer.type(key)
    return composer


@given(syllables)
def test_typing_the_jamo_of_any_syllables_gives_them_back(text: str) -> None:
    keys = keystrokes(text)
    assert all(is_jamo_key(key) for key in keys)  # every key is on the keyboard
    assert compose(keys) == text
    assert type_keys(keys).text == text


@given(syllables)
def test_keystrokes_agree_with_unicode_decomposition(text: str) -> None:
    """The keys are the syllable's Unicode jamo (NFD), compounds split into their two keys."""
    conjoining = unicodedata.normalize("NFD", text)
    assert len(keystrokes(text)) >= len(conjoining)
    assert unicodedata.normalize("NFC", conjoining) == text


@given(syllables)
def test_backspace_takes_back_one_key_at_a_time(text: str) -> None:
    keys = keystrokes(text)
    composer = type_keys(keys)
    for typed in range(len(keys), 0, -1):
        assert composer.text == compose(keys[:typed])
        composer = composer.backspace()
    assert composer.empty and composer.text == ""


@pytest.mark.parametrize(
    "text, keys",
    [
        ("김", "ㄱㅣㅁ"),
        ("이", "ㅇㅣ"),
        ("박", "ㅂㅏㄱ"),
        ("최", "ㅊㅗㅣ"),  # ㅗ + ㅣ = ㅚ
        ("정", "ㅈㅓㅇ"),
        ("곽", "ㄱㅗㅏㄱ"),  # ㅗ + ㅏ = ㅘ
        ("읽", "ㅇㅣㄹㄱ"),  # ㄹ + ㄱ = ㄺ
        ("김민지", "ㄱㅣㅁㅁㅣㄴㅈㅣ"),
        ("남궁", "ㄴㅏㅁㄱㅜㅇ"),
        ("쌍", "ㅆㅏㅇ"),
    ],
)
def test_family_names(text: str, keys: str) -> None:
    assert keystrokes(text) == list(keys)
    assert compose(keys) == text


@pytest.mark.parametrize(
    "keys, text",
    [
        ("ㄱㅣㅁㅏ", "기마"),  # the final moves to the next syllable
        ("ㄷㅏㄹㄱㅏ", "달가"),  # a double final's second half moves
        ("ㄱㅏㄸ", "가ㄸ"),  # ㄸ is never a final
        ("ㄱㄴ", "ㄱㄴ"),  # consonants with no vowel stay apart
        ("ㅏㅏ", "ㅏㅏ"),
        ("ㅗㅏ", "ㅘ"),
        ("ㄱㅏ-1", "가-1"),  # other characters end the syllable
    ],
)
def test_joining_and_splitting(keys: str, text: str) -> None:
    assert compose(keys) == text


def test_backspace_removes_the_last_key_typed_not_the_syllable() -> None:
    composer = type_keys(list("ㄱㅗㅏㄱ"))
    assert composer.text == "곽"
    assert composer.backspace().text == "과"
    assert composer.backspace().backspace().text == "고"
    read = type_keys(list("ㅇㅣㄹㄱ"))
    assert read.backspace().text == "일"
