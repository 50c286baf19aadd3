"""The dates editors write (granskad, kontrollerad, uppdaterad ...) against the build's today.

Every rule about how old or new a date is asks `today()`, so that a test can fix the day.
"""

import datetime
import zoneinfo

from ..content.problems import Problem
from . import national_rules
from .page_rules import markdown_pages
from .registry import codes, kommun_file


def today() -> datetime.date:
    """The date in Sweden, where the editors are and date what they check: a build on a server
    that keeps UTC just after midnight would otherwise call the editor's today the future."""
    try:
        return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Stockholm")).date()
    except zoneinfo.ZoneInfoNotFoundError:  # a machine without the time zone database
        return datetime.date.today()


def _written(store):
    """(file, line, key, date) for every date an editor wrote that the content holds."""
    for page in markdown_pages(store):
        if isinstance(page.meta.get("granskad"), datetime.date):
            yield page.file, page.front_matter.line_of("granskad"), "granskad", page.meta["granskad"]
    for service in store.verksamheter.entries:
        if service.kontrollerad:
            line = service.lines.get("kontrollerad", service.line)
            yield store.directory_file, line, "kontrollerad", service.kontrollerad
    for helpline in store.helplines.values():
        line = helpline.lines.get("kontrollerad", helpline.line)
        yield national_rules.helpline_file(store), line, "kontrollerad", helpline.kontrollerad
    if store.kommun:
        statement = store.kommun.tillganglighet
        for key in ("bedomd", "upprattad", "uppdaterad"):
            if statement.get(key):
                yield kommun_file(store), statement["lines"][key], key, statement[key]


@codes(SV116="Ett datum (granskad, kontrollerad, uppdaterad ...) ligger efter dagens datum.")
def dates_not_ahead(store, site_urls):
    """A date after today says that something was done that is not done yet (a reader sees
    'granskad 2027-06-01', the accessibility statement is a legal text), and it holds back the
    reminders of old dates (SV433, SV504) for as long: an error, most often a mistyped year."""
    day = today()
    for file, line, key, date in _written(store):
        if date > day:
            yield Problem(
                file,
                line,
                "SV116",
                f"Datumet {date} i {key}: ligger efter dagens datum ({day}). Skriv det datum då det gjordes; "
                "ofta är året eller månaden felskriven.",
            )


RULES = (dates_not_ahead,)
