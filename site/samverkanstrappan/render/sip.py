"""Be om en SIP: the plain-language page and a printable request.

The request is plain fields with no <form> around them, so nothing typed can be
sent anywhere; with JavaScript the page also shows a preview, "skriv ut" and
"kopiera text", all inside the browser.

On a page in another language the request is also in Swedish, for the staff it is
shown to: the preview and the copied text end with the same request in Swedish, and
the printed form has each field's Swedish name beside its own. The Swedish is each
string's msgid, so it is the one the catalogs translate, not a second copy.
"""

from babel import Locale
from flask import Blueprint, render_template

from ..content.alfabet import sort_key
from ..content.pages import LATTLAST
from ..content.verksamhetstyper import N_  # marks a string for Babel; shown translated with `_`, and as it is
from . import store
from .lattlast import require_written
from .pages import page_context

bp = Blueprint("sip", __name__)

KEY = "be-om-sip"


SENTENCE = N_("Jag vill ha en SIP, en samordnad individuell plan.")
# The fields of the request: (id after "sip-", its label, its name in the preview and the copy).
FIELDS = {
    "namn": (N_("Mitt namn (om du vill)"), N_("Namn")),
    "nas": (N_("Så når ni mig (telefon eller e-post)"), N_("Så når ni mig")),
    # A närstående often asks for the person (a mother for her adult daughter): the request
    # stays the person's, and says who wrote it, since the person must know and say yes.
    "ombud": (N_("Fyller du i åt någon annan? Skriv ditt namn och vem du är för hen"), N_("Ifylld av")),
    "kontakt": (N_("Jag har kontakt med"), N_("Jag har kontakt med")),
    "annan": (N_("Annat ställe"), None),
    "hjalp": (N_("Det här behöver jag hjälp med"), N_("Jag behöver hjälp med")),
    "med": (N_("Jag vill att de här är med på mötet"), N_("Jag vill att de här är med på mötet")),
    "tolk": (N_("Jag behöver tolk på språket"), N_("Jag behöver tolk på")),
}
PLACES = (
    # The hospital with the health centre: a daughter planning her father's way home from
    # hospital found no box for it (a persona, session 36), and a tenth box is a fourth row.
    ("vardcentral", N_("Vårdcentralen eller sjukhuset")),
    ("psykiatri", N_("Psykiatrin eller BUP")),  # a father looked for BUP and wrote it under Annat ställe
    ("beroendevard", N_("Beroendevården")),
    ("socialtjanst", N_("Socialtjänsten")),
    ("aldreomsorg", N_("Hemtjänst eller äldreomsorg")),
    ("lss", N_("LSS eller habilitering")),
    ("skola", N_("Skolan eller elevhälsan")),
    ("forsakringskassan", N_("Försäkringskassan")),
    ("arbetsformedlingen", N_("Arbetsförmedlingen")),
)
FOR_PRINT = (N_("Datum"), N_("Lämnad till"))
FIRST_CONTACT = "kontaktcenter"  # the kind of verksamhet that helps someone who knows no one yet


# Languages often interpreted in Sweden, suggested in the interpreter field (a <datalist>): a
# father typed "العربية" and the Swedish half for staff said "Jag behöver tolk på: العربية".
# Chosen from the list, the Swedish half names it in Swedish. Dari has no name in Babel.
INTERPRETED = ("ar", "so", "ti", "fa", "ku", "uk", "ru", "pl", "bs", "hr", "sr", "tr", "th", "es", "en", "fi")
INTERPRETED += ("fit", "se", "rom", "am", "sq", "fr", "de", "zh", "vi")
DARI = {"sv": "dari", "en": "Dari", "ar": "الدارية", "fi": "dari", "uk": "дарі"}


def interpreter_languages(lang: str) -> list[tuple[str, str]]:
    """(the language's name in `lang`, in Swedish) for each language in INTERPRETED and Dari."""
    here, swedish = Locale.parse(lang).languages, Locale.parse("sv").languages
    found = [(here[code], swedish[code]) for code in INTERPRETED if here.get(code) and swedish.get(code)]
    found.append((DARI.get(lang, DARI["sv"]), DARI["sv"]))
    return sorted(found, key=lambda pair: sort_key(lang)(pair[0]))


def page(lang, lattlast):
    """What a SIP is, how to ask for one, and a request to print or fill in (also in lättläst)."""
    require_written(lang, lattlast)
    return render_template(
        "sip.html",
        **page_context(lang, LATTLAST + KEY if lattlast else KEY),
        sentence=SENTENCE,
        fields=FIELDS,
        places=PLACES,
        for_print=FOR_PRINT,
        interpreted=interpreter_languages(lang),
        # What the person typed stays in their language: the Swedish half says which, for the
        # staff (a Ukrainian mother's words stood under "På svenska:" unexplained, session 33).
        written_in=Locale.parse("sv").languages.get(lang, lang),
        # Someone with no contact yet to ask has no one to say the sentence to: the page ends
        # with the services that can find the right person (the contact center).
        first_contact=[service.id for service in store().services(FIRST_CONTACT)],
    )
