"""The screen sizes the app is laid out for: the matrix every screen is tested at. No Qt.

Venues bring laptops (1280x800, 1366x768), kiosk and desk monitors (1920x1080) and floor kiosks
mounted upright (1080x1920). `tests/test_screen_sizes.py` lays out every door, kiosk and organiser
page at each of them, `kiosk a11y-report --size` and `python -m kiosk.screenshots --size` take them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.a11y.panel import parse_resolution


@dataclass(frozen=True)
class ScreenSize:
    """A window size in pixels and what has it."""

    width: int
    height: int
    what: str

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}"

    @property
    def portrait(self) -> bool:
        return self.height > self.width


SCREEN_SIZES: tuple[ScreenSize, ...] = (
    ScreenSize(1280, 800, "a small laptop (16:10)"),
    ScreenSize(1366, 768, "a common laptop (16:9)"),
    ScreenSize(1920, 1080, "a desk monitor or kiosk panel"),
    ScreenSize(1080, 1920, "a floor kiosk mounted upright (portrait)"),
)
SMALLEST_WIDTH = min(size.width for size in SCREEN_SIZES)
SMALLEST_HEIGHT = min(size.height for size in SCREEN_SIZES)


def parse_sizes(texts: list[str] | tuple[str, ...]) -> list[ScreenSize]:
    """ "1366x768" (any size) or "all" (the matrix), each once, in the order given."""
    known = {size.name: size for size in SCREEN_SIZES}
    chosen: list[ScreenSize] = []
    for text in texts:
        if text.strip().lower() == "all":
            found = list(SCREEN_SIZES)
        else:
            width, height = parse_resolution(text)
            found = [known.get(f"{width}x{height}", ScreenSize(width, height, "given"))]
        chosen += [size for size in found if size not in chosen]
    return chosen
