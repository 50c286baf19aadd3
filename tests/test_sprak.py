"""Languages: catalog checks, Swedish fallback with a note, coverage, the switcher, lättläst."""

import io
import re
import shutil
from pathlib import Path

import polib
import pytest
from babel import Locale
from babel.support import Translations
from conftest import FIXTURES, KOMMUN, gated_pages, html_pages, run_build, url_of
from flask import render_template_string
from html_facts import facts_of, facts_of_file
from samverkanstrappan import paths
from samverkanstrappan.content import catalogs
from samverkanstrappan.content.pages import LATTLAST
from samverkanstrappan.content.sprak import SOURCE, SPRAK
from samverkanstrappan.content.trappsteg import TRAPPSTEG
from samverkanstrappan.content.verksamhetstyper import TYPER
from samverkanstrappan.publish import builder
from samverkanstrappan.render import create_app
from samverkanstrappan.validation.catalog_rules import check as check_catalogs

CATALOGS = FIXTURES / "katalog"
WANTED = {"Akut hjälp", "Meny"}
# The languages whose text is bundled (a folder in content/sidor/); the example publishes them all.
TRANSLATED = [lang for lang in SPRAK if lang != SOURCE and (paths.CONTENT / "sidor" / lang).is_dir()]
# What every bundled language has in full (issue: start, six trappsteg, vägvisare, Be om en SIP).
REQUIRED_PAGES = ["start", "be-om-sip", *(f"steg/{slug}" for slug in TRAPPSTEG)]


def test_a_complete_catalog_passes():
    assert check_catalogs(CATALOGS / "hel", ["en"], WANTED) == []


@pytest.mark.parametrize(
    "case, line, code",
    [("saknas", 1, "SV715"), ("tom", 9, "SV714"), ("fuzzy", 9, "SV713"), ("inaktuell", 12, "SV712")],
)
def test_catalog_check_names_code_file_and_line(case, line, code):
    problems = check_catalogs(CATALOGS / case, ["en"], WANTED)
    assert [(p.code, Path(p.file).parts[-4:], p.line) for p in problems] == [
        (code, (case, "en", "LC_MESSAGES", "messages.po"), line)
    ]


def test_a_missing_catalog_is_reported(tmp_path):
    problems = check_catalogs(tmp_path, ["fi"], WANTED)
    assert [(p.code, p.file, p.line) for p in problems] == [("SV710", str(catalogs.po_file(tmp_path, "fi")), 1)]


def test_the_build_fails_on_a_fuzzy_interface_string(content, tmp_path):
    translations = tmp_path / "translations"
    shutil.copytree(paths.TRANSLATIONS, translations, ignore=shutil.ignore_patterns("*.mo"))
    po = translations / "fi" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "Meny"', '#, fuzzy\nmsgid "Meny"', 1), encoding="utf-8")
    out = io.StringIO()
    code = builder.build(KOMMUN, tmp_path / "ut", content, workers=1, out=out, translations=translations)
    assert code == 1
    line = polib.pofile(str(po)).find("Meny").linenum  # where the entry starts: its first comment
    assert f"translations/fi/LC_MESSAGES/messages.po:{line}: SV713 " in out.getvalue()


@pytest.mark.parametrize(
    "msgid, broken, said",
    [
        (
            "Steg %(number)s: %(title)s",
            "Askelma %(numero)s: %(title)s",
            ["har platshållaren %(numero)s", "saknar platshållaren %(number)s"],
        ),
        ("Vi svarar inom %(days)s arbetsdagar.", "Vastaamme työpäivän kuluessa.", ["saknar platshållaren %(days)s"]),
        ("Meny", "Valikko 100 % valmis", ["som inte är en hel platshållare: '% valmis'"]),
        ("Steg %(number)s: %(title)s", "Askelma %(number)d: %(title)s", ["skriver %(number)d"]),
        ("Verksamheter i %(kommun)s", "Palvelut – % (kommun)s", ["som inte är en hel platshållare: '% (kommun)s'"]),
    ],
)
def test_a_translation_whose_placeholders_differ_from_the_original_stops_the_build_as_a_content_mistake(
    content, tmp_path, msgid, broken, said
):
    """A misspelt or broken placeholder stopped the build with a program error (KeyError,
    ValueError) and a traceback; a left-out one published the sentence without its value."""
    translations = tmp_path / "translations"
    shutil.copytree(paths.TRANSLATIONS, translations, ignore=shutil.ignore_patterns("*.mo"))
    po = translations / "fi" / "LC_MESSAGES" / "messages.po"
    catalog = polib.pofile(str(po))
    catalog.find(msgid).msgstr = broken
    catalog.save()
    out = io.StringIO()
    code = builder.build(KOMMUN, tmp_path / "ut", content, workers=1, out=out, translations=translations)
    assert code == 1
    lines = po.read_text(encoding="utf-8").splitlines()
    line = lines.index(f'msgstr "{polib.escape(broken)}"') + 1
    reported = [row for row in out.getvalue().splitlines() if " SV716 " in row]
    assert len(reported) == len(said)
    assert all(row.split(": SV716 ")[0].endswith(f"translations/fi/LC_MESSAGES/messages.po:{line}") for row in reported)
    assert all(any(words in row for row in reported) for words in said)


def test_the_bundled_catalogs_are_complete():
    problems = check_catalogs(paths.TRANSLATIONS, TRANSLATED, catalogs.source_strings(paths.REPO))
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_bundled_language_is_complete_where_the_issue_asks(app, lang):
    store = app.extensions["content"]
    assert lang in store.languages
    missing = [key for key in REQUIRED_PAGES if (lang, key) not in store.pages]
    nodes = [*store.flow.questions, *store.flow.outcomes]
    missing += [node for node in nodes if (lang, node) not in store.texts]
    assert missing == []


def test_lattlast_covers_the_start_page_the_trappsteg_the_vagvisare_and_sip(app):
    store = app.extensions["content"]
    missing = [key for key in REQUIRED_PAGES if (SOURCE, LATTLAST + key) not in store.pages]
    nodes = [*store.flow.questions, *store.flow.outcomes]
    missing += [node for node in nodes if (SOURCE, LATTLAST + node) not in store.texts]
    assert missing == []


def test_a_removed_translation_falls_back_to_swedish_with_a_note(content, tmp_path):
    before = untranslated(content, "fi")
    (content / "sidor" / "fi" / "steg" / "upptackt.md").unlink()
    output = tmp_path / "ut"
    code, printed = run_build(content, output)
    assert code == 0, printed
    facts = facts_of((output / "fi" / "steg" / "upptackt" / "index.html").read_text(encoding="utf-8"))
    assert facts.html_attrs["lang"] == "fi"
    assert "ej-oversatt" in facts.classes_with_lang.get("fi", set())
    assert "sidtext" in facts.classes_with_lang.get("sv", set())
    finnish = next(
        line
        for line in (output / "granskning" / "sprak.csv").read_text(encoding="utf-8").splitlines()
        if line.startswith("suomi;")
    )
    assert finnish.split(";")[1:3] == [str(len(app_pages(content)) - 1 - before), str(1 + before)]
    assert re.search(r"^suomi\s+\d+\s+" + str(1 + before) + r"\s", printed, re.MULTILINE)


def app_pages(content: Path) -> list[str]:
    """The Swedish page keys, lättläst excluded: the set every language is measured against."""
    root = content / "sidor" / SOURCE
    return [p for p in root.rglob("*.md") if not p.relative_to(root).as_posix().startswith(LATTLAST)]


def untranslated(content: Path, lang: str) -> int:
    """Swedish pages with no file in `lang` (om, for-personal ... need not be translated)."""
    root = content / "sidor" / SOURCE
    return sum(1 for p in app_pages(content) if not (content / "sidor" / lang / p.relative_to(root)).exists())


def test_templates_translate_like_jinjas_newstyle_gettext(fresh_app):
    app = fresh_app
    # Values are escaped, "%%" is "%", and a value may have the name of translate()'s own
    # parameters. The second render comes from what the frozen build remembers.
    source = '{{ _("Nästa steg") }}|{{ _("%(text)s %%", text="<b>") }}|{{ _("%(context)s", context="&") }}'
    with app.test_request_context("/en/"):
        app.preprocess_request()
        template = app.jinja_env.from_string(source)
        assert template.render() == template.render() == "Next step|&lt;b&gt; %|&amp;"


def test_what_the_build_remembers_is_keyed_by_the_catalogs_language(fresh_app):
    app = fresh_app
    # A view may pass its own `lang` to a template; what is remembered for that render must
    # still be filed under the language it was translated into, or a later page gets it.
    fragment = '{{ _("Nästa steg") }}|{{ fragment("sidfot") }}'
    with app.test_request_context("/sv/"):
        app.preprocess_request()
        swedish = render_template_string(fragment, lang="en")
    with app.test_request_context("/en/"):
        app.preprocess_request()
        english = render_template_string(fragment)
    assert swedish.startswith("Nästa steg|") and english.startswith("Next step|")
    assert swedish.split("|", 1)[1] != english.split("|", 1)[1]


# Staff tools, in Swedish only: the phone script and the print views of combined answers.
SWEDISH_ONLY = ("/sv/vagvisare/manus/", "/sv/vagvisare/utfall/flera/")


def test_switcher_keeps_the_reader_on_the_same_page(built_site):
    published = create_app(built_site.name).extensions["content"].languages
    wrong = []
    for path in gated_pages(built_site):
        url = url_of(built_site, path)
        if not url.startswith(tuple(f"/{lang}/" for lang in SPRAK)) or url.startswith(SWEDISH_ONLY):
            continue  # tools for staff are in Swedish only, so they have no switcher
        facts = facts_of_file(path)
        rest = url.split("/", 2)[2].removeprefix(LATTLAST)  # lättläst switches to the ordinary page
        expected = {url if url.startswith(f"/{lang}/") else f"/{lang}/{rest}" for lang in published}
        if set(facts.switcher_links) != expected or set(facts.switcher_names) != set(published):
            wrong.append((url, facts.switcher_links, facts.switcher_names))
    assert wrong == []


SWEDISH_LINK = re.compile(r'<a href="([^"]*)" hreflang="sv">(.*?)</a>', re.S)


def test_a_link_to_a_page_only_in_swedish_says_so_in_the_readers_language(built_site):
    """An Arabic reader who opens the print view or the phone script is told first that it is
    in Swedish: the language's own name for Swedish (Babel's) is in the link."""
    wrong, seen = [], 0
    for path in gated_pages(built_site):
        lang = url_of(built_site, path).split("/")[1]
        if lang not in SPRAK or lang == SOURCE:
            continue
        swedish = Locale.parse(lang).languages[SOURCE]
        for href, text in SWEDISH_LINK.findall(path.read_text(encoding="utf-8")):
            seen += 1
            if f"({swedish})" not in text:
                wrong.append((url_of(built_site, path), href))
    assert seen > 100 and wrong == []


def test_every_language_is_named_in_itself_in_the_switcher(client):
    facts = facts_of(client.get("/sv/").text)
    assert facts.switcher_names == {lang: SPRAK[lang].name for lang in [SOURCE, *TRANSLATED]}


def test_lattlast_links_stay_in_lattlast(client):
    page = client.get("/sv/lattlast/vagvisare/").text
    answers = [
        href
        for href in re.findall(r'href="(/sv/[^"]*vagvisare/[^"]+)"', page)
        if "/manus/" not in href and "/utfall/" not in href
    ]  # staff views have no lättläst
    assert answers and all(href.startswith("/sv/lattlast/vagvisare/") for href in answers)
    staircase = re.findall(r'href="(/sv/[^"]*steg/[^"]+)"', client.get("/sv/lattlast/").text)
    assert staircase and all(href.startswith("/sv/lattlast/steg/") for href in staircase)


def test_a_swedish_page_without_a_lattlast_version_leads_to_lattlast_all_the_same(client):
    """A lättläst reader's menu took her to the directory, which had no way back (a persona)."""

    def other(url: str) -> str | None:
        found = re.search(r'<a class="lattlast-lank" href="([^"]+)"', client.get(url).text)
        return found and found[1]

    assert other("/sv/a-o/") == "/sv/lattlast/"
    assert other("/sv/steg/upptackt/") == "/sv/lattlast/steg/upptackt/"
    assert other("/sv/lattlast/steg/upptackt/") == "/sv/steg/upptackt/"
    assert other("/en/verksamheter/") is None
    assert other("/sv/verksamheter/") == "/sv/lattlast/verksamheter/"  # it has a lättläst version now
    assert client.get("/sv/lattlast/finns-inte/").status_code == 404  # and no "Vanlig svenska" to a start page
    assert 'class="lattlast-lank"' not in client.get("/sv/lattlast/finns-inte/").text


def test_lattlast_has_a_directory_of_its_own(client):
    """Sara, reading lättläst, chose "Verksamheter" in the menu and landed in ordinary Swedish,
    without the lättläst menu (a persona, session 35). Lättläst's menu leads to a directory
    in lättläst's frame, with every card of the ordinary one, and its links stay in lättläst."""
    menu = re.search(r'<nav class="bredd huvudmeny".*?</nav>', client.get("/sv/lattlast/").text, re.S).group(0)
    assert 'href="/sv/lattlast/verksamheter/"' in menu and 'href="/sv/verksamheter/"' not in menu
    easy, ordinary = client.get("/sv/lattlast/verksamheter/").text, client.get("/sv/verksamheter/").text
    cards = re.compile(r'<article class="kort"[^>]*aria-labelledby="(kort-[^"]+)"')
    assert cards.findall(easy) and cards.findall(easy) == cards.findall(ordinary)
    assert "data-lattlast-intro" in easy and "data-lattlast-intro" not in ordinary
    menu = re.search(r'<nav class="bredd huvudmeny".*?</nav>', easy, re.S).group(0)
    assert 'href="/sv/lattlast/verksamheter/" aria-current="page"' in menu
    assert re.search(r'<a class="lattlast-lank" href="/sv/verksamheter/"', easy)
    guide = re.findall(r'href="(/sv/[^"]*vagvisare/)"', easy.split("<main", 1)[1])
    assert guide and all(href == "/sv/lattlast/vagvisare/" for href in guide)
    assert client.get("/en/lattlast/verksamheter/").status_code == 404


def test_lattlast_is_swedish_only(client):
    assert client.get("/fi/lattlast/").status_code == 404
    assert client.get("/fi/lattlast/vagvisare/").status_code == 404
    assert client.get("/fi/lattlast/steg/upptackt/").status_code == 404


def test_a_translated_outcome_also_gives_the_swedish_words_to_show_staff(client, app):
    store = app.extensions["content"]
    node = "aldre-minne"
    page = client.get(f"/ar/vagvisare/utfall/{node}/").text
    assert store.text(SOURCE, node).meta["sag_sa_har"] in page
    assert store.text("ar", node).meta["sag_sa_har"] in page


def test_a_list_in_arabic_takes_the_arabic_comma(client):
    """The languages a service speaks, on an Arabic contact card: "السويدية، العربية"."""
    spoken = re.findall(r"</span>(\W{1,3})<span", client.get("/ar/vagvisare/utan-arbete/jobb/").text)
    assert "، " in spoken and ", " not in spoken
    assert ", " in re.findall(r"</span>(\W{1,3})<span", client.get("/en/vagvisare/utan-arbete/jobb/").text)


def test_arabic_pages_are_right_to_left(client):
    facts = facts_of(client.get("/ar/").text)
    assert (facts.html_attrs["lang"], facts.html_attrs["dir"]) == ("ar", "rtl")


def test_swedish_names_in_brackets_read_left_to_right_in_arabic(client, built_site):
    """A name of several Swedish words in brackets, inside an Arabic line, is isolated (it came
    out as "Skolan) …(eller elevhälsan"): in server mode and in the frozen site, and only there."""
    isolated = "\u2068(Skolan eller elevhälsan)\u2069"
    assert isolated in client.get("/ar/be-om-sip/").text
    frozen = built_site / "ar" / "be-om-sip" / "index.html"
    if (built_site / "ar").is_dir():  # each bundled municipality; not all of them publish Arabic
        assert isolated in frozen.read_text(encoding="utf-8")
    else:
        assert built_site.name != KOMMUN
    assert "\u2068" not in client.get("/en/be-om-sip/").text
    placeholders = "الدرجة %(number)s: %(title)s"  # a value's brackets stay as they are
    assert catalogs.isolated(f"{placeholders} (Kommunen)") == f"{placeholders} \u2068(Kommunen)\u2069"


def test_a_swedish_name_in_a_translation_is_marked_swedish_and_nothing_else(client, built_site):
    """WCAG 3.1.2: a screen reader reading English, Arabic or Ukrainian says a Swedish name in
    brackets with Swedish sounds. Session 32: only the Markdown of Arabic pages was marked; and
    in Arabic the header's name never matched, so it was not even hidden on a phone."""

    def swedish(html: str) -> list[str]:
        return re.findall(r'<bdi lang="sv">\(([^()<]+)\)</bdi>', html)

    directory = client.get("/en/verksamheter/").text
    assert TYPER["vardcentral"] in swedish(directory)
    # English words of its own in brackets stay English: "The region (health care)".
    region = re.search(r'<h3 id="huvudman-region">(.*?)</h3>', client.get("/en/vagvisare/flera/aldre/barn/").text)
    assert region and "(" in region[1] and "<bdi" not in region[1]
    arabic = client.get("/ar/").text
    assert 'class="nodlage__svenska"' in arabic and "Verksamheter" in swedish(arabic)
    # An Arabic or Ukrainian page's Markdown: its Swedish words are marked too.
    assert re.search(r'<bdi lang="sv">[^<]*[a-zåäö]', client.get("/uk/steg/stafettpinne/").text)
    # Never inside an attribute or the title, where a tag is read out as it is.
    for path in gated_pages(built_site):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'="[^"]*<bdi|<title>[^<]*<bdi', html), url_of(built_site, path)


def test_a_plurals_forms_are_isolated_too(tmp_path):
    po = tmp_path / "ar" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    header += '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    plural = 'msgid "%(n)s kort"\nmsgid_plural "%(n)s kort"\n'
    plural += 'msgstr[0] "بطاقة (Kort)"\nmsgstr[1] "%(n)s بطاقات (Fler kort)"\n'
    po.write_text(header + plural, encoding="utf-8")
    catalogs.compile_all(tmp_path)
    forms = Translations.load(str(tmp_path), ["ar"])
    assert forms.ungettext("%(n)s kort", "%(n)s kort", 1) == "بطاقة \u2068(Kort)\u2069"
    assert forms.ungettext("%(n)s kort", "%(n)s kort", 2) == "%(n)s بطاقات \u2068(Fler kort)\u2069"


def test_frozen_pages_show_the_interface_in_their_own_language(built_site):
    """Frozen-Flask renders all pages in one app context: no language may leak into the next."""
    wrong = []
    for path in html_pages(built_site):
        url = url_of(built_site, path)
        lang = url.strip("/").split("/")[0]
        if lang in TRANSLATED and 'id="nodlage-rubrik" class="nodlage__rubrik">Akut hjälp<' in path.read_text(
            encoding="utf-8"
        ):
            wrong.append(url)
    assert wrong == []


def _compile_into(translations: str) -> None:
    catalogs.compile_all(Path(translations))


def test_catalogs_compile_safely_in_several_processes_at_once(tmp_path):
    """Test workers (and two builds) compile the same fresh checkout's catalogs side by side;
    a shared partial file once let one process rename the other's away."""
    import multiprocessing

    translations = tmp_path / "translations"
    shutil.copytree(paths.TRANSLATIONS, translations, ignore=shutil.ignore_patterns("*.mo", ".*"))
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        pool.map(_compile_into, [str(translations)] * 8)
    for po in translations.glob("*/LC_MESSAGES/messages.po"):
        assert po.with_suffix(".mo").stat().st_size > 0
    assert not list(translations.glob("*/LC_MESSAGES/.*")), "a partial catalog was left behind"
