"""Entries an editor may put among the content by mistake: links, folders named as files, and
folders or files the build may not read (copied from another account, say).

A symbolic link can lead anywhere on the machine that builds the site (a password file, a
folder of drafts) or nowhere at all, and the site would publish what it finds. So no link
is followed: each is reported, and the build stops until the file itself is put there.
"""

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .problems import Problem

LINK = "SV120"
FOLDER = "SV121"
UNREADABLE = "SV122"
CODES = {
    LINK: "En fil eller mapp är en länk (genväg) till något annat ställe. Lägg dit själva filen.",
    FOLDER: "En mapp har ett namn som en fil (till exempel om.md) och kan inte läsas som en fil.",
    UNREADABLE: "En fil eller mapp får inte läsas av kontot som bygger webbplatsen.",
}
# What editors' files are named, and what each is; a folder with such a name was meant to be one.
FILE_SUFFIXES = {
    ".md": "en sida (en textfil)",
    ".yaml": "en fil med uppgifter (YAML-text)",
    ".yml": "en fil med uppgifter (YAML-text)",
    ".po": "en översättningsfil",
    ".svg": "en bildfil",
    ".png": "en bildfil",
}


def link(file: str) -> Problem:
    """The problem for a link found where a file was expected (also given by the readers)."""
    return Problem(
        file,
        1,
        LINK,
        "Filen är en länk (genväg) till något annat ställe, och länkar följs inte: de kan leda till filer "
        "utanför innehållet. Ersätt länken med en kopia av själva filen.",
    )


def unreadable(file: str, error: OSError, folder: bool = False) -> Problem:
    """The problem for a file or folder the build may not read: its pages would otherwise be
    missing from the site without a word (also given by the readers)."""
    what = "Mappen" if folder else "Filen"
    if error.errno in (errno.EACCES, errno.EPERM):
        message = (
            f"{what} får inte läsas av kontot som bygger webbplatsen. Ge kontot läsrätt till den"
            f"{' och till allt i den' if folder else ''}, eller kopiera den dit på nytt."
        )
    else:  # the system's own words are in English: say what happened in Swedish
        message = f"{what} gick inte att läsa: datorn svarade med ett fel. Försök igen; händer det igen, be om hjälp."
    return Problem(file, 1, UNREADABLE, message)


def odd_entries(roots: Iterable[Path], shown: Callable[[Path], str]) -> list[Problem]:
    """Every link, every folder named like a file and every folder that cannot be listed below
    `roots` (links are not entered). What each entry is comes with the folder's listing
    (os.scandir), not a stat of its own."""
    problems = []

    def walk(folder: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except (FileNotFoundError, NotADirectoryError):  # gone since its parent was listed
            return
        except OSError as error:
            problems.append(unreadable(shown(Path(folder)), error, folder=True))
            return
        # A folder that can be listed but not entered (no x) gives its names, but none of its files.
        if not os.access(folder, os.R_OK | os.X_OK):
            problems.append(unreadable(shown(Path(folder)), PermissionError(errno.EACCES, "", folder), folder=True))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                problems.append(link(shown(path)))
            elif entry.is_dir(follow_symlinks=False) and path.suffix.lower() in FILE_SUFFIXES:
                kind = FILE_SUFFIXES[path.suffix.lower()]
                message = f"{entry.name} är en mapp, men ska vara {kind}. Ta bort mappen eller byt namn på den."
                problems.append(Problem(shown(path), 1, FOLDER, message))
        for entry in entries:
            if not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                walk(entry.path)

    for root in roots:
        if root.is_symlink():
            problems.append(link(shown(root)))
        else:
            walk(str(root))
    return problems
