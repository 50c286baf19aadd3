"""Checks on the translations: the interface catalogs of every published language."""

from .. import paths
from ..content import catalogs
from ..content.pages import LATTLAST
from ..content.problems import Problem
from ..content.sprak import SOURCE
from ..content.store import shown_path


def catalogs_complete(store, site_urls):
    """Each published language has every interface string translated, none fuzzy, none left over."""
    languages = [lang for lang in store.languages if lang != SOURCE]
    if languages:
        yield from catalogs.check(
            store.translations, languages, catalogs.source_strings(paths.REPO, paths.CACHE), shown_path
        )


def translation_says_if_reviewed(store, site_urls):
    """Every translated or lättläst text says whether a person has reviewed it (oversattning_granskad)."""
    for (lang, key), item in sorted([*store.pages.items(), *store.texts.items()], key=lambda pair: pair[1].file):
        if (lang != SOURCE or key.startswith(LATTLAST)) and "oversattning_granskad" not in item.front_matter:
            yield Problem(
                item.file,
                item.front_matter.line,
                "Nyckeln 'oversattning_granskad' saknas. Skriv ja om en människa har granskat "
                "översättningen, annars nej.",
            )


RULES = (catalogs_complete, translation_says_if_reviewed)
