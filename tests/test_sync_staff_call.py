"""A kiosk's "Call staff" through the LAN hub: a signed request carrying no personal data, kept by
the hub and shown on the organisers' screen (banner, status message, chime); an unreachable hub
is a quick False, forged calls are refused. Also the Sync tab's optional TLS certificate."""

from __future__ import annotations

import http.client
import json
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pools import GatedPool
from PySide6.QtWidgets import QApplication, QMainWindow
from shiboken6 import Shiboken
from sync_helpers import make_organiser, provision, self_signed_cert

from kiosk.core.clock import now_ms
from kiosk.gui.organiser import OrganiserScreen
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.sync.auto import AutoSync
from kiosk.gui.sync.staff_call import clock_text
from kiosk.services.event import device_private_key, load_event
from kiosk.store.database import transaction
from kiosk.store.settings import put_setting
from kiosk.sync import client as sync_client
from kiosk.sync.client import LOCATION_SETTING, send_staff_call, sync_once
from kiosk.sync.hub import RunningHub, start_hub
from kiosk.sync.protocol import request_message, staff_call_body

WAIT_MS = 10_000
TARGET = "/v1/staff-call"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[dict]:
    organiser, codes = make_organiser(tmp_path / "organiser.sqlite")
    kiosks = {
        name: provision(organiser, tmp_path / f"{name}.sqlite", name)
        for name in ("kiosk-1", "kiosk-2")
    }
    lines: list[str] = []
    hub = start_hub(tmp_path / "organiser.sqlite", log=lines.append)
    sync_client._OFFSETS.clear()
    yield {"organiser": organiser, "kiosks": kiosks, "codes": codes, "hub": hub, "log": lines}
    hub.stop()
    for conn in (organiser, *kiosks.values()):
        conn.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    host, port = url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.request("POST", TARGET, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def _signed(conn: sqlite3.Connection, body: bytes, *, device: str | None = None) -> dict:
    event = load_event(conn)
    stamp = now_ms()
    message = request_message(event.event_id, "POST", TARGET, stamp, body)
    return {
        "X-Kiosk-Device": device or event.device,
        "X-Kiosk-Time": str(stamp),
        "X-Kiosk-Signature": device_private_key(conn).sign(message).hex(),
    }


def test_a_kiosk_calls_staff_and_the_hub_keeps_the_call(site) -> None:
    kiosk, hub = site["kiosks"]["kiosk-1"], site["hub"]
    with transaction(kiosk):
        put_setting(kiosk, LOCATION_SETTING, "Hall B\nentrance")
    before = now_ms()
    # kiosk-1 never synced: the hub does not know it yet, so the call says hello first.
    assert send_staff_call(kiosk, hub.url, timeout=5) is True
    [call] = hub.hub.staff_calls()
    assert (call.number, call.device, call.location) == (1, "kiosk-1", "Hall B entrance")
    assert before - 1_000 <= call.at_ms <= now_ms() + 1_000
    assert call.device_at_ms is not None
    assert set(call.to_json()) == {"number", "device", "location", "at_ms", "device_at_ms"}
    # A second call, with a location given for this call only; `after` skips the first.
    assert send_staff_call(kiosk, hub.url, timeout=5, location="Desk 3") is True
    assert [c.location for c in hub.hub.staff_calls(after=1)] == ["Desk 3"]
    text = "\n".join(site["log"])
    assert "POST /v1/staff-call 200" in text and "device=kiosk-1" in text
    names = [row[0] for row in site["organiser"].execute("SELECT family_name FROM attendees")]
    for secret in [*site["codes"], *site["codes"].values(), *names]:
        assert secret not in text


def test_the_staff_call_body_holds_no_personal_data() -> None:
    body = json.loads(staff_call_body("kiosk-1", "  Hall B  ", 123))
    assert body == {"device": "kiosk-1", "location": "Hall B", "at_ms": 123}
    assert json.loads(staff_call_body("kiosk-1", "", 1))["location"] is None


def test_an_unreachable_hub_is_false(site) -> None:
    kiosk = site["kiosks"]["kiosk-1"]
    assert send_staff_call(kiosk, closed_port_url(), timeout=2) is False
    assert send_staff_call(kiosk, "not a url", timeout=2) is False


def test_the_organisers_own_database_sends_no_staff_call(site) -> None:
    assert send_staff_call(site["organiser"], site["hub"].url, timeout=2) is False
    assert site["hub"].hub.staff_calls() == []


def test_unsigned_and_forged_staff_calls_are_refused(site) -> None:
    kiosks, url, hub = site["kiosks"], site["hub"].url, site["hub"]
    for conn in kiosks.values():
        assert sync_once(conn, url).ok  # both known to the hub
    body = staff_call_body("kiosk-1", None, now_ms())
    status, reply = _post(url, body, {})
    assert (status, reply["code"]) == (401, "unsigned")
    # Signed by kiosk-2's key while claiming to be kiosk-1.
    forged = _signed(kiosks["kiosk-2"], body, device="kiosk-1")
    assert _post(url, body, forged)[1]["code"] == "bad_signature"
    # kiosk-2 signs correctly but calls in kiosk-1's name.
    status, reply = _post(url, body, _signed(kiosks["kiosk-2"], body))
    assert (status, reply["code"]) == (403, "wrong_device")
    # A good call, then the very same request again: a replay.
    good = _signed(kiosks["kiosk-1"], body)
    assert _post(url, body, good)[0] == 200
    assert _post(url, body, good)[1]["code"] == "replay"
    # A body altered after signing.
    other = staff_call_body("kiosk-1", "Somewhere else", now_ms())
    assert _post(url, other, _signed(kiosks["kiosk-1"], body))[1]["code"] == "bad_signature"
    assert [call.device for call in hub.hub.staff_calls()] == ["kiosk-1"]


# --- on screen ---------------------------------------------------------------------------------


@pytest.fixture
def org_context(qapp: QApplication, site, tmp_path: Path) -> Iterator[AppContext]:
    context = open_context(qapp, tmp_path / "organiser.sqlite", "en")
    yield context
    context.conn.close()


@pytest.fixture
def console(org_context: AppContext, qtbot) -> Iterator[OrganiserScreen]:
    """The organiser's screen inside a main window (for its status bar)."""
    window = QMainWindow()
    widget = OrganiserScreen(org_context)
    window.setCentralWidget(widget)
    window.resize(1400, 900)
    window.show()
    yield widget
    widget.shutdown()
    window.close()
    Shiboken.delete(window)


@pytest.fixture
def kiosk_context(qapp: QApplication, site, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "kiosk-3.sqlite"
    provision(site["organiser"], path, "kiosk-3").close()
    context = open_context(qapp, path, "en")
    yield context
    context.conn.close()


def _start_hub_on_the_sync_tab(qtbot, console: OrganiserScreen) -> RunningHub:
    view = console.sync
    view.host.setText("127.0.0.1")
    view.port.setValue(0)
    assert view.start_hub() is not None
    qtbot.waitUntil(lambda: view.hub is not None, timeout=WAIT_MS)
    return view.hub


def test_a_kiosk_staff_call_shows_on_the_organisers_screen(
    qtbot, console: OrganiserScreen, kiosk_context: AppContext
) -> None:
    hub = _start_hub_on_the_sync_tab(qtbot, console)
    banner = console.staff_banner
    assert not banner.isVisible()
    autosync = AutoSync(kiosk_context.db_path, kiosk_context.conn, interval_ms=60_000)
    autosync.set_url(hub.url)
    try:
        with qtbot.waitSignal(autosync.staff_call_sent, timeout=WAIT_MS) as sent:
            assert autosync.call_staff(location="Lobby") is True
        assert sent.args == [True]
    finally:
        autosync.stop()
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    [call] = hub.hub.staff_calls()
    hhmm = clock_text(call.at_ms, console.context.event.tz)
    expected = f"Kiosk kiosk-3 (Lobby) calls for staff at {hhmm}"
    assert banner.text.text() == expected
    assert console.window().statusBar().currentMessage() == expected
    assert banner.sounds is not None and banner.sounds.last_played == "chime"
    # In Korean too.
    console.context.languages.use("ko")
    try:
        qtbot.waitUntil(lambda: "직원" in banner.text.text(), timeout=WAIT_MS)
        assert "kiosk-3" in banner.text.text() and hhmm in banner.text.text()
        assert banner.dismiss_button.text() == "닫기 (&I)"
    finally:
        console.context.languages.use("en")
    qtbot.waitUntil(lambda: banner.text.text() == expected, timeout=WAIT_MS)
    banner.dismiss_button.click()
    assert not banner.isVisible() and banner.calls == []
    # A call announced once: nothing new on the next look.
    assert console.sync.poll_staff_calls() == 0


def test_call_staff_without_a_reachable_hub_reports_not_sent(
    qtbot, kiosk_context: AppContext
) -> None:
    pool = GatedPool()
    autosync = AutoSync(kiosk_context.db_path, kiosk_context.conn, interval_ms=60_000, pool=pool)
    # No hub set: False at once.
    with qtbot.waitSignal(autosync.staff_call_sent, timeout=1_000) as none:
        assert autosync.call_staff() is False
    assert none.args == [False]
    autosync.set_url(closed_port_url())
    with qtbot.waitSignal(autosync.staff_call_sent, timeout=WAIT_MS) as sent:
        assert autosync.call_staff() is True  # returns before the call is even tried
        assert not pool.threads
        pool.gate.set()
    assert sent.args == [False]
    assert pool.threads == ["test-pool"]  # tried off the UI thread
    autosync.stop()


def test_the_sync_tab_starts_the_hub_with_tls_given_a_certificate(
    qtbot, console: OrganiserScreen, kiosk_context: AppContext, tmp_path: Path
) -> None:
    cert, key = self_signed_cert(tmp_path)
    view = console.sync
    view.host.setText("127.0.0.1")
    view.port.setValue(0)
    # A certificate without its key: refused on the spot, no hub.
    view.cert.setText(str(cert))
    assert view.start_hub() is None
    assert view.hub is None and "both" in view.result_label.text()
    view.key.setText(str(key))
    assert view.start_hub() is not None
    qtbot.waitUntil(lambda: view.hub is not None, timeout=WAIT_MS)
    url = view.hub.url
    assert url.startswith("https://127.0.0.1:") and url in view.hub_label.text()
    assert not view.cert.isEnabled() and not view.key_browse.isEnabled()
    device = sqlite3.connect(kiosk_context.db_path, isolation_level=None)
    try:
        assert sync_once(device, url, timeout=5, cafile=str(cert)).ok
        assert sync_once(device, url, timeout=5).status == "unreachable"  # cert not trusted
        assert send_staff_call(device, url, timeout=5, cafile=str(cert)) is True
    finally:
        device.close()
    view.stop_hub()
    assert view.cert.isEnabled()


def test_the_kiosks_call_staff_button_reaches_the_organisers_screen(
    qtbot, console: OrganiserScreen, kiosk_context: AppContext
) -> None:
    """The whole way: an attendee presses Call staff on the kiosk app; the kiosk chimes and shows
    its notice, and the organisers' screen shows which kiosk called."""
    from kiosk.gui.app import SCREENS
    from kiosk.gui.shell.window import ShellWindow
    from kiosk.services.settings import change_setting

    change_setting(kiosk_context.conn, "location_label", "Main entrance")  # `kiosk setting`
    hub = _start_hub_on_the_sync_tab(qtbot, console)
    window = ShellWindow(kiosk_context, SCREENS, "kiosk", sync_interval_ms=60_000)
    window.autosync.set_url(hub.url)
    kiosk = window.current_screen()
    try:
        with qtbot.waitSignal(window.autosync.staff_call_sent, timeout=WAIT_MS) as sent:
            kiosk.nav.staff_button.click()  # type: ignore[attr-defined]
        assert sent.args == [True]
        assert not kiosk.staff_banner.isHidden()  # type: ignore[attr-defined]
        assert kiosk.sounds.last_played == "chime"  # type: ignore[attr-defined]
        qtbot.waitUntil(console.staff_banner.isVisible, timeout=WAIT_MS)
        assert console.staff_banner.text.text().startswith("Kiosk kiosk-3 (Main entrance)")
    finally:
        window.autosync.stop()
        kiosk.shutdown()  # type: ignore[attr-defined]
        window.close()
        Shiboken.delete(window)
