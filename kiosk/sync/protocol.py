"""The LAN hub's wire protocol, shared by the server (`hub`) and the client (`client`).

Every request but `GET /v1/time` is signed by the device's own Ed25519 key over

    b"kiosk-hub-request-v1\\0" + event_id \\0 METHOD \\0 path?query \\0 time_ms \\0 sha256(body)

sent as `X-Kiosk-Device` (the device name), `X-Kiosk-Time` and `X-Kiosk-Signature` (hex); a
hello also names the device's public key in `X-Kiosk-Key` (hex), so the hub can check the
signature of a device it does not know yet before it reads anything the body says. The
time is the hub's clock as the device reckons it (it asks `GET /v1/time` once and keeps the
offset), so devices whose clocks are hours apart still sync; the hub refuses a request more than
two minutes off its clock and a signature it has already seen (replay).

The hub answers JSON replies with `X-Kiosk-Reply-Signature`: the organiser key's signature over

    b"kiosk-hub-reply-v1\\0" + request signature \\0 status \\0 sha256(body)

so a device only treats its check-ins as delivered on the organiser's own word, and rosters and
other devices' check-ins come as bundles signed by the organiser key.

Endpoints: `GET /v1/time`; `POST /v1/hello` (enrol the device on first contact with the proof
of its one-time token, or check its key; report its sequence numbers; answers the hub's roster
version and newest check-in row); `POST /v1/events`
(an events bundle signed by the device); `GET /v1/roster?have=V` (the roster bundle, 204 when V
is current); `GET /v1/events?since=N` (an organiser-signed events bundle of other devices'
check-ins after the hub's row N); `POST /v1/staff-call` (a kiosk asks for staff: the body
carries only the device name, its location label if any and the device's time, never personal
data; the hub shows it on the organisers' screen).
"""

from __future__ import annotations

import hashlib
import json

PREFIX = "/v1"
HEADER_DEVICE = "X-Kiosk-Device"
HEADER_TIME = "X-Kiosk-Time"
HEADER_SIGNATURE = "X-Kiosk-Signature"
HEADER_REPLY_SIGNATURE = "X-Kiosk-Reply-Signature"
HEADER_KEY = "X-Kiosk-Key"
MAX_SKEW_MS = 120_000
# The largest body each endpoint takes (the hub refuses more before reading it) ...
MAX_HELLO_BYTES = 64 * 1024
MAX_PUSH_BYTES = 16 * 1024**2
MAX_STAFF_CALL_BYTES = 4 * 1024
# ... and the largest reply a device reads: a JSON answer, or a bundle (roster, check-ins).
MAX_JSON_REPLY_BYTES = 1024**2
MAX_BUNDLE_REPLY_BYTES = 128 * 1024**2
STAFF_CALL_PATH = "/staff-call"
MAX_LOCATION_CHARS = 80
_REQUEST_CONTEXT = b"kiosk-hub-request-v1\x00"
_REPLY_CONTEXT = b"kiosk-hub-reply-v1\x00"


def request_message(event_id: str, method: str, target: str, time_ms: int, body: bytes) -> bytes:
    """The bytes a device signs for one request (`target`: path with its query)."""
    parts = [event_id, method.upper(), target, str(time_ms), hashlib.sha256(body).hexdigest()]
    return _REQUEST_CONTEXT + "\x00".join(parts).encode()


def reply_message(request_signature: str, status: int, body: bytes) -> bytes:
    """The bytes the hub signs for one JSON reply."""
    parts = [request_signature, str(status), hashlib.sha256(body).hexdigest()]
    return _REPLY_CONTEXT + "\x00".join(parts).encode()


def staff_call_body(device: str, location: str | None, at_ms: int) -> bytes:
    """The JSON body of a staff call: the device, its location label (or null) and its time."""
    label = (location or "").strip()[:MAX_LOCATION_CHARS] or None
    return json.dumps(
        {"device": device, "location": label, "at_ms": at_ms}, separators=(",", ":")
    ).encode()
