"""A device's sync round with the hub: `kiosk sync hub URL` and the app's timer.

One round: say hello (register on first contact, learn the hub's roster version), push this
device's check-ins not yet acknowledged, take a newer roster, then pull the other devices'
check-ins. Pushing comes first so a check-in never waits behind a large download. The device's
acknowledged mark moves only after the hub's signed answer, so a round cut short anywhere (the
hub gone, the device killed) just sends the same check-ins again next time: the hub's merge is a
union, nothing is counted twice.

`sync_once` never raises for a missing network: it returns a status (`unreachable`), so a timer
can call it every few seconds. `send_staff_call` asks the hub to call staff to this kiosk (the
organisers' screen shows it); it returns False, never raises, when the hub cannot be reached.
Run either on a connection of its own (off the UI thread); doors on other connections see
what a round merged at their next scan (`PRAGMA data_version`).
"""

from __future__ import annotations

import http.client
import json
import sqlite3
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from cryptography.exceptions import InvalidSignature

from kiosk.core import keys
from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.services.event import Event, device_private_key, is_organiser, load_event
from kiosk.store.database import transaction
from kiosk.store.settings import get_setting, put_setting
from kiosk.sync import identity
from kiosk.sync.bundle import BundleError, open_bundle
from kiosk.sync.events import export_events, import_events, local_seq_high
from kiosk.sync.protocol import (
    HEADER_DEVICE,
    HEADER_REPLY_SIGNATURE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    PREFIX,
    STAFF_CALL_PATH,
    reply_message,
    request_message,
    staff_call_body,
)
from kiosk.sync.roster import (
    LAST_SYNC_SETTING,
    PULL_CURSOR_SETTING,
    apply_roster,
    roster_version,
)
from kiosk.sync.state import HUB_URL_SETTING, acked_id, mark_acked

MAX_PULL_PAGES = 1_000
# A kiosk's location label, sent with its staff calls ("Hall B entrance"); optional.
LOCATION_SETTING = "location_label"
STAFF_CALL_TIMEOUT_S = 3.0
_OFFSETS: dict[str, int] = {}  # hub URL -> hub clock minus ours, in ms
_OFFSETS_LOCK = threading.Lock()


@dataclass
class SyncResult:
    """What one round did. `status`: ok, unreachable, refused, older_roster or error."""

    status: str
    pushed: int = 0
    pulled_events: int = 0
    pulled_version: int | None = None
    roster_applied: bool = False
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled_version": self.pulled_version,
            "pulled_events": self.pulled_events,
            "roster_applied": self.roster_applied,
            "status": self.status,
            **({"message": self.message} if self.message else {}),
        }


class HubUnreachable(Exception):
    pass


class HubRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


class HubClient:
    """Signed requests to one hub over one kept-alive HTTP(S) connection."""

    def __init__(
        self,
        url: str,
        event: Event,
        device: str,
        key: Any,
        *,
        timeout: float = 10.0,
        cafile: str | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KioskError(f"not a hub URL: {url!r} (e.g. http://192.168.0.10:8765)")
        self.url = url.rstrip("/")
        self.base = parts.path.rstrip("/")
        self.event = event
        self.device = device
        self.key = key
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=cafile)
            self.http: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, port, timeout=timeout, context=context
            )
        else:
            self.http = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def _send(
        self, method: str, target: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        try:
            self.http.request(method, self.base + target, body=body or None, headers=headers)
            response = self.http.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            self.http.close()
            raise HubUnreachable(str(exc) or type(exc).__name__) from exc
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def offset(self, refresh: bool = False) -> int:
        with _OFFSETS_LOCK:
            known = _OFFSETS.get(self.url)
        if known is not None and not refresh:
            return known
        before = now_ms()
        status, _, data = self._send("GET", f"{PREFIX}/time", b"", {})
        after = now_ms()
        try:
            hub_now = int(json.loads(data)["now_ms"])
        except (ValueError, KeyError, TypeError) as exc:
            raise HubUnreachable(f"{self.url} does not answer like a kiosk hub") from exc
        if status != 200:
            raise HubUnreachable(f"{self.url} answered {status}")
        offset = hub_now - (before + after) // 2
        with _OFFSETS_LOCK:
            _OFFSETS[self.url] = offset
        return offset

    def call(
        self, method: str, path: str, body: bytes = b"", query: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, str], bytes, str]:
        """A signed request; retried once with a fresh clock offset if the hub says stale."""
        target = PREFIX + path + (f"?{urlencode(query)}" if query else "")
        for attempt in range(2):
            stamp = now_ms() + self.offset(refresh=attempt > 0)
            message = request_message(self.event.event_id, method, self.base + target, stamp, body)
            signature = self.key.sign(message).hex()
            headers = {
                HEADER_DEVICE: self.device,
                HEADER_TIME: str(stamp),
                HEADER_SIGNATURE: signature,
                "Content-Type": "application/octet-stream",
            }
            status, reply_headers, data = self._send(method, target, body, headers)
            if status in (200, 204):
                return status, reply_headers, data, signature
            code, message_text = _error(data)
            if status == 401 and code == "stale" and attempt == 0:
                continue
            raise HubRefused(status, code, message_text)
        raise HubRefused(401, "stale", "the hub keeps refusing this device's clock")

    def signed_json(self, method: str, path: str, body: bytes = b"") -> dict[str, Any]:
        """A signed request whose JSON answer must carry the organiser key's signature."""
        status, headers, data, signature = self.call(method, path, body)
        try:
            self.event.public_key.verify(
                bytes.fromhex(headers.get(HEADER_REPLY_SIGNATURE.lower(), "")),
                reply_message(signature, status, data),
            )
        except (InvalidSignature, ValueError) as exc:
            raise HubRefused(
                status,
                "unsigned_reply",
                "the hub's answer is not signed by this event's organiser key",
            ) from exc
        try:
            value = json.loads(data)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise HubRefused(status, "bad_reply", "the hub's answer cannot be read")
        return value


def _error(data: bytes) -> tuple[str, str]:
    try:
        value = json.loads(data)
        return str(value.get("code", "error")), str(value.get("error", "refused"))
    except (ValueError, AttributeError):
        return "error", data[:200].decode("utf-8", "replace")


def _hello_body(conn: sqlite3.Connection, event: Event, public: bytes) -> bytes:
    """A hello: this device, its key and enrolment proof, its sequence numbers, its pull cursor."""
    secret = identity.enrol_secret(conn)
    hello = {
        "device": event.device,
        "public_key": public.hex(),
        "enrolment": (
            identity.enrolment_proof(secret, event.event_id, event.device, public)
            if secret is not None
            else None
        ),
        "seq_high": local_seq_high(conn),
        "pull_cursor": int(get_setting(conn, PULL_CURSOR_SETTING, 0)),
    }
    return json.dumps(hello).encode()


def send_staff_call(
    conn: sqlite3.Connection,
    url: str,
    *,
    timeout: float = STAFF_CALL_TIMEOUT_S,
    location: str | None = None,
    cafile: str | None = None,
) -> bool:
    """Ask the hub at `url` to call staff to this device; True once the hub took the call.

    The call carries this device's name, its location label (`location`, else the
    `location_label` setting, if any) and the time: no personal data. A device the hub does not
    know yet says hello first. Never raises: False when the hub cannot be reached within
    `timeout`, refuses the call, or this database is not a device's.
    """
    try:
        if is_organiser(conn):
            return False
        event = load_event(conn)
        key = device_private_key(conn)
        if location is None:
            stored = get_setting(conn, LOCATION_SETTING)
            location = stored if isinstance(stored, str) else None
        client = HubClient(url, event, event.device, key, timeout=timeout, cafile=cafile)
    except (KioskError, sqlite3.Error, OSError, ValueError):
        return False
    try:
        for attempt in range(2):
            body = staff_call_body(event.device, location, now_ms())
            try:
                answer = client.signed_json("POST", STAFF_CALL_PATH, body)
            except HubRefused as exc:
                if exc.code != "unknown_device" or attempt > 0:
                    return False
                public = keys.public_bytes(key.public_key())
                client.signed_json("POST", "/hello", _hello_body(conn, event, public))
                continue
            return answer.get("received") is True
        return False
    except (HubUnreachable, HubRefused, TimeoutError, OSError, sqlite3.Error, ValueError):
        return False
    finally:
        client.close()


def sync_once(
    conn: sqlite3.Connection,
    url: str,
    *,
    timeout: float = 10.0,
    cafile: str | None = None,
    progress: Callable[[str], None] | None = None,
    health: bool = False,
) -> SyncResult:
    """One sync round with the hub at `url` (see the module doc); never raises for the network.

    `progress` is told each step as it completes: "hello", "pushed" (the hub acknowledged; this
    device records that with the round's last commit), "roster", "pulled", "acked".
    With `health` (the app's rounds) the device's machine check goes along when one is due
    (kiosk.sync.health).
    """
    if is_organiser(conn):
        raise KioskError("this is the organiser's database: it is the hub, it does not sync to one")
    event = load_event(conn)
    key = device_private_key(conn)
    public = keys.public_bytes(key.public_key())
    client = HubClient(url, event, event.device, key, timeout=timeout, cafile=cafile)
    step = progress or (lambda _: None)
    result = SyncResult("ok")
    acked_to = 0  # this device's rows up to here are at the hub, not yet recorded
    skip_to = 0  # the hub's rows up to here are all this device's own
    try:
        answer = client.signed_json("POST", "/hello", _hello_body(conn, event, public))
        hub_version = int(answer.get("roster_version", 0))
        hub_cursor = int(answer.get("checkins_cursor", 0))
        others = bool(answer.get("others", True))
        step("hello")
        if health:
            from kiosk.sync import health as machine_check

            machine_check.check_if_due(conn, client.url, event.device, client.offset())
            machine_check.send_report(client, conn)

        since = acked_id(conn)
        export = export_events(conn, since=since, event=event)
        if export.records:
            ack = client.signed_json("POST", "/events", export.data)
            result.pushed = export.records
            step("pushed")
            acked_to = int(ack.get("cursor") or export.cursor)

        have = roster_version(conn)
        result.pulled_version = have
        if hub_version < have:
            result.status = "older_roster"
            result.message = (
                f"the hub's roster version {hub_version} is older than version {have}, which "
                "this device already has; refused"
            )
            return result
        if hub_version > have:
            status, _, data, _ = client.call("GET", "/roster", query={"have": have})
            if status == 200:
                applied = apply_roster(conn, open_bundle(data))
                result.roster_applied = applied.applied
                result.pulled_version = applied.version
            step("roster")

        cursor = int(get_setting(conn, PULL_CURSOR_SETTING, 0))
        if not others:
            # Up to the hub's newest row there is nothing but this device's own: skip them.
            skip_to, hub_cursor = max(cursor, hub_cursor), cursor
        for _ in range(MAX_PULL_PAGES):
            if cursor >= hub_cursor:
                break
            _, _, data, _ = client.call("GET", "/events", query={"since": cursor})
            bundle = open_bundle(data)
            if bundle.signer != event.public_key_raw:
                raise BundleError("refused: the hub's check-ins are not signed by the organiser")
            merged = import_events(conn, [bundle], via="hub")
            result.pulled_events += merged.counts.added
            header_cursor = bundle.header.get("cursor")
            new_cursor = int(header_cursor.get("to", cursor)) if header_cursor else cursor
            with transaction(conn):
                put_setting(conn, PULL_CURSOR_SETTING, max(cursor, new_cursor))
            if new_cursor <= cursor or not bundle.header.get("more"):
                break
            cursor = new_cursor
        step("pulled")
        with transaction(conn):
            if skip_to > int(get_setting(conn, PULL_CURSOR_SETTING, 0)):
                put_setting(conn, PULL_CURSOR_SETTING, skip_to)
            if acked_to:
                mark_acked(conn, acked_to)
                acked_to = 0
            put_setting(conn, LAST_SYNC_SETTING, now_ms())
            put_setting(conn, HUB_URL_SETTING, client.url)
        step("acked")
        return result
    except HubUnreachable as exc:
        result.status, result.message = "unreachable", f"hub unreachable: {exc}"
    except HubRefused as exc:
        result.status, result.message = "refused", f"the hub refused: {exc} ({exc.code})"
    except BundleError as exc:
        result.status, result.message = "refused", str(exc)
    except TimeoutError as exc:
        result.status, result.message = "unreachable", f"hub unreachable: {exc}"
    except sqlite3.OperationalError as exc:  # e.g. the database busy for too long: next time
        result.status, result.message = "error", f"this device's database: {exc}"
    finally:
        client.close()
        if acked_to:  # the round broke off after the hub took the push: remember it anyway
            try:
                with transaction(conn):
                    mark_acked(conn, acked_to)
            except sqlite3.OperationalError:
                pass  # not recorded: the same check-ins are sent again, as duplicates
    return result
