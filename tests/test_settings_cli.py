"""Organisers change event settings from the command line, and the doors and badges follow."""

from __future__ import annotations

import json
import subprocess

import pdfplumber
from kiosk_command import run_kiosk


def test_settings_change_the_door_window_and_the_badge_layout(tmp_path, demo_dir):
    db = tmp_path / "event.sqlite"

    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kiosk("--db", str(db), *args)

    assert kiosk("init", "--event-name", "WHRCF", "--timezone", "Asia/Seoul").returncode == 0
    for kind in ("programme", "roster", "invitations"):
        assert kiosk("import", kind, str(demo_dir / f"{kind}.csv")).returncode == 0
    shown = json.loads(kiosk("setting").stdout)
    assert shown["door_opens_minutes"] == 30
    assert "email_salt" not in shown and "organiser_pin" not in shown

    code = json.loads(kiosk("issue", "X-0101").stdout)["code"]
    early = ["scan", "--session", "NS1", "--at", "2019-09-30T10:15", code]
    assert json.loads(kiosk(*early).stdout)["reason"] == "admitted"
    assert kiosk("setting", "door_opens_minutes", "10").returncode == 0
    code2 = json.loads(kiosk("issue", "X-0103").stdout)["code"]
    assert json.loads(kiosk(*early[:-1], code2).stdout)["reason"] == "too_early"

    assert kiosk("setting", "badge_layout", "a6").returncode == 0
    out = tmp_path / "one.pdf"
    assert kiosk("badge", "--registration", "X-0101", "-o", str(out)).returncode == 0
    with pdfplumber.open(out) as pdf:
        assert round(pdf.pages[0].width / 72 * 25.4) == 105

    for bad in (("badge_layout", "poster"), ("door_opens_minutes", "-5"), ("colour", "red")):
        result = kiosk("setting", *bad)
        assert result.returncode == 2 and "Traceback" not in result.stderr
