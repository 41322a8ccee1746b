"""The organisers' day report as a PDF: charts drawn with reportlab graphics, ruled tables.

Headings are in English and Korean; session titles in both languages. Text is set in the badges'
font chain (DejaVu Sans, then NanumGothic for Hangul), embedded, so the PDF shows every name and
title on any viewer. Tables are ruled on every cell so their numbers can be read back by tools
(and by the tests, which compare them with the database).
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kiosk.badges.fonts import FontChain, font_chain
from kiosk.core.clock import from_ms
from kiosk.core.messages import ticket_types_text
from kiosk.errors import KioskError
from kiosk.exports import write_atomically
from kiosk.reports.day_data import DayReport, SessionFigures, day_report_data

Progress = Callable[[int, int], None]
MAX_CHART_SESSIONS = 30
ARRIVALS_COLOUR = colors.HexColor("#0b5cad")
ENTRIES_COLOUR = colors.HexColor("#b35900")
PEAK_COLOUR = colors.HexColor("#0a6b2d")
NEAR_COLOUR = colors.HexColor("#b00020")
CAPACITY_COLOUR = colors.HexColor("#bbbbbb")
HEADER_FILL = colors.HexColor("#e6e6e6")
NEAR_FILL = colors.HexColor("#fde2e1")
GRID = colors.HexColor("#555555")
PAGE_MARGIN = 15 * mm


class ReportCancelled(KioskError):
    """The report was stopped before it was written (nothing was written)."""


@dataclass(frozen=True)
class ReportResult:
    pages: int
    path: Path


class _Text:
    """Paragraphs in the font chain: each run of text in the first font that has its glyphs."""

    def __init__(self) -> None:
        self.regular = font_chain(bold=False)
        self.bold = font_chain(bold=True)
        base = self.regular.names[0]
        heavy = self.bold.names[0]
        self.body = ParagraphStyle("body", fontName=base, fontSize=9, leading=11.5)
        self.small = ParagraphStyle("small", fontName=base, fontSize=7.5, leading=9.5)
        self.cell = ParagraphStyle("cell", fontName=base, fontSize=7.5, leading=9)
        self.head_cell = ParagraphStyle("head", fontName=heavy, fontSize=7, leading=8.5)
        self.title = ParagraphStyle("title", fontName=heavy, fontSize=17, leading=22)
        self.h2 = ParagraphStyle(
            "h2", fontName=heavy, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        )

    def markup(self, text: str, bold: bool = False) -> str:
        chain: FontChain = self.bold if bold else self.regular
        return "".join(
            f'<font face="{font}">{html.escape(run, quote=False)}</font>'
            for font, run in chain.runs(text)
        )

    def para(self, text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
        return Paragraph(self.markup(text, bold), style)

    def lines(self, texts: Sequence[str], style: ParagraphStyle, bold: bool = False) -> Paragraph:
        return Paragraph("<br/>".join(self.markup(t, bold) for t in texts if t), style)


def _table(rows: list[list[Any]], widths: list[float], *, highlight: Sequence[int] = ()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    regular = font_chain().names[0]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), NEAR_FILL) for row in highlight]
    table.setStyle(TableStyle(commands))
    return table


def _access_words(session: SessionFigures) -> list[str]:
    """Who may enter, in English and Korean: open, invitation, or holders of given tickets."""
    if session.ticket_types:
        tickets = ticket_types_text(session.ticket_types)
        return [f"{tickets} tickets", f"{tickets} 티켓"]
    return ["invite only", "초청"] if session.invite_only else ["open", "공개"]


def _hhmm(ms: int | None, report: DayReport) -> str:
    if ms is None:
        return "—"
    from zoneinfo import ZoneInfo

    return from_ms(ms, ZoneInfo(report.timezone)).strftime("%H:%M")


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


class _Builder:
    def __init__(self, report: DayReport) -> None:
        self.report = report
        self.text = _Text()
        self.width = A4[0] - 2 * PAGE_MARGIN

    def h2(self, english: str, korean: str) -> Paragraph:
        return self.text.para(f"{english} · {korean}", self.text.h2, bold=True)

    def head(self, english: str, korean: str) -> Paragraph:
        return self.text.lines([english, korean], self.text.head_cell, bold=True)

    def story(self) -> list[Any]:
        report = self.report
        text = self.text
        story: list[Any] = [
            text.para(f"{report.event_name}", text.title, bold=True),
            text.para(
                f"Day report · 일일 보고서 — {report.day.isoformat()} ({report.timezone})",
                text.h2,
                bold=True,
            ),
            text.para(
                "Generated · 작성 "
                + from_ms(report.generated_ms, _zone(report)).strftime("%Y-%m-%d %H:%M"),
                text.small,
            ),
            Spacer(1, 4 * mm),
        ]
        story += self.summary()
        story += self.arrivals()
        story += self.sessions()
        story += self.peaks()
        story += self.no_shows()
        story += self.badges()
        return story

    def summary(self) -> list[Any]:
        r = self.report
        rows = [
            [self.head("Figure", "항목"), self.head("People", "인원")],
            [self.head_free("Registered (not cancelled)", "등록 (취소 제외)"), str(r.registered)],
            [self.head_free("Checked in by the end of the day", "누적 체크인"), str(r.checked_in)],
            [self.head_free("Arrived this day", "당일 도착"), str(r.arrived_today)],
            [self.head_free("First arrival this day", "당일 첫 도착"), str(r.first_time_today)],
            [self.head_free("No-shows (not checked in yet)", "미참석"), str(r.no_shows)],
            [self.head_free("Cancelled registrations", "취소된 등록"), str(r.cancelled)],
        ]
        return [
            self.h2("Summary", "요약"),
            _table(rows, [self.width * 0.6, self.width * 0.2]),
        ]

    def head_free(self, english: str, korean: str) -> Paragraph:
        return self.text.lines([english, korean], self.text.cell)

    def arrivals(self) -> list[Any]:
        buckets = self.report.buckets
        height = 70 * mm
        drawing = Drawing(self.width, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 32, 38
        chart.width, chart.height = self.width - 45, height - 62
        chart.data = [[b.arrivals for b in buckets], [b.entries for b in buckets]]
        chart.bars[0].fillColor = ARRIVALS_COLOUR
        chart.bars[1].fillColor = ENTRIES_COLOUR
        chart.bars.strokeWidth = 0
        chart.groupSpacing = 1
        labels = [  # full hours only: a label every four bars
            text if text.endswith(":00") else ""
            for text in (_hhmm(b.start_ms, self.report) for b in buckets)
        ]
        chart.categoryAxis.categoryNames = labels
        font = self.text.regular.names[0]
        chart.categoryAxis.labels.fontName = font
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.angle = 0
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.valueAxis.valueMin = 0
        chart.valueAxis.labels.fontName = font
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
        top = max([1, *(b.arrivals for b in buckets), *(b.entries for b in buckets)])
        chart.valueAxis.valueMax = top + max(1, top // 10)
        drawing.add(chart)
        korean = self.text.regular.font_for("도")
        legend = Legend()
        legend.x, legend.y = 40, 12
        legend.fontName = korean
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 150
        legend.colorNamePairs = [
            (ARRIVALS_COLOUR, "Arrivals (first check-in of the day) · 도착"),
            (ENTRIES_COLOUR, "First entries into sessions · 세션 입장"),
        ]
        drawing.add(legend)
        drawing.add(String(0, height - 10, "People per 15 minutes · 15분당 인원", fontName=korean))
        return [KeepTogether([self.h2("Arrivals over time", "시간대별 도착"), drawing])]

    def sessions(self) -> list[Any]:
        text = self.text
        rows: list[list[Any]] = [
            [
                self.head("Session", "세션"),
                self.head("Time", "시간"),
                self.head("Room", "회의실"),
                self.head("Title", "제목"),
                self.head("Access", "입장"),
                self.head("Entered", "입장 인원"),
                self.head("Capacity", "정원"),
                self.head("Peak", "최대"),
                self.head("Peak at", "최대 시각"),
                self.head("Peak %", "최대 비율"),
            ]
        ]
        near: list[int] = []
        for index, s in enumerate(self.report.sessions, start=1):
            if s.near_capacity:
                near.append(index)
            rows.append(
                [
                    s.session_id,
                    f"{s.start}–{s.end}",
                    text.para(s.room, text.cell),
                    text.lines([s.title_en or "", s.title_ko or ""], text.cell),
                    text.lines(_access_words(s), text.cell),
                    str(s.admitted),
                    "—" if s.capacity is None else str(s.capacity),
                    str(s.peak),
                    _hhmm(s.peak_ms, self.report),
                    _percent(s.peak_share) + (" ⚠" if s.near_capacity else ""),
                ]
            )
        if len(rows) == 1:
            return [
                self.h2("Attendance per session", "세션별 참석"),
                text.para("No sessions on this day · 이 날에는 세션이 없습니다", text.body),
            ]
        fixed = [44, 53, 52, 0, 40, 40, 42, 32, 36, 40]
        widths = [float(x) for x in fixed]
        widths[3] = self.width - sum(widths)
        return [
            self.h2("Attendance per session", "세션별 참석"),
            _table(rows, widths, highlight=near),
            Spacer(1, 1.5 * mm),
            text.para(
                "⚠ and a tinted row: the peak reached 90% of the room's capacity or more · "
                "⚠ 표시와 색칠된 줄: 최대 인원이 정원의 90% 이상",
                text.small,
            ),
        ]

    def peaks(self) -> list[Any]:
        limited = [s for s in self.report.sessions if s.capacity]
        if not limited:
            return []
        shown = sorted(limited, key=lambda s: -(s.peak_share or 0.0))[:MAX_CHART_SESSIONS]
        shown.sort(key=lambda s: (s.start, s.session_id), reverse=True)
        bar_height = 14
        height = len(shown) * bar_height + 70
        drawing = Drawing(self.width, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = 80, 34
        chart.width, chart.height = self.width - 130, height - 50
        chart.data = [[round((s.peak_share or 0.0) * 100, 1) for s in shown]]
        chart.bars[0].fillColor = PEAK_COLOUR
        for index, s in enumerate(shown):
            if s.near_capacity:
                chart.bars[(0, index)].fillColor = NEAR_COLOUR
        chart.bars.strokeWidth = 0
        chart.barWidth = 9
        font = self.text.regular.names[0]
        chart.categoryAxis.categoryNames = [f"{s.session_id} ({s.room})" for s in shown]
        chart.categoryAxis.labels.fontName = font
        chart.categoryAxis.labels.fontSize = 7
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max(100, *(float(v) for v in chart.data[0]))
        chart.valueAxis.valueStep = 10
        chart.valueAxis.labels.fontName = font
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = "%d%%"
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
        chart.barLabelFormat = "values"
        chart.barLabelArray = [
            [f"{s.peak}/{s.capacity}" + (" ⚠" if s.near_capacity else "") for s in shown]
        ]
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 6.5
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        legend = Legend()
        legend.x, legend.y = 80, 12
        legend.fontName = self.text.regular.font_for("정")
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 170
        legend.colorNamePairs = [
            (PEAK_COLOUR, "Peak inside, % of capacity · 정원 대비 최대"),
            (NEAR_COLOUR, "90% or more ⚠ · 90% 이상"),
        ]
        drawing.add(legend)
        return [KeepTogether([self.h2("Capacity peaks", "정원 대비 최대 인원"), drawing])]

    def no_shows(self) -> list[Any]:
        rows: list[list[Any]] = [
            [
                self.head("Category", "구분"),
                self.head("Registered", "등록"),
                self.head("Checked in", "체크인"),
                self.head("No-shows", "미참석"),
            ]
        ]
        for c in self.report.categories:
            rows.append([c.category, str(c.registered), str(c.checked_in), str(c.no_shows)])
        total_checked = sum(c.checked_in for c in self.report.categories)
        rows.append(
            [
                "total",
                str(self.report.registered),
                str(total_checked),
                str(self.report.no_shows),
            ]
        )
        out: list[Any] = [
            KeepTogether(
                [
                    self.h2("No-shows by category", "구분별 미참석"),
                    _table(rows, [self.width * f for f in (0.3, 0.15, 0.15, 0.15)]),
                ]
            )
        ]
        invited = [s for s in self.report.sessions if s.invite_only]
        if invited:
            rows = [
                [
                    self.head("Session", "세션"),
                    self.head("Invited", "초청"),
                    self.head("Invited who came", "참석한 초청자"),
                    self.head("Invited no-shows", "불참 초청자"),
                    self.head("Refused at door", "입장 거부"),
                    self.head("Overrides", "예외 입장"),
                ]
            ]
            for s in invited:
                rows.append(
                    [
                        s.session_id,
                        str(s.invited),
                        str(s.invited_came),
                        str(s.invited - s.invited_came),
                        str(s.denied),
                        str(s.overrides),
                    ]
                )
            out += [
                self.h2("Invite-only sessions", "초청 세션"),
                _table(rows, [self.width * f for f in (0.18, 0.12, 0.16, 0.16, 0.14, 0.12)]),
            ]
        return out

    def badges(self) -> list[Any]:
        b = self.report.badges
        if b is None:
            return []
        rows = [
            [self.head("Badges", "명찰"), self.head("Count", "수")],
            [self.head_free("Registrations (not cancelled)", "등록 (취소 제외)"), b.registrations],
            [
                self.head_free("People with a badge printed by the end of the day", "출력 누적"),
                b.printed_people,
            ],
            [self.head_free("Badges printed this day", "당일 출력"), b.prints_today],
            [self.head_free("…on demand, one at a time", "현장 개별 출력"), b.on_demand_today],
            [self.head_free("…in batches", "일괄 출력"), b.batch_today],
            [self.head_free("…reprints", "재출력"), b.reprints_today],
            [self.head_free("Failed prints this day", "출력 실패"), b.failed_today],
            [self.head_free("Registrations with no badge printed", "미출력 등록"), b.not_printed],
            [
                self.head_free(
                    "…of them not come: paper not printed for no-shows",
                    "그중 미참석자 (절약된 명찰)",
                ),
                b.not_printed_no_shows,
            ],
            [
                self.head_free("Badges printed for people who have not come", "미참석자 출력"),
                b.printed_no_shows,
            ],
        ]
        table_rows = [[label, str(value)] for label, value in rows[1:]]
        return [
            KeepTogether(
                [
                    self.h2("Badges printed against registrations", "등록 대비 명찰 출력"),
                    _table([rows[0], *table_rows], [self.width * 0.6, self.width * 0.2]),
                ]
            )
        ]


def _zone(report: DayReport) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(report.timezone)


def _footer(report: DayReport) -> Callable[[Any, Any], None]:
    font = font_chain().names[0]

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.HexColor("#404040"))
        canvas.drawString(PAGE_MARGIN, 9 * mm, f"{report.day.isoformat()} · day report")
        canvas.drawRightString(A4[0] - PAGE_MARGIN, 9 * mm, f"page {doc.page}")
        canvas.restoreState()

    return draw


def build_pdf(report: DayReport, out: Path) -> int:
    """Write the report's PDF to `out` (not atomically); returns its number of pages."""
    builder = _Builder(report)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN + 4 * mm,
        title=f"{report.event_name} — day report {report.day.isoformat()}",
        author="kiosk",
        creator="kiosk",
    )
    footer = _footer(report)
    doc.build(builder.story(), onFirstPage=footer, onLaterPages=footer)
    return int(doc.page)


def render_day_report(
    conn: sqlite3.Connection,
    day: date,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    at_ms: int | None = None,
) -> ReportResult:
    """Compute and write the day report PDF; the file appears whole or not at all.

    `progress(done, total)` hears of each stage; when `cancelled()` turns true the report stops
    with ReportCancelled and nothing is written.
    """
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise KioskError(f"{out}: the day report is a PDF (use a .pdf file name)")
    stages = ["people", "sessions", "arrivals", "badges", "pdf"]
    total = len(stages) + 1

    def step(name: str) -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled("the day report was cancelled")
        if progress is not None:
            progress(stages.index(name), total)

    report = day_report_data(conn, day, at_ms=at_ms, step=step)
    step("pdf")
    pages: list[int] = []
    write_atomically(out, lambda target: pages.append(build_pdf(report, target)))
    if progress is not None:
        progress(total, total)
    return ReportResult(pages[0], out)


__all__ = ["ReportCancelled", "ReportResult", "SessionFigures", "build_pdf", "render_day_report"]
