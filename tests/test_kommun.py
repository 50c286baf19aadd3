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
        ("fel-oppettider.yaml", "verksamheter.yaml", "oppettider: Måndag till", "SV505"),
        ("redogorelse-gammal.yaml", "kommun.yaml", "uppdaterad:", "SV433"),
        ("gammal-post.yaml", "verksamheter.yaml", "kontrollerad: 2025-01-10", "SV504"),
    ],
)
def test_each_settings_mistake_is_reported_with_code_file_and_line(tmp_path, fixture, target, marker, code):
    content = write_content(tmp_path)
    shutil.copy(BROKEN / fixture, content / "kommuner" / KOMMUN / target)
    found = where(check(content), content)
    assert (code, f"kommuner/{KOMMUN}/{target}", line_of(BROKEN / fixture, marker)) in found, sorted(found)


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
