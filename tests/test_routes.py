"""The route table (routes/) is the one place where pages are declared: Flask's rules,
the frozen site, sitemap.xml and the URLs that Flask builds all agree with it."""

import io
import re
from urllib.parse import urlsplit

from conftest import KOMMUN, files, html_pages, url_of
from samverkanstrappan import paths
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.publish import builder
from samverkanstrappan.render import create_app
from samverkanstrappan.routes import FILE, HIDDEN, PAGE, PREVIEW, TABLE, Router, reserved
from samverkanstrappan.routes.addresses import OWN_VIEWS

# Written by the index and publish stages, not pages: Pagefind's files (named by their
# content) and the review files for the municipality.
NOT_PAGES = ("pagefind/", "granskning/")


def frozen_urls(site) -> set[str]:
    found = set()
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and not relative.startswith(NOT_PAGES):
            found.add(url_of(site, path))
    return found


def test_the_frozen_site_is_exactly_the_route_table(built_site):
    store = ContentStore(paths.CONTENT, built_site.name)
    assert frozen_urls(built_site) == set(Router().urls(store))


def test_sitemap_lists_exactly_the_pages(built_site):
    store = ContentStore(paths.CONTENT, built_site.name)
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", text)
    assert len(listed) == len(set(listed))
    base = store.kommun.webbadress.rstrip("/")
    assert all(url.startswith(base + "/") for url in listed)
    pages = {url_of(built_site, path) for path in html_pages(built_site)} - {"/", "/404.html"}
    assert {url.removeprefix(base) for url in listed} == pages
    assert set(Router().urls(store, kinds=(PAGE,))) == pages


def rules(app) -> set[tuple[str, str]]:
    return {(rule.rule.replace("<lang>", "<lang:lang>"), rule.endpoint) for rule in app.url_map.iter_rules()}


def test_every_flask_rule_comes_from_the_table(app, small_content):
    """The built site's app has the table's rules; the editor's preview also those of its kind."""
    declared = {(route.pattern, page_type.endpoint) for page_type in TABLE for route in page_type.routes}
    preview = {
        (route.pattern, page_type.endpoint)
        for page_type in TABLE
        if page_type.kind == PREVIEW
        for route in page_type.routes
    }
    assert preview and rules(app) == declared - preview
    assert rules(create_app(KOMMUN, small_content, serve=True)) == declared


def test_flask_builds_the_same_urls_as_the_table(app):
    store, router = app.extensions["content"], Router()
    with app.test_request_context("/404.html"):
        for page_type in TABLE:
            for values in page_type.addresses(store) if page_type.kind != PREVIEW else ():
                flask = app.url_for(page_type.endpoint, **values)
                if page_type.endpoint == "static":  # pages ask for it by its version (render/static_files.py)
                    flask, version = flask.split("?v=")
                    assert re.fullmatch("[0-9a-f]{10}", version), values
                assert flask == router.url(page_type.endpoint, **values), (page_type.endpoint, values)


def test_every_page_type_has_addresses_and_a_kind(app):
    store = app.extensions["content"]
    for page_type in TABLE:
        assert page_type.kind in (PAGE, FILE, HIDDEN, PREVIEW)
        if page_type.endpoint != "kommun.logo":  # exempelstad has no logo
            assert list(page_type.addresses(store)), page_type.endpoint


def test_sources_name_the_files_a_page_is_built_from(app):
    store, router = app.extensions["content"], Router()
    content = store.content_dir
    for page_type in TABLE:
        for values in page_type.addresses(store):
            sources = router.sources(store, page_type.endpoint, values)
            assert f"kommuner/{KOMMUN}/kommun.yaml" in sources and "data/nodnummer.yaml" in sources
            own = [name for name in sources if name != "*"]
            assert all(not name.startswith("/") and ".." not in name for name in own)
            if page_type.endpoint == "pages.page":
                assert any((content / name).is_file() for name in own if name.endswith(f"/{values['key']}.md"))
            if page_type.endpoint == "vagvisare.step":
                assert "vagvisare/flode.yaml" in sources


def test_search_documents_link_to_pages_of_the_site(app):
    store, router = app.extensions["content"], Router()
    urls = set(router.urls(store))
    for lang in store.languages:
        documents = router.documents(store, lang)
        assert documents
        assert {urlsplit(doc.url).path for doc in documents} <= urls


def test_stock_parts_build_the_same_bytes_as_the_shortcuts(small_content, small_builds, tmp_path):
    # freeze/shortcuts.py: each shortcut must do exactly what the stock part does.
    kommun, output = KOMMUN, tmp_path / "ut"
    out = io.StringIO()
    code = builder.build(
        kommun, output, small_content, workers=1, out=out, search_index=tmp_path / "index", shortcuts=False
    )
    assert code == 0, out.getvalue()

    stock, shortcuts = files(output), files(small_builds[kommun].output)
    assert sorted(stock) == sorted(shortcuts)
    assert [name for name in stock if stock[name] != shortcuts[name]] == []


def test_every_address_of_the_sites_own_pages_is_reserved_for_a_markdown_page(small_content):
    """What a Markdown page may not be named comes from the table: every page of a type of its own
    under /sv/ (the directory, the search, each step of the vägvisare ...) is taken, and only
    the pages with a view of their own (start, be-om-sip) keep their addresses."""
    store, router = ContentStore(small_content, KOMMUN), Router()
    own = {router.page_url("sv", key) for name in OWN_VIEWS for key in (name, f"lattlast/{name}")}
    checked = 0
    for url in router.urls(store, kinds=(PAGE,)):
        endpoint, _ = router.adapter.match(url)
        if url.startswith("/sv/") and endpoint != "pages.page" and url not in own:
            assert reserved.taken("sv", url.removeprefix("/sv/").strip("/")) == url
            checked += 1
    assert checked > 100  # the vägvisare's steps and combined answers among them
    names = dict(reserved.names())
    assert {"a-o", "lattlast", "sok", "tillganglighet", "verksamheter"} <= set(names) and names["vagvisare"]
    guide = (paths.CONTENT / "README.md").read_text(encoding="utf-8")
    assert [name for name in names if f"`{name}`" not in guide] == []  # the editors' guide names them
