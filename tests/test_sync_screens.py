"""Sync on screen: automatic rounds with a real hub on loopback, the door's "waiting to be
sent" count, and the organiser's Sync tab (bundles out and in, the hub started and stopped)."""

from __future__ import annotations

import socket
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pools import GatedPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QWidget,
)
from shiboken6 import Shiboken
from sync_helpers import at, make_organiser, provision

from kiosk.cli.main import main as kiosk_cli
from kiosk.core.model import Direction
from kiosk.gui.app import SCREENS
from kiosk.gui.organiser import OrganiserScreen
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.shell.window import ShellWindow
from kiosk.gui.sync.auto import AutoSync
from kiosk.gui.translations import TRANSLATIONS_DIR
from kiosk.sync.bundle import write_bundle_file
from kiosk.sync.client import sync_once
from kiosk.sync.events import export_events
from kiosk.sync.hub import RunningHub, start_hub
from kiosk.sync.state import last_sync_ms, pending_events

WAIT_MS = 10_000


@pytest.fixture
def organiser(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection, dict[str, str]]]:
    path = tmp_path / "organiser.sqlite"
    conn, codes = make_organiser(path)
    yield path, conn, codes
    conn.close()


@pytest.fixture
def hub(organiser) -> Iterator[RunningHub]:
    running = start_hub(organiser[0], "127.0.0.1", 0, log=lambda _line: None)
    yield running
    running.stop()


@pytest.fixture
def door(qapp: QApplication, organiser, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "door.sqlite"
    provision(organiser[1], path, "door-1").close()
    context = open_context(qapp, path, "en")
    yield context
    context.conn.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def organiser_rows(conn: sqlite3.Connection, device: str) -> int:
    return int(
        conn.execute("SELECT count(*) FROM checkins WHERE device = ?", (device,)).fetchone()[0]
    )


def gone(widget: QWidget) -> None:
    """Delete a screen now, before its database closes (a later language change would reach
    it otherwise)."""
    widget.close()
    Shiboken.delete(widget)


def scan(context: AppContext, codes: dict[str, str], person: str, hhmm: str) -> None:
    context.checkins.scan(codes[person], "S2", direction=Direction.IN, at_ms=at(hhmm))


def test_autosync_pushes_a_doors_checkin_to_the_hub(organiser, hub, door, qtbot) -> None:
    _, org_conn, codes = organiser
    scan(door, codes, "R2", "10:40")
    provisioned = last_sync_ms(door.conn)  # applying the first roster counts as a sync
    assert pending_events(door.conn) == 1 and provisioned is not None
    autosync = AutoSync(door.db_path, door.conn, interval_ms=60_000)
    autosync.set_url(hub.url)
    with qtbot.waitSignal(autosync.synced, timeout=WAIT_MS) as signal:
        assert autosync.sync_now()
    assert signal.args == ["ok"]
    assert organiser_rows(org_conn, "door-1") == 1
    assert pending_events(door.conn) == 0
    assert (last_sync_ms(door.conn) or 0) > provisioned
    autosync.stop()


def test_autosync_with_the_hub_down_is_offline_and_never_blocks(organiser, door, qtbot) -> None:
    _, _, codes = organiser
    scan(door, codes, "R2", "10:40")
    provisioned = last_sync_ms(door.conn)
    pool = GatedPool()
    autosync = AutoSync(door.db_path, door.conn, interval_ms=60_000, pool=pool)
    autosync.set_url(closed_port_url())
    with qtbot.waitSignal(autosync.synced, timeout=WAIT_MS) as signal:
        assert autosync.sync_now()  # returns while the round has not even started
        assert autosync.busy and not pool.threads
        assert not autosync.sync_now()  # one round at a time
        pool.gate.set()
    assert signal.args == ["offline"]
    assert pool.threads == ["test-pool"]  # the round ran off the UI thread
    assert pool.submitted == 1
    assert pending_events(door.conn) == 1
    assert last_sync_ms(door.conn) == provisioned
    autosync.stop()
    assert not autosync.sync_now()  # stopped for good


def test_the_organiser_database_never_autosyncs(qtbot, qapp, organiser, hub) -> None:
    context = open_context(qapp, organiser[0], "en")
    autosync = AutoSync(context.db_path, context.conn)
    autosync.set_url(hub.url)
    assert not autosync.enabled and not autosync.sync_now()
    context.conn.close()


def test_the_door_shows_waiting_checkins_until_a_sync(organiser, hub, door, qtbot) -> None:
    _, org_conn, codes = organiser
    window = ShellWindow(door, SCREENS, "door", sync_interval_ms=60_000)
    screen = window.current_screen()
    label = screen.header.sync_label  # type: ignore[attr-defined]
    assert label.text().startswith("Last sync: ") and "waiting" not in label.text()
    provisioned = last_sync_ms(door.conn)
    scan(door, codes, "R1", "10:40")
    scan(door, codes, "R2", "10:41")
    screen.refresh_sync()  # type: ignore[attr-defined]
    assert "2 waiting to be sent" in label.text()
    window.autosync.set_url(hub.url)
    with qtbot.waitSignal(window.autosync.synced, timeout=WAIT_MS) as signal:
        window.autosync.sync_now()
    assert signal.args == ["ok"]
    assert "waiting" not in label.text()
    assert label.text().startswith("Last sync: ")
    assert (last_sync_ms(door.conn) or 0) > (provisioned or 0)
    assert organiser_rows(org_conn, "door-1") == 2
    window.close()  # stops the automatic sync
    assert window.autosync.timer.isActive() is False
    gone(window)


# --- the organiser's Sync tab ------------------------------------------------------------------

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QProgressBar,
)


@pytest.fixture
def org_context(qapp: QApplication, organiser) -> Iterator[AppContext]:
    context = open_context(qapp, organiser[0], "en")
    yield context
    context.conn.close()


@pytest.fixture
def console(org_context: AppContext, qtbot) -> Iterator[OrganiserScreen]:
    """The organiser's screen on the Sync tab (closed by qtbot before its database)."""
    widget = OrganiserScreen(org_context)
    widget.resize(1400, 900)
    widget.show()
    widget.show_tab(widget.sync)
    yield widget
    widget.shutdown()
    gone(widget)


def wait_task(qtbot, console: OrganiserScreen) -> None:
    qtbot.waitUntil(lambda: console.sync.task is None, timeout=WAIT_MS)


def test_sync_tab_exports_a_roster_bundle_a_device_can_start_from(
    qtbot, console: OrganiserScreen, tmp_path: Path, capsys
) -> None:
    view = console.sync
    view.passphrase.setText("sesame")
    bundle = tmp_path / "roster.kbundle"
    assert view.export_roster_to(bundle) is not None
    wait_task(qtbot, console)
    assert bundle.is_file(), view.result_label.text()
    assert "written to" in view.result_label.text()
    secret = tmp_path / "passphrase.txt"
    secret.write_text("sesame\n")
    device = tmp_path / "kiosk.sqlite"
    code = kiosk_cli(
        [
            "--db",
            str(device),
            "init",
            "--from-bundle",
            str(bundle),
            "--passphrase-file",
            str(secret),
            "--device",
            "kiosk-1",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert device.is_file() and "organiser key" in out.err + out.out


def test_sync_tab_imports_an_events_bundle(
    qtbot, console: OrganiserScreen, organiser, door, tmp_path: Path
) -> None:
    _, org_conn, codes = organiser
    scan(door, codes, "R3", "10:45")
    scan(door, codes, "R4", "10:46")
    path = write_bundle_file(tmp_path / "door.kbundle", export_events(door.conn).data)
    view = console.sync
    before = organiser_rows(org_conn, "door-1")
    assert view.import_files([path]) is not None
    wait_task(qtbot, console)
    assert view.last_result is not None and view.last_result["added"] == 2
    assert organiser_rows(org_conn, "door-1") == before + 2
    assert "2 check-ins added" in view.result_label.text()
    # Again: a set union, nothing counted twice.
    view.import_files([path])
    wait_task(qtbot, console)
    assert view.last_result["added"] == 0 and organiser_rows(org_conn, "door-1") == before + 2
    # The devices table shows the door.
    view.refresh()
    qtbot.waitUntil(lambda: view.devices_model.rowCount() == 1, timeout=WAIT_MS)
    assert view.devices_model.index(0, 0).data() == "door-1"
    assert view.devices_model.index(0, 4).data() == "2"


def test_sync_tab_starts_and_stops_the_hub(qtbot, console: OrganiserScreen, door) -> None:
    view = console.sync
    view.host.setText("127.0.0.1")
    view.port.setValue(0)
    assert view.start_hub() is not None
    qtbot.waitUntil(lambda: view.hub is not None, timeout=WAIT_MS)
    url = view.hub.url
    assert url in view.hub_label.text() and view.hub_button.text() == "Stop the hub"
    assert not view.host.isEnabled()
    device_conn = sqlite3.connect(door.db_path, isolation_level=None)
    try:
        assert sync_once(device_conn, url, timeout=5).ok
        view.refresh()
        qtbot.waitUntil(lambda: view.devices_model.rowCount() == 1, timeout=WAIT_MS)
        assert view.devices_model.index(0, 2).data() == "LAN hub"
        view.toggle_hub()  # stop
        assert view.hub is None and view.hub_button.text() == "Start the hub"
        assert sync_once(device_conn, url, timeout=2).status == "unreachable"
    finally:
        device_conn.close()


def internal(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    for _ in range(3):
        if parent is None:
            return False
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_in_the_sync_tab_has_an_accessible_name(console: OrganiserScreen) -> None:
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in console.sync.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE)
        and not internal(widget)
        and not widget.accessibleName().strip()
    ]
    assert unnamed == []


def test_the_sync_tab_reads_in_korean(qtbot, console: OrganiserScreen) -> None:
    ts = TRANSLATIONS_DIR / "sync_ko.ts"
    contexts = {c.findtext("name") for c in ET.parse(ts).iter("context")}
    assert {"SyncView", "DevicesModel", "AutoSync"} & contexts >= {"SyncView", "DevicesModel"}
    button = console.sync.hub_button
    console.context.languages.use("ko")
    try:
        qtbot.waitUntil(lambda: button.text() == "허브 시작", timeout=WAIT_MS)
        assert "동기화" in console.tabs.tabText(console.tabs.indexOf(console.sync))
        assert console.sync.export_button.accessibleName() == "로스터 번들 내보내기"
    finally:
        console.context.languages.use("en")
        qtbot.waitUntil(lambda: button.text() == "Start the hub", timeout=WAIT_MS)


def test_main_takes_a_hub_and_the_shell_syncs_with_it_at_once(
    qapp: QApplication, organiser, hub, tmp_path: Path, qtbot
) -> None:
    from kiosk.gui.app import build_shell, parse_args
    from kiosk.store.settings import get_setting

    path = tmp_path / "door2.sqlite"
    provision(organiser[1], path, "door-2").close()
    args = parse_args(["--db", str(path), "--hub", hub.url])
    assert args.hub == hub.url
    window = build_shell(qapp, path, "door", "en", args.hub)
    conn = window.context.conn
    try:
        assert get_setting(window.context.conn, "hub_url") == hub.url
        assert window.autosync.timer.isActive()  # every few seconds from now on
        qtbot.waitUntil(lambda: window.autosync.status == "ok", timeout=WAIT_MS)
    finally:
        window.close()
        gone(window)
        conn.close()


def test_a_round_that_breaks_still_reports_and_the_next_tick_tries_again(
    organiser, door, qtbot, monkeypatch, caplog
) -> None:
    """A bug in a round is logged with its traceback (not swallowed), the round reports
    "error", and the next round runs; an expected error is the round's message."""
    import logging

    from kiosk.background import InlinePool
    from kiosk.errors import KioskError
    from kiosk.sync import client

    calls: list[str] = []

    def broken(conn, url, timeout, **_):  # type: ignore[no-untyped-def]
        calls.append(url)
        if len(calls) == 1:
            raise TypeError("a bug in the round")
        raise KioskError("the hub's roster is older")

    monkeypatch.setattr(client, "sync_once", broken)
    autosync = AutoSync(door.db_path, door.conn, interval_ms=60_000, pool=InlinePool())
    autosync.set_url("http://127.0.0.1:9")
    statuses: list[str] = []
    autosync.synced.connect(statuses.append)
    with caplog.at_level(logging.ERROR, logger="kiosk.background"):
        assert autosync.sync_now()
    assert statuses == ["error"] and "a bug in the round" in caplog.text
    assert not autosync.busy
    assert autosync.sync_now()
    assert statuses == ["error", "error"]
    assert autosync.message == "KioskError: the hub's roster is older"
    autosync.stop()
