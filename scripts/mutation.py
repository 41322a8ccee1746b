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
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BAR = 0.90
COPIED = ("kiosk", "tests", "resources", "data")


@dataclass(frozen=True)
class Equivalent:
    """A mutant no test can tell from the original, found by its diff (not by mutmut's number,
    which moves whenever the module changes): the function, the original line and the mutated
    line, as `mutmut show` prints them (without the leading -/+ and spaces). A mutated line of
    CASE is the original line in other capitals."""

    function: str
    before: str
    after: str
    why: str


CASE = "<the same line in other capitals>"


@dataclass(frozen=True)
class Target:
    module: str  # under kiosk/
    tests: tuple[str, ...]  # under tests/
    equivalent: tuple[Equivalent, ...] = ()


NEVER_ENDS_IN_X = (
    "a code never ends in X: its last character carries the low bits of the signature's last "
    "byte (or those bits and zero padding); an Ed25519 signature's last byte is at most 0x10, "
    "so the character is one of A-Q, or one whose padding bits are zero, and X (10111) is neither"
)
ONLY_VALID_NAMED = (
    "`identify` names a person only with a valid status (a revoked, unknown or invalid code "
    "comes back without one), so the guard never changes the answer"
)
NO_SESSION_FACTS = (
    "a self check-in has no session, so `person_facts` reads nothing whatever the flag; at a door "
    "that is not invite-only the invitation facts it would read are never consulted by the rules"
)
UNREAD_FACTS = "`may_pass_invite_only` reads only the list, speaker and category of these facts"
SQL_CASE = "SQL keywords and identifiers in other capitals: SQLite reads them alike"
CODEC_CASE = "codec names are case-insensitive"

TARGETS = (
    Target("core/rules.py", ("test_rules.py", "test_door_properties.py")),
    Target(
        "core/codes.py",
        ("test_codes.py",),
        (
            Equivalent(
                "issue_code",
                'return base64.b32encode(body + signature).decode().rstrip("=")',
                'return base64.b32encode(body + signature).decode().rstrip("XX=XX")',
                NEVER_ENDS_IN_X,
            ),
            Equivalent(
                "parse_code",
                "if len(candidate) > MAX_CODE_LENGTH or not _BASE32_RE.match(candidate):",
                "if len(candidate) > MAX_CODE_LENGTH and not _BASE32_RE.match(candidate):",
                "the alphabet check is a fast path: a text it lets through is refused by base32 "
                "decoding, the canonical-spelling check (an '='), or the id rule (a text over "
                "311 characters decodes to an id over 64)",
            ),
            Equivalent(
                "parse_code",
                "if len(candidate) > MAX_CODE_LENGTH or not _BASE32_RE.match(candidate):",
                "if len(candidate) >= MAX_CODE_LENGTH or not _BASE32_RE.match(candidate):",
                "the longest code (a 64-character id) is 216 characters; a 311-character text "
                "decodes to an id of over 64 characters and is refused by the id rule",
            ),
            Equivalent(
                "parse_code",
                'registration_id = body[_HEADER.size :].decode("ascii")',
                CASE,
                CODEC_CASE,
            ),
        ),
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
        (
            Equivalent(
                "_door",
                "attendee=found.attendee if found.status is CodeStatus.VALID else None,",
                "attendee=found.attendee if (found.status is CodeStatus.VALID) or True else None,",
                ONLY_VALID_NAMED,
            ),
            Equivalent(
                "checkin",
                "attendee=found.attendee if found.status is CodeStatus.VALID else None,",
                "attendee=found.attendee if (found.status is CodeStatus.VALID) or True else None,",
                ONLY_VALID_NAMED,
            ),
            Equivalent(
                "arrival_check",
                "named = found.attendee if found.status is CodeStatus.VALID else None",
                "named = found.attendee if (found.status is CodeStatus.VALID) or True else None",
                ONLY_VALID_NAMED,
            ),
            *(
                Equivalent(function, line.format("False"), line.format(flag), NO_SESSION_FACTS)
                for function, line in (
                    (
                        "arrival_check",
                        "refusal = code_reason(found.status, "
                        "self._facts(found.attendee, None, {}))",
                    ),
                    ("checkin", "facts = self._facts(found.attendee, None, {})"),
                )
                for flag in ("None", "True")
            ),
            Equivalent(
                "_facts",
                "if session_id is not None and invite_only:",
                "if session_id is not None or invite_only:",
                NO_SESSION_FACTS,
            ),
            Equivalent(
                "_facts",
                "return person_facts(self.conn, attendee, None)",
                "return person_facts(None, attendee, None)",
                NO_SESSION_FACTS,
            ),
            *(
                Equivalent("sessions_for", line, CASE, SQL_CASE)
                for line in (
                    '"SELECT s.session_id, s.title_en, s.title_ko, s.start_ms, s.end_ms, s.venue, '
                    's.room, "',
                    '"EXISTS(SELECT 1 FROM invitations i WHERE i.session_id = s.session_id "',
                    '"       AND i.registration_id = :rid), "',
                    '"EXISTS(SELECT 1 FROM session_speakers p WHERE p.session_id = s.session_id "',
                    '"       AND p.registration_id = :rid) "',
                    '"FROM sessions s WHERE s.date = :day ORDER BY s.start_ms, s.session_id",',
                )
            ),
            *(
                Equivalent(
                    "sessions_for",
                    "facts = PersonFacts(registration_id, category, False, bool(invited), "
                    "bool(speaker))",
                    f"facts = PersonFacts({after})",
                    UNREAD_FACTS,
                )
                for after in (
                    "None, category, False, bool(invited), bool(speaker)",
                    "registration_id, category, None, bool(invited), bool(speaker)",
                    "registration_id, category, True, bool(invited), bool(speaker)",
                )
            ),
        ),
    ),
    Target(
        "imports/decoding.py",
        ("test_decoding.py", "test_imports_files.py"),
        (
            Equivalent(
                "nfc",
                'if text.isascii() or unicodedata.is_normalized("NFC", text):',
                'if text.isascii() and unicodedata.is_normalized("NFC", text):',
                "a text already in NFC is normalised again, to itself (only slower)",
            ),
            Equivalent(
                "_line_of",
                'return data.count(b"\\n", 0, offset) + 1',
                'return data.count(b"\\n", None, offset) + 1',
                "a start of None is the start of the bytes, as 0 is",
            ),
            *(
                Equivalent(
                    "encoding_name",
                    'return decode_named(data, "")[0]',
                    f"return decode_named(data, {name})[0]",
                    "the file name only appears in the message of a problem that "
                    "`encoding_name` turns into None",
                )
                for name in ("None", '"XXXX"')
            ),
            *(
                Equivalent("decode_named", line, CASE, CODEC_CASE)
                for line in (
                    'text = data[len(codecs.BOM_UTF8) :].decode("utf-8")',
                    'return "UTF-8", _finish(data.decode("utf-8"), name)',
                    'return "UTF-16", _finish(data.decode("utf-16"), name)',
                    'return "CP949", _finish(data.decode("cp949"), name)',
                )
            ),
        ),
    ),
)


def is_equivalent(target: Target, name: str, diff: str) -> Equivalent | None:
    """The listed equivalent this surviving mutant is, if any (by its function and diff)."""
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("- ")]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+ ")]
    for known in target.equivalent:
        if f"{known.function}__mutmut_" not in name or known.before not in removed:
            continue
        if known.after == CASE:
            if any(line != known.before and line.lower() == known.before.lower() for line in added):
                return known
        elif known.after in added:
            return known
    return None


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
        equivalent: list[str] = []
        missed: list[str] = []
        for name in left:
            diff = mutmut(folder, "show", name).stdout
            (equivalent if is_equivalent(target, name, diff) else missed).append(name)
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
            for known in target.equivalent:
                print(f"  equivalent in {known.function}(): {known.before}  ->  {known.after}")
                print(f"      because {known.why}")
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
