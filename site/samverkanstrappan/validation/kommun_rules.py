"""Checks on what a municipality adds to the national content."""

from ..content.problems import Problem
from ..content.sprak import SOURCE


def addition_has_page(store, site_urls):
    """A local block (tillagg/<språk>/<nyckel>.md) is added to a page that exists."""
    for (_lang, key), addition in sorted(store.additions.items()):
        if (SOURCE, key) not in store.pages:
            yield Problem(
                addition.file,
                1,
                f"Det finns ingen sida '{key}' att lägga till texten på. Filen ska "
                "heta som sidan, till exempel tillagg/sv/steg/samordningsplan.md.",
            )


RULES = (addition_has_page,)
