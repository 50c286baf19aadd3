"""Markdown pages: the start page, the six trappsteg and every other content page."""

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from ..content import trappsteg
from ..content.helplines import ALWAYS_SHOWN
from ..content.pages import LATTLAST, START
from ..content.schema import tel
from ..content.sprak import SOURCE, SPRAK
from ..routes import OWN_VIEWS, PAGE
from . import labels, store
from .lattlast import active, page_key, require_written

bp = Blueprint("pages", __name__)


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
        "emergency_numbers": ALWAYS_SHOWN,
        "languages": content.languages,
        "all_sprak": SPRAK,
        "staircase": staircase,
        "trappsteg_number": trappsteg.number,
        "helpline_labels": labels.HELPLINES,
        "kind_label": labels.kind_label,
        "named_as_kind": labels.named_as_kind,
        "tel": tel,
        "addition": content.addition,
        "service_by_id": content.verksamheter.__getitem__,
    }


def root():
    """The site's root sends readers to the Swedish start page."""
    return render_template("root.html", target=url_for("pages.start", lang=SOURCE, lattlast=False))


def start(lang, lattlast):
    """Start page: the staircase and the ways in."""
    require_written(lang, lattlast)
    key = LATTLAST + START if lattlast else START
    return render_template("start.html", page=_page_or_404(lang, key), key=key)


def page(lang, key):
    """Any other Markdown page, such as a trappsteg or om webbplatsen."""
    if key.removeprefix(LATTLAST) in OWN_VIEWS:
        abort(404)
    return render_template("page.html", **page_context(lang, key))


def not_found_page():
    """The file a static host shows for a missing page (status 200 so it freezes)."""
    return render_template("404.html")


def sitemap():
    """Every page of the site for search engines, with the address where it is published."""
    router, content = current_app.extensions["router"], store()
    base = content.kommun.webbadress.rstrip("/")
    urls = [base + url for url in router.urls(content, kinds=(PAGE,))]
    return Response(render_template("sitemap.xml", urls=urls), mimetype="application/xml")


@bp.app_errorhandler(404)
def not_found(error):
    """Missing pages in serve mode get the same page, with status 404."""
    return render_template("404.html"), 404
