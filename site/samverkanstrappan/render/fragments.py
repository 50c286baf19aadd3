"""Parts of the page that are the same on every page of a language (the links in the head,
the emergency block, the site's name, the menu, the footer, the staircase, a service's contact
card) or on every answer with the same ids (its national numbers, coordinating roles, the words
every combined answer shares), rendered once per language while freezing. Each `{{ }}` in a
template costs a few microseconds, and a page has hundreds: 3,185 of the example's 3,854 pages
are combined answers, which share most of what they say."""

from flask import Flask, render_template
from jinja2 import pass_context
from markupsafe import Markup

from .i18n import context_lang
from .lattlast import context_active

# Only these: a fragment may depend on the language, the lättläst state and the values
# it is given, never on which page it is on.
FRAGMENTS = (
    *("lankar", "nodlage", "webbplatsnamn", "meny", "sidfot", "trappa"),
    # A service's contact card, and its parts (kort.card_parts says why).
    *("kontaktkort", "kort_huvud", "kort_behov", "kort_text"),
    # Parts of the vägvisare's answers, given their ids: many answers share them.
    *(
        "akut_forst",
        "akut_manus",
        "nummerkort",
        "sip_ruta",
        "roller",
        "huvudman_rubrik",
        "anhorig_ruta",
        "flera_delar",
    ),
    "ocksa",
    # A handover card's lines: a contact, a national number, an earlier answer's part.
    *("kort_rad", "kort_nummer", "kort_ocksa"),
)


def init_app(app: Flask) -> None:
    def made(lang: str, lattlast: bool, name: str, values: tuple) -> Markup:
        """The fragment `name` with `values` (sorted (name, value) pairs), made once per key."""
        if name not in FRAGMENTS:
            raise ValueError(f"{name} is not a fragment that is the same on every page")
        key = ("fragment", name, lang, lattlast, values)
        return app.remember(key, lambda: Markup(render_template(f"partials/{name}.html", **dict(values))))

    @app.template_global()
    @pass_context
    def fragment(context, name: str, /, **values) -> Markup:
        """partials/<name>.html, rendered once per language, lättläst state and `values`."""
        return made(context_lang(context), context_active(context), name, tuple(sorted(values.items())))

    @app.template_global()
    @pass_context
    def fragments(context, parts) -> Markup:
        """Several fragments one after the other, from one call: `parts` is (name, sorted values)
        pairs (kort.card_parts). A combined answer's eight or so contact cards are three parts
        each, and calling each part from its template cost more than making the page's rest."""
        lang, lattlast = context_lang(context), context_active(context)
        return Markup("".join([made(lang, lattlast, name, values) for name, values in parts]))
