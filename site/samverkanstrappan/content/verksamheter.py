"""A municipality's directory of verksamheter: `kommuner/<slug>/verksamheter.yaml`.

Modelled on Open Referral HSDS (organization → service → phone, location,
schedule) with Swedish extras: huvudman, kind of verksamhet, "så här tar du
kontakt" and the date the entry was last checked.
"""

import datetime
import os
from dataclasses import dataclass, field

from . import oppettider, schema, yamltext
from .oppettider import Oppettider
from .problems import Problem
from .schema import Field
from .verksamhetstyper import HUVUDMAN, TYPER

ORGANISATION_FIELDS = (
    Field("id", "text", "ett kort namn för organisationen, som verksamheterna pekar på.", required=True),
    Field("namn", "text", "organisationens namn, till exempel Exempelstads kommun.", required=True),
    Field("huvudman", "choice", f"vem som ansvarar: {', '.join(HUVUDMAN)}.", required=True, choices=HUVUDMAN),
    Field("webb", "url", "organisationens webbplats, som börjar med https://."),
)
SERVICE_FIELDS = (
    Field("id", "text", "ett kort namn för verksamheten, unikt i filen (används i öppna data).", required=True),
    Field("namn", "text", "verksamhetens namn som invånare känner igen.", required=True),
    Field("organisation", "text", "id för organisationen som driver verksamheten.", required=True),
    Field(
        "typ",
        "choice",
        "vilken sorts verksamhet det är. Vägvisaren hänvisar till typer, inte namn.",
        required=True,
        choices=tuple(TYPER),
    ),
    Field("beskrivning", "text", "en eller två meningar om vad verksamheten hjälper till med.", required=True),
    Field("telefon", "block", "en lista med telefonnummer, vart och ett med nummer och öppettider.", required=True),
    Field("adress", "block", "besöksadress med gata, postnummer och ort."),
    Field("webb", "url", "verksamhetens egen webbsida, som börjar med https://."),
    Field("epost", "email", "e-postadress som invånare kan skriva till."),
    Field("sprak", "list", "språk som personalen talar, till exempel [svenska, engelska, arabiska]."),
    Field("kontakt", "text", "så här tar du kontakt: vad som händer när man ringer eller kommer dit.", required=True),
    Field("kontrollerad", "date", "datum då någon senast kontrollerade uppgifterna.", required=True),
)
PHONE_FIELDS = (
    Field("nummer", "phone", "telefonnumret, till exempel 010-123 45 67.", required=True),
    Field(
        "oppettider",
        "text",
        "när numret svarar: dagar och sedan tider. Dagar: en veckodag (måndag, måndagar, mån eller må), "
        "måndag–fredag (eller måndag till fredag), vardagar, helger, alla dagar eller skoldagar; dagar "
        "som har samma tider skrivs med och, som i Tisdagar och torsdagar 9–11. Tider: 8–16, 8.30–16.15, 9–12 och "
        "13–15, 16–08 (över natten) eller dygnet runt. Skilj flera delar med kommatecken eller och, till "
        "exempel Vardagar 8–16, helger 10–14 eller Måndag–torsdag 9–12 och fredag 9–11; varje dag skrivs "
        "en gång. Bara Dygnet runt betyder alla dagar. Annat om tiderna (lunchstängt, stängt i juli) "
        "skrivs i kontakt. Webbplatsen skriver tiderna på läsarens språk.",
        required=True,
    ),
    Field("beskrivning", "text", "vad numret är till för, om verksamheten har flera."),
)
ADDRESS_FIELDS = (
    Field("gata", "text", "gatuadress, till exempel Storgatan 1.", required=True),
    Field("postnummer", "text", "postnummer, till exempel 123 45.", required=True),
    Field("ort", "text", "ort.", required=True),
)
FILE_FIELDS = (
    Field("organisationer", "block", "listan med organisationer (kommunen, regionen, myndigheter ...).", required=True),
    Field("verksamheter", "block", "listan med verksamheter.", required=True),
)
STALE_AFTER = datetime.timedelta(days=365)

# The reader's own code: hours the site cannot write in other languages or as open data.
BAD_HOURS = "SV505"
CODES = {BAD_HOURS: "Öppettiderna för ett telefonnummer går inte att läsa som dagar och tider."}


@dataclass(frozen=True)
class Phone:
    nummer: str
    oppettider: Oppettider
    beskrivning: str = ""

    @property
    def tel(self) -> str:
        return schema.tel(self.nummer)


@dataclass(frozen=True)
class Organisation:
    id: str
    namn: str
    huvudman: str
    webb: str = ""


@dataclass(frozen=True)
class Verksamhet:
    id: str
    namn: str
    organisation: Organisation | None  # None: the id names no organisation (the rules report it)
    typ: str
    beskrivning: str
    telefon: tuple[Phone, ...]
    kontakt: str
    kontrollerad: datetime.date | None  # None only in an entry with mistakes (never shown)
    adress: dict | None = None
    webb: str = ""
    epost: str = ""
    sprak: tuple[str, ...] = ()
    line: int = 0
    organisation_id: str = ""
    lines: dict = field(default_factory=dict, compare=False)
    # A number written but not readable (reported where it stands): not "no number" as well.
    phones_unreadable: bool = field(default=False, compare=False)


class Directory(dict):
    """The services the site shows, by id; `entries` has every service as written, in
    order, also those the site cannot show (unknown organisation, an id used twice, a
    value that cannot be read: "" or None), so that the rules in validation/ can say what
    else is wrong with them."""

    def __init__(self):
        super().__init__()
        self.entries: list[Verksamhet] = []
        # Each organisation as written, with its line: a second with the same id is a mistake.
        self.organisations: list[tuple[Organisation, int]] = []

    def kinds(self) -> set[str]:
        """The kinds of verksamhet written, also in entries with mistakes (reported where they
        are): a vardcentral with a wrong date is not also a vardcentral missing (SV312)."""
        return {service.typ for service in self.entries}


def _items(data, key, file, problems):
    """The maps in a list under `key`; a problem for anything else."""
    entries = data.get(key)
    if not isinstance(entries, yamltext.YamlList):
        return []
    items = []
    for entry, line in zip(entries, entries.lines):
        if isinstance(entry, yamltext.YamlMap):
            items.append(entry)
        else:
            problems.append(
                Problem(file, line, yamltext.SHAPE, f"Varje post under '{key}' ska ha nycklar som namn: och id:.")
            )
    return items


def load(path, file: str) -> tuple[Directory, list[Problem]]:
    """Every service in the directory, and every problem reading the file."""
    services = Directory()
    if not os.path.isfile(path):
        return services, []
    data, problems = yamltext.load_file(path, file)
    if not isinstance(data, yamltext.YamlMap):
        return services, problems or [
            Problem(file, 1, yamltext.SHAPE, "Filen ska ha listorna organisationer: och verksamheter:.")
        ]
    problems += schema.check_mapping(data, FILE_FIELDS, file)
    organisations = {}
    for entry in _items(data, "organisationer", file, problems):
        problems += schema.check_mapping(entry, ORGANISATION_FIELDS, file)
        values = schema.values(entry, ORGANISATION_FIELDS)
        if "id" in values:
            organisation = Organisation(**{k: values.get(k, "") for k in ("id", "namn", "huvudman", "webb")})
            services.organisations.append((organisation, entry.line_of("id")))
            # The first keeps the id (SV506 reports the second): the last one written took it,
            # and a region's services were shown as Försäkringskassan's, under "Staten".
            organisations.setdefault(organisation.id, organisation)
    for entry in _items(data, "verksamheter", file, problems):
        service, complete, found = _service(entry, organisations, file)
        problems += found
        services.entries.append(service)
        if complete and service.organisation and service.id not in services:
            services[service.id] = service
    return services, problems


def _bad_hours(file: str, line: int, text: str, error: ValueError) -> Problem:
    message = (
        f"Öppettiderna '{text}' går inte att läsa: {error}. Skriv till exempel {oppettider.EXAMPLE}. "
        "Annat om tiderna (lunchstängt, stängt i juli, utom helgdagar) skrivs i kontakt:."
    )
    return Problem(file, line, BAD_HOURS, message)


def _written(numbers) -> int:
    """How many numbers an editor wrote under telefon: (a text in place of the list is one)."""
    return len(numbers) if isinstance(numbers, list) else int(bool(numbers))


def _service(entry, organisations, file) -> tuple[Verksamhet, bool, list[Problem]]:
    """The service as written, whether the site can show it (every text it needs readable),
    and the problems in it."""
    problems = list(schema.check_mapping(entry, SERVICE_FIELDS, file))
    values = schema.values(entry, SERVICE_FIELDS)
    phones = []
    for phone in _items(entry, "telefon", file, problems) if "telefon" in values else []:
        found = list(schema.check_mapping(phone, PHONE_FIELDS, file))
        read = schema.values(phone, PHONE_FIELDS)
        if "oppettider" in read:  # also beside a wrong number: both are told at once
            try:
                read["oppettider"] = oppettider.parse(read["oppettider"])
            except ValueError as error:
                found.append(_bad_hours(file, phone.line_of("oppettider"), read["oppettider"], error))
        problems += found
        if not found:
            phones.append(Phone(**read))
    if isinstance(values.get("adress"), yamltext.YamlMap):
        problems += schema.check_mapping(values["adress"], ADDRESS_FIELDS, file)
        values["adress"] = schema.values(values["adress"], ADDRESS_FIELDS)
    elif "adress" in values:
        problems.append(
            Problem(
                file,
                entry.line_of("adress"),
                yamltext.SHAPE,
                "'adress' ska ha gata:, postnummer: och ort: på egna rader.",
            )
        )
    # Every service is kept with what can be read of it ("" or None for the rest), its mistakes
    # reported where they are: the rules still check what can be (its organisation, its id,
    # its date), and its translations and the outcomes that need its kind do not each report
    # it missing as well. Only one whose id, name, kind, texts and date can be read is among
    # the services the site shows (one with a wrong number or address too: the build stops).
    required = [f.name for f in SERVICE_FIELDS if f.required and f.name != "telefon"]
    complete = all(name in values for name in required)
    if not isinstance(values.get("adress"), dict):
        values.pop("adress", None)
    organisation_id = values.pop("organisation", "")
    values = {name: "" for name in required} | {"kontrollerad": None} | values
    values.update(
        phones_unreadable=len(phones) < _written(entry.get("telefon")),
        organisation=organisations.get(organisation_id),
        organisation_id=organisation_id,
        telefon=tuple(phones),
        sprak=tuple(values.get("sprak", ())),
        line=entry.line,
        lines=dict(entry.lines),
    )
    return Verksamhet(**values), complete, problems
