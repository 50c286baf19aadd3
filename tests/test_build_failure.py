"""A build that fails while writing the site leaves the previous output exactly as it was."""

import errno
import os
import shutil
from pathlib import Path

import pytest
from conftest import KOMMUN, run_build
from samverkanstrappan.publish import failures


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def failing(number: int):
    def fails(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    return fails


@pytest.mark.parametrize(
    ("workers", "number", "advice"),
    [(1, errno.ENOSPC, "disken är full"), (2, errno.ENOSPC, "disken är full"), (2, errno.EACCES, "får inte skriva")],
)
def test_failure_while_freezing_leaves_previous_output_untouched(
    small_content, small_builds, tmp_path, monkeypatch, workers, number, advice
):
    # With two workers the failure happens in a forked worker, while Pagefind runs here.
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    shutil.copytree(small_builds[KOMMUN].output, output)  # the previous build of the same content
    shutil.copytree(small_builds[KOMMUN].search_index, search_index)
    before, index_before = snapshot(output), snapshot(search_index)

    monkeypatch.setattr("samverkanstrappan.freeze.freeze_share", failing(number))
    code, printed = run_build(small_content, output, workers=workers, search_index=search_index)
    assert code == 2 and advice in printed and "Inget ändrades" in printed, printed  # 2: not the content
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sokindex", "ut"]


@pytest.mark.parametrize(("refused", "first_build"), [("ut", False), ("sokindex", False), ("sokindex", True)])
def test_the_site_and_its_index_are_published_together_or_not_at_all(
    small_content, small_builds, tmp_path, monkeypatch, refused, first_build
):
    """The site's rename, or the search index's after it, fails: what was renamed is undone, so
    the old site and the old index stay together, and nothing half-published is left beside them."""
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    if not first_build:  # on a first build there is no site yet: none may appear either
        shutil.copytree(small_builds[KOMMUN].output, output)
    shutil.copytree(small_builds[KOMMUN].search_index, search_index)
    before, index_before = snapshot(output), snapshot(search_index)
    rename, failed = Path.rename, []

    def fails_for_the_index(self, target):
        if Path(target) == (tmp_path / refused).resolve() and not failed:  # once: putting the old one back works
            failed.append(target)
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", fails_for_the_index)
    code, printed = run_build(small_content, output, search_index=search_index)
    monkeypatch.undo()
    assert failed and code == 2 and "får inte skriva" in printed, printed
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sokindex"] + ([] if first_build else ["ut"])


@pytest.mark.parametrize("debug", [False, True])
def test_a_bug_in_the_code_is_one_line_unless_its_traceback_is_asked_for(
    small_content, small_builds, tmp_path, monkeypatch, debug
):
    """An editor never sees a traceback; the people who keep the code can ask for it."""
    output = tmp_path / "ut"
    shutil.copytree(small_builds[KOMMUN].output, output)
    before = snapshot(output)

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'namn'")

    monkeypatch.setattr("samverkanstrappan.freeze.freeze_share", broken)
    if debug:
        monkeypatch.setenv(failures.DEBUG, "1")
    code, printed = run_build(small_content, output, search_index=tmp_path / "sokindex")
    assert code == 2 and "AttributeError" in printed and snapshot(output) == before
    assert ("Traceback" in printed) == debug, printed


def test_a_bug_in_a_page_view_is_one_line_naming_it_and_flask_logs_no_traceback(
    small_content, small_builds, tmp_path, monkeypatch, caplog
):
    """Flask logged an exception in a view with its traceback ("ERROR in app: Exception on
    /fi/verksamheter/") before the build said its one line, which then named the 500 it made
    (ValueError) instead of the error (an editor's broken placeholder in a catalog did that;
    it is SV716 now)."""
    output = tmp_path / "ut"
    shutil.copytree(small_builds[KOMMUN].output, output)
    before = snapshot(output)

    def broken(lang, key):
        raise KeyError("kommun")

    monkeypatch.setattr("samverkanstrappan.render.pages.page", broken)
    code, printed = run_build(small_content, output, search_index=tmp_path / "sokindex")
    assert code == 2 and "(KeyError)" in printed and snapshot(output) == before, printed
    assert [record.getMessage() for record in caplog.records if record.levelname == "ERROR"] == []


def test_a_content_folder_the_build_may_not_look_into_is_reported_with_the_contents_mistakes(
    small_content, small_builds, tmp_path, monkeypatch
):
    """A folder copied from another account (no x for the build): neither it nor a file in it
    can be looked at. The build (here the incremental one, after the last build) lists it as
    SV122 with the content's mistakes, not a traceback, and the old site stays."""
    output = tmp_path / "ut"
    shutil.copytree(small_builds[KOMMUN].output, output)
    before = snapshot(output)
    refused = small_content / "data"
    scandir, stat, lstat, access = os.scandir, os.stat, os.lstat, os.access

    def denied(path) -> bool:
        return Path(path).absolute().is_relative_to(refused)

    def refuse(real, inside_only=True):
        def call(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and denied(path) and not (inside_only and Path(path) == refused):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "scandir", refuse(scandir, inside_only=False))
    monkeypatch.setattr(os, "stat", refuse(stat))  # the folder itself can be stated; nothing in it
    monkeypatch.setattr(os, "lstat", refuse(lstat))
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not denied(path) and access(path, mode, **kw))
    code, printed = run_build(small_content, output, search_index=tmp_path / "sokindex")
    monkeypatch.undo()
    assert code == 1 and "data:1: SV122 Mappen får inte läsas" in printed and "Traceback" not in printed, printed
    assert snapshot(output) == before


def test_the_folder_a_refused_file_is_in_is_named(tmp_path):
    """What stops a build, `check` or the preview that could not even look into the content."""
    content, output = tmp_path / "content", tmp_path / "ut"
    (content / "data").mkdir(parents=True)
    refused = PermissionError(errno.EACCES, "Permission denied", str(content / "data" / "nodnummer.yaml"))
    assert f"det får inte läsa {content / 'data'}. " in failures.advice(refused, output, (content,))
    assert f"den får inte läsa {content / 'data'}. " in failures.stopped("Kontrollen", refused, (content,))
    elsewhere = PermissionError(errno.EACCES, "Permission denied", str(output / "sv"))
    assert "får inte skriva" in failures.advice(elsewhere, output, (content,))
    assert "Permission" not in failures.stopped("Förhandsvisningen", elsewhere, (content,))
