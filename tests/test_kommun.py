"""Municipalities: settings, colours, directory, local additions, the accessibility
statement, open data, the editors' guide, and adding a new municipality by copying."""

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, KOMMUNER, html_pages, run_build, url_of
from content_helpers import KOMMUN, check, line_of, where, write_content
from html_facts import facts_of
from samverkanstrappan import guide, paths
from samverkanstrappan.content import farger, kommun
from samverkanstrappan.content.problems import WARNING
from samverkanstrappan.render import create_app

BROKEN = FIXTURES / "kommun"
HSDS_SCHEMA = paths.REPO.parent / "shared" / "data" / "hsds-3.0" / "compiled-service.json"


@pytest.mark.parametrize(
    "fixture, target, marker, code",
    [
        ("okand-nyckel.yaml", "kommun.yaml", "farg: blå", "SV110"),
        ("saknar-region.yaml", "kommun.yaml", "namn:", "SV111"),
        ("okant-sprak.yaml", "kommun.yaml", "sprak:", "SV401"),
        ("fel-webbadress.yaml", "kommun.yaml", "webbadress:", "SV112"),
        ("lag-kontrast.yaml", "kommun.yaml", "primar:", "SV410"),
        ("ogiltig-farg.yaml", "kommun.yaml", "yta:", "SV112"),
        ("logotyp-saknas.yaml", "kommun.yaml", "logotyp:", "SV421"),
        ("saknar-synpunkter.yaml", "kommun.yaml", "namn:", "SV111"),
        ("redogorelse-ofullstandig.yaml", "kommun.yaml", "status:", "SV111"),
        ("redogorelse-utan-brister.yaml", "kommun.yaml", "tillganglighet:", "SV430"),
        ("fel-telefon.yaml", "verksamheter.yaml", "nummer: 010-12", "SV112"),
        ("fel-webb.yaml", "verksamheter.yaml", "webb: www.exempelstad", "SV112"),
        ("fel-epost.yaml", "verksamheter.yaml", "epost: anhorigstod.exempelstad", "SV112"),
        ("fel-oppettider.yaml", "verksamheter.yaml", "oppettider: Måndag–fredag förmiddag", "SV505"),
        ("redogorelse-gammal.yaml", "kommun.yaml", "uppdaterad:", "SV433"),
        ("gammal-post.yaml", "verksamheter.yaml", "kontrollerad: 2025-01-10", "SV504"),
    ],
)
def test_each_settings_mistake_is_reported_with_code_file_and_line(tmp_path, fixture, target, marker, code):
    content = write_content(tmp_path)
    shutil.copy(BROKEN / fixture, content / "kommuner" / KOMMUN / target)
    found = where(check(content), content)
    assert (code, f"kommuner/{KOMMUN}/{target}", line_of(BROKEN / fixture, marker)) in found, sorted(found)


@pytest.mark.parametrize("code", ["12A5", "126", "12650", "12 65", "1265-1"])
def test_a_kommunkod_that_is_not_four_digits_is_refused(tmp_path, code):
    """SCB's codes are four digits; '12A5' was published as it was written."""
    content = write_content(tmp_path)
    settings = with_kommunkod(content, code)
    problems = check(content)
    assert where(problems, content) == {("SV112", f"kommuner/{KOMMUN}/kommun.yaml", line_of(settings, "kommunkod:"))}
    assert "fyra siffror" in problems[0].message


@pytest.mark.parametrize("code", ['"0180"', "1265", "'2584'"])
def test_a_kommunkod_of_four_digits_is_read_quoted_or_not(tmp_path, code):
    content = write_content(tmp_path)
    with_kommunkod(content, code)
    assert check(content) == []


def with_kommunkod(content: Path, code: str) -> Path:
    """The small content's kommun.yaml with `kommunkod:` written as `code`."""
    settings = content / "kommuner" / KOMMUN / "kommun.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('kommunkod: "9909"', f"kommunkod: {code}"), encoding="utf-8")
    return settings


def test_a_kind_the_vagvisare_needs_but_the_directory_lacks_is_reported(tmp_path):
    content = write_content(tmp_path)
    shutil.copy(BROKEN / "saknar-typ.yaml", content / "kommuner" / KOMMUN / "verksamheter.yaml")
    shutil.copy(FIXTURES / "vagvisare" / "behover-bup.yaml", content / "vagvisare" / "flode.yaml")
    assert ("SV312", f"kommuner/{KOMMUN}/verksamheter.yaml", 1) in where(check(content), content)


def test_old_dates_are_warnings(tmp_path):
    content = write_content(tmp_path)
    shutil.copy(BROKEN / "redogorelse-gammal.yaml", content / "kommuner" / KOMMUN / "kommun.yaml")
    shutil.copy(BROKEN / "gammal-post.yaml", content / "kommuner" / KOMMUN / "verksamheter.yaml")
    problems = [p for p in check(content) if p.code in ("SV433", "SV504")]
    assert sorted((p.code, p.level) for p in problems) == [("SV433", WARNING), ("SV504", WARNING)]


def test_an_addition_to_a_page_that_does_not_exist_is_reported(tmp_path):
    content = write_content(tmp_path)
    folder = content / "kommuner" / KOMMUN / "tillagg" / "sv"
    folder.mkdir(parents=True)
    shutil.copy(BROKEN / "tillagg-utan-sida.md", folder / "finns-inte.md")
    assert ("SV260", f"kommuner/{KOMMUN}/tillagg/sv/finns-inte.md", 1) in where(check(content), content)


LOGOS = FIXTURES / "logotyp"
PNG = b"\x89PNG\r\n\x1a\n"  # the first eight bytes of every PNG file


def logo_problems(tmp_path, logo: bytes, name: str = "logotyp.svg") -> set:
    """(code, line) of what check says about `logo`, put in the municipality's folder as `name`."""
    content = write_content(tmp_path)
    settings = "med-logotyp.yaml" if name.endswith(".svg") else "med-png-logotyp.yaml"
    shutil.copy(BROKEN / settings, content / "kommuner" / KOMMUN / "kommun.yaml")
    (content / "kommuner" / KOMMUN / name).write_bytes(logo)
    file = f"kommuner/{KOMMUN}/{name}"
    return {(code, line) for code, where_, line in where(check(content), content) if where_ == file}


@pytest.mark.parametrize(
    "fixture, line",
    [
        ("skript.svg", 3),  # <script>: runs when /kommun/logotyp.svg is opened
        ("handelse.svg", 1),  # onload= on the <svg> tag, which begins on line 1
        ("foreign-object.svg", 3),
        ("extern-referens.svg", 5),  # <image href="https://..."> (the #ton beside it is the logo's own)
        ("extern-stil.svg", 3),  # @import in <style>
        ("javascript-lank.svg", 2),
        ("animering.svg", 4),  # <set> can turn a link into a script
        ("html-skript.svg", 3),  # a script of another namespace is a script
        ("extern-entitet.svg", 3),  # an entity that names a file outside
        ("extern-fyllning.svg", 3),  # fill="url(https://...)": a presentation attribute is CSS too
        ("css-escape.svg", 3),  # "\\75 rl(" is "url(" to a browser
    ],
)
def test_a_logo_that_could_run_code_or_fetch_another_file_is_refused_at_its_line(tmp_path, fixture, line):
    """Copied unchanged before, so that opening /kommun/logotyp.svg ran its script."""
    assert ("SV423", line) in logo_problems(tmp_path, (LOGOS / fixture).read_bytes())


@pytest.mark.parametrize(
    "logo, name, line",
    [
        pytest.param(b"\x8a\x01" + bytes(range(256)) * 4, "logotyp.png", 1, id="slumpade-byte"),
        pytest.param(b"GIF89a" + bytes(40), "logotyp.png", 1, id="gif-som-heter-png"),
        pytest.param(PNG + bytes(40), "logotyp.svg", 1, id="png-som-heter-svg"),
        pytest.param((LOGOS / "utan-namnrymd.svg").read_bytes(), "logotyp.svg", 1, id="utan-xmlns"),
        pytest.param((LOGOS / "trasig.svg").read_bytes(), "logotyp.svg", 3, id="tagg-som-inte-stangs"),
    ],
)
def test_a_logo_that_is_not_what_its_name_says_is_refused(tmp_path, logo, name, line):
    assert logo_problems(tmp_path, logo, name) == {("SV424", line)}


@pytest.mark.parametrize(
    "logo, name",
    [
        pytest.param((LOGOS / "ritprogram.svg").read_bytes(), "logotyp.svg", id="svg"),
        pytest.param(PNG + bytes(40), "logotyp.png", id="png"),
    ],
)
def test_what_drawing_programs_write_is_a_logo(tmp_path, logo, name):
    """A DOCTYPE with an internal entity, Inkscape's namespaces and metadata, a gradient named
    by #id, an embedded PNG: all of it stays inside the file."""
    assert logo_problems(tmp_path, logo, name) == set()


def test_contrast_is_computed_as_wcag_defines_it():
    assert farger.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert farger.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert farger.low_contrast({}) == []


def _site_facts(site: Path) -> dict:
    start = (site / "sv" / "index.html").read_text(encoding="utf-8")
    directory = (site / "sv" / "verksamheter" / "index.html").read_text(encoding="utf-8")
    return {
        "name": re.search(r'webbplatsnamn__kommun"[^>]*>([^<]+)<', start).group(1),
        "colours": (site / "kommun" / "farger.css").read_text(encoding="utf-8"),
        "contacts": set(facts_of(directory).tel_links),
        "languages": {path.name for path in site.iterdir() if path.is_dir() and len(path.name) == 2},
    }


def test_the_two_examples_differ_in_name_colours_contacts_and_languages(small_builds):
    assert len(KOMMUNER) >= 2
    built = {slug: _site_facts(small_builds[slug].output) for slug in KOMMUNER[:2]}
    first, second = built.values()
    assert {key: first[key] != second[key] for key in first} == {key: True for key in first}


def test_every_page_shows_the_municipality_name_logo_and_colours(built_site):
    settings = kommun.load(paths.CONTENT / "kommuner" / built_site.name / "kommun.yaml", built_site.name, "k")[0]
    wrong = []
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        if (
            settings.namn not in html
            or "/kommun/farger.css" not in html
            or (settings.logotyp and "/kommun/logotyp" not in html)
        ):
            wrong.append(url_of(built_site, path))
    assert wrong == []


def test_directory_page_has_every_service_with_a_phone_number_in_a_to_o_groups(built_site):
    store = create_app(built_site.name).extensions["content"]
    facts = facts_of((built_site / "sv" / "verksamheter" / "index.html").read_text(encoding="utf-8"))
    assert {f"kort-{service_id}" for service_id in store.verksamheter} <= facts.ids
    numbers = {phone.tel for service in store.verksamheter.values() for phone in service.telefon}
    assert numbers <= set(facts.tel_links)
    html = (built_site / "sv" / "verksamheter" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([a-z-]+)">([^<]+)</h2>', html)
    group_names = [name for kind, name in headings if kind in {s.typ for s in store.verksamheter.values()}]
    from samverkanstrappan.content.alfabet import sort_key

    assert group_names == sorted(group_names, key=sort_key("sv")) and len(group_names) > 5


def test_accessibility_statement_has_every_item_digg_requires(built_site):
    html = (built_site / "sv" / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    facts = facts_of(html)
    store = create_app(built_site.name).extensions["content"]
    statement = store.kommun.tillganglighet
    assert {"status", "brister", "anmal", "tillsyn", "granskning"} <= facts.ids
    assert "https://www.digg.se/tdosanmalan" in facts.links
    assert f"mailto:{statement['epost']}" in facts.links
    for key in ("bedomd", "upprattad", "uppdaterad"):
        assert f'datetime="{statement[key].isoformat()}"' in html
    assert store.kommun.namn in html and store.kommun.webbadress in html
    assert all(item in html for item in statement["brister"])
    # In another language the known problems are Swedish, and say so (an Arabic reader, session 32).
    other = next((lang for lang in store.languages if lang != "sv"), None)
    if other:
        translated = (built_site / other / "tillganglighet" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'id="brister".*?class="ej-oversatt".*?<ul lang="sv"', translated, re.S)
    assert 'class="ej-oversatt"' not in html


def test_open_data_validates_against_the_official_hsds_schema(built_site):
    schema = json.loads(HSDS_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    services = json.loads((built_site / "oppna-data" / "verksamheter.json").read_text(encoding="utf-8"))
    store = create_app(built_site.name).extensions["content"]
    assert len(services) == len(store.verksamheter)
    errors = {service["name"]: [error.message for error in validator.iter_errors(service)] for service in services}
    assert {name: found for name, found in errors.items() if found} == {}
    assert len({service["id"] for service in services}) == len(services)


def test_local_additions_and_own_pages_are_shown_as_local(small_builds):
    site = small_builds["sjoberga"].output
    start = facts_of((site / "sv" / "index.html").read_text(encoding="utf-8"))
    assert "lokalt" in start.ids and "/sv/traffpunkter/" in start.links
    assert (site / "sv" / "traffpunkter" / "index.html").is_file()
    finnish = facts_of((site / "fi" / "index.html").read_text(encoding="utf-8"))
    assert "lokalt" in finnish.ids and "sidtext" not in finnish.classes_with_lang.get("sv", set())  # translated
    # The municipality's own page is Swedish only: shown so in Finnish, and marked as Swedish.
    own = facts_of((site / "fi" / "traffpunkter" / "index.html").read_text(encoding="utf-8"))
    assert "sidtext" in own.classes_with_lang.get("sv", set())


def test_a_local_addition_not_yet_translated_is_shown_in_swedish_and_marked_so(content, tmp_path):
    shutil.rmtree(content / "kommuner" / "sjoberga" / "tillagg" / "fi")
    code, printed = run_build(content, tmp_path / "sjoberga", "sjoberga")
    assert code == 0, printed
    finnish = facts_of((tmp_path / "sjoberga" / "fi" / "index.html").read_text(encoding="utf-8"))
    assert "lokalt" in finnish.ids and "sidtext" in finnish.classes_with_lang.get("sv", set())


def test_a_new_municipality_is_a_copied_folder_with_edited_files(content, tmp_path):
    new = content / "kommuner" / "nystad"
    shutil.copytree(content / "kommuner" / "exempelstad", new)
    settings = new / "kommun.yaml"
    text = settings.read_text(encoding="utf-8").replace("Exempelstads kommun", "Nystads kommun")
    settings.write_text(
        text.replace('"9901"', '"9903"').replace(re.search(r"sprak: \[.*\]", text).group(), "sprak: [sv, fi]"),
        encoding="utf-8",
    )
    code, printed = run_build(content, tmp_path / "nystad", "nystad")
    assert code == 0, printed
    start = (tmp_path / "nystad" / "sv" / "index.html").read_text(encoding="utf-8")
    assert "Nystads kommun" in start
    assert sorted(p.name for p in (tmp_path / "nystad").iterdir() if len(p.name) == 2) == ["fi", "sv"]


def test_the_editors_guide_documents_every_key_as_the_build_reads_it():
    text = (paths.CONTENT / "README.md").read_text(encoding="utf-8")
    assert guide.rewrite(text) == text, "run: PYTHONPATH=site python -m samverkanstrappan.guide"
    missing = [
        (heading, field.name)
        for heading, _, fields in guide.SECTIONS
        for field in fields
        if f"| `{field.name}` |" not in text
    ]
    assert missing == []


def test_a_card_whose_staff_do_not_speak_the_readers_language_says_to_ask_for_an_interpreter(app, client):
    """A Ukrainian reader saw "Language: Swedish" on every card and nothing more (a persona)."""
    from samverkanstrappan.render.kort import SPOKEN

    store, asked, checked = app.extensions["content"], set(), 0
    flow = store.flow
    # An answer that shows each kind of card (the directory says it once for all: 3 kB in Ukrainian).
    shown_on = {}
    for path in flow.paths():
        outcome = flow.walk(path)[-1]
        for kind in getattr(outcome, "verksamheter", ()):
            shown_on.setdefault(kind, "/".join(path))
    for lang in store.languages:
        directory = client.get(f"/{lang}/verksamheter/").text
        once = directory.split('<nav class="innehallslista"')[0]
        for service in store.verksamheter.values():
            spoken = {SPOKEN.get(name.lower()) for name in service.sprak}
            wanted = lang != "sv" and bool(spoken) and lang not in spoken
            asked.add(wanted)
            if wanted:
                assert "data-tolk" in once, lang
            if service.typ not in shown_on:
                continue
            html = client.get(f"/{lang}/vagvisare/{shown_on[service.typ]}/").text
            card = re.search(rf'<article class="kort"[^>]*aria-labelledby="kort-{service.id}".*?</article>', html, re.S)
            if card:  # another service of the same kind may be the one shown
                assert ("data-tolk" in card.group(0)) == wanted, (lang, service.id)
                checked += 1
        assert directory.count("data-tolk") <= 1
    assert asked == {True, False} and checked > 20  # both kinds of card are there to be checked


def test_a_card_names_who_runs_the_service_once(app, client):
    """Every card on the directory names the organisation that runs the service, but once: a
    state agency's kind is its name ("Försäkringskassan · Försäkringskassan", a persona)."""
    store = app.extensions["content"]
    named_twice = 0
    for lang in store.languages:
        directory = client.get(f"/{lang}/verksamheter/").text
        for service in store.verksamheter.values():
            card = re.search(rf'aria-labelledby="kort-{service.id}".*?</article>', directory, re.S).group(0)
            kind_line = re.search(r'<p class="kort__typ">(.*?)</p>', card, re.S).group(1)
            text = re.sub(r"<[^>]+>", "", kind_line)
            assert text.count(service.organisation.namn) == 1, (lang, service.id, text)
            named_twice += "kort__org" not in kind_line
    assert named_twice  # the example has state agencies, whose kind names them
