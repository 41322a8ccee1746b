"""Helpers for the printing tests: a fake CUPS for machines where CUPS cannot run, and the real one.

`FakeCups` answers the same command lines as CUPS's clients (`lpstat`, `lp`, `cancel`, `ipptool`)
with text in CUPS's own format (copied from CUPS 2.4 on Debian), keeping printers and jobs in
memory; `kiosk.printing.cups.set_runner(fake)` makes the product talk to it. It stores what was
submitted (options and the PDF's bytes) so a test can look at them.

`RealCups` starts the real print system with scripts/start-cups and finds the PDFs that its cups-pdf
printer writes.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.printing.cups import CommandMissing, Completed

PROJECT = Path(__file__).resolve().parent.parent
SINCE = "Sun Sep 29 09:00:00 2019"

LONG_FIELDS = """\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: {name}
\tAlerts: {alerts}
\tLocation:\x20
\tConnection: direct
\tInterface: /etc/cups/ppd/{name}.ppd
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
"""


@dataclass
class FakePrinter:
    name: str
    enabled: bool = True
    accepting: bool = True
    reasons: list[str] = field(default_factory=list)
    message: str = ""
    stuck: bool = False  # jobs never finish (a printer that hangs)
    abort: bool = False  # jobs end as aborted (a filter or backend failure)


@dataclass
class FakeJob:
    number: int
    printer: str
    title: str
    options: list[str]
    pdf: bytes
    state: str = "pending"  # IPP words: pending, processing, completed, canceled, aborted

    @property
    def id(self) -> str:
        return f"{self.printer}-{self.number}"


class FakeCups:
    """An in-memory CUPS answering its command-line clients' command lines."""

    def __init__(self, *printers: str, default: str | None = None) -> None:
        self.printers: dict[str, FakePrinter] = {n: FakePrinter(n) for n in printers}
        self.default = default
        self.jobs: dict[int, FakeJob] = {}
        self.running = True
        self.installed = True
        self.has_ipptool = True
        self.on_submit: list[object] = []  # callables run after a job is queued
        self.calls: list[list[str]] = []
        self._next = 1

    # --- controls for tests ---
    def disable(self, name: str, message: str = "Paused") -> None:
        printer = self.printers[name]
        printer.enabled = False
        printer.message = message
        if "paused" not in printer.reasons:
            printer.reasons.append("paused")

    def enable(self, name: str) -> None:
        printer = self.printers[name]
        printer.enabled = True
        printer.message = ""
        printer.reasons = [r for r in printer.reasons if r != "paused"]

    def job(self, job_id: str) -> FakeJob:
        return self.jobs[int(job_id.rsplit("-", 1)[1])]

    # --- the runner ---
    def __call__(self, argv: Sequence[str]) -> Completed:
        args = list(argv)
        self.calls.append(args)
        command = args[0]
        if not self.installed or (command == "ipptool" and not self.has_ipptool):
            raise CommandMissing(command)
        handler = {
            "lpstat": self._lpstat,
            "lp": self._lp,
            "cancel": self._cancel,
            "ipptool": self._ipptool,
        }[command]
        return handler(args[1:])

    @staticmethod
    def _ok(stdout: str = "") -> Completed:
        return Completed(0, stdout, "")

    @staticmethod
    def _err(stderr: str, code: int = 1) -> Completed:
        return Completed(code, "", stderr + "\n")

    def _header(self, p: FakePrinter) -> str:
        if not p.enabled:
            line = f"printer {p.name} disabled since {SINCE} -\n\t{p.message or 'reason unknown'}\n"
            return line
        busy = [j for j in self.jobs.values() if j.printer == p.name and j.state == "processing"]
        if busy:
            line = f"printer {p.name} now printing {busy[0].id}.  enabled since {SINCE}\n"
        else:
            line = f"printer {p.name} is idle.  enabled since {SINCE}\n"
        return line + (f"\t{p.message}\n" if p.message else "")

    def _lpstat(self, args: list[str]) -> Completed:
        if args == ["-r"]:
            return self._ok(
                "scheduler is running\n" if self.running else "scheduler is not running\n"
            )
        if args == ["-H"]:
            return self._ok("/run/cups/cups.sock\n" if self.running else "localhost:631\n")
        if args == ["-d"]:
            known = self.running and self.default in self.printers
            return self._ok(
                f"system default destination: {self.default}\n"
                if known
                else "no system default destination\n"
            )
        if not self.running:
            return self._err("lpstat: Scheduler is not running.")
        if args in (["-l", "-p"], ["-p"]):
            if not self.printers:
                return self._err("lpstat: No destinations added.")
            out = ""
            for p in self.printers.values():
                out += self._header(p)
                if args[0] == "-l":
                    alerts = " ".join(p.reasons) or "none"
                    out += LONG_FIELDS.format(name=p.name, alerts=alerts)
            return self._ok(out)
        if args == ["-a"]:
            out = ""
            for p in self.printers.values():
                if p.accepting:
                    out += f"{p.name} accepting requests since {SINCE}\n"
                else:
                    out += f"{p.name} not accepting requests since {SINCE} -\n\t{p.message}\n"
            return self._ok(out)
        if args[:2] == ["-W", "not-completed"] or args[:2] == ["-W", "completed"]:
            wanted = args[1] == "completed"
            out = ""
            for job in self.jobs.values():
                finished = job.state in ("completed", "canceled", "aborted")
                if finished == wanted:
                    out += f"{job.id:<23} root              2048   {SINCE}\n"
                    if not wanted:
                        self._advance(job)
            return self._ok(out)
        return self._err(f"lpstat: unknown fake arguments {args}")

    def _lp(self, args: list[str]) -> Completed:
        if not self.running:
            return self._err("lp: Error - The printer or class does not exist.")
        printer = args[args.index("-d") + 1]
        title = args[args.index("-t") + 1] if "-t" in args else ""
        options = [args[i + 1] for i, a in enumerate(args) if a == "-o"]
        path = Path(args[-1])
        if printer not in self.printers:
            return self._err("lp: Error - The printer or class does not exist.")
        if not self.printers[printer].accepting:
            return self._err(f'lp: Destination "{printer}" is not accepting jobs.')
        if not path.is_file():
            return self._err(f'lp: Error - unable to access "{path}" - No such file or directory')
        job = FakeJob(self._next, printer, title, options, path.read_bytes())
        self._next += 1
        self.jobs[job.number] = job
        for hook in self.on_submit:
            hook(job)  # type: ignore[operator]
        return self._ok(f"request id is {job.id} (1 file(s))\n")

    def _cancel(self, args: list[str]) -> Completed:
        number = int(args[0].rsplit("-", 1)[1])
        job = self.jobs.get(number)
        if job is None:
            return self._err(f"cancel: Job #{number} does not exist.")
        if job.state in ("pending", "processing"):
            job.state = "canceled"
        return self._ok()

    def _advance(self, job: FakeJob) -> None:
        """A queued job moves on each time someone asks about it, if its printer works."""
        printer = self.printers.get(job.printer)
        if printer is None or not printer.enabled or printer.stuck:
            return
        if job.state == "pending":
            job.state = "processing"
        elif job.state == "processing":
            job.state = "aborted" if printer.abort else "completed"

    def _ipptool(self, args: list[str]) -> Completed:
        if not self.running:
            return self._err(
                'ipptool: Unable to connect to "/run/cups/cups.sock" on port 631 - Host is down'
            )
        number = int(next(a for a in args if a.startswith("job_id=")).split("=")[1])
        job = self.jobs.get(number)
        if job is None:
            return Completed(1, "", f"Job #{number} does not exist.\n")
        self._advance(job)
        return self._ok(f"job-state,job-state-reasons\n{job.state},none\n")


def cups_pdf_output_dir() -> Path:
    """Where cups-pdf writes the current user's PDFs: `Out` in cups-pdf.conf, ${HOME} expanded.

    cups-pdf runs as the user who printed and uses that user's home from the password database.
    """
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.is_file():
        for line in conf.read_text(errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "Out":
                out = parts[1]
    home = pwd.getpwuid(os.getuid()).pw_dir
    user = pwd.getpwuid(os.getuid()).pw_name
    return Path(out.replace("${HOME}", home).replace("${USER}", user))


class RealCups:
    """The machine's own CUPS with the cups-pdf printer `PDF`, started by scripts/start-cups."""

    queue = "PDF"

    def __init__(self) -> None:
        self.output = cups_pdf_output_dir()

    @staticmethod
    def start() -> str | None:
        """Start CUPS and the PDF printer; None when ready, else why it cannot run here."""
        missing = [t for t in ("lpstat", "lp", "lpadmin") if shutil.which(t) is None]
        if missing or not Path("/usr/lib/cups/backend/cups-pdf").exists():
            return (
                f"{', '.join(missing) or 'the cups-pdf backend'} not installed "
                "(scripts/setup installs cups, cups-client and printer-driver-cups-pdf)"
            )
        try:
            done = subprocess.run(
                [str(PROJECT / "scripts" / "start-cups")],
                capture_output=True,
                text=True,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"scripts/start-cups failed: {exc}"
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            return lines[-1] if lines else f"scripts/start-cups exited {done.returncode}"
        return None

    def output_for(self, job_id: str, timeout: float = 15.0) -> Path:
        """The finished PDF cups-pdf wrote for this job (its name has `job_N`, see its Label)."""
        number = job_id.rsplit("-", 1)[1]
        pattern = re.compile(rf"(?<![0-9])job_{number}(?![0-9])")
        deadline = time.monotonic() + timeout
        last_size = -1
        while time.monotonic() < deadline:
            found = [p for p in self.output.glob("*.pdf") if pattern.search(p.name)]
            if found:
                size = found[0].stat().st_size
                if (
                    size == last_size
                    and size > 0
                    and found[0].read_bytes().rstrip().endswith(b"%%EOF")
                ):
                    return found[0]
                last_size = size
            time.sleep(0.05)
        raise AssertionError(f"cups-pdf wrote no PDF for job {job_id} in {self.output}")
