"""A municipality that is not an example publishes none of the examples' made-up contact details."""

import re
from pathlib import Path

from ..content.problems import Problem
from ..content.scan import shown_path
from .registry import codes

# The bundled examples' numbers have the area code 0100, which no Swedish number has, and their
# addresses the top-level domain .example, which RFC 2606 keeps for examples. A folder copied
# from an example with only the name changed published both, under a real municipality's name.
# A number: 0100 or +46 100 first, then a separator and digits (not "0100" inside an account
# number, "SE12 3000 0100 1234"); an address whose last part is .example (not www.example.com).
MADE_UP = re.compile(
    r"(?<!\d )(?<![\w+])(?:0|\+46[- ]?)100[-–— ]\d[\d -]*\d|[\w.-]*[\w-]\.example(?![\w-]|\.\w)",
    re.IGNORECASE,
)
READ = (".yaml", ".yml", ".md")


@codes(SV507="En kommun som inte är ett exempel har kvar påhittade nummer eller adresser från exemplet.")
def no_made_up_contacts(store, site_urls):
    """Where kommun.yaml does not say `exempel: ja`, no number with the area code 0100 and no
    .example address: a copied example must not publish them under a real name."""
    settings = store.kommun
    if not settings or settings.exempel:
        return
    # The files the store listed when it read the content (content/scan.py), not a walk of its own.
    for path, _, _ in store.file_stats():
        if path.is_relative_to(store.kommun_dir) and path.name.lower().endswith(READ):
            yield from store.cached(path, _made_up, shown_path(path))


def _made_up(path: Path, file: str) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # reported where the file is read (SV104, SV122)
        return []
    problems = []
    yaml = not file.endswith(".md")
    for number, line in enumerate(text.splitlines(), start=1):
        if yaml and line.lstrip().startswith("#"):  # a comment is never published
            continue
        for found in MADE_UP.finditer(line):
            problems.append(
                Problem(
                    file,
                    number,
                    "SV507",
                    f"'{found[0]}' är påhittat, som i exemplet (riktnummer 0100 och adresser på .example "
                    "finns inte). Skriv kommunens riktiga uppgift, eller exempel: ja i kommun.yaml om "
                    "kommunen är ett exempel.",
                )
            )
    return problems


RULES = (no_made_up_contacts,)
