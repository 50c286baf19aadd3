"""Be om en SIP: the plain-language page and a printable request.

The request is plain fields with no <form> around them, so nothing typed can be
sent anywhere; with JavaScript the page also shows a preview, "skriv ut" and
"kopiera text", all inside the browser.
"""

from flask import Blueprint, render_template

from ..content.pages import LATTLAST
from .lattlast import require_written
from .pages import page_context

bp = Blueprint("sip", __name__)

KEY = "be-om-sip"


def page(lang, lattlast):
    """What a SIP is, how to ask for one, and a request to print or fill in (also in lättläst)."""
    require_written(lang, lattlast)
    return render_template("sip.html", **page_context(lang, LATTLAST + KEY if lattlast else KEY))
