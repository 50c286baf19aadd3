"""`python build.py` speaks Swedish to the editor who runs it: its help, argparse's own words and
its mistakes, with Swedish names for the commands beside the English ones the README uses."""

import subprocess
import sys

import pytest
from content_helpers import KOMMUN, write_content
from samverkanstrappan import paths
from samverkanstrappan.publish import builder

import build

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "invalid", "error:", "expected", "argument")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of build.main(argv), also when argparse exits."""
    try:
        code = build.main(list(argv))
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_help_is_swedish_and_names_every_command_and_option(capsys):
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert "användning: build.py" in out and "flaggor:" in out and "visa den här hjälpen" in out
    assert not [word for word in ENGLISH if word in out]
    for command in ("bygg", "kontroll", "visa", "regler"):
        assert f"\n  {command} " in out
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("--")}
    assert {"--port", "--processer"} <= set(rows)
    assert "förhandsvisning" in out.split("--port", 1)[1].split("--processer")[0]  # it has words of its own
    assert "kärnor" in out.split("--processer", 1)[1]


def test_an_unknown_command_is_one_swedish_line_naming_the_commands():
    result = subprocess.run(
        [sys.executable, str(paths.REPO / "build.py"), "bygga"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "'bygga'" in result.stderr and all(c in result.stderr for c in ("bygg", "kontroll", "visa", "regler"))
    assert not [word for word in ENGLISH if word in result.stderr]


@pytest.mark.parametrize(
    "argv, named",
    [
        (["visa", "--port", "x"], "--port"),
        (["--processer", "många"], "--processer"),
        (["--kommunn", "sjoberga"], "--kommunn"),
        (["--kommun"], "--kommun"),
        (["kontroll", "--innehall", "/finns/inte/innehall"], "--innehall"),
        (["--innehall", "/finns/inte/innehall"], "--innehall"),
    ],
)
def test_argparses_own_mistakes_are_one_swedish_line(capsys, argv, named):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and named in err, err
    assert not [word for word in ENGLISH if word in err], err


@pytest.mark.parametrize("argv, meant", [(["--komun", "sjoberga"], "--kommun"), (["--hell"], "--hel")])
def test_a_mistyped_flag_is_told_the_flag_meant(capsys, argv, meant):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert f"Menade du {meant}?" in err, err


def test_words_in_a_value_are_never_taken_for_a_flag_meant(capsys):
    code, out, err = run(capsys, "--innehall", "/finns/inte/a--kommunx")
    assert code == 2 and "finns inte" in err and "Menade du" not in err, err


@pytest.mark.parametrize("swedish, english", [("bygg", "build"), ("kontroll", "check"), ("visa", "serve")])
def test_the_swedish_commands_do_what_the_english_ones_do(tmp_path, monkeypatch, capsys, swedish, english):
    done = []
    monkeypatch.setattr(builder, "build", lambda slug, *args, **kwargs: done.append(("build", slug)) or 0)
    monkeypatch.setattr(builder, "serve", lambda slug, *args, **kwargs: done.append(("serve", slug)))
    content = write_content(tmp_path)
    for command in (swedish, english):
        code, out, _ = run(capsys, command, "--innehall", str(content), "--kommun", KOMMUN)
        assert code == 0, out
        done.append(out.splitlines()[-1] if out else "")
    assert done[: len(done) // 2] == done[len(done) // 2 :]


def test_no_command_builds_and_regler_lists_the_codes(monkeypatch, capsys):
    done = []
    monkeypatch.setattr(builder, "build", lambda slug, *args, **kwargs: done.append(slug) or 0)
    assert run(capsys, "--kommun", KOMMUN)[0] == 0 and done == [KOMMUN]
    code, out, _ = run(capsys, "regler")
    assert code == 0 and out.startswith("SV101")
