"""A municipality's basic settings: `kommuner/<slug>/kommun.yaml`.

Name, code, region, address, languages, colours, logo, the contact for
feedback and the facts of the accessibility statement (tillgänglighets-
redogörelse) that the law asks every public website to publish.
"""

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import farger, schema, yamltext
from .problems import Problem
from .schema import Field
from .sprak import SOURCE, SPRAK

FIELDS = (
    Field(
        "namn", "text", "kommunens namn som det ska stå på varje sida, till exempel Exempelstads kommun.", required=True
    ),
    Field("kommunkod", "kommunkod", 'kommunens fyrsiffriga kod från SCB, inom citattecken: "9901".', required=True),
    Field("region", "text", "regionen som kommunen ligger i, till exempel Region Exempel.", required=True),
    Field(
        "webbadress",
        "url",
        "adressen där webbplatsen publiceras, till exempel https://stod.exempelstad.se/.",
        required=True,
    ),
    Field(
        "sprak",
        "list",
        f"språken som publiceras, till exempel [sv, en, ar]. Välj bland {', '.join(SPRAK)}. "
        "Svenska (sv) måste finnas med.",
        required=True,
    ),
    Field("exempel", "yesno", "ja om kommunen är påhittad och bara ett exempel. Då står det på varje sida."),
    Field("farger", "block", "kommunens färger, se farger nedan. Utan dem används webbplatsens blå färger."),
    Field(
        "logotyp",
        "text",
        "filnamnet på kommunens logotyp i samma mapp, till exempel logotyp.svg "
        "(svg eller png, högst 30 kB). Utan den står bara namnet.",
    ),
    Field(
        "synpunkter", "block", "vart invånare skickar synpunkter på webbplatsen, se synpunkter nedan.", required=True
    ),
    Field(
        "tillganglighet",
        "block",
        "uppgifterna till tillgänglighetsredogörelsen, se tillganglighet nedan.",
        required=True,
    ),
)
COLOUR_FIELDS = (
    Field(
        "primar",
        "colour",
        "huvudfärgen: sidhuvudet, länkar och trappans siffror. Den ska synas mot vitt.",
        required=True,
    ),
    Field("primar_text", "colour", 'text ovanpå huvudfärgen, oftast vit: "#ffffff".', required=True),
    Field("yta", "colour", 'ljus bakgrund för rutor och trappan, till exempel "#f3f5f8".', required=True),
)
CONTACT_FIELDS = (
    Field("epost", "email", "e-postadress dit synpunkter skickas.", required=True),
    Field("telefon", "phone", "telefonnummer för synpunkter, om det finns ett."),
)
STATUS = ("helt", "delvis", "inte")
METHODS = ("sjalvskattning", "extern")
STATEMENT_FIELDS = (
    Field(
        "status",
        "choice",
        "hur väl webbplatsen följer lagen (DOS-lagen): helt, delvis eller inte förenlig.",
        required=True,
        choices=STATUS,
    ),
    Field("brister", "lines", "kända brister, en per rad i en lista. Krävs när status är delvis eller inte."),
    Field(
        "bedomning",
        "choice",
        "hur webbplatsen granskades: sjalvskattning (ni själva) eller extern (någon utomstående).",
        required=True,
        choices=METHODS,
    ),
    Field("bedomd", "date", "datum då webbplatsen senast granskades.", required=True),
    Field("upprattad", "date", "datum då redogörelsen först skrevs.", required=True),
    Field("uppdaterad", "date", "datum då redogörelsen senast sågs över (minst en gång om året).", required=True),
    Field("epost", "email", "e-postadress dit man anmäler brister i tillgängligheten.", required=True),
    Field("telefon", "phone", "telefonnummer för att anmäla brister, om det finns ett."),
    Field("svarstid_dagar", "integer", "inom hur många arbetsdagar ni svarar, till exempel 5."),
)
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
LOGO_MAX_BYTES = 30 * 1024
REVIEW_EVERY = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Kommun:
    slug: str
    namn: str
    kommunkod: str
    region: str
    webbadress: str
    listed_sprak: tuple[str, ...] | None  # as written (the rules report unknown ones); None: not readable
    synpunkter: dict
    tillganglighet: dict
    farger: dict = field(default_factory=dict)
    logotyp: Path | None = None  # as written, beside kommun.yaml; the rules check that it is there
    exempel: bool = False
    lines: dict = field(default_factory=dict, compare=False)
    farger_lines: dict = field(default_factory=dict, compare=False)

    @property
    def sprak(self) -> tuple[str, ...]:
        """The languages the site is built in: those listed that exist, and always Swedish,
        the source every page falls back to (the rules report the rest, and the build stops).
        Each once: a language written twice (SV403) must not be read, indexed or built twice."""
        known = tuple(dict.fromkeys(code for code in self.listed_sprak or () if code in SPRAK))
        return known if SOURCE in known else (SOURCE, *known)

    @property
    def css(self) -> str:
        return farger.css(self.farger)


def _block(data, key, fields, file, problems) -> dict:
    """The typed values of a nested block, its problems added to `problems`."""
    block = data.get(key)
    if not isinstance(block, yamltext.YamlMap):
        return {}
    problems += schema.check_mapping(block, fields, file)
    values = {field.name: None for field in fields} | schema.values(block, fields)  # absent: None, never missing
    values["lines"] = dict(block.lines)
    return values


def load(path: Path, slug: str, file: str) -> tuple[Kommun | None, list[Problem]]:
    """The settings when they can be read; what they must meet is checked in validation/."""
    if not os.path.isdir(path.parent):
        known = sorted(folder.name for folder in path.parent.parent.iterdir() if folder.is_dir())
        return None, [
            Problem(
                str(Path(file).parent),
                1,
                yamltext.NO_SUCH_KOMMUN,
                f"Kommunen '{slug}' finns inte: mappen saknas. Kommunerna som finns: {', '.join(known) or 'inga'}.",
            )
        ]
    if not os.path.isfile(path):
        return None, [
            Problem(
                file, 1, yamltext.FILE_MISSING, f"Kommunen '{slug}' saknar filen kommun.yaml med sina grunduppgifter."
            )
        ]
    data, problems = yamltext.load_file(path, file)
    if not isinstance(data, yamltext.YamlMap):
        return None, problems or [Problem(file, 1, yamltext.SHAPE, "Filen ska ha nyckel: värde, en per rad.")]
    problems += schema.check_mapping(data, FIELDS, file)
    values = schema.values(data, FIELDS)
    colours = _block(data, "farger", COLOUR_FIELDS, file, problems)
    values["synpunkter"] = _block(data, "synpunkter", CONTACT_FIELDS, file, problems)
    values["tillganglighet"] = _block(data, "tillganglighet", STATEMENT_FIELDS, file, problems)
    # What cannot be read is reported where it is (the build stops), and left out: the rest is
    # still checked, so that one wrong key does not hide the logo, the colours or the statement
    # until it is fixed. The rules pass by what is left out (a colour, the languages).
    name = values.get("logotyp")
    return Kommun(
        slug=slug,
        namn=values.get("namn", ""),
        kommunkod=values.get("kommunkod", ""),
        region=values.get("region", ""),
        webbadress=values.get("webbadress", ""),
        listed_sprak=tuple(values.pop("sprak")) if "sprak" in values else None,
        farger={k: v for k, v in colours.items() if k != "lines" and v},
        farger_lines=colours.get("lines", {}),
        logotyp=path.parent / name if name else None,
        lines=dict(data.lines),
        **{k: v for k, v in values.items() if k in ("exempel", "synpunkter", "tillganglighet")},
    ), problems
