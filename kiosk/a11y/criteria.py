"""The accessibility criteria as numbers and pure functions: thresholds, results, the arithmetic.

No Qt here: the Qt side (kiosk.a11y.measure) measures a live widget tree and hands figures to
these functions, which say pass or fail. The numbers are the product's accessibility bar (Korea's
kiosk verification criteria, KWCAG 2.2, WCAG 2.2, EN 301 549):

- principal text: Hangul glyphs at least 12 mm, Latin capitals at least 6.1 mm, both at a 500 mm
  viewing distance (a longer distance asks for proportionally larger text, the same visual angle);
- touch targets at least 12 x 12 mm, at least 2.5 mm from the nearest other target;
- text contrast at least 4.5:1 in the standard theme and 7:1 in high contrast; a focus indicator
  that changes the control by at least 3:1 and stands out from the background by 3:1;
- every control between 400 and 1,220 mm above the floor, and nothing shown above 1,220 mm;
- nothing flashing between 3 and 50 times a second;
- colour never the only signal; every control's accessible name contains its visible words; no
  translation unfinished; at 200 % text no label clipped.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kiosk.a11y.panel import RectMM

REFERENCE_DISTANCE_MM = 500.0
HANGUL_MIN_MM = 12.0
LATIN_CAP_MIN_MM = 6.1
TARGET_MIN_MM = 12.0
TARGET_GAP_MIN_MM = 2.5
CONTRAST_MIN = 4.5
CONTRAST_HIGH_MIN = 7.0
FOCUS_CONTRAST_MIN = 3.0
REACH_LOW_MM = 400.0
REACH_HIGH_MM = 1220.0
FLASH_LOW_HZ = 3.0
FLASH_HIGH_HZ = 50.0
FLASH_AREA_SR = 0.006  # WCAG's general flash threshold: a flash smaller than this is harmless
TEXT_ZOOM = 2.0
GRAY_DIFFERENCE_MIN = 0.02  # two verdicts differ on at least 2 % of their pixels in grayscale

# Criterion identifiers, in the order reports list them, with the requirement in words.
CRITERIA: dict[str, str] = {
    "hangul_height": "Hangul glyphs of principal text >= 12 mm (at 500 mm)",
    "latin_cap_height": "Latin capitals of principal text >= 6.1 mm (at 500 mm)",
    "touch_target": "touch targets >= 12 x 12 mm",
    "target_gap": ">= 2.5 mm between neighbouring touch targets",
    "contrast": "text contrast >= 4.5:1 (7:1 in high contrast)",
    "focus_indicator": "focus indicator >= 3:1 (change and against the background)",
    "reach": "controls 400-1,220 mm above the floor; nothing shown above 1,220 mm",
    "flashing": "nothing flashes 3-50 times a second",
    "colour_only": "colour never the only signal (verdicts differ in grayscale and words)",
    "label_in_name": "accessible name contains the visible text",
    "translations": "no translation unfinished",
    "text_200": "at 200 % text no label clipped",
    "fits_window": "the window keeps its size; every control lies wholly inside it",
    "no_overlap": "no control overlaps another",
    "text_not_clipped": "no text elided or clipped (unless tooltip and name have it whole)",
}
LAYOUT_CRITERIA = ("fits_window", "no_overlap", "text_not_clipped")
OVERLAP_TOLERANCE_PX = 2  # style borders may touch: a shared strip this wide is no overlap
CLIP_TOLERANCE_PX = 1  # rounding of fractional font metrics


@dataclass(frozen=True)
class Result:
    """One measured figure of one criterion on one thing, and whether it passes."""

    criterion: str
    screen: str
    state: str
    language: str
    mode: str
    subject: str  # what was measured: a widget's object name, a pair of verdicts, a file
    measured: float
    required: float
    unit: str
    comparison: str  # "min": measured >= required; "max": measured <= required
    passed: bool
    detail: str = ""
    size: str = ""  # the window's size ("1366x768") when laid out at a size of the matrix

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["measured"] = round(self.measured, 2)
        data["required"] = round(self.required, 2)
        return data

    def where(self) -> str:
        place = f"{self.screen}/{self.state}/{self.language}/{self.mode}"
        return f"{place}@{self.size}" if self.size else place


@dataclass(frozen=True)
class Where:
    """Which screen, state, language and display mode a result was measured in."""

    screen: str
    state: str
    language: str
    mode: str
    size: str = ""

    def result(
        self,
        criterion: str,
        subject: str,
        measured: float,
        required: float,
        unit: str,
        comparison: str,
        passed: bool | None = None,
        detail: str = "",
    ) -> Result:
        """A result; `passed` follows from the comparison unless given."""
        if passed is None:
            passed = meets(measured, required, comparison)
        return Result(
            criterion,
            self.screen,
            self.state,
            self.language,
            self.mode,
            subject,
            measured,
            required,
            unit,
            comparison,
            passed,
            detail,
            self.size,
        )


def meets(measured: float, required: float, comparison: str) -> bool:
    """Whether a figure meets its requirement ("min": at least, "max": at most)."""
    if comparison == "min":
        return measured >= required
    if comparison == "max":
        return measured <= required
    raise ValueError(f"unknown comparison {comparison!r}")


# -- text size -------------------------------------------------------------------------------------

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def scripts_in(text: str) -> set[str]:
    """Which scripts a text uses, of the two with a size criterion: "hangul", "latin"."""
    found = set()
    if HANGUL.search(text):
        found.add("hangul")
    if LATIN.search(text):
        found.add("latin")
    return found


def required_text_mm(script: str, viewing_distance_mm: float = REFERENCE_DISTANCE_MM) -> float:
    """The smallest glyph height for a script, scaled to the viewing distance (same angle)."""
    base = HANGUL_MIN_MM if script == "hangul" else LATIN_CAP_MIN_MM
    return base * viewing_distance_mm / REFERENCE_DISTANCE_MM


# -- contrast --------------------------------------------------------------------------------------


def parse_colour(text: str) -> tuple[int, int, int]:
    """ "#rrggbb" -> (r, g, b)."""
    value = text.strip().lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)


def required_contrast(high_contrast: bool) -> float:
    return CONTRAST_HIGH_MIN if high_contrast else CONTRAST_MIN


# -- targets, gaps, reach --------------------------------------------------------------------------


def gap_mm(first: RectMM, second: RectMM) -> float:
    """The clear distance between two rectangles (0 when they touch or overlap)."""
    dx = max(second.x - first.right, first.x - second.right, 0.0)
    dy = max(second.y - first.bottom, first.y - second.bottom, 0.0)
    if dx > 0 and dy > 0:
        return math.hypot(dx, dy)
    return max(dx, dy)


def nearest_gaps(rects: Sequence[RectMM]) -> list[float | None]:
    """For each rectangle, the gap to the nearest other one (None when it is alone)."""
    gaps: list[float | None] = []
    for i, rect in enumerate(rects):
        others = [gap_mm(rect, other) for j, other in enumerate(rects) if j != i]
        gaps.append(min(others) if others else None)
    return gaps


def within_reach(low_mm: float, high_mm: float) -> bool:
    """A control from `low_mm` to `high_mm` above the floor lies wholly within reach."""
    return low_mm >= REACH_LOW_MM and high_mm <= REACH_HIGH_MM


# -- flashing --------------------------------------------------------------------------------------


def flash_hz(interval_ms: float) -> float:
    """Flashes a second of something that changes every `interval_ms` (a flash is a pair of
    opposing changes, so a change every 100 ms is 5 flashes a second)."""
    if interval_ms <= 0:
        return math.inf
    return 1000.0 / (2 * interval_ms)


def flash_area_mm2(viewing_distance_mm: float) -> float:
    """The smallest area (mm², on the panel) whose flashing counts: 0.006 steradian, about a
    quarter of a 10 degree field of view, at the viewing distance."""
    return FLASH_AREA_SR * viewing_distance_mm**2


def flashes_in_band(hz: float) -> bool:
    """True when a flash rate is in the harmful band (3-50 Hz)."""
    return FLASH_LOW_HZ <= hz <= FLASH_HIGH_HZ


# -- words -----------------------------------------------------------------------------------------

_NOT_A_WORD = re.compile(r"[\W_]+", re.UNICODE)
_KOREAN_MNEMONIC = re.compile(r"\(&[^)]\)")  # "회의실(&R)": the key in brackets after the word


def words(text: str) -> str:
    """Text reduced to its words: no mnemonic '&', icons or punctuation; case folded."""
    text = _KOREAN_MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = unicodedata.normalize("NFC", text)
    return " ".join(_NOT_A_WORD.sub(" ", text).casefold().split())


def label_in_name(visible: str, name: str) -> bool:
    """The accessible name contains the visible label's words, in order (WCAG 2.5.3 Label in
    Name). A word may go on inside the name: Korean particles attach to the noun ("이메일 주소"
    is in "이메일 주소로 찾기")."""
    shown = words(visible)
    return not shown or shown in words(name)


# -- summaries -------------------------------------------------------------------------------------


def margin(result: Result) -> float:
    """How far a figure is on the right side of its requirement, relative to it (negative: the
    wrong side); a failure with a figure on the right side (a verdict pair whose words are the
    same, say) counts as -1."""
    if not math.isfinite(result.measured):
        value = -math.inf
    else:
        scale = abs(result.required) or 1.0
        sign = 1.0 if result.comparison == "min" else -1.0
        value = sign * (result.measured - result.required) / scale
    if not result.passed and value >= 0:
        return -1.0
    return value


def worst(results: Iterable[Result]) -> Result | None:
    """The result furthest on the wrong side of its requirement (or the closest pass)."""
    chosen: Result | None = None
    lowest = math.inf
    for result in results:
        value = margin(result)
        if chosen is None or value < lowest:
            chosen, lowest = result, value
    return chosen
