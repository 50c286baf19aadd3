"""A municipality's own page in place of a national one is the page in every language.

`kommuner/<k>/sidor/sv/<nyckel>.md` replaces `sidor/sv/<nyckel>.md`. The national English,
Arabic ... pages translate the national text, not the municipality's, so they are not shown
in its place: where the municipality has no translation of its own, its Swedish text is,
with the note that the page is not translated (as for any page without a translation). The
national lättläst version stays: it is a page of its own address, which other lättläst texts
link to; the rules say that it is the national page's (validation/sprak_rules.py).
"""

from dataclasses import dataclass

from .pages import LATTLAST
from .sprak import SOURCE, SPRAK


@dataclass(frozen=True)
class Replaced:
    key: str
    hidden: tuple[str, ...]  # the languages whose national translation is no longer shown
    national_lattlast: bool  # the lättläst version shown is the national page's


def hide_national_translations(pages: dict, own: set[tuple[str, str]]) -> dict[str, Replaced]:
    """Take out of `pages` the national translations of each page the municipality wrote in
    Swedish (`own`: the (language, key) of its pages) and did not translate itself; say what
    was taken, by key, where anything was."""
    found = {}
    for lang, key in sorted(own):
        if lang != SOURCE or key.startswith(LATTLAST):
            continue
        hidden = tuple(code for code in SPRAK if code != SOURCE and (code, key) in pages and (code, key) not in own)
        for code in hidden:
            del pages[(code, key)]
        easy = (SOURCE, LATTLAST + key)
        national_lattlast = easy in pages and easy not in own
        if hidden or national_lattlast:
            found[key] = Replaced(key, hidden, national_lattlast)
    return found
