"""Checks on a municipality's own files: kommun.yaml, and what it adds to the national content."""

import re

from ..content import farger
from ..content.kommun import REVIEW_EVERY
from ..content.pages import plain_name
from ..content.problems import WARNING, Problem
from ..content.scan import shown_path
from ..content.sprak import SOURCE, SPRAK
from . import date_rules
from .registry import codes, kommun_file


@codes(SV260="En kommuns tillägg (tillagg/) hör till en sida som inte finns.")
def addition_has_page(store, site_urls):
    """A local block (tillagg/<språk>/<nyckel>.md) is added to a page that exists."""
    for (_lang, key), addition in sorted(store.additions.items()):
        if (SOURCE, key) not in store.pages and (SOURCE, key) not in store.unread_pages:
            yield Problem(
                addition.file,
                1,
                "SV260",
                f"Det finns ingen sida '{key}' att lägga till texten på. Filen ska "
                "heta som sidan, till exempel tillagg/sv/steg/samordningsplan.md.",
            )


@codes(
    SV401="Ett språk i sprak: finns inte bland dem webbplatsen kan publicera.",
    SV402="Svenska (sv) saknas bland språken i sprak:.",
    SV403="Ett språk står två gånger i sprak:.",
)
def languages_known(store, site_urls):
    settings = store.kommun
    if not settings or settings.listed_sprak is None:  # missing or unreadable: SV111, SV112 or SV114 says so
        return
    line = settings.lines.get("sprak", 1)
    seen = set()
    for code in settings.listed_sprak:
        if code not in SPRAK:
            yield Problem(
                kommun_file(store), line, "SV401", f"Språket '{code}' finns inte. Välj bland {', '.join(SPRAK)}."
            )
        elif code in seen:  # the build would make the language's folder twice
            yield Problem(
                kommun_file(store), line, "SV403", f"Språket '{code}' står två gånger i sprak:. Skriv det en gång."
            )
        seen.add(code)
    if SOURCE not in settings.listed_sprak:
        yield Problem(kommun_file(store), line, "SV402", "Svenska (sv) måste vara med bland språken.")


# The folder's name is the name of the built site's folder, which is uploaded and named in
# scripts: "build/alv by" and "build/älvby" were built without a word (an editor).
FOLDER_NAME = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


@codes(SV404="Kommunens mapp har ett namn med å, ä, ö, stora bokstäver, mellanslag eller andra tecken.")
def folder_named_plainly(store, site_urls):
    """The municipality's folder is named with a–z, digits and hyphens only."""
    name = store.kommun_slug.strip("/")  # --kommun sjoberga/, as a shell completes it
    if not FOLDER_NAME.fullmatch(name):
        plain = plain_name(name) or "kommun"
        yield Problem(
            shown_path(store.kommun_dir),
            1,
            "SV404",
            f"Mappen heter '{name}'. Byt namn på den till '{plain}': bara a–z, siffror, bindestreck "
            "och understreck, eftersom den byggda webbplatsens mapp får samma namn.",
        )


@codes(SV410="Två av kommunens färger har för liten kontrast mot varandra (minst 4,5:1).")
def colours_readable(store, site_urls):
    settings = store.kommun
    if not settings:
        return
    # A colour written but not readable (or missing) is reported already: a pair with it in
    # would be judged against the site's own colour, which the editor did not choose.
    unread = set(farger.DEFAULTS) - set(settings.farger) if settings.farger_lines else set()
    for fore, back, where, ratio in farger.low_contrast(settings.farger):
        if {fore, back} & unread:
            continue
        yield Problem(
            kommun_file(store),
            settings.farger_lines.get(fore, settings.lines.get("farger", 1)),
            "SV410",
            f"Färgerna {fore} och {back} har för liten kontrast ({ratio:.1f}:1, minst "
            f"{farger.MIN_CONTRAST}:1 behövs). Det gäller {where}. Välj en mörkare eller ljusare färg.",
        )


@codes(
    SV430="Redogörelsen säger att webbplatsen inte är helt tillgänglig men nämner inga brister.",
    SV431="Redogörelsen säger helt förenlig men nämner brister.",
    SV432="I redogörelsen är uppdaterad före upprattad.",
    SV433="Redogörelsen har inte setts över på mer än ett år (varning).",
)
def statement_complete(store, site_urls):
    """What Digg's requirements add to the keys: known problems named, dates in order and recent."""
    settings = store.kommun
    if not settings:
        return
    statement, file = settings.tillganglighet, kommun_file(store)
    lines = statement.get("lines", {})
    unreadable = statement.get("brister") is None and "brister" in lines  # written, reported (SV112)
    if statement.get("status") in ("delvis", "inte") and not statement.get("brister") and not unreadable:
        yield Problem(
            file,
            settings.lines.get("tillganglighet", 1),
            "SV430",
            "Redogörelsen säger att webbplatsen inte är helt tillgänglig men "
            "nämner inga brister. Skriv dem under brister:.",
        )
    if statement.get("status") == "helt" and statement.get("brister"):
        yield Problem(
            file, lines["brister"], "SV431", "Status är helt förenlig, men det finns brister. Ändra status till delvis."
        )
    made, updated = statement.get("upprattad"), statement.get("uppdaterad")
    if made and updated and updated < made:
        yield Problem(file, lines["uppdaterad"], "SV432", "uppdaterad är före upprattad.")
    if updated and date_rules.today() - updated > REVIEW_EVERY:
        yield Problem(
            file,
            lines["uppdaterad"],
            "SV433",
            f"Redogörelsen sågs över {updated}, för mer än ett år sedan. Se över den och ändra datumet.",
            WARNING,
        )


RULES = (addition_has_page, languages_known, folder_named_plainly, colours_readable, statement_complete)
