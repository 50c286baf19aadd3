"""Language from the URL prefix (never from the browser), gettext, and the switcher."""

from babel import Locale
from flask import Flask, current_app, g, request
from flask_babel import Babel, get_translations, refresh
from jinja2 import pass_context
from markupsafe import Markup
from werkzeug.routing import BaseConverter, ValidationError

from ..content.pages import LATTLAST
from ..content.sprak import SOURCE, SPRAK
from . import store


class LangConverter(BaseConverter):
    """Matches only the languages this municipality publishes; others are 404."""

    regex = "[a-z]{2}"

    def to_python(self, value: str) -> str:
        if value not in store().languages:
            raise ValidationError()
        return value


def catalog():
    """This request's catalog, looked up once."""
    if "catalog" not in g:
        g.catalog = get_translations()
    return g.catalog


def current_lang() -> str:
    return g.get("lang", SOURCE)


def context_lang(context) -> str:
    """current_lang(), as the context processor read it for this render: a dictionary lookup,
    where flask.g costs a microsecond, and a page asks dozens of times. Not the context's `lang`,
    which a view may pass itself: the caches must key on the language that the catalog is
    for. A template rendered without Flask's context processors asks current_lang()."""
    lang = context.parent.get("_current_lang")  # where the processors' values are: one lookup
    return current_lang() if lang is None else lang


def init_app(app: Flask) -> None:
    app.url_map.converters["lang"] = LangConverter
    Babel(app, locale_selector=current_lang)  # it installs Jinja's newstyle gettext callables

    @app.url_value_preprocessor
    def remember_lang(endpoint, values):
        # Frozen-Flask renders every page inside one app context, and `g` belongs to it:
        # forget the previous page's language and catalog, or the first language wins.
        g.pop("catalog", None)
        g.lang = values["lang"] if values and "lang" in values else SOURCE
        refresh()

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = current_lang()

    @app.context_processor
    def language_context():
        lang = current_lang()
        return {
            "lang": lang,
            "_current_lang": lang,
            "sprak": SPRAK[lang],
            "switcher": switcher,
            "lang_attrs": lang_attrs,
            "in_swedish": in_swedish,
        }


@pass_context
def lang_attrs(context, code: str) -> Markup:
    """` lang=".." dir=".."` for text in another language than the page's (a Swedish fallback
    inside an Arabic page reads left to right); nothing when it is the page's own language."""
    page_lang = context_lang(context)
    if code == page_lang:
        return Markup("")
    direction = SPRAK[code].dir if code in SPRAK else "ltr"  # e.g. a spoken language: meänkieli
    return Markup(f' lang="{code}"' + (f' dir="{direction}"' if direction != SPRAK[page_lang].dir else ""))


@pass_context
def in_swedish(context) -> Markup:
    """` (Swedish)`, in the page's language, for a link to a page that is only in Swedish: an
    Arabic reader is told before the page opens. The name is Babel's (CLDR), so no catalog
    needs a new string; nothing on a Swedish page."""
    lang = context_lang(context)
    if lang == SOURCE:
        return Markup("")
    name = current_app.remember(("in_swedish", lang), lambda: Locale.parse(lang).languages[SOURCE])
    return Markup(" ({})").format(name)


# Views published in Swedish only: tools for staff, who work in Swedish.
SWEDISH_ONLY = {"vagvisare.script", "vagvisare.combined_handover"}


def switcher() -> list[tuple]:
    """(language, URL of this same page in it, is current) for every published language."""
    args = dict(request.view_args or {})
    if request.endpoint is None or "lang" not in args or request.endpoint in SWEDISH_ONLY:
        return []
    lang = args.pop("lang")
    # Every language version of the page links to the same URLs: while freezing, build them once.
    versions = current_app.remember(
        ("switcher", request.endpoint, frozenset(args.items())), lambda: _versions(request.endpoint, args)
    )
    return [(language, href, language.code == lang) for language, href in versions]


def _versions(endpoint: str, args: dict) -> list[tuple]:
    """(language, URL) of the page `endpoint` with `args` (but no language) in every published language."""
    links = []
    for code in store().languages:
        target = {**args, "lang": code}
        if code != SOURCE:  # lättläst is Swedish only: other languages get the ordinary page
            target.update({name: False for name in ("lattlast",) if name in target})
            if "key" in target:
                target["key"] = target["key"].removeprefix(LATTLAST)
        links.append((SPRAK[code], current_app.built_url(endpoint, target)))  # the list is remembered
    return links
