"""Put freshly written folders in place of the published ones: all of them, or none.

The site and its search index are written beside what the web server reads (`.x.ny`), then
renamed into place. A rename within one file system is atomic, so a reader sees the old
folder or the new one, never half of each. When one of several renames fails, the ones
already done are undone, so the site and its index always belong to the same build.
"""

import shutil
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


def remove(*folders: Path) -> None:
    """Remove half-written folders (nothing is said when one is not there)."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
