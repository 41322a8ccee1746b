"""Badges as attendees carry them: every name readable (Hangul too), nothing cut or covering the
QR, privacy honoured, and the printed QR scans at the door."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from badge_checks import decode_qr_codes, misplaced_chars, page_texts
from kiosk_command import run_kiosk

from kiosk.badges.layouts import layout_names, load_layout
from kiosk.badges.qr import qr_matrix, symbol_size
from kiosk.core.clock import parse_at
from kiosk.core.model import Reason
from kiosk.imports import run_import
from kiosk.services.badges import render_badge_file
from kiosk.services.checkins import CheckinService
from kiosk.services.issuing import issue_codes

SINGLE_LAYOUTS = [name for name in layout_names() if load_layout(name).sheet is None]


@pytest.fixture
def demo_event(event_db, demo_dir):
    conn = event_db.conn
    for kind in ("programme", "roster", "invitations"):
        report = run_import(conn, kind, demo_dir / f"{kind}.csv")
        assert not report.errors
    return conn


def roster_rows(demo_dir: Path) -> list[dict[str, str]]:
    with open(demo_dir / "roster.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("layout", SINGLE_LAYOUTS)
def test_every_demo_attendee_gets_a_readable_badge(demo_event, demo_dir, tmp_path, layout):
    out = tmp_path / f"{layout}.pdf"
    run = render_badge_file(demo_event, None, out, layout=layout)
    people = [row for row in roster_rows(demo_dir) if row["status"] != "cancelled"]
    assert run.badges == run.pages == len(people)
    texts = page_texts(out)
    for person, text in zip(people, texts, strict=True):
        flat = " ".join(text.split())
        assert person["family_name"].upper() in flat
        assert person["given_name"] in flat
        if person["name_local"]:
            assert person["name_local"] in flat
        if person["badge_privacy"] == "true":
            assert person["organization"] not in flat
            assert person["country"] not in flat
        else:
            assert person["organization"][:12] in flat
    assert misplaced_chars(out, load_layout(layout)) == []
    assert "김민지" in " ".join(texts)


def test_nothing_personal_beyond_the_badge_is_printed(demo_event, tmp_path):
    out = tmp_path / "privacy.pdf"
    render_badge_file(demo_event, ["X-0102", "X-0104", "X-0107"], out)
    text = " ".join(page_texts(out))
    for secret in ("example.org", "wheelchair", "sign_language", "@"):
        assert secret not in text
    nguyen = page_texts(out)[1]
    assert "NGUYEN" in nguyen
    assert "Independent researcher" not in nguyen and "Viet Nam" not in nguyen


def test_the_category_is_a_word_as_well_as_a_colour(demo_event, tmp_path):
    out = tmp_path / "categories.pdf"
    render_badge_file(demo_event, ["R-0001", "X-0103", "X-0106"], out)
    texts = page_texts(out)
    assert "SPEAKER" in texts[0] and "연사" in texts[0]
    assert "STAFF" in texts[1] and "스태프" in texts[1]
    assert "INTERPRETER" in texts[2] and "통역사" in texts[2]


def test_the_qr_is_at_least_20_mm_with_its_quiet_zone(demo_event):
    code = next(issue_codes(demo_event, ["X-0101"]))[1]
    modules = len(qr_matrix(code))
    for name in layout_names():
        outer = load_layout(name).design.qr.w
        assert symbol_size(outer, modules) >= 20, name


def test_a_printed_badge_scans_at_the_door_and_a_reissue_revokes_it(demo_event, tmp_path):
    old_badge = tmp_path / "old.pdf"
    render_badge_file(demo_event, ["X-0101"], old_badge)
    [old_value] = decode_qr_codes(old_badge, 1, tmp_path)
    door = CheckinService(demo_event)
    at = parse_at("2019-09-30T10:31", door.event.tz)
    assert door.scan(old_value, "NS1", at_ms=at).reason is Reason.ADMITTED

    list(issue_codes(demo_event, ["X-0101"], reissue=True))
    new_badge = tmp_path / "new.pdf"
    render_badge_file(demo_event, ["X-0101"], new_badge)
    [new_value] = decode_qr_codes(new_badge, 1, tmp_path)
    assert new_value != old_value
    assert door.scan(old_value, "NS1", at_ms=at + 1000).reason is Reason.REVOKED
    assert door.scan(new_value, "NS1", at_ms=at + 2000).reason is Reason.READMITTED


def test_every_badge_on_an_a4_sheet_scans(demo_event, tmp_path):
    sheet = tmp_path / "sheet.pdf"
    run = render_badge_file(demo_event, None, sheet, layout="a4-sheet")
    assert run.pages == 3 and run.badges == 21
    values = decode_qr_codes(sheet, 1, tmp_path, dpi=200)
    assert len(values) == 8
    door = CheckinService(demo_event)
    for value in values:
        assert door.scan(value, "NS2", at_ms=parse_at("2019-10-01T16:00", door.event.tz)).admitted


HOSTILE = [
    # registration_id, family_name, given_name, name_local, organization, country
    ("H-1", "W" * 40, "M" * 40, "", "", ""),
    ("H-2", "Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine Zeus Øystein Straße", "", "", ""),
    ("H-3", "NGUYỄN", "Thị Minh Khai", "", "Ủy ban Nhân dân Thành phố Hồ Chí Minh", "Việt Nam"),
    ("H-4", "Иванова", "Анна-Мария", "Ἀλεξάνδρα", "Московская Хельсинкская группа", "Россия"),
    ("H-5", "南宮", "민서", "남궁민서 みんそ", "광주광역시 인권옹호관 사무소 " * 4, "대한민국"),
    ("H-6", "X", "Y" * 79, "김" * 40, "O" * 200, "C" * 80),
]


@pytest.fixture
def hostile_event(event_db, tmp_path):
    roster = tmp_path / "hostile.csv"
    with open(roster, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["registration_id", "family_name", "given_name", "name_local", "organization",
             "country", "category"]
        )  # fmt: skip
        for row in HOSTILE:
            writer.writerow([*row, "participant"])
    assert not run_import(event_db.conn, "roster", roster).errors
    return event_db.conn


@pytest.mark.parametrize("layout", SINGLE_LAYOUTS)
def test_long_names_and_four_scripts_fit(hostile_event, tmp_path, layout):
    out = tmp_path / "hostile.pdf"
    render_badge_file(hostile_event, None, out, layout=layout)
    assert misplaced_chars(out, load_layout(layout)) == []
    texts = [" ".join(t.split()) for t in page_texts(out)]
    assert "NGUYỄN Thị Minh Khai" in texts[2]
    assert "ИВАНОВА Анна-Мария" in texts[3] and "Ἀλεξάνδρα" in texts[3]
    assert "남궁민서" in texts[4]
    assert "…" in texts[5]  # 80 characters: shortened with an ellipsis, not cut


def test_the_badge_command(tmp_path, demo_dir):
    db = tmp_path / "event.sqlite"

    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kiosk("--db", str(db), *args)

    assert kiosk("init", "--event-name", "WHRCF", "--timezone", "Asia/Seoul").returncode == 0
    for kind in ("programme", "roster", "invitations"):
        assert kiosk("import", kind, str(demo_dir / f"{kind}.csv")).returncode == 0
    everyone = kiosk("badge", "--all", "-o", str(tmp_path / "all.pdf"), "--layout", "a4-sheet")
    assert everyone.returncode == 0, everyone.stderr
    assert json.loads(everyone.stdout) == {
        "pages": 3,
        "badges": 21,
        "path": str(tmp_path / "all.pdf"),
    }
    assert "21/21" in everyone.stderr  # the progress bar
    one = kiosk("badge", "--registration", "X-0101", "-o", str(tmp_path / "one.pdf"))
    assert json.loads(one.stdout)["badges"] == 1
    code = json.loads(kiosk("issue", "X-0103").stdout)["code"]
    by_code = kiosk("badge", code, "-o", str(tmp_path / "code.pdf"), "--layout", "a6")
    assert json.loads(by_code.stdout)["pages"] == 1
    assert "PARK Seoyeon" in page_texts(tmp_path / "code.pdf")[0]
    cancelled = kiosk("badge", "--registration", "X-0105", "-o", str(tmp_path / "no.pdf"))
    assert cancelled.returncode == 2 and "cancelled" in cancelled.stderr
    assert not (tmp_path / "no.pdf").exists()
    bad_layout = kiosk("badge", "--all", "-o", str(tmp_path / "x.pdf"), "--layout", "poster")
    assert bad_layout.returncode == 2 and "cr80" in bad_layout.stderr
