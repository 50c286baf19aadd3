"""What each page type of the route table has for one municipality's content: its URLs'
values, the content files each is built from, and its search documents. Flask-free."""

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from ..content import behov, kris, verksamheter_sprak
from ..content.pages import LATTLAST, START
from ..content.sprak import SOURCE, SPRAK
from ..content.store import ContentStore
from ..content.trappsteg import TRAPPSTEG
from ..content.vagvisare import STAFF_TEXTS
from ..index import dokument

# Pages whose URL another view serves with a template of its own.
OWN_VIEWS = {START: "pages.start", "be-om-sip": "sip.page"}
SIP_KEY = "be-om-sip"


def each_language(store: ContentStore, **values) -> Iterator[dict]:
    for lang in store.languages:
        yield {"lang": lang, **values}


def ordinary_and_lattlast(written: Callable[[ContentStore], bool]):
    """Addresses for a view with a lättläst twin: every language, plus Swedish lättläst when written."""

    def addresses(store: ContentStore) -> Iterator[dict]:
        for lang in store.languages:
            yield {"lang": lang, "lattlast": False}
            if lang == SOURCE and written(store):
                yield {"lang": lang, "lattlast": True}

    return addresses


# --- Markdown pages ------------------------------------------------------------------------


def page_files(store: ContentStore, lang: str, key: str) -> list[str]:
    """A page's own Markdown: the language's and the Swedish original (the fallback), the
    municipality's replacement and its block, and the lättläst twin that the page links to."""
    found = []
    for folder in ("sidor", f"kommuner/{store.kommun_slug}/sidor", f"kommuner/{store.kommun_slug}/tillagg"):
        for code in dict.fromkeys((lang, SOURCE)):
            found.append(f"{folder}/{code}/{key}.md")
    if lang == SOURCE:
        other = key.removeprefix(LATTLAST) if key.startswith(LATTLAST) else LATTLAST + key
        found += [f"sidor/{SOURCE}/{other}.md", f"kommuner/{store.kommun_slug}/sidor/{SOURCE}/{other}.md"]
    return found


def staircase_files(store: ContentStore, lang: str) -> list[str]:
    """The staircase drawn on a page shows each step's title (and summary). The same for every
    page of a language: worked out once (it was a third of listing the sources of 13,000 URLs)."""
    return store.listed(("staircase_files", lang), partial(_staircase_files, store, lang))


def _staircase_files(store: ContentStore, lang: str) -> list[str]:
    return [file for slug in TRAPPSTEG for file in page_files(store, lang, f"steg/{slug}")]


def page_addresses(store: ContentStore) -> Iterator[dict]:
    for lang in store.languages:
        for key in store.keys():
            if key.removeprefix(LATTLAST) not in OWN_VIEWS and (lang == SOURCE or not key.startswith(LATTLAST)):
                yield {"lang": lang, "key": key}


def page_sources(store: ContentStore, values: dict) -> list[str]:
    return page_files(store, values["lang"], values["key"]) + staircase_files(store, values["lang"])


def start_sources(store: ContentStore, values: dict) -> list[str]:
    key = LATTLAST + START if values["lattlast"] else START
    flow = "vagvisare/flode.yaml"
    first = [f"vagvisare/{code}/{store.flow.start}.md" for code in dict.fromkeys((values["lang"], SOURCE))]
    return page_files(store, values["lang"], key) + staircase_files(store, values["lang"]) + [flow, *first]


def sip_sources(store: ContentStore, values: dict) -> list[str]:
    key = LATTLAST + SIP_KEY if values["lattlast"] else SIP_KEY
    # The page ends with the contact center's card, for someone with no contact to ask yet.
    return page_files(store, values["lang"], key) + staircase_files(store, values["lang"]) + directory(store)


# --- The vägvisare -------------------------------------------------------------------------


def vagvisare_variants(store: ContentStore) -> list[tuple[str, bool]]:
    if not store.flow:  # an unreadable flode.yaml: the checks report it, and there is no guide to build
        return []
    variants = [(lang, False) for lang in store.languages]
    if store.has_lattlast_vagvisare():
        variants.append((SOURCE, True))
    return variants


def vagvisare_start(store: ContentStore) -> Iterator[dict]:
    for lang, lattlast in vagvisare_variants(store):
        yield {"lang": lang, "lattlast": lattlast}


def vagvisare_steps(store: ContentStore) -> Iterator[dict]:
    for lang, lattlast in vagvisare_variants(store):
        for answers in store.flow.paths():
            if answers:
                yield {"lang": lang, "svar": "/".join(answers), "lattlast": lattlast}


def node_files(store: ContentStore, lang: str, node_ids: Iterable[str], lattlast: bool = False) -> list[str]:
    codes = dict.fromkeys((lang, SOURCE))
    prefixes = (LATTLAST, "") if lattlast else ("",)
    return [f"vagvisare/{code}/{prefix}{node}.md" for node in node_ids for code in codes for prefix in prefixes]


def directory(store: ContentStore) -> list[str]:
    """The directory, and its words in every language (a contact card shows them)."""
    folder = f"kommuner/{store.kommun_slug}"
    return [f"{folder}/verksamheter.yaml", *(f"{folder}/{verksamheter_sprak.file_name(lang)}" for lang in SPRAK)]


def logo(store: ContentStore, values: dict) -> list[str]:
    return [f"kommuner/{store.kommun_slug}/{store.kommun.logotyp.name}"]


def step_box_files(store: ContentStore, lang: str, steps) -> list[str]:
    """An answer ends with "Var du är i trappan": the title and summary of its step's page."""
    return [file for step in dict.fromkeys(steps) if step for file in page_files(store, lang, f"steg/{step}")]


def step_sources(store: ContentStore, values: dict) -> list[str]:
    answers = tuple(values.get("svar", "").split("/")) if values.get("svar") else ()
    nodes = store.flow.walk(answers) or []
    steps = [getattr(node, "trappsteg", None) for node in nodes]
    return (
        ["vagvisare/flode.yaml", *directory(store)]
        + node_files(store, values["lang"], [node.id for node in nodes], values["lattlast"])
        + step_box_files(store, values["lang"], steps)
    )


def handover_addresses(store: ContentStore) -> Iterator[dict]:
    """Each outcome's staff view in each language, and its närstående twin where a närstående
    can reach the outcome."""
    asked_for_others = store.flow.first_narstaende_paths() if store.flow else {}
    for lang in store.languages if store.flow else ():
        for node_id in store.flow.outcomes:
            yield {"lang": lang, "node_id": node_id, "narstaende": False}
            if node_id in asked_for_others:
                yield {"lang": lang, "node_id": node_id, "narstaende": True}


def staff_files() -> list[str]:
    """The staff's words (vagvisare/sv/personal.md ...), on every staff view and the phone script."""
    return [f"vagvisare/{SOURCE}/{name}.md" for name in STAFF_TEXTS]


def handover_sources(store: ContentStore, values: dict) -> list[str]:
    own = node_files(store, values["lang"], [values["node_id"]])
    step = store.flow.outcomes[values["node_id"]].trappsteg
    box = step_box_files(store, values["lang"], [step])
    return ["vagvisare/flode.yaml", *directory(store), *own, *staff_files(), *box]


def combined_addresses(store: ContentStore) -> Iterator[dict]:
    """Every combined answer (content/behov.py), in each language and lättläst as the guide has them."""
    for lang, lattlast in vagvisare_variants(store):
        for chosen in behov.all_combinations(store.flow):
            yield {"lang": lang, "behov": "/".join(chosen), "lattlast": lattlast}


def combined_handover_addresses(store: ContentStore) -> Iterator[dict]:
    """The staff's print of every combined answer: in Swedish only, and no lättläst twin."""
    for chosen in behov.all_combinations(store.flow) if store.flow else ():
        yield {"lang": SOURCE, "behov": "/".join(chosen)}


def combined_sources(store: ContentStore, values: dict) -> list[str]:
    chosen = tuple(values["behov"].split("/"))
    # A part for an earlier answer shows its title (behov.also): each need's specific answers
    # are a few more than the parts, and a look-up where behov.also walks the flow.
    specific = _specific_outcomes(store)
    earlier = [outcome_id for need in chosen for outcome_id in specific.get(need, ())]
    nodes = [store.flow.start, behov.TEXT, *(o.id for o in behov.outcomes(store.flow, chosen)), *earlier]
    box = step_box_files(store, values["lang"], ["samordningsplan"])  # a combined answer's step
    words = node_files(store, values["lang"], nodes, values.get("lattlast", False))
    return ["vagvisare/flode.yaml", *directory(store), *words, *box]


def _specific_outcomes(store: ContentStore) -> dict[str, dict[str, tuple[str, ...]]]:
    """behov.every_specific_outcome, once per version of the flow: a listing is kept
    until a file is added or removed, so it is named by the flow it was made from, which it
    holds (the id cannot pass to another flow while it is kept)."""
    flow = store.flow

    def made():
        return flow, behov.every_specific_outcome(flow)

    return store.listed(("specific_outcomes", id(flow)), made)[1]


def script_sources(store: ContentStore, values: dict) -> list[str]:
    nodes = [*store.flow.questions, *store.flow.outcomes]
    return ["vagvisare/flode.yaml", *directory(store), *node_files(store, SOURCE, nodes), *staff_files()]


# --- Search documents ----------------------------------------------------------------------


def page_documents(store: ContentStore, lang: str, router):
    return dokument.page_documents(store, lang, lambda key: router.page_url(lang, key))


def outcome_documents(store: ContentStore, lang: str, router):
    return dokument.outcome_documents(store, lang, _outcome_url(store, lang, router))


def _outcome_url(store: ContentStore, lang: str, router) -> Callable[[str], str]:
    """An outcome is found at its page in the vägvisare, the one a resident reads (the
    handover card at /vagvisare/utfall/ is for staff to print)."""
    first = store.flow.first_paths() if store.flow else {}
    return lambda node_id: router.url("vagvisare.step", lang=lang, svar="/".join(first[node_id]))


def lattlast_versions(store: ContentStore, router) -> dict[str, dokument.Lattlast]:
    """By a Swedish search document's address: its title and summary in lättläst, where written."""
    page_url = partial(router.page_url, SOURCE)
    return dict(dokument.lattlast_versions(store, page_url, _outcome_url(store, SOURCE, router)))


def search_page_sources(store: ContentStore, values: dict) -> list[str]:
    """The crisis block's sources; lättläst's page also shows each lättläst title and summary,
    and maps each Swedish document's address to its lättläst version.
    page_files and node_files name the ordinary twins too: one page more to write after such an
    edit, and one way to list them."""
    found = crisis_sources(store, values)
    if values.get("lattlast"):
        # Its map of lättläst addresses has one for each Swedish document's (a card's too).
        found.append(documents_of(SOURCE))
        found += [file for key in store.keys() if key.startswith(LATTLAST) for file in page_files(store, SOURCE, key)]
        found += node_files(store, SOURCE, store.flow.outcomes if store.flow else (), lattlast=True)
    return found


def service_documents(store: ContentStore, lang: str, router):
    directory = router.url("kommun.verksamheter", lang=lang)
    return dokument.service_documents(store, lang, lambda service_id: f"{directory}#kort-{service_id}")


def crisis_sources(store: ContentStore, values: dict) -> list[str]:
    """The search page holds a crisis block for each outcome the lexicon of its language names."""
    name = kris.file_name(values["lang"])
    return ["vagvisare/flode.yaml", f"data/{name}", f"kommuner/{store.kommun_slug}/{name}"]


def documents_of(lang: str) -> str:
    """A source that is no file: the search documents of `lang` (each one's title, address,
    language, text and place), which a build compares by a hash of each (publish/incremental.py)."""
    return f"dokument:{lang}"


def a_o_sources(store: ContentStore, values: dict) -> list[str]:
    """The A–Ö list shows each document's title, address and language, and nothing else of the
    content: a change that no document holds (a review date) leaves it as it is."""
    return [documents_of(values["lang"])]


def search_data_sources(store: ContentStore, values: dict) -> list[str]:
    """What the browser's search reads for a language (index/sokdata.py): its documents, the
    crisis lexicon and the outcome each kind leads to, the synonyms, and the steps' titles that
    name each result's place. Not all content: a review date leaves it as it is."""
    lang = values["lang"]
    synonyms = ["data/synonymer.yaml", f"kommuner/{store.kommun_slug}/synonymer.yaml"]
    return [documents_of(lang), *crisis_sources(store, values), *synonyms, *staircase_files(store, lang)]


def everything(store: ContentStore, values: dict) -> list[str]:
    """Pages that list every page, outcome or verksamhet depend on all content."""
    return ["*"]


def static_addresses(store: ContentStore) -> Iterator[dict]:
    folder = Path(__file__).parents[1] / "render" / "static"
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield {"filename": path.relative_to(folder).as_posix()}


def lattlast_page(key: str) -> Callable[[ContentStore], bool]:
    return lambda store: (SOURCE, LATTLAST + key) in store.pages
