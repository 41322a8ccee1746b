"""Mutation testing of the modules that decide who gets in, with mutmut: would the tests notice
if the code were subtly wrong?

Usage (from the project folder, with the test extra installed):

    .venv/bin/python scripts/mutation.py                # every module below
    .venv/bin/python scripts/mutation.py core/codes.py  # one module
    .venv/bin/python scripts/mutation.py --list         # the modules, their tests, the bar

Each module is mutated on its own, in a scratch copy of the project, against only the test files
that exercise it (mutation runs are CPU-heavy: a whole-suite run per mutant would take hours).
The score is killed / (mutants - equivalent mutants); the equivalent ones are listed below, each
with why no test can tell it from the original. Prints one JSON line per module and exits 1 when
a module scores under the bar (90 %), listing the surviving mutants (`mutmut show NAME` in the
scratch folder, kept with --keep, shows each diff).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BAR = 0.90
COPIED = ("kiosk", "tests", "resources", "data")


@dataclass(frozen=True)
class Target:
    module: str  # under kiosk/
    tests: tuple[str, ...]  # under tests/
    # mutmut's mutant name -> why it cannot be told from the original by any test
    equivalent: dict[str, str] = field(default_factory=dict)


TARGETS = (
    Target("core/rules.py", ("test_rules.py", "test_door_properties.py")),
    Target(
        "core/codes.py",
        ("test_codes.py",),
        {
            "kiosk.core.codes.x_issue_code__mutmut_28": (
                'rstrip("=") -> rstrip("XX=XX"): a code never ends in X. Its last character '
                "carries the low bits of the signature's last byte (or those bits and zero "
                "padding), and an Ed25519 signature's last byte is at most 0x10, so it is one "
                "of A-Q, or a character whose padding bits are zero; X (10111) is neither"
            ),
            "kiosk.core.codes.x_parse_code__mutmut_6": (
                "`len > 311 or not base32` -> `and`: the alphabet check is a fast path; a text "
                "it lets through is refused by base32 decoding or the canonical-spelling check "
                "(an '='), or by the id rule (over 311 characters decode to an id over 64)"
            ),
            "kiosk.core.codes.x_parse_code__mutmut_7": (
                "`> 311` -> `>= 311`: the longest code (a 64-character id) is 216 characters; "
                "a 311-character text decodes to an id of over 64 characters and is refused"
            ),
            "kiosk.core.codes.x_parse_code__mutmut_37": (
                'decode("ascii") -> decode("ASCII"): codec names are case-insensitive'
            ),
        },
    ),
    Target(
        "services/checkins.py",
        (
            "test_checkin_answers.py",
            "test_checkin_failures.py",
            "test_status_export.py",
            "test_door_properties.py",
            "test_lookup.py",
        ),
    ),
    Target("imports/decoding.py", ("test_decoding.py", "test_imports_files.py")),
)


def by_name(name: str) -> Target:
    for target in TARGETS:
        if target.module == name.removeprefix("kiosk/"):
            return target
    raise SystemExit(f"mutation: no such module in the list: {name} (see --list)")


def scratch_copy(target: Target, folder: Path) -> None:
    """The project as mutmut sees it: the package, tests and data, and a pyproject whose
    [tool.mutmut] names this module and its tests."""
    for name in COPIED:
        shutil.copytree(PROJECT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    tests = ", ".join(json.dumps(f"tests/{test}") for test in target.tests)
    config += (
        "\n[tool.mutmut]\n"
        'source_paths = ["kiosk"]\n'
        f'only_mutate = ["kiosk/{target.module}"]\n'
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
        'also_copy = ["tests", "resources", "data"]\n'
    )
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")


def mutmut(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).with_name("mutmut")
    return subprocess.run(
        [str(executable), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def survivors(folder: Path) -> list[str]:
    """Mutants the tests did not kill (survived, timed out or not covered), by name."""
    out = mutmut(folder, "results", "--all", "true").stdout
    names = []
    for line in out.splitlines():
        name, _, status = line.strip().partition(": ")
        if name and status and status.strip() != "killed":
            names.append(name)
    return names


def measure(target: Target, keep: bool, children: int) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-mutation-"))
    try:
        scratch_copy(target, folder)
        run = mutmut(folder, "run", "--max-children", str(children))
        if run.returncode != 0:
            raise SystemExit(f"mutation: mutmut failed on {target.module}:\n{run.stderr[-3000:]}")
        mutmut(folder, "export-cicd-stats")
        stats = json.loads((folder / "mutants" / "mutmut-cicd-stats.json").read_text())
        left = survivors(folder)
        equivalent = [name for name in left if name in target.equivalent]
        missed = [name for name in left if name not in target.equivalent]
        counted = int(stats["total"]) - len(equivalent)
        score = int(stats["killed"]) / counted if counted else 1.0
        return {
            "module": f"kiosk/{target.module}",
            "mutants": int(stats["total"]),
            "killed": int(stats["killed"]),
            "equivalent": len(equivalent),
            "score": round(score, 4),
            "survivors": missed,
            "folder": str(folder) if keep else None,
        }
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules under kiosk/ (default: all listed)")
    parser.add_argument("--list", action="store_true", help="show the modules and their tests")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument("--children", type=int, default=1, help="mutants run at once (1)")
    args = parser.parse_args(argv)
    if args.list:
        for target in TARGETS:
            print(f"kiosk/{target.module}: {', '.join(target.tests)}")
            for name, why in target.equivalent.items():
                print(f"  equivalent {name}: {why}")
        print(f"bar: {BAR:.0%}")
        return 0
    targets = [by_name(name) for name in args.modules] or list(TARGETS)
    below = 0
    for target in targets:
        result = measure(target, args.keep, args.children)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        below += float(str(result["score"])) < BAR
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
