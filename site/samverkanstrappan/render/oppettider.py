"""Opening hours written in the page's language: `{{ phone.oppettider|oppettider }}`.

The editor writes them once, in Swedish; the data (content/oppettider.py) is written out
anew for each reader. Day names, times and the word for "and" come from Babel (CLDR), so
each language gets its own clock (8:00 AM, 8.00, 08:00); the words for several days
(vardagar, helger ...) are gettext strings. Staff views pass "sv": staff work in Swedish.
"""

from babel import Locale
from babel.dates import format_time, get_day_names
from babel.lists import format_list
from flask import Flask, current_app
from jinja2 import pass_context

from ..content.oppettider import ALL_DAYS, DYGNET_RUNT, Group, Oppettider
from ..content.sprak import SOURCE
from .i18n import catalog, context_lang


def init_app(app: Flask) -> None:
    @app.template_filter("oppettider")
    @pass_context
    def oppettider(context, hours: Oppettider, lang: str | None = None) -> str:
        """`hours` in `lang`: the page's language, or Swedish (the source, which needs no catalog)."""
        page_lang = context_lang(context)
        lang = lang or page_lang
        if lang not in (SOURCE, page_lang):
            raise ValueError(f"opening hours can be written in Swedish or the page's language, not {lang}")
        translate = catalog().ugettext if lang != SOURCE else str
        # The same hours recur on many pages: while freezing, each is written once per language.
        return current_app.remember(("oppettider", lang, hours), lambda: write(hours, lang, translate))


def write(hours: Oppettider, lang: str, translate=str) -> str:
    """`hours` as a phrase in `lang`, `translate` giving the words for several days."""
    # Between groups, what the language puts between the items of a list ("A, B" in Swedish).
    between = Locale.parse(lang).list_patterns["standard"]["middle"]
    text = ""
    for group in hours.groups:
        part = _group(group, lang, translate)
        text = between.format(text, part) if text else part
    return text[:1].upper() + text[1:]


def _group(group: Group, lang: str, translate) -> str:
    if group.all_day and group.days == ALL_DAYS and group.keyword is None:
        return translate(DYGNET_RUNT)  # "Dygnet runt" alone: every day, all day
    if group.keyword:
        days = translate(group.keyword)
    else:
        # Stand-alone names: the form a day has on its own (Finnish "maanantai", not "maanantaina").
        names = get_day_names("wide", context="stand-alone", locale=lang)
        first, last = group.days[0], group.days[-1]
        if group.days == tuple(range(first, last + 1)):
            days = names[first] + ("" if first == last else "–" + names[last])
        else:  # days apart ("Tisdagar och torsdagar 9–11"): the language's own list
            days = format_list([names[day] for day in group.days], locale=lang)
    if group.all_day:
        return f"{days} {translate(DYGNET_RUNT)}"
    ranges = [_time(start, lang) + "–" + _time(end, lang) for start, end in group.intervals]
    return f"{days} {format_list(ranges, locale=lang)}"


def _time(moment, lang: str) -> str:
    """A time as the language writes it, never split from its "م" or "PM" at the end of a line
    (Babel gives Arabic an ordinary space there, and English a narrow no-break space)."""
    return format_time(moment, format="short", locale=lang).replace(" ", "\u00a0")
