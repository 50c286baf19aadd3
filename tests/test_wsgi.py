"""Server mode in production: gunicorn serving samverkanstrappan.wsgi:app answers pages from
the build's files and searches from the build's index, sends the security headers and no
server version, and logs no search words."""

import re
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from conftest import KOMMUN
from samverkanstrappan import devtools, paths
from samverkanstrappan.render import create_app, headers
from samverkanstrappan.render.built_pages import BuiltPages
from werkzeug.test import Client


@pytest.fixture(scope="module")
def production(small_content, small_builds, tmp_path_factory):
    log = tmp_path_factory.mktemp("gunicorn") / "logg.txt"
    build = small_builds[KOMMUN]
    with devtools.production_server(KOMMUN, small_content, build.search_index, log, built=build.output) as url:
        yield url, log


@pytest.fixture(scope="module")
def rendering(small_content, small_builds, tmp_path_factory):
    """The same server without the build's pages: it renders every page itself."""
    log = tmp_path_factory.mktemp("gunicorn") / "logg.txt"
    with devtools.production_server(KOMMUN, small_content, small_builds[KOMMUN].search_index, log) as url:
        yield url


def get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode("utf-8")


def test_pages_are_served_with_the_security_headers_and_no_version(production):
    url, _ = production
    status, sent, html = get(url + "/sv/")
    assert status == 200 and 'href="tel:112"' in html
    assert (
        sent["Content-Security-Policy"] == headers.policy("/sv/")
        and "frame-ancestors 'none'" in sent["Content-Security-Policy"]
    )
    assert {name: sent.get(name) for name in headers.HEADERS} == headers.HEADERS
    assert "Werkzeug" not in sent.get("Server", "") and not re.search(r"\d", sent.get("Server", ""))


def test_pages_from_the_build_are_the_pages_the_app_renders(production, rendering, small_builds):
    """The build's files stand in for the app's pages, with the same bytes and headers; the
    search page is always the app's own (it answers ?q=)."""
    url, _ = production
    output = small_builds[KOMMUN].output
    sample = ["/sv/", "/ar/vagvisare/", "/sv/be-om-sip/", "/sok/sv.json", "/sitemap.xml", "/sv/sok/"]
    for path in sample:
        served, rendered = get(url + path), get(rendering + path)
        assert served[0] == rendered[0] == 200, path
        assert served[2] == rendered[2], path
        for name in ("Content-Type", "Content-Security-Policy", *headers.HEADERS):
            assert served[1].get(name) == rendered[1].get(name), (path, name)
    assert get(url + "/sv/")[2].encode() == (output / "sv" / "index.html").read_bytes()
    # The search page is the app's server-mode page, never the build's (which searches in the browser).
    assert "data-i-webblasaren" in (output / "sv" / "sok" / "index.html").read_text(encoding="utf-8")
    assert "data-i-webblasaren" not in get(url + "/sv/sok/")[2]
    with pytest.raises(urllib.error.HTTPError) as missing:
        get(url + "/granskning/sprak.csv")  # written by the build, but not a page of the site
    missing.value.close()  # the error holds the connection open
    assert missing.value.code == 404


def test_searches_are_answered_and_their_words_never_logged(production):
    url, log = production
    status, sent, html = get(url + "/sv/sok/?q=" + quote("jag vill inte leva"))
    assert status == 200 and 'class="akut-forst sok-kris"' in html
    # The answer is the server's: no page of server mode may compile WebAssembly (Pagefind's).
    assert sent["Content-Security-Policy"] == headers.policy("/sv/") == headers.policy("/sv/sok/", browser_search=False)
    assert "'wasm-unsafe-eval'" not in html
    get(url + "/sv/sok/?q=hemligt")
    deadline = time.monotonic() + 10
    while log.read_text(encoding="utf-8").count("/sv/sok/") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)  # gunicorn writes a request's line after it has answered
    logged = log.read_text(encoding="utf-8")
    assert logged.count("/sv/sok/") >= 2
    assert "leva" not in logged and "hemligt" not in logged and "q=" not in logged


def test_a_search_answer_starts_right_below_the_search_field_on_a_phone(production, browser):
    """Server mode answers with a new page: nothing waits to be announced between the field and
    the answer (the browser's status line, which keeps room for sok.js, is not there)."""
    url, _ = production
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(url + "/sv/sok/?q=" + quote("demens"))
        note, count = page.locator(".sok__integritet").bounding_box(), page.locator(".sok-antal").bounding_box()
        gap = count["y"] - (note["y"] + note["height"])
        assert 0 <= gap <= 24, gap  # the paragraphs' own margins, about a line
        assert page.locator("#sok-status").count() == 0
    finally:
        page.close()


def test_nginx_example_sends_the_same_headers():
    """docs/nginx.conf serves the static site with the headers server mode sends itself."""
    conf = (paths.REPO / "docs" / "nginx.conf").read_text(encoding="utf-8")
    sent = dict(re.findall(r'add_header ([\w-]+) "([^"]*)" always;', conf))
    script = re.search(r"map \$request_uri \$csp_script \{\s*\"[^\"]+\"\s+\"([^\"]+)\";\s*default\s+\"([^\"]+)\"", conf)
    assert sent.pop("Content-Security-Policy").replace("$csp_script", script[2]) == headers.policy("/sv/")
    assert headers.CSP.format(script=script[1]) == headers.policy("/sv/sok/")
    assert sent == headers.HEADERS


def test_every_page_from_the_build_is_byte_for_byte_the_apps(small_content, small_builds):
    """Every URL the build's files answer: the body and the headers the app itself would send."""
    build = small_builds[KOMMUN]
    app = create_app(KOMMUN, small_content, serve=True, live=False, search_index=build.search_index)
    urls = app.extensions["router"].urls(app.extensions["content"])
    served = BuiltPages(app, build.output, urls)
    # All but the search pages and the static files (their caching headers: test_build.py).
    static = [url for url in urls if url.startswith("/static/")]
    search = [url for url in urls if headers.SEARCH_PAGE.match(url)]  # each language's, and lättläst's
    assert len(search) == len(app.extensions["content"].languages) + 1
    assert static and len(served.files) == len(urls) - len(search) - len(static)
    rendered, from_files = Client(app), Client(served)
    for url in served.files:
        mine, theirs = from_files.get(url), rendered.get(url)
        expected = theirs.status_code, theirs.data
        theirs.close()  # a static file's response holds the file open until closed
        assert (mine.status_code, mine.data) == expected, url
        for name in ("Content-Type", "Content-Length", "Content-Security-Policy", *headers.HEADERS):
            assert mine.headers.get(name) == theirs.headers.get(name), (url, name)
    assert from_files.head("/sv/").data == b"" and from_files.head("/sv/").headers["Content-Length"]
    # The static files come from the app, which lets a browser keep a file asked for by its version.
    versioned = re.findall(r'"(/static/[^"]+\?v=[0-9a-f]{10})"', from_files.get("/sv/").text)
    assert len(versioned) >= 2  # the stylesheet and the icon
    for asked in versioned:
        with from_files.get(asked) as kept:
            assert kept.status_code == 200 and kept.cache_control.immutable, asked


def test_addresses_a_visitor_makes_up_cannot_fill_production_memory(small_content, small_builds, monkeypatch):
    # Production remembers URLs and page parts as a build does, but answers any address asked for.
    from samverkanstrappan.render import app as app_module

    monkeypatch.setattr(app_module, "MAX_REMEMBERED_SERVING", 300)
    build = small_builds[KOMMUN]
    app = create_app(KOMMUN, small_content, serve=True, live=False, search_index=build.search_index)
    client = Client(app)
    before = client.get("/sv/om/").data
    for number in range(200):
        assert client.get(f"/sv/finns-inte-{number}/").status_code == 404
        assert client.get(f"/en/vagvisare/flera/{number}/a/").status_code == 404
    assert len(app._remembered) <= 300
    assert client.get("/sv/om/").data == before
