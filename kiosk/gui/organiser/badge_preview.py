"""A picture of a person's badge for the person page: the real renderer, then the PDF rasterised.

The preview must not change the database, so it does not issue a code: on the organiser's machine
it signs the code the person has (or will get: version 1) without storing it. Ed25519 signatures
are deterministic, so the preview's QR is the one the printed badge will carry. The PDF page is
rasterised with poppler's `pdftoppm` (or pypdfium2 where installed).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.badges.content import BadgeContent
from kiosk.badges.layouts import Layout, load_layout
from kiosk.badges.render import render_pdf
from kiosk.core.codes import issue_code
from kiosk.errors import KioskError
from kiosk.services.badges import badge_content, badge_layout_name, receiver_languages
from kiosk.services.event import load_event
from kiosk.services.issuing import current_code

PREVIEW_DPI = 150


def preview_content(conn: sqlite3.Connection, registration_id: str) -> BadgeContent:
    """What the person's badge would show now, without writing anything."""
    event = load_event(conn)
    row = conn.execute(
        "SELECT code_version FROM attendees WHERE registration_id = ?", (registration_id,)
    ).fetchone()
    if row is None:
        raise KioskError(f"no such registration: {registration_id}")
    version = int(row[0])
    key_row = conn.execute("SELECT private_key FROM signing_key WHERE id = 1").fetchone()
    if key_row is not None:
        from kiosk.core import keys

        version = max(version, 1)
        code = issue_code(keys.load_private(key_row[0]), event.event_id, registration_id, version)
    else:
        code, version = current_code(conn, registration_id)
    return badge_content(
        conn, registration_id, code, version, event=event, receivers=receiver_languages(conn)
    )


def rasterise(pdf: Path, dpi: int = PREVIEW_DPI) -> QImage:
    """The first page of a PDF as an image (pdftoppm, else pypdfium2)."""
    tool = shutil.which("pdftoppm")
    if tool is not None:
        stem = pdf.with_suffix("")
        subprocess.run(
            [
                tool,
                "-png",
                "-r",
                str(dpi),
                "-singlefile",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(stem),
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )
        image = QImage(str(stem) + ".png")
        if not image.isNull():
            return image
    try:
        import pypdfium2
    except ImportError as exc:
        raise KioskError("the badge preview needs pdftoppm (Debian package poppler-utils)") from exc
    document = pypdfium2.PdfDocument(str(pdf))
    bitmap = document[0].render(scale=dpi / 72).to_pil()
    out = pdf.with_suffix(".png")
    bitmap.save(out)
    return QImage(str(out))


def render_preview(conn: sqlite3.Connection, registration_id: str) -> QImage:
    """The person's badge as an image (QImage is safe to make on a worker thread)."""
    content = preview_content(conn, registration_id)
    layout = load_layout(badge_layout_name(conn, None))
    if layout.sheet is not None:  # a sheet of badges: preview one badge of it
        layout = Layout(layout.name, layout.title, layout.design)
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as folder:
        pdf = Path(folder) / "badge.pdf"
        render_pdf([content], 1, layout, pdf, title="Badge preview")
        image = rasterise(pdf)
        return image.copy()
