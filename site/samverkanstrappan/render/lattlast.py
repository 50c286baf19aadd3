"""Lättläst svenska: the same site in easy-to-read Swedish under `/sv/lattlast/`.

Markdown pages carry it in their key (`lattlast/steg/upptackt`). Views with a
template of their own (start, Be om en SIP, the vägvisare) have a second URL rule
with `lattlast=True` in the route table; links built while reading lättläst stay in lättläst.
"""

from flask import Flask, abort, current_app, g, request, url_for
from werkzeug.exceptions import HTTPException

from ..content.pages import LATTLAST
from ..content.sprak import SOURCE
from ..routes import BY_ENDPOINT
from . import store

START_PAGE = "pages.start"


def active() -> bool:
    """True while rendering a lättläst page."""
    return g.get("lattlast", False)


def context_active(context) -> bool:
    """active(), as the context processor read it for this render (see i18n.context_lang)."""
    found = context.parent.get("_lattlast_active")
    return active() if found is None else found


def is_written(endpoint: str, content) -> bool:
    """Whether the view `endpoint` has a lättläst version to show and freeze."""
    page_type = BY_ENDPOINT.get(endpoint)
    return page_type is not None and page_type.lattlast is not None and page_type.lattlast(content)


def require_written(lang: str, lattlast: bool) -> None:
    """Lättläst exists only in Swedish and only where it is written; else the page is missing."""
    if lattlast and (lang != SOURCE or not is_written(request.endpoint, store())):
        abort(404)


def page_key(key: str) -> str:
    """The key to link to for page `key`: its lättläst version while reading lättläst, when one exists."""
    if active() and (SOURCE, LATTLAST + key) in store().pages:
        return LATTLAST + key
    return key


def page_url(key: str) -> str:
    """The URL of Markdown page `key` in the current language (and lättläst, when reading it)."""
    return url_for("pages.page", key=page_key(key))


def _other_version(endpoint: str, args: dict) -> str | None:
    """The page `endpoint` with `args` in lättläst, or back in ordinary Swedish; None when it
    has no such version (or is not in Swedish)."""
    if args.get("lang") != SOURCE:
        return None
    if "key" in args:
        key = args["key"]
        other = key.removeprefix(LATTLAST) if key.startswith(LATTLAST) else LATTLAST + key
        return url_for(endpoint, **{**args, "key": other}) if (SOURCE, other) in store().pages else None
    if "lattlast" in args and is_written(endpoint, store()):
        return url_for(endpoint, **{**args, "lattlast": not args["lattlast"]})
    return None


def other_version_url() -> str | None:
    """This page in lättläst, or back in ordinary Swedish; for a Swedish page with no lättläst
    version, lättläst's start page (a lättläst reader sent to the directory had no way back);
    None outside Swedish, and on a lättläst page that is missing (a 404)."""
    if request.endpoint is None:
        return None
    args = dict(request.view_args or {})
    found = _other_version(request.endpoint, args)
    if found or args.get("lang") != SOURCE or active() or not is_written(START_PAGE, store()):
        return found
    return url_for(START_PAGE, lang=SOURCE, lattlast=True)


# The views whose lättläst version has the same places (ids) as the ordinary one: the
# directory's cards. A lättläst page of Markdown has headings of its own.
SAME_PLACES = {"kommun.verksamheter"}


def twin_of(url: str) -> str:
    """The lättläst version of the ordinary page at `url` (a path, perhaps with a #place on the
    page, kept where the twin has the same places: a verksamhet's card), or `url` when it has none."""
    path, hash_, place = url.partition("#")
    try:
        endpoint, args = current_app.url_map.bind("").match(path)
    except HTTPException:
        return url
    if args.get("lattlast") or str(args.get("key", "")).startswith(LATTLAST):
        return url  # lättläst already
    twin = _other_version(endpoint, args)
    if not twin:
        return url
    return twin + hash_ + place if endpoint in SAME_PLACES else twin


def init_app(app: Flask) -> None:
    @app.url_value_preprocessor
    def remember_lattlast(endpoint, values):
        values = values or {}
        g.lattlast = bool(values.get("lattlast")) or str(values.get("key", "")).startswith(LATTLAST)

    @app.url_defaults
    def stay_in_lattlast(endpoint, values):
        if "lattlast" not in values and app.url_map.is_endpoint_expecting(endpoint, "lattlast"):
            values["lattlast"] = (
                active() and values.get("lang", g.get("lang")) == SOURCE and is_written(endpoint, store())
            )

    @app.context_processor
    def lattlast_context():
        state = active()
        return {
            "lattlast": state,
            "_lattlast_active": state,
            "page_url": page_url,
            "other_version_url": other_version_url,
        }
