"""A municipality's folder holds only what is read: a file named almost right is read by no one."""

import difflib
import os
import re

from ..content import kris, verksamheter_sprak
from ..content.passed_by import ADDED_SUFFIXES, programs_file
from ..content.problems import WARNING, Problem
from ..content.scan import shown_path
from ..content.sprak import SOURCE, SPRAK
from .registry import codes

FOLDERS = {"sidor", "tillagg"}
LANGUAGE_NAMES = ["svenska", "engelska", "arabiska", "finska", "ukrainska", "english", "suomi"]
LOGOS = (".svg", ".png")
SETTINGS = ("kommun.yaml", "verksamheter.yaml", "synonymer.yaml")
# verksamheter.fin.yaml, kris.EN.yaml: a language meant, named as none the site knows.
WITH_LANGUAGE = re.compile(r"(verksamheter|kris)\.([^.]+)\.ya?ml", re.IGNORECASE)


def _read_names(settings) -> set[str]:
    """The names of the files the build reads in a municipality's folder."""
    names = {*SETTINGS, *(kris.file_name(lang) for lang in SPRAK)}
    names |= {verksamheter_sprak.file_name(lang) for lang in SPRAK if lang != SOURCE}
    if settings.logotyp is not None:
        names.add(settings.logotyp.name)
    return names


@codes(
    SV405="En fil i kommunens mapp är nästan rätt namngiven och läses inte (till exempel .yml eller fel språkkod).",
    SV406="En fil i kommunens mapp läses inte av bygget (varning).",
)
def kommun_files_read(store, site_urls):
    """Each file in the municipality's folder is one the build reads, or is told to be renamed
    or moved: kommun.yml, verksamheter.en.yml and verksamheter.fin.yaml were passed by without a
    word (an editor's walk, session 44), so their contents were missing from the site."""
    settings = store.kommun
    if not settings or not os.path.isdir(store.kommun_dir):  # unreadable: its own problems first
        return
    read = _read_names(settings)
    # A logo's name that cannot be read (SV112) leaves the logo unnamed: not also "not read".
    logo_unknown = settings.logotyp is None and "logotyp" in settings.lines
    for entry in sorted(os.scandir(store.kommun_dir), key=lambda found: found.name):
        name = entry.name
        if name in read or (entry.is_dir() and name in FOLDERS) or programs_file(name):
            continue
        if logo_unknown and name.lower().endswith(LOGOS):
            continue
        file = shown_path(store.kommun_dir / name)
        meant = _meant(name, read)
        if meant:
            yield Problem(file, 1, "SV405", f"'{name}' läses inte. {meant}")
        elif not entry.is_dir():
            yield Problem(
                file,
                1,
                "SV406",
                f"'{name}' läses inte av bygget. Bara filerna som content/README.md nämner används; "
                "ta bort filen eller flytta den ut ur content/.",
                WARNING,
            )


def _meant(name: str, read: set[str]) -> str:
    """What to do with a file named almost as one the build reads, or "" when it is not one."""
    for added in ADDED_SUFFIXES:  # what Notepad adds: verksamheter.en.yaml.txt
        if name.lower().endswith(added) and name.lower()[: -len(added)] in read:
            return f"Byt namn på den till {name.lower()[: -len(added)]} (utan {added})."
    if name.lower() in read:
        return f"Byt namn på den till {name.lower()} (med små bokstäver)."
    if name.lower().endswith(".yml") and name.lower()[:-4] + ".yaml" in read:
        return f"Byt namn på den till {name.lower()[:-4]}.yaml (.yaml, inte .yml)."
    language = WITH_LANGUAGE.fullmatch(name)
    if name.lower() == verksamheter_sprak.file_name(SOURCE):
        return "Svenska står i verksamheter.yaml; en egen fil för svenska läses inte."
    # A language meant (fin, EN, engelska), not a copy kept (verksamheter.gammal.yaml): the
    # copy is only a warning, since nothing is missing from the site.
    if language and language[2].lower() not in SPRAK and _a_language(language[2].lower()):
        return f"'{language[2]}' är ingen språkkod som webbplatsen kan publicera. Välj bland {', '.join(SPRAK)}."
    return ""


def _a_language(word: str) -> bool:
    """Whether `word` looks like a language written otherwise: a code of two or three letters, or
    a language's Swedish name (engelska for en)."""
    return bool(re.fullmatch(r"[a-z]{2,3}", word)) or bool(difflib.get_close_matches(word, LANGUAGE_NAMES, n=1))


RULES = (kommun_files_read,)
