"""Signed QR codes: what a badge or confirmation e-mail carries.

A code holds a format byte, a short tag of the event, the reissue counter and the registration id,
signed with the organiser's Ed25519 key. Nothing personal is inside. The text is RFC 4648 Base32
(capital letters and digits 2-7), which a QR code stores in its compact alphanumeric mode, which
survives Caps Lock, and which `keyboard.keys_typed` recovers from a Korean IME.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.keyboard import keys_typed

FORMAT_BYTE = 0x01
_HEADER = struct.Struct(">B4sH")  # format, event tag, reissue counter
_SIGNATURE_LEN = 64
_SIGNING_CONTEXT = b"kiosk-code-v1\x00"
REGISTRATION_ID_RE = re.compile(r"\A[A-Za-z0-9_-]{1,64}\Z")  # \Z: no trailing newline
_BASE32_RE = re.compile(r"^[A-Z2-7]+$")
# Longest code text accepted before any decoding work (QR version 10-M holds 311 alphanumerics).
MAX_CODE_LENGTH = 311


@dataclass(frozen=True, slots=True)
class CodeClaim:
    """What a well-formed code claims, before or after its signature is checked."""

    event_tag: bytes
    registration_id: str
    version: int
    body: bytes
    signature: bytes


def event_tag(event_id: str) -> bytes:
    """The four bytes that bind a code to one event."""
    return hashlib.sha256(event_id.encode()).digest()[:4]


def normalise(text: str) -> str:
    """The code as the issuer wrote it: IME output undone, capitals, surrounding space gone."""
    return keys_typed(text.strip()).upper()


def issue_code(
    private_key: Ed25519PrivateKey, event_id: str, registration_id: str, version: int
) -> str:
    """Sign a code for one registration at one reissue counter."""
    if not REGISTRATION_ID_RE.match(registration_id):
        raise ValueError(f"registration id not usable in a code: {registration_id!r}")
    if not 0 <= version <= 0xFFFF:
        raise ValueError("reissue counter out of range")
    body = _HEADER.pack(FORMAT_BYTE, event_tag(event_id), version) + registration_id.encode()
    signature = private_key.sign(_SIGNING_CONTEXT + body)
    return base64.b32encode(body + signature).decode().rstrip("=")


def parse_code(text: str) -> CodeClaim | None:
    """Read a code's claims, or None when it is not a well-formed code of this product.

    Only the canonical spelling is accepted: a Base32 text whose unused trailing bits are not
    zero would otherwise decode to the same bytes as the genuine code.
    """
    if len(text) > MAX_CODE_LENGTH * 4:
        return None
    candidate = normalise(text)
    if len(candidate) > MAX_CODE_LENGTH or not _BASE32_RE.match(candidate):
        return None
    padded = candidate + "=" * (-len(candidate) % 8)
    try:
        raw = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        return None
    if base64.b32encode(raw).decode().rstrip("=") != candidate:
        return None
    if len(raw) < _HEADER.size + 1 + _SIGNATURE_LEN:
        return None
    body, signature = raw[:-_SIGNATURE_LEN], raw[-_SIGNATURE_LEN:]
    fmt, tag, version = _HEADER.unpack_from(body)
    if fmt != FORMAT_BYTE:
        return None
    try:
        registration_id = body[_HEADER.size :].decode("ascii")
    except UnicodeDecodeError:
        return None
    if not REGISTRATION_ID_RE.match(registration_id):
        return None
    return CodeClaim(tag, registration_id, version, body, signature)


def signature_valid(claim: CodeClaim, public_key: Ed25519PublicKey, tag: bytes) -> bool:
    """True when the claim was signed by this key for this event."""
    if claim.event_tag != tag:
        return False
    try:
        public_key.verify(claim.signature, _SIGNING_CONTEXT + claim.body)
    except InvalidSignature:
        return False
    return True
