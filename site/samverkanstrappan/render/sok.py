"""Search and the A–Ö index.

The frozen site searches in the browser with Pagefind (loaded only when someone
searches; the query never leaves the browser). In server mode the same page
answers `?q=` from the Whoosh index. Both read a query the same way (index/fraga.py
and static/sokfraga.js, from /sok/<lang>.json). Without JavaScript the page links to A–Ö.
"""

import json
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from flask import Blueprint, Response, current_app, g, render_template, request
from flask_babel import gettext as _
from markupsafe import escape

from ..content.alfabet import initial, sort_key
from ..content.helplines import ALWAYS_SHOWN
from ..index import fraga, platser, sokdata, sokning
from ..index import whoosh_index as index
from ..routes import addresses
from . import live, store
from .lattlast import require_written, twin_of

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


ANSWERS_KEPT = 2048  # the most recent answers a production worker keeps (7–12 kB each: tens of MB at most)


def _answer(lang: str, query: str) -> sokning.Answer:
    """The answer to `query`. Production answers from one build's index, read only, so the
    same query gets the same answer until a restart, and a worker keeps its recent answers:
    residents ask the same few things most. Only in the worker's memory, never written, and
    the preview (whose content changes) never keeps one."""
    if current_app.config["LIVE"]:
        # A copy each: the preview answers in threads, and what a search adds stays its own.
        return sokning.answer(live.search_index(), search_data(lang), query, words=dict(known_words(lang)))
    kept: OrderedDict = current_app.extensions["svar"]
    key = (lang, query)
    # gunicorn's workers are processes with one thread each; a worker given threads would
    # share the kept answers and the highlighting tokens (index_memo.py), so one at a time.
    with current_app.extensions["sokminnen_las"]:
        if key in kept:
            kept.move_to_end(key)
        else:
            memos = current_app.extensions["sokminnen"]
            kept[key] = sokning.answer(live.search_index(), search_data(lang), query, memos)
            if len(kept) > ANSWERS_KEPT:
                kept.popitem(last=False)
        return kept[key]


def known_words(lang: str) -> dict:
    """The words `lang`'s documents and crisis phrases are found by (fraga.known_words), made
    once per language and version of the content, as search_data is."""
    cache, content = current_app.extensions["sokdata"], store()
    key = ("ord", lang)
    if key not in cache or cache[key][0] is not content:
        cache[key] = (content, fraga.known_words(search_data(lang)))
    return cache[key][1]


def prepare(app) -> None:
    """Production, before its workers fork: what every search of the build's index needs
    (index/index_memo.py), and each language's data and words (fraga.known_words), so that
    no reader's search waits for them."""
    folder = Path(app.config["SEARCH_INDEX"])
    languages = app.extensions["content"].languages
    index.prepare_memos(folder, languages, app.extensions["sokminnen"])
    for lang in languages:
        with app.test_request_context(f"/{lang}/sok/"):
            g.lang = lang  # as the request's own would be: the places are named in its words
            words = app.extensions["sokminnen"].setdefault(("fraga", lang), {})
            words.update(known_words(lang))


def page(lang, lattlast):
    """The search page (in lättläst too); in server mode with the answer to ?q=."""
    require_written(lang, lattlast)
    serve = current_app.config["SERVE_MODE"]
    query = request.args.get("q", "") if serve else ""
    asked = serve and "q" in request.args
    answer = _answer(lang, query) if query.strip() else None
    kinds = list(store().kris.for_search(lang))
    twins = lattlast_twins(lang) if lattlast else {}
    if answer and twins:
        answer = replace(answer, results=[_in_lattlast(result, twins.get(result.url)) for result in answer.results])
    return render_template(
        "sok/sok.html",
        query=query,
        answer=answer,
        empty_query=asked and not query.strip(),
        serve=serve,
        crisis_kinds=kinds,
        twins=twins,
        written_in_lattlast={twin["url"] for twin in twins.values() if "namn" in twin},
    )


def _in_lattlast(result: index.Result, twin: dict | None) -> index.Result:
    """A result as a lättläst reader's search shows it: at its lättläst version, with the
    lättläst title and summary where they are written (an excerpt would be ordinary Swedish)."""
    if twin is None:
        return result
    if "namn" not in twin:  # a lättläst address, but the words are not written in lättläst
        return replace(result, url=twin["url"])
    return replace(result, url=twin["url"], title=twin["namn"], snippet=str(escape(twin["text"])))


def lattlast_twins(lang: str) -> dict[str, dict]:
    """Each search result's address that has a lättläst version: that version's address
    ("url"), and its lättläst title and summary ("namn", "text") where they are written (else
    the result shows "not lättläst"). A lättläst reader's search led to pages in ordinary
    Swedish. (The same index: lättläst pages are not indexed, so that a subject is one result.)"""
    cache, content = current_app.extensions["sokdata"], store()
    key = ("lattlast", lang)  # made once per version of the content, as search_data is
    if key not in cache or cache[key][0] is not content:
        data = search_data(lang)
        urls = [doc["url"] for doc in data["dokument"]] + [kind["url"] for kind in data["kris"]]
        written = addresses.lattlast_versions(content, current_app.extensions["router"])
        twins = {}
        for url in dict.fromkeys(urls):
            if (twin := twin_of(url)) != url:
                words = written.get(url)
                twins[url] = {"url": twin, "namn": words.title, "text": words.summary} if words else {"url": twin}
        cache[key] = (content, twins)
    return cache[key][1]


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


def crisis_numbers(kinds: list[str]) -> tuple[str, ...]:
    """The numbers a crisis block shows: each kind's outcome's own numbers, then 112, 1177 and
    90101 if they are not among them; sok.js joins the blocks of several kinds the same way."""
    outcomes = store().flow.outcomes if store().flow else {}
    found = []
    for kind in kinds:
        own = outcomes[kind].nummer if kind in outcomes else ()
        found += [*own, *(number for number in ALWAYS_SHOWN if number not in own)]
    return tuple(dict.fromkeys(number for number in found if number in store().helplines))


@bp.app_context_processor
def search_context():
    return {
        "place_label": place_label,
        "crisis_numbers": crisis_numbers,
        "max_query_chars": fraga.MAX_QUERY_CHARS,
        "max_results": index.MAX_RESULTS,
    }
