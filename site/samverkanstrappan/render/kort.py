"""What a contact card says in the reader's language: the directory's texts from the
municipality's translation (verksamheter.<lang>.yaml), else the Swedish marked as Swedish;
the languages the staff speak named in the reader's language; web addresses as links."""

import re
from dataclasses import dataclass

from babel import Locale
from jinja2 import pass_context
from markupsafe import Markup, escape

from ..content.catalogs import ISOLATED_SWEDISH_NAME
from ..content.helplines import LABELS
from ..content.sprak import SOURCE, SPRAK
from ..content.textlankar import isolate_latin, link_addresses
from ..content.verksamhetstyper import HUVUDMAN_NAMN, ROLLER, TYPER
from . import store
from .i18n import context_lang

# The directory names the languages its staff speak in Swedish; Babel names them in the
# reader's language by their ISO 639 codes.
SPOKEN = {
    "arabiska": "ar",
    "bosniska": "bs",
    "dari": "prs",
    "engelska": "en",
    "finska": "fi",
    "franska": "fr",
    "kurdiska": "ku",
    "meänkieli": "fit",
    "persiska": "fa",
    "polska": "pl",
    "romani": "rom",
    "ryska": "ru",
    "samiska": "se",
    "somaliska": "so",
    "spanska": "es",
    "svenska": "sv",
    "teckenspråk": "swl",
    "tigrinja": "ti",
    "turkiska": "tr",
    "tyska": "de",
    "ukrainska": "uk",
}


# Languages Babel has no name for: their own name, which is also what other languages call them.
OWN_NAMES = {"fit": "meänkieli"}


@dataclass(frozen=True)
class Text:
    """A text for the card and the language it is in."""

    text: Markup
    lang: str


def reader_text(text: str, lang: str) -> Markup:
    """Escaped text with its web addresses as links; in a language not written in Latin
    letters, the Swedish names in it set apart (isolate_latin)."""
    html = link_addresses(str(escape(text)))
    return Markup(html if SPRAK[lang].latin else isolate_latin(html))


def _text(translated: str, swedish: str, lang: str, page_lang: str) -> Text:
    if translated:
        return Text(reader_text(translated, page_lang), page_lang)
    return Text(reader_text(swedish, SOURCE), SOURCE)


@dataclass(frozen=True)
class CardTexts:
    beskrivning: Text
    kontakt: Text
    telefon: tuple[Text, ...]  # each number's beskrivning (empty text: none)
    sprak: tuple[Text, ...]  # the languages the staff speak
    interpreter: bool = False  # the reader's language is not among them: say they can ask for one


def _spoken(name: str, lang: str) -> Text:
    code = SPOKEN.get(name.lower())
    if lang != SOURCE and code:
        shown = Locale.parse(lang).languages.get(code)
        if shown:
            return Text(Markup(escape(shown)), lang)
        if code in OWN_NAMES:
            return Text(Markup(escape(OWN_NAMES[code])), code)
    return Text(Markup(escape(name)), SOURCE)


def needs_interpreter(service, lang: str) -> bool:
    """Whether a reader of `lang` needs an interpreter to call `service`: its staff's languages
    are written, and `lang` is not among them."""
    spoken = {SPOKEN.get(name.lower()) for name in service.sprak}
    return lang != SOURCE and bool(spoken) and lang not in spoken


@pass_context
def card_texts(context, service) -> CardTexts:
    """The words of `service`'s card in the page's language, each with the language it is in."""
    lang = context_lang(context)
    translated = store().service_texts(lang, service) if lang != SOURCE else None
    phones = tuple(
        _text(
            translated.telefon[n] if translated and n < len(translated.telefon) else "",
            phone.beskrivning,
            lang,
            lang,
        )
        if phone.beskrivning
        else Text(Markup(""), lang)
        for n, phone in enumerate(service.telefon)
    )
    return CardTexts(
        beskrivning=_text(translated.beskrivning if translated else "", service.beskrivning, lang, lang),
        kontakt=_text(translated.kontakt if translated else "", service.kontakt, lang, lang),
        telefon=phones,
        sprak=tuple(_spoken(name, lang) for name in service.sprak),
        # Public services use an interpreter when one is needed; a Ukrainian reader saw
        # "Language: Swedish" on every card and nothing else (a persona).
        interpreter=needs_interpreter(service, lang),
    )


# The catalog has already isolated the brackets in a right-to-left language
# (content/catalogs.py): "\u2068(Självmordslinjen)\u2069". The header's label in Arabic did not
# match without them, so the Swedish name was neither hidden on a phone nor marked Swedish.
_NAME_IN_BRACKETS = re.compile(r"(.*?)\s*\u2068?\(([^()]+)\)\u2069?")
# The Swedish names a translation gives in brackets, whole or their first words ("Adult
# psychiatry (Psykiatrin)", "Child and adolescent psychiatry (BUP)"), in lower case.
SWEDISH_NAMES = frozenset(
    name[:end].casefold()
    for name in (
        *TYPER.values(),
        *HUVUDMAN_NAMN.values(),
        *(role[0] for role in ROLLER.values()),
        *(words[0] for words in LABELS.values()),
    )
    # The part before a comma, and a first word long enough not to be an English one (not
    # "case", "fast", "lots": an English "(case)" must not be marked Swedish).
    for end in (*(found.start() for found in re.finditer("[ ,]", name)), len(name))
    if end == len(name) or name[end] == "," or end >= 5
)


@pass_context
def swedish_names(context, label) -> Markup:
    """A translated label with the Swedish name it gives in brackets ("Health centre
    (Vårdcentral)") marked as Swedish, so that a screen reader reading English or Arabic says
    it with Swedish sounds (WCAG 3.1.2), and isolated. Only for text that is shown: a tag in
    a title or an attribute would be read out as it is."""
    latin = SPRAK[context_lang(context)].latin

    def marked(found: re.Match) -> str:
        # In Latin letters, brackets may hold the language's own words ("(health care)"):
        # only the names of kinds, helplines, roles and principals are known to be Swedish.
        if latin and found[1].casefold() not in SWEDISH_NAMES:
            return found[0]
        return f'<bdi lang="sv">({found[1]})</bdi>'

    return Markup(ISOLATED_SWEDISH_NAME.sub(marked, str(escape(label))))


def name_apart(label: str) -> Markup:
    """A helpline's label with the Swedish name a translation gives in brackets set apart:
    isolated (Arabic puts the brackets right), and hidden on a phone where room is short."""
    found = _NAME_IN_BRACKETS.fullmatch(str(label))
    if not found:
        return Markup(escape(label))
    return Markup(f'{escape(found[1])}<span class="nodlage__svenska"> (<bdi lang="sv">{escape(found[2])}</bdi>)</span>')


def card_parts(service_id: str, level: int = 3, tolk_once: bool = False, needs: tuple = ()) -> tuple:
    """A contact card as the fragments it is made of, for `fragments()` (render/fragments.py):
    its start up to the numbers (made once per service), on a combined answer the needs it
    is for (`needs`: id, label and its language, per need; after the numbers, so that the
    first number is on a phone's first screen), and its texts to its end. In three parts
    because the needs differ from page to page (session 33)."""
    return (
        ("kort_huvud", (("level", level), ("service_id", service_id))),
        *((("kort_behov", (("needs", needs),)),) if needs else ()),
        ("kort_text", (("service_id", service_id), ("tolk_once", tolk_once))),
    )


def init_app(app) -> None:
    app.jinja_env.globals["card_texts"] = card_texts
    app.jinja_env.globals["card_parts"] = card_parts
    app.jinja_env.filters["reader_text"] = reader_text
    app.jinja_env.filters["name_apart"] = name_apart
    app.jinja_env.filters["swedish_names"] = swedish_names
