"""Entries an editor may put among the content by mistake: links, and folders named as files.

A symbolic link can lead anywhere on the machine that builds the site (a password file, a
folder of drafts) or nowhere at all, and the site would publish what it finds. So no link
is followed: each is reported, and the build stops until the file itself is put there.
"""

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .problems import Problem

LINK = "SV120"
FOLDER = "SV121"
CODES = {
    LINK: "En fil eller mapp är en länk (genväg) till något annat ställe. Lägg dit själva filen.",
    FOLDER: "En mapp har ett namn som en fil (till exempel om.md) och kan inte läsas som en fil.",
}
# What editors' files are named; a folder with such a name was meant to be a file.
FILE_SUFFIXES = {".md", ".yaml", ".yml", ".po", ".svg", ".png"}


def link(file: str) -> Problem:
    """The problem for a link found where a file was expected (also given by the readers)."""
    return Problem(
        file,
        1,
        LINK,
        "Filen är en länk (genväg) till något annat ställe, och länkar följs inte: de kan leda till filer "
        "utanför innehållet. Ersätt länken med en kopia av själva filen.",
    )


def odd_entries(roots: Iterable[Path], shown: Callable[[Path], str]) -> list[Problem]:
    """Every link and every folder named like a file below `roots` (links are not entered).
    What each entry is comes with the folder's listing (os.scandir), not a stat of its own."""
    problems = []

    def walk(folder: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # as os.walk: a folder that cannot be listed is passed over
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                problems.append(link(shown(path)))
            elif entry.is_dir(follow_symlinks=False) and path.suffix.lower() in FILE_SUFFIXES:
                problems.append(
                    Problem(
                        shown(path),
                        1,
                        FOLDER,
                        f"{entry.name} är en mapp, inte en fil. Ta bort mappen eller byt namn på den; "
                        f"en sida är en fil som slutar på {path.suffix}.",
                    )
                )
        for entry in entries:
            if not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                walk(entry.path)

    for root in roots:
        if root.is_symlink():
            problems.append(link(shown(root)))
        else:
            walk(str(root))
    return problems
