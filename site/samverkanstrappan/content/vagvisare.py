"""The vägvisare's routing: questions and outcomes with explicit ids and links.

Routing is data, in one file (`vagvisare/flode.yaml`); the words of every node
are content, one Markdown file per node and language (`vagvisare/<språk>/<id>.md`).
A page's URL is the answers given so far (`/sv/vagvisare/aldre/minne/`), so every
step can be sent to a caller and shows the answers that led there.
"""

import os
from dataclasses import dataclass, field

from . import schema, yamltext
from .problems import Problem
from .schema import Field
from .trappsteg import TRAPPSTEG

MAX_QUESTIONS = 5
# Path segments the vägvisare's own pages use; an answer may not be called so.
RESERVED = ("utfall", "manus", "flera")
# Words for staff, beside the nodes' words in vagvisare/sv/: what to do (the stafettpinne), when to
# suggest a SIP, what to ask a caller who sounds hopeless, and their duty to report a child at risk.
# Swedish only: staff work in Swedish.
STAFF_TEXTS = ("personal", "personal-sip", "sakerhet", "orosanmalan")

QUESTION_FIELDS = (
    Field(
        "svar", "block", "svaren, ett per rad: svarets id: id för frågan eller utfallet det leder till.", required=True
    ),
    Field("kanslig", "yesno", "ja om frågan rör våld, självmord eller barn i fara: då visas akut hjälp först."),
    Field("lamna_snabbt", "yesno", "ja för att visa knappen Lämna sidan snabbt (till exempel vid våld)."),
)
OUTCOME_FIELDS = (
    Field("verksamheter", "list", "typer av verksamhet som personen ska kontakta, till exempel [vardcentral]."),
    Field("nummer", "list", "nationella nummer som ska visas, till exempel [akut, sjalvmordslinjen]."),
    Field("trappsteg", "choice", "vilket steg i trappan utfallet är.", required=True, choices=TRAPPSTEG),
    Field("kanslig", "yesno", "ja om utfallet rör våld, självmord eller barn i fara: då visas akut hjälp först."),
    Field("lamna_snabbt", "yesno", "ja för att visa knappen Lämna sidan snabbt."),
    Field(
        "samordnare",
        "list",
        "roller som kan hålla ihop stödet (steg 6), till exempel [fast-vardkontakt, rehabkoordinator].",
    ),
    Field(
        "hopplos",
        "yesno",
        "ja om den som ringer här ofta låter hopplös eller inte orkar: då påminns personalen om att fråga "
        "om självmordstankar.",
    ),
    Field(
        "orosanmalan",
        "yesno",
        "ja om det som personen berättar här kan betyda att ett barn far illa: då påminns personalen om "
        "att de själva måste anmäla till socialtjänsten.",
    ),
    Field(
        "bollas",
        "yesno",
        "ja om verksamheterna här ofta hänvisar till varandra: då säger sidan det och föreslår en SIP.",
    ),
    Field(
        "till_narstaende",
        "yesno",
        "ja om texten är skriven till en närstående som behöver stöd för egen del: då står det inte att "
        "texten är skriven till den som behöver hjälpen.",
    ),
)
FILE_FIELDS = (
    Field("start", "text", "id för den första frågan.", required=True),
    Field("fragor", "map", "frågorna, var och en med sina svar.", required=True),
    Field("utfall", "map", "utfallen: vart frågorna till slut leder.", required=True),
    Field(
        "behov",
        "map",
        "behov som kan läggas ihop (Behöver du hjälp med något mer?): startfrågans svar, vart och ett "
        "med de utfall vars kontakter ett kombinerat svar visar, till exempel aldre: [aldre-hemma]. "
        "Ett kombinerat svar frågar inget mer. Beror svaret på en fråga, till exempel hur gammal någon "
        "är, skriv alla utfallen: hem-fran-sjukhus: [hem-fran-sjukhus, hem-fran-sjukhus-yngre].",
    ),
    Field(
        "tillsammans",
        "map",
        "behov som visar fler utfall när ett annat behov också är valt. Skriv behovet, och indraget "
        "under det det andra behovet med utfallen, till exempel beroende: och under det barn: "
        "[barn-beroende]. Den som väljer både barn och beroende kan mena ett barn som dricker.",
    ),
    Field(
        "narstaende",
        "list",
        "svar som betyder att en närstående frågar för någon annan, till exempel [for-nagon-annan]. "
        "Då visar utfallet stöd för anhöriga och vad en närstående kan säga.",
    ),
)
# The words of a node, per language: vagvisare/<språk>/<id>.md
TEXT_FIELDS = (
    Field("fraga", "text", "frågan, som den visas (bara för frågor)."),
    Field("svar", "block", "texten för varje svar: svarets id: texten (bara för frågor)."),
    Field("titel", "text", "utfallets rubrik: vem du ska kontakta (bara för utfall)."),
    Field("sag_sa_har", "text", "vad personen kan säga när hen ringer (bara för utfall)."),
    Field(
        "sokord",
        "list",
        "fler ord som folk kan söka på, som de själva skriver, till exempel [glömmer allt, minnet sviktar] "
        "(bara för utfall).",
    ),
    Field(
        "sag_sa_har_narstaende",
        "text",
        "vad en närstående kan säga när hen ringer för någon annan (bara för utfall).",
    ),
    Field("granskad", "date", "datum då någon senast läste igenom texten.", required=True),
    Field("oversattning_granskad", "yesno", "bara i översättningar: ja när en människa har granskat den."),
)


@dataclass(frozen=True)
class Answer:
    id: str
    target: str
    line: int


@dataclass(frozen=True)
class Question:
    id: str
    answers: tuple[Answer, ...]
    line: int
    kanslig: bool = False
    lamna_snabbt: bool = False


@dataclass(frozen=True)
class Outcome:
    id: str
    verksamheter: tuple[str, ...]
    nummer: tuple[str, ...]
    trappsteg: str
    line: int
    kanslig: bool = False
    lamna_snabbt: bool = False
    samordnare: tuple[str, ...] = ()
    bollas: bool = False
    hopplos: bool = False
    till_narstaende: bool = False  # its words speak to the närstående (anhörigstöd), not for someone
    orosanmalan: bool = False  # what is told here may mean a child is at risk: staff must report it
    # Contacts written but not readable (reported where they stand): not "no contact" as well.
    contacts_unreadable: bool = field(default=False, compare=False)
    # The lines of its keys as written (verksamheter:, nummer:): a wrong kind is told there, not
    # at the outcome's first line (an editor's walk, session 44).
    lines: dict = field(default_factory=dict, compare=False)

    @property
    def several_services(self) -> bool:
        """More than one verksamhet: the person can ask for a SIP."""
        return len(self.verksamheter) > 1


@dataclass
class Flow:
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    file: str
    # need (an answer to the start question) -> the outcomes a combined answer shows for it
    behov: dict[str, tuple[str, ...]] = field(default_factory=dict)
    behov_lines: dict[str, int] = field(default_factory=dict)
    narstaende: tuple[str, ...] = ()  # answers that mean a närstående is asking for someone else
    start_line: int = 1
    # need -> another need -> the outcomes a combined answer of both also shows for the first
    tillsammans: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    tillsammans_lines: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)  # its line, each other's

    def asked_by_narstaende(self, answers: tuple[str, ...]) -> bool:
        return any(answer in self.narstaende for answer in answers)

    def first_path(self, node_id: str) -> tuple[str, ...] | None:
        """The first answers that lead to `node_id`: the address of its public page."""
        return self.first_paths().get(node_id)

    def first_paths(self) -> dict[str, tuple[str, ...]]:
        """The first answers that lead to each node it reaches."""
        found: dict[str, tuple[str, ...]] = {}
        for path in self.paths():
            nodes = self.walk(path)
            if nodes:
                found.setdefault(nodes[-1].id, path)
        return found

    def first_narstaende_paths(self) -> dict[str, tuple[str, ...]]:
        """The first answers of a närstående (through an answer of `narstaende`) to each node."""
        found: dict[str, tuple[str, ...]] = {}
        for path in self.paths():
            nodes = self.walk(path) if self.asked_by_narstaende(path) else None
            if nodes:
                found.setdefault(nodes[-1].id, path)
        return found

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)

    def walk(self, answers: tuple[str, ...]) -> list[Question | Outcome] | None:
        """The nodes met along `answers`, starting with the first question; None if a step is not an answer."""
        nodes = [self.questions[self.start]]
        for answer_id in answers:
            node = nodes[-1]
            answer = next((a for a in getattr(node, "answers", ()) if a.id == answer_id), None)
            if answer is None or self.node(answer.target) is None:
                return None
            nodes.append(self.node(answer.target))
        return nodes

    def paths(self) -> list[tuple[str, ...]]:
        """Every path of answers from the start to each node it reaches (cycles are cut)."""
        found: list[tuple[str, ...]] = []

        def visit(node_id: str, path: tuple[str, ...], seen: tuple[str, ...]):
            found.append(path)
            node = self.questions.get(node_id)
            for answer in node.answers if node else ():
                if answer.target not in seen and self.node(answer.target):
                    visit(answer.target, path + (answer.id,), seen + (answer.target,))

        if self.start in self.questions:
            visit(self.start, (), (self.start,))
        return found


def load(path, file: str) -> tuple[Flow | None, list[Problem]]:
    if not os.path.isfile(path):
        return None, [Problem(file, 1, yamltext.FILE_MISSING, "Vägvisarens fil flode.yaml saknas.")]
    data, problems = yamltext.load_file(path, file)
    if not isinstance(data, yamltext.YamlMap):
        return None, problems or [Problem(file, 1, yamltext.SHAPE, "Filen ska ha start:, fragor: och utfall:.")]
    problems += schema.check_mapping(data, FILE_FIELDS, file)
    values = schema.values(data, FILE_FIELDS)
    questions, outcomes = {}, {}
    for node_id, node, line in _nodes(values.get("fragor"), file, problems):
        problems += schema.check_mapping(node, QUESTION_FIELDS, file)
        answers = node.get("svar")
        if not isinstance(answers, yamltext.YamlMap):
            continue
        found = tuple(
            Answer(answer_id, target if isinstance(target, str) else "", answers.line_of(answer_id))
            for answer_id, target in answers.items()
        )
        flags = schema.values(node, QUESTION_FIELDS)
        questions[node_id] = Question(
            node_id, found, line, flags.get("kanslig", False), flags.get("lamna_snabbt", False)
        )
    for node_id, node, line in _nodes(values.get("utfall"), file, problems):
        problems += schema.check_mapping(node, OUTCOME_FIELDS, file)
        flags = schema.values(node, OUTCOME_FIELDS)
        outcomes[node_id] = Outcome(
            node_id,
            tuple(flags.get("verksamheter", ())),
            tuple(flags.get("nummer", ())),
            flags.get("trappsteg", TRAPPSTEG[2]),
            line,
            flags.get("kanslig", False),
            flags.get("lamna_snabbt", False),
            tuple(flags.get("samordnare", ())),
            flags.get("bollas", False),
            flags.get("hopplos", False),
            flags.get("till_narstaende", False),
            flags.get("orosanmalan", False),
            contacts_unreadable=any(key in node and key not in flags for key in ("verksamheter", "nummer")),
            lines=dict(node.lines),
        )
    behov, lines = _behov(values.get("behov"), file, problems)
    together_block = values.get("tillsammans")
    together = {
        need: (line, *_behov(block, file, problems)) for need, block, line in _nodes(together_block, file, problems)
    }
    narstaende = tuple(values.get("narstaende", ()))
    start = values.get("start", "")
    return Flow(
        start,
        questions,
        outcomes,
        file,
        behov,
        lines,
        narstaende,
        data.line_of("start"),
        {need: found for need, (_, found, _) in together.items()},
        {need: (line, found_lines) for need, (line, _, found_lines) in together.items()},
    ), problems


def _behov(block, file, problems) -> tuple[dict, dict]:
    """need id -> outcome ids, as written; the rules check that they exist."""
    found, lines = {}, {}
    if not isinstance(block, yamltext.YamlMap):
        return found, lines
    for need, outcomes in block.items():
        field = Field(need, "list", "")
        value, error = schema.read(field, outcomes)
        if error:
            code = schema.error_code(field, outcomes)
            problems.append(Problem(file, block.line_of(need), code, f"'{need}' {error}."))
            continue
        found[need], lines[need] = tuple(value), block.line_of(need)
    return found, lines


def _nodes(block, file, problems):
    if not isinstance(block, yamltext.YamlMap):
        return
    for node_id, node in block.items():
        if isinstance(node, yamltext.YamlMap):
            yield node_id, node, block.line_of(node_id)
        else:
            message = f"'{node_id}' ska ha egna indragna rader under sig."
            problems.append(Problem(file, block.line_of(node_id), yamltext.SHAPE, message))
