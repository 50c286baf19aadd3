"""Be om en SIP: the plain-language page and a printable request.

The request is plain fields with no <form> around them, so nothing typed can be
sent anywhere; with JavaScript the page also shows a preview, "skriv ut" and
"kopiera text", all inside the browser.
"""

from flask import Blueprint, render_template

from ..content.sprak import SOURCE
from .pages import page_context

bp = Blueprint("sip", __name__)

KEY = "be-om-sip"
LATTLAST_KEY = f"lattlast/{KEY}"


def _render(lang: str, key: str):
    return render_template("sip.html", **page_context(lang, key))


@bp.route(f"/<lang:lang>/{KEY}/")
def page(lang):
    """What a SIP is, how to ask for one, and a request to print or fill in."""
    return _render(lang, KEY)


@bp.route(f"/<lang:lang>/{LATTLAST_KEY}/")
def lattlast(lang):
    """The same in lättläst svenska, with the same request."""
    return _render(lang, LATTLAST_KEY)


def freeze_urls(content):
    for lang in content.languages:
        yield "sip.page", {"lang": lang}
        if (SOURCE, LATTLAST_KEY) in content.pages:
            yield "sip.lattlast", {"lang": lang}
