"""Mistakes editors really make in the data files: each is a `fil:rad: KOD` line in Swedish,
the build exits 1, and the previous output is untouched. One root cause gives one line."""

import re

import pytest
from conftest import KOMMUN, run_build

DATA_FILES = [
    f"kommuner/{KOMMUN}/kommun.yaml",
    f"kommuner/{KOMMUN}/verksamheter.yaml",
    "vagvisare/flode.yaml",
    "data/synonymer.yaml",
    "data/nodnummer.yaml",
    "data/kris.sv.yaml",
]
ROW = re.compile(r"^(?P<file>.+):(?P<line>\d+): (?P<code>SV\d{3}) ")


@pytest.fixture
def previous(tmp_path):
    """The output of an earlier build, which a failed build must leave as it was."""
    output = tmp_path / "ut"
    output.mkdir()
    (output / "index.html").write_text("förra bygget", encoding="utf-8")
    return output


def rows(printed: str) -> list[tuple[str, int, str]]:
    return [
        (found["file"], int(found["line"]), found["code"]) for found in map(ROW.match, printed.splitlines()) if found
    ]


def assert_refused(code: int, printed: str, previous) -> None:
    assert code == 1, printed
    assert "Traceback" not in printed and "Error" not in printed
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "förra bygget"


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_data_file_saved_as_latin_1_is_named_with_the_line_of_its_first_bad_byte(content, previous, name):
    path = content / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    line = next(number for number, row in enumerate(text.splitlines(), 1) if not row.isascii())
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    assert rows(printed) == [(str(path), line, "SV104")] or rows(printed) == [(name, line, "SV104")], printed


def test_a_missing_emergency_numbers_file_is_one_line(content, previous):
    (content / "data" / "nodnummer.yaml").unlink()
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    assert [(file.rsplit("/", 1)[-1], line, found) for file, line, found in rows(printed)] == [
        ("nodnummer.yaml", 1, "SV106")
    ]


def test_a_misspelled_municipality_is_one_line_that_names_the_real_ones(content, previous):
    code, printed = run_build(content, previous, kommun="exempelstd")
    assert_refused(code, printed, previous)
    assert [(file.rsplit("/", 1)[-1], line, found) for file, line, found in rows(printed)] == [
        ("exempelstd", 1, "SV107")
    ]
    assert KOMMUN in printed


def test_a_municipality_without_a_directory_hears_once_per_kind_of_verksamhet(content, previous):
    (content / "kommuner" / KOMMUN / "verksamheter.yaml").unlink()
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    found = rows(printed)
    kinds = re.findall(r"SV312 .*?typen '([^']+)'", printed)
    assert found and {row[2] for row in found} == {"SV312"} and len(kinds) == len(set(kinds))
