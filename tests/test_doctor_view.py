"""The organiser's "Device check" page on the Sync tab: each device's latest machine check as the
hub kept it, failing devices first and opened, every line in Korean on a Korean screen, and this
machine's own check on demand; the hub keeps only a device's newest report."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken
from sync_helpers import make_organiser

from kiosk.doctor.findings import MESSAGES, Report, fail, ok, warn
from kiosk.gui.organiser import OrganiserScreen
from kiosk.gui.shell.context import AppContext, open_context
from kiosk.gui.sync.doctor_messages import TEMPLATES, finding_text
from kiosk.gui.translations import compile_translations
from kiosk.services.device_health import latest_reports, parse_report, record_report
from kiosk.store.database import transaction

WAIT_MS = 60_000
KIOSK = Report(
    "kiosk",
    "kiosk-2",
    1_569_800_000_000,
    (
        ok("display.supported", size="1080x1920"),
        fail("printer.paused", printer="Badges"),
        warn("camera.none"),
    ),
)
DOOR = Report("door", "door-1", 1_569_800_100_000, (ok("fonts.ok", count=10),))


@pytest.fixture
def organiser(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    path = tmp_path / "organiser.sqlite"
    conn, _codes = make_organiser(path)
    yield path, conn
    conn.close()


@pytest.fixture
def console(qapp: QApplication, organiser, qtbot) -> Iterator[OrganiserScreen]:
    compile_translations()
    context: AppContext = open_context(qapp, organiser[0], "en")
    widget = OrganiserScreen(context)
    widget.resize(1400, 900)
    widget.show()
    widget.show_tab(widget.sync)
    widget.sync.pages.setCurrentWidget(widget.sync.doctor)
    yield widget
    context.languages.use("en")
    widget.shutdown()
    widget.close()
    Shiboken.delete(widget)  # now, before its database closes
    context.conn.close()


def test_every_finding_code_has_a_translatable_template_equal_to_the_cli_english():
    assert set(TEMPLATES) == set(MESSAGES)
    for code, template in TEMPLATES.items():
        assert template() == MESSAGES[code], code  # English screen = what the CLI prints


def test_the_hub_keeps_each_devices_newest_report_under_the_signers_name(organiser):
    _, conn = organiser
    older = Report("kiosk", "forged-name", KIOSK.at_ms - 60_000, (ok("fonts.ok", count=10),))
    with transaction(conn):
        assert record_report(conn, "kiosk-2", KIOSK, received_ms=KIOSK.at_ms + 5)
        assert not record_report(conn, "kiosk-2", older, received_ms=KIOSK.at_ms + 9)
        assert record_report(conn, "door-1", DOOR, received_ms=DOOR.at_ms + 5)
    reports = latest_reports(conn)
    assert [h.device for h in reports] == ["kiosk-2", "door-1"]  # failing first
    assert reports[0].report == KIOSK


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1]", b'{"role": "stage", "at_ms": 1, "findings": []}', b"{" * 70_000],
)
def test_a_report_that_is_not_one_is_refused(body):
    with pytest.raises(ValueError):
        parse_report(body)


def test_devices_checks_are_listed_failing_first_and_opened(console, organiser, qtbot):
    _, conn = organiser
    with transaction(conn):
        record_report(conn, "door-1", DOOR, received_ms=DOOR.at_ms)
        record_report(conn, "kiosk-2", KIOSK, received_ms=KIOSK.at_ms)
    view = console.sync.doctor
    view.refresh()
    tree = view.tree
    assert tree.topLevelItemCount() == 2
    kiosk, door = tree.topLevelItem(0), tree.topLevelItem(1)
    assert kiosk.text(0).startswith("✖ kiosk-2") and "self check-in kiosk" in kiosk.text(0)
    assert "1 to fix, 1 to check, 1 OK" in kiosk.text(1)
    assert kiosk.isExpanded() and not door.isExpanded()
    lines = [(kiosk.child(i).text(0), kiosk.child(i).text(1)) for i in range(kiosk.childCount())]
    assert ("✖ Fix", "printer Badges is paused: resume it with `cupsenable Badges`") in lines
    assert ("▲ Check", MESSAGES["camera.none"]) in lines
    assert [kiosk.child(i).text(0)[0] for i in range(3)] == ["✖", "▲", "✔"]  # to fix first
    name = kiosk.child(0).data(1, Qt.ItemDataRole.AccessibleTextRole)
    assert name.startswith("Fix: printer Badges is paused")  # the words, not the colour


def test_a_korean_screen_shows_every_line_in_korean(console, organiser):
    _, conn = organiser
    with transaction(conn):
        record_report(conn, "kiosk-2", KIOSK, received_ms=KIOSK.at_ms)
    view = console.sync.doctor
    view.refresh()
    console.context.languages.use("ko")
    QApplication.processEvents()
    kiosk = view.tree.topLevelItem(0)
    assert "셀프 체크인 키오스크" in kiosk.text(0)
    paused = kiosk.child(0)
    assert paused.text(0) == "✖ 조치 필요"
    assert (
        paused.text(1)
        == "프린터 Badges이(가) 일시 정지되었습니다: `cupsenable Badges`로 다시 시작하십시오"
    )
    assert console.sync.pages.tabText(1) == "기기 점검"
    assert finding_text(KIOSK.findings[2]).startswith("카메라가 없습니다")


def test_this_machine_is_checked_on_demand(console, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound'}")
    view = console.sync.doctor
    assert view.check_here() is not None
    assert not view.check_button.isEnabled()
    qtbot.waitUntil(lambda: view.task is None, timeout=WAIT_MS)
    first = view.tree.topLevelItem(0)
    assert first.text(0).endswith("this machine (organiser)")
    checks = [first.child(i).text(1) for i in range(first.childCount())]
    assert any("badge and screen fonts are installed" in line for line in checks)
    assert view.check_button.isEnabled()


# --- reports ride along with sync rounds -----------------------------------------------------


@pytest.fixture
def site(organiser, tmp_path: Path, monkeypatch) -> Iterator[dict]:
    from sync_helpers import provision

    from kiosk.sync import client as sync_client
    from kiosk.sync.hub import start_hub

    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound'}")
    path, org_conn = organiser
    door = provision(org_conn, tmp_path / "door-1.sqlite", "door-1")
    hub = start_hub(path, log=lambda _line: None)
    sync_client._OFFSETS.clear()
    yield {"door": door, "hub": hub, "organiser": org_conn}
    hub.stop()
    door.close()


def test_a_doors_check_reaches_the_organiser_with_its_sync_round_once(site):
    from kiosk.sync.client import sync_once
    from kiosk.sync.health import set_device_role

    door, url, org = site["door"], site["hub"].url, site["organiser"]
    set_device_role(door, "door")
    assert sync_once(door, url, health=True).ok
    (health,) = latest_reports(org)
    assert health.device == "door-1" and health.report.role == "door"
    codes = {f.code for f in health.report.findings}
    assert {"hub.ok", "clock.ok", "fonts.ok"} <= codes  # the round stood in for the hub check
    assert "printer" not in {f.check for f in health.report.findings}  # a door has none
    received = health.received_ms
    assert sync_once(door, url, health=True).ok  # not due again, and already sent
    assert latest_reports(org)[0].received_ms == received


def test_a_plain_sync_round_sends_no_check(site):
    from kiosk.sync.client import sync_once
    from kiosk.sync.health import set_device_role

    set_device_role(site["door"], "door")
    assert sync_once(site["door"], site["hub"].url).ok  # `kiosk sync hub`: no doctor
    assert latest_reports(site["organiser"]) == []


def test_an_unsigned_report_is_refused(site):
    import http.client
    import json
    from urllib.parse import urlsplit

    parts = urlsplit(site["hub"].url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    conn.request("POST", "/v1/health", body=json.dumps(KIOSK.to_json()).encode())
    response = conn.getresponse()
    assert response.status == 401 and json.loads(response.read())["code"] == "unsigned"
    conn.close()
    assert latest_reports(site["organiser"]) == []
