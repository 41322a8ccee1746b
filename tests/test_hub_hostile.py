"""The LAN hub on a venue network where strangers connect too: slow and idle connections, one
address hogging connections, oversized bodies, odd requests and control characters in the log.
Each attack from issue 12 is reproduced against a real hub on loopback (real sockets), and a real
door's sync round still gets through quickly. Also the load: 50 devices x 20 pushes, nothing
lost, nothing counted twice."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import PEOPLE, at, log_rows, make_organiser, provision

from kiosk.core.clock import now_ms
from kiosk.services.checkins import CheckinService
from kiosk.services.event import device_private_key, load_event
from kiosk.sync import client as sync_client
from kiosk.sync.client import sync_once
from kiosk.sync.hub import start_hub
from kiosk.sync.hub_server import ServerLimits
from kiosk.sync.protocol import request_message

MiB = 1024 * 1024


@pytest.fixture
def site(tmp_path: Path) -> Iterator[dict]:
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    door = provision(organiser, tmp_path / "door.sqlite", "door-1")
    lines: list[str] = []
    hub = start_hub(tmp_path / "organiser.sqlite", log=lines.append)
    sync_client._OFFSETS.clear()
    assert sync_once(door, hub.url).ok  # enrolled
    yield {"organiser": organiser, "door": door, "codes": codes, "hub": hub, "log": lines}
    hub.stop()
    door.close()
    organiser.close()


def _address(url: str) -> tuple[str, int]:
    host, port = url.split("//")[1].rsplit(":", 1)
    return host, int(port)


def _connect(url: str, source: str = "127.0.0.1") -> socket.socket:
    sock = socket.socket()
    sock.bind((source, 0))
    sock.connect(_address(url))
    return sock


def _status(sock: socket.socket, timeout: float = 5) -> int | None:
    """The status code of the reply on `sock` (None: closed without one)."""
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            piece = sock.recv(4096)
            if not piece:
                break
            data += piece
    except (TimeoutError, ConnectionResetError):
        pass
    found = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(found.group(1)) if found else None


def _raw(url: str, request: bytes) -> int | None:
    with _connect(url) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(request)
        return _status(sock)


def _door_round(site: dict, n: int) -> float:
    """A scan at the real door, then one sync round; its seconds (the push must go through)."""
    CheckinService(site["door"]).scan(site["codes"][PEOPLE[n % 6]], "S2", at_ms=at("10:40") + n)
    started = time.perf_counter()
    result = sync_once(site["door"], site["hub"].url, timeout=10)
    elapsed = time.perf_counter() - started
    assert result.ok and result.pushed == 1, result.message
    return elapsed


def _is_closed(sock: socket.socket, within: float) -> bool:
    """True when the other end closes (or resets) `sock` within `within` seconds."""
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_300_slow_connections_leave_a_real_doors_round_trip_under_a_second(site):
    url = site["hub"].url
    slow: list[socket.socket] = []
    # Ten strangers' addresses, 30 connections each: idle, headers trickled, bodies trickled.
    for n in range(300):
        sock = _connect(url, f"127.0.0.{2 + n % 10}")
        kind = n % 3
        if kind == 1:
            sock.sendall(b"POST /v1/events HTTP/1.1\r\nHost: hub\r\n")
        elif kind == 2:
            sock.sendall(
                b"POST /v1/events HTTP/1.1\r\nHost: hub\r\nContent-Length: 1000000\r\n\r\n"
            )
        slow.append(sock)
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set():
            for number, sock in enumerate(slow):
                if number % 3:
                    with contextlib.suppress(OSError):
                        sock.send(b"x" if number % 3 == 2 else b"X")
            stop.wait(0.5)

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        time.sleep(1)  # the hub has taken every one of them
        rounds = [_door_round(site, n) for n in range(10)]
    finally:
        stop.set()
        trickler.join()
    # A functional bound, generous for a shared machine: a door is never stuck behind strangers.
    assert max(rounds) < 1.0, rounds
    # The strangers are still connected (held, not served): it was not by dropping them.
    still_open = sum(not _is_closed(sock, 0.01) for sock in slow)
    assert still_open >= 290
    for sock in slow:
        sock.close()


def test_one_address_cannot_take_every_connection(site):
    url = site["hub"].url
    hogs = [_connect(url, "127.0.0.3") for _ in range(150)]
    time.sleep(1)
    closed = sum(_is_closed(sock, 0.5) for sock in hogs[64:])
    assert closed == len(hogs) - 64  # every connection beyond the cap was closed at once
    assert sum(_is_closed(sock, 0.01) for sock in hogs[:64]) == 0
    assert _door_round(site, 1) < 1.0
    assert sum("more than 64 connections from one address" in line for line in site["log"]) == 1
    for sock in hogs:
        sock.close()


def test_a_request_trickled_too_slowly_and_an_idle_connection_are_cut_off(tmp_path):
    organiser, _ = make_organiser(tmp_path / "organiser.sqlite")
    hub = start_hub(
        tmp_path / "organiser.sqlite",
        log=lambda _line: None,
        limits=ServerLimits(request_seconds=1.5, idle_seconds=2),
    )
    try:
        idle = _connect(hub.url)
        trickled = _connect(hub.url)
        started = time.monotonic()
        trickled.sendall(b"GET /v1/time HTTP/1.1\r\n")
        cut = None
        while time.monotonic() - started < 10:
            try:
                trickled.sendall(b"X")
            except OSError:
                cut = time.monotonic() - started
                break
            if _is_closed(trickled, 0.3):
                cut = time.monotonic() - started
                break
        assert cut is not None and 1.5 <= cut < 5, cut
        assert _is_closed(idle, 5)
        assert time.monotonic() - started < 6
    finally:
        hub.stop()
        organiser.close()


def _hwm_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def test_large_bodies_are_refused_before_they_are_sent_and_the_hub_stays_small(tmp_path):
    """Two clients each sending 300 MiB: refused with 413 as soon as the headers are in; the
    hub process (a real `kiosk hub serve`) stays as small as it was."""
    make_organiser(tmp_path / "organiser.sqlite")[0].close()
    log = tmp_path / "hub.log"
    hub = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", str(tmp_path / "organiser.sqlite"), "hub"]
        + ["serve", "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    try:
        url = None
        for _ in range(300):
            found = re.search(r"on (http://127\.0\.0\.1:\d+)", log.read_text())
            if found:
                url = found.group(1)
                break
            time.sleep(0.05)
        assert url, log.read_text()
        before = _hwm_mb(hub.pid)

        def send_300_mib(path: str) -> int | None:
            with _connect(url) as sock:
                head = f"POST {path} HTTP/1.1\r\nHost: hub\r\nContent-Length: {300 * MiB}\r\n\r\n"
                sock.sendall(head.encode())
                chunk = b"\0" * MiB
                try:
                    for _ in range(300):
                        sock.sendall(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return _status(sock)

        with ThreadPoolExecutor(2) as pool:
            statuses = list(pool.map(send_300_mib, ["/v1/events", "/v1/hello"]))
        assert statuses == [413, 413]
        # Chunked bodies are counted while they arrive, and a hello takes 64 KiB at most.
        chunked = b"POST /v1/hello HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n"
        assert _raw(url, chunked + b"11170\r\n" + b"x" * 70_000 + b"\r\n0\r\n\r\n") == 413
        assert _hwm_mb(hub.pid) - before < 30
    finally:
        hub.terminate()
        hub.wait(timeout=15)


def _signed_headers(door, method: str, target: str, body: bytes) -> str:
    event = load_event(door)
    stamp = now_ms()
    signature = device_private_key(door).sign(
        request_message(event.event_id, method, target, stamp, body)
    )
    return (
        f"X-Kiosk-Device: {event.device}\r\nX-Kiosk-Time: {stamp}\r\n"
        f"X-Kiosk-Signature: {signature.hex()}\r\n"
    )


def test_odd_requests_get_a_4xx_never_a_500(site):
    url, door = site["hub"].url, site["door"]
    sig = "ab" * 64
    odd = [
        b"GET /v1/events HTTP/1.1\r\nX-Kiosk-Device: door-1\r\nX-Kiosk-Time: \xb2\r\n"
        + f"X-Kiosk-Signature: {sig}\r\n\r\n".encode(),  # a superscript digit as the time
        b"GET /v1/events HTTP/1.1\r\nX-Kiosk-Device: door-1\r\nX-Kiosk-Time: 1\r\n"
        b"X-Kiosk-Signature: not-hex\r\n\r\n",
        b"GET /v1/events HTTP/1.1\r\nX-Kiosk-Device: \x1b[2J\r\nX-Kiosk-Time: 1\r\n"
        + f"X-Kiosk-Signature: {sig}\r\n\r\n".encode(),
        b"GET /v1/events HTTP/1.1\r\nX-Kiosk-Device: " + b"d" * 300 + b"\r\n\r\n",
        b"POST /v1/hello HTTP/1.1\r\nX-Kiosk-Device: new\r\nX-Kiosk-Time: 1\r\n"
        + f"X-Kiosk-Signature: {sig}\r\nX-Kiosk-Key: zz\r\nContent-Length: 2\r\n\r\n{{}}".encode(),
        b"GET /v1/events?since=-1 HTTP/1.1\r\n\r\n",
        b"GET /v1/events?since=\xd9\xa1 HTTP/1.1\r\n\r\n",
        b"GET /v1/events?" + b"&".join(b"a=%d" % n for n in range(50)) + b" HTTP/1.1\r\n\r\n",
        b"GET /v1/time HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"GET /v1/time HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        b"POST /v1/hello HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        b"GET /v1/time HTTP/1.1\r\n" + b"X-Long: " + b"a" * 20_000 + b"\r\n\r\n",
        b"BREW /v1/time HTTP/1.1\r\n\r\n",
        b"GET \x00\x01 HTTP/1.1\r\n\r\n",
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n",  # TLS to a plain hub
    ]
    # Correctly signed, but the body is not what the route takes.
    for target, body in (
        ("/v1/hello", b"[1, 2]"),
        ("/v1/hello", b"\xff\xfe"),
        ("/v1/events", b"?"),
        ("/v1/staff-call", b"[" * 4_000),
        ("/v1/health", b"[" * 60_000),  # nested deeper than Python's parser goes
        ("/v1/health", b'{"role": 1}'),
    ):
        head = f"POST {target} HTTP/1.1\r\nContent-Length: {len(body)}\r\n"
        odd.append(head.encode() + _signed_headers(door, "POST", target, body).encode())
        odd[-1] += b"\r\n" + body
    statuses = [_raw(url, request) for request in odd]
    assert all(status is not None and 400 <= status < 500 for status in statuses), list(
        enumerate(statuses)
    )
    assert "500" not in " ".join(line.split()[4] for line in site["log"] if len(line.split()) > 4)
    assert _door_round(site, 2) < 1.0


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.text(min_size=0, max_size=40),
    name=st.sampled_from(["X-Kiosk-Device", "X-Kiosk-Time", "X-Kiosk-Signature", "X-Kiosk-Key"]),
    value=st.binary(max_size=80),
    method=st.sampled_from(["GET", "POST", "PUT", "OPTIONS"]),
)
def test_no_request_line_or_header_makes_the_hub_fail(site, path, name, value, method):
    value = value.replace(b"\r", b"").replace(b"\n", b"")
    target = "/v1/" + path
    request = f"{method} ".encode() + target.encode("utf-8", "surrogateescape") + b" HTTP/1.1\r\n"
    request += name.encode() + b": " + value + b"\r\nContent-Length: 0\r\n\r\n"
    status = _raw(site["hub"].url, request)
    assert status is None or 400 <= status < 500 or (status == 200 and path == "time")


def test_log_lines_escape_what_strangers_send(site):
    url = site["hub"].url
    site["log"].clear()
    statuses = [
        _raw(url, request)
        for request in (
            b"GET /v1/\x1b[31mred\x1b[0m\x07 HTTP/1.1\r\n\r\n",
            b"GET /v1/\x7f\x08\x08\x08 HTTP/1.1\r\n\r\n",
            b"GET /v1/\xe2\x80\xae\xc2\x85evil HTTP/1.1\r\n\r\n",  # right-to-left override
        )
    ]
    assert statuses == [404, 404, 400]  # the last one waitress refuses before the hub sees it
    time.sleep(0.1)
    lines = list(site["log"])
    assert len(lines) == 2  # one request, one line
    for line in lines:
        assert line.isprintable(), repr(line)
    assert "\\x1b[31mred" in lines[0]


def test_fifty_devices_twenty_pushes_each_nothing_lost_nothing_twice(tmp_path):
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    hub = start_hub(tmp_path / "organiser.sqlite", log=lambda _line: None)
    sync_client._OFFSETS.clear()
    doors = [provision(organiser, tmp_path / f"d{n}.sqlite", f"door-{n:02d}") for n in range(50)]
    for door in doors:
        door.execute("PRAGMA synchronous = NORMAL")  # the doors' fsyncs are not under test

    def run(number: int) -> list[str]:
        door = doors[number]
        service = CheckinService(door)
        acknowledged = []
        for n in range(20):
            verdict = service.scan(
                codes[PEOPLE[(n + number) % 6]], "S2", at_ms=at("10:40") + n * 100 + number
            )
            for _ in range(20):
                result = sync_once(door, hub.url, timeout=30)
                if result.ok:
                    break
                time.sleep(0.05)
            assert result.ok and result.pushed == 1, result.message
            acknowledged.append(verdict.checkin_id)
        return acknowledged

    try:
        with ThreadPoolExecutor(50) as pool:
            sent = [uid for uids in pool.map(run, range(50)) for uid in uids]
    finally:
        hub.stop()
    assert len(sent) == len(set(sent)) == 1000
    rows = organiser.execute("SELECT event_uid FROM checkins").fetchall()
    got = [uid for (uid,) in rows]
    assert len(got) == len(set(got)) == 1000  # nothing counted twice
    assert set(got) == set(sent)  # nothing lost
    union = set().union(*(log_rows(door, local_only=True) for door in doors))
    assert log_rows(organiser) == union
    for door in doors:
        door.close()
    organiser.close()


class _FakeHub:
    """Not a hub: answers every request with `reply` (a stranger posing as the hub)."""

    def __init__(self, reply: bytes, stream: bytes = b"") -> None:
        self.reply, self.stream = reply, stream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.recv(65536)
                    conn.sendall(self.reply)
                    for _ in range(2000 if self.stream else 0):  # up to 2,000 x 64 KiB
                        conn.sendall(self.stream)
                except OSError:
                    pass

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize(
    ("reply", "stream"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100000000000000\r\n\r\n", b""),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 9" + b"9" * 5000 + b"\r\n\r\n", b""),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            b"10000\r\n" + b"x" * 65536 + b"\r\n",
        ),
    ],
    ids=["huge-length", "5000-digit-length", "endless-chunks"],
)
def test_a_fake_hub_with_a_huge_reply_is_refused_cleanly(tmp_path, reply, stream):
    from peak_memory import run_kiosk

    organiser, _ = make_organiser(tmp_path / "organiser.sqlite")
    provision(organiser, tmp_path / "door.sqlite", "door-1").close()
    organiser.close()
    fake = _FakeHub(reply, stream)
    try:
        run = run_kiosk(tmp_path, "--db", str(tmp_path / "door.sqlite"), "sync", "hub", fake.url)
    finally:
        fake.close()
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "larger than" in run.stderr or "does not answer like a kiosk hub" in run.stderr
    assert run.peak_mb < 300
