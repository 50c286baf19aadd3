"""Search: inflected words find their page in the browser (Pagefind, no server) and in
server mode (Whoosh), both agree on the top result, odd queries never break a page,
every language stems, and the A–Ö index lists every page."""

import base64
import gzip
import json
import random
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import KOMMUN, run_build
from samverkanstrappan import paths
from samverkanstrappan.content.sprak import SPRAK
from samverkanstrappan.index import analys, pagefind_index, platser
from samverkanstrappan.index import whoosh_index as index
from samverkanstrappan.render import create_app
from samverkanstrappan.routes import Router

# (query, the page it is about): inflected forms and people's own words.
QUERIES = [
    ("planerna", "/sv/steg/samordningsplan/"),
    ("stafettpinnen", "/sv/steg/stafettpinne/"),
    ("min mamma har demens", "/sv/vagvisare/utfall/aldre-minne/"),
    ("samordnad individuell plan", "/sv/steg/samordningsplan/"),
    ("upptäckten", "/sv/steg/upptackt/"),
]
# Words people use that the page itself may not: found through the synonym data.
OWN_WORDS = [("jag dricker för mycket", "/sv/vagvisare/utfall/beroende")]


def odd_queries(count: int = 40) -> list[str]:
    """Empty, huge, markup, control characters, right-to-left and astral Unicode, mixed at random."""
    rng = random.Random(7)
    fixed = [
        "",
        " ",
        "x" * 10_000,
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "a AND OR NOT (",
        "*?~^:",
        "\x00\x01\x1f",
        "\u202e\u200f\ufeff",
        "😀🧠" * 50,
        "planerna" * 1000,
        "%00%ff",
        "../../etc",
    ]
    alphabet = "aåäöz AZ<>&\"'()*:~^\\/\u0627\u0644\u0431\u0456\u00e9\u0301\ud7ff\U0001f600\t\n"
    return fixed + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300))) for _ in range(count)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app in server mode, with its Whoosh index built as `build.py serve` builds it."""
    app = create_app(KOMMUN, serve=True, search_index=tmp_path_factory.mktemp("sokindex") / KOMMUN)
    index.build(app.extensions["content"], app.config["SEARCH_INDEX"], app.extensions["router"])
    return app


def server_top(server, query: str) -> list[str]:
    store = server.extensions["content"]
    return [r.url for r in index.search(server.config["SEARCH_INDEX"], "sv", query, store.synonyms)[:3]]


@pytest.fixture(scope="module")
def browser_search(browser, site_url):
    """Search on the frozen site in Chromium, as a resident would: type, press Enter, read the list."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    def search(query: str, lang: str = "sv") -> list[str]:
        page.goto(f"{site_url}/{lang}/sok/")
        page.fill("#sok-fraga", query)
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat p", timeout=15_000)
        return page.eval_on_selector_all(".traffar a", "links => links.slice(0, 3).map(a => a.getAttribute('href'))")

    search.errors = errors
    yield search
    page.close()


@pytest.mark.parametrize("query, url", QUERIES)
def test_browser_search_finds_the_page_in_the_top_three(browser_search, query, url):
    assert url in browser_search(query)


@pytest.mark.parametrize("query, url", OWN_WORDS)
def test_browser_search_understands_synonyms(browser_search, query, url):
    assert any(found.startswith(url) for found in browser_search(query))


@pytest.mark.parametrize("query, url", QUERIES)
def test_server_mode_finds_the_page_in_the_top_three(server, query, url):
    assert url in server_top(server, query)


def test_server_and_browser_agree_on_the_top_result(server, browser_search):
    disagree = {}
    for query, _ in QUERIES:
        ours, theirs = server_top(server, query)[:1], browser_search(query)[:1]
        if ours != theirs:
            disagree[query] = (ours, theirs)
    assert disagree == {}


@pytest.mark.parametrize("query, url", OWN_WORDS)
def test_server_mode_understands_synonyms(server, query, url):
    store = server.extensions["content"]
    urls = [r.url for r in index.search(server.config["SEARCH_INDEX"], "sv", query, store.synonyms)[:3]]
    assert any(found.startswith(url) or "beroende" in found for found in urls)


def test_odd_queries_give_a_normal_page_in_server_mode(server):
    client = server.test_client()
    failed = {}
    for query in odd_queries():
        response = client.get(f"/sv/sok/?q={quote(query, safe='')}")
        if response.status_code != 200 or 'id="sok-resultat"' not in response.text or "<script>alert" in response.text:
            failed[query[:40]] = response.status_code
    assert failed == {}


def test_odd_queries_give_a_normal_page_in_the_browser(browser_search):
    for query in odd_queries(8):
        browser_search(query.replace("\x00", ""))  # a browser's text field cannot hold NUL
    assert browser_search.errors == []


# One inflected pair per language: both forms must meet in the same stem.
STEMS = {
    "sv": ("planerna", "planen"),
    "en": ("plans", "planning"),
    "fi": ("suunnitelmat", "suunnitelman"),
    "ar": ("والمدارس", "مدرسة"),
    "uk": ("планами", "плани"),
}


@pytest.mark.parametrize("lang", list(SPRAK))
def test_every_language_stems_inflected_words(lang):
    first, second = STEMS[lang]
    assert analys.terms(lang, first) == analys.terms(lang, second)


BUNDLED = [lang for lang in SPRAK if (paths.CONTENT / "sidor" / lang).is_dir()]


@pytest.mark.parametrize("lang", BUNDLED)
def test_every_language_finds_its_own_trappsteg_page_in_server_mode(server, lang):
    store = server.extensions["content"]
    assert lang in store.languages, f"{lang} is not published by {KOMMUN}"
    page = store.page(lang, "steg/stafettpinne")
    results = index.search(server.config["SEARCH_INDEX"], lang, page.title, store.synonyms)
    assert f"/{lang}/steg/stafettpinne/" in [r.url for r in results[:3]]


def test_the_index_covers_pages_outcomes_and_verksamheter(server):
    store = server.extensions["content"]
    urls = {doc.url for doc in Router().documents(store, "sv")}
    assert {f"/sv/vagvisare/utfall/{node}/" for node in store.flow.outcomes} <= urls
    assert {f"/sv/verksamheter/#kort-{service}" for service in store.verksamheter} <= urls
    assert "/sv/steg/upptackt/" in urls


def test_without_javascript_the_search_page_links_to_a_to_o(built_site):
    html = (built_site / "sv" / "sok" / "index.html").read_text(encoding="utf-8")
    assert 'href="/sv/a-o/"' in html and "hidden data-i-webblasaren" in html


def test_a_to_o_lists_every_page_and_outcome(built_site, app):
    html = (built_site / "sv" / "a-o" / "index.html").read_text(encoding="utf-8")
    store = create_app(built_site.name).extensions["content"]
    wanted = [doc.url for doc in Router().documents(store, "sv") if "#" not in doc.url]
    assert [url for url in wanted if f'href="{url}"' not in html] == []


def test_server_mode_searches_the_text_as_it_is_edited(content, tmp_path):
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    client = app.test_client()
    client.get("/sv/")  # the first request reads the content and builds the index
    page = content / "sidor" / "sv" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOrdet zebrafink finns bara här.\n", encoding="utf-8")
    assert 'href="/sv/om/"' in client.get("/sv/sok/?q=zebrafinkar").text


# An inflected form per language that the page itself does not contain as typed.
INFLECTED = {"sv": "stafettpinnen", "en": "batons", "ar": "بالعصا", "fi": "viestikapulan", "uk": "естафетною"}


def test_browser_search_stems_in_every_published_language(browser_search, built_site):
    published = [lang for lang in BUNDLED if (built_site / lang).is_dir()]
    assert set(published) >= {"sv"} and set(INFLECTED) >= set(published)
    missed = {lang: browser_search(INFLECTED[lang], lang) for lang in published if lang in INFLECTED}
    assert {lang: found for lang, found in missed.items() if f"/{lang}/steg/stafettpinne/" not in found} == {}


def test_the_browser_index_holds_the_same_documents_as_the_server_index(app, tmp_path):
    store = app.extensions["content"]
    count = pagefind_index.build(store, tmp_path / "pagefind", platser.labels(store, store.translations), Router())
    wanted = {lang: len(Router().documents(store, lang)) for lang in store.languages}
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: found["page_count"] for lang, found in entry["languages"].items()} == wanted
    assert count == sum(wanted.values())


def test_pagefind_files_arrive_whole(app, tmp_path, monkeypatch):
    """The files are written from what the service sends, byte for byte, and every compressed
    one ends where it should (Pagefind's own writing left some cut short)."""
    sent = {}

    def keep(files, output, languages):
        sent.update({file["path"]: base64.b64decode(file["content"]) for file in files})
        return write(files, output, languages)

    write = pagefind_index._write
    monkeypatch.setattr(pagefind_index, "_write", keep)
    output = tmp_path / "pagefind"
    pagefind_index.build(
        app.extensions["content"], output, platser.labels(app.extensions["content"], paths.TRANSLATIONS), Router()
    )
    written = {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()}
    entry = json.loads(written.pop(pagefind_index.ENTRY))  # the one file put in order, Swedish first
    assert entry == json.loads(sent.pop(pagefind_index.ENTRY)) and written == sent
    assert tuple(entry["languages"]) == app.extensions["content"].languages
    assert "pagefind.js" in written
    compressed = [
        data for name, data in written.items() if name.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"))
    ]
    assert len(compressed) > 100 and all(gzip.decompress(data) for data in compressed)


@pytest.mark.parametrize("path", ["../utanfor.js", "ABSOLUT", "fragment/../../utanfor.js", "a/./../../utanfor.js", ""])
def test_pagefind_files_stay_in_their_folder(tmp_path, path):
    """A path from the service that leads out of pagefind/ stops the writing, before anything lands outside."""
    path = path.replace("ABSOLUT", str(tmp_path / "utanfor.js"))  # inside tmp_path, should the check ever fail
    entry = {"path": pagefind_index.ENTRY, "content": base64.b64encode(b'{"languages": {}}').decode()}
    stray = {"path": path, "content": base64.b64encode(b"x").decode()}
    with pytest.raises(pagefind_index.PagefindError, match="utanför sin mapp"):
        pagefind_index._write([entry, stray], tmp_path / "ut" / "pagefind", ("sv",))
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [pagefind_index.ENTRY]


def test_a_failing_pagefind_stops_the_build_and_keeps_the_old_site(small_content, small_builds, tmp_path, monkeypatch):
    output = tmp_path / "ut"
    shutil.copytree(small_builds[KOMMUN].output, output)  # the previous build of the same content
    before = (output / "sv" / "index.html").read_bytes()
    monkeypatch.setattr(pagefind_index, "get_executable", lambda: Path("/bin/true"))  # ends without answering
    code, printed = run_build(small_content, output)
    assert code == 2 and "Pagefind kunde inte skapa sökindexet" in printed and "Inget ändrades" in printed
    assert (output / "sv" / "index.html").read_bytes() == before and (output / "pagefind").is_dir()
