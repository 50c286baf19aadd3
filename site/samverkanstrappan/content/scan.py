"""Where the content's files are and how editors see their names: one walk of the folders
with a stat per file, which is how the preview tells what an editor changed."""

import os
from pathlib import Path


def shown_path(path: Path) -> str:
    """A path as editors see it: relative to where they stand, when that is shorter."""
    text, here = str(path), os.getcwd()
    if os.path.isabs(text) and text.startswith(here.rstrip(os.sep) + os.sep):  # below it: no "..", cut it off
        return text[len(here.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def file_stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def scan(roots: list[Path], links: set[Path] | None = None) -> list[tuple[Path, int, int]]:
    """Every file below `roots` with its time and size, sorted, listed as Path.rglob lists them
    (a linked folder is not entered, a linked file is followed), with one stat per file: the
    listing, a check that each is a file and two stats cost 0.08 s at 2,000 extra pages.
    The files that are links go into `links`."""
    found = []

    def walk(folder: Path) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # gone, not a folder, or not ours to read (filer.odd_entries reports it)
            return
        for entry in entries:
            path = folder / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    walk(path)
                elif entry.is_file():
                    stat = entry.stat()
                    found.append((path, stat.st_mtime_ns, stat.st_size))
                    if links is not None and entry.is_symlink():
                        links.add(path)
            except OSError:  # an editor's temporary file, gone since it was listed, or a broken link
                continue

    for root in roots:
        walk(root)
    return sorted(found)
