"""National emergency and help numbers: one data file, with the date each was checked."""

from dataclasses import dataclass, field
from datetime import date

from . import schema, yamltext
from .oppettider import DYGNET_RUNT
from .problems import Problem
from .schema import Field
from .verksamhetstyper import N_

FIELDS = (
    Field("id", "text", "ett kort namn för numret, som mallarna använder (akut, vardguiden ...).", required=True),
    Field("nummer", "text", "numret så som det skrivs, till exempel 020-50 50 50.", required=True),
    Field("oppet", "text", "när numret svarar, till exempel dygnet runt.", required=True),
    Field("kontrollerad", "date", "datum då någon senast kontrollerade numret.", required=True),
    Field("kalla", "text", "var numret kontrollerades.", required=True),
    # A 19-year-old who avoids calls read "you can also chat with them" and found no way to (session 33).
    Field("chatt", "url", "adressen till numrets chatt, som börjar med https://, om det finns en."),
)
# The emergency block on every page (partials/nodlage.html) and the footer show these; the data file
# must have them.
ALWAYS_SHOWN = ("akut", "vardguiden", "sjalvmordslinjen")

# Every id the site has words for: what the number is for, and one line about it. Interface
# strings (render/labels.py translates them; N_ only marks them for extraction). An id in
# the data file or in an outcome that is not here would break the build, so a rule checks it.
LABELS = {
    "akut": (N_("Akut fara för liv eller hälsa"), N_("SOS Alarm. Ambulans, polis och räddningstjänst. Dygnet runt.")),
    "vardguiden": (
        N_("Sjukvårdsrådgivning"),
        N_("1177 Vårdguiden. En sjuksköterska ger råd och säger vart du ska vända dig. Dygnet runt."),
    ),
    "sjalvmordslinjen": (
        N_("Självmordslinjen"),
        N_(
            "För dig som har tankar på att ta ditt liv, och för dig som är orolig för någon. Dygnet runt. Du kan vara anonym."  # noqa: E501
        ),
    ),
    "bris": (N_("Bris, för barn och unga"), N_("För dig under 18 år. Gratis, anonymt och dygnet runt.")),
    "kvinnofridslinjen": (
        N_("Kvinnofridslinjen"),
        N_(
            "För dig som utsätts för våld eller hot, och för närstående. Gratis, syns inte på telefonräkningen. Dygnet runt."  # noqa: E501
        ),
    ),
    "polisen": (N_("Polisen, när det inte är akut"), N_("Anmäl ett brott som inte pågår. Dygnet runt.")),
    "migrationsverket": (
        N_("Migrationsverket"),
        N_(
            "För dig som har sökt asyl eller har tillfälligt skydd: pengar att leva på, boende och ditt tillstånd att vara i Sverige. Vardagar, dagtid."  # noqa: E501
        ),
    ),
}


@dataclass(frozen=True)
class Helpline:
    id: str
    nummer: str
    oppet: str
    kontrollerad: date
    kalla: str
    chatt: str = ""
    line: int = field(default=0, compare=False)
    lines: dict = field(default_factory=dict, compare=False)  # of each key, for the rules

    @property
    def tel(self) -> str:
        return schema.tel(self.nummer)

    @property
    def dygnet_runt(self) -> bool:
        """Whether it answers at every hour: said beside the number where there is no room for its text."""
        return self.oppet == DYGNET_RUNT


class Helplines(dict):
    """The numbers by id; `line` is where the list starts, for what the rules find missing."""

    def __init__(self, line: int = 1):
        super().__init__()
        self.line = line


def load(path, file: str) -> tuple[Helplines, list[Problem]]:
    data, problems = yamltext.load_file(path, file)
    if data is None:
        return Helplines(), problems
    entries = data.get("nummer") if isinstance(data, yamltext.YamlMap) else None
    if not isinstance(entries, yamltext.YamlList):
        shape = Problem(file, getattr(data, "line", 1), yamltext.SHAPE, "Filen ska ha en lista 'nummer:'.")
        return Helplines(), [*problems, shape]
    helplines = Helplines(entries.line)
    for entry, line in zip(entries, entries.lines):
        if not isinstance(entry, yamltext.YamlMap):
            problems.append(
                Problem(
                    file,
                    line,
                    yamltext.SHAPE,
                    "Varje nummer ska ha nycklarna id, nummer, oppet, kontrollerad, kalla.",
                )
            )
            continue
        found = list(schema.check_mapping(entry, FIELDS, file))
        problems += found
        if not found:
            helpline = Helpline(**schema.values(entry, FIELDS), line=line, lines=dict(entry.lines))
            helplines[helpline.id] = helpline
    return helplines, problems
