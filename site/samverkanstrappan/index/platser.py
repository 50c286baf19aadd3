"""Where a search result sits, in the reader's language: a trappsteg, the vägvisare, the
directory or another page. Both indexes store it; the words come from the gettext catalogs,
read here with Babel, so the builder needs no Flask request to get them."""

from collections.abc import Callable
from pathlib import Path

from babel.support import Translations

from ..content import trappsteg
from ..content.store import ContentStore


def N_(text: str) -> str:
    """Marks a string for extraction (babel.cfg); it is translated where it is shown."""
    return text


STEP = N_("Steg %(number)s: %(title)s")
NAMES = {"utfall": N_("Vägvisaren: vem du kan kontakta"), "verksamhet": N_("Verksamheter")}
OTHER = N_("Sida")
PLACES = [*(f"steg:{slug}" for slug in trappsteg.TRAPPSTEG), *NAMES, "sida"]


def label(store: ContentStore, lang: str, place: str, gettext: Callable[[str], str]) -> str:
    """The words for `place` in `lang`, translated with `gettext`."""
    if place.startswith("steg:"):
        slug = place.removeprefix("steg:")
        title = store.page(lang, f"steg/{slug}").title
        return gettext(STEP) % {"number": trappsteg.number(slug), "title": title}
    return gettext(NAMES.get(place, OTHER))


def labels(store: ContentStore, translations: Path) -> dict[str, dict[str, str]]:
    """Every place's words in every published language, for the browser's index."""
    found = {}
    for lang in store.languages:
        catalog = Translations.load(str(translations), [lang])
        found[lang] = {place: label(store, lang, place, catalog.ugettext) for place in PLACES}
    return found
