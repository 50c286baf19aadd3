"""Every problem code: a small broken fixture and the (code, file, line) it is reported with.

The checks run on a small content folder written for each test (content_helpers.py), the
way `build.py check` runs them, without Flask or a build. One full build at the end (with one
worker and with two) shows that broken content stops the build with every problem at once and
leaves the old site as it was.
"""

import contextlib
import gc
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from conftest import FIXTURES, run_build
from content_helpers import FILES, KOMMUN, check, line_of, undeclared, where, write_content
from samverkanstrappan import paths, validation
from samverkanstrappan.content import yamltext
from samverkanstrappan.content.helplines import ALWAYS_SHOWN, LABELS
from samverkanstrappan.content.problems import ERROR, WARNING, Problem, report
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.render.labels import HELPLINES
from samverkanstrappan.validation.catalog_rules import check as check_catalogs

PAGES = FIXTURES / "trasigt"
FLOWS = FIXTURES / "vagvisare"
LOCAL = FIXTURES / "kommun"
LANGUAGES = FIXTURES / "sprak"
CATALOGS = FIXTURES / "katalog"
WANTED = {"Akut hjälp", "Meny"}
OWN = f"kommuner/{KOMMUN}"


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target`, put where a file belongs."""

    target: str


FOLDER = object()  # a folder put where a file belongs


@dataclass
class Placed:
    """Fixtures put into the small content folder: {where: fixture file, text, bytes or None to remove}.
    The problem is expected in `file` on `line` (a number, or text that the line has)."""

    files: dict
    file: str
    line: int | str
    kommun: str = KOMMUN

    def run(self, tmp_path: Path) -> tuple[set, tuple]:
        content = write_content(tmp_path / "content")
        for name, source in self.files.items():
            target = content / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if source is None:
                target.unlink()
            elif source is FOLDER:
                target.mkdir()
            elif isinstance(source, Link):
                target.symlink_to(source.target)
            elif isinstance(source, Path):
                shutil.copy(source, target)
            elif isinstance(source, bytes):
                target.write_bytes(source)
            else:
                target.write_text(source, encoding="utf-8")
        line = self.line if isinstance(self.line, int) else line_of(content / self.file, self.line)
        assert undeclared(ContentStore(content, self.kommun)) == []  # each rule gives only the codes it declares
        return where(check(content, self.kommun), content), (self.file, line)


@dataclass
class Denied(Placed):
    """As Placed, with `file` (a folder or a file) unreadable, as after a copy from another account.
    The tests run as root, whom chmod does not stop, so listing or reading it raises as it would."""

    def run(self, tmp_path: Path) -> tuple[set, tuple]:
        with denied(tmp_path / "content" / self.file):
            return super().run(tmp_path)


@dataclass
class Renamed(Placed):
    """As Placed, with the municipality's folder named `kommun` (the small content's is KOMMUN,
    which is written again beside it, unused)."""

    def run(self, tmp_path: Path) -> tuple[set, tuple]:
        content = write_content(tmp_path / "content")
        (content / OWN).rename(content / "kommuner" / self.kommun)
        return super().run(tmp_path)


def test_a_folder_named_with_an_underscore_or_given_with_a_slash_is_no_mistake(tmp_path):
    content = write_content(tmp_path / "content")
    (content / OWN).rename(content / "kommuner" / "upplands_vasby")
    store = ContentStore(content, "upplands_vasby/")
    assert [p for p in check(content, "upplands_vasby/") if p.code == "SV404"] == []
    assert store.kommun_slug.strip("/") == "upplands_vasby"


@contextlib.contextmanager
def denied(target: Path):
    """Listing or reading `target` (a folder or a file) raises PermissionError, as without read rights."""
    scandir, read_bytes = os.scandir, Path.read_bytes

    def refuse(path) -> None:
        if Path(path).absolute() == target.absolute():
            raise PermissionError(13, "Permission denied", str(path))

    def listing(path="."):
        refuse(path)
        return scandir(path)

    def reading(path: Path) -> bytes:
        refuse(path)
        return read_bytes(path)

    with mock.patch("os.scandir", listing), mock.patch.object(Path, "read_bytes", reading):
        yield


@dataclass
class Catalog:
    """A translation catalog among tests/fixtures/katalog/<case>, checked against WANTED."""

    case: str
    line: int

    def run(self, tmp_path: Path) -> tuple[set, tuple]:
        problems = check_catalogs(CATALOGS / self.case, ["en"], WANTED)
        return where(problems, CATALOGS), (f"{self.case}/en/LC_MESSAGES/messages.po", self.line)


def put(name: str, fixture: Path | bytes, line: int | str, more: dict | None = None) -> Placed:
    """One fixture as `name` (and any `more` files), the problem expected in it."""
    return Placed({name: fixture, **(more or {})}, name, line)


def page(fixture: str, line: int | str, folder: Path = PAGES) -> Placed:
    return Placed({f"sidor/sv/{fixture}": folder / fixture}, f"sidor/sv/{fixture}", line)


def flow(fixture: str, line: int | str, file: str = "vagvisare/flode.yaml", **more) -> Placed:
    return Placed({"vagvisare/flode.yaml": FLOWS / fixture, **more}, file, line)


def text(name: str, fixture: str, line: int | str) -> Placed:
    return Placed({f"vagvisare/sv/{name}": FLOWS / fixture}, f"vagvisare/sv/{name}", line)


def settings(fixture: str, marker: str, target: str = "kommun.yaml") -> Placed:
    return Placed({f"{OWN}/{target}": LOCAL / fixture}, f"{OWN}/{target}", marker)


def directory(fixture: str, marker: str) -> Placed:
    return settings(fixture, marker, "verksamheter.yaml")


ENGLISH = {f"{OWN}/kommun.yaml": LOCAL / "med-engelska.yaml"}
LATIN1 = "---\ntitel: Räksmörgås\n---\n".encode("latin-1")  # an editor's old program saved it so
BIG_LOGO = b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * 31 * 1024 + b"</svg>"

# Two everyday searches that a crisis phrase "hjälp" would match (SV624).
EVERYDAY = "sokord: [hjälp hemma, hjälp med pengar]\n"
OM_SOKORD = FILES["sidor/sv/om.md"].replace("trappsteg:", EVERYDAY + "trappsteg:", 1).encode()
BODY_LINE = FILES["sidor/sv/om.md"].splitlines().index("---", 1) + 2  # where om.md's text starts
# Every code `python build.py regler` lists, and how to make it happen.
CASES = {
    "SV101": page("felaktig-yaml.md", 3),
    "SV102": page("nyckel-lista.md", 4),
    "SV103": page("dubbel-nyckel.md", 4),
    "SV104": put("sidor/sv/latin1.md", LATIN1, 2),  # the line of the first byte that is not UTF-8
    "SV107": Placed({}, "kommuner/saknas", 1, kommun="saknas"),
    "SV105": page("lista.md", 2),
    "SV108": put("sidor/sv/om.md", b"\xef\xbb\xbf" + FILES["sidor/sv/om.md"].encode(), 1),  # Notepad's BOM
    "SV109": settings("farg-utan-citat.yaml", "primar:"),
    "SV117": put(f"{OWN}/verksamheter.yaml", b"# fylls i senare\n", 1),
    "SV120": put("sidor/sv/lank.md", Link("/etc/passwd"), 1),
    "SV121": put("sidor/sv/mapp.md", FOLDER, 1),
    "SV122": Denied({"sidor/sv/hemligt/om.md": FILES["sidor/sv/om.md"]}, "sidor/sv/hemligt", 1),
    "SV106": Placed({f"{OWN}/kommun.yaml": None}, f"{OWN}/kommun.yaml", 1),
    "SV150": put(
        f"{OWN}/verksamheter.en.yaml",
        "granskad: nej\nverksamheter:\n  vardcentral:\n    kontakt: Call.\n  vardcentralen:\n    kontakt: Call.\n",
        5,
    ),
    "SV110": page("okand-nyckel.md", 4),
    "SV111": page("saknar-nyckel.md", 2),
    "SV112": page("tom-titel.md", 2),
    "SV113": page("okant-trappsteg.md", 4),
    "SV114": page("sokord-utan-hakparenteser.md", "sokord:"),
    "SV115": Placed(
        {"sidor/sv/om.md": FILES["sidor/sv/om.md"].replace("titel: Om", "titel: ”Om oss”")}, "sidor/sv/om.md", "titel:"
    ),
    "SV116": Placed(
        {"sidor/sv/om.md": re.sub(r"granskad: \S+", "granskad: 2999-06-01", FILES["sidor/sv/om.md"])},
        "sidor/sv/om.md",
        "granskad:",
    ),
    "SV204": put("sidor/sv/stor.md", FILES["sidor/sv/om.md"] + "ord " * 60_000, 1),
    "SV270": put("sidor/sv/om.md", FILES["sidor/sv/om.md"] + "\n\nEtt ord. " * 1100, BODY_LINE),
    "SV271": put("sidor/sv/om.md", FILES["sidor/sv/om.md"] + "\n\nSamordningsplaneringen. " * 1500, BODY_LINE),
    "SV272": put(
        "sidor/sv/om.md", FILES["sidor/sv/om.md"].replace("titel: ", "titel: " + "Om oss och " * 9, 1), "titel:"
    ),
    "SV206": put("sidor/sv/bibliotek.MD", FILES["sidor/sv/om.md"], 1),
    "SV207": put("sidor/sv/karta.png", b"\x89PNG\r\n\x1a\n", 1),
    "SV208": Placed({"sidor/so/om.md": FILES["sidor/sv/om.md"]}, "sidor/so", 1),
    "SV209": put("sidor/om.md", FILES["sidor/sv/om.md"], 1),
    "SV205": put("sidor/sv/lattlast.md", FILES["sidor/sv/om.md"], 1),  # /sv/lattlast/ is the lättläst start page
    "SV201": page("Versaler i namn.md", 1),
    "SV202": page("ingen-front-matter.md", 1),
    "SV203": page("oavslutad.md", 1),
    "SV210": page("osaker-html.md", 8),
    "SV211": page("handelseattribut.md", 8),
    "SV212": page("javascript-lank.md", 8),
    "SV213": page("extern-bild.md", 8),
    "SV214": page("http-lank.md", 8),
    "SV215": page("data-lank.md", 8),
    "SV216": page("bild.md", 8),
    "SV220": page("relativ-lank.md", "om/"),
    "SV221": page("trasig-lank.md", 9),
    "SV222": page("trasigt-ankare.md", 8),
    "SV230": page("hoppar-rubrikniva.md", 10),
    "SV231": page("rubrikniva.md", 8),
    "SV240": page("utan-trappsteg.md", 2),
    "SV250": page("svar-text.md", 8),
    "SV260": put(f"{OWN}/tillagg/sv/finns-inte.md", LOCAL / "tillagg-utan-sida.md", 1),
    "SV301": flow("start-saknas.yaml", "start:"),
    "SV302": flow("ett-svar.yaml", 3),
    "SV303": flow("svar-id.yaml", "Vet inte"),
    "SV304": flow("svar-leder-ingenstans.yaml", 6),
    "SV305": flow("samma-id.yaml", 14),
    "SV306": flow("kan-inte-nas.yaml", 11),
    "SV307": flow("slinga.yaml", 9),
    "SV308": flow("for-lang-vag.yaml", 12),
    "SV310": flow("utfall-utan-kontakt.yaml", 11),
    "SV311": flow("okand-typ.yaml", "verksamheter: [tandlakare]"),  # its line, not the outcome's
    "SV312": flow("behover-bup.yaml", 1, f"{OWN}/verksamheter.yaml"),
    "SV313": flow("okant-nummer.yaml", "nummer: [finns-inte]"),
    "SV314": flow(
        "nytt-nummer.yaml",
        "nummer: [vardguiden, nytt]",
        **{"data/nodnummer.yaml": FIXTURES / "nodnummer" / "nytt-id.yaml"},
    ),
    "SV330": flow("behov-okant-svar.yaml", "kanske:"),
    "SV331": flow("behov-okant-utfall.yaml", "nej: [finns-inte]"),
    "SV332": flow("behov-tomt.yaml", "nej: []"),
    "SV333": flow("okand-roll.yaml", "kontakt:"),
    "SV336": flow("tillsammans-okant-behov.yaml", "kanske:"),
    "SV337": flow("tillsammans-okant-utfall.yaml", "nej: [finns-inte]"),
    "SV338": flow("tillsammans-samma.yaml", "ja: [kontakt]"),
    "SV339": flow("tillsammans-tomt.yaml", "    nej: []"),
    "SV334": flow("behov-utan-text.yaml", 1),
    "SV335": Placed({"vagvisare/sv/sakerhet.md": None}, "vagvisare/flode.yaml", 1),
    "SV320": Placed({"vagvisare/sv/kontakt.md": None}, "vagvisare/flode.yaml", "  kontakt:"),
    "SV321": text("finns-inte.md", "text-utan-nod.md", 1),
    "SV322": text("forsta.md", "fraga-utan-fraga.md", 2),
    "SV323": text("forsta.md", "fraga-utan-svar.md", 2),
    "SV324": text("forsta.md", "svar-utan-text.md", "svar:"),
    "SV325": text("forsta.md", "text-for-okant-svar.md", "kanske:"),
    "SV326": text("klart.md", "utfall-utan-manus.md", 2),
    "SV401": settings("okant-sprak.yaml", "sprak:"),
    "SV402": settings("utan-svenska.yaml", "sprak:"),
    "SV403": settings("dubbelt-sprak.yaml", "sprak:"),
    "SV404": Renamed({}, "kommuner/älv by", 1, kommun="älv by"),
    "SV405": put(f"{OWN}/verksamheter.fin.yaml", b"granskad: nej\n", 1),
    "SV406": put(f"{OWN}/anteckningar.txt", b"Ring Anna om numren.\n", 1),
    "SV410": settings("lag-kontrast.yaml", "primar:"),
    "SV420": settings("logotyp-gif.yaml", "logotyp:"),
    "SV421": settings("logotyp-saknas.yaml", "logotyp:"),
    "SV422": put(f"{OWN}/kommun.yaml", LOCAL / "stor-logotyp.yaml", "logotyp:", {f"{OWN}/stor.svg": BIG_LOGO}),
    "SV423": put(
        f"{OWN}/logotyp.svg", FIXTURES / "logotyp" / "skript.svg", 3, {f"{OWN}/kommun.yaml": LOCAL / "med-logotyp.yaml"}
    ),
    "SV424": put(f"{OWN}/logotyp.png", b"inte en bild", 1, {f"{OWN}/kommun.yaml": LOCAL / "med-png-logotyp.yaml"}),
    "SV430": settings("redogorelse-utan-brister.yaml", "tillganglighet:"),
    "SV431": settings("redogorelse-helt-med-brister.yaml", "brister:"),
    "SV432": settings("redogorelse-datum.yaml", "uppdaterad:"),
    "SV433": settings("redogorelse-gammal.yaml", "uppdaterad:"),
    "SV501": directory("okand-organisation.yaml", "organisation: regionen"),
    "SV502": directory("utan-telefon.yaml", "telefon:"),
    "SV503": directory("samma-id.yaml", 17),
    "SV504": directory("gammal-post.yaml", "kontrollerad: 2025-01-10"),
    "SV505": directory("fel-oppettider.yaml", "oppettider: Måndag–fredag förmiddag"),
    "SV506": directory("samma-organisation.yaml", 7),
    "SV507": settings("inte-exempel.yaml", "  epost: webben@exempelstad.example"),
    "SV601": put("data/nodnummer.yaml", FIXTURES / "nodnummer" / "utan-akut.yaml", "- id:"),
    "SV602": put("data/nodnummer.yaml", FIXTURES / "nodnummer" / "nytt-id.yaml", "id: nytt"),
    "SV610": put("data/synonymer.yaml", FIXTURES / "synonymer" / "okant-sprak.yaml", "de:"),
    "SV611": put(f"{OWN}/synonymer.yaml", FIXTURES / "synonymer" / "en-ord.yaml", 3),
    "SV620": put(f"{OWN}/kris.sv.yaml", FIXTURES / "kris" / "okant-utfall.yaml", "finns-inte:"),
    "SV621": put(f"{OWN}/kris.sv.yaml", FIXTURES / "kris" / "ingen-lista.yaml", 2),
    "SV622": put(f"{OWN}/kris.sv.yaml", FIXTURES / "kris" / "for-kort.yaml", "- dö"),
    "SV623": put("data/kris.en.yaml", b"# tom\n", 1, ENGLISH),
    "SV624": put(f"{OWN}/kris.sv.yaml", FIXTURES / "kris" / "vanligt.yaml", "- hjälp", {"sidor/sv/om.md": OM_SOKORD}),
    "SV701": put("sidor/en/lattlast/om.md", LANGUAGES / "lattlast-engelska.md", 1, ENGLISH),
    "SV702": put("sidor/en/finns-inte.md", LANGUAGES / "utan-original.md", 1, ENGLISH),
    "SV703": put("sidor/sv/lattlast/finns-inte.md", LANGUAGES / "lattlast-utan-original.md", 1),
    "SV704": put("sidor/sv/lattlast/om.md", LANGUAGES / "inte-granskad.md", 2),
    "SV705": put(
        f"{OWN}/sidor/sv/om.md",
        FILES["sidor/sv/om.md"],
        1,
        {"sidor/sv/lattlast/om.md": LANGUAGES / "inte-granskad.md"},
    ),
    "SV710": Catalog("finns-inte", 1),
    "SV711": Catalog("trasig", 6),
    "SV712": Catalog("inaktuell", 12),
    "SV713": Catalog("fuzzy", 9),
    "SV714": Catalog("tom", 9),
    "SV715": Catalog("saknas", 1),
    "SV716": Catalog("platshallare", 10),
}
WARNINGS = {"SV108", "SV207", "SV208", "SV272", "SV406", "SV433", "SV504", "SV624", "SV705"}


@pytest.mark.parametrize(
    "fixture, code, marker",
    [("tillsammans-okant-yttre.yaml", "SV336", "  kanske:"), ("tillsammans-lista.yaml", "SV105", "tillsammans:")],
)
def test_a_mistake_in_tillsammans_is_reported_on_its_own_line(tmp_path, fixture, code, marker):
    """A need under tillsammans: that behov: lacks is said once, where it is written; a list
    there (rows with -) is a mistake, not a block that silently does nothing (a review)."""
    found, (file, line) = flow(fixture, marker).run(tmp_path)
    ours = {"SV105", "SV336", "SV337", "SV338", "SV339"}
    assert {problem for problem in found if problem[0] in ours} == {(code, file, line)}


def test_a_copied_example_without_exempel_ja_names_every_made_up_contact_but_no_comment(tmp_path):
    """An editor copied an example's folder and changed its name: its numbers (area code 0100)
    and .example addresses would have been published under a real municipality's name."""
    content = write_content(tmp_path)
    settings, services = content / OWN / "kommun.yaml", content / OWN / "verksamheter.yaml"
    settings.write_text(
        "# Påhittad: riktnummer 0100 finns inte.\n" + settings.read_text(encoding="utf-8").replace("exempel: ja\n", ""),
        encoding="utf-8",
    )
    expected = {("SV507", f"{OWN}/verksamheter.yaml", line_of(services, "nummer: 0100-20 00 00"))}
    expected |= {
        ("SV507", f"{OWN}/kommun.yaml", number)
        for number, line in enumerate(settings.read_text(encoding="utf-8").splitlines(), start=1)
        if "prov.example" in line
    }
    assert len(expected) == 4  # the address, two e-mail addresses and the number
    assert {found for found in where(check(content), content) if found[0] == "SV507"} == expected
    settings.write_text(settings.read_text(encoding="utf-8") + "exempel: ja\n", encoding="utf-8")
    assert [problem for problem in check(content) if problem.code == "SV507"] == []


@pytest.mark.parametrize("name", ["Bibliotek.MD", "Träffpunkter.md", "om oss.markdown", "Öppet hus.md.txt"])
def test_a_badly_named_page_is_told_a_name_that_passes(tmp_path, name):
    """SV206 told "Bibliotek.MD" to become Bibliotek.md, which SV201 then refused, and SV201
    named no name at all (an editor's walk, session 44): the name advised is one that works."""
    content = write_content(tmp_path)
    folder = content / "sidor" / "sv"
    (folder / name).write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    named = [problem for problem in check(content) if problem.code in ("SV201", "SV206")]
    assert len(named) == 1, named
    advised = re.findall(r"[\w/-]+\.md\b", named[0].message)[-1]
    (folder / name).rename(folder / advised)
    assert [problem for problem in check(content) if problem.code.startswith("SV2")] == []
    assert (folder / advised).is_file() and advised.isascii() and advised == advised.lower()


def test_a_short_page_is_not_given_a_lix_and_a_long_one_is_told_where_its_text_begins(tmp_path):
    """ "Välkommen." alone had LIX 101, reported on the blank line under --- (session 44)."""
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "kort.md"
    front = FILES["sidor/sv/om.md"].split("---", 2)[1]
    page.write_text(f"---{front}---\n\nVälkommen.\n", encoding="utf-8")
    assert [problem for problem in check(content) if problem.code == "SV250"] == []
    hard = (FIXTURES / "trasigt" / "svar-text.md").read_text(encoding="utf-8").split("---", 2)[2].strip()
    page.write_text(f"---{front}---\n\n\n{hard}\n", encoding="utf-8")
    assert ("SV250", "sidor/sv/kort.md", line_of(page, hard[:30])) in where(check(content), content)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_page_saved_as_utf16_is_named_so(tmp_path, encoding):
    """Notepad's "Unicode" was reported as perhaps Latin-1 (session 44); it names the encoding now."""
    content = write_content(tmp_path)
    (content / "sidor" / "sv" / "om.md").write_bytes(FILES["sidor/sv/om.md"].encode(encoding))
    found = [problem for problem in check(content) if problem.code == "SV104"]
    assert [(problem.line, "UTF-16" in problem.message) for problem in found] == [(1, True)]


@pytest.mark.parametrize("dash", ["–", "—", "−", "‑"])
def test_a_phone_number_with_the_dash_word_puts_in_is_read_as_written_with_a_hyphen(tmp_path, dash):
    """ "0200–10 00 00" (Word's dash) was "no Swedish phone number" (an editor's walk, session 44)."""
    content = write_content(tmp_path)
    services = content / OWN / "verksamheter.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("0100-20", f"0100{dash}20"), encoding="utf-8")
    assert check(content) == []
    store = ContentStore(content, KOMMUN)
    assert [phone.nummer for phone in store.verksamheter["vardcentral"].telefon] == ["0100-20 00 00"]


@pytest.mark.parametrize(
    "name, code",
    [
        ("kommun.yml", "SV405"),
        ("verksamheter.en.yml", "SV405"),
        ("Verksamheter.en.yaml", "SV405"),
        ("verksamheter.fin.yaml", "SV405"),
        ("verksamheter.sv.yaml", "SV405"),
        ("kris.svenska.yaml", "SV405"),
        ("verksamheter.engelska.yaml", "SV405"),
        ("verksamheter.en.yaml.txt", "SV405"),
        ("verksamheter.gammal.yaml", "SV406"),  # a copy kept, not a language meant
        ("anteckningar.docx", "SV406"),
        ("logotyp-gammal.svg", "SV406"),
        (".DS_Store", None),
        ("~$kommun.docx", None),
        ("kris.en.yaml", None),
    ],
)
def test_a_file_in_the_municipalitys_folder_that_nothing_reads_is_named(tmp_path, name, code):
    """kommun.yml, verksamheter.en.yml and verksamheter.fin.yaml were passed by without a word,
    so what they held was missing from the site (an editor's walk, session 44)."""
    content = write_content(tmp_path)
    (content / OWN / name).write_text("# Vad kommunen vill säga.\nkontakt:\n  - ring oss\n", encoding="utf-8")
    found = [problem for problem in where(check(content), content) if problem[0] in ("SV405", "SV406")]
    assert found == ([(code, f"{OWN}/{name}", 1)] if code else [])


def test_an_unknown_organisation_or_logo_is_told_the_one_meant(tmp_path):
    """ "Organisationen 'regionen' finns inte" and "Filen 'Logotyp.svg' finns inte" said nothing of
    the organisation and the logo that are there (an editor's walk, session 44)."""
    content = write_content(tmp_path)
    for name, old, new in (
        ("verksamheter.yaml", "organisation: region\n", "organisation: regionen\n"),
        ("kommun.yaml", "logotyp: logotyp.svg", "logotyp: Logotyp.svg"),
    ):
        path = content / OWN / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    told = {problem.code: problem.message for problem in check(content)}
    assert "Menade du 'region'?" in told["SV501"] and "Menade du 'logotyp.svg'?" in told["SV421"]


def test_a_key_indented_under_a_value_is_told_as_indentation_not_as_a_colon(tmp_path):
    """ " granskad: ..." under "trappsteg: ..." was told to quote a text with a colon (session 44)."""
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith("granskad:"))
    lines[number] = " " + lines[number]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [problem for problem in check(content) if problem.code == "SV101"]
    assert [(problem.line, "indragen" in problem.message) for problem in found] == [(number + 1, True)]


@pytest.mark.parametrize(
    "fixture, code, marker",
    [("allman-oro-okant-utfall.yaml", "SV620", "  finns-inte:"), ("allman-oro-lista.yaml", "SV621", "allman-oro:")],
)
def test_a_mistake_under_allman_oro_is_reported_on_its_own_line(tmp_path, fixture, code, marker):
    """The crisis lexicon's general phrases (kris.GENERAL) are outcome ids with lists, one
    level in: an unknown id there is said where it is, and phrases written right under
    allman-oro are one line, not lost."""
    found, (file, line) = put(f"{OWN}/kris.sv.yaml", FIXTURES / "kris" / fixture, marker).run(tmp_path)
    assert {problem for problem in found if problem[0] in {"SV620", "SV621"}} == {(code, file, line)}


def test_every_code_has_a_broken_fixture():
    assert sorted(CASES) == sorted(validation.codes())


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_mistake_is_reported_with_code_file_and_line(tmp_path, code):
    found, (file, line) = CASES[code].run(tmp_path)
    assert (code, file, line) in found, sorted(found)


@pytest.mark.parametrize(
    "name",
    ["verksamheter", "sok", "a-o", "tillganglighet", "vagvisare", "vagvisare/manus", "lattlast", "lattlast/vagvisare"],
)
@pytest.mark.parametrize("folder", ["sidor/sv", f"{OWN}/sidor/sv"])
def test_a_page_named_as_one_of_the_sites_own_pages_is_refused(tmp_path, folder, name):
    """It was hidden behind the site's own page while A–Ö linked to it (or, for lattlast, the
    build stopped with a traceback); its message names the names that are taken."""
    content = write_content(tmp_path)
    path = content / folder / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    problems = [p for p in check(content) if p.code == "SV205"]
    assert where(problems, content) == {("SV205", f"{folder}/{name}.md", 1)}
    assert all(taken in problems[0].message for taken in ("verksamheter", "sok", "a-o", "vagvisare"))


def test_the_pages_with_addresses_of_their_own_may_still_be_written(tmp_path):
    content = write_content(tmp_path)
    for key in ("be-om-sip", "lattlast/start", "lattlast/om", "steg/sok", "vagvisaren"):
        path = content / "sidor" / "sv" / f"{key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    assert "SV205" not in {p.code for p in check(content)}


def edited(name: str, old: str, new: str) -> Placed:
    """The small content with `old` in `name` made `new`; the problem expected on the line with a comma."""
    text = FILES[name]
    assert old in text, (name, old)
    return Placed({name: text.replace(old, new, 1)}, name, next(line for line in new.splitlines() if "," in line))


@pytest.mark.parametrize(
    "mistake",
    [
        # One phrase that needed all three words, and the page was found by none of them.
        edited("sidor/sv/om.md", "trappsteg: information\n", "trappsteg: information\nsokord: a, b, c\n"),
        edited(f"{OWN}/kommun.yaml", "sprak: [sv]", "sprak: sv, en"),
        # Shown untranslated as one language, "svenska, engelska", on every language's page.
        edited(f"{OWN}/verksamheter.yaml", "    kontakt: Ring", "    sprak: svenska, engelska\n    kontakt: Ring"),
        edited(
            "vagvisare/flode.yaml", "    verksamheter: [vardcentral]", "    verksamheter: vardcentral, kontaktcenter"
        ),
        edited("vagvisare/flode.yaml", "utfall:", "behov:\n  ja: klart, kontakt\nutfall:"),
        edited("vagvisare/sv/klart.md", "granskad:", "sokord: ring, råd\ngranskad:"),
    ],
    ids=["sokord", "kommunens-sprak", "verksamhetens-sprak", "utfallets-verksamheter", "behov", "utfallets-sokord"],
)
def test_a_list_written_without_brackets_is_one_line_with_the_right_form(tmp_path, mistake):
    found, (file, line) = mistake.run(tmp_path)
    assert {(code, where_, number) for code, where_, number in found if where_ == file} == {("SV114", file, line)}
    problem = next(p for p in check(tmp_path / "content") if p.code == "SV114")
    assert re.search(r"\[[^\]]+, [^\]]+\]", problem.message)  # the words as a list: [a, b, c]


@pytest.mark.parametrize(
    "written",
    ["”Provstads kommun”", "“Provstads kommun”", "„Provstads kommun“", "«Provstads kommun»", "’Provstads kommun’"],
)
def test_a_value_in_curly_quotes_is_one_line_and_read_without_them(tmp_path, written):
    """Word turns "..." into ”...”, which YAML does not read as quotes: they were published."""
    content = write_content(tmp_path)
    settings = content / OWN / "kommun.yaml"
    settings.write_text(FILES[f"{OWN}/kommun.yaml"].replace("namn: Provstads kommun", f"namn: {written}"), "utf-8")
    problems = check(content)
    assert where(problems, content) == {("SV115", f"{OWN}/kommun.yaml", 1)}
    assert '"' in problems[0].message and written[0] in problems[0].message
    assert yamltext.load(f"namn: {written}", "kommun.yaml")[0] == {"namn": "Provstads kommun"}


def test_curly_quotes_inside_a_text_are_text(tmp_path):
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    titled = "titel: ”Vårdguiden” svarar, och ”1177” likaså\nbeskrivning: Ring ”Vårdguiden”"
    page.write_text(FILES["sidor/sv/om.md"].replace("titel: Om\nbeskrivning: En sida för prov.", titled), "utf-8")
    assert check(content) == []


@pytest.mark.parametrize("written", ["'”#7a1f2b”'", '”#7a1f2b"'])
def test_a_colour_in_curly_quotes_is_told_to_use_straight_ones(tmp_path, written):
    content = write_content(tmp_path)
    colours = f'sprak: [sv]\nfarger:\n  primar: {written}\n  primar_text: "#ffffff"\n  yta: "#f3f5f8"'
    (content / OWN / "kommun.yaml").write_text(FILES[f"{OWN}/kommun.yaml"].replace("sprak: [sv]", colours), "utf-8")
    problems = check(content)
    assert where(problems, content) == {("SV112", f"{OWN}/kommun.yaml", 7)}
    assert "”" in problems[0].message and "raka" in problems[0].message


def test_a_list_of_one_is_still_a_word_and_a_list_of_sentences_may_have_commas(tmp_path):
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    page.write_text(FILES["sidor/sv/om.md"].replace("trappsteg:", "sokord: glömmer allt\ntrappsteg:"), "utf-8")
    settings = content / OWN / "kommun.yaml"
    brist = "  brister: Sidor på arabiska, finska och engelska är inte granskade.\n  bedomning:"
    settings.write_text(
        FILES[f"{OWN}/kommun.yaml"].replace("status: helt", "status: delvis").replace("  bedomning:", brist), "utf-8"
    )
    assert check(content) == []
    store = ContentStore(content, KOMMUN)
    assert store.pages[("sv", "om")].meta["sokord"] == ["glömmer allt"]
    assert store.kommun.tillganglighet["brister"] == ["Sidor på arabiska, finska och engelska är inte granskade."]


@pytest.mark.parametrize(
    "name, code, level, advice",
    [
        # Named so that the build passed them by without a word.
        (f"{OWN}/sidor/sv/bibliotek.MD", "SV206", ERROR, "bibliotek.md"),
        (f"{OWN}/sidor/sv/traffpunkt.md.txt", "SV206", ERROR, "traffpunkt.md"),
        (f"{OWN}/sidor/sv/halsa.markdown", "SV206", ERROR, "halsa.md"),
        ("vagvisare/sv/klart.MD", "SV206", ERROR, "klart.md"),
        (f"{OWN}/tillagg/om.md", "SV209", ERROR, "tillagg/sv/om.md"),
        (f"{OWN}/sidor/sv/karta.jpg", "SV207", WARNING, "bilder"),
        (f"{OWN}/sidor/sv/anteckningar.docx", "SV207", WARNING, "flytta"),
        (f"{OWN}/sidor/sv/traffpunkt.md.bak", "SV207", WARNING, "flytta"),  # a program's copy, not a page
    ],
)
def test_a_file_among_the_pages_that_would_be_passed_by_is_named(tmp_path, name, code, level, advice):
    content = write_content(tmp_path)
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    problems = [p for p in check(content) if p.code not in ("SV320", "SV326")]  # klart.md is gone
    assert where(problems, content) == {(code, name, 1)}
    assert problems[0].level == level and advice in problems[0].message


@pytest.mark.parametrize(
    "folder, advice",
    [
        ("sidor/so", "sv, en, ar, fi, uk"),  # Somali: no language the site can publish
        (f"{OWN}/sidor/en", "sprak:"),  # English, which this municipality does not publish
        (f"{OWN}/tillagg/fi", "sprak:"),
    ],
)
def test_a_language_folder_the_site_does_not_publish_is_one_warning(tmp_path, folder, advice):
    content = write_content(tmp_path)
    for page in ("om.md", "start.md", "steg/upptackt.md"):
        (content / folder / page).parent.mkdir(parents=True, exist_ok=True)
        (content / folder / page).write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    problems = check(content)
    assert where(problems, content) == {("SV208", folder, 1)}
    assert problems[0].level == WARNING and advice in problems[0].message


def test_what_programs_leave_beside_the_pages_is_passed_by_quietly(tmp_path):
    """Editors do not make these, and cannot always see them: a warning would be noise."""
    content = write_content(tmp_path)
    for name in (".om.md.swp", "om.md~", ".DS_Store", "Thumbs.db", "desktop.ini", "~$om.docx"):
        (content / "sidor" / "sv" / name).write_bytes(b"x")
    assert check(content) == []


def test_a_page_that_may_not_be_read_is_reported_and_read_once_it_may(tmp_path):
    """Giving a file read rights changes neither its time nor its size, by which what was read
    from it is kept: a file that could not be read is read again next time."""
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    with denied(page):
        store = ContentStore(content, KOMMUN)
        assert ("SV122", "sidor/sv/om.md", 1) in where(store.problems, content)
        assert ("sv", "om") not in store.pages
    again = ContentStore(content, KOMMUN, parsed=store.parsed())
    assert "SV122" not in {problem.code for problem in again.problems} and ("sv", "om") in again.pages


def test_the_small_content_has_no_problems(tmp_path):
    assert check(write_content(tmp_path)) == []


def test_old_dates_are_warnings_and_everything_else_an_error(tmp_path):
    levels = {}
    for code in sorted(WARNINGS | {"SV110", "SV501"}):
        content = tmp_path / code
        CASES[code].run(content)
        levels.update({p.code: p.level for p in check(content / "content") if p.code == code})
    assert levels == {"SV110": ERROR, "SV501": ERROR} | dict.fromkeys(WARNINGS, WARNING)


def test_a_synonym_language_that_is_not_a_list_of_groups(tmp_path):
    content = write_content(tmp_path)
    shutil.copy(FIXTURES / "synonymer" / "ingen-lista.yaml", content / "data" / "synonymer.yaml")
    assert ("SV611", "data/synonymer.yaml", 1) in where(check(content), content)


def test_a_new_helpline_used_by_an_outcome_is_reported_by_check(tmp_path):
    # The issue: such an id passed `build.py check`, then the build failed in a template.
    content = write_content(tmp_path)
    shutil.copy(FIXTURES / "nodnummer" / "nytt-id.yaml", content / "data" / "nodnummer.yaml")
    shutil.copy(FLOWS / "nytt-nummer.yaml", content / "vagvisare" / "flode.yaml")
    found = where(check(content), content)
    assert ("SV602", "data/nodnummer.yaml", line_of(content / "data" / "nodnummer.yaml", "id: nytt")) in found
    assert (
        "SV314",
        "vagvisare/flode.yaml",
        line_of(content / "vagvisare" / "flode.yaml", "nummer: [vardguiden, nytt]"),
    ) in found


def test_the_ids_the_templates_name_are_ones_check_makes_sure_of():
    # The templates may name only the numbers that rule SV601 requires in nodnummer.yaml,
    # and every one of those has words (the rest come from outcomes: SV313, SV314).
    assert set(ALWAYS_SHOWN) <= set(LABELS) and set(HELPLINES) == set(LABELS)
    templates = Path(validation.__file__).parents[1] / "render" / "templates"
    named = set()
    for template in templates.rglob("*.html"):
        html = template.read_text(encoding="utf-8")
        named |= set(re.findall(r"helplines\[[\"'](\w+)[\"']\]", html))
        for ids in re.findall(r"\{%\s*for id in \(([^)]*)\)", html):
            named |= set(re.findall(r"[\"'](\w+)[\"']", ids))
    assert named <= set(ALWAYS_SHOWN)


def test_checking_needs_neither_flask_nor_the_freezer():
    code = (
        "import sys, samverkanstrappan.validation, samverkanstrappan.content.store; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'flask_babel', 'flask_frozen', 'jinja2')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=paths.REPO / "site", capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_a_problem_prints_as_file_line_code_message():
    assert str(Problem("a.md", 3, "SV110", "Okänd nyckel.")) == "a.md:3: SV110 Okänd nyckel."
    assert str(Problem("a.md", 3, "SV504", "Gammal.", WARNING)) == "a.md:3: SV504 varning: Gammal."
    with pytest.raises(ValueError):
        Problem("a.md", 3, "Okänd nyckel.", "")  # the message where the code belongs


def test_regler_lists_every_code_with_its_description_in_order(capsys):
    from build import main

    assert main(["regler"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [row.split()[0] for row in printed] == sorted(validation.codes())
    assert all(len(row.split(maxsplit=1)) == 2 for row in printed)


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_listing_whose_reader_stops_early_ends_without_a_traceback(unbuffered):
    """`python build.py regler | head -1`: the reader is gone before the listing is written,
    whether Python holds the output back (as usual) or writes it at once (PYTHONUNBUFFERED)."""
    reader, writer = os.pipe()
    os.close(reader)
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    environment |= {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    try:
        command = [sys.executable, str(paths.REPO / "build.py"), "regler"]
        result = subprocess.run(command, stdout=writer, stderr=subprocess.PIPE, text=True, env=environment)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (1, "")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("workers", [1, 2])
def test_broken_content_stops_the_build_with_every_problem_and_leaves_the_old_site(content, tmp_path, workers):
    # With two workers, Whoosh's index is already being written while the content is
    # checked: the workers stop and nothing of theirs is left.
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    for folder in (output, search_index / "sv"):
        folder.mkdir(parents=True)
        (folder / "index.html").write_text("förra bygget", encoding="utf-8")
    before, index_before = snapshot(output), snapshot(search_index)
    frozen_before = gc.get_freeze_count()  # 3.12.1 starts with some objects frozen; 3.11 and 3.13 with none
    for fixture in ("okand-nyckel.md", "trasig-lank.md", "osaker-html.md"):
        shutil.copy(PAGES / fixture, content / "sidor" / "sv" / fixture)
    code, printed = run_build(content, output, workers=workers, search_index=search_index)
    assert code == 1 and "Inget ändrades" in printed
    rows = [row for row in printed.splitlines() if ".md:" in row]
    assert {(row.split(":")[0].rsplit("/", 1)[-1], row.split()[1]) for row in rows} == {
        ("okand-nyckel.md", "SV110"),
        ("trasig-lank.md", "SV221"),
        ("osaker-html.md", "SV210"),
    }
    assert f"{len(rows)} fel hittades." in printed
    assert snapshot(output) == before and snapshot(search_index) == index_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "sokindex", "ut"]
    assert not multiprocessing.active_children() and gc.get_freeze_count() <= frozen_before


def test_the_report_sorts_by_file_and_line_and_counts():
    problems = [Problem("b.md", 1, "SV110", "B."), Problem("a.md", 2, "SV504", "A.", WARNING)]
    assert report(problems).splitlines() == [
        "a.md:2: SV504 varning: A.",
        "b.md:1: SV110 B.",
        "1 fel och 1 varning hittades.",
    ]


@pytest.mark.parametrize(
    "fixture, code, line",
    [
        ("iframe-flera-rader.md", "SV210", 8),  # a tag over several lines is still a tag
        ("javascript-entiteter.md", "SV212", 8),  # &#106;ava&#x73;cript&#58;
        ("javascript-procent.md", "SV212", 8),  # java%73cript:
        ("extern-bild-referens.md", "SV213", 10),  # a reference definition, without a scheme
    ],
)
def test_unsafe_content_in_any_spelling_is_refused_with_its_line(tmp_path, fixture, code, line):
    found, (file, _) = page(fixture, line).run(tmp_path)
    assert (code, file, line) in found, sorted(found)


@pytest.mark.parametrize(
    "fixture, code, line",
    [
        ("bild.md", "SV216", 8),  # ![Karta](/static/karta.png)
        ("bild-relativ.md", "SV216", 8),  # ![Foto](bilder/x.jpg)
        ("bild-referens.md", "SV216", 10),  # the reference's definition holds the address
        ("bild-html.md", "SV210", 8),  # <img>: a tag that is not allowed, said once
        ("extern-bild.md", "SV213", 8),  # from another site: said once, not also "no images"
    ],
)
def test_an_image_is_one_line_since_pages_show_no_images(tmp_path, fixture, code, line):
    """Images vanished from the built page without a word (nh3 allows no <img>)."""
    found, (file, _) = page(fixture, line).run(tmp_path)
    assert found == {(code, file, line)}


def test_unsafe_content_stops_the_build_and_keeps_the_old_site(content, tmp_path):
    """Refused, not stripped: the build names each file and line, exits 1 and publishes nothing."""
    output, search_index = tmp_path / "ut", tmp_path / "sokindex"
    output.mkdir()
    (output / "index.html").write_text("förra bygget", encoding="utf-8")
    fixtures = {
        "extern-bild.md": "SV213",
        "http-lank.md": "SV214",
        "data-lank.md": "SV215",
        "iframe-flera-rader.md": "SV210",
        "javascript-entiteter.md": "SV212",
        "bild.md": "SV216",
    }
    for fixture in fixtures:
        shutil.copy(PAGES / fixture, content / "sidor" / "sv" / fixture)
    code, printed = run_build(content, output, search_index=search_index)
    rows = {
        (row.split(":")[0].rsplit("/", 1)[-1], row.split(":")[1], row.split()[1])
        for row in printed.splitlines()
        if ".md:" in row
    }
    assert code == 1 and "Inget ändrades" in printed
    assert {(name, "8", wanted) for name, wanted in fixtures.items()} <= rows
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "förra bygget"
