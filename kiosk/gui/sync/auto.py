"""Automatic sync with the LAN hub: a round every few seconds, off the UI thread, silent when
the hub cannot be reached.

Each round runs `sync_once` on a background pool (`kiosk.background`; an `InlinePool` runs it at
once, in tests) with a database connection of its own (never the screens' connection); the
screens see its commits through SQLite (the door's occupancy follows `PRAGMA data_version`).
Only one round runs at a time; a tick while one is running is skipped.

`AutoSync.call_staff` sends a kiosk's staff call to the same hub, also on a pool thread with a
connection of its own, and reports with `staff_call_sent(bool)`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.background import Pool, shared_pool
from kiosk.errors import KioskError
from kiosk.store.database import Connection, DatabaseError, connect
from kiosk.store.settings import get_setting, put_setting

log = logging.getLogger(__name__)

HUB_URL_PREF = "hub_url"  # where the app finds the hub (set by `--hub URL` or the screens)
INTERVAL_MS = 5_000
ROUND_TIMEOUT_S = 3.0  # a hub that does not answer within this is "offline" for this round

# What `synced` reports: ok, offline (hub unreachable), refused, older_roster, error.
OFFLINE = "offline"


def hub_url(conn: Connection) -> str | None:
    """The hub this device syncs with: the `hub_url` setting, else the last hub synced with."""
    from kiosk.sync.state import HUB_URL_SETTING

    for key in (HUB_URL_PREF, HUB_URL_SETTING):
        value = get_setting(conn, key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def set_hub_url(conn: Connection, url: str | None) -> None:
    """Store (or clear, with None or '') the hub URL this device syncs with."""
    put_setting(conn, HUB_URL_PREF, (url or "").strip() or None)


class _RoundSignals(QObject):
    done = Signal(str, str)  # status, message


class _Round:
    """One `sync_once` round on a connection opened (and closed) on the worker thread."""

    def __init__(self, db_path: Path, url: str, timeout: float) -> None:
        self.db_path, self.url, self.timeout = db_path, url, timeout
        self.signals = _RoundSignals()
        self.finished = threading.Event()

    def run(self) -> None:
        """Run the round and always report it: an error the round expects (the database, the
        disk, a refusal) is its message; anything else is a bug the pool logs with its
        traceback, and the round still reports "error" so the next tick tries again."""
        from kiosk.sync.client import sync_once

        status, message = "error", ""
        try:
            conn = connect(self.db_path)
            try:
                result = sync_once(conn, self.url, timeout=self.timeout, health=True)
            finally:
                conn.close()
            status = OFFLINE if result.status == "unreachable" else result.status
            message = result.message
        except (KioskError, DatabaseError, OSError) as exc:
            message = f"{type(exc).__name__}: {exc}"
        finally:
            self.finished.set()
            self.signals.done.emit(status, message)


class _StaffCallSignals(QObject):
    done = Signal(bool)  # the hub took the call


class _StaffCall:
    """One `send_staff_call` on a connection opened (and closed) on the worker thread."""

    def __init__(self, db_path: Path, url: str, timeout: float, location: str | None) -> None:
        self.db_path, self.url, self.timeout, self.location = db_path, url, timeout, location
        self.signals = _StaffCallSignals()
        self.finished = threading.Event()

    def run(self) -> None:
        """Send the call; a call that fails is reported as not sent (a bug is also logged by
        the pool)."""
        from kiosk.sync.client import send_staff_call

        sent = False
        try:
            conn = connect(self.db_path)
            try:
                sent = send_staff_call(conn, self.url, timeout=self.timeout, location=self.location)
            finally:
                conn.close()
        except (KioskError, DatabaseError, OSError):
            log.warning("the staff call could not be sent", exc_info=True)
        finally:
            self.finished.set()
            self.signals.done.emit(sent)


class AutoSync(QObject):
    """Syncs this device with its hub every `interval_ms` while a hub URL is set.

    `synced(status)` follows every round ("ok", "offline", "refused", "older_roster", "error");
    `status` and `message` keep the last one. The organiser's own database never synces (it is
    the hub), so there AutoSync stays idle.
    """

    synced = Signal(str)
    staff_call_sent = Signal(bool)  # after `call_staff`: whether the hub took the call

    def __init__(
        self,
        db_path: Path,
        conn: Connection,
        *,
        interval_ms: int = INTERVAL_MS,
        timeout_s: float = ROUND_TIMEOUT_S,
        pool: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from kiosk.services.event import is_organiser

        self.db_path = Path(db_path)
        self.conn = conn
        self.timeout_s = timeout_s
        self.pool = pool or shared_pool()
        self.enabled = not is_organiser(conn)
        self.status = ""
        self.message = ""
        self.rounds = 0
        self._running: _Round | None = None
        self._calls: list[_StaffCall] = []  # staff calls under way (kept alive until done)
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def url(self) -> str | None:
        return hub_url(self.conn) if self.enabled else None

    def set_url(self, url: str | None) -> None:
        """Sync with this hub from now on (None: stop syncing)."""
        set_hub_url(self.conn, url)

    def start(self) -> None:
        """Start the timer (a round runs at once when a hub is set)."""
        if not self.enabled or self._stopped:
            return
        self.timer.start()
        self.sync_now()

    def sync_now(self) -> bool:
        """Start a round now unless one is running or no hub is set; True if one started."""
        if self._stopped or not self.enabled or self._running is not None:
            return False
        url = self.url()
        if url is None:
            return False
        job = _Round(self.db_path, url, self.timeout_s)
        job.signals.done.connect(self._round_done)
        self._running = job
        self.pool.submit(job.run)
        return True

    @Slot(str, str)
    def _round_done(self, status: str, message: str) -> None:
        self._running = None
        self.status, self.message = status, message
        self.rounds += 1
        if not self._stopped:
            self.synced.emit(status)

    def call_staff(self, location: str | None = None) -> bool:
        """Ask the hub to call staff to this kiosk, off the UI thread; True if the call is on its
        way. `staff_call_sent(sent)` follows: False at once without a hub (or on the organiser's
        own database), False when the hub cannot be reached, True once it took the call.
        `location` overrides the kiosk's stored location label."""
        url = None if self._stopped else self.url()
        if url is None:
            self.staff_call_sent.emit(False)
            return False
        job = _StaffCall(self.db_path, url, self.timeout_s, location)
        job.signals.done.connect(self._staff_call_done)
        self._calls.append(job)
        self.pool.submit(job.run)
        return True

    @Slot(bool)
    def _staff_call_done(self, sent: bool) -> None:
        sender = self.sender()
        self._calls = [job for job in self._calls if job.signals is not sender]
        self.staff_call_sent.emit(sent)

    def wait(self, timeout_s: float = 10.0) -> bool:
        """Wait for the round running now, if any, and staff calls under way (tests and
        shutdown)."""
        jobs = [job for job in (self._running, *self._calls) if job is not None]
        return all(job.finished.wait(timeout_s) for job in jobs)

    def stop(self) -> None:
        """Stop syncing (the app is closing): no new rounds; wait for the running one."""
        self._stopped = True
        self.timer.stop()
        self.wait(self.timeout_s * 4 + 2)
