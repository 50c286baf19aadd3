"""Every editor mistake: a small broken fixture, a Swedish `file:line` message,
a non-zero exit, and the previous output left exactly as it was."""

import gc
import multiprocessing
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_build

BROKEN = FIXTURES / "trasigt"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "fixture, line, words",
    [
        ("felaktig-yaml.md", 3, "kolon"),
        ("okand-nyckel.md", 4, "Okänd nyckel 'titl'"),
        ("saknar-nyckel.md", 2, "'granskad' saknas"),
        ("saknar-titel.md", 2, "'titel' saknas"),
        ("tom-titel.md", 2, "'titel' är tom"),
        ("ingen-front-matter.md", 1, "---"),
        ("trasig-lank.md", 9, "inte finns"),
        ("trasigt-ankare.md", 8, "rubrik"),
        ("osaker-html.md", 8, "<script>"),
        ("handelseattribut.md", 8, "on...="),
        ("javascript-lank.md", 8, "javascript:"),
        ("rubrikniva.md", 8, "huvudrubrik"),
        ("hoppar-rubrikniva.md", 10, "hoppar över"),
        ("dubbel-nyckel.md", 4, "två gånger"),
        ("okant-trappsteg.md", 4, "ska vara ett av"),
        ("svar-text.md", 7, "LIX"),
        ("Versaler i namn.md", 1, "Filnamnet"),
    ],
)
def test_each_mistake_is_reported_with_file_and_line(content, tmp_path, fixture, line, words):
    shutil.copy(BROKEN / fixture, content / "sidor" / "sv" / fixture)
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1
    lines = [row for row in printed.splitlines() if f"sidor/sv/{fixture}:{line}:" in row]
    assert lines, printed
    assert any(words in row for row in lines), printed
    assert not (tmp_path / "ut").exists()


def test_all_problems_are_reported_at_once_with_a_count(content, tmp_path):
    for fixture in ("okand-nyckel.md", "trasig-lank.md", "osaker-html.md"):
        shutil.copy(BROKEN / fixture, content / "sidor" / "sv" / fixture)
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1
    problem_lines = [row for row in printed.splitlines() if ".md:" in row]
    assert {row.split(":")[0].rsplit("/", 1)[-1] for row in problem_lines} == {
        "okand-nyckel.md",
        "trasig-lank.md",
        "osaker-html.md",
    }
    assert f"{len(problem_lines)} fel hittades." in printed


@pytest.mark.parametrize("workers", [1, 2])
def test_broken_content_leaves_previous_output_untouched(content, tmp_path, workers):
    # With two workers, Whoosh's index is already being written while the content is
    # checked: the workers stop and nothing of theirs is left.
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    assert run_build(content, output, workers=workers, search_index=search_index)[0] == 0
    before, index_before = snapshot(output), snapshot(search_index)
    shutil.copy(BROKEN / "trasig-lank.md", content / "sidor" / "sv" / "trasig-lank.md")
    (content / "sidor" / "sv" / "om.md").write_text("trasig", encoding="utf-8")
    code, printed = run_build(content, output, workers=workers, search_index=search_index)
    assert code == 1 and "Inget ändrades" in printed
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "sokindex", "ut"]
    assert not multiprocessing.active_children() and gc.get_freeze_count() == 0


def fails(*args, **kwargs):
    raise RuntimeError("disken är full")


@pytest.mark.parametrize("workers", [1, 2])
def test_failure_while_freezing_leaves_previous_output_untouched(content, tmp_path, monkeypatch, workers):
    # With two workers the failure happens in a forked worker, while Pagefind runs here.
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    assert run_build(content, output, workers=workers, search_index=search_index)[0] == 0
    before, index_before = snapshot(output), snapshot(search_index)

    monkeypatch.setattr("samverkanstrappan.freeze.freeze_share", fails)
    code, printed = run_build(content, output, workers=workers, search_index=search_index)
    assert code == 2 and "Bygget misslyckades" in printed and "disken är full" in printed
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "sokindex", "ut"]


def test_bad_helpline_file_is_reported(content, tmp_path):
    path = content / "data" / "nodnummer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: sjalvmordslinjen", "id: sjalvmord"), encoding="utf-8")
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1
    assert "nodnummer.yaml" in printed and "'sjalvmordslinjen' saknas" in printed


def test_bad_kommun_settings_are_reported(content, tmp_path):
    path = content / "kommuner" / "exempelstad" / "kommun.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "farg: blå\n", encoding="utf-8")
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1 and "kommun.yaml:" in printed and "Okänd nyckel 'farg'" in printed
