"""Checks on translations and lättläst: each has its Swedish original and says if a person reviewed it."""

from pathlib import Path

from babel import Locale

from ..content.pages import LATTLAST
from ..content.problems import WARNING, Problem
from ..content.sprak import SOURCE
from .registry import codes


def _by_file(items):
    return sorted(items, key=lambda pair: pair[1].file)


@codes(SV701="Lättläst finns bara på svenska, men filen ligger under ett annat språk.")
def lattlast_only_swedish(store, site_urls):
    for folder, items in (("sidor", store.pages), ("vagvisare", store.texts)):
        for (lang, key), item in _by_file(items.items()):
            if key.startswith(LATTLAST) and lang != SOURCE:
                yield Problem(
                    item.file,
                    1,
                    "SV701",
                    f"Lättläst finns bara på svenska. Flytta filen till {folder}/{SOURCE}/{key}.md.",
                )


@codes(
    SV702="En översatt sida har ingen svensk sida med samma filnamn.",
    SV703="En lättläst sida har ingen vanlig svensk sida med samma filnamn.",
)
def translation_has_original(store, site_urls):
    """A translated or lättläst page needs the Swedish page with the same file name."""
    for (lang, key), page in _by_file(store.pages.items()):
        lattlast = key.startswith(LATTLAST)
        original = (SOURCE, key.removeprefix(LATTLAST))
        if original in store.unread_pages:
            continue  # it is there, but cannot be read: said where it is
        if lang != SOURCE and not lattlast and original not in store.pages:
            yield Problem(page.file, 1, "SV702", f"Det finns ingen svensk sida '{key}.md' att översätta från.")
        elif lang == SOURCE and lattlast and original not in store.pages:
            yield Problem(
                page.file,
                1,
                "SV703",
                f"Det finns ingen vanlig svensk sida '{key.removeprefix(LATTLAST)}.md' "
                "som den här är lättläst version av.",
            )


@codes(SV704="En översatt eller lättläst text saknar oversattning_granskad:.")
def translation_says_if_reviewed(store, site_urls):
    """Every translated or lättläst text says whether a person has reviewed it (oversattning_granskad)."""
    for (lang, key), item in _by_file([*store.pages.items(), *store.texts.items()]):
        if (lang != SOURCE or key.startswith(LATTLAST)) and "oversattning_granskad" not in item.front_matter:
            yield Problem(
                item.file,
                item.front_matter.line,
                "SV704",
                "Nyckeln 'oversattning_granskad' saknas. Skriv ja om en människa har granskat "
                "översättningen, annars nej.",
            )


def _languages(codes) -> str:
    """The languages named in Swedish, as Babel has them: engelska, arabiska och finska."""
    names = [Locale.parse(SOURCE).languages.get(code, code) for code in codes]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


@codes(
    SV705="En kommun ersätter en nationell sida som är översatt: på de språken visas kommunens svenska text "
    "tills kommunen skriver egna översättningar (varning)."
)
def replaced_page_translated(store, site_urls):
    """A page the municipality replaced is its own in every language (content/replaced.py): say
    where its Swedish is now shown in place of the national translation, and that the
    lättläst version is still the national page's, so the editor can write them."""
    for key, found in sorted(store.replaced.items()):
        page = store.pages[(SOURCE, key)]
        folder = Path(page.file).parents[key.count("/") + 1].as_posix()  # the municipality's sidor/
        said = [f"Sidan ersätter den nationella sidan '{key}'."]
        if found.hidden:
            said.append(
                f"På {_languages(found.hidden)} visas därför den här svenska texten, med en rad om att sidan inte "
                "är översatt än: de nationella översättningarna är av den nationella texten. Skriv en egen "
                f"översättning i {folder}/<språk>/{key}.md där sidan ska finnas på språket."
            )
        if found.national_lattlast:
            said.append(
                "Den lättlästa versionen är fortfarande den nationella sidans. Skriv en egen i "
                f"{folder}/{SOURCE}/{LATTLAST}{key}.md om den inte stämmer med er sida."
            )
        yield Problem(page.file, 1, "SV705", " ".join(said), WARNING)


RULES = (lattlast_only_swedish, translation_has_original, translation_says_if_reviewed, replaced_page_translated)
