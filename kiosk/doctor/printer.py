"""The badge printer: CUPS running, this device's printer there and ready, paper of the badge
layout's size, and (when asked) a test page that really comes out.

The printer is the one named, else this device's (`kiosk printers --use NAME`), else the
system's default: the one a badge would go to.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from kiosk.badges.layouts import Layout, load_layout
from kiosk.doctor.findings import Finding, Maker, fail, ok, warn
from kiosk.errors import KioskError
from kiosk.printing import cups
from kiosk.services.badge_printing import device_printer
from kiosk.services.badges import badge_layout_name

TEST_PAGE_TIMEOUT_S = 60.0
STATE_CODES = {
    "paused": "printer.paused",
    "rejecting": "printer.rejecting",
    "out_of_paper": "printer.out_of_paper",
    "paper_jam": "printer.paper_jam",
    "offline": "printer.offline",
    "error": "printer.error",
}


def _size_text(size: tuple[float, float]) -> str:
    return "x".join(f"{v:g}" for v in size)


def chosen_printer(conn: sqlite3.Connection | None, printer: str | None) -> str | None:
    """The printer a badge would go to, or None when none is chosen."""
    if printer:
        return printer
    remembered = device_printer(conn) if conn is not None else None
    return remembered or cups.default_printer()


def badge_layout(conn: sqlite3.Connection | None) -> Layout:
    return load_layout(badge_layout_name(conn, None) if conn is not None else "cr80")


def check_printer(
    conn: sqlite3.Connection | None,
    printer: str | None = None,
    *,
    required: bool = True,
    test_page: bool = False,
) -> list[Finding]:
    """Printer, paper and test page findings; problems fail where badges are printed on the
    spot (`required`, the kiosk) and warn elsewhere (the organiser's batch printing)."""
    problem = fail if required else warn
    try:
        if not cups.scheduler_running():
            return [problem("printer.cups_down")]
        name = chosen_printer(conn, printer)
        if name is None:
            return [problem("printer.none_chosen")]
        info = cups.printer_state(name)
        if info.state == "missing":
            known = ", ".join(p.name for p in cups.list_printers()) or "none"
            return [problem("printer.missing", printer=name, known=known)]
    except cups.CommandMissing:
        return [problem("printer.no_cups")]
    except cups.PrintError:
        return [problem("printer.cups_down")]
    findings: list[Finding] = []
    if info.ready:
        findings.append(ok("printer.ready", printer=name))
    else:
        code = STATE_CODES.get(info.state, "printer.error")
        reasons = ", ".join(info.reasons) or info.state
        findings.append(problem(code, printer=name, reasons=reasons))
    layout = badge_layout(conn)
    findings.append(check_paper(name, layout, problem))
    if test_page:
        findings.append(print_test_page(name, layout, problem))
    return findings


def check_paper(name: str, layout: Layout, make: Maker = fail) -> Finding:
    """Whether the queue takes the layout's paper, and has it loaded when it can say."""
    size = layout.page_size_mm
    shown = _size_text(size)
    try:
        media = cups.printer_media(name)
    except cups.PrintError:
        media = None
    if media is None or not (media.supported or media.custom_max):
        return warn("paper.unknown", printer=name)
    if not media.takes(size):
        return make("paper.unsupported", printer=name, size=shown, layout=layout.name)
    if media.reports_loaded_paper and not media.loaded(size):
        loaded = ", ".join(media.ready_names)
        return warn("paper.not_loaded", printer=name, loaded=loaded, size=shown, layout=layout.name)
    return ok("paper.ok", printer=name, size=shown, layout=layout.name)


def render_test_page(path: Path, layout: Layout, printer: str) -> None:
    """A one-page PDF of the layout's paper size: a frame 3 mm inside the edge, a 20 mm ruler,
    and what it is, in English and Korean (so the Hangul font is proven on paper too)."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from kiosk.badges.fonts import FontMissing, find_font_file

    width, height = layout.page_size_mm
    page = canvas.Canvas(str(path), pagesize=(width * mm, height * mm))
    page.setTitle("kiosk doctor test page")
    try:
        pdfmetrics.registerFont(TTFont("DoctorHangul", find_font_file("NanumGothic.ttf", "")))
        font = "DoctorHangul"
    except (FontMissing, OSError):
        font = "Helvetica"
    page.setLineWidth(0.3 * mm)
    page.rect(3 * mm, 3 * mm, (width - 6) * mm, (height - 6) * mm)
    page.line(6 * mm, 8 * mm, 26 * mm, 8 * mm)
    for tick in range(0, 21, 5):
        page.line((6 + tick) * mm, 8 * mm, (6 + tick) * mm, 10 * mm)
    size = min(10.0, height * 0.12 * 72 / 25.4)
    page.setFont(font, size)
    lines = [
        "kiosk doctor test page",
        "시험 인쇄" if font != "Helvetica" else "",
        f"{printer} · {layout.name} {_size_text(layout.page_size_mm)} mm",
        time.strftime("%Y-%m-%d %H:%M"),
    ]
    y = height - 6 - size * 25.4 / 72
    for line in lines:
        if line:
            page.drawString(6 * mm, y * mm, line)
        y -= size * 25.4 / 72 * 1.3
    page.showPage()
    page.save()


def print_test_page(name: str, layout: Layout, make: Maker = fail) -> Finding:
    """Send the test page and wait until the print system says it printed."""
    with tempfile.TemporaryDirectory(prefix="kiosk-doctor-") as folder:
        path = Path(folder) / "test-page.pdf"
        try:
            render_test_page(path, layout, name)
            job = cups.submit_pdf(
                name, path, page_size_mm=layout.page_size_mm, title="kiosk doctor test page"
            )
            cups.wait_for_job(job, TEST_PAGE_TIMEOUT_S, printer=name)
        except KioskError as exc:
            return make("test_page.failed", printer=name, reason=str(exc))
    return ok("test_page.printed", printer=name, job=job)
