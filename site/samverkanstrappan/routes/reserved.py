"""The addresses the site's own pages take under a language (the directory, the search, the
vägvisare ...), which a Markdown page may not have: its file would be read, listed on A–Ö
and linked to, and never shown. Worked out from the route table, so that a page type added
there is reserved here too, and without Flask, so that `build.py check` can ask."""

import functools

from werkzeug.exceptions import HTTPException

from ..content.pages import LATTLAST
from . import TABLE, Router
from .addresses import OWN_VIEWS

LANGUAGE = "/<lang:lang>/"
# The endpoints a Markdown page is shown by: the ordinary one, and the views of the pages
# that have one of their own (start, be-om-sip), each at its own page's address.
PAGE_ENDPOINT = "pages.page"


@functools.cache
def _router() -> Router:
    # The table never changes, so neither do the URLs it builds and matches: one for the process.
    return Router()


def taken(lang: str, key: str) -> str | None:
    """The URL of Markdown page `key` in `lang` when one of the site's own pages answers it, else None."""
    router = _router()
    url = router.page_url(lang, key)
    try:
        endpoint, _ = router.adapter.match(url)
    except HTTPException:  # no rule answers it: nothing else takes it either
        return None
    return None if endpoint == OWN_VIEWS.get(key.removeprefix(LATTLAST), PAGE_ENDPOINT) else url


@functools.cache
def names() -> tuple[tuple[str, bool], ...]:
    """The names a page may not have, as the editor writes them (`sok`), each with whether
    every name below it is taken as well (`vagvisare`: every step of the vägvisare)."""
    own = {name for key in OWN_VIEWS for name in (key, LATTLAST + key)}
    below: dict[str, bool] = {}  # name -> whether every name below it is taken too
    for page_type in TABLE:
        for route in page_type.routes:
            if page_type.endpoint == PAGE_ENDPOINT or not route.pattern.startswith(LANGUAGE):
                continue
            fixed, variable, _ = route.pattern.removeprefix(LANGUAGE).partition("<")
            name = fixed.strip("/")
            if name and name not in own:
                below[name] = below.get(name, False) or bool(variable)
    shown = [name for name in below if not any(name.startswith(f"{other}/") and below[other] for other in below)]
    return tuple((name, below[name]) for name in sorted(shown))
