"""The accessibility arithmetic without Qt: the panel model, contrast, gaps, reach, flashing,
label in name, unfinished translations, pixel colours and the report's summaries."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from kiosk.a11y import criteria as c
from kiosk.a11y.panel import Panel, RectMM, WindowOnPanel, parse_resolution
from kiosk.a11y.pixels import (
    change_contrast,
    dominant,
    gray_difference,
    ring,
    text_colours,
)
from kiosk.a11y.report import figure, group_failures, summarise, table
from kiosk.a11y.translations import read_ts, unfinished

WHERE = c.Where("door", "idle", "en", "default")


# -- the panel -------------------------------------------------------------------------------------


def test_the_default_panel_is_a_21_5_inch_full_hd_screen_at_700_mm():
    panel = Panel()
    assert (panel.diagonal_in, panel.width_px, panel.height_px) == (21.5, 1920, 1080)
    assert (panel.lower_edge_mm, panel.viewing_distance_mm) == (700, 500)
    assert panel.width_mm == pytest.approx(476.0, abs=0.1)
    assert panel.height_mm == pytest.approx(267.8, abs=0.1)
    assert panel.mm_per_px == pytest.approx(0.2479, abs=1e-4)
    assert panel.top_edge_mm == pytest.approx(967.8, abs=0.1)
    # Not the offscreen platform's 96 or 100 dpi (0.2646 or 0.254 mm a pixel).
    assert panel.mm_per_px != pytest.approx(25.4 / 96, abs=1e-3)


def test_heights_above_the_floor_count_from_the_lower_edge():
    panel = Panel(lower_edge_mm=800)
    assert panel.above_floor_mm(panel.height_px) == 800
    assert panel.above_floor_mm(0) == pytest.approx(800 + panel.height_mm)
    assert panel.above_floor_mm(540) == pytest.approx(800 + panel.height_mm / 2)


def test_a_smaller_window_is_scaled_to_the_panel_on_each_axis():
    panel = Panel()
    window = WindowOnPanel(panel, 1280, 800)
    assert window.scale_x == 1.5 and window.scale_y == 1.35
    assert window.height_mm(100) == pytest.approx(135 * panel.mm_per_px)
    assert window.width_mm(100) == pytest.approx(150 * panel.mm_per_px)
    assert window.above_floor_mm(800) == pytest.approx(700)
    rect = window.rect_mm(0, 0, 1280, 800)
    assert (rect.width, rect.height) == pytest.approx((panel.width_mm, panel.height_mm))


def test_panel_configuration_is_checked():
    assert parse_resolution("1080x1920") == (1080, 1920)
    assert Panel.from_resolution("3840 x 2160", diagonal_in=32).width_px == 3840
    for bad in ("1920", "x1080", "1920x", "big"):
        with pytest.raises(ValueError):
            parse_resolution(bad)
    with pytest.raises(ValueError):
        Panel(diagonal_in=0)
    with pytest.raises(ValueError):
        Panel(lower_edge_mm=-1)
    with pytest.raises(ValueError):
        WindowOnPanel(Panel(), 0, 10)


def test_visual_angle_of_12_mm_at_500_mm_is_about_82_arcmin():
    assert Panel().visual_angle_arcmin(12) == pytest.approx(82.5, abs=0.1)


# -- thresholds ------------------------------------------------------------------------------------


def test_text_thresholds_scale_with_the_viewing_distance():
    assert c.required_text_mm("hangul") == 12.0
    assert c.required_text_mm("latin") == 6.1
    assert c.required_text_mm("hangul", 750) == pytest.approx(18.0)
    assert c.scripts_in("입장 가능") == {"hangul"}
    assert c.scripts_in("ADMIT ✔") == {"latin"}
    assert c.scripts_in("English 한국어") == {"hangul", "latin"}
    assert c.scripts_in("▣ 12") == set()


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0a6b2d", "#ffffff", 6.66),  # the door's admit panel
        ("#ff5c5c", "#000000", 6.9),  # high-contrast deny: under 7:1
        ("#b35900", "#f7f7f5", 4.5),  # the standard focus ring on the page
        ("#8c8c8c", "#ffffff", 3.4),  # Qt's placeholder grey
    ],
)
def test_contrast_ratios(first, second, expected):
    ratio = c.contrast_ratio(c.parse_colour(first), c.parse_colour(second))
    assert ratio == pytest.approx(expected, abs=0.05)
    assert c.required_contrast(False) == 4.5 and c.required_contrast(True) == 7.0


def test_gaps_between_rectangles():
    a = RectMM(0, 0, 10, 10)
    assert c.gap_mm(a, RectMM(12.5, 0, 10, 10)) == pytest.approx(2.5)
    assert c.gap_mm(a, RectMM(0, 13, 10, 10)) == pytest.approx(3)
    assert c.gap_mm(a, RectMM(13, 14, 1, 1)) == pytest.approx(5)  # diagonal
    assert c.gap_mm(a, RectMM(5, 5, 10, 10)) == 0  # overlap
    assert c.nearest_gaps([a, RectMM(12, 0, 1, 1), RectMM(30, 0, 1, 1)]) == [2, 2, 17]
    assert c.nearest_gaps([a]) == [None]


def test_reach_range():
    assert c.within_reach(400, 1220)
    assert not c.within_reach(399, 900)
    assert not c.within_reach(700, 1221)


def test_flash_rates():
    assert c.flash_hz(100) == 5  # a change every 100 ms: five flashes a second
    assert c.flashes_in_band(c.flash_hz(100))
    assert not c.flashes_in_band(c.flash_hz(1000))  # a countdown ticking each second
    assert not c.flashes_in_band(c.flash_hz(5))  # 100 Hz: fused, not seen as flashing
    assert c.flashes_in_band(3) and c.flashes_in_band(50)
    assert math.isinf(c.flash_hz(0))


def test_label_in_name():
    assert c.label_in_name("⌂  Home", "Home")
    assert c.label_in_name("● ➜ Entry", "Entry scanning")
    assert c.label_in_name("&Search", "Search by name")
    assert c.label_in_name("회의실(&R)", "이 출입구의 회의실")
    assert c.label_in_name("○  이메일 주소", "이메일 주소로 찾기")  # a particle follows the noun
    assert c.label_in_name("E-mail address", "Use my e-mail address")
    assert not c.label_in_name("English", "Change language")
    assert not c.label_in_name("Admit anyway: KIM Minji…", "Admit anyway")
    assert c.label_in_name("", "anything")
    assert c.words("  Find by &name (staff) ") == "find by name staff"


def test_results_pass_by_their_comparison():
    assert WHERE.result("touch_target", "b", 12.0, 12.0, "mm", "min").passed
    assert not WHERE.result("touch_target", "b", 11.9, 12.0, "mm", "min").passed
    assert WHERE.result("translations", "f", 0, 0, "", "max").passed
    assert not WHERE.result("flashing", "t", 5, 3, "Hz", "max", passed=False).passed
    with pytest.raises(ValueError):
        c.meets(1, 1, "about")


def test_the_worst_result_is_the_furthest_on_the_wrong_side():
    results = [
        WHERE.result("touch_target", "a", 13.0, 12.0, "mm", "min"),
        WHERE.result("touch_target", "b", 9.0, 12.0, "mm", "min"),
        WHERE.result("touch_target", "c", 11.0, 12.0, "mm", "min"),
    ]
    worst = c.worst(results)
    assert worst is not None and worst.subject == "b"
    assert c.worst([]) is None
    words_same = WHERE.result("colour_only", "a vs b", 30, 2, "%", "min", passed=False)
    assert c.margin(words_same) == -1


# -- translations ----------------------------------------------------------------------------------

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context><name>Door</name>
  <message><source>Ready</source><translation>준비</translation></message>
  <message><source>Exit</source><translation type="unfinished"></translation></message>
  <message><source>Gone</source><translation type="vanished">없음</translation></message>
  <message numerus="yes"><source>%n people</source>
    <translation><numerusform>%n명</numerusform></translation></message>
  <message><source>Empty</source><translation></translation></message>
</context>
</TS>
"""


def test_unfinished_translations_are_found(tmp_path: Path):
    path = tmp_path / "door_ko.ts"
    path.write_text(TS, encoding="utf-8")
    assert [m.source for m in read_ts(path)] == ["Ready", "Exit", "%n people", "Empty"]
    assert [m.source for m in unfinished(path)] == ["Exit", "Empty"]


# -- pixels ----------------------------------------------------------------------------------------


def _canvas(height: int, width: int, colour: tuple[int, int, int]) -> np.ndarray:
    image = np.zeros((height, width, 3), dtype=np.uint8)
    image[:, :] = colour
    return image


def test_text_colour_is_read_off_the_pixels():
    image = _canvas(20, 60, (255, 255, 255))
    image[5:15, 10:12] = (140, 140, 140)  # a stem of grey text
    image[5:15, 12] = (200, 200, 200)  # its anti-aliased edge
    ratio, text, background = text_colours(image)
    assert background == (255, 255, 255) and text == (140, 140, 140)
    assert ratio == pytest.approx(3.4, abs=0.05)
    assert text_colours(_canvas(4, 4, (0, 0, 0)))[0] == 1.0
    assert dominant(image) == (255, 255, 255)


def test_focus_change_needs_a_perimeter_of_changed_pixels():
    unfocused = _canvas(40, 100, (255, 255, 255))
    focused = unfocused.copy()
    focused[:2, :] = focused[-2:, :] = (0, 0, 0)
    focused[:, :2] = focused[:, -2:] = (0, 0, 0)
    perimeter_band = int(2 * 2 * (100 + 40) * 0.75)
    assert change_contrast(focused, unfocused, perimeter_band) == pytest.approx(21)
    thin = unfocused.copy()
    thin[0, :] = (0, 0, 0)  # one line only
    assert change_contrast(thin, unfocused, perimeter_band) == 1.0
    assert dominant(ring(focused, 0, 2)) == (0, 0, 0)
    assert ring(_canvas(3, 3, (0, 0, 0)), 0, 2).size == 0


def test_gray_difference():
    green = _canvas(10, 10, (10, 107, 45))
    blue = _canvas(10, 10, (11, 79, 138))  # the door's admit and exit: almost the same gray
    assert gray_difference(green, blue) == 0
    marked = blue.copy()
    marked[:5] = (255, 255, 255)
    assert gray_difference(green, marked) == 0.5


# -- the report's words ----------------------------------------------------------------------------


def test_summaries_and_table():
    results = [
        WHERE.result("touch_target", "roomCombo", 10.2, 12, "mm", "min", detail="111 x 41 px"),
        c.Where("door", "admit", "ko", "default").result(
            "touch_target", "roomCombo", 10.2, 12, "mm", "min", detail="111 x 41 px"
        ),
        WHERE.result("contrast", "title", 12.0, 4.5, ":1", "min"),
    ]
    summaries = {s.criterion: s for s in summarise(results)}
    assert summaries["touch_target"].failed == 2 and not summaries["touch_target"].passed
    assert summaries["contrast"].passed
    assert summaries["flashing"].checks == 0
    assert figure(results[0]) == "10.2 mm (needs >= 12 mm)"
    assert figure(results[2]) == "12.0:1 (needs >= 4.5:1)"
    assert group_failures(summaries["touch_target"].failures) == [
        "door roomCombo: 10.2 mm (needs >= 12 mm) — 111 x 41 px [idle, admit; en, ko; default]"
    ]
    text = table(Panel(), list(summaries.values()))
    assert "touch_target       FAIL" in text and "some criteria fail" in text
    assert summaries["touch_target"].to_json()["failures"][0]["measured"] == 10.2
