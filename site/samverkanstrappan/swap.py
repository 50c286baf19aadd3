"""Put freshly written folders in place of the published ones: all of them, or none.

The site and its search index are written beside what the web server reads (`.x.ny`), then
renamed into place. A rename within one file system is atomic, so a reader sees the old
folder or the new one, never half of each. When one of several renames fails, the ones
already done are undone, so the site and its index always belong to the same build.

Linking a folder's files into a new one, and removing an old one, are mostly the file
system's work: the build has them done beside it, by this module run as a program
(in_background), which needs nothing but Python's own library.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def fresh_folder(target: Path) -> Path:
    """Where the next version of `target` is written before it is published."""
    return target.with_name(f".{target.name}.ny")


def _old_folder(target: Path) -> Path:
    return target.with_name(f".{target.name}.gammal")


def swap_in(pairs: list[tuple[Path, Path]], keep_old: bool = False) -> list[Path]:
    """Rename each (fresh, target) into place; if any rename fails, put every target back.
    The old folders are removed, or with `keep_old` returned for the caller to remove (the
    build does it beside its last steps: at 2,000 extra pages it takes 0.4 s)."""
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
    olds = [old for _target, old in done if old.exists()]
    if not keep_old:
        remove(*olds)
    return olds


def link_or_copy(source: str, destination: str) -> None:
    """`destination` as the same file as `source` (a hard link), or a copy where the file
    system has none: for a new folder made of an old one's files, which are never written
    in place (a file to change is unlinked first)."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def linked_copy(output: Path, fresh: Path, alone: bool = False) -> None:
    """`fresh` as a copy of `output` whose files are the same files (hard links): a build
    replaces a file by unlinking it first, so the published output is never touched.
    `alone`: run by in_background(), it stops when the build that started it is gone."""
    remove(fresh)  # what a build that was stopped left
    # Not shutil.copytree: it also copies each folder's times and modes, which nothing reads,
    # and took twice as long (0.8 s for the 13,000 folders of 2,000 extra pages).
    os.mkdir(fresh)
    builder = os.getppid() if alone else None
    folders = [(str(output), str(fresh))]
    while folders:
        source, destination = folders.pop()
        if builder is not None and os.getppid() != builder:
            sys.exit(1)  # the build that started it was killed: another may use `fresh` now
        with os.scandir(source) as entries:
            for entry in entries:
                target = os.path.join(destination, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    os.mkdir(target)
                    folders.append((entry.path, target))
                elif entry.is_symlink():
                    os.symlink(os.readlink(entry.path), target)
                else:
                    link_or_copy(entry.path, target)


def in_background(command: str, *folders: Path) -> subprocess.Popen | None:
    """`linked_copy` or `remove` of `folders`, by a new Python process running this file,
    while the caller goes on; for done() or stop(). Not a fork of the builder: every page
    of its memory that the builder then wrote into would be copied (the parsed content,
    touched by each step that follows), which cost the builder more than the work itself.
    It says nothing: when it fails, or cannot start (None), the builder does the work itself
    and reports why."""
    program = [sys.executable, "-I", "-S", __file__, command, *map(str, folders)]
    try:
        return subprocess.Popen(program, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no process to be had (too many, no memory)
        return None


def done(process: subprocess.Popen | None) -> bool:
    """Wait for what in_background() started; whether it was done."""
    return process is not None and process.wait() == 0


def stop(process: subprocess.Popen | None) -> None:
    """Stop what in_background() started, if it still runs."""
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()


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


if __name__ == "__main__":  # in_background()
    _command, *_folders = sys.argv[1:]
    if _command == "linked_copy":
        linked_copy(*map(Path, _folders), alone=True)
    elif _command == "remove":
        remove(*map(Path, _folders))
    else:
        sys.exit(f"{_command}?")
