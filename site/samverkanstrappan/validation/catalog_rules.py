"""Checks on the gettext catalogs: every interface string of each published language translated."""

import os
import re
from pathlib import Path

import polib

from .. import paths
from ..content import catalogs, yamltext
from ..content.problems import Problem, has_errors
from ..content.scan import shown_path
from ..content.sprak import SOURCE
from . import po_syntax
from .registry import codes


@codes(
    SV710="Översättningen av knappar och rubriker (messages.po) saknas för ett språk.",
    SV711="En översättningsfil (messages.po) går inte att läsa.",
    SV712="En översatt text används inte längre av webbplatsen.",
    SV713="En översättning är markerad fuzzy (en gissning).",
    SV714="En text i översättningsfilen är inte översatt.",
    SV715="En text som webbplatsen använder saknas i översättningsfilen.",
    SV716="En översättning har inte samma platshållare, till exempel %(kommun)s, som originalet.",
)
def catalogs_complete(store, site_urls):
    """Each published language has every interface string translated, none fuzzy, none left over."""
    languages = [lang for lang in store.languages if lang != SOURCE]
    if languages:
        wanted = catalogs.source_strings(paths.REPO, paths.CACHE)
        yield from check(store.translations, languages, wanted, shown_path, store.cached)


def _read_directly(path: Path, reader, *args):
    return reader(path, *args)


def check(translations: Path, languages, wanted: set[str], shown=str, read=_read_directly) -> list[Problem]:
    """Problems with the catalog of each language: missing, untranslated, fuzzy or outdated strings.
    `read(path, reader, *args)` may remember a catalog's problems until it changes (the store's
    cache: an editor's preview and `check` then read only the catalog that changed)."""
    problems = []
    for lang in languages:
        path = catalogs.po_file(translations, lang)
        file = shown(path)
        if not os.path.isfile(path):
            problems.append(
                Problem(
                    file,
                    1,
                    "SV710",
                    f"Översättningen av knappar och rubriker till '{lang}' saknas. "
                    f"Skapa den med: pybabel init -i translations/messages.pot -d translations -l {lang}",
                )
            )
            continue
        problems += read(path, _catalog, file, frozenset(wanted))
    return problems


def _catalog(path: Path, file: str, wanted: frozenset[str]) -> list[Problem]:
    """The problems of one catalog that is there."""
    text, found = yamltext.read_text(path, file)  # not UTF-8 (SV104), a link (SV120), a BOM
    found += po_syntax.problems(text, file) if text is not None else []
    if text is None or has_errors(found):
        return found
    try:
        catalog = polib.pofile(text)
    except (OSError, ValueError) as error:  # what polib refuses that Babel reads (a lost msgid line)
        named = re.search(r"\(line (\d+)\)", str(error))  # polib names the line in English
        message = "Filen går inte att läsa: en msgstr saknar sin msgid, eller tvärtom. Kontrollera raderna runt."
        return [*found, Problem(file, int(named[1]) if named else 1, "SV711", message)]
    return found + _entries(catalog, file, wanted) + _placeholders(catalog, file, text.splitlines())


# A placeholder as gettext's python-format has it (%(name)s, %(count)d ...), or %% for a percent
# sign. Every translation is %-formatted when shown (freeze/shortcuts.py, like Jinja's newstyle
# gettext), so any other % stops the build or swallows the letter after it.
PLACEHOLDER = re.compile(r"%(?:%|\((\w+)\)([#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]))")


def _names(text: str) -> tuple[dict[str, str], list[str]]:
    """The placeholders in `text`, name to how it is written (`s` of %(name)s), and each % that
    begins none (with what follows it)."""
    names, stray, at = {}, [], text.find("%")
    while at != -1:
        found = PLACEHOLDER.match(text, at)
        if found:
            if found[1]:
                names[found[1]] = found[2]
            at = text.find("%", found.end())
        else:
            stray.append(text[at : at + 25].split("\n")[0].strip())
            at = text.find("%", at + 1)
    return names, stray


def _placeholders(catalog, file: str, lines: list[str]) -> list[Problem]:
    """SV716: each translation has the original's placeholders, written as the original writes
    them, no other, and no stray %. A misspelt or broken one stopped the build with a program
    error, one written %(number)d for a text value too, and a left-out one silently lost the
    value (the number of days in the accessibility statement)."""
    problems = []
    for entry in catalog:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.translated():
            continue
        original = _names(entry.msgid)[0] | _names(entry.msgid_plural or "")[0]
        for translation in [entry.msgstr] if not entry.msgstr_plural else list(entry.msgstr_plural.values()):
            names, stray = _names(translation)
            line = _msgstr_line(lines, entry.linenum)
            said = f"Översättningen av '{_short(entry.msgid)}'"
            shown = ", ".join(f"%({name}){kind}" for name, kind in sorted(original.items()))
            told = []
            for text in stray:
                how = f"Skriv platshållaren som i originalet ({shown}), och" if original else "Skriv"
                told.append(
                    f"{said} har ett %-tecken som inte är en hel platshållare: '{text}'. "
                    f"{how} ett procenttecken som %%."
                )
            for name, kind in sorted(names.items()):
                if name not in original:
                    others = f"Originalets: {shown}." if original else "Originalet har inga."
                    told.append(f"{said} har platshållaren %({name}){kind}, som originalet inte har. {others}")
                elif kind != original[name]:
                    told.append(
                        f"{said} skriver %({name}){kind}, men originalet %({name}){original[name]}. "
                        "Skriv den som originalet."
                    )
            if not entry.msgstr_plural:  # a plural's singular may leave out the number
                broken = {name for name in original if any(f"({name})" in text for text in stray)}
                for name in sorted(set(original) - set(names) - broken):  # a broken one is said above
                    told.append(
                        f"{said} saknar platshållaren %({name}){original[name]}, så det värdet visas inte. "
                        "Skriv den där den passar i meningen."
                    )
            problems += [Problem(file, line, "SV716", message) for message in told]
    return problems


def _msgstr_line(lines: list[str], msgid_line: int) -> int:
    """The line of the msgstr that follows the msgid on `msgid_line` (polib counts from 1)."""
    for number in range(max(msgid_line - 1, 0), len(lines)):
        if lines[number].startswith("msgstr"):
            return number + 1
    return msgid_line


def _entries(catalog, file: str, wanted: set[str]) -> list[Problem]:
    problems, present = [], set()
    for entry in catalog:
        present.add(entry.msgid)
        if entry.obsolete:
            continue
        if entry.msgid not in wanted:
            problems.append(
                Problem(
                    file,
                    entry.linenum,
                    "SV712",
                    f"'{_short(entry.msgid)}' används inte längre. Kör pybabel update (se README, Språk).",
                )
            )
        elif "fuzzy" in entry.flags:
            problems.append(
                Problem(
                    file,
                    entry.linenum,
                    "SV713",
                    f"Översättningen av '{_short(entry.msgid)}' är markerad fuzzy (en gissning). "
                    "Kontrollera den och ta bort raden '#, fuzzy'.",
                )
            )
        elif not entry.translated():
            problems.append(Problem(file, entry.linenum, "SV714", f"'{_short(entry.msgid)}' är inte översatt."))
    for msgid in sorted(wanted - present):
        problems.append(
            Problem(
                file,
                1,
                "SV715",
                f"'{_short(msgid)}' saknas i filen. Kör pybabel extract och pybabel update (se README, Språk).",
            )
        )
    return problems


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
