"""Markdown pages: the start page, the six trappsteg and every other content page."""

from flask import Blueprint, abort, current_app, render_template, url_for

from ..content import trappsteg
from ..content.pages import LATTLAST, START
from ..content.sprak import SOURCE, SPRAK
from ..content.verksamheter import tel
from . import labels, store
from .lattlast import active, is_written, page_key, require_written, route_with_lattlast

bp = Blueprint("pages", __name__)

# Pages whose URL another blueprint serves with a template of its own.
OWN_VIEWS = {START: "pages.start", "be-om-sip": "sip.page"}


def staircase(lang: str) -> list[dict]:
    """The six steps with their titles, summaries and URLs in `lang` (lättläst while reading it)."""
    return current_app.remember(("staircase", lang, active()), lambda: _staircase(lang))


def _staircase(lang: str) -> list[dict]:
    steps = []
    for number, slug in enumerate(trappsteg.TRAPPSTEG, start=1):
        key = page_key(f"steg/{slug}")
        steps.append(
            {"number": number, "slug": slug, "page": store().page(lang, key), "url": url_for("pages.page", key=key)}
        )
    return steps


def _page_or_404(lang: str, key: str):
    page = store().page(lang, key)
    if page is None:
        abort(404)
    return page


def page_context(lang: str, key: str) -> dict:
    """A Markdown page and where it sits on the staircase (taken from the Swedish page)."""
    if key.startswith(LATTLAST) and lang != SOURCE:
        abort(404)  # lättläst is Swedish only
    content = _page_or_404(lang, key)
    step = store().page(SOURCE, key).meta.get("trappsteg")
    return {"page": content, "key": key, "step": step, "next_step": step and trappsteg.next_step(step)}


@bp.app_context_processor
def site_context():
    content = store()
    return {
        "kommun": content.kommun,
        "helplines": content.helplines,
        "languages": content.languages,
        "all_sprak": SPRAK,
        "staircase": staircase,
        "trappsteg_number": trappsteg.number,
        "helpline_labels": labels.HELPLINES,
        "kind_label": labels.kind_label,
        "tel": tel,
        "has_page": lambda lang, key: content.page(lang, key) is not None,
        "addition": content.addition,
    }


@bp.route("/")
def root():
    """The site's root sends readers to the Swedish start page."""
    return render_template("root.html", target=f"/{SOURCE}/")


def start(lang, lattlast):
    """Start page: the staircase and the ways in."""
    require_written(lang, lattlast)
    key = LATTLAST + START if lattlast else START
    return render_template("start.html", page=_page_or_404(lang, key), key=key)


route_with_lattlast(bp, "", start, lambda content: (SOURCE, LATTLAST + START) in content.pages)


@bp.route("/<lang:lang>/<path:key>/")
def page(lang, key):
    """Any other Markdown page, such as a trappsteg or om webbplatsen."""
    if key.removeprefix(LATTLAST) in OWN_VIEWS:
        abort(404)
    return render_template("page.html", **page_context(lang, key))


@bp.route("/404.html")
def not_found_page():
    """The file a static host shows for a missing page (status 200 so it freezes)."""
    return render_template("404.html")


@bp.app_errorhandler(404)
def not_found(error):
    """Missing pages in serve mode get the same page, with status 404."""
    return render_template("404.html"), 404


def freeze_urls(content):
    """Every URL of this blueprint, for the static build."""
    yield "pages.root", {}
    yield "pages.not_found_page", {}
    for lang in content.languages:
        yield "pages.start", {"lang": lang, "lattlast": False}
        if lang == SOURCE and is_written("pages.start", content):
            yield "pages.start", {"lang": lang, "lattlast": True}
        for key in content.keys():
            if key.removeprefix(LATTLAST) not in OWN_VIEWS and (lang == SOURCE or not key.startswith(LATTLAST)):
                yield "pages.page", {"lang": lang, "key": key}
