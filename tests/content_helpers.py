"""Small content folders written for one test, and the checking that `build.py check` does,
without Flask or a build: a test breaks one file and asserts (code, file, line)."""

import os
import shutil
from pathlib import Path

from samverkanstrappan import paths
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.routes import Router
from samverkanstrappan.validation import RULES, date_rules, registry, validate

KOMMUN = "prov"
TODAY = date_rules.today().isoformat()  # dates that never grow old (the date in Sweden, as the rules read it)

PAGE = """---
titel: {title}
beskrivning: En sida för prov.
granskad: {today}
{extra}---

Det här är en kort sida. Den är lätt att läsa.

## Kontakt

Ring oss om du vill veta mer.
"""

FILES = {
    "sidor/sv/start.md": PAGE.format(title="Start", today=TODAY, extra=""),
    "sidor/sv/om.md": PAGE.format(title="Om", today=TODAY, extra="trappsteg: information\n"),
    "vagvisare/flode.yaml": """start: forsta
fragor:
  forsta:
    svar:
      ja: klart
      nej: kontakt
utfall:
  klart:
    nummer: [vardguiden]
    trappsteg: vagvisare
  kontakt:
    verksamheter: [vardcentral]
    trappsteg: vagvisare
""",
    "vagvisare/sv/forsta.md": f"""---
fraga: Har du ringt förut?
svar:
  ja: Ja
  nej: Nej
granskad: {TODAY}
---
""",
    "vagvisare/sv/klart.md": f"""---
titel: Ring 1177
sag_sa_har: Jag vill ha råd.
granskad: {TODAY}
---
""",
    "vagvisare/sv/kontakt.md": f"""---
titel: Ring vårdcentralen
sag_sa_har: Jag vill boka en tid.
granskad: {TODAY}
---
""",
    **{
        f"vagvisare/sv/{name}.md": f"""---
titel: För personal
granskad: {TODAY}
---
Ring tillsammans.
"""
        for name in ("personal", "personal-sip", "sakerhet", "orosanmalan")
    },
    "data/nodnummer.yaml": "nummer:\n"
    + "".join(
        f"""  - id: {key}
    nummer: "{number}"
    oppet: dygnet runt
    kontrollerad: {TODAY}
    kalla: prov
"""
        for key, number in (("akut", "112"), ("vardguiden", "1177"), ("sjalvmordslinjen", "90101"))
    ),
    "data/synonymer.yaml": "sv:\n  - [missbruk, beroende]\n",
    "data/kris.sv.yaml": "kontakt:\n  - vill inte finnas\n",
    f"kommuner/{KOMMUN}/kommun.yaml": f"""namn: Provstads kommun
kommunkod: "9909"
region: Region Prov
webbadress: https://prov.example/
sprak: [sv]
exempel: ja
logotyp: logotyp.svg
synpunkter:
  epost: webben@prov.example
tillganglighet:
  status: helt
  bedomning: sjalvskattning
  bedomd: {TODAY}
  upprattad: {TODAY}
  uppdaterad: {TODAY}
  epost: webben@prov.example
""",
    f"kommuner/{KOMMUN}/verksamheter.yaml": f"""organisationer:
  - id: region
    namn: Region Prov
    huvudman: region
verksamheter:
  - id: vardcentral
    namn: Provstads vårdcentral
    organisation: region
    typ: vardcentral
    beskrivning: Vård för vuxna och barn.
    telefon:
      - nummer: 0100-20 00 00
        oppettider: Måndag–fredag 8–17
    kontakt: Ring och boka en tid.
    kontrollerad: {TODAY}
""",
}


def write_content(root: Path) -> Path:
    """A small content folder that passes every check; the municipality is KOMMUN."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # the example's logo, which kommun.yaml names (as do most of the municipality fixtures)
    shutil.copy(paths.CONTENT / "kommuner" / "exempelstad" / "logotyp.svg", root / "kommuner" / KOMMUN)
    return root


def site_urls(store: ContentStore) -> set[str]:
    """The site's URLs, from the route table, as `build.py check` gets them."""
    return set(Router().urls(store))


def check(content_dir: Path, kommun: str = KOMMUN, translations: Path = paths.TRANSLATIONS) -> list:
    """Every problem `build.py check` would report for this content."""
    store = ContentStore(content_dir, kommun, translations)
    return validate(store, site_urls(store))


def undeclared(store: ContentStore) -> list[tuple[str, str]]:
    """(rule or reader, code) for each problem whose code its rule, or the readers, did not declare."""
    readers, urls = set(registry.all_codes(())), site_urls(store)
    found = [("läsning", p.code) for p in store.problems if p.code not in readers]
    for rule in RULES:
        found += [(rule.__name__, p.code) for p in rule(store, urls) if p.code not in rule.codes]
    return found


def where(problems, content_dir: Path) -> set[tuple[str, str, int]]:
    """(code, file, line) of each problem; files inside `content_dir` relative to it."""
    root = Path(content_dir).resolve()
    found = set()
    for problem in problems:
        path = Path(os.path.abspath(problem.file))
        file = path.relative_to(root).as_posix() if path.is_relative_to(root) else problem.file
        found.add((problem.code, file, problem.line))
    return found


def line_of(path: Path, marker: str) -> int:
    """The first line of `path` that has `marker` in it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} is not in {path}")
