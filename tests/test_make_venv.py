"""`make serve` installs the site into a virtual environment of its own (scripts/make-venv), since
Debian's and Ubuntu's own Python refuse `pip install` outside one (PEP 668)."""

import subprocess
import sys

from samverkanstrappan import paths

MAKE_VENV = paths.REPO / "scripts" / "make-venv"


def make_venv(python: str, venv) -> subprocess.CompletedProcess:
    return subprocess.run([str(MAKE_VENV), python, str(venv)], capture_output=True, text=True, timeout=120)


def test_the_environment_is_made_once_with_pip_in_it_and_kept(tmp_path):
    venv = tmp_path / ".venv"
    assert make_venv(sys.executable, venv).returncode == 0
    inside = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sys, pip; print(sys.prefix != sys.base_prefix)"],
        capture_output=True,
        text=True,
    )
    assert inside.stdout.strip() == "True"  # a virtual environment, with pip to install the site
    marker = venv / "kept"
    marker.write_text("")
    assert make_venv(sys.executable, venv).returncode == 0
    assert marker.exists()  # an environment that works is used again, not made anew


def test_a_half_made_environment_is_made_again(tmp_path):
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")  # venv writes it first
    (venv / "bin" / "python").write_text("")  # an interrupted run: not a Python that starts
    assert make_venv(sys.executable, venv).returncode == 0
    assert subprocess.run([str(venv / "bin" / "python"), "-c", "import pip"]).returncode == 0


def test_an_environment_without_pip_is_made_again_and_a_folder_of_other_things_is_left_alone(tmp_path):
    """An interrupted ensurepip leaves a Python without pip; VENV may name a folder that is no
    virtual environment, which must never be removed (a review, session 44)."""
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    assert make_venv(sys.executable, venv).returncode == 0
    assert subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True).returncode == 0
    other = tmp_path / "mina-saker"
    (other / "bin").mkdir(parents=True)
    (other / "anteckningar.txt").write_text("viktigt")
    made = make_venv(sys.executable, other)
    assert made.returncode == 1 and "ingen virtuell Python-miljö" in made.stderr
    assert (other / "anteckningar.txt").read_text() == "viktigt"


def test_a_python_too_old_is_refused_in_swedish_naming_how_to_choose_another(tmp_path):
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\nexit 1\n")  # fails the version check, as Python 3.9 does
    old.chmod(0o755)
    made = make_venv(str(old), tmp_path / ".venv")
    assert made.returncode == 1
    assert "inte Python 3.11 eller nyare" in made.stderr and "PYTHON=" in made.stderr
    assert not (tmp_path / ".venv").exists()
