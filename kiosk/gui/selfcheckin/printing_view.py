"""The badge printing: progress while it prints; on a failure, what is wrong, the desk, Retry."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from kiosk.gui.selfcheckin.badge_job import PrintProblem
from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)


class PrintingPage(Page):
    """Printing, or the printer's problem in words with Retry and a way on without the badge."""

    retry = Signal()
    skip = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printingPage")
        self._printing = False
        self._progress = (0, 0)
        self._problem: PrintProblem | None = None
        self._detail = ""
        self.title = text_label("printingTitle", "title")
        self.message = text_label("printingMessage", "body")
        self.problem_label = text_label("printingProblem", "field")
        self.desk_label = text_label("printingDesk", "body")
        self.detail_label = text_label("printingDetail", "note")  # the print system's words
        self.bar = QProgressBar()
        self.bar.setObjectName("printingProgress")
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retry_button = KioskButton("printRetry", primary=True)
        self.retry_button.clicked.connect(self._retry)
        self.skip_button = KioskButton("printSkip")
        self.skip_button.clicked.connect(self._skip)
        build_page(
            self,
            [self.title, self.message, self.problem_label, self.desk_label, self.detail_label],
            [self.bar, [self.retry_button, self.skip_button]],
        )
        self._refresh()

    @property
    def failed(self) -> bool:
        return self._problem is not None

    def controls(self) -> list[QWidget]:
        return [self.bar, self.retry_button, self.skip_button]

    def first_focus(self) -> QWidget:
        return self.retry_button if self.failed else self.bar

    def show_state(
        self,
        printing: bool,
        progress: tuple[int, int],
        problem: PrintProblem | None,
        detail: str,
    ) -> None:
        self._printing = printing
        self._progress = progress
        self._problem = problem
        self._detail = detail
        self._refresh()

    def clear(self) -> None:
        self.show_state(False, (0, 0), None, "")

    def _retry(self) -> None:
        self.retry.emit()

    def _skip(self) -> None:
        self.skip.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        failed = self.failed
        self.bar.setVisible(not failed)
        self.retry_button.setVisible(failed)
        self.skip_button.setVisible(failed)
        self.problem_label.setVisible(failed)
        self.desk_label.setVisible(failed)
        self.detail_label.setVisible(failed and bool(self._detail))
        done, total = self._progress
        # Rendering is the first four fifths; the printer itself finishes the bar.
        self.bar.setValue(round(80 * done / total) if total else 0)
        if failed:
            self.title.setText(self.tr("Your badge could not be printed"))
            self.message.setText(self.tr("You are checked in."))
            self.problem_label.setText(self._problem_text(self._problem))
            self.desk_label.setText(
                self.tr(
                    "Please ask the staff at the information desk. When the printer is ready "
                    "again, press Retry."
                )
            )
            self.detail_label.setText(
                self.tr("For the staff: {detail}").format(detail=self._detail)
            )
        else:
            self.title.setText(self.tr("Printing your badge…"))
            self.message.setText(
                self.tr("You are checked in. Please wait by the printer; this takes a moment.")
            )
            self.problem_label.setText("")
            self.desk_label.setText("")
            self.detail_label.setText("")
        set_accessible(
            self.bar,
            self.tr("Printing progress"),
            self.tr("{percent} percent done").format(percent=self.bar.value()),
        )
        self.retry_button.setText(with_icon("↻", self.tr("Retry")))
        set_accessible(
            self.retry_button, self.tr("Retry"), self.tr("Tries to print your badge again")
        )
        self.skip_button.setText(with_icon("→", self.tr("Continue without badge")))
        set_accessible(
            self.skip_button,
            self.tr("Continue without badge"),
            self.tr("Shows your sessions today; the information desk prints your badge"),
        )

    def _problem_text(self, problem: PrintProblem | None) -> str:
        texts = {
            PrintProblem.PAUSED: self.tr("The badge printer is paused."),
            PrintProblem.OUT_OF_PAPER: self.tr("The badge printer is out of paper."),
            PrintProblem.PAPER_JAM: self.tr("The badge printer has a paper jam."),
            PrintProblem.OFFLINE: self.tr("The badge printer is switched off or not connected."),
            PrintProblem.REJECTING: self.tr("The badge printer is not taking print jobs."),
            PrintProblem.PRINTER_ERROR: self.tr("The badge printer reports an error."),
            PrintProblem.MISSING: self.tr("The badge printer of this kiosk cannot be found."),
            PrintProblem.NO_PRINT_SYSTEM: self.tr(
                "The printing service of this kiosk is not running."
            ),
            PrintProblem.JOB_FAILED: self.tr("The printer did not finish the badge."),
        }
        return texts.get(
            problem or PrintProblem.OTHER, self.tr("Something went wrong while printing.")
        )
