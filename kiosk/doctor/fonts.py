"""The fonts the badges and screens use (the chain of kiosk.badges.fonts): each file there, and
each a TrueType file (a truncated download or a damaged disk shows here, not on a badge)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.badges.fonts import CHAIN, PROJECT_FONTS, SYSTEM_FONT_DIRS
from kiosk.doctor.findings import Finding, fail, ok

FONT_DIRS = (PROJECT_FONTS, *SYSTEM_FONT_DIRS)
TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true", b"OTTO", b"ttcf")


def _find(filename: str, folders: Sequence[Path]) -> Path | None:
    for folder in folders:
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    return None


def _is_truetype(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
        return head in TRUETYPE_MAGIC and path.stat().st_size > 1024
    except OSError:
        return False


def check_fonts(folders: Sequence[Path] = FONT_DIRS) -> list[Finding]:
    """One finding for the missing files (with the packages to install), one per damaged file,
    or one ok."""
    missing: list[str] = []
    packages: list[str] = []
    findings: list[Finding] = []
    count = 0
    for font in CHAIN:
        for filename in (font.regular, font.bold):
            count += 1
            path = _find(filename, folders)
            if path is None:
                missing.append(filename)
                if font.package not in packages:
                    packages.append(font.package)
            elif not _is_truetype(path):
                findings.append(fail("fonts.unreadable", file=str(path), package=font.package))
    if missing:
        findings.insert(
            0, fail("fonts.missing", files=", ".join(missing), packages=" ".join(packages))
        )
    return findings or [ok("fonts.ok", count=count)]
