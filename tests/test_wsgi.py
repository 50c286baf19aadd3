"""Server mode in production: gunicorn serving samverkanstrappan.wsgi:app answers pages and
searches from the build's index, sends the security headers and no server version, and
logs no search words."""

import re
import time
import urllib.request
from urllib.parse import quote

import pytest
from conftest import KOMMUN
from samverkanstrappan import devtools, paths
from samverkanstrappan.render import headers


@pytest.fixture(scope="module")
def production(small_content, small_builds, tmp_path_factory):
    log = tmp_path_factory.mktemp("gunicorn") / "logg.txt"
    with devtools.production_server(KOMMUN, small_content, small_builds[KOMMUN].search_index, log) as url:
        yield url, log


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


def test_searches_are_answered_and_their_words_never_logged(production):
    url, log = production
    status, sent, html = get(url + "/sv/sok/?q=" + quote("jag vill inte leva"))
    assert status == 200 and 'class="akut-forst sok-kris"' in html
    assert "'wasm-unsafe-eval'" in sent["Content-Security-Policy"]  # Pagefind, on the search page only
    get(url + "/sv/sok/?q=hemligt")
    deadline = time.monotonic() + 10
    while log.read_text(encoding="utf-8").count("/sv/sok/") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)  # gunicorn writes a request's line after it has answered
    logged = log.read_text(encoding="utf-8")
    assert logged.count("/sv/sok/") >= 2
    assert "leva" not in logged and "hemligt" not in logged and "q=" not in logged


def test_nginx_example_sends_the_same_headers():
    """docs/nginx.conf serves the static site with the headers server mode sends itself."""
    conf = (paths.REPO / "docs" / "nginx.conf").read_text(encoding="utf-8")
    sent = dict(re.findall(r'add_header ([\w-]+) "([^"]*)" always;', conf))
    script = re.search(r"map \$request_uri \$csp_script \{\s*\"[^\"]+\"\s+\"([^\"]+)\";\s*default\s+\"([^\"]+)\"", conf)
    assert sent.pop("Content-Security-Policy").replace("$csp_script", script[2]) == headers.policy("/sv/")
    assert headers.CSP.format(script=script[1]) == headers.policy("/sv/sok/")
    assert sent == headers.HEADERS
