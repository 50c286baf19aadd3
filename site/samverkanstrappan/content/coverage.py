"""How far each published language has come: pages and vägvisare texts that are
translated, that fall back to Swedish, and whose translation a person has reviewed,
plus the interface strings. Printed by every build and written to granskning/."""

import dataclasses
from dataclasses import dataclass

from . import catalogs
from .pages import LATTLAST
from .sprak import SOURCE, SPRAK
from .store import ContentStore

LATTLAST_ROW = "lättläst"


@dataclass(frozen=True)
class Row:
    language: str  # the language named in itself, or "lättläst"
    pages: int  # pages written in this language
    page_fallbacks: int  # pages shown in Swedish with a note
    pages_reviewed: int
    texts: int  # vägvisare questions and outcomes written in this language
    text_fallbacks: int
    texts_reviewed: int
    interface: str  # interface strings translated, "112/112"
    directory: str = "–"  # the directory's texts translated, "34/34" (names stay Swedish)


def _reviewed(items) -> int:
    return sum(1 for item in items if item.meta.get("oversattning_granskad") is True)


def _row(name: str, pages: list, page_total: int, texts: list, text_total: int, interface: str) -> Row:
    return Row(
        name,
        len(pages),
        page_total - len(pages),
        _reviewed(pages),
        len(texts),
        text_total - len(texts),
        _reviewed(texts),
        interface,
    )


def directory_texts(store: ContentStore, lang: str) -> str:
    """How many of the directory's texts (description, how to contact, a number's description)
    the municipality has translated into `lang`: the rest are shown in Swedish."""
    total = translated = 0
    for service in store.verksamheter.values():
        texts = store.service_texts(lang, service) if lang != SOURCE else None
        wanted = [
            (service.beskrivning, texts and texts.beskrivning),
            (service.kontakt, texts and texts.kontakt),
            *(
                (phone.beskrivning, texts and n < len(texts.telefon) and texts.telefon[n])
                for n, phone in enumerate(service.telefon)
            ),
        ]
        for swedish, own in wanted:
            if swedish:
                total += 1
                translated += 1 if lang == SOURCE or own else 0
    return f"{translated}/{total}"


def rows(store: ContentStore, interface_strings: set[str]) -> list[Row]:
    """One row per published language, and one for lättläst svenska when Swedish is published."""
    page_keys = [key for key in store.keys() if not key.startswith(LATTLAST)]
    node_ids = list(store.flow.questions) + list(store.flow.outcomes) if store.flow else []
    result = []
    for lang in store.languages:
        pages = [store.pages[(lang, key)] for key in page_keys if (lang, key) in store.pages]
        texts = [store.texts[(lang, node)] for node in node_ids if (lang, node) in store.texts]
        if lang == SOURCE:
            interface = f"{len(interface_strings)}/{len(interface_strings)}"
        else:
            found = catalogs.coverage(store.translations, lang, interface_strings)
            interface = f"{found.translated}/{found.total}"
        row = _row(SPRAK[lang].name, pages, len(page_keys), texts, len(node_ids), interface)
        result.append(dataclasses.replace(row, directory=directory_texts(store, lang)))
        if lang == SOURCE:
            easy = [store.pages[(lang, LATTLAST + key)] for key in page_keys if (lang, LATTLAST + key) in store.pages]
            easy_texts = [
                store.texts[(lang, LATTLAST + node)] for node in node_ids if (lang, LATTLAST + node) in store.texts
            ]
            result.append(_row(LATTLAST_ROW, easy, len(page_keys), easy_texts, len(node_ids), "–"))
    return result


HEADINGS = (
    "språk",
    "sidor",
    "på svenska",
    "granskade",
    "vägvisaren",
    "på svenska",
    "granskade",
    "knappar",
    "verksamheter",
)


def table(found: list[Row]) -> str:
    """The rows as a plain text table for the build's output."""
    lines = [HEADINGS] + [
        (
            row.language,
            row.pages,
            row.page_fallbacks,
            row.pages_reviewed,
            row.texts,
            row.text_fallbacks,
            row.texts_reviewed,
            row.interface,
            row.directory,
        )
        for row in found
    ]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(HEADINGS))]
    return "\n".join("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines)
