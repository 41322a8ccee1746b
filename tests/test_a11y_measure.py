"""The Qt-side measurer on a small window built to fail: each check finds what it must find (a
too small button, buttons too close, grey text, a focus that shows nothing, a flashing label,
a control named other than it reads, clipped text, controls out of reach, verdicts told apart
by colour only) and passes what is right."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.a11y import criteria as c
from kiosk.a11y.measure import Measurer, colour_only, settle
from kiosk.a11y.panel import Panel

PANEL = Panel()
WHERE = c.Where("test", "state", "en", "default")
SHEET = """
QWidget { background: #ffffff; color: #000000; }
QPushButton { background: #ffffff; color: #000000; border: 2px solid #444444; }
QPushButton:focus { border: 4px solid #b35900; }
QPushButton#noRing:focus { border: 2px solid #444444; }
QLabel#grey { color: #999999; }
"""


class Window(QWidget):
    """A window at the panel's resolution with things right and wrong in it."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(SHEET)
        self.resize(PANEL.width_px, PANEL.height_px)
        self.big = self._button("big", "Home", 100, 900, 200, 80)  # 49.6 x 19.8 mm
        self.tiny = self._button("tiny", "OK", 400, 900, 30, 30)  # 7.4 mm
        self.close_by = self._button("closeBy", "No", 434, 900, 80, 80)  # 4 px = 1 mm away
        self.misnamed = self._button("misnamed", "English", 700, 900, 200, 80)
        self.misnamed.setAccessibleName("Change language")
        self.no_ring = self._button("noRing", "Quiet", 1000, 900, 200, 80)
        self.top = self._button("top", "Up here", 1300, 0, 200, 80)
        self.hidden = self._button("hidden", "Covered", 1600, 900, 200, 80)
        cover = QWidget(self)
        cover.setObjectName("cover")
        cover.setGeometry(1590, 890, 260, 120)
        self.title = self._label("title", "Welcome", 40, 40, 12)
        self.title.setProperty("a11yRole", "instruction")
        self.hangul = self._label("hangul", "환영합니다", 40, 200, 44)
        self.hangul.setProperty("a11yRole", "title")
        self.unmarked = self._label("unmarked", "Small print", 40, 400, 8)
        self.grey = self._label("grey", "Grey words", 40, 500, 20)
        self.clipped = self._label("clipped", "A long sentence that does not fit", 40, 600, 20)
        self.clipped.setFixedWidth(60)

    def _button(self, name: str, text: str, x: int, y: int, w: int, h: int) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setGeometry(x, y, w, h)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _label(self, name: str, text: str, x: int, y: int, points: float) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        font = QFont(label.font())
        font.setPointSizeF(points)
        font.setBold(points > 40)
        label.setFont(font)
        label.move(x, y)
        label.adjustSize()
        return label


@pytest.fixture
def window(qtbot, qapp) -> Iterator[Window]:
    from kiosk.gui.fonts import register_fonts

    register_fonts(qapp)
    win = Window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    yield win
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def by_subject(results: list[c.Result], criterion: str) -> dict[str, c.Result]:
    return {r.subject: r for r in results if r.criterion == criterion}


def test_touch_targets_and_gaps(window: Window):
    measurer = Measurer(window, PANEL)
    results = measurer.touch_targets(window, WHERE)
    size = by_subject(results, "touch_target")
    assert size["big"].passed and size["big"].measured == pytest.approx(80 * PANEL.mm_per_px)
    assert not size["tiny"].passed and size["tiny"].measured == pytest.approx(7.44, abs=0.01)
    gaps = by_subject(results, "target_gap")
    assert not gaps["tiny"].passed and gaps["tiny"].measured == pytest.approx(0.99, abs=0.01)
    assert "closeBy" in gaps["tiny"].detail
    assert gaps["big"].passed
    # A control under an overlay cannot be pressed: it is not counted as a target.
    assert "hidden" not in size and measurer.obscured(window.hidden)


def test_a_window_laid_out_smaller_is_scaled_to_the_panel(window: Window):
    window.resize(960, 540)  # half the panel: every pixel is two on the panel
    window.big.move(100, 300)
    settle()
    size = by_subject(Measurer(window, PANEL).touch_targets(window, WHERE), "touch_target")
    assert size["big"].measured == pytest.approx(160 * PANEL.mm_per_px)


def test_principal_text_is_what_the_screen_marks(window: Window):
    measurer = Measurer(window, PANEL)
    picked = [label.objectName() for label, rule in measurer.principal_labels(window)]
    assert picked == ["title", "hangul"]  # marked with a11yRole; "unmarked" is not principal
    results = measurer.text_size(window, WHERE)
    latin = by_subject(results, "latin_cap_height")["title (a11yRole)"]
    assert not latin.passed and latin.measured < 4  # 12 pt: about 3 mm capitals
    hangul = by_subject(results, "hangul_height")["hangul (a11yRole)"]
    assert hangul.passed and hangul.measured > 12
    window.title.setProperty("a11yRole", None)
    window.hangul.setProperty("a11yRole", None)
    window.hangul.setObjectName("verdictHeadline")  # the door's headline, by its name
    assert [label.objectName() for label, _ in measurer.principal_labels(window)] == [
        "verdictHeadline"
    ]


def test_contrast_is_read_off_the_rendered_window(window: Window):
    results = by_subject(
        Measurer(window, PANEL).contrast(window, WHERE, high_contrast=False), "contrast"
    )
    assert results["title"].passed and results["title"].measured == pytest.approx(21, abs=0.1)
    assert not results["grey"].passed
    assert results["grey"].measured == pytest.approx(2.85, abs=0.05)
    assert "#999999 on #ffffff" in results["grey"].detail
    strict = by_subject(
        Measurer(window, PANEL).contrast(window, WHERE, high_contrast=True), "contrast"
    )
    assert strict["big"].required == 7.0


def test_a_focus_ring_is_seen_and_its_absence_too(window: Window):
    results = by_subject(Measurer(window, PANEL).focus_indicator(window, WHERE), "focus_indicator")
    # The ring #b35900 against the white page around the button.
    assert results["big"].passed and results["big"].measured == pytest.approx(4.83, abs=0.05)
    assert not results["noRing"].passed and results["noRing"].measured == pytest.approx(1.0)


def test_controls_out_of_reach(window: Window):
    low = by_subject(Measurer(window, PANEL).reach(window, WHERE), "reach")
    assert all(r.passed for r in low.values())
    high = Panel(lower_edge_mm=1100)  # a wall-mounted screen: its top is 1,368 mm high
    results = by_subject(Measurer(window, high).reach(window, WHERE), "reach")
    assert not results["top"].passed
    assert results["top"].measured == pytest.approx(high.top_edge_mm)
    assert results["big"].passed is False or results["big"].measured <= 1220
    floor = Panel(lower_edge_mm=100)
    results = by_subject(Measurer(window, floor).reach(window, WHERE), "reach")
    assert not results["big"].passed and results["big"].comparison == "min"


def test_a_flashing_label_is_found(window: Window, qtbot):
    block = QLabel(window)  # a large area, as WCAG counts flashes (0.006 sr at 500 mm)
    block.setGeometry(600, 100, 400, 300)
    block.setStyleSheet("background: #000000;")
    block.show()
    blink = QTimer(window)
    blink.setInterval(100)
    blink.timeout.connect(lambda: block.setVisible(not block.isVisible()))
    blink.start()
    results = Measurer(window, PANEL).flashing(window, WHERE, sample_s=0.8)
    timer = [r for r in results if r.subject.startswith("timer every 100 ms")]
    assert timer and not timer[0].passed and timer[0].measured == 5
    sampled = [r for r in results if r.subject == "window (sampled)"][0]
    assert sampled.measured > 1  # changes seen in the grabs
    blink.stop()
    blink.setParent(None)  # gone from the screen
    settle()
    quiet = Measurer(window, PANEL).flashing(window, WHERE, sample_s=0.3)
    assert all(r.passed for r in quiet)


def test_accessible_names_must_contain_what_a_control_shows(window: Window):
    results = by_subject(Measurer(window, PANEL).label_in_name(window, WHERE), "label_in_name")
    assert results["big"].passed
    assert not results["misnamed"].passed
    assert "'English'" in results["misnamed"].detail


def test_clipped_text_is_found(window: Window):
    expected = (PANEL.width_px, PANEL.height_px)
    results = by_subject(Measurer(window, PANEL).clipping(window, WHERE, expected), "text_200")
    assert not results["clipped"].passed and results["clipped"].measured > 100
    assert results["title"].passed and results["window"].passed


def test_colour_only_is_found(window: Window):
    measurer = Measurer(window, PANEL)
    first = measurer.snapshot([window.grey], ["✔", "Grey words"])
    window.grey.setStyleSheet("color: #0000ff;")  # another colour, the same words
    settle()
    second = measurer.snapshot([window.grey], ["✔", "Grey words"])
    results = colour_only({"a": first, "b": second}, WHERE)
    assert not results[0].passed and "the same" in results[0].detail
    window.grey.setText("Other words")
    settle()
    third = measurer.snapshot([window.grey], ["✖", "Other words"])
    assert colour_only({"a": first, "c": third}, WHERE)[0].passed
