"""The route table: every page type of the site, declared once.

Each `PageType` says, in one place:
- its endpoint and URL rules (Flask registers exactly these, see render/__init__.py);
- the URLs it has for a given store (`addresses`: the values to build each one);
- the search documents it contributes (`documents`, per language), and whether they are in A–Ö;
- the source files each URL is built from (`sources`, paths relative to the content folder;
  every page also depends on `SITE_WIDE` and on the code, templates and catalogs).

Everything else derives from this table: the freezer's URL list, the link check at build
time, the A–Ö list, both search indexes, the review files and sitemap.xml. URLs are built
with Werkzeug's router from the same rules, so this module and everything that reads
content stay free of Flask.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from werkzeug.routing import BaseConverter, Map, Rule

from .content import behov
from .content.pages import LATTLAST, START
from .content.sprak import SOURCE
from .content.store import ContentStore
from .index import dokument

# What a page type's URLs are: HTML pages a reader can open (they are in sitemap.xml),
# other files (CSS, JSON, the logo), or pages that are no place to land (the root's
# redirect, the 404 page).
PAGE, FILE, HIDDEN = "page", "file", "hidden"

# Pages whose URL another view serves with a template of its own.
OWN_VIEWS = {START: "pages.start", "be-om-sip": "sip.page"}
SIP_KEY = "be-om-sip"

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


def _each_language(store: ContentStore, **values) -> Iterator[dict]:
    for lang in store.languages:
        yield {"lang": lang, **values}


def _ordinary_and_lattlast(written: Callable[[ContentStore], bool]):
    """Addresses for a view with a lättläst twin: every language, plus Swedish lättläst when written."""

    def addresses(store: ContentStore) -> Iterator[dict]:
        for lang in store.languages:
            yield {"lang": lang, "lattlast": False}
            if lang == SOURCE and written(store):
                yield {"lang": lang, "lattlast": True}

    return addresses


# --- Markdown pages ------------------------------------------------------------------------


def _page_files(store: ContentStore, lang: str, key: str) -> list[str]:
    """A page's own Markdown: the language's and the Swedish original (the fallback), the
    municipality's replacement and its block, and the lättläst twin that the page links to."""
    found = []
    for folder in ("sidor", f"kommuner/{store.kommun_slug}/sidor", f"kommuner/{store.kommun_slug}/tillagg"):
        for code in dict.fromkeys((lang, SOURCE)):
            found.append(f"{folder}/{code}/{key}.md")
    if lang == SOURCE:
        other = key.removeprefix(LATTLAST) if key.startswith(LATTLAST) else LATTLAST + key
        found.append(f"sidor/{SOURCE}/{other}.md")
    return found


def _staircase_files(store: ContentStore, lang: str) -> list[str]:
    """The staircase drawn on a page shows each step's title (and summary)."""
    from .content.trappsteg import TRAPPSTEG

    return [file for slug in TRAPPSTEG for file in _page_files(store, lang, f"steg/{slug}")]


def _page_addresses(store: ContentStore) -> Iterator[dict]:
    for lang in store.languages:
        for key in store.keys():
            if key.removeprefix(LATTLAST) not in OWN_VIEWS and (lang == SOURCE or not key.startswith(LATTLAST)):
                yield {"lang": lang, "key": key}


def _page_sources(store: ContentStore, values: dict) -> list[str]:
    return _page_files(store, values["lang"], values["key"]) + _staircase_files(store, values["lang"])


def _start_sources(store: ContentStore, values: dict) -> list[str]:
    key = LATTLAST + START if values["lattlast"] else START
    flow = "vagvisare/flode.yaml"
    first = [f"vagvisare/{code}/{store.flow.start}.md" for code in dict.fromkeys((values["lang"], SOURCE))]
    return _page_files(store, values["lang"], key) + _staircase_files(store, values["lang"]) + [flow, *first]


def _sip_sources(store: ContentStore, values: dict) -> list[str]:
    key = LATTLAST + SIP_KEY if values["lattlast"] else SIP_KEY
    return _page_files(store, values["lang"], key) + _staircase_files(store, values["lang"])


# --- The vägvisare -------------------------------------------------------------------------


def _vagvisare_variants(store: ContentStore) -> list[tuple[str, bool]]:
    if not store.flow:  # an unreadable flode.yaml: the checks report it, and there is no guide to build
        return []
    variants = [(lang, False) for lang in store.languages]
    if store.has_lattlast_vagvisare():
        variants.append((SOURCE, True))
    return variants


def _vagvisare_start(store: ContentStore) -> Iterator[dict]:
    for lang, lattlast in _vagvisare_variants(store):
        yield {"lang": lang, "lattlast": lattlast}


def _vagvisare_steps(store: ContentStore) -> Iterator[dict]:
    for lang, lattlast in _vagvisare_variants(store):
        for answers in store.flow.paths():
            if answers:
                yield {"lang": lang, "svar": "/".join(answers), "lattlast": lattlast}


def _node_files(store: ContentStore, lang: str, node_ids: Iterable[str], lattlast: bool = False) -> list[str]:
    codes = dict.fromkeys((lang, SOURCE))
    prefixes = (LATTLAST, "") if lattlast else ("",)
    return [f"vagvisare/{code}/{prefix}{node}.md" for node in node_ids for code in codes for prefix in prefixes]


def _directory(store: ContentStore) -> list[str]:
    return [f"kommuner/{store.kommun_slug}/verksamheter.yaml"]


def _step_sources(store: ContentStore, values: dict) -> list[str]:
    answers = tuple(values.get("svar", "").split("/")) if values.get("svar") else ()
    nodes = store.flow.walk(answers) or []
    return ["vagvisare/flode.yaml", *_directory(store)] + _node_files(
        store, values["lang"], [node.id for node in nodes], values["lattlast"]
    )


def _handover_addresses(store: ContentStore) -> Iterator[dict]:
    for lang in store.languages if store.flow else ():
        for node_id in store.flow.outcomes:
            yield {"lang": lang, "node_id": node_id}


def _handover_sources(store: ContentStore, values: dict) -> list[str]:
    return ["vagvisare/flode.yaml", *_directory(store), *_node_files(store, values["lang"], [values["node_id"]])]


def _combined_addresses(languages):
    """Every combined answer (content/behov.py) in `languages(store)`."""

    def addresses(store: ContentStore) -> Iterator[dict]:
        if not store.flow:
            return
        for lang in languages(store):
            for chosen in behov.all_combinations(store.flow):
                yield {"lang": lang, "behov": "/".join(chosen)}

    return addresses


def _combined_sources(store: ContentStore, values: dict) -> list[str]:
    chosen = tuple(values["behov"].split("/"))
    nodes = [store.flow.start, behov.TEXT, *(o.id for o in behov.outcomes(store.flow, chosen))]
    return ["vagvisare/flode.yaml", *_directory(store), *_node_files(store, values["lang"], nodes)]


def _script_sources(store: ContentStore, values: dict) -> list[str]:
    nodes = [*store.flow.questions, *store.flow.outcomes]
    return ["vagvisare/flode.yaml", *_directory(store), *_node_files(store, SOURCE, nodes)]


# --- Search documents ----------------------------------------------------------------------


def _page_documents(store: ContentStore, lang: str, router: "Router"):
    return dokument.page_documents(store, lang, lambda key: router.page_url(lang, key))


def _outcome_documents(store: ContentStore, lang: str, router: "Router"):
    return dokument.outcome_documents(
        store, lang, lambda node_id: router.url("vagvisare.handover", lang=lang, node_id=node_id)
    )


def _service_documents(store: ContentStore, lang: str, router: "Router"):
    directory = router.url("kommun.verksamheter", lang=lang)
    return dokument.service_documents(store, lang, lambda service_id: f"{directory}#kort-{service_id}")


def _everything(store: ContentStore, values: dict) -> list[str]:
    """Pages that list every page, outcome or verksamhet depend on all content."""
    return ["*"]


def _static_addresses(store: ContentStore) -> Iterator[dict]:
    folder = Path(__file__).parent / "render" / "static"
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield {"filename": path.relative_to(folder).as_posix()}


def _lattlast_page(key: str) -> Callable[[ContentStore], bool]:
    return lambda store: (SOURCE, LATTLAST + key) in store.pages


TABLE: tuple[PageType, ...] = (
    PageType("pages.root", (Route("/"),), lambda store: [{}], HIDDEN),
    PageType("pages.not_found_page", (Route("/404.html"),), lambda store: [{}], HIDDEN),
    PageType(
        "pages.start",
        _with_lattlast(""),
        _ordinary_and_lattlast(_lattlast_page(START)),
        sources=_start_sources,
        lattlast=_lattlast_page(START),
    ),
    PageType(
        "pages.page",
        (Route("/<lang:lang>/<path:key>/"),),
        _page_addresses,
        sources=_page_sources,
        documents=_page_documents,
        in_a_o=True,
    ),
    PageType("pages.sitemap", (Route("/sitemap.xml"),), lambda store: [{}], FILE, _everything),
    PageType(
        "sip.page",
        _with_lattlast(f"{SIP_KEY}/"),
        _ordinary_and_lattlast(_lattlast_page(SIP_KEY)),
        sources=_sip_sources,
        lattlast=_lattlast_page(SIP_KEY),
    ),
    PageType(
        "vagvisare.script",
        (Route("/<lang:lang>/vagvisare/manus/"),),
        lambda store: [{"lang": SOURCE}] if store.flow else [],
        sources=_script_sources,
        documents=lambda store, lang, router: dokument.script_documents(
            store, lang, router.url("vagvisare.script", lang=SOURCE)
        ),
        in_a_o=True,
    ),
    PageType(
        "vagvisare.start",
        _with_lattlast("vagvisare/"),
        _vagvisare_start,
        sources=_step_sources,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType(
        "vagvisare.step",
        _with_lattlast("vagvisare/<path:svar>/"),
        _vagvisare_steps,
        sources=_step_sources,
        lattlast=ContentStore.has_lattlast_vagvisare,
    ),
    PageType(
        "vagvisare.handover",
        (Route("/<lang:lang>/vagvisare/utfall/<node_id>/"),),
        _handover_addresses,
        sources=_handover_sources,
        documents=_outcome_documents,
        in_a_o=True,
    ),
    # Several needs at once: one page per set of needs and language, and (for staff, in
    # Swedish) one to print. Not in search: each part is found on its own.
    PageType(
        "vagvisare.combined",
        (Route("/<lang:lang>/vagvisare/flera/<path:behov>/"),),
        _combined_addresses(lambda store: store.languages),
        sources=_combined_sources,
    ),
    PageType(
        "vagvisare.combined_handover",
        (Route("/<lang:lang>/vagvisare/utfall/flera/<path:behov>/"),),
        _combined_addresses(lambda store: (SOURCE,)),
        sources=_combined_sources,
    ),
    PageType("kommun.colours", (Route("/kommun/farger.css"),), lambda store: [{}] if store.kommun else [], FILE),
    PageType(
        "kommun.logo",
        (Route("/kommun/logotyp<ext>"),),
        lambda store: [{"ext": store.kommun.logotyp.suffix.lower()}] if store.kommun and store.kommun.logotyp else [],
        FILE,
    ),
    PageType(
        "kommun.open_data",
        (Route("/oppna-data/verksamheter.json"),),
        lambda store: [{}] if store.kommun else [],
        FILE,
        lambda store, values: _directory(store),
    ),
    PageType(
        "kommun.verksamheter",
        (Route("/<lang:lang>/verksamheter/"),),
        _each_language,
        sources=lambda store, values: _directory(store),
        documents=_service_documents,
    ),
    PageType("kommun.tillganglighet", (Route("/<lang:lang>/tillganglighet/"),), _each_language),
    PageType("sok.synonyms", (Route("/sok/synonymer.json"),), lambda store: [{}], FILE, _everything),
    PageType("sok.page", (Route("/<lang:lang>/sok/"),), _each_language),
    PageType("sok.a_o", (Route("/<lang:lang>/a-o/"),), _each_language, sources=_everything),
    # Flask registers the static files' rule itself; the table lists their URLs.
    PageType("static", (Route("/static/<path:filename>"),), _static_addresses, FILE),
)
BY_ENDPOINT = {page_type.endpoint: page_type for page_type in TABLE}


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

    def url(self, endpoint: str, **values) -> str:
        """The path of the page `endpoint` with `values` (lättläst views need `lattlast`)."""
        page_type = BY_ENDPOINT[endpoint]
        if page_type.lattlast is not None:
            values.setdefault("lattlast", False)
        return self.adapter.build(endpoint, values)

    def page_url(self, lang: str, key: str) -> str:
        """The URL of Markdown page `key` in `lang`, also for the pages that have a view of their own."""
        plain = key.removeprefix(LATTLAST)
        if plain in OWN_VIEWS:
            return self.url(OWN_VIEWS[plain], lang=lang, lattlast=key.startswith(LATTLAST))
        return self.url("pages.page", lang=lang, key=key)

    def urls(self, store: ContentStore, kinds: tuple[str, ...] = (PAGE, FILE, HIDDEN)) -> list[str]:
        """Every URL of the site, in table order, for the page types of `kinds`."""
        return list(
            dict.fromkeys(
                self.url(page_type.endpoint, **values)
                for page_type in TABLE
                if page_type.kind in kinds
                for values in page_type.addresses(store)
            )
        )

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
