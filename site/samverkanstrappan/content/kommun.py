"""A municipality's basic settings: `kommuner/<slug>/kommun.yaml`."""

from dataclasses import dataclass, field

from . import schema, yamltext
from .problems import Problem
from .schema import Field
from .sprak import SOURCE, SPRAK

FIELDS = (
    Field("namn", "text", "kommunens namn som det ska stå på varje sida, till exempel Exempelstads kommun.",
          required=True),
    Field("kommunkod", "text", "kommunens fyrsiffriga kod från SCB.", required=True),
    Field("region", "text", "regionen som kommunen ligger i, till exempel Region Exempel.", required=True),
    Field("webbadress", "text", "adressen där webbplatsen publiceras, till exempel https://stod.exempelstad.se/.",
          required=True),
    Field("sprak", "list", f"språken som publiceras, till exempel [sv, en, ar]. Välj bland {', '.join(SPRAK)}. "
          "Svenska (sv) måste finnas med.", required=True),
    Field("exempel", "yesno", "ja om kommunen är påhittad och bara ett exempel. Då står det på varje sida."),
)


@dataclass(frozen=True)
class Kommun:
    slug: str
    namn: str
    kommunkod: str
    region: str
    webbadress: str
    sprak: tuple[str, ...]
    exempel: bool = False
    lines: dict = field(default_factory=dict, compare=False)


def load(path, slug: str, file: str) -> tuple[Kommun | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(file, 1, f"Kommunen '{slug}' saknar filen kommun.yaml med sina grunduppgifter.")]
    data, problems = yamltext.load(path.read_text(encoding="utf-8"), file)
    if not isinstance(data, yamltext.YamlMap):
        return None, problems or [Problem(file, 1, "Filen ska ha nyckel: värde, en per rad.")]
    problems += schema.check_mapping(data, FIELDS, file)
    values = schema.values(data, FIELDS)
    for code in values.get("sprak", []):
        if code not in SPRAK:
            problems.append(Problem(file, data.line_of("sprak"), f"Språket '{code}' finns inte. Välj bland {', '.join(SPRAK)}."))
    if "sprak" in values and SOURCE not in values["sprak"]:
        problems.append(Problem(file, data.line_of("sprak"), "Svenska (sv) måste vara med bland språken."))
    if any(p.level == "fel" for p in problems):
        return None, problems
    values["sprak"] = tuple(values["sprak"])
    return Kommun(slug=slug, lines=dict(data.lines), **values), problems
