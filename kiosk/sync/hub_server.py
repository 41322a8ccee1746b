"""The hub's HTTP server: waitress, hardened for a venue network where strangers connect too.

The standard library's `http.server` says it is not for production: one thread per connection,
no time-outs, bodies buffered whatever their size. Waitress reads every request in one event
loop and hands only complete requests to a few worker threads, so slow or idle connections cost
a socket and a little memory, never a thread. On top of its own limits (header size, body size
enforced while reading, bodies above 512 KiB spooled to a temporary file) this module adds:

- a deadline for a whole request to arrive and for idle connections (ServerLimits), checked
  every second: a stranger trickling a byte a second is cut off;
- a cap on connections from one address under the overall limit, so one laptop cannot take
  every slot a real door needs;
- TLS on the event loop (non-blocking handshakes), since waitress itself speaks plain HTTP.

What a request means is decided by `Hub` (kiosk.sync.hub); `wsgi_app` only adapts it.
"""

from __future__ import annotations

import contextlib
import select
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError, TransferEncodingNotImplemented
from waitress.server import TcpWSGIServer
from waitress.utilities import RequestEntityTooLarge

HEADER_BYTES = 16 * 1024
WORKER_THREADS = 4
_REFUSAL_LOG_EVERY_S = 10.0


@dataclass(frozen=True)
class ServerLimits:
    """How much the hub gives any one connection (the defaults suit a venue's LAN)."""

    connections: int = 500
    """Open connections at once; beyond, new ones wait in the listen backlog."""
    per_address: int = 64
    """Open connections from one address; beyond, new ones are closed at once."""
    request_seconds: float = 60.0
    """Time for a whole request (headers and body) to arrive once it began."""
    idle_seconds: int = 30
    """Time a connection may stay silent between requests."""


class _LimitedParser(HTTPRequestParser):  # type: ignore[misc]
    """A request parser that refuses a body larger than its route takes as soon as the headers
    are in (413), before a byte of the body is received."""

    @staticmethod
    def body_limit(method: str, path: str) -> int:
        return 0

    def parse_header(self, header_plus: bytes) -> None:
        try:
            super().parse_header(header_plus)
        except TransferEncodingNotImplemented as exc:  # bad input: 400, not 501
            raise ParsingError(str(exc.args[0])) from exc
        limit = self.body_limit(str(self.command), str(self.path))
        if self.content_length > limit or (self.chunked and limit == 0):
            self.error = RequestEntityTooLarge(f"this request takes at most {limit} bytes")
            self.completed = True


class _Channel(HTTPChannel):  # type: ignore[misc]
    """A connection that remembers when the request it is receiving began."""

    request_began = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_began = time.monotonic()
        return bool(super().received(data))

    def overdue(self, now: float, limit: float) -> bool:
        """A request that has been arriving for longer than `limit` seconds."""
        return self.request is not None and now - self.request_began > limit


class _TLSChannel(_Channel):
    """TLS on a non-blocking socket: the handshake and partial records never block the loop."""

    handshaken = False
    want_write = False

    def readable(self) -> bool:
        return True if not self.handshaken else bool(super().readable())

    def writable(self) -> bool:
        if not self.handshaken:
            return self.want_write or bool(self.will_close)
        return bool(super().writable())

    def _handshake(self) -> bool:
        try:
            self.socket.do_handshake()
        except ssl.SSLWantReadError:
            self.want_write = False
            return False
        except ssl.SSLWantWriteError:
            self.want_write = True
            return False
        except OSError:  # ssl.SSLError included: a stranger speaking something else
            self.handle_close()
            return False
        self.handshaken, self.want_write = True, False
        self.last_activity = time.time()
        return True

    def handle_read(self) -> None:
        if not self.handshaken and not self._handshake():
            return
        while True:
            try:
                data = self.socket.recv(self.adj.recv_bytes)
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                return
            except OSError:
                self.handle_close()
                return
            if not data:
                self.connected = False
                return
            self.last_activity = time.time()
            self.received(data)
            if not self.socket.pending():
                return

    def handle_write(self) -> None:
        if not self.handshaken:
            if self.will_close:
                self.handle_close()
            else:
                self._handshake()
            return
        super().handle_write()

    def send(self, data: bytes, do_close: bool = True) -> int:
        try:
            return int(self.socket.send(data))
        except (ssl.SSLWantWriteError, ssl.SSLWantReadError):
            return 0
        except OSError:
            if do_close:
                self.handle_close()
            return 0


class HubHTTPServer(TcpWSGIServer):  # type: ignore[misc]
    """A waitress server with per-address caps, request deadlines and optional TLS."""

    channel_class: type[Any] = _Channel

    def __init__(
        self,
        app: Callable[..., Iterable[bytes]],
        host: str,
        port: int,
        *,
        log: Callable[[str], None],
        tls: ssl.SSLContext | None = None,
        limits: ServerLimits = ServerLimits(),  # noqa: B008 - frozen, never changed
        max_body: int,
        body_limit: Callable[[str, str], int] | None = None,
    ) -> None:
        """`max_body`: the largest body any request may have; `body_limit(method, path)`: the
        largest for one request (checked as soon as its headers are in)."""
        adj = Adjustments(
            host=host,
            port=port,
            threads=WORKER_THREADS,
            connection_limit=limits.connections,
            channel_timeout=limits.idle_seconds,
            cleanup_interval=1,
            max_request_header_size=HEADER_BYTES,
            max_request_body_size=max_body,
            asyncore_use_poll=True,
            asyncore_loop_timeout=1,
            ident="kiosk-hub",
            expose_tracebacks=False,
            log_socket_errors=False,
            clear_untrusted_proxy_headers=False,
        )
        self.log = log
        self.tls = tls
        self.per_address = limits.per_address
        self.request_seconds = limits.request_seconds
        self.stopping = threading.Event()
        self._refusals_logged = 0.0
        parser = type(
            "HubRequestParser",
            (_LimitedParser,),
            {"body_limit": staticmethod(body_limit or (lambda method, path: max_body))},
        )
        self.channel_class = type(
            "HubChannel", (_TLSChannel if tls is not None else _Channel,), {"parser_class": parser}
        )
        super().__init__(app, adj=adj)

    def handle_accept(self) -> None:
        try:
            accepted = self.accept()
        except OSError:
            return
        if accepted is None:
            return
        conn, addr = accepted
        address = addr[0] if isinstance(addr, tuple) else str(addr)
        from_there = sum(
            1 for channel in self.active_channels.values() if channel.addr[0] == address
        )
        if from_there >= self.per_address:
            conn.close()
            now = time.monotonic()
            if now - self._refusals_logged >= _REFUSAL_LOG_EVERY_S:
                self._refusals_logged = now
                self.log(
                    f"hub: {time.strftime('%Y-%m-%dT%H:%M:%S')} {address} refused: more than "
                    f"{self.per_address} connections from one address"
                )
            return
        try:
            # TCP_NODELAY (waitress's socket options): headers and body go out as separate
            # writes, and Nagle's algorithm with the client's delayed ACK would add 40 ms.
            self.set_socket_options(conn)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
            self.channel_class(self, conn, addr, self.adj, map=self._map)
        except OSError:
            conn.close()

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        moment = time.monotonic()
        for channel in list(self.active_channels.values()):
            if isinstance(channel, _Channel) and channel.overdue(moment, self.request_seconds):
                channel.will_close = True

    def serve(self) -> None:
        """Run the event loop until `stop()`, then close every connection."""
        try:
            poll = wasyncore.poll2 if hasattr(select, "poll") else wasyncore.poll  # Windows
            while not self.stopping.is_set() and self._map:
                poll(self.adj.asyncore_loop_timeout, self._map)
        finally:
            for dispatcher in list(self._map.values()):
                with contextlib.suppress(OSError):
                    dispatcher.close()
            self.task_dispatcher.shutdown(timeout=5)

    def stop(self) -> None:
        """Ask the loop to end (any thread); `serve` returns soon after."""
        self.stopping.set()
        with contextlib.suppress(OSError):
            self.trigger.pull_trigger()


def request_headers(environ: dict[str, Any]) -> dict[str, str]:
    """A WSGI request's headers by lower-case name."""
    return {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
