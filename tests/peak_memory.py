"""Running a `kiosk` command in a subprocess and measuring its peak resident memory (Linux's
VmHWM), for the tests that feed hostile input and require a bounded refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The child runs the CLI in-process and writes its own peak memory at exit: VmHWM (KiB), the
# high-water mark of this program's memory alone (ru_maxrss would also count the parent's memory
# from before the exec: the fork's copy of the test process).
_RUNNER = r"""
import os, re, sys
from kiosk.cli.main import main
code = 1
try:
    code = main(sys.argv[1:])
finally:
    status = open("/proc/self/status").read()
    with open(os.environ["KIOSK_TEST_PEAK_FILE"], "w") as out:
        out.write(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
sys.exit(code)
"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_kiosk(folder: Path, *args: str, stdin: bytes | None = None, timeout: float = 300) -> Run:
    """`kiosk ARGS` in a fresh interpreter; its exit code, output and peak memory in MB."""
    peak_file = folder / f".peak-{os.getpid()}-{len(list(folder.iterdir()))}"
    env = {**os.environ, "KIOSK_TEST_PEAK_FILE": str(peak_file)}
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
    )
    peak_kib = int(peak_file.read_text() or 0)
    peak_file.unlink()
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        peak_kib / 1024,
    )
