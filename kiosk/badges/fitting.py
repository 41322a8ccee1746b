"""Fitting a text into a box: shrink to a minimum size, then wrap to more lines, then shorten
with an ellipsis. The text is never cut at the edge.

Pure functions: the caller passes how wide a text is at a size (`measure`). Words are broken
and shortened between grapheme clusters where possible, so a Devanagari conjunct, a Thai vowel
mark or an Arabic vowel sign stays with its letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]
ELLIPSIS = "…"
_STEP = 0.5
_JOINERS = "\u200c\u200d"
_VIRAMA = 9  # canonical combining class of viramas: the next letter joins into a conjunct


def clusters(text: str) -> list[str]:
    """Text cut into clusters: a letter with its marks, joiners and virama-joined letters."""
    out: list[str] = []
    for char in text:
        if out and not char.isspace():
            previous = out[-1][-1]
            if (
                unicodedata.category(char).startswith("M")
                or char in _JOINERS
                or previous in _JOINERS
                or unicodedata.combining(previous) == _VIRAMA
            ):
                out[-1] += char
                continue
        out.append(char)
    return out


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: tuple[str, ...]
    shortened: bool = False


def _sizes(largest: float, smallest: float) -> list[float]:
    sizes = []
    size = largest
    while size > smallest:
        sizes.append(size)
        size -= _STEP
    sizes.append(smallest)
    return sizes


def _break_pieces(units: list[str], width: float, size: float, measure: Measure) -> list[str]:
    pieces: list[str] = []
    current = ""
    for unit in units:
        if current and measure(current + unit, size) > width:
            pieces.append(current)
            current = unit
        else:
            current += unit
    if current:
        pieces.append(current)
    return pieces


def _break_word(word: str, width: float, size: float, measure: Measure) -> list[str]:
    """Split a word too long for a line (or a text without spaces) between clusters, or
    between characters when one cluster alone is wider than the line."""
    pieces: list[str] = []
    for piece in _break_pieces(clusters(word), width, size, measure):
        if len(piece) > 1 and measure(piece, size) > width:
            pieces.extend(_break_pieces(list(piece), width, size, measure))
        else:
            pieces.append(piece)
    return pieces


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy line breaking at spaces; words wider than a line are broken between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if measure(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if measure(word, size) <= width:
            current = word
        else:
            *full, current = _break_word(word, width, size, measure)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def shorten(text: str, width: float, size: float, measure: Measure) -> str:
    """The longest start of `text` that fits with an ellipsis after it."""
    if measure(text, size) <= width:
        return text
    cuts = [0]
    for cluster in clusters(text):
        cuts.append(cuts[-1] + len(cluster))
    low, high = 0, len(cuts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[: cuts[middle]].rstrip() + ELLIPSIS, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[: cuts[low]].rstrip() + ELLIPSIS


def fit_text(
    text: str,
    *,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int,
    line_height: float,
    measure: Measure,
) -> FittedText | None:
    """Choose a size and line breaks for text in a box of `width` x `height` points.

    `line_height` is the height of one line as a fraction of the font size. Returns None for an
    empty text.
    """
    text = " ".join(text.split())
    if not text:
        return None
    one_line_limit = height / line_height
    for size in _sizes(min(max_size, one_line_limit), min_size):
        if measure(text, size) <= width:
            return FittedText(size, (text,))
    lines_that_fit = max(1, min(max_lines, int(height // (min_size * line_height))))
    if lines_that_fit >= 2:
        top = min(max_size, height / (lines_that_fit * line_height))
        for size in _sizes(top, min_size):
            lines = wrap(text, width, size, measure)
            if len(lines) <= lines_that_fit:
                return FittedText(size, tuple(lines))
    lines = wrap(text, width, min_size, measure)
    kept = lines[: lines_that_fit - 1]
    rest = " ".join(lines[lines_that_fit - 1 :])
    last = shorten(rest, width, min_size, measure)
    return FittedText(min_size, (*kept, last), shortened=True)
