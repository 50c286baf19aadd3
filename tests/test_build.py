"""The static build and the server: URLs, files, the root, 404 and serve mode."""

import hashlib
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import KOMMUN, KOMMUNER, files, html_pages, url_of
from flask import Flask
from samverkanstrappan import freeze, paths
from samverkanstrappan.content import pages as pages_module
from samverkanstrappan.content.trappsteg import TRAPPSTEG
from samverkanstrappan.freeze.shortcuts import FreezeClient
from samverkanstrappan.render import create_app
from samverkanstrappan.routes import Router

EXPECTED = ["/", "/sv/", "/sv/om/", "/sv/for-personal/", "/404.html", *(f"/sv/steg/{slug}/" for slug in TRAPPSTEG)]


def test_build_writes_every_public_page(built_site):
    urls = {url_of(built_site, page) for page in html_pages(built_site)}
    assert set(EXPECTED) <= urls


def test_each_built_site_is_tested_in_one_process(built_site, request):
    # conftest.py groups the tests of one site for pytest-xdist; were the group lost (as with
    # pytest 9.2 and xdist 3.8), each process would build and parse every site again.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        assert request.node.nodeid.endswith(f"@bygge-{built_site.name}")


def test_every_page_url_ends_in_slash_and_is_index_html(built_site):
    for page in html_pages(built_site):
        assert page.name == "index.html" or page.relative_to(built_site).as_posix() == "404.html"


@pytest.mark.parametrize("url", EXPECTED)
def test_plain_static_server_serves_each_page(site_url, url):
    with urllib.request.urlopen(site_url + url) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/html")


def test_root_leads_to_swedish_start(site_url):
    with urllib.request.urlopen(site_url + "/") as response:
        html = response.read().decode()
    assert re.search(r'<meta http-equiv="refresh" content="0; url=/sv/">', html)
    assert 'href="/sv/"' in html


def test_missing_page_is_404_on_the_server(client):
    response = client.get("/sv/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.text


def test_unpublished_language_is_404(client):
    assert client.get("/xx/").status_code == 404
    sjoberga = create_app("sjoberga").test_client()  # publishes every bundled language but Arabic
    assert sjoberga.get("/fi/").status_code == 200
    assert sjoberga.get("/ar/").status_code == 404


def test_static_host_missing_page_is_404(site_url):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(site_url + "/sv/finns-inte/")
    assert error.value.code == 404
    error.value.close()


def test_each_step_page_links_to_the_next_step(client):
    for slug, following in zip(TRAPPSTEG, TRAPPSTEG[1:]):
        html = client.get(f"/sv/steg/{slug}/").text
        nav = html.split('class="nasta-steg"', 1)[1]
        assert f'href="/sv/steg/{following}/"' in nav
        assert 'aria-current="page"' in html.split('class="var-i-trappan"', 1)[1].split("</nav>", 1)[0]


def test_start_page_shows_the_staircase_as_an_ordered_list(client):
    html = client.get("/sv/").text
    staircase = html.split('<ol class="trappa">', 1)[1].split("</ol>", 1)[0]
    assert [f"/sv/steg/{slug}/" for slug in TRAPPSTEG] == re.findall(r'href="([^"]+)"', staircase)


def test_serve_mode_shows_a_changed_file_without_reparsing_the_rest(content, monkeypatch):
    app = create_app(content_dir=content, serve=True)
    client = app.test_client()
    assert "Nytt stycke" not in client.get("/sv/om/").text
    rendered = []
    original = pages_module.render
    monkeypatch.setattr(
        pages_module, "render", lambda body, **options: rendered.append(body) or original(body, **options)
    )
    om = content / "sidor" / "sv" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\nNytt stycke.\n", encoding="utf-8")
    assert "Nytt stycke" in client.get("/sv/om/").text
    assert len(rendered) == 1 and "Nytt stycke" in rendered[0]


def test_what_the_build_remembers_changes_no_page(small_content, small_builds, tmp_path):
    kommun = KOMMUN  # five languages and lättläst: every kind of page the other example has
    # A frozen build renders the menu, footer, emergency block and staircase once per language,
    # and remembers URLs and translated strings; serve mode builds everything afresh.
    # The pages must come out the same: every page of the Swedish source and of lättläst, and of
    # every other language the first pages of each kind (what is remembered is keyed by language).
    built = small_builds[kommun].output
    fresh = create_app(kommun, small_content, serve=True, search_index=tmp_path / "b").test_client()
    store = fresh.application.extensions["content"]
    urls, per_kind = [], {}
    for url in Router().urls(store):
        if url.endswith("/") and "/sok/" not in url:
            lang, *rest = url.strip("/").split("/") or [""]
            kind = (lang, tuple(rest[:2]))
            per_kind[kind] = per_kind.get(kind, 0) + 1
            if lang in ("", "sv") or per_kind[kind] <= 6:
                urls.append(url)
    assert len(urls) > 300 and {url.split("/")[1] for url in urls if url != "/"} == set(store.languages)
    # The preview adds its reload script to each page, and nothing else (render/live_reload.py).
    preview_only = re.compile(rb'<script src="/_forhandsvisning/ladda-om\.js" data-version="\d+" defer></script></head')
    served = {url: preview_only.subn(b"</head", fresh.get(url).data) for url in urls}
    assert {url: count for url, (_, count) in served.items() if count != 1} == {}
    different = [url for url in urls if (built / url.strip("/") / "index.html").read_bytes() != served[url][0]]
    assert different == []
    # Production server mode (wsgi.py) remembers as a build does, and serves the same pages.
    production = create_app(kommun, small_content, serve=True, live=False, search_index=tmp_path / "b").test_client()
    sample = urls[::4]
    assert [
        url for url in sample if (built / url.strip("/") / "index.html").read_bytes() != production.get(url).data
    ] == []


def test_build_all_builds_each_municipality_into_its_own_folder_with_the_same_bytes(
    small_content, small_builds, tmp_path
):
    # `python build.py --alla` builds every municipality into <--ut>/<kommun>. A host that syncs
    # only changed files, and a reviewer comparing two builds, need the same content to give
    # the same bytes: here `build.py` runs in its own processes and with another hash seed than
    # the builds made in this process, so output that follows the order of a set would differ.
    output = tmp_path / "ut"
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    command = [sys.executable, str(paths.REPO / "build.py"), "--alla", "--ut", str(output)]
    command += ["--innehall", str(small_content), "--sokindex", str(tmp_path / "sokindex")]
    result = subprocess.run(command, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in output.iterdir() if not p.name.startswith(".")) == KOMMUNER
    assert sorted(p.name for p in (tmp_path / "sokindex").iterdir()) == KOMMUNER

    for kommun in KOMMUNER:
        built, again = files(small_builds[kommun].output), files(output / kommun)
        assert sorted(built) == sorted(again)
        assert [name for name in built if built[name] != again[name]] == []


def test_the_freezing_client_answers_like_flasks(app):
    # Plain paths take the client's shortcut; escaped ones and queries go through Werkzeug's builder.
    urls = [
        "/",
        "/sv/",
        "/ar/steg/upptackt/",
        "/sv/lattlast/",
        "/sv/finns-inte/",
        "/static/site.css",
        "/404.html",
        "/sv/sok/?q=stod",
        "/sv/sok/?q=st%C3%B6d",
        "/sv/steg/upptäckt/",
        "/sv/steg/upp%74ackt/",
    ]
    for url in urls:
        # As Frozen-Flask asks, and as a test would; the responses of static files hold them open.
        with (
            FreezeClient(app).get(url, follow_redirects=False, base_url=None) as frozen,
            app.test_client().get(url) as flask,
        ):
            assert (frozen.status, frozen.mimetype, frozen.data) == (flask.status, flask.mimetype, flask.data), url


def test_css_and_javascript_are_sent_minified_and_not_again_when_the_browser_has_them(client):
    """The files keep their comments; a visitor gets none of them (render/static_files.py)."""
    static = Path(client.application.static_folder)
    for name in ("site.css", "sok.js"):
        source = (static / name).read_bytes()
        sent = client.get(f"/static/{name}")
        with client.application.test_request_context():
            flasks = Flask.send_static_file(client.application, name)
            flasks.close()
        assert sent.status_code == 200 and sent.mimetype == flasks.mimetype
        assert len(sent.data) < 0.85 * len(source) and b"/*" not in sent.data and b"\n  //" not in sent.data
        assert sent.cache_control.no_cache and sent.last_modified is not None
        again = client.get(f"/static/{name}", headers={"If-None-Match": sent.headers["ETag"]})
        assert again.status_code == 304 and again.data == b""
        since = client.get(f"/static/{name}", headers={"If-Modified-Since": sent.headers["Last-Modified"]})
        assert since.status_code == 304
    with client.get("/static/favicon.svg") as other:  # any other file as it is (a response that holds it open)
        assert other.data == (static / "favicon.svg").read_bytes()
    assert client.get("/static/finns-inte.css").status_code == 404


def test_pages_ask_for_static_files_by_their_version_which_may_be_kept_for_a_year(client, fresh_app):
    """A browser or proxy that keeps static files for days must not pair a new search page with
    an old sok.js (the crisis block is read by the script from the page)."""
    html = client.get("/uk/sok/").text
    asked = dict(re.findall(r'/static/([a-z]+\.(?:css|js|svg))\?v=([0-9a-f]{10})"', html))
    assert {"site.css", "sok.css", "sok.js", "sokfraga.js", "favicon.svg"} <= set(asked)
    for name, version in asked.items():  # what is sent: a new minifier changes the address too
        with client.get(f"/static/{name}") as sent:
            assert version == hashlib.sha256(sent.data).hexdigest()[:10], name
    kept = client.get(f"/static/sok.js?v={asked['sok.js']}")
    assert kept.cache_control.max_age == 365 * 24 * 3600 and kept.cache_control.immutable
    with client.get(f"/static/favicon.svg?v={asked['favicon.svg']}") as icon:  # not minified, kept as long
        assert icon.cache_control.immutable and icon.cache_control.max_age == 365 * 24 * 3600
    stale = client.get("/static/sok.js?v=0000000000")  # an old page's address: the current file, asked again
    assert stale.data == kept.data and stale.cache_control.no_cache and not stale.cache_control.immutable
    # Made-up names for the same file are one file to the server, not one more copy each.
    fresh_app.config.update(LIVE=False, FREEZE_SHORTCUTS=True, SERVE_MODE=True)
    with fresh_app.test_client() as own:
        for name in ("sok.js", "x/../sok.js", "./sok.js", "a/b/../../sok.js"):
            assert own.get(f"/static/{name}").data == kept.data
    assert len([key for key in fresh_app._remembered if key[0] == "static"]) == 1


def test_shares_hold_every_url_once_with_a_page_in_all_languages_together(client):
    urls = Router().urls(client.application.extensions["content"])
    shares = freeze.shares(urls, size=40)
    flat = [url for share in shares for url in share]
    assert sorted(flat) == sorted(urls) and all(len(share) <= 40 for share in shares)
    # Each page's language versions are neighbours, so they can only be split at a share's edge.
    versions = [url for url in flat if url.endswith("/om/")]
    assert versions == [f"/{lang}/om/" for lang in client.application.extensions["content"].languages]
    start = flat.index(versions[0])
    assert flat[start : start + len(versions)] == versions


def test_templates_lose_their_indentation_but_never_a_space_or_what_a_pre_shows(client):
    # render/indent.py: indentation is for the templates' editors (380 bytes of a Ukrainian
    # combined answer). Where Jinja drops the line break after a block or a comment
    # (trim_blocks), the indentation was the only space between two tags, and one stays.
    from jinja2 import DictLoader
    from samverkanstrappan.render.indent import DropIndent

    environment = client.application.jinja_env.overlay(loader=DictLoader({}))
    assert any(isinstance(extension, DropIndent) for extension in environment.extensions.values())
    source = (
        "<p>\n    <a>x</a>\n    {% if true %}<img>{% endif %}\n    <span>y</span>\n"
        "    {# varför #}\n\t<b>z</b>\n</p>\n<pre>\n  kvar\n</pre>"
    )
    rendered = environment.from_string(source).render()
    assert rendered == "<p>\n<a>x</a>\n<img> <span>y</span>\n <b>z</b>\n</p>\n<pre>\n  kvar\n</pre>"


def test_kept_templates_are_compiled_again_when_edited_and_never_stop_a_build(tmp_path, monkeypatch):
    # The build cache keeps the templates compiled (render/app.py). An edited template must show
    # its new words, and a cache that cannot be made or written only means compiling each time.
    from jinja2 import DictLoader, Environment, FileSystemBytecodeCache, pass_context
    from samverkanstrappan.render.app import KeptTemplates

    def rendered(source: str, filters=None, **settings) -> str:
        environment = Environment(loader=DictLoader({"sida.html": source}), **settings)
        environment.filters.update(filters or {})
        environment.bytecode_cache = KeptTemplates.at(tmp_path / "j", environment)
        return environment.get_template("sida.html").render()

    assert rendered("Hej") == "Hej"
    assert len(list((tmp_path / "j").rglob("*.cache"))) == 1  # kept
    assert rendered("Hej då") == "Hej då"
    # A setting compiled into the code is a cache of its own: the same source compiles otherwise.
    block = "{% if true %}\n  Hej\n{% endif %}"
    assert rendered(block) == "\n  Hej\n" and rendered(block, trim_blocks=True) == "  Hej\n"
    # So is whether a filter is given the context: the code calls it with or without it.
    plain, told = (lambda text: f"[{text}]"), pass_context(lambda context, text: f"<{text}>")
    assert rendered("{{ 'a'|f }}", filters={"f": plain}) == "[a]"
    assert rendered("{{ 'a'|f }}", filters={"f": told}) == "<a>"
    (tmp_path / "en-fil").write_text("", encoding="utf-8")
    assert KeptTemplates.at(tmp_path / "en-fil" / "j", Environment()) is None
    assert KeptTemplates.at(None, Environment()) is None

    def refused(self, bucket):
        raise PermissionError("read-only")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", refused)
    assert rendered("Välkommen") == "Välkommen"
