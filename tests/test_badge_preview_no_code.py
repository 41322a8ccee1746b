"""The organiser's badge preview of someone with no code yet shows no scannable code.

PRODUCT.md: the organiser looks at a person's badge before printing it. Before a code is issued,
the preview shows a dashed "NO CODE ISSUED / 코드 미발급" box where the QR code will go, never
a code that `kiosk checkin` or a door would admit; once a code is issued, the preview carries it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import zxingcpp
from badge_checks import decode_qr_codes, page_texts
from kiosk_command import kiosk
from PySide6.QtGui import QImage

from builders import add_person
from kiosk.services.badges import render_preview_pdf
from kiosk.services.issuing import issue_codes
from kiosk.store.database import open_database


def _event(tmp_path: Path) -> Path:
    db = tmp_path / "event.sqlite"
    assert kiosk(db, "init", "--event-name", "Forum", "--timezone", "Asia/Seoul").returncode == 0
    conn = open_database(db).conn
    try:
        add_person(conn, "R1", family="KIM", given="Minji")
    finally:
        conn.close()
    return db


def test_no_code_issued_means_no_qr_code_in_the_preview(tmp_path: Path) -> None:
    db = _event(tmp_path)
    conn = open_database(db).conn
    try:
        pdf = tmp_path / "preview.pdf"
        render_preview_pdf(conn, "R1", pdf)
        assert decode_qr_codes(pdf, 1, tmp_path) == []
        text = " ".join(page_texts(pdf)[0].split())
        assert all(word in text for word in ("NO", "CODE", "ISSUED", "코드 미발급"))
        # Looking issued nothing.
        assert conn.execute("SELECT code_version FROM attendees").fetchone() == (0,)

        code = next(issue_codes(conn, ["R1"]))[1]
        render_preview_pdf(conn, "R1", pdf)
        assert decode_qr_codes(pdf, 1, tmp_path) == [code]
    finally:
        conn.close()
    checked = kiosk(db, "checkin", "--at", "2019-09-30T09:00", code)
    assert json.loads(checked.stdout)["reason"] == "admitted"


def test_the_person_page_preview_image_has_no_code_to_scan(qapp, tmp_path: Path) -> None:
    from kiosk.gui.organiser.badge_preview import render_preview

    db = _event(tmp_path)
    conn = open_database(db).conn
    try:
        image = render_preview(conn, "R1").convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        conn.close()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )[:, : image.width()]
    assert image.width() > 100
    assert zxingcpp.read_barcodes(pixels) == []
    if folder := os.environ.get("KIOSK_SCREENSHOTS"):
        image.save(str(Path(folder) / "badge-preview-no-code.png"))
