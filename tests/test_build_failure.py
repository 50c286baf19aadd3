"""A build that fails while writing the site leaves the previous output exactly as it was."""

import shutil

import pytest
from conftest import KOMMUN, run_build


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fails(*args, **kwargs):
    raise RuntimeError("disken är full")


@pytest.mark.parametrize("workers", [1, 2])
def test_failure_while_freezing_leaves_previous_output_untouched(
    small_content, small_builds, tmp_path, monkeypatch, workers
):
    # With two workers the failure happens in a forked worker, while Pagefind runs here.
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    shutil.copytree(small_builds[KOMMUN].output, output)  # the previous build of the same content
    shutil.copytree(small_builds[KOMMUN].search_index, search_index)
    before, index_before = snapshot(output), snapshot(search_index)

    monkeypatch.setattr("samverkanstrappan.freeze.freeze_share", fails)
    code, printed = run_build(small_content, output, workers=workers, search_index=search_index)
    assert code == 2 and "Bygget misslyckades" in printed and "disken är full" in printed
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sokindex", "ut"]
