"""`kiosk hub serve`: the organisers' LAN sync hub, a real HTTP(S) server on their laptop.

It runs on the organiser's database. Devices push their check-ins, pull the newest roster and
the other devices' check-ins (so two doors of one room share who is inside), and register on
first contact (see `identity` and `protocol`). One SQLite connection does all the work under a
lock: merges are short, and the roster bundle is built only when the organiser's data changed
(another connection committed, told by `PRAGMA data_version`), then kept.

Log lines go to stderr: time, client address, request, status, device name and counts; never a
registration id, a name or any other personal data.

A self check-in kiosk's "Call staff" button sends a signed staff call; the hub keeps the recent
ones in memory (`Hub.staff_calls`, and `Hub.on_staff_call` is told of each) for the organisers'
screen, which runs the hub in-process. A call names the device, its location label and the time,
nothing about any person.
"""

from __future__ import annotations

import json
import socket
import ssl
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.services.event import is_organiser, load_event, load_signing_key
from kiosk.store.database import open_database, transaction
from kiosk.sync import health, identity
from kiosk.sync.bundle import BundleError, open_bundle
from kiosk.sync.events import import_events, organiser_events_bundle
from kiosk.sync.protocol import (
    HEADER_DEVICE,
    HEADER_REPLY_SIGNATURE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    MAX_BODY_BYTES,
    MAX_LOCATION_CHARS,
    MAX_SKEW_MS,
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


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""


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
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


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

    # -- authentication -------------------------------------------------------------------------

    def _authenticate(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes,
        public_key: bytes | None = None,
    ) -> tuple[str, str, bytes]:
        """(device, signature hex, key) of a correctly signed, fresh, unseen request."""
        device = headers.get(HEADER_DEVICE.lower(), "")
        signature = headers.get(HEADER_SIGNATURE.lower(), "")
        stamp = headers.get(HEADER_TIME.lower(), "")
        if not device or not signature or not stamp.isdigit():
            raise Refusal(401, "unsigned", "the request is not signed by a device key")
        key = public_key if public_key is not None else identity.pinned_key(self.conn, device)
        if key is None:
            raise Refusal(401, "unknown_device", f"unknown device {device!r}: say hello first")
        message = request_message(self.event.event_id, method, target, int(stamp), body)
        try:
            keys.load_public(key).verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError) as exc:
            raise Refusal(401, "bad_signature", "the request's signature does not match") from exc
        now = now_ms()
        if abs(int(stamp) - now) > self.max_skew_ms:
            raise Refusal(401, "stale", "the request's time is too far from the hub's clock")
        if signature in self._seen:
            raise Refusal(401, "replay", "this request was already received")
        self._seen[signature] = now
        if len(self._seen) > 10_000:
            horizon = now - 2 * self.max_skew_ms
            self._seen = {s: t for s, t in self._seen.items() if t >= horizon}
        return device, signature, key

    def _signed_json(self, signature: str, status: int, value: dict[str, Any]) -> Reply:
        body = json.dumps(value, separators=(",", ":")).encode()
        reply_signature = self.key.sign(reply_message(signature, status, body)).hex()
        return Reply(status, body, headers={HEADER_REPLY_SIGNATURE: reply_signature})

    # -- requests -------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        path = urlsplit(target).path
        query = parse_qs(urlsplit(target).query)
        try:
            if method == "GET" and path == f"{PREFIX}/time":
                return _json(200, {"now_ms": now_ms(), "event_id": self.event.event_id})
            with self.lock:
                if method == "POST" and path == f"{PREFIX}/hello":
                    return self._hello(target, headers, body)
                if method == "POST" and path == f"{PREFIX}/events":
                    return self._push(target, headers, body)
                if method == "GET" and path == f"{PREFIX}/roster":
                    return self._roster_reply(target, headers, query)
                if method == "GET" and path == f"{PREFIX}/events":
                    return self._pull(target, headers, query)
                if method == "POST" and path == f"{PREFIX}{STAFF_CALL_PATH}":
                    return self._staff_call(target, headers, body)
                if (method, path) == health.ROUTE:
                    return health.receive_report(self, target, headers, body)
            return _json(404, {"error": "no such endpoint", "code": "not_found"})
        except Refusal as refusal:
            return _json(
                refusal.status,
                {"error": refusal.message, "code": refusal.code},
                note=refusal.code,
            )
        except BundleError as exc:
            return _json(422, {"error": str(exc), "code": "bundle_refused"}, note="refused")

    def _hello(self, target: str, headers: dict[str, str], body: bytes) -> Reply:
        try:
            hello = json.loads(body)
            device = str(hello["device"])
            public_key = bytes.fromhex(str(hello["public_key"]))
            keys.load_public(public_key)
        except (ValueError, KeyError, TypeError) as exc:
            raise Refusal(400, "bad_request", "a hello names a device and its key") from exc
        if headers.get(HEADER_DEVICE.lower()) != device:
            raise Refusal(401, "bad_signature", "the hello is for another device")
        _, signature, _ = self._authenticate("POST", target, headers, body, public_key)
        now = now_ms()
        seq_high = hello.get("seq_high")
        seq_high = seq_high if isinstance(seq_high, dict) else None
        known = identity.pinned_key(self.conn, device)
        registered = False
        if known is not None and known != public_key:
            raise Refusal(
                403,
                "key_mismatch",
                f"device {device!r} is known with another key ({keys.fingerprint(known)})",
            )
        if known is None and not identity.proof_valid(
            self.conn, self.event.event_id, device, public_key, hello.get("enrolment")
        ):
            raise Refusal(
                403,
                "not_enrolled",
                f"device {device!r} was not provisioned from this event's roster bundle",
            )
        if known is None or self._contact_is_due(device, seq_high):
            with transaction(self.conn):
                if identity.pinned_key(self.conn, device) is None:
                    self.conn.execute(
                        "INSERT INTO sync_devices(device, public_key, first_seen_ms, "
                        "last_contact_ms, last_via) VALUES (?, ?, ?, ?, 'hub')",
                        (device, public_key, now, now),
                    )
                    registered = True
                elif identity.pinned_key(self.conn, device) != public_key:
                    raise Refusal(403, "key_mismatch", f"device {device!r} has another key")
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
            signature,
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

    def _push(self, target: str, headers: dict[str, str], body: bytes) -> Reply:
        device, signature, key = self._authenticate("POST", target, headers, body)
        bundle = open_bundle(body)
        if bundle.device != device or bundle.signer != key:
            raise Refusal(403, "wrong_device", "the bundle is not this device's own")
        result = import_events(self.conn, [bundle], via="hub")
        seq_high = bundle.header.get("seq_high")
        self._contact[device] = (time.monotonic(), seq_high if isinstance(seq_high, dict) else None)
        cursor = bundle.header.get("cursor")
        reply = self._signed_json(
            signature,
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

    def _roster_reply(
        self, target: str, headers: dict[str, str], query: dict[str, list[str]]
    ) -> Reply:
        device, _, _ = self._authenticate("GET", target, headers, b"")
        have = _int(query, "have")
        version, data = self.roster()
        if have == version:
            return Reply(204, note=f"device={device} version={version} current")
        return Reply(
            200,
            data,
            "application/octet-stream",
            note=f"device={device} version={version} bytes={len(data)}",
        )

    def _pull(self, target: str, headers: dict[str, str], query: dict[str, list[str]]) -> Reply:
        device, _, _ = self._authenticate("GET", target, headers, b"")
        since = _int(query, "since")
        limit = max(1, min(self.pull_limit, _int(query, "limit") or self.pull_limit))
        data, records, cursor, more = organiser_events_bundle(
            self.conn, self.event, since=since, exclude_source=device, limit=limit
        )
        return Reply(
            200,
            data,
            "application/octet-stream",
            note=f"device={device} records={records} cursor={cursor}" + (" more" if more else ""),
        )

    # -- staff calls ----------------------------------------------------------------------------

    def staff_calls(self, after: int = 0) -> list[StaffCall]:
        """The recent staff calls numbered above `after`, oldest first (any thread)."""
        with self._staff_lock:
            return [call for call in self._staff_calls if call.number > after]

    def _staff_call(self, target: str, headers: dict[str, str], body: bytes) -> Reply:
        device, signature, _ = self._authenticate("POST", target, headers, body)
        try:
            value = json.loads(body)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise Refusal(400, "bad_request", "a staff call is a JSON object")
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
        reply = self._signed_json(signature, 200, {"received": True, "number": call.number})
        reply.note = f"device={device} staff call {call.number}"
        return reply


def _int(query: dict[str, list[str]], name: str) -> int:
    values = query.get(name) or ["0"]
    try:
        return max(0, int(values[0]))
    except ValueError as exc:
        raise Refusal(400, "bad_request", f"{name} must be a whole number") from exc


def _json(status: int, value: dict[str, Any], note: str = "") -> Reply:
    return Reply(status, json.dumps(value, separators=(",", ":")).encode(), note=note)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes: without this, Nagle's algorithm and the
    # client's delayed ACK add some 40 ms to every answer.
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self, method: str) -> None:
        started = time.perf_counter()
        hub = self.server.hub
        length_text = self.headers.get("Content-Length") or "0"
        try:
            length = int(length_text)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            reply = _json(413, {"error": "body too large or without length", "code": "bad_length"})
            self.close_connection = True
        else:
            body = self.rfile.read(length) if length else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            try:
                reply = hub.handle(method, self.path, headers, body)
            except Exception as exc:  # noqa: BLE001 - a hub keeps serving; the device retries
                reply = _json(500, {"error": "the hub failed", "code": "hub_error"})
                reply.note = type(exc).__name__
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if reply.body:
            self.wfile.write(reply.body)
        elapsed = (time.perf_counter() - started) * 1000
        path = urlsplit(self.path).path
        hub.log(
            f"hub: {time.strftime('%Y-%m-%dT%H:%M:%S')} {self.client_address[0]} "
            f"{method} {path} {reply.status} {reply.note} {elapsed:.1f} ms".replace("  ", " ")
        )

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return None  # our own log line (above) carries no personal data


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], hub: Hub) -> None:
        self.hub = hub
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that went away mid-request (or failed the TLS handshake): one line, no trace.
        kind = sys.exc_info()[0]
        name = kind.__name__ if kind is not None else "error"
        self.hub.log(f"hub: {time.strftime('%Y-%m-%dT%H:%M:%S')} {client_address[0]} {name}")


@dataclass
class RunningHub:
    """A hub serving in a background thread (tests, the organiser's app, the bench)."""

    server: _Server
    thread: threading.Thread
    url: str

    @property
    def hub(self) -> Hub:
        return self.server.hub

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
        self.server.hub.close()


def make_server(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    cert: str | Path | None = None,
    key: str | Path | None = None,
    log: Callable[[str], None] = _stderr,
) -> tuple[_Server, str]:
    """A hub server bound to host:port (0: any free port) and its URL; TLS with cert and key."""
    if (cert is None) != (key is None):
        raise KioskError("TLS needs both --cert and --key")
    hub = Hub(db_path, log=log)
    try:
        with hub.lock:
            hub.roster()  # build it now, not on the first device's request
        server = _Server((host, port), hub)
    except OSError as exc:
        hub.close()
        raise KioskError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    except BaseException:
        hub.close()
        raise
    scheme = "http"
    if cert is not None and key is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            context.load_cert_chain(str(cert), str(key))
        except (OSError, ssl.SSLError) as exc:
            server.server_close()
            hub.close()
            raise KioskError(f"cannot use the TLS certificate or key: {exc}") from exc
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    bound_host, bound_port = server.server_address[:2]
    shown = host if host not in ("", "0.0.0.0") else lan_address()
    return server, f"{scheme}://{shown}:{bound_port}"


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
) -> RunningHub:
    """Start a hub in a background thread; `stop()` ends it."""
    server, url = make_server(db_path, host, port, cert=cert, key=key, log=log)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="kiosk-hub", daemon=True
    )
    thread.start()
    return RunningHub(server, thread, url)


def serve_hub(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    cert: str | Path | None = None,
    key: str | Path | None = None,
    log: Callable[[str], None] = _stderr,
) -> None:
    """`kiosk hub serve`: serve until interrupted."""
    server, url = make_server(db_path, host, port, cert=cert, key=key, log=log)
    log(f"hub: serving event {server.hub.event.event_id} on {url} (Ctrl+C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.hub.close()
        log("hub: stopped")
