"""`kiosk a11y-report`: the kiosk's accessibility, measured on a configured panel.

Opens the app offscreen on a throw-away copy of the demo event, walks the door and self check-in
screens in Korean and English, standard, large-text and high-contrast (and at 200 % text), and
sums each criterion up: its worst figure, how many checks, how many failed and which. With
`--size`, every door, kiosk and organiser page is also laid out at those window sizes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.a11y import criteria as c
from kiosk.a11y.measure import gui
from kiosk.a11y.panel import Panel
from kiosk.a11y.walk import Plan, Progress, walk

FAILURES_LISTED = 12  # failures named per criterion in the table (JSON has them all)


@dataclass(frozen=True)
class Summary:
    """One criterion over a whole walk."""

    criterion: str
    requirement: str
    checks: int
    failed: int
    worst: c.Result | None
    failures: tuple[c.Result, ...]

    @property
    def passed(self) -> bool:
        return self.checks > 0 and self.failed == 0

    def to_json(self) -> dict[str, Any]:
        worst = self.worst
        return {
            "criterion": self.criterion,
            "requirement": self.requirement,
            "passed": self.passed,
            "checks": self.checks,
            "failed": self.failed,
            "worst": None if worst is None else worst.to_json(),
            "failures": [result.to_json() for result in self.failures],
        }


def summarise(results: Sequence[c.Result]) -> list[Summary]:
    """Each criterion's figures summed up, in the order of `criteria.CRITERIA`."""
    summaries = []
    for criterion, requirement in c.CRITERIA.items():
        mine = [r for r in results if r.criterion == criterion]
        failures = tuple(r for r in mine if not r.passed)
        summaries.append(
            Summary(criterion, requirement, len(mine), len(failures), c.worst(mine), failures)
        )
    return summaries


def figure(result: c.Result | None) -> str:
    """A result's figure in words: "11.9 mm (needs >= 12.0)"."""
    if result is None:
        return "-"
    sign = ">=" if result.comparison == "min" else "<="
    if result.criterion == "label_in_name":
        return "ok" if result.passed else "missing words"
    if (
        result.criterion == "colour_only"
        and not result.passed
        and result.measured >= result.required
    ):
        return f"{result.measured:.1f} % (words the same)"
    unit = result.unit if result.unit in (":1", "%") else f" {result.unit}".rstrip()
    return f"{result.measured:.1f}{unit} (needs {sign} {result.required:g}{unit})"


def group_failures(failures: Sequence[c.Result]) -> list[str]:
    """Failures that are the same thing (screen, subject, figure) in several states, languages
    or modes, one line each: "door roomCombo: 10.2 mm (needs >= 12 mm) — ... [7 states; ko, en;
    default, large]"."""
    groups: dict[tuple[str, str, str], list[c.Result]] = {}
    for result in failures:
        groups.setdefault((result.screen, result.subject, figure(result)), []).append(result)
    lines = []
    for (screen, subject, shown), members in groups.items():
        states = _joined(r.state for r in members)
        languages = _joined(r.language for r in members)
        modes = _joined(r.mode for r in members)
        sizes = _joined(r.size for r in members if r.size)
        detail = members[0].detail
        lines.append(
            f"{screen} {subject}: {shown}"
            + (f" — {detail}" if detail else "")
            + f" [{states}; {languages}; {modes}"
            + (f"; {sizes}]" if sizes else "]")
        )
    return lines


def _joined(values: Iterable[str]) -> str:
    unique = list(dict.fromkeys(values))
    return ", ".join(unique) if len(unique) <= 4 else f"{len(unique)} states"


def table(panel: Panel, summaries: Sequence[Summary]) -> str:
    """The report as text for a person."""
    p = panel.describe()
    lines = [
        f"Panel: {p['diagonal_in']} in, {p['resolution']} px ({p['width_mm']} x "
        f"{p['height_mm']} mm, {p['mm_per_px']} mm/px), lower edge {p['lower_edge_mm']} mm, "
        f"top edge {p['top_edge_mm']} mm, read from {p['viewing_distance_mm']} mm",
        "",
        f"{'criterion':<18} {'result':<6} {'checks':>6} {'failed':>6}  worst figure",
    ]
    for summary in summaries:
        verdict = "PASS" if summary.passed else ("-" if not summary.checks else "FAIL")
        worst = summary.worst
        where = "" if worst is None else f"  [{worst.where()} {worst.subject}]"
        lines.append(
            f"{summary.criterion:<18} {verdict:<6} {summary.checks:>6} {summary.failed:>6}  "
            f"{figure(worst)}{where}"
        )
    for summary in summaries:
        if not summary.failures:
            continue
        lines += ["", f"{summary.criterion}: {summary.requirement}"]
        groups = group_failures(summary.failures)
        for group in groups[:FAILURES_LISTED]:
            lines.append(f"  FAIL {group}")
        more = len(groups) - FAILURES_LISTED
        if more > 0:
            lines.append(f"  ... and {more} more")
    passed = all(s.passed for s in summaries if s.checks)
    lines += ["", "all criteria pass" if passed else "some criteria fail"]
    return "\n".join(lines)


def to_json(panel: Panel, summaries: Sequence[Summary], states: int) -> dict[str, Any]:
    return {
        "panel": panel.describe(),
        "states_measured": states,
        "passed": all(s.passed for s in summaries if s.checks),
        "criteria": [summary.to_json() for summary in summaries],
    }


def measure_demo(panel: Panel, plan: Plan | None = None, progress: Progress | None = None) -> Any:
    """Open the app offscreen on a fresh copy of the demo event and walk it; the Walk."""
    with demo_window() as window:
        return walk(window, panel, plan, progress)


@contextmanager
def demo_window() -> Iterator[Any]:
    """The app's window (kiosk mode) offscreen on a fresh copy of the demo event, its clock
    on the kiosk's day; closed, its database too, afterwards."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.a11y.walk import KIOSK_DAY, moment_at
    from kiosk.demo.demo_event import build_demo_event

    screens = gui("app").SCREENS
    register_fonts = gui("fonts").register_fonts
    open_context = gui("shell.context").open_context
    shell_window = gui("shell.window").ShellWindow
    compile_translations = gui("translations").compile_translations

    previous_handler = qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    _ensure_compiled(compile_translations)
    with tempfile.TemporaryDirectory(prefix="kiosk-a11y-") as tmp:
        db = build_demo_event(Path(tmp) / "demo.sqlite")
        register_fonts(app)
        context = open_context(app, db, "ko")
        moment = moment_at(KIOSK_DAY, context.event.tz)
        context.clock = lambda: moment
        window = shell_window(context, screens, "kiosk")
        try:
            yield window
        finally:
            for index in range(window.stack.count()):
                _stop(window.stack.widget(index))
            context.languages.use("en")
            context.prefs.reset()
            window.close()
            window.deleteLater()
            from PySide6.QtCore import QEvent

            QApplication.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            context.conn.close()
            app.setStyleSheet(sheet)
            app.setFont(font)
            qInstallMessageHandler(previous_handler)


def _quiet(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's warnings about the offscreen platform and the missing audio device are not the
    report's business; critical messages still go to stderr."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        sys.stderr.write(f"{message}\n")


def _stop(screen: Any) -> None:
    """Stop a screen's workers and timers before its database closes."""
    shutdown = getattr(screen, "shutdown", None)
    if callable(shutdown):
        shutdown()
    for name in ("tick_timer", "hold_timer"):
        timer = getattr(screen, name, None)
        if timer is not None:
            timer.stop()


def _ensure_compiled(compile_translations: Any) -> None:
    """The Korean .qm files, compiled from the .ts sources when missing or older."""
    for source in gui("translations").TRANSLATIONS_DIR.glob("*.ts"):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            compile_translations()
            return


def default_plan() -> Plan:
    """Everything: both screens, both languages, every display mode, 200 % text."""
    return Plan()


def run(
    panel: Panel,
    *,
    as_json: bool,
    plan: Plan | None = None,
    sizes: Sequence[tuple[int, int]] = (),
) -> tuple[int, str | dict[str, Any]]:
    """Measure and report: (exit code 0 all pass / 1 some fail, the table or the JSON). With
    `sizes`, every door, kiosk and organiser page is also laid out at each window size."""
    plan = plan or default_plan()
    if sizes:
        plan = replace(plan, sizes=tuple(sizes))
    done = measure_demo(panel, plan)
    summaries = summarise(done.results)
    passed = all(s.passed for s in summaries if s.checks)
    report: str | dict[str, Any]
    report = to_json(panel, summaries, done.states) if as_json else table(panel, summaries)
    return (0 if passed else 1), report
