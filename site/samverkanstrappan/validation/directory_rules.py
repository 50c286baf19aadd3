"""Checks on a municipality's directory of verksamheter (verksamheter.yaml)."""

import difflib

from ..content.problems import WARNING, Problem
from ..content.verksamheter import STALE_AFTER
from . import date_rules
from .registry import codes


@codes(
    SV501="En verksamhet pekar på en organisation som inte finns under organisationer:.",
    SV502="En verksamhet har inget telefonnummer.",
    SV503="Två verksamheter har samma id.",
    SV504="En verksamhets uppgifter kontrollerades för mer än 12 månader sedan (varning).",
    SV506="Två organisationer har samma id.",
)
def services_complete(store, site_urls):
    """Every organisation has its own id; every service belongs to a known organisation, can be
    phoned, has its own id and was checked lately."""
    file, today, seen = store.directory_file, date_rules.today(), set()
    first: dict[str, int] = {}
    for organisation, line in store.verksamheter.organisations:
        if organisation.id in first:
            yield Problem(
                file,
                line,
                "SV506",
                f"Id '{organisation.id}' används redan av organisationen på rad {first[organisation.id]}. "
                "Ge organisationen ett eget id, och låt dess verksamheter peka på det.",
            )
        first.setdefault(organisation.id, line)
    for service in store.verksamheter.entries:
        if service.organisation is None and service.organisation_id:  # "": missing or unreadable (SV111, SV112)
            close = difflib.get_close_matches(service.organisation_id, list(first), n=1)
            hint = f" Menade du '{close[0]}'?" if close else f" Där finns: {', '.join(first) or 'inga'}."
            yield Problem(
                file,
                service.lines.get("organisation", service.line),
                "SV501",
                f"Organisationen '{service.organisation_id}' finns inte under organisationer:.{hint}",
            )
        if not service.telefon and not service.phones_unreadable:
            yield Problem(
                file,
                service.lines.get("telefon", service.line),
                "SV502",
                "Verksamheten har inget telefonnummer. Alla kontakter behöver minst ett.",
            )
        if service.id and service.id in seen:
            yield Problem(file, service.line, "SV503", f"Id '{service.id}' används redan av en annan verksamhet.")
        seen.add(service.id)
        if service.kontrollerad and today - service.kontrollerad > STALE_AFTER:
            yield Problem(
                file,
                service.lines.get("kontrollerad", service.line),
                "SV504",
                f"Uppgifterna kontrollerades {service.kontrollerad}, för mer än 12 månader sedan. "
                "Ring och kontrollera dem.",
                WARNING,
            )


RULES = (services_complete,)
