"""What search covers: every page, every vägvisare outcome and every verksamhet,
in one language, with where each sits (a trappsteg, an outcome, the directory)."""

from collections.abc import Callable
from dataclasses import dataclass

from ..content.pages import LATTLAST
from ..content.sprak import SOURCE
from ..content.store import ContentStore

# The start page is the way in, not an answer. Lättläst versions are left out: each
# ordinary page links to its lättläst version, and one result per subject is clearer.
NOT_INDEXED = {"start"}


@dataclass(frozen=True)
class Dokument:
    url: str
    title: str
    text: str
    keywords: str
    place: str  # "steg:<slug>", "utfall", "verksamhet" or "sida"
    lang: str  # the language the text is written in (a fallback is Swedish)
    sokord: tuple[str, ...] = ()  # the words people search for it with, as the editor wrote them


def page_documents(store: ContentStore, lang: str, url: Callable[[str], str]):
    """Every page but the start page and lättläst twins; `url(key)` is its address (from the route table)."""
    for key in store.keys():
        if key in NOT_INDEXED or key.startswith(LATTLAST):
            continue
        page = store.page(lang, key)
        # Kept with the parsed page: the preview makes again only the documents of what changed.
        yield store.per_page(page, _page_document, store.page(SOURCE, key).meta.get("trappsteg"), url(key))


def _page_document(page, step: str | None, url: str) -> Dokument:
    sokord = tuple(page.meta.get("sokord", []))
    return Dokument(
        url, page.title, page.rendered.text, " ".join(sokord), f"steg:{step}" if step else "sida", page.lang, sokord
    )


def outcome_documents(store: ContentStore, lang: str, url: Callable[[str], str]):
    """Every vägvisare outcome; `url(node_id)` is its address."""
    for node_id in store.flow.outcomes if store.flow else ():
        text = store.text(lang, node_id)
        sokord = tuple(text.meta.get("sokord", []))
        yield Dokument(
            url(node_id),
            text.meta.get("titel", node_id),
            f"{text.meta.get('sag_sa_har', '')}\n{text.rendered.text}",
            " ".join(sokord),
            "utfall",
            text.lang,
            sokord,
        )


def service_documents(store: ContentStore, lang: str, url: Callable[[str], str]):
    """Every verksamhet; `url(service_id)` is its card on the directory page. In the words of
    `lang` where the municipality has translated them (a Ukrainian reader's hits quoted Swedish
    while the card said it in Ukrainian); the Swedish stay searchable, as words people type."""
    for service in store.verksamheter.values():
        swedish = f"{service.beskrivning}\n{service.kontakt}"
        words = store.service_texts(lang, service) if lang != SOURCE else None
        if words and words.beskrivning and words.kontakt:
            text, keywords, text_lang = f"{words.beskrivning}\n{words.kontakt}", f" {swedish}", lang
        else:
            text, keywords, text_lang = swedish, "", SOURCE
        yield Dokument(
            url(service.id),
            service.namn,
            text,
            f"{service.typ} {service.organisation.namn}{keywords}",
            "verksamhet",
            text_lang,
        )


@dataclass(frozen=True)
class Lattlast:
    """What a lättläst reader's search shows for a result written in lättläst too: the
    lättläst title and summary (`beskrivning`; empty for a vägvisare answer, whose title says
    what to do). The ordinary page's excerpt was ordinary Swedish."""

    title: str
    summary: str


def lattlast_versions(store: ContentStore, page_url: Callable[[str], str], outcome_url: Callable[[str], str]):
    """(address, Lattlast) for each Swedish search document whose text is written in lättläst
    too; the address is the ordinary document's (`page_url(key)`, `outcome_url(node_id)`)."""
    for key in store.keys():
        if key not in NOT_INDEXED and not key.startswith(LATTLAST) and (SOURCE, LATTLAST + key) in store.pages:
            page = store.page(SOURCE, LATTLAST + key)
            yield page_url(key), Lattlast(page.title, page.meta.get("beskrivning", ""))
    for node_id in store.flow.outcomes if store.flow else ():
        text = store.texts.get((SOURCE, LATTLAST + node_id))
        if text is not None and text.meta.get("titel"):
            yield outcome_url(node_id), Lattlast(text.meta["titel"], "")


def script_documents(store: ContentStore, lang: str, url: str):
    """The phone script for staff: Swedish only, so only the Swedish A–Ö and search list it."""
    staff = store.text(SOURCE, "personal") if store.flow else None
    if lang == SOURCE and staff:
        # The script's heading in the templates is the same msgid; in Swedish it is itself.
        yield Dokument(
            url, "Vägvisaren som telefonmanus", staff.rendered.text, "personal manus telefon", "sida", SOURCE
        )
