"""Signed codes: what a badge carries survives scanners, Caps Lock and a Korean IME, and any
forgery or alteration is refused."""

from __future__ import annotations

import base64

import pytest
import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from ime import type_with_ime
from kiosk.core import keys
from kiosk.core.codes import (
    MAX_CODE_LENGTH,
    REGISTRATION_ID_RE,
    event_tag,
    issue_code,
    parse_code,
    signature_valid,
)
from kiosk.core.keyboard import caps_lock_undone, keys_typed, typed_spellings

EVENT = "0b7e3c1e-5d0f-4c4e-9b7a-3f1f2d9f8a10"
KEY = keys.new_private_key()
OTHER_KEY = keys.new_private_key()


def accepted(text: str, key=KEY, event: str = EVENT) -> str | None:
    """The registration id a door would accept for this text, or None."""
    claim = parse_code(text)
    if claim is None or not signature_valid(claim, key.public_key(), event_tag(event)):
        return None
    return claim.registration_id


# Known answers: a fixed key (Ed25519 signatures are deterministic) gives exactly these texts.
# Every badge already printed carries such a text: if one of these changes, every printed badge
# and every e-mailed code would be refused at the doors.
FIXED_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KNOWN_CODES = {
    ("R-0001", 3): (
        "AHXNVPY6AABVELJQGAYDCHI3SGKBFWS3VGNPJR6HNDRO6UB222ET2EAIJS2M3IWT2YHZBJDZLPEW23VBTOUEMYH"
        "PN63RQOL7EWD4KIZ3FBMKATAEPYCAWU6BVQAA"
    ),
    ("A", 0): (
        "AHXNVPY6AAAED3TPP7ODXMYLJVIUTVNETVM2YTZQKDI6D357ORPT4S6DXT3U3GVDHP3RNFHRUCFIHS2UIVUD7KT"
        "IW4PCKHFMLVPPYN2Y4M4O4FKSOIFQ"
    ),
}


@pytest.mark.parametrize(("registration_id", "version"), sorted(KNOWN_CODES))
def test_a_fixed_key_gives_the_known_code_text(registration_id: str, version: int) -> None:
    known = KNOWN_CODES[(registration_id, version)]
    assert issue_code(FIXED_KEY, EVENT, registration_id, version) == known
    assert accepted(known, FIXED_KEY) == registration_id
    # The layout inside: format byte 1, the event's 4-byte tag, the counter, the id, a signature.
    raw = base64.b32decode(known + "=" * (-len(known) % 8))
    assert raw[0] == 0x01
    assert raw[1:5] == bytes.fromhex("eedabf1e") == event_tag(EVENT)
    assert int.from_bytes(raw[5:7], "big") == version
    assert raw[7:-64] == registration_id.encode()
    claim = parse_code(known)
    assert claim is not None and (claim.registration_id, claim.version) == (
        registration_id,
        version,
    )


@settings(max_examples=60, deadline=None)
@given(
    registration_id=st.from_regex(REGISTRATION_ID_RE, fullmatch=True),
    version=st.integers(0, 0xFFFF),
)
def test_every_usable_id_and_counter_round_trips(registration_id: str, version: int) -> None:
    code = issue_code(KEY, EVENT, registration_id, version)
    assert len(code) <= MAX_CODE_LENGTH
    claim = parse_code(code)
    assert claim is not None
    assert (claim.registration_id, claim.version) == (registration_id, version)
    assert signature_valid(claim, KEY.public_key(), event_tag(EVENT))


@pytest.mark.parametrize("length", [1, 2, 63, 64])
def test_ids_of_one_to_sixty_four_characters_round_trip(length: int) -> None:
    registration_id = ("R-9" * 30)[:length]
    assert accepted(issue_code(KEY, EVENT, registration_id, 0)) == registration_id


@pytest.mark.parametrize("registration_id", ["", "A" * 65, "R 1", "R/1", "김", "R-1\n"])
def test_an_unusable_id_gets_no_code(registration_id: str) -> None:
    with pytest.raises(ValueError, match=r"^registration id not usable in a code: "):
        issue_code(KEY, EVENT, registration_id, 0)


@pytest.mark.parametrize("version", [-1, 0x10000])
def test_a_counter_out_of_range_gets_no_code(version: int) -> None:
    with pytest.raises(ValueError, match=r"^reissue counter out of range$"):
        issue_code(KEY, EVENT, "R-1", version)


def test_scanner_padding_up_to_the_limit_is_read_and_beyond_it_nothing_is():
    """Text is bounded before any work: up to four times the longest code (a scanner's or a
    keyboard's padding around a code) is read, one character more is refused unread."""
    code = issue_code(KEY, EVENT, "R-0001", 1)
    limit = MAX_CODE_LENGTH * 4
    padded = " " * (limit - len(code)) + code
    assert len(padded) == limit and accepted(padded) == "R-0001"
    assert parse_code(" " + padded) is None


def test_a_well_formed_text_is_read_and_only_its_signature_refuses_it():
    """Parsing takes any text in the code format (even one no key signed, ending in a letter a
    real signature never ends with); the signature check is what refuses it."""
    raw = bytearray(base64.b32decode(issue_code(KEY, EVENT, "R001", 1)))  # 75 bytes: no padding
    raw[-1] = 0x17  # the last five bits spell "X"
    forged = base64.b32encode(bytes(raw)).decode().rstrip("=")
    assert forged.endswith("X")
    claim = parse_code(forged)
    assert claim is not None and claim.registration_id == "R001"
    assert not signature_valid(claim, KEY.public_key(), event_tag(EVENT))


def test_a_code_names_its_registration_and_nothing_personal():
    code = issue_code(KEY, EVENT, "R-0001", 1)
    assert accepted(code) == "R-0001"
    raw = base64.b32decode(code + "=" * (-len(code) % 8))
    assert b"R-0001" in raw
    assert code.isupper() and code.isalnum()


@pytest.mark.parametrize("registration_id", ["R-0001", "X_1", "A" * 64])
def test_a_code_fits_qr_version_10_at_error_correction_m(registration_id):
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    qr.add_data(issue_code(KEY, EVENT, registration_id, 65535))
    qr.make(fit=True)
    assert qr.version <= 10


def test_caps_lock_and_lower_case_read_the_same():
    code = issue_code(KEY, EVENT, "R-0002", 3)
    assert accepted(code.lower()) == "R-0002"
    assert accepted(code.swapcase()) == "R-0002"


@pytest.mark.parametrize("shifted", [False, True])
def test_a_code_typed_through_a_korean_ime_is_mapped_back(shifted):
    code = issue_code(KEY, EVENT, "X-0101", 1)
    typed = type_with_ime(code if shifted else code.lower())
    assert any("\uac00" <= ch <= "\ud7a3" for ch in typed), "the IME should compose syllables"
    assert accepted(typed) == "X-0101"


def test_loose_jamo_are_mapped_back():
    assert keys_typed("ㅁㄴㅇㄹ1ㅘ") == "asdf1hk"


def test_scanner_suffixes_are_ignored():
    code = issue_code(KEY, EVENT, "R-0003", 1)
    assert accepted(code + "\r\n") == "R-0003"
    assert accepted("\t" + code + " ") == "R-0003"


def test_another_keys_code_is_refused():
    assert accepted(issue_code(OTHER_KEY, EVENT, "R-0001", 1)) is None


def test_another_events_code_is_refused():
    assert accepted(issue_code(KEY, "some-other-event", "R-0001", 1)) is None


def test_every_single_character_change_is_refused():
    code = issue_code(KEY, EVENT, "R-0001", 1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for position, original in enumerate(code):
        for replacement in alphabet:
            if replacement == original:
                continue
            altered = code[:position] + replacement + code[position + 1 :]
            assert accepted(altered) is None, (position, replacement)


def test_every_truncation_and_extension_is_refused():
    code = issue_code(KEY, EVENT, "R-0001", 1)
    for length in range(len(code)):
        assert accepted(code[:length]) is None, length
    for extra in "A27":
        assert accepted(code + extra) is None


def test_a_forged_code_with_a_made_up_signature_is_refused():
    genuine = issue_code(KEY, EVENT, "R-0001", 1)
    raw = base64.b32decode(genuine + "=" * (-len(genuine) % 8))
    forged_raw = raw.replace(b"R-0001", b"R-0002")
    forged = base64.b32encode(forged_raw).decode().rstrip("=")
    assert parse_code(forged) is not None
    assert accepted(forged) is None


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_text_is_refused_without_a_crash(text):
    assert accepted(text) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=300))
def test_random_bytes_as_base32_are_refused(data):
    assert accepted(base64.b32encode(data).decode().rstrip("=")) is None


# Codes from other systems: pretix secrets are small letters and digits; its signed tickets start
# with `=` and keep both cases.
pretix_secrets = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=8, max_size=40)
signed_secrets = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_",
    min_size=8,
    max_size=40,
).map(lambda text: "=" + text)


@given(pretix_secrets)
def test_a_lower_case_ticket_is_among_the_spellings_of_its_caps_lock_and_ime_forms(secret):
    assert typed_spellings(secret)[0] == secret  # the code as scanned is tried first
    assert secret in typed_spellings(secret.upper())
    assert secret in typed_spellings(type_with_ime(secret))


@given(signed_secrets)
def test_caps_lock_is_undone_exactly_and_case_is_otherwise_kept(secret):
    assert caps_lock_undone(caps_lock_undone(secret)) == secret
    assert secret in typed_spellings(caps_lock_undone(secret))
    assert typed_spellings(secret)[0] == secret
