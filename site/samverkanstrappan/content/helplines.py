"""National emergency and help numbers: one data file, with the date each was checked."""

from dataclasses import dataclass
from datetime import date

from . import schema, yamltext
from .problems import Problem
from .schema import Field

FIELDS = (
    Field("id", "text", "ett kort namn för numret, som mallarna använder (akut, vardguiden ...).", required=True),
    Field("nummer", "text", "numret så som det skrivs, till exempel 020-50 50 50.", required=True),
    Field("oppet", "text", "när numret svarar, till exempel dygnet runt.", required=True),
    Field("kontrollerad", "date", "datum då någon senast kontrollerade numret.", required=True),
    Field("kalla", "text", "var numret kontrollerades.", required=True),
)
# The emergency block shows these on every page; the data file must have them.
ALWAYS_SHOWN = ("akut", "vardguiden", "sjalvmordslinjen")


@dataclass(frozen=True)
class Helpline:
    id: str
    nummer: str
    oppet: str
    kontrollerad: date
    kalla: str

    @property
    def tel(self) -> str:
        return schema.tel(self.nummer)


def load(path, file: str) -> tuple[dict[str, Helpline], list[Problem]]:
    data, problems = yamltext.load(path.read_text(encoding="utf-8"), file)
    if data is None:
        return {}, problems
    entries = data.get("nummer") if isinstance(data, yamltext.YamlMap) else None
    if not isinstance(entries, yamltext.YamlList):
        return {}, [*problems, Problem(file, getattr(data, "line", 1), "Filen ska ha en lista 'nummer:'.")]
    helplines: dict[str, Helpline] = {}
    for entry, line in zip(entries, entries.lines):
        if not isinstance(entry, yamltext.YamlMap):
            problems.append(
                Problem(file, line, "Varje nummer ska ha nycklarna id, nummer, oppet, kontrollerad, kalla.")
            )
            continue
        found = list(schema.check_mapping(entry, FIELDS, file))
        problems += found
        if not found:
            helpline = Helpline(**schema.values(entry, FIELDS))
            helplines[helpline.id] = helpline
    for needed in ALWAYS_SHOWN:
        if needed not in helplines:
            problems.append(
                Problem(file, entries.line, f"Numret med id '{needed}' saknas. Nödblocket på varje sida behöver det.")
            )
    return helplines, problems
