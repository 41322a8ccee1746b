"""`kiosk bench` end to end on a small synthetic event: the JSON figures and their shape.

Wall-clock thresholds depend on the machine, so they are never asserted here: the test checks
that every figure is a real positive measurement and that the mix covers every kind of scan.
"""

from __future__ import annotations

import json

import pytest
from kiosk_command import run_kiosk

SCAN_KEYS = {
    "count",
    "p50_ms",
    "p99_ms",
    "floor_p50_ms",
    "floor_p99_ms",
    "p99_vs_floor",
    "mix",
}
TARGET_KEYS = {
    "scan_p99_within_2_ms",
    "scan_p99_within_3x_floor",
    "import_at_least_50000_rows_per_s",
    "pretix_import_at_least_50000_rows_per_s",
    "peak_rss_below_200_mb",
    "badges_at_least_100_per_s",
    "gui_start_within_2_s",
    "gui_scan_to_paint_p99_within_50_ms",
    "sync_roster_build_within_5_s",
    "sync_roster_apply_within_5_s",
    "sync_merge_20x50000_within_10_s",
    "sync_hub_round_trip_within_200_ms",
    "roster_search_within_50_ms",
    "day_report_within_10_s",
    "all_met",
}


@pytest.fixture(scope="module")
def figures() -> dict:
    result = run_kiosk(
        *("bench", "--attendees", "1000", "--scans", "300", "--sync-events", "2000"), timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "bench:" in result.stderr  # progress goes to stderr, the figures alone to stdout
    return json.loads(result.stdout)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


@pytest.mark.slow
def test_bench_reports_every_figure(figures: dict) -> None:
    assert set(figures) == {
        "attendees",
        "import",
        "pretix_import",
        "scan",
        "commits",
        "badges",
        "gui",
        "sync",
        "console",
        "peak_rss_mb",
        "targets",
    }
    badges = figures["badges"]
    assert badges["count"] == 100 and badges["pages"] == 13  # 8 CR80 badges to an A4 sheet
    for key in ("seconds", "badges_per_s", "floor_badges_per_s", "vs_floor", "pdf_mb"):
        assert _positive(badges[key]), key
    gui = figures["gui"]
    assert gui["scans"] > 0
    for key in ("start_to_ready_s", "scan_to_paint_p50_ms", "scan_to_paint_p99_ms"):
        assert _positive(gui[key]), key
    assert figures["attendees"] == 1000
    assert _positive(figures["import"]["rows_per_s"]) and _positive(figures["import"]["seconds"])
    pretix = figures["pretix_import"]
    assert pretix["tickets"] == 1000 and pretix["preset"] == "pretix-checkinlist"
    assert 0 < pretix["people"] < pretix["tickets"]  # some people hold a pass and a workshop
    assert _positive(pretix["rows_per_s"]) and _positive(pretix["seconds"])
    scan = figures["scan"]
    assert set(scan) == SCAN_KEYS
    assert scan["count"] == 300
    for key in SCAN_KEYS - {"count", "mix"}:
        assert _positive(scan[key]), key
    assert scan["p50_ms"] <= scan["p99_ms"]
    assert scan["floor_p50_ms"] <= scan["floor_p99_ms"]
    assert scan["p99_vs_floor"] == pytest.approx(scan["p99_ms"] / scan["floor_p99_ms"], abs=0.01)
    assert _positive(figures["commits"]["per_s"]) and _positive(figures["commits"]["floor_per_s"])
    assert _positive(figures["peak_rss_mb"])


@pytest.mark.slow
def test_bench_scans_a_real_mix(figures: dict) -> None:
    mix = figures["scan"]["mix"]
    assert sum(mix.values()) == figures["scan"]["count"]
    for reason in ("admitted", "readmitted", "exit_recorded", "not_invited", "invalid_code"):
        assert mix.get(reason, 0) > 0, (reason, mix)
    # Nothing the plan aims at should turn into another kind of refusal.
    assert set(mix) <= {"admitted", "readmitted", "exit_recorded", "not_invited", "invalid_code"}


@pytest.mark.slow
def test_bench_targets_are_booleans_consistent_with_the_figures(figures: dict) -> None:
    targets = figures["targets"]
    assert set(targets) == TARGET_KEYS
    assert all(isinstance(value, bool) for value in targets.values())
    assert targets["scan_p99_within_2_ms"] == (figures["scan"]["p99_ms"] <= 2.0)
    assert targets["import_at_least_50000_rows_per_s"] == (
        figures["import"]["rows_per_s"] >= 50_000
    )
    assert targets["pretix_import_at_least_50000_rows_per_s"] == (
        figures["pretix_import"]["rows_per_s"] >= 50_000
    )
    assert targets["all_met"] == all(v for k, v in targets.items() if k != "all_met")


def test_bench_refuses_sizes_outside_its_range() -> None:
    result = run_kiosk("bench", "--attendees", "10")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "between 1000 and 200000" in result.stderr
