"""Search and the A–Ö index.

The frozen site searches in the browser with Pagefind (loaded only when someone
searches; the query never leaves the browser). In server mode the same page
answers `?q=` from the Whoosh index. Without JavaScript the page links to A–Ö.
"""

import json

from flask import Blueprint, Response, current_app, g, render_template, request
from flask_babel import gettext as _

from ..content.alfabet import initial, sort_key
from ..index import analys, platser
from ..index import whoosh_index as index
from . import store

bp = Blueprint("sok", __name__)


def _index_folder():
    return current_app.config["SEARCH_INDEX"]


def page(lang):
    """The search page; in server mode with the results for ?q=."""
    serve = current_app.config["SERVE_MODE"]
    query = request.args.get("q", "") if serve else ""
    results = index.search(_index_folder(), lang, query, store().synonyms) if query.strip() else None
    return render_template("sok/sok.html", query=query, results=results, serve=serve)


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


def synonyms():
    """The synonym groups, for the browser search to widen a query the same way as the server."""
    return Response(json.dumps(store().synonyms, ensure_ascii=False), mimetype="application/json")


def place_label(place: str) -> str:
    """Where a result sits, in the reader's language: a trappsteg, the vägvisare or the directory."""
    return platser.label(store(), g.lang, place, _)


@bp.app_context_processor
def search_context():
    return {
        "place_label": place_label,
        "word_endings": analys.ENDINGS,
        "max_query_chars": index.MAX_QUERY_CHARS,
        "max_results": index.MAX_RESULTS,
    }
