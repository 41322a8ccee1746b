"""The bundle file: what travels between the organiser and the devices, on a USB stick or the LAN.

Layout (all of it covered by one Ed25519 signature, so any changed byte is refused):

    magic        8 bytes   b"KIOSKBN1"
    header_len   4 bytes   big-endian length of the header
    header       JSON      canonical (sorted keys, no spaces), UTF-8
    payload      bytes     zlib-compressed JSON, AES-256-GCM encrypted when a passphrase is given
    signature    64 bytes  Ed25519 over b"kiosk-bundle-v1\\0" + everything before it

The header says what the bundle is (`kind`: roster or events), for which event (`event_id`), who
signed it (`signer`: the raw public key in hex, `device`: the signer's device name), when
(`created_ms`), the roster `version`, how many `records`, and exactly how many payload bytes follow
(`payload_bytes`), so a truncated file is told apart from an altered one. With a passphrase the
header carries the scrypt salt and parameters and the GCM nonce; the header is the GCM associated
data, so the key material cannot be swapped either.

Reading checks the structure and the signature against the key the header names; whether that key
is trusted (the organiser's, a pinned device's) is the caller's decision, made next.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.core import keys
from kiosk.errors import KioskError

MAGIC = b"KIOSKBN1"
FORMAT = 1
KINDS = ("roster", "events")
SIGNATURE_LEN = 64
_LEN = struct.Struct(">I")
_PREFIX = len(MAGIC) + _LEN.size
_SIGNING_CONTEXT = b"kiosk-bundle-v1\x00"
MAX_HEADER_BYTES = 64 * 1024
# scrypt: 32 MiB of memory and about a tenth of a second per try on a laptop.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 128 * 1024 * 1024
COMPRESSION_LEVEL = 3


class BundleError(KioskError):
    """A bundle that must not be applied: damaged, truncated, altered, foreign or stale."""


@dataclass(frozen=True)
class Bundle:
    """A structurally sound bundle whose signature matches the key its header names."""

    header: dict[str, Any]
    body: bytes
    size: int
    _aad: bytes = field(repr=False)

    @property
    def kind(self) -> str:
        return str(self.header["kind"])

    @property
    def event_id(self) -> str:
        return str(self.header["event_id"])

    @property
    def signer(self) -> bytes:
        return bytes.fromhex(self.header["signer"])

    @property
    def signer_fingerprint(self) -> str:
        return keys.fingerprint(self.signer)

    @property
    def device(self) -> str:
        return str(self.header["device"])

    @property
    def version(self) -> int:
        return int(self.header.get("version") or 0)

    @property
    def created_ms(self) -> int:
        return int(self.header["created_ms"])

    @property
    def records(self) -> int:
        return int(self.header.get("records") or 0)

    @property
    def encrypted(self) -> bool:
        return self.header.get("encryption") is not None

    def payload(self, passphrase: str | None = None) -> Any:
        """The decrypted, decompressed JSON payload."""
        data = self.body
        encryption = self.header.get("encryption")
        if encryption is not None:
            if not passphrase:
                raise BundleError(
                    "this bundle is encrypted: give its passphrase (--passphrase-file)"
                )
            key = _derive_key(
                passphrase,
                bytes.fromhex(encryption["salt"]),
                int(encryption["n"]),
                int(encryption["r"]),
                int(encryption["p"]),
            )
            try:
                data = AESGCM(key).decrypt(bytes.fromhex(encryption["nonce"]), data, self._aad)
            except InvalidTag as exc:
                raise BundleError("wrong passphrase for this bundle") from exc
        try:
            return json.loads(zlib.decompress(data))
        except (zlib.error, ValueError) as exc:  # signed yet unreadable: a bug at the sender
            raise BundleError(f"the bundle's contents cannot be read ({exc})") from exc


def _derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32
    )


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def make_bundle(
    *,
    kind: str,
    event_id: str,
    signer: Ed25519PrivateKey,
    device: str,
    payload: bytes,
    created_ms: int,
    records: int,
    extra: dict[str, Any] | None = None,
    passphrase: str | None = None,
) -> bytes:
    """Compress, optionally encrypt, and sign a JSON payload (already serialised) as a bundle."""
    if kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}")
    body = zlib.compress(payload, COMPRESSION_LEVEL)
    header: dict[str, Any] = {
        **(extra or {}),
        "format": FORMAT,
        "kind": kind,
        "event_id": event_id,
        "signer": keys.public_bytes(signer.public_key()).hex(),
        "device": device,
        "created_ms": created_ms,
        "records": records,
        "compression": "zlib",
        "encryption": None,
    }
    key = nonce = None
    if passphrase:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        key = _derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        header["encryption"] = {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": salt.hex(),
            "nonce": nonce.hex(),
        }
        header["payload_bytes"] = len(body) + 16  # the GCM tag
    else:
        header["payload_bytes"] = len(body)
    raw_header = canonical_json(header)
    if len(raw_header) > MAX_HEADER_BYTES:
        raise ValueError("bundle header too large")
    prefix = MAGIC + _LEN.pack(len(raw_header)) + raw_header
    if key is not None and nonce is not None:
        body = AESGCM(key).encrypt(nonce, body, prefix)
    signed = prefix + body
    return signed + signer.sign(_SIGNING_CONTEXT + signed)


def _field(header: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    value = header.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise BundleError(f"bundle refused: damaged header ({name})")
    return value


def _check_header(header: Any) -> dict[str, Any]:
    if not isinstance(header, dict):
        raise BundleError("bundle refused: damaged header")
    if header.get("format") != FORMAT:
        raise BundleError(
            f"bundle refused: format {header.get('format')!r} is not one this version reads"
        )
    if header.get("kind") not in KINDS:
        raise BundleError(f"bundle refused: unknown kind {header.get('kind')!r}")
    _field(header, "event_id", str)
    _field(header, "device", str)
    _field(header, "created_ms", int)
    _field(header, "records", int)
    size = _field(header, "payload_bytes", int)
    signer = _field(header, "signer", str)
    if size < 0 or len(signer) != 64:
        raise BundleError("bundle refused: damaged header")
    try:
        bytes.fromhex(signer)
    except ValueError as exc:
        raise BundleError("bundle refused: damaged header (signer)") from exc
    if header.get("compression") != "zlib":
        raise BundleError("bundle refused: damaged header (compression)")
    encryption = header.get("encryption")
    if encryption is not None:
        if not isinstance(encryption, dict) or encryption.get("cipher") != "AES-256-GCM":
            raise BundleError("bundle refused: damaged header (encryption)")
        try:
            ok = (
                len(bytes.fromhex(encryption["salt"])) >= 8
                and len(bytes.fromhex(encryption["nonce"])) == 12
                and 2 <= int(encryption["n"]) <= 2**20
                and 1 <= int(encryption["r"]) <= 32
                and 1 <= int(encryption["p"]) <= 8
                and encryption.get("kdf") == "scrypt"
            )
        except (KeyError, TypeError, ValueError):
            ok = False
        if not ok:
            raise BundleError("bundle refused: damaged header (encryption)")
    return header


def open_bundle(data: bytes) -> Bundle:
    """Check a bundle's structure and its signature by the key its header names.

    Raises BundleError with a one-line reason for anything else: not a bundle, truncated,
    extra bytes, damaged header, or a signature that does not match (altered or damaged).
    """
    minimum = _PREFIX + SIGNATURE_LEN
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        if len(data) < len(MAGIC) and MAGIC.startswith(data):
            raise BundleError(f"bundle refused: truncated ({len(data)} bytes)")
        raise BundleError("bundle refused: not a kiosk bundle (or its first bytes are damaged)")
    if len(data) < minimum:
        raise BundleError(f"bundle refused: truncated ({len(data)} bytes)")
    (header_len,) = _LEN.unpack_from(data, len(MAGIC))
    if header_len > MAX_HEADER_BYTES:
        raise BundleError("bundle refused: damaged (impossible header length)")
    if _PREFIX + header_len + SIGNATURE_LEN > len(data):
        raise BundleError(
            f"bundle refused: truncated or damaged ({len(data)} bytes, header of {header_len})"
        )
    raw_header = data[_PREFIX : _PREFIX + header_len]
    try:
        parsed = json.loads(raw_header.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError("bundle refused: damaged (header unreadable)") from exc
    header = _check_header(parsed)
    expected = _PREFIX + header_len + int(header["payload_bytes"]) + SIGNATURE_LEN
    if len(data) < expected:
        raise BundleError(f"bundle refused: truncated ({len(data)} of {expected} bytes)")
    if len(data) > expected:
        raise BundleError(
            f"bundle refused: damaged ({len(data) - expected} bytes more than it declares)"
        )
    signed, signature = data[:-SIGNATURE_LEN], data[-SIGNATURE_LEN:]
    try:
        public = keys.load_public(bytes.fromhex(header["signer"]))
        public.verify(signature, _SIGNING_CONTEXT + signed)
    except (InvalidSignature, ValueError) as exc:
        raise BundleError(
            "bundle refused: altered or damaged (its signature does not match its contents)"
        ) from exc
    return Bundle(
        header=header,
        body=data[_PREFIX + header_len : -SIGNATURE_LEN],
        size=len(data),
        _aad=data[: _PREFIX + header_len],
    )


MAX_BUNDLE_BYTES = 2 * 1024**3


def read_bundle_file(path: str | Path) -> bytes:
    """The bytes of a bundle file, or a clear error."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(f"{path} is too large to be a bundle")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise KioskError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise KioskError(f"{path} is a folder, not a bundle file") from exc
    except OSError as exc:
        raise KioskError(f"cannot read {path}: {exc.strerror or exc}") from exc


def write_bundle_file(path: str | Path, data: bytes) -> Path:
    """Write a bundle atomically: a temporary file beside it, flushed to disk, then renamed.

    A reader (or a USB stick pulled out) sees the old file or the whole new one, never half.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise KioskError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KioskError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return path


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_passphrase_file(path: str | Path | None) -> str | None:
    """The passphrase in a file (its first line), or None without a file."""
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KioskError(f"no such passphrase file: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskError(f"cannot read the passphrase file {path}") from exc
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase.strip():
        raise KioskError(f"the passphrase file {path} is empty")
    return passphrase
