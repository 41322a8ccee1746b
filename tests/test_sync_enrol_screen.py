"""The organiser's Sync tab enrols a device the way `kiosk device add` does: a one-time token shown
as text and as a QR code (which a scanner reads back to the same token), which provisions a real
door that then syncs through a real hub; and revokes a lost one. In Korean too."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken
from sync_helpers import make_organiser

from kiosk.gui.camera import decode_qr_gray, qimage_to_gray
from kiosk.gui.organiser import OrganiserScreen
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.store.database import open_database
from kiosk.sync import client as sync_client
from kiosk.sync.client import sync_once
from kiosk.sync.enrolment import normalise_token
from kiosk.sync.hub import start_hub
from kiosk.sync.roster import export_roster, provision_device

WAIT_MS = 10_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def organiser(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    path = tmp_path / "organiser.sqlite"
    conn, _ = make_organiser(path)
    yield path, conn
    conn.close()


@pytest.fixture
def console(qapp: QApplication, organiser, qtbot) -> Iterator[OrganiserScreen]:
    context: AppContext = open_context(qapp, organiser[0], "en")
    widget = OrganiserScreen(context)
    widget.resize(1400, 1000)
    widget.show()
    widget.show_tab(widget.sync)
    yield widget
    widget.shutdown()
    widget.close()
    Shiboken.delete(widget)
    context.conn.close()


def _device_state(console: OrganiserScreen, name: str) -> str | None:
    model = console.sync.devices_model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return str(model.index(row, 6).data())
    return None


def test_a_token_shown_on_screen_enrols_a_real_door(console, organiser, tmp_path, qtbot):
    panel = console.sync.enrol_panel
    panel.name.setText("door-211")
    made = panel.enrol_from_fields()
    assert made is not None and panel.token.text() == made.token
    assert "door-211" in panel.details.text() and made.token in panel.details.text()
    # The QR code on screen reads back as the very same token.
    image = panel.qr.pixmap().toImage()
    assert decode_qr_gray(qimage_to_gray(image)) == [made.token]
    qtbot.waitUntil(lambda: _device_state(console, "door-211") == "waiting for its token",
                    timeout=WAIT_MS)  # fmt: skip
    # The door is provisioned with it (as typed from the screen) and syncs through the hub.
    door = tmp_path / "door.sqlite"
    provision_device(
        door, export_roster(organiser[1]).data, device="door-211", enrol=made.token.lower()
    )
    hub = start_hub(organiser[0], log=lambda _line: None)
    sync_client._OFFSETS.clear()
    conn = open_database(door).conn
    try:
        assert sync_once(conn, hub.url).ok
    finally:
        conn.close()
        hub.stop()
    console.sync.refresh()
    qtbot.waitUntil(lambda: _device_state(console, "door-211") == "enrolled", timeout=WAIT_MS)
    # It cannot be enrolled twice; the panel says why and shows no token.
    assert panel.enrol("door-211") is None
    assert "already enrolled" in panel.message.text() and panel.token.text() == ""
    # Revoked from the same panel: the table says so.
    assert panel.revoke("door-211") == ["door-211"]
    console.sync.refresh()
    qtbot.waitUntil(lambda: _device_state(console, "door-211") == "revoked", timeout=WAIT_MS)


def test_a_bad_name_is_refused_and_the_fields_are_named_for_screen_readers(console):
    panel = console.sync.enrol_panel
    assert panel.enrol("door 211; rm -rf /") is None
    assert "not a usable device name" in panel.message.text()
    for widget in (panel.name, panel.hours, panel.enrol_button, panel.revoke_name,
                   panel.revoke_button, panel.token):  # fmt: skip
        assert widget.accessibleName(), widget.objectName()
    made = panel.enrol("kiosk-lobby")
    assert made is not None
    spoken = panel.token.accessibleName()
    assert "kiosk-lobby" in spoken and normalise_token(spoken.split(": ")[1]) == made.token


def test_the_panel_speaks_korean(console, qtbot):
    panel = console.sync.enrol_panel
    languages = console.context.languages
    assert languages.use("ko")
    try:
        qtbot.waitUntil(lambda: HANGUL.search(panel.title()) is not None, timeout=WAIT_MS)
        panel.enrol("door-3")
        header = console.sync.devices_model.headerData(6, Qt.Orientation.Horizontal)
        for text in (panel.enrol_button.text(), panel.details.text(), header):
            assert HANGUL.search(str(text)), text
    finally:
        languages.use("en")
