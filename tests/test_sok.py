"""Search: inflected words find their page in the browser (Pagefind, no server) and in
server mode (Whoosh), both agree on the top result, odd queries never break a page,
every language stems, and the A–Ö index lists every page."""

import base64
import contextlib
import gzip
import html as html_lib
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import KOMMUN, files, run_build
from samverkanstrappan import paths
from samverkanstrappan.content.sprak import SPRAK
from samverkanstrappan.index import analys, pagefind_index, platser
from samverkanstrappan.index import whoosh_index as index
from samverkanstrappan.render import create_app
from samverkanstrappan.routes import Router
from sok_helpers import odd_queries, server_answer, target_url

# (query, the page it is about): inflected forms and people's own words.
QUERIES = [
    ("planerna", "sida:steg/samordningsplan"),
    ("stafettpinnen", "sida:steg/stafettpinne"),
    ("min mamma har demens", "utfall:aldre-minne"),
    ("samordnad individuell plan", "sida:steg/samordningsplan"),
    ("upptäckten", "sida:steg/upptackt"),
]
# Words people use that the page itself may not: found through the synonym data.
OWN_WORDS = [("jag dricker för mycket", "utfall:beroende")]


def url_of(server, target: str, lang: str = "sv") -> str:
    return target_url(server.extensions["content"], Router(), lang, target)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app in server mode, with its Whoosh index built as `build.py serve` builds it."""
    app = create_app(KOMMUN, serve=True, search_index=tmp_path_factory.mktemp("sokindex") / KOMMUN)
    index.build(app.extensions["content"], app.config["SEARCH_INDEX"], app.extensions["router"])
    return app


def server_top(server, query: str, lang: str = "sv") -> list[str]:
    return [r.url for r in server_answer(server, lang, query).results[:3]]


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


@pytest.mark.parametrize("query, target", QUERIES)
def test_browser_search_finds_the_page_in_the_top_three(browser_search, server, query, target):
    assert url_of(server, target) in browser_search(query)


@pytest.mark.parametrize("query, target", OWN_WORDS)
def test_browser_search_understands_synonyms(browser_search, server, query, target):
    assert url_of(server, target) in browser_search(query)


@pytest.mark.parametrize("query, target", QUERIES)
def test_server_mode_finds_the_page_in_the_top_three(server, query, target):
    assert url_of(server, target) in server_top(server, query)


def test_server_and_browser_agree_on_the_top_result(server, browser_search):
    disagree = {}
    for query, _ in QUERIES:
        ours, theirs = server_top(server, query)[:1], browser_search(query)[:1]
        if ours != theirs:
            disagree[query] = (ours, theirs)
    assert disagree == {}


@pytest.mark.parametrize("query, target", OWN_WORDS)
def test_server_mode_understands_synonyms(server, query, target):
    assert url_of(server, target) in server_top(server, query)


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
    assert f"/{lang}/steg/stafettpinne/" in server_top(server, page.title, lang)


def test_the_index_covers_pages_outcomes_and_verksamheter(server):
    store = server.extensions["content"]
    urls = {doc.url for doc in Router().documents(store, "sv")}
    assert {url_of(server, f"utfall:{node}") for node in store.flow.outcomes} <= urls
    assert not [url for url in urls if "/utfall/" in url], "a result would lead to a staff print card"
    assert {f"/sv/verksamheter/#kort-{service}" for service in store.verksamheter} <= urls
    assert "/sv/steg/upptackt/" in urls


def test_without_javascript_the_search_page_links_to_a_to_o(built_site):
    html = (built_site / "sv" / "sok" / "index.html").read_text(encoding="utf-8")
    assert 'href="/sv/a-o/"' in html and "hidden data-i-webblasaren" in html
    # and says why there is no search box (a persona thought the page was broken)
    assert '<noscript><p class="sok-utan-js">' in html


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
    written = files(output)
    entry = json.loads(written.pop(pagefind_index.ENTRY))  # the one file put in order, Swedish first
    assert entry == json.loads(sent.pop(pagefind_index.ENTRY)) and written == sent
    assert tuple(entry["languages"]) == app.extensions["content"].languages
    assert "pagefind.js" in written
    compressed = [
        data for name, data in written.items() if name.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"))
    ]
    assert len(compressed) > 100 and all(gzip.decompress(data) for data in compressed)


@pytest.fixture
def services(monkeypatch) -> list[subprocess.Popen]:
    """Every program the test starts (the Pagefind services), in order."""
    started = []

    class Service(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(pagefind_index.subprocess, "Popen", Service)
    return started


def test_pagefind_services_side_by_side_write_the_same_files_as_one(app, tmp_path, monkeypatch, services):
    """A large site's languages are shared out among services; each language's files, and the
    entry file that lists them all, come out the same as from one service."""
    store = app.extensions["content"]
    labels = platser.labels(store, store.translations)
    pagefind_index.build(store, tmp_path / "en", labels, Router())
    services.clear()
    monkeypatch.setattr(pagefind_index, "RECORDS_PER_SERVICE", 1)
    pagefind_index.build(store, tmp_path / "tre", labels, Router(), processes=3)
    assert len(services) == 3 and len(store.languages) > 3

    one, three = files(tmp_path / "en"), files(tmp_path / "tre")
    assert len(one) > 100 and one.keys() == three.keys()
    assert [name for name in one if one[name] != three[name]] == []


def test_the_languages_go_to_services_of_about_the_same_size_and_none_empty():
    records = {"sv": ["r"] * 5, "en": ["r"] * 3, "fi": ["r"] * 3, "uk": []}
    assert sorted(map(len, pagefind_index._groups(records, 2))) == [5, 6]
    assert sorted(map(len, pagefind_index._groups({"sv": ["r"] * 5, "en": [], "fi": []}, 3))) == [5]
    assert pagefind_index._groups({}, 2) == [[]]  # an index without records is still written


def test_a_service_that_answers_nonsense_fails_the_build_at_once(app, tmp_path, monkeypatch):
    """Output that is no answer ends the reading (it hung for twice the patience, 20 minutes)."""
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'inte base64!,'\nexec cat > /dev/null\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind_index, "get_executable", lambda: fake)
    store = app.extensions["content"]
    started = time.perf_counter()
    with pytest.raises(pagefind_index.PagefindError, match="kunde inte skapa"):
        pagefind_index.build(store, tmp_path / "ut", platser.labels(store, store.translations), Router())
    assert time.perf_counter() - started < 30


def test_ctrl_c_while_pagefind_indexes_stops_it_and_prints_no_traceback(app, tmp_path, monkeypatch, services):
    """Ctrl-C while the service works: the service is stopped, and the thread reading its answers
    ends quietly (it went on reading a pipe already closed, and printed a traceback)."""
    readers = []

    def interrupted(answers, patience=600.0):
        readers.append(answers)
        time.sleep(0.05)  # the service is busy answering
        raise KeyboardInterrupt

    monkeypatch.setattr(pagefind_index, "_wait", interrupted)
    store = app.extensions["content"]
    with pytest.raises(KeyboardInterrupt):
        pagefind_index.build(store, tmp_path / "pagefind", platser.labels(store, store.translations), Router())
    assert not readers[0].is_alive()
    assert services[0].wait(timeout=5) == -signal.SIGKILL  # stopped, not left running


@contextlib.contextmanager
def ctrl_c_at(code, line: int):
    """Ctrl-C as the signal handler gives it (publish/failures.py), the first time this thread
    reaches `line` of `code`; yields a list that holds True once it was given."""
    given, before = [], sys.gettrace()

    def in_code(frame, event, arg):
        return at_line if frame.f_code is code else None

    def at_line(frame, event, arg):
        if event == "line" and frame.f_lineno == line and not given:
            given.append(True)
            raise KeyboardInterrupt  # raised in the traced frame, at that line
        return at_line

    sys.settrace(in_code)
    try:
        yield given
    finally:
        sys.settrace(before)


def test_ctrl_c_at_any_line_of_the_talk_with_pagefind_stops_it_and_leaves_nothing_running(services):
    """Ctrl-C can come between any two lines. At each line of _talk (where threads feed the
    Pagefind services and read their answers) it is still a Ctrl-C, and no service or thread
    is left. Between making a feeder and starting it, joining it raised RuntimeError, and the
    build called itself broken (seen once among tests/test_interruption.py's moments)."""
    binary = pagefind_index.get_executable()
    empty = [{"type": "NewIndex", "config": None}, {"type": "GetFiles", "index_id": 0}]
    code = pagefind_index._talk.__code__
    threads = threading.active_count()
    interrupted = []
    for line in sorted({line for *_, line in code.co_lines() if line and line > code.co_firstlineno}):
        services.clear()
        with ctrl_c_at(code, line) as given:
            try:
                pagefind_index._talk(binary, [empty, empty])  # two services, as on a large site
            except KeyboardInterrupt:
                interrupted.append(line)
        assert bool(given) == (line in interrupted), line  # a Ctrl-C given comes out as one
        assert all(service.wait(timeout=5) is not None for service in services), line
        for _ in range(50):  # a reader ends when its service's pipe does
            if threading.active_count() == threads:
                break
            time.sleep(0.02)
        assert threading.active_count() == threads, line
    assert len(interrupted) > 15  # the lines of the ordinary way through


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


def test_server_mode_asks_for_words_and_offers_ways_on_when_nothing_is_found(server):
    client = server.test_client()
    empty = client.get("/sv/sok/?q=+").text
    assert "sok-resultat" in empty and "Skriv ett eller några ord" in empty.split('id="sok-resultat"')[1]
    nothing = client.get("/sv/sok/?q=xyzzyqq").text.split('id="sok-resultat"')[1].split('class="sok-a-o"')[0]
    assert 'class="sok-inga"' in nothing
    assert 'href="/sv/vagvisare/"' in nothing and 'href="/sv/a-o/"' in nothing
    assert all(f'href="tel:{number}"' in nothing for number in ("112", "1177", "90101"))


def test_server_mode_counts_every_match_and_shows_the_first_twenty(server):
    answer = server_answer(server, "sv", "stöd hjälp")
    assert answer.total > len(answer.results) == index.MAX_RESULTS
    html = server.test_client().get("/sv/sok/", query_string={"q": "stöd hjälp"}).text
    assert f"Antal träffar: {answer.total} (de 20 första visas)" in html


def test_server_mode_puts_the_crisis_block_inside_the_results(server):
    html = server.test_client().get("/sv/sok/", query_string={"q": "vill inte leva"}).text
    results = html.split('id="sok-resultat"')[1].split('class="sok-a-o"')[0]
    assert 'class="akut-forst sok-kris"' in results


def test_the_browser_asks_for_words_shows_a_status_and_offers_ways_on(browser, site_url):
    page = browser.new_page()
    try:
        # Pagefind's script is held back (a request stays pending until its route is answered)
        # until the status has been read: a slow phone's first search, whatever the test host's load.
        held = []

        def hold(route):
            held.append(route)

        page.route("**/pagefind/pagefind.js", hold)  # before the field gets focus, which starts loading
        page.goto(f"{site_url}/sv/sok/")
        page.press("#sok-fraga", "Enter")
        assert "Skriv ett eller några ord" in page.inner_text("#sok-resultat")
        assert shown_width(page, "#sok-status") <= 1  # the block says it: the status is only heard
        page.fill("#sok-fraga", "xyzzyqq")
        page.press("#sok-fraga", "Enter")
        assert page.get_attribute("#sok-status", "role") == "status"
        assert page.inner_text("#sok-status") == "Söker …"  # visible and announced while Pagefind loads
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "Pagefind was not loaded through the held route"
        held[0].continue_()
        page.wait_for_selector("#sok-resultat .sok-inga", timeout=15_000)
        nothing = page.inner_html("#sok-resultat")
        assert 'href="/sv/vagvisare/"' in nothing and 'href="/sv/a-o/"' in nothing and 'href="tel:112"' in nothing
        assert page.inner_text("#sok-status") == "Inga sidor hittades."  # heard,
        assert shown_width(page, "#sok-status") <= 1  # but seen once: the block says the same words
        page.fill("#sok-fraga", "stöd hjälp")
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat .traffar a")
        listed = page.eval_on_selector_all("#sok-resultat .traffar a", "links => links.length")
        count = int("".join(ch for ch in page.inner_text("#sok-status").split("(")[0] if ch.isdigit()))
        assert listed == 20 and count > listed  # the real number of matches, not the display cap
        assert shown_width(page, "#sok-status") > 1
        page.fill("#sok-fraga", "xyzzyqq")
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat .sok-inga")
        page.fill("#sok-fraga", "")
        page.press("#sok-fraga", "Enter")  # an empty search after one without a match looks as the first did
        assert "Skriv ett eller några ord" in page.inner_text("#sok-status")
        assert shown_width(page, "#sok-status") <= 1
    finally:
        page.close()


def test_a_crisis_search_is_heard_once_with_the_danger_first(browser, site_url):
    """The crisis block was an alert of its own, read out at the same moment as the count, and
    screen readers cut one short (a keyboard walk). Now the one status says both, danger first."""
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/sv/sok/")
        page.fill("#sok-fraga", "jag vill inte leva längre")
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat .sok-kris")
        page.wait_for_selector("#sok-resultat:not([aria-busy=true])", state="attached")
        heading = page.text_content("#sok-resultat .sok-kris h2").strip()
        assert page.text_content("#sok-status").startswith(heading + " ")
        assert page.locator("#sok-resultat [role=alert]").count() == 0
    finally:
        page.close()


def listed_for(page, site_url: str, query: str) -> int:
    """How many results the Swedish search page lists for `query`."""
    page.goto(f"{site_url}/sv/sok/")
    page.fill("#sok-fraga", query)
    page.press("#sok-fraga", "Enter")
    page.wait_for_selector("#sok-resultat .traffar a", timeout=15_000)
    return page.eval_on_selector_all("#sok-resultat .traffar a", "links => links.length")


def test_the_browser_counts_exactly_when_the_list_is_not_full(browser, site_url):
    """ "a-kassa" finds one page, while the "a" makes Pagefind offer far more candidates than
    the browser reads: the status said "Fler än 1 träffar." under a single result."""
    page = browser.new_page()
    try:
        listed = listed_for(page, site_url, "a-kassa")
        assert 0 < listed < 20
        assert page.inner_text("#sok-status") == f"{page.get_attribute('#sok-resultat', 'data-antal')} {listed}"
    finally:
        page.close()


def test_the_browser_says_how_many_it_shows_when_it_found_more(browser, site_url):
    """ "hjälp" finds more pages than the list holds: the status said "Fler än 40 träffar." over
    a list of 20, and a father wondered where the other 20 were (a persona, session 52)."""
    page = browser.new_page()
    try:
        listed = listed_for(page, site_url, "hjälp")
        shows = page.get_attribute("#sok-resultat", "data-forsta").replace("%(antal)s", str(listed))
        more = page.get_attribute("#sok-resultat", "data-fler").split("%(antal)s")[0]
        status = page.inner_text("#sok-status")
        assert listed == 20 and status.startswith(more) and status.endswith(f" {shows}")
    finally:
        page.close()


def shown_width(page, selector: str) -> float:
    return page.eval_on_selector(selector, "element => element.getBoundingClientRect().width")


@pytest.mark.parametrize("blocked", ["**/pagefind/**", "**/sok/*.json"])
def test_a_search_that_fails_says_so_where_it_is_seen(browser, site_url, blocked):
    page = browser.new_page()
    try:
        page.route(blocked, lambda route: route.abort())
        page.goto(f"{site_url}/sv/sok/")
        page.fill("#sok-fraga", "xyzzyqq")
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat .sok-inga", timeout=15_000)
        assert "Sökningen fungerar inte just nu" in page.inner_text("#sok-status")
        assert shown_width(page, "#sok-status") > 1  # the block below does not say that it failed
    finally:
        page.close()


def test_the_crisis_block_shows_even_when_pagefind_cannot_load(browser, site_url, server):
    page = browser.new_page()
    try:
        page.route("**/pagefind/**", lambda route: route.abort())
        page.goto(f"{site_url}/sv/sok/")
        page.fill("#sok-fraga", "jag vill ta livet av mig")
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector("#sok-resultat .sok-kris", timeout=15_000)
        first = page.eval_on_selector("#sok-resultat .traffar a", "a => a.getAttribute('href')")
        assert first == url_of(server, "utfall:sjalvmordstankar")
        assert page.get_attribute("#sok-resultat", "aria-busy") is None
    finally:
        page.close()


def test_an_older_search_never_replaces_a_newer_one(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/sv/sok/")
        page.fill("#sok-fraga", "demens")
        page.evaluate(
            """() => {
              const form = document.querySelector('form.sok');
              const input = document.getElementById('sok-fraga');
              const out = document.getElementById('sok-resultat');
              window.sawCrisis = false;  // the first search's answer, if it is ever shown
              new MutationObserver(() => { if (out.querySelector('.sok-kris')) { window.sawCrisis = true; } })
                .observe(out, { childList: true, subtree: true });
              input.value = 'jag vill dö'; form.requestSubmit();
              input.value = 'demens'; form.requestSubmit();
            }"""
        )
        page.wait_for_selector("#sok-resultat:not([aria-busy]) .traffar a", timeout=15_000)
        page.wait_for_timeout(500)  # an older answer arriving late would land now
        assert page.evaluate("() => window.sawCrisis") is False
        assert page.query_selector("#sok-resultat .sok-kris") is None
    finally:
        page.close()


def test_a_translated_card_is_found_and_quoted_in_the_readers_language():
    """A Ukrainian reader's hits quoted the Swedish description of a card the directory showed
    in Ukrainian (a persona). The Swedish words stay searchable: people type agency names."""
    from samverkanstrappan.content.store import ContentStore
    from samverkanstrappan.index import dokument

    store = ContentStore(paths.CONTENT, KOMMUN)
    for lang in [code for code in store.languages if code != "sv"]:
        for doc in dokument.service_documents(store, lang, lambda service_id: service_id):
            words = store.service_texts(lang, store.verksamheter[doc.url])
            if words and words.beskrivning and words.kontakt:
                assert doc.lang == lang and words.beskrivning in doc.text, (lang, doc.url)
                assert store.verksamheter[doc.url].beskrivning in doc.keywords
            else:
                assert doc.lang == "sv", (lang, doc.url)


def test_a_lattlast_readers_search_leads_to_lattlast_pages(server, client):
    """A lättläst reader's search led to pages in ordinary Swedish (a persona, session 30).
    Lättläst has its own search page, found from its menu, whose results lead to the lättläst
    version of a page where there is one, in server mode and in the browser alike."""
    start = client.get("/sv/lattlast/").text
    menu = re.search(r'<nav class="bredd huvudmeny".*?</nav>', start, re.S).group(0)
    assert 'href="/sv/lattlast/sok/"' in menu
    assert client.get("/sv/lattlast/sok/").status_code == 200
    assert client.get("/en/lattlast/sok/").status_code == 404
    html = server.test_client().get("/sv/lattlast/sok/", query_string={"q": "samordnad plan"}).text
    results = re.findall(r'<ol class="traffar">.*?</ol>', html, re.S)[0]
    links = re.findall(r'href="([^"]+)"', results)
    assert "/sv/lattlast/steg/samordningsplan/" in links and "/sv/steg/samordningsplan/" not in links
    assert lattlast_results(results) == expected_lattlast_results(server, results)
    # A card leads to the same card in lättläst's directory (the lättläst menu stays), and says
    # that its words are not lättläst.
    html = server.test_client().get("/sv/lattlast/sok/", query_string={"q": "vårdcentral"}).text
    assert re.search(r'href="/sv/lattlast/verksamheter/#kort-', html)
    assert not re.search(r'href="/sv/verksamheter/#kort-', html)
    results = re.findall(r'<ol class="traffar">.*?</ol>', html, re.S)[0]
    assert lattlast_results(results) == expected_lattlast_results(server, results)


def test_a_lattlast_address_whose_words_are_not_written_in_lattlast_is_marked(content, tmp_path):
    """An answer that has a lättläst address (the lättläst vägvisare) but no lättläst words of
    its own shows the ordinary words there: its result says it is not lättläst."""
    (content / "vagvisare" / "sv" / "lattlast" / "beroende.md").unlink()
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "sokindex" / KOMMUN)
    index.build(app.extensions["content"], app.config["SEARCH_INDEX"], app.extensions["router"])
    html = app.test_client().get("/sv/lattlast/sok/", query_string={"q": "alkohol"}).text
    results = re.findall(r'<ol class="traffar">.*?</ol>', html, re.S)[0]
    found = {url: marked for url, _title, _excerpt, marked in lattlast_results(results)}
    beroende = app.extensions["router"].url("vagvisare.step", lang="sv", svar="beroende/nej", lattlast=True)
    assert found[beroende] is True
    assert lattlast_results(results) == expected_lattlast_results(app, results)


def lattlast_results(results: str) -> list[tuple[str, str, str | None, bool]]:
    """Each result of a list of results (HTML): its address, its title, its excerpt without the
    marks, and whether it says that its page is not lättläst."""
    found = []
    for item in re.findall(r"<li>(.*?)</li>", results, re.S):
        url, title = re.search(r'<a href="([^"]+)">([^<]*)</a>', item).groups()
        excerpt = re.search(r'<p class="traffar__utdrag">(.*?)</p>', item, re.S)
        plain = re.sub(r"</?mark>", "", excerpt.group(1)) if excerpt else None
        plain = plain and html_lib.unescape(plain)
        marked = re.search(r'<p class="traffar__inte-lattlast">\s*\S', item) is not None  # and says so
        found.append((url, html_lib.unescape(title), plain, marked))
    return found


def expected_lattlast_results(app, results: str) -> list[tuple[str, str, str | None, bool]]:
    """What lättläst's search must show for the same addresses: a page written in lättläst with
    its lättläst title and summary, and no ordinary excerpt; any other result as it is, marked."""
    store = app.extensions["content"]
    written = {}
    for key in store.keys():
        if key.startswith("lattlast/") and key != "lattlast/start":
            page = store.page("sv", key)
            written[app.extensions["router"].page_url("sv", key)] = (page.title, page.meta.get("beskrivning") or None)
    for node_id in store.flow.outcomes:
        text = store.texts.get(("sv", "lattlast/" + node_id))
        answers = "/".join(store.flow.first_paths()[node_id])
        if text is not None and text.meta.get("titel"):
            url = app.extensions["router"].url("vagvisare.step", lang="sv", svar=answers, lattlast=True)
            written[url] = (text.meta["titel"], None)
    expected = []
    for url, title, excerpt, _marked in lattlast_results(results):
        if url in written:
            expected.append((url, *written[url], False))
        else:
            expected.append((url, title, excerpt, True))
    assert any(url in written for url, *_ in expected)
    return expected


def test_the_browsers_lattlast_search_leads_to_lattlast_pages(built_site, browser, site_url):
    """In the browser too: lättläst's titles and summaries, and the other results marked."""
    app = create_app(built_site.name)  # the municipality this site is built for
    page = browser.new_page()
    seen = []
    for query in ("samordnad plan", "vårdcentral"):
        page.goto(f"{site_url}/sv/lattlast/sok/")  # a new page each: the last results would match the wait
        page.fill("#sok-fraga", query)
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector(".traffar a", timeout=15_000)
        results = page.inner_html("#sok-resultat .traffar")
        links = page.eval_on_selector_all(".traffar a", "links => links.map(a => a.getAttribute('href'))")
        assert lattlast_results(results) == expected_lattlast_results(app, results)
        seen.append(links)
    page.close()
    assert "/sv/lattlast/steg/samordningsplan/" in seen[0] and "/sv/steg/samordningsplan/" not in seen[0]
    assert any(link.startswith("/sv/lattlast/verksamheter/#kort-") for link in seen[1])
    assert not any(link.startswith("/sv/verksamheter/") for link in seen[1])


def test_the_results_come_into_view_when_the_page_is_zoomed(browser, site_url):
    """A widow with her browser at 200 % pressed Sök and saw nothing change: the results began
    below the screen (session 33). They come into view; focus stays in the field."""
    # A 1280 × 800 window zoomed to 200 % is 640 × 400 CSS pixels, each drawn as two.
    page = browser.new_page(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page.goto(f"{site_url}/sv/sok/")
    page.fill("#sok-fraga", "hemtjänst")
    page.press("#sok-fraga", "Enter")
    page.locator(".traffar a").first.wait_for(timeout=15_000)
    top = page.locator("#sok-resultat").evaluate("element => element.getBoundingClientRect().top")
    assert -1 <= top < 400 - 100  # at the top, give or take a fraction of a pixel
    assert page.evaluate("() => document.activeElement.id") == "sok-fraga"
    page.close()
