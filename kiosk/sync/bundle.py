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
is trusted (the organiser's, a pinned device's) is the caller's decision, made next, before the
payload is decrypted or decompressed.

Limits, so that no file can exhaust a machine: a bundle file is at most MAX_BUNDLE_BYTES, its
payload inflates to at most MAX_PAYLOAD_BYTES (the header says how much, `raw_bytes`, and a
payload that inflates to more is refused as it inflates, never held whole), its JSON nests at
most as deep as Python's parser allows, and scrypt's parameters stay in a fixed range (a header
cannot ask for gigabytes of memory or minutes of work).
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
from kiosk.store.files import make_folders

MAGIC = b"KIOSKBN1"
FORMAT = 1
KINDS = ("roster", "events")
SIGNATURE_LEN = 64
_LEN = struct.Struct(">I")
_PREFIX = len(MAGIC) + _LEN.size
_SIGNING_CONTEXT = b"kiosk-bundle-v1\x00"
MAX_HEADER_BYTES = 64 * 1024
MAX_BUNDLE_BYTES = 128 * 1024**2
MAX_PAYLOAD_BYTES = 512 * 1024**2
# A payload declared larger than this is measured (inflated without being kept) before it is
# inflated for real, so a payload that lies about its size never fills memory.
_MEASURE_FIRST_BYTES = 64 * 1024**2
_INFLATE_PIECE = 1024**2
# scrypt: 32 MiB of memory and about a tenth of a second per try on a laptop. A bundle may name
# other parameters, within these bounds only (at most 128 MiB and about two seconds).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SCRYPT_N_RANGE = (2**14, 2**17)
SCRYPT_R_RANGE = (1, 16)
SCRYPT_P_RANGE = (1, 4)
_SCRYPT_MAXMEM = 129 * 1024 * 1024
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
        raw = inflate(data, self.header.get("raw_bytes"))
        try:
            return json.loads(raw)
        except (ValueError, RecursionError) as exc:  # signed yet unreadable
            raise BundleError(
                "bundle refused: its contents cannot be read (not JSON, nested too deeply or "
                "a number too long)"
            ) from exc


def inflate(data: bytes, declared: object = None, limit: int = MAX_PAYLOAD_BYTES) -> bytes:
    """A zlib payload inflated, refused (BundleError) if it inflates beyond `limit` bytes or
    not to the size its header `declared` (older bundles declare none).

    A payload is never held whole beyond `limit`: a size above _MEASURE_FIRST_BYTES (or none
    declared) is measured first, a piece at a time, keeping nothing."""
    if declared is not None:
        if not isinstance(declared, int) or isinstance(declared, bool) or declared < 0:
            raise BundleError("bundle refused: damaged header (raw_bytes)")
        if declared > limit:
            raise BundleError(_too_large(limit))
    if declared is None or declared > _MEASURE_FIRST_BYTES:
        size = _inflated_size(data, limit)
        if declared is not None and size != declared:
            raise BundleError("bundle refused: its contents are not the size its header says")
        declared = size
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(data, declared + 1)
    except zlib.error as exc:
        raise BundleError(f"bundle refused: its contents cannot be inflated ({exc})") from exc
    if len(raw) != declared or not inflater.eof:
        raise BundleError("bundle refused: its contents are not the size its header says")
    return raw


def _inflated_size(data: bytes, limit: int) -> int:
    """How many bytes `data` inflates to, without keeping them; BundleError beyond `limit`."""
    inflater = zlib.decompressobj()
    size = 0
    pending = data
    try:
        while pending and not inflater.eof:
            size += len(inflater.decompress(pending, _INFLATE_PIECE))
            if size > limit:
                raise BundleError(_too_large(limit))
            pending = inflater.unconsumed_tail
    except zlib.error as exc:
        raise BundleError(f"bundle refused: its contents cannot be inflated ({exc})") from exc
    if not inflater.eof:
        raise BundleError("bundle refused: its contents are cut short")
    return size


def _too_large(limit: int) -> str:
    return f"bundle refused: its contents would inflate beyond {limit // 1024**2} MiB"


def _derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    try:
        return hashlib.scrypt(
            passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32
        )
    except (ValueError, MemoryError) as exc:
        raise BundleError("bundle refused: damaged header (encryption)") from exc


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
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise KioskError(f"too much for one bundle ({len(payload) // 1024**2} MiB of data)")
    body = zlib.compress(payload, COMPRESSION_LEVEL)
    header: dict[str, Any] = {
        **(extra or {}),
        "raw_bytes": len(payload),
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
            n, r, p = (encryption[name] for name in ("n", "r", "p"))
            ok = (
                8 <= len(bytes.fromhex(encryption["salt"])) <= 64
                and len(bytes.fromhex(encryption["nonce"])) == 12
                and all(type(value) is int for value in (n, r, p))
                and SCRYPT_N_RANGE[0] <= n <= SCRYPT_N_RANGE[1]
                and n & (n - 1) == 0
                and SCRYPT_R_RANGE[0] <= r <= SCRYPT_R_RANGE[1]
                and SCRYPT_P_RANGE[0] <= p <= SCRYPT_P_RANGE[1]
                and 128 * n * r <= 128 * 1024 * 1024
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
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
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


def read_bundle_file(path: str | Path) -> bytes:
    """The bytes of a bundle file, or a clear error."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            too_large = os.fstat(handle.fileno()).st_size > MAX_BUNDLE_BYTES
            data = b"" if too_large else handle.read(MAX_BUNDLE_BYTES + 1)
        if too_large or len(data) > MAX_BUNDLE_BYTES:
            raise BundleError(
                f"{path} is larger than {MAX_BUNDLE_BYTES // 1024**2} MiB: not a bundle this "
                "version reads"
            )
        return data
    except FileNotFoundError as exc:
        raise KioskError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise KioskError(f"{path} is a folder, not a bundle file") from exc
    except OSError as exc:
        raise KioskError(f"cannot read {path}: {exc.strerror or exc}") from exc


def write_bundle_file(path: str | Path, data: bytes) -> Path:
    """Write a bundle atomically: a temporary file beside it, flushed to disk, then renamed.

    A reader (or a USB stick pulled out) sees the old file or the whole new one, never half.
    The file is 0600 (mkstemp makes it so): it holds names, or this device's check-ins.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        make_folders(folder)
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
