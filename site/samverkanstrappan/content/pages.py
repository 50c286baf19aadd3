"""Markdown pages with front matter: `sidor/<språk>/<nyckel>.md`.

A page's key is its path without `.md` (`steg/upptackt`), and its URL is the key
under the language prefix (`/sv/steg/upptackt/`); `start` is the start page.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import schema, yamltext
from .markdown_render import Rendered, render
from .problems import Problem
from .schema import Field
from .sprak import SPRAK
from .trappsteg import TRAPPSTEG

START = "start"
# Lättläst svenska lives beside the Swedish pages: sidor/sv/lattlast/<key>.md is the
# lättläst version of sidor/sv/<key>.md, shown at /sv/lattlast/<key>/.
LATTLAST = "lattlast/"


PAGE_FIELDS = (
    Field("titel", "text", "sidans rubrik, som också står i fliken och i sökresultat.", required=True),
    Field(
        "beskrivning",
        "text",
        "en mening som sammanfattar sidan (visas i sökresultat och för sökmotorer).",
        required=True,
    ),
    Field(
        "trappsteg",
        "choice",
        "vilket steg i trappan sidan hör till. Alla sidor utom startsidan har ett.",
        choices=TRAPPSTEG,
    ),
    Field("granskad", "date", "datum då någon senast läste igenom sidan och såg att den stämmer.", required=True),
    Field("sokord", "list", "fler ord som folk kan söka på, till exempel [demens, minnessjukdom]."),
    Field(
        "oversattning_granskad",
        "yesno",
        "bara på översatta sidor: ja när en människa har granskat översättningen, annars nej.",
    ),
)

# A municipality's block added to a national page: kommuner/<slug>/tillagg/<språk>/<nyckel>.md
ADDITION_FIELDS = (
    Field("granskad", "date", "datum då någon senast läste igenom texten och såg att den stämmer.", required=True),
    Field(
        "oversattning_granskad",
        "yesno",
        "bara på översatta texter: ja när en människa har granskat översättningen, annars nej.",
    ),
)

BAD_FILE_NAME = "SV201"
NO_FRONT_MATTER = "SV202"
FRONT_MATTER_OPEN = "SV203"
TOO_BIG = "SV204"
# Far above any page a reader could finish (validation/size_rules.py says how much is too
# much): a file this big is not read at all, so a pasted 10 MB file fails in a moment.
MAX_FILE_BYTES = 200 * 1024
CODES = {
    BAD_FILE_NAME: "Filnamnet har versaler, å, ä, ö eller mellanslag och kan inte bli en adress.",
    NO_FRONT_MATTER: "Filen börjar inte med en rad med bara --- och sidans uppgifter.",
    FRONT_MATTER_OPEN: "Sidans uppgifter överst avslutas aldrig med en rad med bara ---.",
    TOO_BIG: "Filen är för stor för att vara en sida (över 200 kB) och lästes inte.",
}

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*")
PLAIN_LETTERS = str.maketrans("åäöéü", "aaoeu")


def plain_name(name: str) -> str:
    """`name` as an address may have it, a–z, digits and hyphens: Träffpunkter → traffpunkter,
    "om oss" → om-oss. What the advice of SV201, SV206 and SV404 names, so that following it
    leads to no new mistake ("Bibliotek.MD" was told to become Bibliotek.md, which SV201 refused)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().translate(PLAIN_LETTERS)).strip("-")


@dataclass(frozen=True)
class Page:
    key: str
    lang: str  # the language the text is written in
    file: str  # as shown to editors in messages
    meta: dict  # readable front matter values, typed
    front_matter: yamltext.YamlMap
    body: str
    body_line: int  # the file line where the Markdown body starts
    rendered: Rendered

    @property
    def title(self) -> str:
        return self.meta.get("titel", self.key)

    @property
    def text_line(self) -> int:
        """The file line where the body's text begins (after the blank lines below ---)."""
        for number, line in enumerate(self.body.splitlines(), start=self.body_line):
            if line.strip():
                return number
        return self.body_line

    def line_of(self, needle: str) -> int:
        """The file line where `needle` first appears in the body, else the body's start."""
        for number, line in enumerate(self.body.splitlines(), start=self.body_line):
            if needle in line:
                return number
        return self.body_line


def _keys(fields: tuple[Field, ...]) -> str:
    """The keys a file of this kind must begin with, as the editor is told them: a tillägg has
    only granskad, and a vägvisare text those of a question or an outcome as well."""
    named = ", ".join(field.name for field in fields if field.required)
    if {"fraga", "titel"} <= {field.name for field in fields}:
        named += "; för en fråga också fraga och svar, för ett utfall titel och sag_sa_har"
    return named


def split_front_matter(text: str, file: str, fields: tuple[Field, ...] = PAGE_FIELDS):
    """Return (front matter text, body, body's first line) or a problem."""
    lines = text.splitlines(keepends=True)
    if not text.strip():  # "starts with no ---" told an editor who saved an empty file nothing
        return None, Problem(
            file,
            1,
            NO_FRONT_MATTER,
            f"Filen är tom. Skriv sidan (överst {_keys(fields)} mellan två rader med bara ---), eller ta bort filen.",
        )
    if lines[0].strip() != "---":
        return None, Problem(
            file,
            1,
            NO_FRONT_MATTER,
            f"Filen ska börja med en rad med bara --- och sedan uppgifterna överst ({_keys(fields)}), "
            "en per rad, och en rad till med bara ---.",
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return ("".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2), None
    return None, Problem(file, 1, FRONT_MATTER_OPEN, "Sidans uppgifter överst avslutas aldrig med en rad med bara ---.")


def parse(
    path: Path, key: str, lang: str, file: str, fields: tuple[Field, ...] = PAGE_FIELDS
) -> tuple[Page | None, list[Problem]]:
    """Read one Markdown file with front matter; it comes back whenever its body can be shown."""
    problems: list[Problem] = []
    if not _KEY.fullmatch(key):
        problems.append(
            Problem(
                file,
                1,
                BAD_FILE_NAME,
                "Filnamnet får bara ha små bokstäver a–z, siffror och bindestreck "
                "(inga å, ä, ö eller mellanslag), eftersom det blir sidans adress. "
                f"Byt namn till {'/'.join(plain_name(part) or 'sida' for part in key.split('/'))}.md "
                f"i mappen {lang}.",
            )
        )
    size = path.stat().st_size if os.path.isfile(path) and not os.path.islink(path) else 0
    if size > MAX_FILE_BYTES:
        message = (
            f"Filen är {size / 1024 / 1024:.1f} MB; en sida får vara högst {MAX_FILE_BYTES // 1024} kB. "
            "Kontrollera att rätt fil ligger här, eller dela texten på flera sidor."
        )
        return None, [*problems, Problem(file, 1, TOO_BIG, message)]
    text, found = yamltext.read_text(path, file)
    problems += found  # a BOM is only a warning: the page is still read
    if text is None:
        return None, problems
    split, problem = split_front_matter(text, file, fields)
    if problem:
        return None, [*problems, problem]
    meta_text, body, body_line = split
    data, yaml_problems = yamltext.load(meta_text, file, first_line=2)
    problems += yaml_problems
    if data is None:
        return None, problems
    if not isinstance(data, yamltext.YamlMap):
        shape = Problem(file, 2, yamltext.SHAPE, "Sidans uppgifter ska skrivas som nyckel: värde, en per rad.")
        return None, [*problems, shape]
    problems += schema.check_mapping(data, fields, file)
    page = Page(
        key,
        lang,
        file,
        schema.values(data, fields),
        data,
        body,
        body_line,
        render(body, latin_apart=lang in SPRAK and not SPRAK[lang].latin),
    )
    return page, problems


def find(root: Path) -> dict[str, Path]:
    """All page files below a language folder, by key."""
    if not os.path.isdir(root):
        return {}
    return {
        path.relative_to(root).with_suffix("").as_posix(): path
        for path in sorted(root.rglob("*.md"))
        if os.path.isfile(path) and not os.path.islink(path)  # the others are reported (content/filer.py)
    }
