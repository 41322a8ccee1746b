"""Check-ins back to pretix: `kiosk pretix push` (issue 11).

The doors admit people offline; pretix, where the tickets were sold, should know afterwards who
came. This module sends every admitted check-in (entries and exits) that pretix has not had yet
through pretix's check-in API (`POST /api/v1/organizers/{o}/checkinrpc/redeem/`), one request a
check-in, in the order they happened:

- `secret`: the ticket (see `checkin_secret`, the one rule for which ticket a check-in was);
- `datetime`: when it happened here, `type`: `entry` or `exit`;
- `force: true`: the scan already happened at our door, so pretix records it even where it would
  refuse a live scan now (already inside, a question not answered, an order since cancelled);
  `ignore_unpaid: true` likewise. What pretix still refuses (a secret it does not know, another
  event's ticket) is reported by ticket: the secret's last 4 characters and the person's
  registration id, never a name;
- `nonce`: the check-in's `event_uid`, so pretix itself drops a check-in sent twice.

Each answer is recorded in `pretix_pushes` (per target: URL, organizer, event and check-in list)
before the next few requests go, so a push cut short (network gone, pretix down, Ctrl-C) sends
only what pretix did not acknowledge the next time; a check-in pretix acknowledged but whose
record did not reach the disk is sent again and pretix ignores it (the nonce). A second push
sends nothing new. Refused check-ins are not sent again unless asked (`retry_refused`).

Standard library HTTP only (http.client, one kept-alive connection): no Qt, no new dependency.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import ssl
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from kiosk.core.clock import now_ms
from kiosk.errors import KioskError
from kiosk.services.event import load_event
from kiosk.store.database import transaction

API_PREFIX = "/api/v1"
USER_AGENT = "kiosk-pretix-push/1"
# A token file is one line; anything much larger is not one (read no further).
MAX_TOKEN_FILE_BYTES = 64 * 1024
# The largest answer read from pretix (a redeem answer is a few kB; a check-in list less).
MAX_REPLY_BYTES = 4 * 1024**2
# Answers recorded in one commit: a crash loses at most these records, and pretix ignores the
# re-sent check-ins (the nonce).
COMMIT_EVERY = 50
# pretix's rate limit (429): wait as it says, at most this long each time, this many times.
MAX_RETRY_WAIT_S = 60.0
MAX_RATE_LIMIT_WAITS = 20
# pretix order statuses, as its API spells them.
ORDER_STATUS = {"n": "pending", "p": "paid", "e": "expired", "c": "canceled"}


class PretixUnreachable(Exception):
    """The network failed or pretix answered like no working pretix (5xx, not JSON)."""


class PretixRefusedUs(Exception):
    """pretix refused the request itself (token, permissions, list): nothing more can go."""


@dataclass(frozen=True)
class Target:
    """Where check-ins go: a pretix instance, organizer, event and check-in list."""

    url: str
    organizer: str
    event: str
    list_id: int

    @classmethod
    def parse(cls, url: str, organizer: str, event: str, list_id: int) -> Target:
        """A target from the command line's words; KioskError for a URL that is not http(s)."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KioskError(f"not a pretix URL: {url!r} (e.g. https://pretix.eu)")
        path = parts.path.rstrip("/")
        if path.endswith(API_PREFIX):
            path = path[: -len(API_PREFIX)]
        base = f"{parts.scheme}://{parts.netloc}{path}"
        for name, value in (("organizer", organizer), ("event", event)):
            if not value or not value.strip() or "/" in value:
                raise KioskError(f"--{name} must be pretix's short name (slug), not {value!r}")
        if list_id <= 0:
            raise KioskError("--list must be the check-in list's number in pretix")
        return cls(base, organizer.strip(), event.strip(), list_id)

    @property
    def key(self) -> str:
        """This target in the push records: check-ins already sent are per target."""
        return f"{self.url}|{self.organizer}|{self.event}|{self.list_id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "organizer": self.organizer,
            "event": self.event,
            "list": self.list_id,
        }


def read_token_file(path: str | Path, *, device: bool = False) -> tuple[str, list[str]]:
    """The `Authorization` header value for the token in `path`, and warnings for the user.

    The file holds the token on its first line, as pretix showed it; `Token ` or `Device ` before
    it is accepted. A team API token is sent as `Token ...`, a device's (`device`) as
    `Device ...`. The token opens the event's orders: a file others on this machine may read is
    refused (exit 2, with the chmod that fixes it); one its group may read is a warning. This
    program's own files are 0600 (kiosk.store.files); a token file should be too.
    """
    path = Path(path)
    try:
        info = path.stat()
        with path.open("rb") as file:
            text = file.read(MAX_TOKEN_FILE_BYTES + 1).decode("utf-8")
    except FileNotFoundError as exc:
        raise KioskError(f"no such token file: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskError(f"cannot read the token file {path}") from exc
    if len(text) > MAX_TOKEN_FILE_BYTES:
        raise KioskError(f"the token file {path} is too large to hold one pretix API token")
    warnings = []
    if os.name == "posix":
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o007:
            raise KioskError(
                f"the token file {path} is open to other users (mode {mode:04o}): "
                f"make it private first: chmod 600 {path}"
            )
        if mode & 0o070:
            warnings.append(
                f"warning: the token file {path} can be read by its group (mode {mode:04o}); "
                f"chmod 600 {path}"
            )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise KioskError(f"the token file {path} is empty")
    words = lines[0].split()
    kind = "Device" if device else "Token"
    if len(words) == 2 and words[0] in ("Token", "Device"):
        if words[0] != kind and device:
            raise KioskError(f"--device-token, but the token file {path} says `{words[0]}`")
        kind = words[0]
        words = words[1:]
    if len(words) != 1 or not words[0].isascii() or not words[0].isprintable():
        raise KioskError(f"the token file {path} does not hold one pretix API token")
    return f"{kind} {words[0]}", warnings


def checkin_secret(
    conn: sqlite3.Connection,
    ticket_code: str | None,
    registration_id: str,
    cache: dict[str, str | None] | None = None,
) -> str | None:
    """The ticket secret a check-in goes back to the registration system as (the one rule).

    The ticket that was scanned (`checkins.ticket_code`) when the check-in recorded it; else
    the person's valid tickets, those from pretix (`source` starting with `pretix`) before the
    others, the first by code; else the person's external code from a roster imported before
    tickets existed (a valid one). None when the person holds no such ticket: then pretix cannot
    be told (the caller counts those). `cache` keeps each person's answer for one push.
    """
    if ticket_code:
        return ticket_code
    if cache is not None and registration_id in cache:
        return cache[registration_id]
    row = conn.execute(
        "SELECT code FROM tickets WHERE registration_id = ? AND status = 'valid' "
        "ORDER BY coalesce(source, '') LIKE 'pretix%' DESC, code LIMIT 1",
        (registration_id,),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT external_code FROM attendees WHERE registration_id = ? "
            "AND external_code IS NOT NULL AND external_code_revoked = 0",
            (registration_id,),
        ).fetchone()
    secret = str(row[0]) if row is not None and row[0] else None
    if cache is not None:
        cache[registration_id] = secret
    return secret


@dataclass(frozen=True)
class Selection:
    """Which admitted check-ins go: all (default), one session's door, or kiosk arrivals."""

    session: str | None = None
    arrivals: bool = False

    def where(self) -> tuple[str, tuple[Any, ...]]:
        if self.session is not None and self.arrivals:
            raise KioskError("choose --session or --arrivals, not both")
        if self.session is not None:
            return " AND c.session_id = ?", (self.session,)
        if self.arrivals:
            return " AND c.session_id IS NULL", ()
        return "", ()


@dataclass(frozen=True)
class Pending:
    """One check-in to send."""

    event_uid: str
    registration_id: str
    direction: str
    at_ms: int
    secret: str

    @property
    def ticket(self) -> str:
        """The ticket as reports name it: its last 4 characters only."""
        return ticket_label(self.secret)


def ticket_label(secret: str) -> str:
    """A ticket secret as a report shows it: `...` and its last 4 characters (a secret is a
    key to the event; a whole one never goes to a screen or a log)."""
    return "..." + secret[-4:]


@dataclass
class Plan:
    """What a push would send, and what it leaves out and why."""

    pending: list[Pending]
    already_pushed: int
    refused_before: int
    without_ticket: int


def plan_push(
    conn: sqlite3.Connection,
    target: Target,
    selection: Selection = Selection(),
    *,
    retry_refused: bool = False,
) -> Plan:
    """The admitted check-ins `target` has not acknowledged yet, in the order they happened.

    Check-ins of people without any ticket are left out and counted (`without_ticket`); those
    pretix refused before are sent again only with `retry_refused`.
    """
    if selection.session is not None:
        known = conn.execute(
            "SELECT 1 FROM sessions WHERE session_id = ?", (selection.session,)
        ).fetchone()
        if known is None:
            raise KioskError(f"no session {selection.session!r}")
    where, params = selection.where()
    rows = conn.execute(
        "SELECT c.event_uid, c.registration_id, c.direction, c.at_ms, c.ticket_code, p.result "
        "FROM checkins c LEFT JOIN pretix_pushes p "
        "ON p.target = ? AND p.event_uid = c.event_uid "
        "WHERE c.verdict = 'admit' AND c.registration_id IS NOT NULL" + where + " "
        "ORDER BY c.at_ms, c.id",
        (target.key, *params),
    )
    cache: dict[str, str | None] = {}
    plan = Plan([], 0, 0, 0)
    for uid, registration_id, direction, at_ms, ticket_code, result in rows:
        if result == "accepted":
            plan.already_pushed += 1
            continue
        if result == "refused" and not retry_refused:
            plan.refused_before += 1
            continue
        secret = checkin_secret(conn, ticket_code, registration_id, cache)
        if secret is None:
            plan.without_ticket += 1
            continue
        plan.pending.append(Pending(uid, registration_id, direction, int(at_ms), secret))
    return plan


@dataclass
class PushResult:
    """What one push did. `status`: ok, dry_run, unreachable or refused_us (token, list)."""

    target: Target
    plan: Plan
    status: str = "ok"
    sent: int = 0
    accepted: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)
    not_paid: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""

    @property
    def left(self) -> int:
        """Check-ins still to send (after a push cut short)."""
        return len(self.plan.pending) - self.sent

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "target": self.target.to_json(),
            "status": self.status,
            "to_send": len(self.plan.pending),
            "sent": self.sent,
            "accepted": self.accepted,
            "refused": self.refused,
            "accepted_not_paid": self.not_paid,
            "already_pushed": self.plan.already_pushed,
            "refused_before": self.plan.refused_before,
            "without_ticket": self.plan.without_ticket,
            "left": self.left,
        }
        if self.message:
            out["message"] = self.message
        return out


class PretixClient:
    """Requests to one pretix over one kept-alive HTTP(S) connection, answers bounded."""

    def __init__(
        self,
        target: Target,
        authorization: str,
        *,
        timeout: float = 30.0,
        cafile: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parts = urlsplit(target.url)
        self.target = target
        self.base = parts.path.rstrip("/") + API_PREFIX
        self.authorization = authorization
        self.sleep = sleep
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=cafile)
            self.http: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=context
            )
        else:
            self.http = http.client.HTTPConnection(host, port, timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """One JSON request; (status, decoded answer or None). A dropped kept-alive connection
        is opened again once (every request here may be repeated: redeem has its nonce); a
        rate limit (429) is waited out as pretix asks."""
        data = None if body is None else json.dumps(body).encode()
        headers = {
            "Authorization": self.authorization,
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
        if data is not None:
            headers["Content-Type"] = "application/json"
        waits = 0
        attempt = 0
        while True:
            try:
                status, retry_after, raw = self._once(method, self.base + path, data, headers)
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.http.close()
                attempt += 1
                if attempt > 1:
                    raise PretixUnreachable("pretix closed the connection") from None
                continue
            if status == 429 and waits < MAX_RATE_LIMIT_WAITS:
                waits += 1
                self.sleep(min(max(retry_after, 1.0), MAX_RETRY_WAIT_S))
                continue
            break
        try:
            value = json.loads(raw) if raw else None
        except (ValueError, RecursionError):
            value = None
        if status >= 500 or (value is None and status not in (204, 401, 403, 404)):
            raise PretixUnreachable(f"{self.target.url} answered {status}, not like pretix")
        return status, value

    def _once(
        self, method: str, path: str, data: bytes | None, headers: dict[str, str]
    ) -> tuple[int, float, bytes]:
        try:
            self.http.request(method, path, body=data, headers=headers)
            response = self.http.getresponse()
            announced = response.getheader("Content-Length")
            if announced is not None and announced.isdigit() and int(announced) > MAX_REPLY_BYTES:
                self.http.close()
                raise PretixUnreachable(
                    f"{self.target.url} sent an answer too large to be pretix's"
                )
            raw = response.read(MAX_REPLY_BYTES + 1)
            if len(raw) > MAX_REPLY_BYTES:
                self.http.close()
                raise PretixUnreachable(
                    f"{self.target.url} sent an answer too large to be pretix's"
                )
            retry = response.getheader("Retry-After") or ""
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            raise
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            self.http.close()
            raise PretixUnreachable(_network_words(exc)) from exc
        try:
            retry_after = float(retry)
        except ValueError:
            retry_after = 1.0
        return response.status, retry_after, raw

    def check_list(self) -> dict[str, Any]:
        """The check-in list, read before anything is sent: proves the URL is pretix, the token
        is taken and may see the event, and the list is that event's. PretixRefusedUs or
        PretixUnreachable with one clear line otherwise."""
        t = self.target
        status, value = self.request(
            "GET",
            f"/organizers/{quote(t.organizer, safe='')}/events/{quote(t.event, safe='')}"
            f"/checkinlists/{t.list_id}/",
        )
        if status == 200 and isinstance(value, dict) and value.get("id") == t.list_id:
            return value
        if status == 401:
            raise PretixRefusedUs(f"pretix at {t.url} refused the token: {_detail(value)}")
        if status == 403:
            raise PretixRefusedUs(
                f"the token may not see event {t.event!r} of organizer {t.organizer!r} at {t.url}"
                f" ({_detail(value)})"
            )
        if status == 404:
            raise PretixRefusedUs(
                f"pretix at {t.url} has no check-in list {t.list_id} in event {t.event!r} of "
                f"organizer {t.organizer!r} (or the token may not see it)"
            )
        raise PretixUnreachable(f"{t.url} answered {status} for the check-in list, not like pretix")

    def redeem(self, item: Pending, tz: ZoneInfo) -> tuple[int, Any]:
        """Send one check-in; (HTTP status, pretix's answer)."""
        body = {
            "secret": item.secret,
            "source_type": "barcode",
            "lists": [self.target.list_id],
            "type": "exit" if item.direction == "out" else "entry",
            "datetime": datetime.fromtimestamp(item.at_ms / 1000, tz).isoformat(
                timespec="milliseconds"
            ),
            "force": True,
            "ignore_unpaid": True,
            "nonce": item.event_uid,
            "questions_supported": False,
        }
        return self.request(
            "POST",
            f"/organizers/{quote(self.target.organizer, safe='')}/checkinrpc/redeem/",
            body,
        )


def _detail(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("detail"), str):
        return str(value["detail"])[:200]
    return "no reason given"


def _network_words(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(exc, socket.gaierror):
        return "no such host"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    return str(exc) or type(exc).__name__


def _record(
    conn: sqlite3.Connection, target: Target, answers: list[tuple[str, str, str | None]]
) -> None:
    """Record pretix's answers (event_uid, result, reason) in one commit."""
    if not answers:
        return
    stamp = now_ms()
    with transaction(conn):
        conn.executemany(
            "INSERT INTO pretix_pushes(target, event_uid, pushed_ms, result, reason) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(target, event_uid) DO UPDATE SET "
            "pushed_ms = excluded.pushed_ms, result = excluded.result, reason = excluded.reason",
            [(target.key, uid, stamp, result, reason) for uid, result, reason in answers],
        )
    answers.clear()


def _refusal(item: Pending, tz: ZoneInfo, reason: str, explanation: Any) -> dict[str, Any]:
    refusal: dict[str, Any] = {
        "ticket": item.ticket,
        "registration_id": item.registration_id,
        "direction": item.direction,
        "at": datetime.fromtimestamp(item.at_ms / 1000, tz).isoformat(timespec="seconds"),
        "reason": reason,
    }
    if isinstance(explanation, str) and explanation:
        refusal["explanation"] = explanation[:200]
    return refusal


def push_checkins(
    conn: sqlite3.Connection,
    target: Target,
    authorization: str,
    selection: Selection = Selection(),
    *,
    dry_run: bool = False,
    retry_refused: bool = False,
    timeout: float = 30.0,
    cafile: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Send the check-ins `target` has not acknowledged (see the module doc).

    The check-in list is read first, also when there is nothing to send (so a push says at once
    whether URL, token and list are right). Raises KioskError when nothing could be sent at all
    (pretix unreachable, the token or the list refused): nothing is recorded then. A push cut
    short later returns with `status` `unreachable` or `refused_us` and what was acknowledged
    up to there recorded.
    """
    event = load_event(conn)
    plan = plan_push(conn, target, selection, retry_refused=retry_refused)
    result = PushResult(target, plan)
    if dry_run:
        result.status = "dry_run"
        return result
    client = PretixClient(target, authorization, timeout=timeout, cafile=cafile)
    answers: list[tuple[str, str, str | None]] = []
    try:
        try:
            client.check_list()
        except PretixUnreachable as exc:
            raise KioskError(f"pretix unreachable at {target.url}: {exc}") from exc
        except PretixRefusedUs as exc:
            raise KioskError(str(exc)) from exc
        for item in _each(plan.pending, progress):
            status, value = client.redeem(item, event.tz)
            answer_status = value.get("status") if isinstance(value, dict) else None
            if status in (200, 201) and answer_status == "ok":
                answers.append((item.event_uid, "accepted", None))
                result.accepted += 1
                position = value.get("position") if isinstance(value, dict) else None
                order_status = position.get("order__status") if isinstance(position, dict) else None
                if isinstance(order_status, str) and order_status != "p":
                    result.not_paid.append(
                        {
                            "ticket": item.ticket,
                            "registration_id": item.registration_id,
                            "order_status": ORDER_STATUS.get(order_status, order_status),
                        }
                    )
            elif status in (400, 404) and isinstance(answer_status, str):
                reason = str(value.get("reason") or answer_status)
                answers.append((item.event_uid, "refused", reason))
                result.refused.append(
                    _refusal(item, event.tz, reason, value.get("reason_explanation"))
                )
            elif status == 401:
                raise PretixRefusedUs(f"pretix refused the token: {_detail(value)}")
            elif status == 403:
                raise PretixRefusedUs(f"pretix refused this token a check-in: {_detail(value)}")
            else:
                raise PretixRefusedUs(
                    f"pretix answered {status} to a check-in: {json.dumps(value)[:200]}"
                )
            result.sent += 1
            if len(answers) >= COMMIT_EVERY:
                _record(conn, target, answers)
    except PretixUnreachable as exc:
        result.status = "unreachable"
        result.message = f"pretix unreachable at {target.url}: {exc}"
    except PretixRefusedUs as exc:
        result.status = "refused_us"
        result.message = str(exc)
    finally:
        client.close()
        _record(conn, target, answers)
    return result


def _each(items: list[Pending], progress: Callable[[int, int], None] | None) -> Iterator[Pending]:
    total = len(items)
    for done, item in enumerate(items):
        yield item
        if progress is not None:
            progress(done + 1, total)
