"""Parts of the page that are the same on every page of a language (the emergency
block, the menu, the footer), rendered once per language while freezing."""

from flask import Flask, render_template
from markupsafe import Markup

from . import lattlast
from .i18n import current_lang

# Only these: a fragment must not depend on which page it is on.
FRAGMENTS = ("nodlage", "meny", "sidfot")


def init_app(app: Flask) -> None:
    rendered: dict[tuple, Markup] = {}

    @app.template_global()
    def fragment(name: str) -> Markup:
        """partials/<name>.html, rendered once per language and lättläst state."""
        if name not in FRAGMENTS:
            raise ValueError(f"{name} is not a fragment that is the same on every page")
        key = (name, current_lang(), lattlast.active())
        if app.config["SERVE_MODE"]:  # content may change while serving
            return Markup(render_template(f"partials/{name}.html"))
        if key not in rendered:
            rendered[key] = Markup(render_template(f"partials/{name}.html"))
        return rendered[key]
