"""`kiosk a11y-report`: the panel from the command line, a table or JSON, exit 0 only when every
criterion passes. The walk here is cut down to one door state (the whole walk is what
tests/test_a11y_screens.py asserts, criterion by criterion)."""

from __future__ import annotations

import json

import pytest

from kiosk import cli
from kiosk.a11y import report
from kiosk.a11y.walk import Plan

SMALL = Plan(
    screens=("door",),
    languages=("en",),
    modes=("default",),
    zoom=False,
    flash_sample_s=0,
    door_states=("idle", "admit", "deny"),
)


@pytest.fixture
def small_walk(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    monkeypatch.setattr(report, "default_plan", lambda: SMALL)


def test_json_report_for_a_configured_panel(small_walk, capsys: pytest.CaptureFixture[str]):
    code = cli.main(
        [
            "a11y-report",
            "--json",
            "--diagonal-in",
            "27",
            "--resolution",
            "2560x1440",
            "--lower-edge-mm",
            "1100",
            "--viewing-distance-mm",
            "600",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["passed"] is False
    panel = data["panel"]
    assert panel["resolution"] == "2560x1440" and panel["lower_edge_mm"] == 1100
    assert panel["mm_per_px"] == pytest.approx(27 * 25.4 / (2560**2 + 1440**2) ** 0.5, abs=1e-4)
    criteria = {entry["criterion"]: entry for entry in data["criteria"]}
    assert list(criteria) == list(report.c.CRITERIA)
    reach = criteria["reach"]
    assert not reach["passed"] and reach["failed"] > 0
    assert reach["worst"]["measured"] > 1220  # the panel's top is 1,436 mm up
    assert reach["failures"][0]["unit"] == "mm"
    # Text must be larger when read from 600 mm: 12 mm x 600 / 500.
    assert criteria["latin_cap_height"]["worst"]["required"] == pytest.approx(7.32)
    assert criteria["translations"]["passed"]
    assert criteria["colour_only"]["checks"] == 1  # admit vs deny


def test_table_report_on_the_default_panel_passes(small_walk, capsys):
    code = cli.main(["a11y-report"])
    out = capsys.readouterr().out
    assert out.startswith("Panel: 21.5 in, 1920x1080 px")
    assert "reach              PASS" in out
    assert "touch_target       PASS" in out
    assert "FAIL" not in out
    assert code == 0


def test_table_report_names_what_fails_on_a_denser_panel(small_walk, capsys):
    """The same 1080p layout on a 15.6-inch panel: the choosers are under 12 mm."""
    code = cli.main(["a11y-report", "--diagonal-in", "15.6"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("Panel: 15.6 in, 1920x1080 px")
    assert "touch_target       FAIL" in out
    assert "FAIL door roomCombo" in out
    assert out.rstrip().endswith("some criteria fail")


@pytest.mark.parametrize(
    "argv",
    [
        ["a11y-report", "--resolution", "wide"],
        ["a11y-report", "--diagonal-in", "0"],
        ["a11y-report", "--lower-edge-mm", "-5"],
    ],
)
def test_a_bad_panel_is_refused(argv: list[str], capsys: pytest.CaptureFixture[str]):
    assert cli.main(argv) == 2
    assert capsys.readouterr().err.startswith("kiosk: ")


def test_exit_code_0_when_every_criterion_measured_passes(qapp):
    """The kiosk's welcome page in English and large text passes everything it is measured on."""
    clean = Plan(
        screens=("kiosk",),
        languages=("en",),
        modes=("large",),
        zoom=False,
        flash_sample_s=0,
        kiosk_states=("welcome",),
    )
    code, text = report.run(report.Panel(), as_json=False, plan=clean)
    assert isinstance(text, str)
    assert code == 0 and text.rstrip().endswith("all criteria pass")
    assert "hangul_height      -" in text  # no Korean shown: nothing to measure
    assert "touch_target       PASS" in text


def test_sizes_lay_out_the_pages_at_each_window_size(
    monkeypatch: pytest.MonkeyPatch, qapp, capsys: pytest.CaptureFixture[str]
):
    """`--size` adds the layout at those window sizes (here the door's idle page only)."""
    small = Plan(
        screens=(),
        languages=("en",),
        modes=("large",),
        zoom=False,
        flash_sample_s=0,
        layout_screens=("door",),
        layout_states={"door": ("idle",)},
    )
    monkeypatch.setattr(report, "default_plan", lambda: small)
    code = cli.main(["a11y-report", "--json", "--size", "1366x768", "--size", "1080x1920"])
    data = json.loads(capsys.readouterr().out)
    criteria = {entry["criterion"]: entry for entry in data["criteria"]}
    fits = criteria["fits_window"]
    assert fits["checks"] > 10 and fits["passed"], fits["failures"][:3]
    assert criteria["no_overlap"]["checks"] > 10 and criteria["text_not_clipped"]["checks"] > 5
    assert code == 0


def test_a_bad_size_is_refused(capsys: pytest.CaptureFixture[str]):
    assert cli.main(["a11y-report", "--size", "huge"]) == 2
    assert capsys.readouterr().err.startswith("kiosk: ")
