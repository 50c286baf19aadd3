"""Every mistake in a file at once: a key or value that cannot be read is reported where it
is, and does not hide what the other checks of the same file find (an editor fixed the first
mistake, built again, and only then heard of the next). Only what truly follows from a
mistake is left out."""

import re
import shutil

import pytest
from conftest import FIXTURES
from content_helpers import FILES, KOMMUN, TODAY, check, line_of, where, write_content

OWN = f"kommuner/{KOMMUN}"
SETTINGS = f"""namn: Provstads kommun
kommunkod: "9909"
region: Region Prov
webbadress: https://prov.example/
sprak: [sv]
exempel: ja
logotyp: logotyp.svg
farger:
  primar: "#1d4e89"
  primar_text: "#ffffff"
  yta: "#f3f5f8"
synpunkter:
  epost: webben@prov.example
  telefon: 0100-10 00 00
tillganglighet:
  status: delvis
  brister: [Sidorna på engelska är inte granskade.]
  bedomning: sjalvskattning
  bedomd: {TODAY}
  upprattad: {TODAY}
  uppdaterad: {TODAY}
  epost: webben@prov.example
"""


def settings_with(content, *edits: tuple[str, str]):
    """The municipality's kommun.yaml as SETTINGS with each (old, new) made."""
    text = SETTINGS
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = content / OWN / "kommun.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_settings_pass(tmp_path):
    content = write_content(tmp_path)
    settings_with(content)
    assert check(content) == []


def test_a_key_or_value_mistake_in_kommun_yaml_hides_none_of_its_other_checks(tmp_path):
    content = write_content(tmp_path)
    settings = settings_with(
        content,
        ("logotyp: logotyp.svg", "logotyp: finns-inte.svg"),
        ('yta: "#f3f5f8"', 'yta: "#999999"'),
        ("  telefon:", "  telefn:"),
        ("  brister: [Sidorna på engelska är inte granskade.]\n", ""),
        (f"bedomd: {TODAY}", "bedomd: igår"),
        (f"uppdaterad: {TODAY}", "uppdaterad: 2020-01-02"),
    )
    file = f"{OWN}/kommun.yaml"
    assert where(check(content), content) == {
        ("SV110", file, line_of(settings, "telefn:")),  # a misspelled key
        ("SV112", file, line_of(settings, "bedomd:")),  # not a date
        ("SV421", file, line_of(settings, "logotyp:")),  # no such logo
        ("SV410", file, line_of(settings, "primar:")),  # the links on the light surface
        ("SV430", file, line_of(settings, "tillganglighet:")),  # delvis, but no brister
        ("SV433", file, line_of(settings, "uppdaterad:")),  # reviewed more than a year ago
        ("SV432", file, line_of(settings, "uppdaterad:")),  # before upprattad
        ("SV406", f"{OWN}/logotyp.svg", 1),  # the logo that is there, which nothing names now
    }


@pytest.mark.parametrize(
    "old, new, code",
    [
        # The languages cannot be read: not also "Swedish is missing" (SV402).
        ("sprak: [sv]", "sprak: sv, en", "SV114"),
        ("sprak: [sv]", "sprak:\n  sv: ja", "SV112"),
        # A colour that cannot be read is not also too pale beside the others (SV410).
        ('  yta: "#f3f5f8"', "  yta: grå", "SV112"),
        ('  primar: "#1d4e89"', "  primar: blå", "SV112"),
        # Known problems that cannot be read are not also "no known problems" (SV430).
        ("  brister: [Sidorna på engelska är inte granskade.]", "  brister:\n    a: b", "SV112"),
        # A review date that cannot be read is not also before the first one (SV432).
        (f"  uppdaterad: {TODAY}", "  uppdaterad: 2020-13-02", "SV112"),
        # A logo's name that cannot be read is not also a missing file (SV421).
        ("logotyp: logotyp.svg", "logotyp:\n  - a.svg", "SV112"),
    ],
)
def test_what_follows_from_an_unreadable_value_is_left_out(tmp_path, old, new, code):
    content = write_content(tmp_path)
    settings = settings_with(content, (old, new))
    line = line_of(settings, new.strip().splitlines()[0])
    assert where(check(content), content) == {(code, f"{OWN}/kommun.yaml", line)}


def test_an_own_language_folder_is_no_warning_while_the_languages_cannot_be_read(tmp_path):
    content = write_content(tmp_path)
    settings_with(content, ("sprak: [sv]", "sprak: sv, en"))
    page = content / OWN / "sidor" / "en" / "om.md"
    page.parent.mkdir(parents=True)
    page.write_text(FILES["sidor/sv/om.md"], encoding="utf-8")
    assert {code for code, _, _ in where(check(content), content)} == {"SV114"}


DIRECTORY = f"{OWN}/verksamheter.yaml"


@pytest.mark.parametrize(
    "edits, expected",
    [
        # A wrong number hid the hours of the same number (SV505) until it was fixed.
        (
            [("nummer: 0100-20 00 00", "nummer: 08-abc"), ("Måndag–fredag 8–17", "Måndag till fredag")],
            {("SV112", "nummer:"), ("SV505", "oppettider:")},
        ),
        (
            [("        oppettider:", "        fax: 0100-20 00 01\n        oppettider:"), ("fredag 8–17", "fredag 8")],
            {("SV110", "fax:"), ("SV505", "oppettider:")},
        ),
        # A date that cannot be read hid the unknown organisation (SV501), and the service was
        # then "missing": the vägvisare's vardcentral (SV312).
        (
            [("kontrollerad: ", "kontrollerad: igår\n    x: "), ("organisation: region", "organisation: regionen")],
            {("SV112", "kontrollerad:"), ("SV110", "x:"), ("SV501", "organisation: regionen")},
        ),
        ([("beskrivning: Vård för vuxna och barn.", "beskrivning:")], {("SV112", "beskrivning:")}),
        ([("    namn: Provstads vårdcentral\n", "")], {("SV111", "- id: vardcentral")}),
    ],
    ids=["nummer-och-oppettider", "nyckel-och-oppettider", "datum-och-organisation", "tom-text", "utan-namn"],
)
def test_a_mistake_in_a_verksamhet_hides_none_of_its_other_checks(tmp_path, edits, expected):
    content = write_content(tmp_path)
    path = content / DIRECTORY
    text = FILES[DIRECTORY]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert where(check(content), content) == {(code, DIRECTORY, line_of(path, marker)) for code, marker in expected}


def test_every_line_with_a_tab_is_named(tmp_path):
    """Only the first tab was reported: an editor removed it, built again, and heard of the next."""
    content = write_content(tmp_path)
    path = settings_with(content, ("  primar_text:", "\tprimar_text:"), ("  epost: webben", "\t epost: webben"))
    text = path.read_text(encoding="utf-8").replace("\n  status:", "\n\t\n  status:")
    path.write_text(text, encoding="utf-8")
    tabs = [number for number, line in enumerate(text.splitlines(), 1) if "\t" in line]
    assert len(tabs) == 3
    assert where(check(content), content) == {("SV101", f"{OWN}/kommun.yaml", number) for number in tabs}


def test_a_page_with_tabs_names_each_line_of_its_own(tmp_path):
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    text = FILES["sidor/sv/om.md"].replace("sokord", "x").replace("trappsteg: information", "sokord:\n\t- a\n\t- b")
    page.write_text(text, encoding="utf-8")
    tabs = {number for number, line in enumerate(text.splitlines(), 1) if "\t" in line}
    assert {line for code, _, line in where(check(content), content) if code == "SV101"} == tabs


def test_a_file_indented_with_tabs_throughout_is_ten_lines_and_a_count(tmp_path):
    content = write_content(tmp_path)
    path = content / DIRECTORY
    path.write_text(FILES[DIRECTORY].replace("  ", "\t"), encoding="utf-8")
    tabs = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "\t" in line]
    problems = sorted(check(content))
    assert len(tabs) > 12
    assert [(p.code, p.line) for p in problems] == [("SV101", number) for number in tabs[:10]]
    assert str(len(tabs) - 10) in problems[-1].message


def published_in_english(content):
    """The small content in Swedish and English, with an English om.md, a lättläst om.md, a
    local block on om, and links to /sv/om/ and /en/om/: all of which name the Swedish om.md."""
    settings = content / OWN / "kommun.yaml"
    settings.write_text(FILES[f"{OWN}/kommun.yaml"].replace("sprak: [sv]", "sprak: [sv, en]"), encoding="utf-8")
    (content / "data" / "kris.en.yaml").write_text("kontakt:\n  - want to die\n", encoding="utf-8")
    translated = FILES["sidor/sv/om.md"].replace("granskad:", "oversattning_granskad: nej\ngranskad:")
    for name in ("sidor/en/om.md", "sidor/sv/lattlast/om.md"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(translated, encoding="utf-8")
    start = FILES["sidor/sv/start.md"] + "\n[Om oss](/sv/om/) och [in English](/en/om/)\n"
    (content / "sidor" / "sv" / "start.md").write_text(start, encoding="utf-8")
    block = content / OWN / "tillagg" / "sv" / "om.md"
    block.parent.mkdir(parents=True)
    block.write_text(f"---\ngranskad: {TODAY}\n---\n\nGäller här.\n", encoding="utf-8")


@pytest.mark.parametrize(
    "name, written, code, line",
    [
        ("sidor/sv/om.md", b"", "SV202", 1),  # an empty page
        ("sidor/sv/om.md", FILES["sidor/sv/om.md"].encode("cp1252"), "SV104", 3),
        ("sidor/sv/om.md", FILES["sidor/sv/om.md"].replace("titel: Om", "titel: Om: oss").encode(), "SV101", 2),
        ("vagvisare/sv/klart.md", b"", "SV202", 1),  # not also "Texten saknas. Skapa filen" (SV320)
        ("vagvisare/sv/personal.md", b"", "SV202", 1),  # nor "Texten för personalen saknas" (SV335)
    ],
    ids=["tom-sida", "windows-1252", "yaml-fel", "tom-vagvisartext", "tom-personaltext"],
)
def test_a_page_that_cannot_be_read_is_one_line_not_also_missing(tmp_path, name, written, code, line):
    """Its translation had no Swedish page (SV702), its lättläst no original (SV703), its local
    block no page (SV260), and every link to it led nowhere (SV221)."""
    content = write_content(tmp_path)
    published_in_english(content)
    assert check(content) == []
    (content / name).write_bytes(written)
    assert where(check(content), content) == {(code, name, line)}


@pytest.mark.parametrize(
    "name, keys",
    [
        (f"{OWN}/tillagg/sv/om.md", ["granskad"]),  # a tillägg was asked for titel and beskrivning
        ("vagvisare/sv/klart.md", ["granskad", "fraga", "titel", "sag_sa_har"]),
        ("sidor/sv/om.md", ["titel", "beskrivning", "granskad"]),
    ],
)
def test_a_file_without_front_matter_is_told_the_keys_of_its_own_kind(tmp_path, name, keys):
    content = write_content(tmp_path)
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text("Gäller här.\n", encoding="utf-8")
    problems = [p for p in check(content) if p.code == "SV202"]
    assert len(problems) == 1
    named = re.findall(r"\b(titel|beskrivning|granskad|fraga|sag_sa_har)\b", problems[0].message)
    assert named == keys, problems[0].message


@pytest.mark.parametrize(
    "written, code",
    [
        ('Läs <a href="#">här</a>.', "SV220"),  # was reported on the blank line after the front matter
        ("Läs <a href='om/'>här</a>.", "SV220"),
        ("Läs [här][om].\n\n[om]: /sv/finns-inte/", "SV221"),
        ("Läs <a href=/sv/finns-inte/>här</a>.", "SV221"),
    ],
)
def test_a_link_is_reported_on_the_line_where_it_is_written(tmp_path, written, code):
    content = write_content(tmp_path)
    page = content / "sidor" / "sv" / "om.md"
    page.write_text(FILES["sidor/sv/om.md"] + f"\n{written}\n", encoding="utf-8")
    marker = written.splitlines()[-1][:12] if "[om]:" in written else written[:12]
    found = {(code_, line) for code_, file, line in where(check(content), content) if file == "sidor/sv/om.md"}
    assert (code, line_of(page, marker)) in found, found


@pytest.mark.parametrize(
    "name, kind",
    [
        (f"{OWN}/kommun.yaml", "YAML"),
        (f"{OWN}/verksamheter.yaml", "YAML"),  # not also "Filen verksamheter.yaml saknas" (SV312)
        ("data/nodnummer.yaml", "YAML"),  # not also "saknas" (SV106)
        ("vagvisare/flode.yaml", "YAML"),  # nor a folder that is no language (SV208)
        ("data/synonymer.yaml", "YAML"),
        (f"{OWN}/logotyp.svg", "bild"),
        ("sidor/sv/extra.md", "sida"),
    ],
)
def test_a_folder_named_as_a_file_is_one_line_naming_what_the_file_is(tmp_path, name, kind):
    """A folder kommun.yaml/ was called 'en sida', beside a second line saying the file is missing."""
    content = write_content(tmp_path)
    if name.endswith("logotyp.svg"):  # named in kommun.yaml, or the logo's rules never look for it
        shutil.copy(FIXTURES / "kommun" / "med-logotyp.yaml", content / OWN / "kommun.yaml")
    path = content / name
    if path.exists():
        path.unlink()
    path.mkdir()
    problems = check(content)
    assert where(problems, content) == {("SV121", name, 1)}
    assert kind in problems[0].message and ("sida" not in problems[0].message or kind == "sida")
