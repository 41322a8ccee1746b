"""Reports for organisers: the day report (figures and PDF)."""

from __future__ import annotations

from kiosk.reports.day_data import DayReport, day_report_data, report_days
from kiosk.reports.day_pdf import ReportCancelled, ReportResult, render_day_report

__all__ = [
    "DayReport",
    "ReportCancelled",
    "ReportResult",
    "day_report_data",
    "render_day_report",
    "report_days",
]
