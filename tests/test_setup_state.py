"""scripts/setup's checks (scripts/setup_state.py) on fake machines and fake half-made `.venv`s:
what a set-up on a bare Debian, an interrupted one, or one after a Python upgrade finds, and
that it decides to install or rebuild exactly then."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SCRIPT = PROJECT / "scripts" / "setup_state.py"
SETUP = PROJECT / "scripts" / "setup"
BASE = (sys.version_info.major, sys.version_info.minor)


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("setup_state", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


setup_state = _load()


def system_python() -> str:
    """A Python outside this project's .venv, as scripts/setup runs with."""
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    assert base
    return base


def state_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [system_python(), str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


STATUS = """\
Package: python3
Status: install ok installed
Version: 3.11.2-1+b1

Package: python3-venv
Status: install ok unpacked
Version: 3.11.2-1+b1

Package: fonts-nanum
Status: deinstall ok config-files
Version: 20200506-1

Package: libgl1
Status: install ok installed
Architecture: amd64
"""


def test_packages_an_interrupted_or_removed_install_left_behind_count_as_missing(tmp_path):
    status = tmp_path / "status"
    status.write_text(STATUS)
    wanted = ["python3-venv", "libgl1", "fonts-nanum", "python3", "cage"]
    assert setup_state.missing_packages(wanted, status) == ["python3-venv", "fonts-nanum", "cage"]


def test_a_machine_without_dpkg_status_misses_everything_asked(tmp_path):
    assert setup_state.missing_packages(["python3"], tmp_path / "none") == ["python3"]


def test_setup_asks_for_python3_venv_which_a_minimal_debian_lacks():
    text = SETUP.read_text()
    packages = text.split("SYSTEM_PACKAGES=(", 1)[1].split("\n)", 1)[0]
    names = {w for line in packages.splitlines() for w in line.split("#", 1)[0].split()}
    assert {
        "python3-venv",
        "pulseaudio",
        "pulseaudio-utils",
        "espeak-ng",
        "cage",
        "xwayland",
    } <= names


def test_a_venv_made_without_python3_venv_has_no_pip_and_is_made_again(tmp_path):
    venv = tmp_path / ".venv"
    # What `python3 -m venv` leaves on Debian without python3-venv: a Python without pip.
    subprocess.run([system_python(), "-m", "venv", "--without-pip", str(venv)], check=True)
    state = setup_state.venv_state(venv, BASE)
    assert state.startswith("broken: ") and "no pip" in state
    # The command line scripts/setup reads says the same.
    assert state_cli("venv", str(venv)).stdout.strip() == state


def test_an_interrupted_venv_without_its_config_or_python_is_broken(tmp_path):
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    assert "pyvenv.cfg is missing" in setup_state.venv_state(venv, BASE)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert "bin/python is missing" in setup_state.venv_state(venv, BASE)


def test_a_venv_whose_python_was_upgraded_away_is_broken(tmp_path):
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (venv / "bin" / "python").symlink_to(tmp_path / "python3.10-gone")
    state = setup_state.venv_state(venv, BASE)
    assert state.startswith("broken: ") and "which is gone" in state


def test_a_venv_of_another_python_version_is_broken(tmp_path):
    venv = tmp_path / ".venv"
    subprocess.run([system_python(), "-m", "venv", "--without-pip", str(venv)], check=True)
    state = setup_state.venv_state(venv, (BASE[0], BASE[1] + 1))
    assert state.startswith("broken: made with Python")


def test_no_venv_is_absent_and_the_projects_own_is_ok(tmp_path):
    assert setup_state.venv_state(tmp_path / ".venv", BASE) == "absent"
    own = Path(sys.prefix)
    assert (own / "pyvenv.cfg").is_file(), "the tests run from a virtual environment"
    assert setup_state.venv_state(own, BASE) == "ok"


def test_only_a_finished_setup_of_todays_dependency_list_is_complete(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('dependencies = ["a"]\n')
    venv = tmp_path / ".venv"
    venv.mkdir()
    assert not setup_state.setup_complete(venv, project)  # interrupted before the last step
    setup_state.write_stamp(venv, project)
    assert setup_state.setup_complete(venv, project)
    (project / "pyproject.toml").write_text('dependencies = ["a", "b"]\n')
    assert not setup_state.setup_complete(venv, project)


@pytest.mark.parametrize("args", [[], ["venv"], ["frobnicate", "x"]])
def test_the_checks_command_line_refuses_bad_usage_in_one_line(args):
    done = state_cli(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: setup_state.py") and "Traceback" not in done.stderr
