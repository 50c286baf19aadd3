"""Gettext catalogs for the interface strings: check them and compile them.

The strings are extracted from the code itself (babel.cfg), so a catalog that
misses a new string, still has a fuzzy guess, or keeps a string the code no
longer uses is caught (validation/catalog_rules.py) without anyone remembering
to run `pybabel update`.
Counting is done with polib: `pybabel compile --statistics` counts fuzzy
entries as translated.
"""

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .sprak import SPRAK

# The gettext functions that mark strings: `_` in templates, `_l` (lazy) and `N_` (mark only) in code.
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None}


@dataclass(frozen=True)
class Coverage:
    translated: int
    total: int


def po_file(translations: Path, lang: str) -> Path:
    return translations / lang / "LC_MESSAGES" / "messages.po"


def source_strings(repo: Path, cache: Path | None = None) -> set[str]:
    """Every msgid marked in the code and templates, found the way `pybabel extract` finds them.
    Extracting takes about half a second, so the result is kept in `cache` (a folder), under a
    hash of the code and templates it was read from: the next build with the same code reads it."""
    sources = sorted(path for path in (repo / "site").rglob("*") if path.suffix in (".py", ".html"))
    digest = hashlib.sha256((repo / "babel.cfg").read_bytes())
    for path in sources:
        digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    kept = cache / f"gettext-strings-{digest.hexdigest()[:32]}.json" if cache else None
    if kept and kept.is_file():
        return set(json.loads(kept.read_text(encoding="utf-8")))
    found = _extract(repo)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        partial.write_text(json.dumps(sorted(found), ensure_ascii=False), encoding="utf-8")
        partial.replace(kept)  # whole or not at all, also with two builds at once
    return found


def _extract(repo: Path) -> set[str]:
    # Imported here: a build whose code did not change reads the strings from the cache.
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(repo / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    code = repo / "site"
    # Only site/ holds marked strings; without the filter Babel walks node_modules too.
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(repo),
        method_map,
        options_map,
        keywords=KEYWORDS,
        directory_filter=lambda path: Path(path).is_relative_to(code),
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def coverage(translations: Path, lang: str, wanted: set[str]) -> Coverage:
    """How many of the strings the code uses have a finished translation."""
    path = po_file(translations, lang)
    if not os.path.isfile(path):
        return Coverage(0, len(wanted))
    entries = {entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete}
    done = sum(1 for msgid in wanted if msgid in entries and entries[msgid].translated())
    return Coverage(done, len(wanted))


# A Swedish name in brackets after a translation, "المدرسة (Skolan eller elevhälsan)": not
# after "%", where "%(name)s" is a value.
ISOLATE, END_ISOLATE = "\u2068", "\u2069"  # FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE
_NAME = rf"\(([A-Za-zÅÄÖåäöÉéÜü][^()%<>{ISOLATE}{END_ISOLATE}]*)\)"
SWEDISH_IN_BRACKETS = re.compile(rf"(?<!%){_NAME}")
# The same in a compiled right-to-left catalog, where isolated() has set it apart.
ISOLATED_SWEDISH_NAME = re.compile(rf"(?<!%){ISOLATE}?{_NAME}{END_ISOLATE}?")


def isolated(text: str) -> str:
    """`text` of a right-to-left language with each Swedish name in brackets set apart, so it
    reads left to right inside the line: otherwise the brackets and the words of a name of
    several words come out in a jumble, "Skolan) …(eller elevhälsan"."""
    return SWEDISH_IN_BRACKETS.sub(lambda found: f"{ISOLATE}{found.group(0)}{END_ISOLATE}", text)


def compile_all(translations: Path) -> None:
    """Write a .mo next to each .po that is newer than it, and than this code (Flask-Babel
    reads only .mo). Fuzzy entries are left out, so a guess never reaches a resident. In a
    right-to-left language each Swedish name in brackets is set apart (isolated())."""
    compiler = Path(__file__).stat().st_mtime_ns
    for po in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime_ns >= max(po.stat().st_mtime_ns, compiler):
            continue
        from babel.messages.mofile import write_mo  # only when a catalog changed
        from babel.messages.pofile import PoFileError, read_po

        try:
            with open(po, "rb") as source:
                catalog = read_po(source, abort_invalid=True)
        except (PoFileError, ValueError, OSError):  # UnicodeDecodeError is a ValueError
            # Left as it is: the check says in Swedish what is wrong and where
            # (validation/po_syntax.py), and the build stops before any page is written.
            continue
        lang = po.parent.parent.name
        if lang in SPRAK and SPRAK[lang].dir == "rtl":
            for message in catalog:
                if not message.id:
                    continue  # the header
                if isinstance(message.string, str):
                    message.string = isolated(message.string)
                else:  # a plural's forms
                    message.string = tuple(isolated(form) for form in message.string)
        # Each process writes its own partial file: test workers and two builds at once
        # compile the same catalog side by side, and a shared name let one rename the
        # other's file away.
        partial = mo.with_name(f".{mo.name}.{os.getpid()}.ny")
        with open(partial, "wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        partial.replace(mo)
