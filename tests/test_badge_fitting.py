"""Fitting text into a badge's box: shrink, then wrap, then shorten; never past the edge."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.badges.fitting import ELLIPSIS, clusters, fit_text, shorten, wrap


def measure(text: str, size: float) -> float:
    """A monospace stand-in: every character is 0.6 of the size wide."""
    return len(text) * size * 0.6


def fit(text: str, width: float = 60, height: float = 30, lines: int = 2):
    return fit_text(
        text,
        width=width,
        height=height,
        max_size=12,
        min_size=6,
        max_lines=lines,
        line_height=1.2,
        measure=measure,
    )


def test_a_short_name_keeps_the_largest_size():
    assert fit("AN Jean").size == 12
    assert fit("AN Jean").lines == ("AN Jean",)


def test_a_longer_name_shrinks_before_it_wraps():
    fitted = fit("CHUNG Youngsun")  # 14 chars: 60 / (14 * 0.6) = 7.1 pt on one line
    assert fitted.lines == ("CHUNG Youngsun",)
    assert 6 <= fitted.size < 12


def test_a_long_name_wraps_to_two_lines_at_a_word_break():
    fitted = fit("Wolfeschlegel Steinhausenberger", width=70)
    assert len(fitted.lines) == 2
    assert fitted.lines[0] == "Wolfeschlegel"
    assert not fitted.shortened


def test_a_very_long_name_is_shortened_with_an_ellipsis():
    fitted = fit("Y" * 80)
    assert fitted.shortened and fitted.lines[-1].endswith(ELLIPSIS)
    assert fitted.size == 6


def test_empty_text_draws_nothing():
    assert fit("   ") is None


@given(
    text=st.text(min_size=1, max_size=120).filter(lambda t: t.strip()),
    width=st.floats(20, 300),
    height=st.floats(8, 60),
    lines=st.integers(1, 3),
)
def test_every_line_fits_the_box(text, width, height, lines):
    fitted = fit(text, width, height, lines)
    for line in fitted.lines:
        assert measure(line, fitted.size) <= width + 1e-6
    assert len(fitted.lines) * fitted.size * 1.2 <= max(height, 6 * 1.2) + 1e-6
    assert 6 <= fitted.size <= 12


def test_complex_script_clusters_stay_whole():
    assert clusters("क्षत्रिय") == ["क्ष", "त्रि", "य"]  # conjuncts and vowel signs
    assert clusters("ใจดี") == ["ใ", "จ", "ดี"]  # a Thai vowel mark stays on its letter
    assert clusters("مُحَمَّد") == ["مُ", "حَ", "مَّ", "د"]  # Arabic vowel signs too
    word = "क्षत्रिय" * 4
    pieces = wrap(word, 30, 10, measure)
    assert "".join(pieces) == word
    assert all(not piece.startswith(("्", "ि", "्र")) for piece in pieces)
    for cut in range(8, 30):
        short = shorten(word, cut, 10, measure)
        assert short.endswith(ELLIPSIS)
        assert short[:-1] == "" or short[-2] not in "्"
        assert short[:-1] in {"".join(clusters(word)[:n]) for n in range(len(clusters(word)))}
