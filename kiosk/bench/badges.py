"""Badge rendering speed for `kiosk bench`: a batch PDF against a bare reportlab floor."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.badges.fonts import font_chain
from kiosk.badges.layouts import load_layout
from kiosk.badges.qr import draw_qr, qr_matrix
from kiosk.services.badges import render_badge_file
from kiosk.services.issuing import current_code

TARGET_BADGES_PER_S = 100.0
BATCH_LAYOUT = "a4-sheet"


def _floor(codes: Sequence[str], out: Path) -> float:
    """Seconds for the least a badge page can cost: the same QR and one line of text."""
    layout = load_layout("cr80")
    width, height = (side * mm for side in layout.page_size_mm)
    font = font_chain().names[0]
    started = time.perf_counter()
    canvas = Canvas(str(out), pagesize=(width, height), pageCompression=1)
    for code in codes:
        canvas.setFont(font, 12)
        canvas.drawString(10, height - 30, "KIM Minji")
        draw_qr(canvas, qr_matrix(code), width - 80, 10, 74)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def measure_badges(
    conn: sqlite3.Connection,
    registration_ids: Sequence[str],
    folder: Path,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Render one batch PDF of these people's badges and time it beside the floor."""
    count = len(registration_ids)
    progress(f"bench: rendering a batch of {count:,} badges ({BATCH_LAYOUT})")
    codes = [current_code(conn, rid)[0] for rid in registration_ids]

    def report(done: int, total: int) -> None:
        if done % 250 == 0 or done == total:
            progress(f"bench: {done:,}/{total:,} badges")

    started = time.perf_counter()
    run = render_badge_file(
        conn, list(registration_ids), folder / "batch.pdf", layout=BATCH_LAYOUT, progress=report
    )
    seconds = time.perf_counter() - started
    floor_seconds = _floor(codes, folder / "floor.pdf")
    per_s = count / seconds
    floor_per_s = count / floor_seconds
    return {
        "count": count,
        "pages": run.pages,
        "seconds": round(seconds, 3),
        "badges_per_s": round(per_s, 1),
        "floor_badges_per_s": round(floor_per_s, 1),
        "vs_floor": round(per_s / floor_per_s, 2),
        "pdf_mb": round((folder / "batch.pdf").stat().st_size / 1e6, 2),
    }
