"""A search on the server: the query pipeline's answer (fraga.py), then Whoosh's.

The browser does the same in sok.js with Pagefind, in the same order: the crisis
pages first, then the documents whose title or search words match (ranked by the
pipeline, so both modes agree), then what only the full text matches.
"""

from dataclasses import dataclass
from pathlib import Path

from . import fraga
from .whoosh_index import MAX_RESULTS, Result, matches


@dataclass(frozen=True)
class Answer:
    kris: list[str]  # the crisis kinds (outcome ids) the query matches, most specific first
    results: list[Result]  # the first MAX_RESULTS
    total: int  # every match, not only those shown


def answer(folder: Path, data: dict, query: str, memos: dict | None = None, words: dict | None = None) -> Answer:
    """Search `query` in one language: `data` is sokdata.build's, `folder` the Whoosh indexes,
    `memos` what production keeps per index (whoosh_index.matches), `words` what the query
    pipeline may keep (fraga.known_words; by default production's, with its memos)."""
    # Production's data for a language never changes, so its words' matches are kept with the index's.
    kept = words if memos is None else memos.setdefault(("fraga", data["sprak"]), {})
    meaning = fraga.analyse(query, data, kept)
    documents = {doc["url"]: doc for doc in data["dokument"]}
    crisis_urls = {kind["id"]: kind["url"] for kind in data["kris"]}
    ahead = list(dict.fromkeys([crisis_urls[kind] for kind in meaning["kris"]] + [url for _, url in meaning["rang"]]))
    found, shown = matches(folder, data["sprak"], meaning["sok"], ahead, memos)
    ordered = list(dict.fromkeys(ahead + found))
    results = []
    for url in ordered[:MAX_RESULTS]:
        doc = documents.get(url)
        if url in shown:
            hit = shown[url]
            results.append(Result(url, hit.title, hit.snippet, doc["plats"] if doc else hit.place))
        elif doc:
            results.append(Result(url, doc["namn"], "", doc["plats"]))
    return Answer(meaning["kris"], results, len(ordered))
