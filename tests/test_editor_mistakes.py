"""Mistakes editors really make in the data files: each is a `fil:rad: KOD` line in Swedish,
the build exits 1, and the previous output is untouched. One root cause gives one line."""

import io
import re
import shutil

import pytest
from conftest import KOMMUN, run_build
from samverkanstrappan import paths
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.publish import builder

import build

DATA_FILES = [
    f"kommuner/{KOMMUN}/kommun.yaml",
    f"kommuner/{KOMMUN}/verksamheter.yaml",
    "vagvisare/flode.yaml",
    "data/synonymer.yaml",
    "data/nodnummer.yaml",
    "data/kris.sv.yaml",
]
ROW = re.compile(r"^(?P<file>.+):(?P<line>\d+): (?P<code>SV\d{3}) ")


@pytest.fixture
def previous(tmp_path):
    """The output of an earlier build, which a failed build must leave as it was."""
    output = tmp_path / "ut"
    output.mkdir()
    (output / "index.html").write_text("förra bygget", encoding="utf-8")
    return output


def rows(printed: str) -> list[tuple[str, int, str]]:
    return [
        (found["file"], int(found["line"]), found["code"]) for found in map(ROW.match, printed.splitlines()) if found
    ]


def assert_refused(code: int, printed: str, previous) -> None:
    assert code == 1, printed
    assert "Traceback" not in printed and "Error" not in printed
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "förra bygget"


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_data_file_saved_as_latin_1_is_named_with_the_line_of_its_first_bad_byte(content, previous, name):
    path = content / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    line = next(number for number, row in enumerate(text.splitlines(), 1) if not row.isascii())
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    assert rows(printed) == [(str(path), line, "SV104")] or rows(printed) == [(name, line, "SV104")], printed


def test_a_missing_emergency_numbers_file_is_one_line(content, previous):
    (content / "data" / "nodnummer.yaml").unlink()
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    assert [(file.rsplit("/", 1)[-1], line, found) for file, line, found in rows(printed)] == [
        ("nodnummer.yaml", 1, "SV106")
    ]


def test_a_misspelled_municipality_is_one_line_that_names_the_real_ones(content, previous):
    code, printed = run_build(content, previous, kommun="exempelstd")
    assert_refused(code, printed, previous)
    assert [(file.rsplit("/", 1)[-1], line, found) for file, line, found in rows(printed)] == [
        ("exempelstd", 1, "SV107")
    ]
    assert KOMMUN in printed


def test_a_municipality_without_a_directory_hears_it_once_with_every_kind_it_needs(content, previous):
    """The guide called the file optional, and the build said so in 18 lines, one per kind."""
    (content / "kommuner" / KOMMUN / "verksamheter.yaml").unlink()
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    assert [(file.rsplit("/", 1)[-1], line, found) for file, line, found in rows(printed)] == [
        ("verksamheter.yaml", 1, "SV312")
    ]
    needed = {kind for outcome in ContentStore(content, KOMMUN).flow.outcomes.values() for kind in outcome.verksamheter}
    assert len(needed) > 10 and all(f"{kind}" in printed for kind in needed)


def test_a_directory_that_lacks_kinds_hears_once_per_kind(content, previous):
    directory = content / "kommuner" / KOMMUN / "verksamheter.yaml"
    directory.write_text(
        directory.read_text(encoding="utf-8").split("verksamheter:")[0] + "verksamheter: []\n", "utf-8"
    )
    code, printed = run_build(content, previous)
    assert_refused(code, printed, previous)
    kinds = re.findall(r"SV312 .*?typen '([^']+)'", printed)
    assert len(kinds) > 10 and len(kinds) == len(set(kinds))  # (its translations name services it lost: SV150)


def replace(name: str, old: str, new: str):
    """A mistake made by editing one line of a file: (file, the line's number, how to make it)."""

    def make(content):
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1

    return name, make


def emptied(name: str):
    """A file saved empty (or with comments only), as when an editor cleared it to start over."""

    def make(content):
        (content / name).write_text("# fylls i senare\n" if name.endswith(".yaml") else "", encoding="utf-8")
        return 1

    return name, make


def link(name: str, target: str):
    def make(content):
        (content / name).symlink_to(target)
        return 1

    return name, make


def huge(name: str):
    """A page of 10 MB (text pasted many times over): refused at once, not built for minutes."""

    def make(content):
        (content / name).write_text("---\ntitel: Stor\n---\n" + "Text som klistrats in. " * 460_000, encoding="utf-8")
        return 1

    return name, make


def page_named(name: str):
    """A page of the municipality's own, named as one of the site's own pages."""

    def make(content):
        page = content / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text((content / "sidor" / "sv" / "om.md").read_text(encoding="utf-8"), encoding="utf-8")
        return 1

    return name, make


def folder(name: str):
    def make(content):
        (content / name).mkdir()
        return 1

    return name, make


KOMMUN_FILE, DIRECTORY = f"kommuner/{KOMMUN}/kommun.yaml", f"kommuner/{KOMMUN}/verksamheter.yaml"
# Each mistake gives exactly one line, on the line where the mistake is, and nothing that
# follows from it (the colour is not also "empty", the service not also "missing").
ONE_LINE = {
    "tabb": (replace(KOMMUN_FILE, "  primar_text:", "\tprimar_text:"), "SV101"),
    "citattecken-som-inte-stangs": (replace(KOMMUN_FILE, 'kommunkod: "', 'kommunkod: "99011\nx: "'), "SV101"),
    "kolon-i-texten": (replace(KOMMUN_FILE, "namn: Exempelstads kommun", "namn: Exempelstad: kommunen"), "SV101"),
    # A key without its colon was blamed on the next line (past the file's end on the last),
    # with advice to quote the text (an editor, session 32).
    "kolon-saknas": (replace(KOMMUN_FILE, "region: Region Exempel", "region Region Exempel"), "SV101"),
    "kolon-saknas-sist": (replace(KOMMUN_FILE, "  svarstid_dagar: 5", "  svarstid_dagar 5"), "SV101"),
    "kolon-saknas-inne": (replace(KOMMUN_FILE, "  telefon: 0100-10 00 00", "  telefon 0100-10 00 00"), "SV101"),
    "kolon-saknas-i-sidhuvudet": (replace("sidor/sv/om.md", "titel: Om webbplatsen", "titel Om webbplatsen"), "SV101"),
    "farg-utan-citattecken": (replace(KOMMUN_FILE, 'primar: "#1d4e89"', "primar: #1d4e89"), "SV109"),
    # Word's curly quotes were published as part of the name: the header showed ”Exempelstads kommun”.
    "typografiska-citattecken": (
        replace(KOMMUN_FILE, "namn: Exempelstads kommun", "namn: ”Exempelstads kommun”"),
        "SV115",
    ),
    "typografiska-citattecken-kod": (replace(KOMMUN_FILE, 'kommunkod: "9901"', "kommunkod: ”9901”"), "SV115"),
    "typografiska-citattecken-farg": (replace(KOMMUN_FILE, 'primar: "#1d4e89"', "primar: “#1d4e89”"), "SV115"),
    "typografiska-citattecken-lista": (replace(KOMMUN_FILE, "sprak: [sv, en,", "sprak: [sv, «en»,"), "SV115"),
    "typografiska-citattecken-verksamhet": (
        replace(DIRECTORY, "namn: Exempelstads kommun", "namn: „Exempelstads kommun“"),
        "SV115",
    ),
    # 38 lines for an empty directory (every kind missing, every translation's card unknown),
    # and "does not start with ---" for an empty page (an editor, session 32).
    "tom-katalog": (emptied(DIRECTORY), "SV117"),
    "tom-kommun": (emptied(KOMMUN_FILE), "SV117"),
    "tom-sida": (emptied("sidor/sv/om.md"), "SV202"),
    "fel-telefonnummer": (replace(DIRECTORY, "nummer: ", "nummer: 08-abc "), "SV112"),
    # The build stopped with "File exists" while `check` found nothing.
    "sprak-tva-ganger": (replace(KOMMUN_FILE, "sprak: [sv, en,", "sprak: [sv, en, en,"), "SV403"),
    # The build stopped with a traceback (Unexpected status '404 NOT FOUND' on URL /en/lattlast/).
    "sida-som-heter-lattlast": (page_named(f"kommuner/{KOMMUN}/sidor/sv/lattlast.md"), "SV205"),
    # Hidden behind the directory page, while A–Ö linked to it.
    "sida-som-heter-verksamheter": (page_named(f"kommuner/{KOMMUN}/sidor/sv/verksamheter.md"), "SV205"),
    # Passed by without a word: the page was simply not on the site.
    "sida-som-slutar-pa-MD": (page_named(f"kommuner/{KOMMUN}/sidor/sv/bibliotek.MD"), "SV206"),
    "fel-startfraga": (replace("vagvisare/flode.yaml", "start: ", "start: x"), "SV301"),
    "lank-utanfor": (link("sidor/sv/lank.md", "/etc/passwd"), "SV120"),
    "lank-till-inget": (link("sidor/sv/borta.md", "/finns/inte.md"), "SV120"),
    "lankad-mapp": (link("sidor/sv/mer", "/etc"), "SV120"),
    "mapp-som-heter-som-en-sida": (folder("sidor/sv/extra.md"), "SV121"),
    "sida-pa-10-mb": (huge("sidor/sv/stor.md"), "SV204"),
}


@pytest.mark.parametrize("mistake", sorted(ONE_LINE))
def test_each_mistake_is_one_line_where_it_is(content, previous, mistake):
    (name, make), code = ONE_LINE[mistake]
    line = make(content)
    exit_code, printed = run_build(content, previous)
    assert_refused(exit_code, printed, previous)
    assert [(file.removeprefix(f"{content}/"), number, found) for file, number, found in rows(printed)] == [
        (name, line, code)
    ], printed


def test_a_kommun_yaml_that_cannot_be_read_hides_no_other_mistake(content, previous):
    """With a tab in kommun.yaml its languages are unknown: every language's pages are checked
    all the same (an editor heard of three English mistakes only after fixing the tab)."""
    for _, make in (ONE_LINE["tabb"][0], emptied("sidor/en/be-om-sip.md")):
        make(content)
    exit_code, printed = run_build(content, previous)
    assert_refused(exit_code, printed, previous)
    found = {(file.removeprefix(f"{content}/"), code) for file, _, code in rows(printed)}
    assert found == {(KOMMUN_FILE, "SV101"), ("sidor/en/be-om-sip.md", "SV202")}, printed


def test_a_byte_order_mark_is_skipped_with_a_warning(content, capsys):
    """Notepad puts an invisible BOM first: the page still starts with ---, and is read."""
    page = content / "sidor" / "sv" / "om.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    assert build.main(["check", "--innehall", str(content), "--kommun", KOMMUN]) == 0
    printed = capsys.readouterr().out
    assert [(file.removeprefix(f"{content}/"), line, code) for file, line, code in rows(printed)] == [
        ("sidor/sv/om.md", 1, "SV108")
    ]


@pytest.fixture
def translations(tmp_path):
    copy = tmp_path / "translations"
    shutil.copytree(paths.TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


@pytest.mark.parametrize(
    ("broken", "code"),
    [
        ('msgstr "Menu', "SV711"),  # a quote that is not closed
        ("msgstr Menu", "SV711"),  # the text without quotes
        ("något som inte hör hit", "SV711"),
        (None, "SV711"),  # a msgstr whose msgid line was deleted
        ('msgstr "Räksmörgås"', "SV104"),  # saved as Latin-1 below
    ],
)
def test_a_broken_catalog_is_named_in_swedish_at_its_line(content, previous, translations, broken, code, capfd):
    po = translations / "en" / "LC_MESSAGES" / "messages.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    number = next(n for n, text in enumerate(lines, 1) if n > 20 and text.startswith("msgstr"))
    if broken is None:  # the msgid line above is lost: Babel reads on, polib refuses it
        lines[number - 2] = ""
    else:
        lines[number - 1] = broken
    po.write_bytes("\n".join(lines).encode("latin-1" if code == "SV104" else "utf-8", errors="replace"))
    if code == "SV104":  # named at the first line that is not UTF-8 any more: the first with å, ä or ö
        number = next(n for n, text in enumerate(lines, 1) if not text.isascii())
    out = io.StringIO()
    exit_code = builder.build(KOMMUN, previous, content, workers=1, out=out, translations=translations)
    printed = out.getvalue() + "".join(capfd.readouterr())
    assert_refused(exit_code, printed, previous)
    assert "WARNING" not in printed and "Syntax" not in printed
    assert [(file.rsplit("/", 3)[-3], line, found) for file, line, found in rows(printed)] == [("en", number, code)]
