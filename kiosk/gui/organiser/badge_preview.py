"""A picture of a person's badge for the person page: the real renderer, then the PDF rasterised.

What the badge shows, its code included, and the PDF are `kiosk.services.badges`' (which
writes nothing to the database). The PDF page is rasterised with poppler's `pdftoppm` (or
pypdfium2 where installed).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.errors import KioskError
from kiosk.services.badges import render_preview_pdf
from kiosk.store.database import Connection

PREVIEW_DPI = 150


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


def render_preview(conn: Connection, registration_id: str) -> QImage:
    """The person's badge as an image (QImage is safe to make on a worker thread)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as folder:
        pdf = Path(folder) / "badge.pdf"
        render_preview_pdf(conn, registration_id, pdf)
        return rasterise(pdf).copy()
