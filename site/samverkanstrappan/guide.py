"""The key tables of the editors' guide (content/README.md), written from the schemas.

Each key's Swedish `help` text in the schema is its documentation, so the guide
cannot drift from what the build accepts. Run after changing a schema:

    python -m samverkanstrappan.guide      rewrites the tables in content/README.md
"""

import sys

from . import paths
from .content import helplines, kommun, pages, vagvisare, verksamheter
from .content.verksamhetstyper import TYPER

START, END = "<!-- nycklar: start (skrivs av python -m samverkanstrappan.guide) -->", "<!-- nycklar: slut -->"

# (heading, where the keys are written, fields)
SECTIONS = (
    ("kommun.yaml", "kommuner/<kommun>/kommun.yaml", kommun.FIELDS),
    ("farger", "under farger: i kommun.yaml", kommun.COLOUR_FIELDS),
    ("synpunkter", "under synpunkter: i kommun.yaml", kommun.CONTACT_FIELDS),
    ("tillganglighet", "under tillganglighet: i kommun.yaml", kommun.STATEMENT_FIELDS),
    ("verksamheter.yaml", "överst i kommuner/<kommun>/verksamheter.yaml", verksamheter.FILE_FIELDS),
    ("organisationer", "varje post under organisationer:", verksamheter.ORGANISATION_FIELDS),
    ("verksamheter", "varje post under verksamheter:", verksamheter.SERVICE_FIELDS),
    ("telefon", "varje nummer under telefon: i en verksamhet", verksamheter.PHONE_FIELDS),
    ("adress", "under adress: i en verksamhet", verksamheter.ADDRESS_FIELDS),
    ("sidor", "överst i sidor/<språk>/<nyckel>.md och kommuner/<kommun>/sidor/<språk>/<nyckel>.md", pages.PAGE_FIELDS),
    ("tillagg", "överst i kommuner/<kommun>/tillagg/<språk>/<nyckel>.md", pages.ADDITION_FIELDS),
    ("vagvisare-text", "överst i vagvisare/<språk>/<id>.md", vagvisare.TEXT_FIELDS),
    ("flode.yaml", "överst i vagvisare/flode.yaml", vagvisare.FILE_FIELDS),
    ("fragor", "varje fråga under fragor: i flode.yaml", vagvisare.QUESTION_FIELDS),
    ("utfall", "varje utfall under utfall: i flode.yaml", vagvisare.OUTCOME_FIELDS),
    ("nodnummer.yaml", "varje nummer i data/nodnummer.yaml", helplines.FIELDS),
)

TYPES_WHERE = (
    "Var: typ: i en verksamhet. Vägvisaren hänvisar till typerna, och webbplatsen skriver "
    "typens namn på läsarens språk."
)

KINDS = {
    "text": "text",
    "date": "datum",
    "integer": "heltal",
    "yesno": "ja/nej",
    "list": "lista",
    "lines": "lista",
    "choice": "val",
    "phone": "telefonnummer",
    "url": "webbadress",
    "email": "e-post",
    "block": "rader under",
    "map": "rader under",
    "colour": "färg",
    "kommunkod": "fyra siffror",
}


def key_tables() -> str:
    """Every section as a Markdown table of key, kind, required and meaning."""
    parts = []
    for heading, where, fields in SECTIONS:
        rows = [
            f"### {heading}",
            "",
            f"Var: {where}.",
            "",
            "| nyckel | sort | måste finnas | betyder |",
            "|---|---|---|---|",
        ]
        for field in fields:
            choices = f" Val: {', '.join(field.choices)}." if field.choices and len(field.choices) < 12 else ""
            if field.choices and field.choices == tuple(TYPER):  # too many for the row: a table below
                choices = " Val: en av typerna i tabellen typ nedan."
            meaning = (field.help[0].upper() + field.help[1:] + choices).replace("|", "/")
            rows.append(f"| `{field.name}` | {KINDS[field.kind]} | {'ja' if field.required else 'nej'} | {meaning} |")
        parts.append("\n".join(rows))
    # An editor had to guess that elderly care is bistand-aldre (session 32): every kind, named.
    kinds = [f"| `{kind}` | {name} |" for kind, name in TYPER.items()]
    parts.append("\n".join(["### typ", "", TYPES_WHERE, "", "| typ | sorts verksamhet |", "|---|---|", *kinds]))
    return "\n\n".join(parts)


def rewrite(text: str) -> str:
    """`text` with the part between the markers replaced by fresh tables."""
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{key_tables()}\n{END}{after}"


def main() -> int:
    guide = paths.CONTENT / "README.md"
    guide.write_text(rewrite(guide.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Skrev nyckeltabellerna i {guide}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
