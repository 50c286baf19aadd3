"""Files and folders among the pages that the build would pass by without a word: a page named
`bibliotek.MD`, `halsa.markdown` or `traffpunkt.md.txt` (Windows hides the `.txt` that Notepad
adds), a page beside the language folders instead of in one, a language folder the site does
not publish (`sidor/so/`). Their pages were simply not on the site.

A page-like name is an error, since the editor meant a page and the fix is a rename; any other
file (a picture, a Word document) and a language folder are warnings, since they may be there
on purpose (a translation being prepared) and nothing published is wrong. Files that programs
leave (hidden ones, backups) are passed by quietly: editors neither make nor see them.
"""

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .filer import FILE_SUFFIXES
from .pages import plain_name
from .problems import WARNING, Problem
from .sprak import SPRAK

MISNAMED = "SV206"
UNUSED = "SV207"
LANGUAGE = "SV208"
OUTSIDE = "SV209"
CODES = {
    MISNAMED: "En sida heter inte .md (till exempel .MD, .markdown eller .md.txt) och blir ingen sida.",
    UNUSED: "En fil bland sidorna är ingen sida (.md) och används inte (varning).",
    LANGUAGE: "En mapp bland sidorna är inget språk som webbplatsen publicerar, så inget i den visas (varning).",
    OUTSIDE: "En sida ligger inte i en språkmapp (till exempel sidor/sv/) och blir ingen sida.",
}
PAGE = ".md"
# How else Markdown is named, and what Notepad adds after it (om.md.txt). Not any suffix after
# .md: om.md.bak or om.md.tmp is a program's copy of a page, not a page (a warning).
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"}
ADDED_SUFFIXES = (".txt", ".text")
# What a page folder holds beside its language folders: vagvisare/flode.yaml.
BESIDE_LANGUAGES = {"flode.yaml"}
# What programs put beside files: their own, never an editor's (a Mac's folder settings,
# Windows' thumbnails, Word's lock file, editors' backups and swap files).
PROGRAMS_FILES = {"thumbs.db", "desktop.ini"}
IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


def programs_file(name: str) -> bool:
    """A file a program put beside the editor's (a Mac's folder settings, a lock file, a backup)."""
    return name.startswith((".", "~$", "#")) or name.endswith("~") or name.lower() in PROGRAMS_FILES


def _page_name(name: str) -> str | None:
    """The name an editor meant, `om.md`, when `name` is a page named otherwise; else None."""
    if name.endswith(PAGE):
        return None
    stem = name
    for added in ADDED_SUFFIXES:
        if stem.lower().endswith(added):
            stem = stem[: -len(added)]
    page = Path(stem)
    return (plain_name(page.stem) or "sida") + PAGE if page.stem and page.suffix.lower() in MARKDOWN_SUFFIXES else None


def _file_problem(path: Path, root: Path, shown: Callable[[Path], str], in_language: bool) -> Problem | None:
    name = path.name
    if programs_file(name):
        return None
    meant = _page_name(name)
    if meant:
        hidden = " (Windows visar inte alltid .txt: slå på Filnamnstillägg under Visa i Utforskaren.)"
        message = (
            f"'{name}' blir ingen sida: bara filer som slutar på .md (med små bokstäver) läses. "
            f"Byt namn på filen till {meant}.{hidden if name.lower().endswith(ADDED_SUFFIXES) else ''}"
        )
        return Problem(shown(path), 1, MISNAMED, message)
    if name.endswith(PAGE) and not in_language:
        message = (
            f"Sidan ligger inte i en språkmapp och visas inte. Flytta den till {shown(root / 'sv' / name)} "
            "(eller ett annat språks mapp)."
        )
        return Problem(shown(path), 1, OUTSIDE, message)
    if name.endswith(PAGE) or (not in_language and name in BESIDE_LANGUAGES):
        return None
    why = " Sidorna kan inte visa bilder (se Sidor i content/README.md)." if path.suffix.lower() in IMAGES else ""
    message = f"'{name}' används inte: bara .md-filer blir sidor.{why} Ta bort filen, eller flytta den ut ur content/."
    return Problem(shown(path), 1, UNUSED, message, WARNING)


def _folder_problem(folder: Path, published: Iterable[str], own: bool, shown: Callable[[Path], str]):
    if folder.suffix.lower() in FILE_SUFFIXES:  # flode.yaml/: a file meant, which content/filer.py reports
        return None
    if folder.name not in SPRAK:
        message = (
            f"Mappen '{folder.name}' är inget språk som webbplatsen kan publicera ({', '.join(SPRAK)}), så inget "
            "i den visas. Byt namn på mappen om språket är felstavat, annars flytta den ut ur content/."
        )
        return Problem(shown(folder), 1, LANGUAGE, message, WARNING)
    if own and folder.name not in published:  # the national folders hold every language, for every municipality
        message = (
            f"Kommunen publicerar inte språket '{folder.name}', så inget i mappen visas. Lägg till "
            f"{folder.name} i sprak: i kommun.yaml när sidorna ska visas."
        )
        return Problem(shown(folder), 1, LANGUAGE, message, WARNING)
    return None


def _files_below(folder: Path) -> list[Path]:
    """Every file below `folder`, links not followed (content/filer.py reports them and what cannot be read)."""
    found = []
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir():
            found += _files_below(Path(entry.path))
        elif entry.is_file():
            found.append(Path(entry.path))
    return found


def problems(roots: Iterable[tuple[Path, bool]], published: Iterable[str], shown: Callable[[Path], str]):
    """What would be passed by below each page folder (`root`, whether it is the municipality's own)."""
    found = []
    published = tuple(published)
    for root, own in roots:
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # not there, or not ours to read (content/filer.py says so)
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink() or programs_file(entry.name):
                continue
            if entry.is_dir():
                problem = _folder_problem(path, published, own, shown)
                if problem:  # one line for the folder, not one for each page in it
                    found.append(problem)
                    continue
                found += [p for file in _files_below(path) if (p := _file_problem(file, root, shown, True))]
            elif entry.is_file() and (problem := _file_problem(path, root, shown, False)):
                found.append(problem)
    return found
