"""A municipality's basic settings: `kommuner/<slug>/kommun.yaml`.

Name, code, region, address, languages, colours, logo, the contact for
feedback and the facts of the accessibility statement (tillgänglighets-
redogörelse) that the law asks every public website to publish.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import farger, schema, yamltext
from .problems import WARNING, Problem
from .schema import Field
from .sprak import SOURCE, SPRAK

FIELDS = (
    Field(
        "namn", "text", "kommunens namn som det ska stå på varje sida, till exempel Exempelstads kommun.", required=True
    ),
    Field("kommunkod", "text", 'kommunens fyrsiffriga kod från SCB, inom citattecken: "9901".', required=True),
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
    Field("brister", "list", "kända brister, en per rad i en lista. Krävs när status är delvis eller inte."),
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
    sprak: tuple[str, ...]
    synpunkter: dict
    tillganglighet: dict
    farger: dict = field(default_factory=dict)
    logotyp: Path | None = None
    exempel: bool = False
    lines: dict = field(default_factory=dict, compare=False)

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


def _statement_problems(statement: dict, line: int, file: str, today: datetime.date) -> list[Problem]:
    """What Digg's requirements add to the keys: known problems named, dates in order and recent."""
    problems = []
    if statement.get("status") in ("delvis", "inte") and not statement.get("brister"):
        problems.append(
            Problem(
                file,
                line,
                "Redogörelsen säger att webbplatsen inte är helt tillgänglig men "
                "nämner inga brister. Skriv dem under brister:.",
            )
        )
    if statement.get("status") == "helt" and statement.get("brister"):
        problems.append(
            Problem(
                file,
                statement["lines"]["brister"],
                "Status är helt förenlig, men det finns brister. Ändra status till delvis.",
            )
        )
    made, updated = statement.get("upprattad"), statement.get("uppdaterad")
    if made and updated and updated < made:
        problems.append(Problem(file, statement["lines"]["uppdaterad"], "uppdaterad är före upprattad."))
    if updated and today - updated > REVIEW_EVERY:
        problems.append(
            Problem(
                file,
                statement["lines"]["uppdaterad"],
                f"Redogörelsen sågs över {updated}, för mer än ett år sedan. Se över den och ändra datumet.",
                WARNING,
            )
        )
    return problems


def load(path: Path, slug: str, file: str, today: datetime.date | None = None) -> tuple[Kommun | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(file, 1, f"Kommunen '{slug}' saknar filen kommun.yaml med sina grunduppgifter.")]
    data, problems = yamltext.load(path.read_text(encoding="utf-8"), file)
    if not isinstance(data, yamltext.YamlMap):
        return None, problems or [Problem(file, 1, "Filen ska ha nyckel: värde, en per rad.")]
    problems += schema.check_mapping(data, FIELDS, file)
    values = schema.values(data, FIELDS)
    for code in values.get("sprak", []):
        if code not in SPRAK:
            problems.append(
                Problem(file, data.line_of("sprak"), f"Språket '{code}' finns inte. Välj bland {', '.join(SPRAK)}.")
            )
    if "sprak" in values and SOURCE not in values["sprak"]:
        problems.append(Problem(file, data.line_of("sprak"), "Svenska (sv) måste vara med bland språken."))
    colours = _block(data, "farger", COLOUR_FIELDS, file, problems)
    for fore, back, where, ratio in farger.low_contrast({k: v for k, v in colours.items() if k != "lines" and v}):
        problems.append(
            Problem(
                file,
                colours["lines"].get(fore, data.line_of("farger")),
                f"Färgerna {fore} och {back} har för liten kontrast ({ratio:.1f}:1, minst "
                f"{farger.MIN_CONTRAST}:1 behövs). Det gäller {where}. Välj en mörkare eller "
                "ljusare färg.",
            )
        )
    values["synpunkter"] = _block(data, "synpunkter", CONTACT_FIELDS, file, problems)
    values["tillganglighet"] = _block(data, "tillganglighet", STATEMENT_FIELDS, file, problems)
    problems += _statement_problems(
        values["tillganglighet"], data.line_of("tillganglighet"), file, today or datetime.date.today()
    )
    values["logotyp"] = _logo(path.parent, values.get("logotyp"), data, file, problems)
    if any(p.level != WARNING for p in problems):
        return None, problems
    values["sprak"] = tuple(values["sprak"])
    values["farger"] = {k: v for k, v in colours.items() if k != "lines" and v}
    return Kommun(slug=slug, lines=dict(data.lines), **values), problems


def _logo(folder: Path, name: str | None, data, file: str, problems: list) -> Path | None:
    if not name:
        return None
    logo = folder / name
    if Path(name).name != name or logo.suffix.lower() not in LOGO_TYPES:
        problems.append(
            Problem(
                file,
                data.line_of("logotyp"),
                f"Logotypen '{name}' ska vara en svg- eller png-fil i samma mapp som kommun.yaml.",
            )
        )
    elif not logo.is_file():
        problems.append(Problem(file, data.line_of("logotyp"), f"Filen '{name}' finns inte i {folder.name}/."))
    elif logo.stat().st_size > LOGO_MAX_BYTES:
        problems.append(
            Problem(
                file,
                data.line_of("logotyp"),
                f"Logotypen är {logo.stat().st_size // 1024} kB. Högst 30 kB, så att sidorna laddar snabbt.",
            )
        )
    else:
        return logo
    return None
