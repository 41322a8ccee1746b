"""The operating system's print system (CUPS), through its command-line clients.

Why the command-line clients (`lpstat`, `lp`, `cancel`, and `ipptool` for exact job states) and not
Qt's print support or a Python IPP library: the CLI, the GUI's worker thread and the tests share one
path with no Qt and no extra dependency, and every answer is plain text that a person can reproduce
in a terminal. Every command runs with `LC_ALL=C`, so its English output can be parsed; a line this
module does not understand is skipped, never a crash.

Everything that can go wrong reaches a person as one clear line: a `PrintError` (a `KioskError`),
with subclasses for the print system not installed or not running, a missing printer, a printer
that cannot print now (paused, out of paper, not accepting jobs, offline) and a failed job.

Tests swap the command runner (`set_runner`) for a fake CUPS, so the parsing and the error paths
are covered on machines where CUPS cannot run.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from kiosk.errors import KioskError

COMMAND_TIMEOUT_S = 20.0
"""How long one CUPS command may take before the print system counts as not answering."""

JOB_STATES = ("pending", "held", "processing", "stopped", "cancelled", "aborted", "completed")
"""What `job_state` answers, plus "unknown" for a job the print system has no record of."""

START_HINT = (
    "start it (`sudo systemctl start cups`, or scripts/start-cups where there is no systemd)"
)


class PrintError(KioskError):
    """Printing failed or cannot start; the message says why and what to do, in one line."""


class CupsUnavailable(PrintError):
    """The print system is not installed, not running or not answering."""


class CommandMissing(CupsUnavailable):
    """A CUPS command-line client is not installed."""

    def __init__(self, command: str) -> None:
        super().__init__(
            f"the print system (CUPS) is not installed: `{command}` was not found; "
            "install cups-client (and cups for a print server on this machine)"
        )
        self.command = command


class PrinterMissing(PrintError):
    """No print queue of that name on this machine."""


class PrinterNotReady(PrintError):
    """The printer exists but cannot print now (paused, out of paper, not accepting, offline)."""

    def __init__(self, message: str, state: str) -> None:
        super().__init__(message)
        self.state = state


class JobFailed(PrintError):
    """A submitted job did not complete (cancelled, aborted, stopped or too slow)."""

    def __init__(self, message: str, job_id: str, state: str) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.state = state


@dataclass(frozen=True)
class Completed:
    """What a command did: its exit status and output."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return f"{self.stdout}\n{self.stderr}".strip()


Runner = Callable[[Sequence[str]], Completed]


def system_runner(argv: Sequence[str]) -> Completed:
    """Run a CUPS client with `LC_ALL=C` and a time limit; a missing command is CommandMissing."""
    env = dict(os.environ, LC_ALL="C", LANG="C")
    env.pop("LANGUAGE", None)
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError as exc:
        raise CommandMissing(argv[0]) from exc
    except subprocess.TimeoutExpired as exc:
        raise CupsUnavailable(
            f"the print system (CUPS) did not answer within {COMMAND_TIMEOUT_S:.0f} s "
            f"(`{' '.join(argv[:2])}`)"
        ) from exc
    except OSError as exc:
        raise CupsUnavailable(f"cannot run `{argv[0]}`: {exc.strerror or exc}") from exc
    return Completed(done.returncode, done.stdout, done.stderr)


_runner: Runner = system_runner


def set_runner(runner: Runner | None) -> Runner:
    """Use `runner` for every CUPS command (a test's fake print system); None restores the real one.

    Returns the runner that was in use, so a test can put it back.
    """
    global _runner
    previous = _runner
    _runner = runner or system_runner
    return previous


def _run(*argv: str) -> Completed:
    return _runner(argv)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "no answer"


def _scheduler_down(text: str) -> bool:
    lowered = text.lower()
    return "scheduler is not running" in lowered or "unable to connect" in lowered


def _not_running(detail: str) -> CupsUnavailable:
    """CUPS's own words are added only when they say more than "not running"."""
    extra = "" if "not running" in detail.lower() else f" ({detail})"
    return CupsUnavailable(f"the print system (CUPS) is not running: {START_HINT}{extra}")


def _failure(what: str, result: Completed) -> PrintError:
    """The error for a CUPS command that failed: the scheduler down, or its own one line."""
    if _scheduler_down(result.text):
        return _not_running(_first_line(result.text))
    return PrintError(f"the print system could not {what}: {_first_line(result.text)}")


# --- printers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrinterInfo:
    """One print queue and what it can do now.

    `state` is one of idle, printing, paused (disabled), rejecting (not accepting jobs),
    out_of_paper, paper_jam, offline, error, unknown, or missing (no such queue). `reasons` are
    CUPS's printer-state-reasons (e.g. `media-empty-error`); `message` its state message.
    """

    name: str
    state: str
    reasons: list[str] = field(default_factory=list)
    is_default: bool = False
    accepting: bool = True
    enabled: bool = True
    message: str = ""
    job: str | None = None

    @property
    def ready(self) -> bool:
        """Whether a job sent now would print without someone attending to the printer."""
        return self.state in ("idle", "printing")

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "state": self.state,
            "reasons": list(self.reasons),
            "message": self.message,
            "accepting": self.accepting,
            "enabled": self.enabled,
            "is_default": self.is_default,
        }


_HEADER = re.compile(r"^printer\s+(?P<name>\S+)(?:\s+(?P<rest>.*))?$")
_NOW_PRINTING = re.compile(r"now printing\s+(?P<job>\S+?)\.?(?:\s|$)")
_LABEL = re.compile(
    r"^(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|"
    r"Interface|On fault|After fault|Users allowed|Users denied|Forms allowed|Banner required|"
    r"Charset sets|Default pitch|Default page size|Default port settings|Members)\b"
)
_ACCEPTING = re.compile(r"^(?P<name>\S+)\s+(?P<not>not\s+)?accepting\s+requests")
_DEFAULT = re.compile(r"^system default destination:\s*(?P<name>[^\s/]+)")

_OUT_OF_PAPER = {"media-empty", "media-needed"}
_JAM = {"media-jam"}
_OFFLINE = {"offline", "shutdown", "timed-out"}


def _base_reason(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def printer_state_from(
    *, enabled: bool, printing: bool, accepting: bool, reasons: Sequence[str], known: bool = True
) -> str:
    """The one word for a printer's condition, the most useful for a person first."""
    bases = {_base_reason(r) for r in reasons}
    if bases & _OUT_OF_PAPER:
        return "out_of_paper"
    if bases & _JAM:
        return "paper_jam"
    if not enabled:
        return "paused"
    if not accepting:
        return "rejecting"
    if bases & _OFFLINE:
        return "offline"
    if any(r.endswith("-error") for r in reasons):
        return "error"
    if printing:
        return "printing"
    return "idle" if known else "unknown"


def parse_accepting(text: str) -> dict[str, bool]:
    """`lpstat -a`: queue name -> whether it accepts jobs."""
    found: dict[str, bool] = {}
    for line in text.splitlines():
        match = _ACCEPTING.match(line.strip())
        if match:
            found[match["name"]] = match["not"] is None
    return found


def parse_default(text: str) -> str | None:
    """`lpstat -d`: the system default queue, or None."""
    for line in text.splitlines():
        match = _DEFAULT.match(line.strip())
        if match:
            return match["name"]
    return None


@dataclass
class _Block:
    """A printer's lines in `lpstat -p` output, while they are read."""

    name: str
    header: str
    reasons: list[str] = field(default_factory=list)
    message: str = ""
    lines: int = 0

    def info(self, accepting: dict[str, bool], default: str | None) -> PrinterInfo:
        reasons = [r for r in self.reasons if r != "none"]
        enabled = "disabled" not in self.header
        printing = _NOW_PRINTING.search(self.header)
        accepts = accepting.get(self.name, True)
        state = printer_state_from(
            enabled=enabled,
            printing=printing is not None,
            accepting=accepts,
            reasons=reasons,
            known=not enabled or printing is not None or "idle" in self.header,
        )
        return PrinterInfo(
            name=self.name,
            state=state,
            reasons=reasons,
            is_default=self.name == default,
            accepting=accepts,
            enabled=enabled,
            message=self.message,
            job=printing["job"] if printing else None,
        )


def parse_printers(
    printers_text: str, accepting_text: str = "", default_text: str = ""
) -> list[PrinterInfo]:
    """Read `lpstat -l -p` (or `lpstat -p`), `lpstat -a` and `lpstat -d` output into printers.

    Unknown lines are skipped: a newer CUPS that adds fields never breaks the list.
    """
    accepting = parse_accepting(accepting_text)
    default = parse_default(default_text)
    blocks: list[_Block] = []
    current: _Block | None = None
    for raw in printers_text.splitlines():
        line = raw.rstrip()
        header = _HEADER.match(line)
        if header:
            current = _Block(header["name"], header["rest"] or "")
            blocks.append(current)
            continue
        if current is None or not line.strip():
            continue
        if not raw[:1].isspace():  # something else: the end of this printer's lines
            current = None
            continue
        text = line.strip()
        current.lines += 1
        if text.startswith("Alerts:"):
            current.reasons = text[len("Alerts:") :].split()
        elif current.lines == 1 and not _LABEL.match(text):
            current.message = text
    return [block.info(accepting, default) for block in blocks]


def scheduler_running() -> bool:
    """Whether the CUPS scheduler answers (`lpstat -r`)."""
    result = _run("lpstat", "-r")
    return "scheduler is running" in result.stdout.lower()


def require_scheduler() -> None:
    """Raise CupsUnavailable with what to do when CUPS is not installed or not running."""
    result = _run("lpstat", "-r")
    if "scheduler is running" not in result.stdout.lower():
        raise _not_running(_first_line(result.text))


def list_printers() -> list[PrinterInfo]:
    """Every print queue this machine knows, with its state; an empty list when there are none."""
    require_scheduler()
    result = _run("lpstat", "-l", "-p")
    if result.returncode != 0:
        if "no destinations" in result.text.lower():
            return []
        raise _failure("list the printers", result)
    accepting = _run("lpstat", "-a")
    default = _run("lpstat", "-d")
    return parse_printers(result.stdout, accepting.stdout, default.stdout)


def default_printer() -> str | None:
    """The system's default print queue (`lpstat -d`, which honours LPDEST/PRINTER), or None."""
    return parse_default(_run("lpstat", "-d").stdout)


def printer_state(name: str) -> PrinterInfo:
    """One printer's state; a queue that does not exist has state "missing"."""
    for printer in list_printers():
        if printer.name == name:
            return printer
    return PrinterInfo(name=name, state="missing", accepting=False, enabled=False)


def describe_problem(printer: PrinterInfo) -> str | None:
    """One line saying why this printer cannot print now and what to do, or None when it can."""
    name = printer.name
    shown = printer.message.strip()
    detail = f" ({shown})" if shown and shown.lower() not in {"paused", "reason unknown"} else ""
    state = printer.state
    if state == "missing":
        return f"printer {name!r} does not exist on this machine"
    if state == "out_of_paper":
        return f"printer {name!r} is out of paper{detail}: load paper or labels, then retry"
    if state == "paper_jam":
        return f"printer {name!r} has a paper jam{detail}: clear it, then retry"
    if state == "paused":
        return f"printer {name!r} is paused{detail}: resume it (`cupsenable {name}`), then retry"
    if state == "rejecting":
        return (
            f"printer {name!r} is not accepting jobs{detail}: "
            f"let it accept them (`cupsaccept {name}`), then retry"
        )
    if state == "offline":
        return f"printer {name!r} is offline{detail}: check its cable or network, then retry"
    if state == "error":
        problems = ", ".join(printer.reasons) or "an error"
        return f"printer {name!r} reports {problems}{detail}: check the printer, then retry"
    return None


def check_ready(name: str) -> PrinterInfo:
    """The printer, if it exists and can print now; otherwise a clear PrintError."""
    printers = list_printers()
    for printer in printers:
        if printer.name == name:
            problem = describe_problem(printer)
            if problem:
                raise PrinterNotReady(problem, printer.state)
            return printer
    known = ", ".join(p.name for p in printers) or "none"
    raise PrinterMissing(
        f"printer {name!r} does not exist on this machine (printers here: {known}; "
        "see `kiosk printers`)"
    )


# --- jobs -----------------------------------------------------------------------------------

_NAMED_MEDIA = {
    (210.0, 297.0): "iso_a4_210x297mm",
    (148.0, 210.0): "iso_a5_148x210mm",
    (105.0, 148.0): "iso_a6_105x148mm",
    (215.9, 279.4): "na_letter_8.5x11in",
}


def _mm(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def media_options(page_size_mm: tuple[float, float]) -> list[str]:
    """`lp` options that make the printer use the layout's page size, unscaled.

    A standard size goes by its PWG name, which every driver maps to its own exact size. Any other
    size is a custom one: `media=Custom.WxHmm` for IPP and driverless printers and
    `PageSize=Custom.WxHmm` for PPD drivers (with `media` alone CUPS rounds to whole points and
    the page is scaled by a fraction; checked on cups-pdf, whose output keeps the exact size).
    """
    width, height = page_size_mm
    if width <= 0 or height <= 0:
        raise PrintError(f"page size {width} x {height} mm is not a page")
    for (named_w, named_h), name in _NAMED_MEDIA.items():
        if abs(width - named_w) < 0.5 and abs(height - named_h) < 0.5:
            return ["-o", f"media={name}", "-o", "print-scaling=none"]
    size = f"Custom.{_mm(width)}x{_mm(height)}mm"
    return ["-o", f"media={size}", "-o", f"PageSize={size}", "-o", "print-scaling=none"]


_REQUEST_ID = re.compile(r"request id is (?P<job>\S+)")


def submit_pdf(
    printer: str,
    pdf_path: str | Path,
    *,
    page_size_mm: tuple[float, float],
    title: str,
    check: bool = True,
) -> str:
    """Send a PDF to `printer` at the layout's page size; returns the CUPS job id (`PDF-12`).

    With `check` the printer is checked first, so a missing, paused or empty printer is a clear
    PrintError before anything is queued (a paused queue would otherwise hold the job silently).
    """
    path = Path(pdf_path).resolve()
    if not path.is_file():
        raise PrintError(f"nothing to print: {path} does not exist")
    if check:
        check_ready(printer)
    else:
        require_scheduler()
    clean_title = " ".join(title.split()) or path.name
    result = _run("lp", "-d", printer, "-t", clean_title, *media_options(page_size_mm), str(path))
    if result.returncode != 0:
        text = result.text.lower()
        if "does not exist" in text or "not found" in text:
            raise PrinterMissing(f"printer {printer!r} does not exist on this machine")
        if "not accepting" in text:
            raise PrinterNotReady(
                f"printer {printer!r} is not accepting jobs: "
                f"let it accept them (`cupsaccept {printer}`), then retry",
                "rejecting",
            )
        raise _failure(f"send the job to printer {printer!r}", result)
    match = _REQUEST_ID.search(result.stdout)
    if match is None:
        raise PrintError(
            f"printer {printer!r} took the job but CUPS gave no job id: {_first_line(result.text)}"
        )
    return match["job"]


def _job_number(job_id: str) -> int:
    tail = job_id.rsplit("-", 1)[-1]
    if not tail.isdigit():
        raise PrintError(f"{job_id!r} is not a CUPS job id (like PDF-12)")
    return int(tail)


_IPP_STATES = {
    "pending": "pending",
    "pending-held": "held",
    "processing": "processing",
    "processing-stopped": "stopped",
    "canceled": "cancelled",
    "aborted": "aborted",
    "completed": "completed",
}

_JOB_STATE_TEST = """{
    NAME "kiosk job state"
    OPERATION Get-Job-Attributes
    GROUP operation-attributes-tag
    ATTR charset attributes-charset utf-8
    ATTR naturalLanguage attributes-natural-language en
    ATTR uri printer-uri $uri
    ATTR integer job-id $job_id
    ATTR name requesting-user-name $user
    ATTR keyword requested-attributes job-state,job-state-reasons
    STATUS successful-ok
    DISPLAY job-state
}
"""


def _server_uri() -> str:
    """The IPP address of the CUPS server `lpstat -H` names (a local socket or host:port)."""
    server = _first_line(_run("lpstat", "-H").stdout)
    if server.startswith("/"):
        server = quote(server, safe="")
    return f"ipp://{server}/jobs/"


def parse_ipptool_job_state(text: str) -> str | None:
    """The job state in `ipptool -c` output (a CSV header line, then values), or None."""
    rows = [row for row in csv.reader(text.splitlines()) if row]
    for index, row in enumerate(rows[:-1]):
        if row[0].strip() == "job-state":
            value = rows[index + 1][0].strip()
            return _IPP_STATES.get(value, "unknown")
    return None


def _job_state_ipp(job_id: str) -> str:
    number = _job_number(job_id)
    with tempfile.TemporaryDirectory(prefix="kiosk-ipp-") as folder:
        test = Path(folder) / "job-state.test"
        test.write_text(_JOB_STATE_TEST, encoding="utf-8")
        result = _run(
            "ipptool", "-T", "10", "-c", "-d", f"job_id={number}", _server_uri(), str(test)
        )
    state = parse_ipptool_job_state(result.stdout)
    if state is not None:
        return state
    lowered = result.text.lower()
    if "does not exist" in lowered or "not-found" in lowered or "not found" in lowered:
        return "unknown"
    if "unable to connect" in lowered:
        raise _not_running(_first_line(result.text))
    raise _failure(f"read the state of job {job_id}", result)


def parse_job_ids(text: str) -> list[str]:
    """The job ids of `lpstat -o` lines (`PDF-12   root   2048   Sun ...`)."""
    ids = []
    for line in text.splitlines():
        if line[:1].isspace() or not line.strip():
            continue
        first = line.split()[0]
        if re.fullmatch(r"\S+-\d+", first):
            ids.append(first)
    return ids


def _job_state_lpstat(job_id: str) -> str:
    """Without ipptool: pending or processing while queued, completed once done.

    `lpstat` cannot tell a cancelled or aborted job from a completed one; ipptool can, and comes
    with the cups package.
    """
    waiting = _run("lpstat", "-W", "not-completed", "-o")
    if waiting.returncode != 0 and _scheduler_down(waiting.text):
        raise _not_running(_first_line(waiting.text))
    if job_id in parse_job_ids(waiting.stdout):
        printers = _run("lpstat", "-p").stdout
        busy = {p.job for p in parse_printers(printers)}
        return "processing" if job_id in busy else "pending"
    done = _run("lpstat", "-W", "completed", "-o")
    return "completed" if job_id in parse_job_ids(done.stdout) else "unknown"


def job_state(job_id: str) -> str:
    """pending, held, processing, stopped, cancelled, aborted, completed, or unknown."""
    try:
        return _job_state_ipp(job_id)
    except CommandMissing as exc:
        if exc.command != "ipptool":
            raise
    return _job_state_lpstat(job_id)


def cancel_job(job_id: str) -> None:
    """Cancel a job if it is still queued (best effort: a finished job is left as it is)."""
    with contextlib.suppress(PrintError):
        _run("cancel", job_id)


def wait_for_job(
    job_id: str,
    timeout: float,
    *,
    printer: str | None = None,
    poll: float = 0.05,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Wait until the job completes; returns "completed" or raises a PrintError saying why not.

    While the job waits, the printer is watched: paused, out of paper or gone is reported at once
    rather than at the deadline. A job that will not complete (that, or the deadline) is cancelled,
    so that retrying prints the badge once, not twice when the printer comes back.
    """
    deadline = time.monotonic() + timeout
    delay = poll
    where = f" on printer {printer!r}" if printer else ""
    while True:
        state = job_state(job_id)
        if state == "completed":
            return state
        if state in ("cancelled", "aborted"):
            raise JobFailed(
                f"print job {job_id}{where} was {state} by the print system", job_id, state
            )
        if state == "unknown":
            raise JobFailed(f"the print system has no record of job {job_id}", job_id, state)
        if printer is not None and state in ("pending", "held", "stopped"):
            info = printer_state(printer)
            problem = describe_problem(info)
            if problem:
                cancel_job(job_id)
                raise PrinterNotReady(
                    f"{problem} (job {job_id} was cancelled, so a retry prints it once)",
                    info.state,
                )
        if state == "stopped" and printer is None:
            cancel_job(job_id)
            raise JobFailed(f"print job {job_id} stopped and was cancelled", job_id, state)
        now = time.monotonic()
        if now >= deadline:
            cancel_job(job_id)
            raise JobFailed(
                f"print job {job_id}{where} did not finish within {timeout:g} s and was "
                "cancelled, so a retry prints it once",
                job_id,
                "timeout",
            )
        sleep(min(delay, deadline - now))
        delay = min(delay * 1.5, 0.5)


# --- paper ------------------------------------------------------------------------------------

_MEDIA_TEST = """{
    NAME "kiosk printer media"
    OPERATION Get-Printer-Attributes
    GROUP operation-attributes-tag
    ATTR charset attributes-charset utf-8
    ATTR naturalLanguage attributes-natural-language en
    ATTR uri printer-uri $uri
    ATTR name requesting-user-name $user
    ATTR keyword requested-attributes media-supported,media-ready,media-default,device-uri
    STATUS successful-ok
    DISPLAY media-supported
    DISPLAY media-ready
    DISPLAY media-default
    DISPLAY device-uri
}
"""
_MEDIA_SIZE = re.compile(r"(?P<w>\d+(?:\.\d+)?)x(?P<h>\d+(?:\.\d+)?)(?P<unit>mm|in)$")
SIZE_TOLERANCE_MM = 1.0


def media_size_mm(name: str) -> tuple[float, float] | None:
    """The size in millimetres of a PWG self-describing media name (`iso_a6_105x148mm`,
    `na_letter_8.5x11in`, `custom_min_0.5x0.5in`), or None."""
    match = _MEDIA_SIZE.search(name.rsplit("_", 1)[-1])
    if match is None:
        return None
    factor = 25.4 if match["unit"] == "in" else 1.0
    return (round(float(match["w"]) * factor, 2), round(float(match["h"]) * factor, 2))


def _same_size(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """The same paper, either way round (labels feed in both orientations)."""
    return any(
        abs(a[0] - w) <= SIZE_TOLERANCE_MM and abs(a[1] - h) <= SIZE_TOLERANCE_MM
        for w, h in (b, (b[1], b[0]))
    )


@dataclass(frozen=True)
class PrinterMedia:
    """The paper a queue takes (`supported`, and a custom size range when it has one), the paper
    it reports loaded (`ready`; only driverless IPP printers report it truly) and its device."""

    supported: tuple[tuple[float, float], ...]
    custom_min: tuple[float, float] | None
    custom_max: tuple[float, float] | None
    ready: tuple[tuple[float, float], ...]
    ready_names: tuple[str, ...]
    device_uri: str

    def takes(self, size_mm: tuple[float, float]) -> bool:
        """Whether the queue accepts a job on paper of this size."""
        if any(_same_size(size_mm, s) for s in self.supported):
            return True
        low, high = self.custom_min, self.custom_max
        if low is None or high is None:
            return False
        width, height = size_mm
        return any(
            low[0] - SIZE_TOLERANCE_MM <= w <= high[0] + SIZE_TOLERANCE_MM
            and low[1] - SIZE_TOLERANCE_MM <= h <= high[1] + SIZE_TOLERANCE_MM
            for w, h in ((width, height), (height, width))
        )

    @property
    def reports_loaded_paper(self) -> bool:
        """A driverless (IPP) printer says what is loaded; a queue with a driver only says
        what its driver file lists."""
        return self.device_uri.startswith(("ipp://", "ipps://")) and bool(self.ready)

    def loaded(self, size_mm: tuple[float, float]) -> bool:
        return any(_same_size(size_mm, s) for s in self.ready)


def parse_printer_media(text: str) -> PrinterMedia | None:
    """`ipptool -c` output of the media test (a CSV header line, then values), or None."""
    rows = [row for row in csv.reader(text.splitlines()) if row]
    if len(rows) < 2 or rows[0][0].strip() != "media-supported":
        return None
    values = dict(zip(rows[0], rows[1], strict=False))

    def names(key: str) -> list[str]:
        return [n.strip() for n in values.get(key, "").split(",") if n.strip()]

    supported, low, high = [], None, None
    for name in names("media-supported"):
        size = media_size_mm(name)
        if size is None:
            continue
        if name.startswith("custom_min_"):
            low = size
        elif name.startswith("custom_max_"):
            high = size
        else:
            supported.append(size)
    ready_names = names("media-ready")
    ready = [s for s in (media_size_mm(n) for n in ready_names) if s is not None]
    return PrinterMedia(
        tuple(supported),
        low,
        high,
        tuple(ready),
        tuple(ready_names),
        values.get("device-uri", "").strip(),
    )


def printer_media(name: str) -> PrinterMedia | None:
    """The paper the queue `name` takes and has loaded, asked over IPP; None when the print
    system does not say (no ipptool, or an answer without media)."""
    server = _server_uri().removesuffix("/jobs/")
    with tempfile.TemporaryDirectory(prefix="kiosk-ipp-") as folder:
        test = Path(folder) / "media.test"
        test.write_text(_MEDIA_TEST, encoding="utf-8")
        try:
            result = _run(
                "ipptool", "-T", "10", "-c", f"{server}/printers/{quote(name)}", str(test)
            )
        except CommandMissing:
            return None
    return parse_printer_media(result.stdout)
