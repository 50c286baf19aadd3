"""Put freshly written folders in place of the published ones: all of them, or none.

The site and its search index are written beside what the web server reads (`.x.ny`), then
renamed into place. A rename within one file system is atomic, so a reader sees the old
folder or the new one, never half of each. When one of several renames fails, the ones
already done are undone, so the site and its index always belong to the same build.
"""

import os
import shutil
import tempfile
from pathlib import Path


def fresh_folder(target: Path) -> Path:
    """Where the next version of `target` is written before it is published."""
    return target.with_name(f".{target.name}.ny")


def _old_folder(target: Path) -> Path:
    return target.with_name(f".{target.name}.gammal")


def swap_in(pairs: list[tuple[Path, Path]]) -> None:
    """Rename each (fresh, target) into place; if any rename fails, put every target back."""
    done: list[tuple[Path, Path]] = []  # (target, old) whose old folder was moved aside
    placed: list[Path] = []  # targets the new folder was renamed into
    try:
        for fresh, target in pairs:
            old = _old_folder(target)
            shutil.rmtree(old, ignore_errors=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.rename(old)
            done.append((target, old))
            fresh.rename(target)
            placed.append(target)
    except BaseException:
        for target in reversed(placed):  # the new one goes back where it came from
            target.rename(fresh_folder(target))
        for target, old in reversed(done):  # and the old one, if there was one, back in place
            if old.exists():
                old.rename(target)
        raise
    for _target, old in done:
        shutil.rmtree(old, ignore_errors=True)


def link_or_copy(source: str, destination: str) -> None:
    """`destination` as the same file as `source` (a hard link), or a copy where the file
    system has none: for a new folder made of an old one's files, which are never written
    in place (a file to change is unlinked first)."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def write_whole(path: Path, data: bytes) -> None:
    """`data` as the file `path`, written beside it and renamed: a reader (another build, a
    process reading the cache) sees the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)  # gone already when it was renamed


def remove(*folders: Path) -> None:
    """Remove half-written folders (nothing is said when one is not there)."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
