"""The route table: every page type of the site, declared once.

Each `PageType` says, in one place:
- its endpoint and URL rules (Flask registers exactly these, see render/__init__.py);
- the URLs it has for a given store (`addresses`: the values to build each one);
- the search documents it contributes (`documents`, per language), and whether they are in A–Ö;
- the source files each URL is built from (`sources`, paths relative to the content folder;
  every page also depends on `SITE_WIDE` and on the code, templates and catalogs; "*" is
  all of the content, and addresses.documents_of(lang) a language's search documents).

Everything else derives from this table: the freezer's URL list, the link check at build
time, the A–Ö list, both search indexes, the review files and sitemap.xml. URLs are built
with Werkzeug's router from the same rules, so this module and everything that reads
content stay free of Flask.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from werkzeug.routing import BaseConverter, Map, Rule

from ..content.pages import LATTLAST, START
from ..content.sprak import SOURCE
from ..content.store import ContentStore
from ..index import dokument
from . import addresses
from .addresses import OWN_VIEWS, SIP_KEY

# What a page type's URLs are: HTML pages a reader can open (they are in sitemap.xml),
# other files (CSS, JSON, the logo), or pages that are no place to land (the root's
# redirect, the 404 page). PREVIEW: only the editor's preview has them (render/live_reload.py);
# they are never built.
PAGE, FILE, HIDDEN, PREVIEW = "page", "file", "hidden", "preview"

# Every page depends on these files, besides its own sources, the code, the templates and
# the catalog of its language: the name, colours and languages, the emergency numbers.
SITE_WIDE = ("kommuner/{kommun}/kommun.yaml", "data/nodnummer.yaml")


@dataclass(frozen=True)
class Route:
    pattern: str
    defaults: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PageType:
    endpoint: str
    routes: tuple[Route, ...]
    addresses: Callable[[ContentStore], Iterable[dict]]
    kind: str = PAGE
    sources: Callable[[ContentStore, dict], Iterable[str]] = lambda store, values: ()
    documents: Callable[[ContentStore, str, "Router"], Iterable[dokument.Dokument]] | None = None
    in_a_o: bool = False  # its documents are listed on the A–Ö page
    lattlast: Callable[[ContentStore], bool] | None = None  # whether its lättläst version is written


def _with_lattlast(rule: str) -> tuple[Route, ...]:
    """`/<lang>/<rule>` and its lättläst twin `/<lang>/lattlast/<rule>`."""
    return (
        Route(f"/<lang:lang>/{rule}", {"lattlast": False}),
        Route(f"/<lang:lang>/{LATTLAST}{rule}", {"lattlast": True}),
    )


TABLE: tuple[PageType, ...] = (
    PageType("pages.root", (Route("/"),), lambda store: [{}], HIDDEN),
    PageType("pages.not_found_page", (Route("/404.html"),), lambda store: [{}], HIDDEN),
    PageType(
        "pages.start",
        _with_lattlast(""),
        addresses.ordinary_and_lattlast(addresses.lattlast_page(START)),
        sources=addresses.start_sources,
        lattlast=addresses.lattlast_page(START),
    ),
    PageType(
        "pages.page",
        (Route("/<lang:lang>/<path:key>/"),),
        addresses.page_addresses,
        sources=addresses.page_sources,
        documents=addresses.page_documents,
        in_a_o=True,
    ),
    PageType("pages.sitemap", (Route("/sitemap.xml"),), lambda store: [{}], FILE, addresses.everything),
    PageType(
        "sip.page",
        _with_lattlast(f"{SIP_KEY}/"),
        addresses.ordinary_and_lattlast(addresses.lattlast_page(SIP_KEY)),
        sources=addresses.sip_sources,
        lattlast=addresses.lattlast_page(SIP_KEY),
    ),
    PageType(
        "vagvisare.script",
        (Route("/<lang:lang>/vagvisare/manus/"),),
        lambda store: [{"lang": SOURCE}] if store.flow else [],
        sources=addresses.script_sources,
        documents=lambda store, lang, router: dokument.script_documents(
            store, lang, router.url("vagvisare.script", lang=SOURCE)
        ),
        in_a_o=True,
    ),
    PageType(
        "vagvisare.start",
        _with_lattlast("vagvisare/"),
        addresses.vagvisare_start,
        sources=addresses.step_sources,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType(
        "vagvisare.step",
        _with_lattlast("vagvisare/<path:svar>/"),
        addresses.vagvisare_steps,
        sources=addresses.step_sources,
        documents=addresses.outcome_documents,
        in_a_o=True,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType(
        "vagvisare.handover",
        # The second address is the same outcome as a närstående asked it: the card and the
        # link sent by sms then carry what a närstående says, and support of their own.
        (
            Route("/<lang:lang>/vagvisare/utfall/<node_id>/", {"narstaende": False}),
            Route("/<lang:lang>/vagvisare/utfall/<node_id>/narstaende/", {"narstaende": True}),
        ),
        addresses.handover_addresses,
        sources=addresses.handover_sources,
    ),
    # Several needs at once: one page per set of needs and language (and lättläst, with the
    # guide's lättläst), and (for staff, in Swedish) one to print. Not in search: each part is
    # found on its own.
    PageType(
        "vagvisare.combined",
        _with_lattlast("vagvisare/flera/<path:behov>/"),
        addresses.combined_addresses,
        sources=addresses.combined_sources,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType(
        "vagvisare.combined_handover",
        (Route("/<lang:lang>/vagvisare/utfall/flera/<path:behov>/"),),
        addresses.combined_handover_addresses,
        sources=lambda store, values: [*addresses.combined_sources(store, values), *addresses.staff_files()],
    ),
    PageType("kommun.colours", (Route("/kommun/farger.css"),), lambda store: [{}] if store.kommun else [], FILE),
    PageType(
        "kommun.logo",
        (Route("/kommun/logotyp<ext>"),),
        lambda store: [{"ext": store.kommun.logotyp.suffix.lower()}] if store.kommun and store.kommun.logotyp else [],
        FILE,
        addresses.logo,
    ),
    PageType(
        "kommun.open_data",
        (Route("/oppna-data/verksamheter.json"),),
        lambda store: [{}] if store.kommun else [],
        FILE,
        lambda store, values: addresses.directory(store),
    ),
    # Lättläst too, with the guide's lättläst: the lättläst menu led to the directory in
    # ordinary Swedish, and the reader lost the lättläst menu with it (a persona, session 35).
    PageType(
        "kommun.verksamheter",
        _with_lattlast("verksamheter/"),
        addresses.ordinary_and_lattlast(ContentStore.has_lattlast_vagvisare),
        sources=lambda store, values: addresses.directory(store),
        documents=addresses.service_documents,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType("kommun.tillganglighet", (Route("/<lang:lang>/tillganglighet/"),), addresses.each_language),
    # What the browser's search reads (index/sokdata.py): every document's title and search words.
    PageType(
        "sok.data", (Route("/sok/<lang:lang>.json"),), addresses.each_language, FILE, addresses.search_data_sources
    ),
    # Lättläst too: a lättläst reader's search led to pages in ordinary Swedish (its results lead
    # to their lättläst versions where there are some).
    PageType(
        "sok.page",
        _with_lattlast("sok/"),
        addresses.ordinary_and_lattlast(ContentStore.has_lattlast_vagvisare),
        sources=addresses.search_page_sources,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType("sok.a_o", (Route("/<lang:lang>/a-o/"),), addresses.each_language, sources=addresses.a_o_sources),
    # Flask registers the static files' rule itself; the table lists their URLs.
    PageType("static", (Route("/static/<path:filename>"),), addresses.static_addresses, FILE),
    PageType("live.script", (Route("/_forhandsvisning/ladda-om.js"),), lambda store: [{}], PREVIEW),
    PageType("live.style", (Route("/_forhandsvisning/fel.css"),), lambda store: [{}], PREVIEW),
    PageType("live.changes", (Route("/_forhandsvisning/andringar"),), lambda store: [{}], PREVIEW),
)
BY_ENDPOINT = {page_type.endpoint: page_type for page_type in TABLE}


def _made_of(store: ContentStore) -> tuple:
    """What the addresses are made of: the languages, settings and flow, the pages and texts there are."""
    return (store.languages, store.kommun, store.flow, tuple(store.pages), tuple(store.texts))


def _same(before: tuple, now: tuple) -> bool:
    """The languages, the settings and flow (the same objects) and the pages and texts there are."""
    return before[0] == now[0] and before[1] is now[1] and before[2] is now[2] and before[3:] == now[3:]


class LanguageCode(BaseConverter):
    """Two lower-case letters. The Flask app swaps in a converter that also checks that the
    municipality publishes the language."""

    regex = "[a-z]{2}"


class Router:
    """URLs built from the table's rules, without Flask (Werkzeug's router, as Flask uses)."""

    def __init__(self, converters: dict | None = None):
        rules = [
            Rule(route.pattern, endpoint=page_type.endpoint, defaults=route.defaults or None)
            for page_type in TABLE
            for route in page_type.routes
        ]
        self.map = Map(rules, converters={"lang": LanguageCode, **(converters or {})}, strict_slashes=False)
        self.adapter = self.map.bind("localhost")
        # Each URL built once: the table never changes, and the preview asks for all 13,000 of
        # a large site's URLs again after every save (Werkzeug takes 17 µs a URL).
        self._built: dict[tuple, str] = {}
        self._urls: dict[tuple, tuple[tuple, list[str]]] = {}  # by kinds: (what they were of, the URLs)
        self._sourced: tuple[tuple, dict] | None = None  # (what they were of, each URL's sources)

    def url(self, endpoint: str, **values) -> str:
        """The path of the page `endpoint` with `values` (lättläst views need `lattlast`)."""
        page_type = BY_ENDPOINT[endpoint]
        if page_type.lattlast is not None:
            values.setdefault("lattlast", False)
        key = (endpoint, *sorted(values.items()))
        try:
            return self._built[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key
            return self.adapter.build(endpoint, values)
        built = self._built[key] = self.adapter.build(endpoint, values)
        return built

    def page_url(self, lang: str, key: str) -> str:
        """The URL of Markdown page `key` in `lang`, also for the pages that have a view of their own."""
        found = self._built.get(("page_url", lang, key))
        if found is None:
            plain = key.removeprefix(LATTLAST)
            if plain in OWN_VIEWS:
                found = self.url(OWN_VIEWS[plain], lang=lang, lattlast=key.startswith(LATTLAST))
            else:
                found = self.url("pages.page", lang=lang, key=key)
            self._built[("page_url", lang, key)] = found
        return found

    def urls(self, store: ContentStore, kinds: tuple[str, ...] = (PAGE, FILE, HIDDEN)) -> list[str]:
        """Every URL of the site, in table order, for the page types of `kinds`. Kept while
        what the addresses are made of stays: the pages and texts there are, the settings and
        the flow (the same objects while their files are: ContentStore._read). The preview
        asks after every save, and a page's text changes no URL (30 ms at 13,000 URLs). The
        static files are the code's, which the preview does not watch either."""
        made_of = _made_of(store)
        kept = self._urls.get(kinds)
        if kept is not None and _same(kept[0], made_of):
            return list(kept[1])
        found = list(
            dict.fromkeys(
                self.url(page_type.endpoint, **values)
                for page_type in TABLE
                if page_type.kind in kinds
                for values in page_type.addresses(store)
            )
        )
        self._urls[kinds] = (made_of, found)
        return list(found)

    def sourced_urls(self, store: ContentStore, kinds: tuple[str, ...] = (PAGE, FILE, HIDDEN)) -> dict[str, list[str]]:
        """Every URL of the site, in table order, with the content files it is built from
        (`sources`): what the incremental build (publish/incremental.py) renders again after an edit."""
        if kinds == (PAGE, FILE, HIDDEN) and self._sourced is not None and _same(self._sourced[0], _made_of(store)):
            return self._sourced[1]
        found: dict[str, list[str]] = {}
        for page_type in TABLE:
            if page_type.kind in kinds:
                for values in page_type.addresses(store):
                    url = self.url(page_type.endpoint, **values)
                    if url not in found:
                        found[url] = self.sources(store, page_type.endpoint, values)
        return found

    def known(self, store: ContentStore, lists: dict[tuple, list[str]], sourced: dict[str, list[str]]) -> None:
        """Take the URLs and their sources that a build worked out for content of the same shape
        (publish/incremental.py: the same files, flow and settings, and the same code; no
        address and no source depends on a page's text), instead of working them out again:
        0.3 s of an edit's build at 2,000 extra pages."""
        made_of = _made_of(store)
        self._urls.update((tuple(kinds), (made_of, list(found))) for kinds, found in lists.items())
        self._sourced = (made_of, sourced)

    def lists(self) -> dict[tuple, list[str]]:
        """The URL lists worked out so far, by kinds (for known(), in a later build)."""
        return {kinds: found for kinds, (_, found) in self._urls.items()}

    def documents(self, store: ContentStore, lang: str, a_o_only: bool = False) -> list[dokument.Dokument]:
        """What the search indexes hold for `lang`, from every page type that contributes."""
        return [
            doc
            for page_type in TABLE
            if page_type.documents and (page_type.in_a_o or not a_o_only)
            for doc in page_type.documents(store, lang, self)
        ]

    def sources(self, store: ContentStore, endpoint: str, values: dict) -> list[str]:
        """The content files the page at `endpoint` with `values` is built from, site-wide ones
        included ("*" for a page built from all of it). Relative to the content folder."""
        own = list(BY_ENDPOINT[endpoint].sources(store, values))
        return list(dict.fromkeys([*(f.format(kommun=store.kommun_slug) for f in SITE_WIDE), *own]))
