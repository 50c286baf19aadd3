"""Search and the A–Ö index.

The frozen site searches in the browser with Pagefind (loaded only when someone
searches; the query never leaves the browser). In server mode the same page
answers `?q=` from the Whoosh index. Both read a query the same way (index/fraga.py
and static/sokfraga.js, from /sok/<lang>.json). Without JavaScript the page links to A–Ö.
"""

import json

from flask import Blueprint, Response, current_app, g, render_template, request
from flask_babel import gettext as _

from ..content.alfabet import initial, sort_key
from ..content.helplines import ALWAYS_SHOWN
from ..index import fraga, platser, sokdata, sokning
from ..index import whoosh_index as index
from . import live, store

bp = Blueprint("sok", __name__)


def search_data(lang: str) -> dict:
    """The query pipeline's data for `lang` (index/sokdata.py), with the places in its words.

    Made once per language and version of the content: it took half of a server-mode
    answer's time."""
    cache, content = current_app.extensions["sokdata"], store()
    if lang not in cache or cache[lang][0] is not content:  # made from another version of the content
        labels = {place: place_label(place) for place in platser.PLACES}
        cache[lang] = (content, sokdata.build(content, lang, current_app.extensions["router"], labels))
    return cache[lang][1]


def page(lang):
    """The search page; in server mode with the answer to ?q=."""
    serve = current_app.config["SERVE_MODE"]
    query = request.args.get("q", "") if serve else ""
    asked = serve and "q" in request.args
    answer = sokning.answer(live.search_index(), search_data(lang), query) if query.strip() else None
    kinds = list(store().kris.kinds(lang))
    return render_template(
        "sok/sok.html",
        query=query,
        answer=answer,
        empty_query=asked and not query.strip(),
        serve=serve,
        crisis_kinds=kinds,
    )


def data(lang):
    """What the browser's search reads: the crisis lexicon, synonyms, stop words and documents."""
    return Response(
        json.dumps(search_data(lang), ensure_ascii=False, separators=(",", ":")), mimetype="application/json"
    )


def entries(lang: str) -> list[dict]:
    """Every page and vägvisare outcome with its title and URL, for the A–Ö index."""
    documents = current_app.extensions["router"].documents(store(), lang, a_o_only=True)
    found = [{"title": doc.title, "url": doc.url, "lang": doc.lang} for doc in documents]
    return sorted(found, key=lambda entry: sort_key(lang)(entry["title"]))


def a_o(lang):
    """Every page from A to Ö, under letter headings."""
    letters: dict[str, list] = {}
    for entry in entries(lang):
        letters.setdefault(initial(entry["title"], lang), []).append(entry)
    return render_template("sok/a-o.html", letters=letters)


def place_label(place: str) -> str:
    """Where a result sits, in the reader's language: a trappsteg, the vägvisare or the directory."""
    return platser.label(store(), g.lang, place, _)


def crisis_numbers(kinds: list[str]) -> list[str]:
    """The numbers a crisis block shows: each kind's outcome's own numbers, then 112, 1177 and
    90101 if they are not among them; sok.js joins the blocks of several kinds the same way."""
    outcomes = store().flow.outcomes if store().flow else {}
    found = []
    for kind in kinds:
        own = outcomes[kind].nummer if kind in outcomes else ()
        found += [*own, *(number for number in ALWAYS_SHOWN if number not in own)]
    return list(dict.fromkeys(number for number in found if number in store().helplines))


@bp.app_context_processor
def search_context():
    return {
        "place_label": place_label,
        "crisis_numbers": crisis_numbers,
        "max_query_chars": fraga.MAX_QUERY_CHARS,
        "max_results": index.MAX_RESULTS,
    }
