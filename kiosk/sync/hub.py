"""`kiosk hub serve`: the organisers' LAN sync hub, a real HTTP(S) server on their laptop.

It runs on the organiser's database. Devices push their check-ins, pull the newest roster and
the other devices' check-ins (so two doors of one room share who is inside), and enrol on first
contact with their one-time token (see `identity`, `enrolment` and `protocol`). One SQLite
connection does all the work under a lock: merges are short, and the roster bundle is built only
when the organiser's data changed (another connection committed, told by `PRAGMA data_version`),
then kept.

The venue network is not trusted. The server (`hub_server`, on waitress) bounds connections,
time and body sizes; every route in ROUTES names its own body limit, checked before the body is
read, and every signed request is checked (device known or enrolling, signature, time, replay)
before its body is decoded. Bad input is a 4xx with a JSON `code`, never a 500.

Log lines go to stderr: time, client address, request, status, device name and counts; never a
registration id, a name or any other personal data, and control characters a stranger sent are
escaped (one request, one line).

A self check-in kiosk's "Call staff" button sends a signed staff call; the hub keeps the recent
ones in memory (`Hub.staff_calls`, and `Hub.on_staff_call` is told of each) for the organisers'
screen, which runs the hub in-process. A call names the device, its location label and the time,
nothing about any person.
"""

from __future__ import annotations

import json
import re
import signal
import socket
import ssl
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.services.device_health import MAX_REPORT_BYTES
from kiosk.services.event import is_organiser, load_event, load_signing_key
from kiosk.store.database import open_database, transaction
from kiosk.sync import enrolment, health, identity
from kiosk.sync.bundle import BundleError, open_bundle
from kiosk.sync.events import import_events, organiser_events_bundle
from kiosk.sync.hub_server import HubHTTPServer, ServerLimits, request_headers
from kiosk.sync.protocol import (
    HEADER_DEVICE,
    HEADER_KEY,
    HEADER_REPLY_SIGNATURE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    MAX_HELLO_BYTES,
    MAX_LOCATION_CHARS,
    MAX_PUSH_BYTES,
    MAX_SKEW_MS,
    MAX_STAFF_CALL_BYTES,
    PREFIX,
    STAFF_CALL_PATH,
    reply_message,
    request_message,
)
from kiosk.sync.roster import export_roster

PULL_LIMIT = 50_000
ROSTER_REFRESH_S = 2.0
# A device's last contact is written at most this often (each write is a durable commit).
CONTACT_WRITE_S = 10.0
STAFF_CALLS_KEPT = 100
MAX_TARGET_CHARS = 2_048
_DEVICE_HEADER_RE = re.compile(r"^[\x21-\x7e]{1,64}$")
_TIME_RE = re.compile(r"^[0-9]{1,16}$")
_HEX_RE = re.compile(r"^[0-9a-fA-F]+$")


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def printable(text: str, limit: int = 200) -> str:
    """Text as one safe log line: control and other unprintable characters escaped (`\\x1b`,
    `\\n`, ...), cut at `limit` characters."""
    if text.isprintable():
        return text[:limit]
    out = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
    return out[:limit]


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""


@dataclass
class Request:
    """One request as a route handler sees it: already authenticated when the route is signed."""

    method: str
    target: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""
    device: str = ""
    signature: str = ""
    key: bytes = b""


@dataclass(frozen=True)
class StaffCall:
    """A kiosk's call for staff as the hub received it: no personal data, by design."""

    number: int  # 1, 2, ... in the order calls reached this hub
    device: str
    location: str | None  # the kiosk's location label, if it has one
    at_ms: int  # the hub's clock when the call arrived
    device_at_ms: int | None  # the kiosk's own clock when it called

    def to_json(self) -> dict[str, Any]:
        """The call as JSON."""
        return {
            "number": self.number,
            "device": self.device,
            "location": self.location,
            "at_ms": self.at_ms,
            "device_at_ms": self.device_at_ms,
        }


def _clean_label(value: Any) -> str | None:
    """A location label as shown on screen: text, one line, at most MAX_LOCATION_CHARS."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refusal(400, "bad_request", "a staff call's location is text")
    label = " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())
    return label[:MAX_LOCATION_CHARS] or None


class Refusal(Exception):
    """A 4xx answer: its status, a stable `code`, a message, and what the log line says
    (`note`, by default the code)."""

    def __init__(self, status: int, code: str, message: str, note: str = "") -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.note = note or code


@dataclass(frozen=True)
class Route:
    """One endpoint: its handler, whether it is signed by a device, and its largest body."""

    handler: Callable[[Hub, Request], Reply]
    signed: bool = True
    max_body: int = 0
    enrols: bool = False  # a device not known yet may sign with the key it names (hello)


class Hub:
    """The hub's state and request handling, independent of the HTTP plumbing."""

    def __init__(
        self,
        db_path: str | Path,
        *,
        log: Callable[[str], None] = _stderr,
        max_skew_ms: int = MAX_SKEW_MS,
        pull_limit: int = PULL_LIMIT,
        roster_refresh_s: float = ROSTER_REFRESH_S,
    ) -> None:
        self.conn = open_database(db_path).conn
        if not is_organiser(self.conn):
            self.conn.close()
            raise KioskError("the hub runs on the organiser's database (the one with the key)")
        self.event = load_event(self.conn)
        self.key = load_signing_key(self.conn)
        self.log = log
        self.max_skew_ms = max_skew_ms
        self.pull_limit = pull_limit
        # A roster changed by another program is rebuilt at most this often (a large roster
        # takes a second or two to build; pushes wait meanwhile).
        self.roster_refresh_s = roster_refresh_s
        self.lock = threading.Lock()
        self._roster: tuple[int, int, bytes] | None = None  # (data_version, version, bundle)
        self._roster_checked = 0.0
        self._seen: dict[str, int] = {}
        # device -> (when its last contact was written, the sequence numbers it reported then)
        self._contact: dict[str, tuple[float, Any]] = {}
        self._staff_lock = threading.Lock()
        self._staff_calls: deque[StaffCall] = deque(maxlen=STAFF_CALLS_KEPT)
        self._staff_numbers = 0
        # Told of each staff call, on the server's thread (the app's screen polls instead).
        self.on_staff_call: Callable[[StaffCall], None] | None = None

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # -- the roster, rebuilt only when the organiser's data changed ---------------------------

    def roster(self) -> tuple[int, bytes]:
        """(version, bundle) of the current roster; call with the lock held."""
        data_version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        cached = self._roster
        fresh = time.monotonic() - self._roster_checked < self.roster_refresh_s
        if cached is not None and (cached[0] == data_version or fresh):
            return cached[1], cached[2]
        export = export_roster(self.conn, include_checkins=False)
        self._roster = (data_version, export.version, export.data)
        self._roster_checked = time.monotonic()
        return export.version, export.data

    def _contact_is_due(self, device: str, seq_high: Any) -> bool:
        """Write a device's last contact at most every CONTACT_WRITE_S, unless news came."""
        last = self._contact.get(device)
        return last is None or last[1] != seq_high or time.monotonic() - last[0] >= CONTACT_WRITE_S

    # -- requests -------------------------------------------------------------------------------

    def handle(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | Callable[[int], bytes],
        length: int | None = None,
    ) -> Reply:
        """Answer one request. `body` is the body, or a function reading `length` bytes of it:
        it is called only once the route, the length and the signer's headers passed."""
        try:
            return self._handle(method, target, headers, body, length)
        except Refusal as refusal:
            return _json(
                refusal.status,
                {"error": refusal.message, "code": refusal.code},
                note=refusal.note,
            )
        except BundleError as exc:
            return _json(422, {"error": str(exc), "code": "bundle_refused"}, note="refused")

    def _handle(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | Callable[[int], bytes],
        length: int | None,
    ) -> Reply:
        if len(target) > MAX_TARGET_CHARS or not target.startswith("/") or not target.isascii():
            raise Refusal(400, "bad_request", "not a request this hub answers")
        parts = urlsplit(target)
        route = ROUTES.get((method, parts.path))
        if route is None:
            if any(path == parts.path for _, path in ROUTES):
                raise Refusal(405, "method_not_allowed", f"{parts.path} does not take {method}")
            raise Refusal(404, "not_found", "no such endpoint")
        size = len(body) if isinstance(body, bytes) else length
        if size is None or size < 0:
            raise Refusal(411, "length_required", "a request says how long its body is")
        if size > route.max_body:
            raise Refusal(413, "too_large", f"the body is larger than {route.max_body} bytes")
        try:
            query = parse_qs(parts.query, max_num_fields=10, strict_parsing=False)
        except ValueError as exc:
            raise Refusal(400, "bad_request", "too many query fields") from exc
        request = Request(method, target, parts.path, query, headers)
        if not route.signed:
            return route.handler(self, request)
        device, stamp, signature, key = self._signer(request, route)
        # Only now is the body read (its size is within the route's limit); it is decoded only
        # after the signature over it is checked.
        request.body = body if isinstance(body, bytes) else body(size)
        if len(request.body) != size:
            raise Refusal(400, "bad_request", "the body is shorter than its length")
        message = request_message(self.event.event_id, method, target, stamp, request.body)
        try:
            keys.load_public(key).verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError) as exc:
            raise Refusal(401, "bad_signature", "the request's signature does not match") from exc
        with self.lock:
            now = now_ms()
            if abs(stamp - now) > self.max_skew_ms:
                raise Refusal(401, "stale", "the request's time is too far from the hub's clock")
            if signature in self._seen:
                raise Refusal(401, "replay", "this request was already received")
            self._seen[signature] = now
            if len(self._seen) > 10_000:
                horizon = now - 2 * self.max_skew_ms
                self._seen = {s: t for s, t in self._seen.items() if t >= horizon}
            if identity.revoked_ms(self.conn, device) is not None:
                identity.record_refusal(self.conn, device, now)
                raise Refusal(
                    403,
                    "revoked",
                    f"device {device!r} was revoked by the organiser",
                    note=f"device={device} revoked",
                )
            request.device, request.signature, request.key = device, signature, key
            return route.handler(self, request)

    def _signer(self, request: Request, route: Route) -> tuple[str, int, str, bytes]:
        """(device, time, signature, key) from a signed request's headers, before its body is
        read: well-formed headers, and a device this hub knows (or one enrolling, for hello)."""
        headers = request.headers
        device = headers.get(HEADER_DEVICE.lower(), "")
        stamp = headers.get(HEADER_TIME.lower(), "")
        signature = headers.get(HEADER_SIGNATURE.lower(), "")
        if not device or not signature or not stamp:
            raise Refusal(401, "unsigned", "the request is not signed by a device key")
        if (
            not _DEVICE_HEADER_RE.match(device)
            or not _TIME_RE.match(stamp)
            or len(signature) != 128
            or not _HEX_RE.match(signature)
        ):
            raise Refusal(400, "bad_request", "the request's signing headers are malformed")
        with self.lock:
            key = identity.pinned_key(self.conn, device)
        named = headers.get(HEADER_KEY.lower(), "")
        if route.enrols and named:
            if len(named) != 64 or not _HEX_RE.match(named):
                raise Refusal(400, "bad_request", "the device key header is malformed")
            shown = bytes.fromhex(named)
            if key is not None and key != shown:
                raise Refusal(
                    403,
                    "key_mismatch",
                    f"device {device!r} is known with another key ({keys.fingerprint(key)})",
                    note=f"device={device} key_mismatch",
                )
            key = shown
        if key is None:
            raise Refusal(401, "unknown_device", f"unknown device {device!r}: say hello first")
        return device, int(stamp), signature, key

    def _signed_json(self, signature: str, status: int, value: dict[str, Any]) -> Reply:
        body = json.dumps(value, separators=(",", ":")).encode()
        reply_signature = self.key.sign(reply_message(signature, status, body)).hex()
        return Reply(status, body, headers={HEADER_REPLY_SIGNATURE: reply_signature})

    # -- routes (see ROUTES) --------------------------------------------------------------------

    def _time(self, request: Request) -> Reply:
        return _json(200, {"now_ms": now_ms(), "event_id": self.event.event_id})

    def _hello(self, request: Request) -> Reply:
        device, public_key = request.device, request.key
        hello = _json_object(request.body, "a hello is a JSON object")
        if hello.get("device") != device or hello.get("public_key") != public_key.hex():
            raise Refusal(401, "bad_signature", "the hello is for another device or key")
        now = now_ms()
        seq_high = hello.get("seq_high")
        seq_high = seq_high if isinstance(seq_high, dict) else None
        known = identity.pinned_key(self.conn, device)
        registered = False
        if known is None or self._contact_is_due(device, seq_high):
            with transaction(self.conn):
                if identity.pinned_key(self.conn, device) is None:
                    try:
                        identity.enrol_device(
                            self.conn,
                            self.event,
                            device,
                            public_key,
                            hello.get("enrolment"),
                            via="hub",
                            now=now,
                        )
                    except enrolment.EnrolmentRefused as exc:
                        raise Refusal(
                            403, exc.code, str(exc), note=f"device={device} {exc.code}"
                        ) from exc
                    registered = True
                identity.touch(self.conn, device, via="hub", now=now, seq_high=seq_high)
            self._contact[device] = (time.monotonic(), seq_high)
        version, _ = self.roster()
        since = hello.get("pull_cursor")
        since = since if isinstance(since, int) and not isinstance(since, bool) else 0
        self.conn.execute("BEGIN")
        try:
            newest = int(
                self.conn.execute("SELECT coalesce(max(id), 0) FROM checkins").fetchone()[0]
            )
            # Whether anything but this device's own check-ins came after its cursor.
            others = (
                self.conn.execute(
                    "SELECT 1 FROM checkins WHERE id > ? AND (source IS NULL OR source != ?) "
                    "LIMIT 1",
                    (since, device),
                ).fetchone()
                is not None
            )
        finally:
            self.conn.execute("COMMIT")
        reply = self._signed_json(
            request.signature,
            200,
            {
                "roster_version": version,
                "checkins_cursor": newest,
                "others": others,
                "now_ms": now_ms(),
                "registered": registered,
            },
        )
        reply.note = f"device={device}" + (" registered" if registered else "")
        return reply

    def _push(self, request: Request) -> Reply:
        device, key = request.device, request.key
        bundle = open_bundle(request.body)
        if bundle.device != device or bundle.signer != key:
            raise Refusal(403, "wrong_device", "the bundle is not this device's own")
        result = import_events(self.conn, [bundle], via="hub")
        seq_high = bundle.header.get("seq_high")
        self._contact[device] = (time.monotonic(), seq_high if isinstance(seq_high, dict) else None)
        cursor = bundle.header.get("cursor")
        reply = self._signed_json(
            request.signature,
            200,
            {
                "added": result.counts.added,
                "duplicates": result.counts.duplicates,
                "conflicting": result.counts.clashes,
                "records": result.counts.records,
                "cursor": cursor.get("to") if isinstance(cursor, dict) else None,
            },
        )
        reply.note = (
            f"device={device} added={result.counts.added} duplicates={result.counts.duplicates}"
        )
        return reply

    def _roster_reply(self, request: Request) -> Reply:
        have = _int(request.query, "have")
        version, data = self.roster()
        if have == version:
            return Reply(204, note=f"device={request.device} version={version} current")
        return Reply(
            200,
            data,
            "application/octet-stream",
            note=f"device={request.device} version={version} bytes={len(data)}",
        )

    def _pull(self, request: Request) -> Reply:
        since = _int(request.query, "since")
        limit = max(1, min(self.pull_limit, _int(request.query, "limit") or self.pull_limit))
        data, records, cursor, more = organiser_events_bundle(
            self.conn, self.event, since=since, exclude_source=request.device, limit=limit
        )
        return Reply(
            200,
            data,
            "application/octet-stream",
            note=f"device={request.device} records={records} cursor={cursor}"
            + (" more" if more else ""),
        )

    # -- staff calls ----------------------------------------------------------------------------

    def staff_calls(self, after: int = 0) -> list[StaffCall]:
        """The recent staff calls numbered above `after`, oldest first (any thread)."""
        with self._staff_lock:
            return [call for call in self._staff_calls if call.number > after]

    def _staff_call(self, request: Request) -> Reply:
        device = request.device
        value = _json_object(request.body, "a staff call is a JSON object")
        if value.get("device") != device:
            raise Refusal(403, "wrong_device", "the staff call is for another device")
        device_at = value.get("at_ms")
        if not isinstance(device_at, int) or isinstance(device_at, bool):
            device_at = None
        location = _clean_label(value.get("location"))
        with self._staff_lock:
            self._staff_numbers += 1
            call = StaffCall(self._staff_numbers, device, location, now_ms(), device_at)
            self._staff_calls.append(call)
        if self.on_staff_call is not None:
            try:
                self.on_staff_call(call)
            except Exception:  # noqa: BLE001 - a listener's failure must not refuse the call
                self.log(f"hub: {time.strftime('%Y-%m-%dT%H:%M:%S')} staff call listener failed")
        reply = self._signed_json(request.signature, 200, {"received": True, "number": call.number})
        reply.note = f"device={device} staff call {call.number}"
        return reply


# Every endpoint, by (method, path). A new one is a handler on Hub and a line here; its body
# limit is checked before the body is read.
ROUTES: dict[tuple[str, str], Route] = {
    ("GET", f"{PREFIX}/time"): Route(Hub._time, signed=False),
    ("POST", f"{PREFIX}/hello"): Route(Hub._hello, max_body=MAX_HELLO_BYTES, enrols=True),
    ("POST", f"{PREFIX}/events"): Route(Hub._push, max_body=MAX_PUSH_BYTES),
    ("GET", f"{PREFIX}/roster"): Route(Hub._roster_reply),
    ("GET", f"{PREFIX}/events"): Route(Hub._pull),
    ("POST", f"{PREFIX}{STAFF_CALL_PATH}"): Route(Hub._staff_call, max_body=MAX_STAFF_CALL_BYTES),
    health.ROUTE: Route(health.receive_report, max_body=MAX_REPORT_BYTES),
}
LARGEST_BODY = max(route.max_body for route in ROUTES.values())


def body_limit(method: str, path: str) -> int:
    """The largest body a request to `path` may carry (0 for no such route): the server refuses
    more as soon as the headers are in."""
    route = ROUTES.get((method, path))
    return route.max_body if route is not None else 0


def _json_object(body: bytes, what: str) -> dict[str, Any]:
    """A small signed body as a JSON object (depth and number sizes bounded by its size)."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise Refusal(400, "bad_request", what) from exc
    if not isinstance(value, dict):
        raise Refusal(400, "bad_request", what)
    return value


def _int(query: dict[str, list[str]], name: str) -> int:
    values = query.get(name) or ["0"]
    text = values[0]
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise Refusal(400, "bad_request", f"{name} must be a whole number")
    return int(text)


def _json(status: int, value: dict[str, Any], note: str = "") -> Reply:
    return Reply(status, json.dumps(value, separators=(",", ":")).encode(), note=note)


def wsgi_app(hub: Hub) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """The hub as a WSGI application (what waitress serves), with one log line per request."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        method = str(environ.get("REQUEST_METHOD", ""))
        target = str(environ.get("REQUEST_URI") or environ.get("PATH_INFO") or "")
        length_text = str(environ.get("CONTENT_LENGTH") or "0")
        length = int(length_text) if length_text.isascii() and length_text.isdigit() else -1
        stream = environ["wsgi.input"]
        try:
            reply = hub.handle(method, target, request_headers(environ), stream.read, length)
        except Exception as exc:  # noqa: BLE001 - a hub keeps serving; the device retries
            reply = _json(500, {"error": "the hub failed", "code": "hub_error"})
            reply.note = type(exc).__name__
        headers = [
            ("Content-Type", reply.content_type),
            ("Content-Length", str(len(reply.body))),
            *reply.headers.items(),
        ]
        start_response(f"{reply.status} {_reason(reply.status)}", headers)
        elapsed = (time.perf_counter() - started) * 1000
        path = printable(urlsplit(target).path if target.isascii() else target)
        hub.log(
            f"hub: {time.strftime('%Y-%m-%dT%H:%M:%S')} {environ.get('REMOTE_ADDR', '?')} "
            f"{printable(method, 16)} {path} {reply.status} {printable(reply.note)} "
            f"{elapsed:.1f} ms".replace("  ", " ")
        )
        return [reply.body]

    return app


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


@dataclass
class RunningHub:
    """A hub serving in a background thread (tests, the organiser's app, the bench)."""

    server: HubHTTPServer
    hub: Hub
    thread: threading.Thread
    url: str

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(timeout=10)
        self.hub.close()


def make_server(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    cert: str | Path | None = None,
    key: str | Path | None = None,
    log: Callable[[str], None] = _stderr,
    limits: ServerLimits | None = None,
) -> tuple[HubHTTPServer, Hub, str]:
    """A hub server bound to host:port (0: any free port), its hub and its URL; TLS with cert
    and key; `limits` on connections and time (default: ServerLimits())."""
    if (cert is None) != (key is None):
        raise KioskError("TLS needs both --cert and --key")
    tls = None
    if cert is not None and key is not None:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            tls.load_cert_chain(str(cert), str(key))
        except (OSError, ssl.SSLError) as exc:
            raise KioskError(f"cannot use the TLS certificate or key: {exc}") from exc
    hub = Hub(db_path, log=log)
    try:
        with hub.lock:
            hub.roster()  # build it now, not on the first device's request
        server = HubHTTPServer(
            wsgi_app(hub),
            host,
            port,
            log=log,
            tls=tls,
            limits=limits or ServerLimits(),
            max_body=LARGEST_BODY,
            body_limit=body_limit,
        )
    except OSError as exc:
        hub.close()
        raise KioskError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    except BaseException:
        hub.close()
        raise
    bound_port = int(server.effective_port)
    shown = host if host not in ("", "0.0.0.0") else lan_address()
    scheme = "https" if tls is not None else "http"
    return server, hub, f"{scheme}://{shown}:{bound_port}"


def lan_address() -> str:
    """This machine's address on the LAN (what devices type after --hub), or 127.0.0.1 with no
    network. A hub listening on every interface (0.0.0.0) is reached at this address.

    Asks the system which interface would carry a datagram to a private address: nothing is
    sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return address if address != "0.0.0.0" else "127.0.0.1"


def start_hub(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    cert: str | Path | None = None,
    key: str | Path | None = None,
    log: Callable[[str], None] = _stderr,
    limits: ServerLimits | None = None,
) -> RunningHub:
    """Start a hub in a background thread; `stop()` ends it."""
    server, hub, url = make_server(db_path, host, port, cert=cert, key=key, log=log, limits=limits)
    thread = threading.Thread(target=server.serve, name="kiosk-hub", daemon=True)
    thread.start()
    return RunningHub(server, hub, thread, url)


def serve_hub(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    cert: str | Path | None = None,
    key: str | Path | None = None,
    log: Callable[[str], None] = _stderr,
) -> None:
    """`kiosk hub serve`: serve until interrupted (Ctrl+C) or told to stop (SIGTERM, as systemd
    and `kill` do); either way the database is closed and the log says the hub stopped."""
    server, hub, url = make_server(db_path, host, port, cert=cert, key=key, log=log)
    log(f"hub: serving event {hub.event.event_id} on {url} (Ctrl+C stops)")
    previous = _stop_on_sigterm()
    try:
        server.serve()
    except _TermSignal:
        pass
    finally:
        hub.close()
        log("hub: stopped")
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _TermSignal(Exception):
    """SIGTERM arrived: leave the serving loop as Ctrl+C would, but as a normal stop."""


def _stop_on_sigterm() -> Any:
    """Turn SIGTERM into `_TermSignal` while serving (main thread only); the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def _raise(signum: int, frame: object) -> None:
        raise _TermSignal

    return signal.signal(signal.SIGTERM, _raise)
