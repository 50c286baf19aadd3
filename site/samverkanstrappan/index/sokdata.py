"""What the query pipeline (fraga.py, static/sokfraga.js) reads, per language.

The server builds it from the store when it answers a search; the frozen site writes the
very same structure to /sok/<lang>.json, which the browser loads with Pagefind. All words
are normalised here, once, by fraga.words, so both sides only compare them.
"""

from whoosh.lang import has_stopwords, stopwords_for_language

from ..content.store import ContentStore
from . import fraga

# A document's own words: at most this many from its title and its search words, so that
# a long list of sokord cannot outweigh a title.
MAX_DOCUMENT_WORDS = 40


def stop_words(lang: str) -> list[str]:
    """Whoosh's stop words for the language (the ones its analyzer drops), or our own, and
    those its list misses (fraga.MORE_STOP_WORDS)."""
    listed = stopwords_for_language(lang) if has_stopwords(lang) else fraga.OWN_STOP_WORDS.get(lang, "").split()
    listed = [*listed, *fraga.MORE_STOP_WORDS.get(lang, "").split()]
    return sorted({word for text in listed for word in fraga.words(text, lang)})


def _words(texts, lang: str, stop: set[str]) -> list[str]:
    """The words that say what a document is about: not stop words, not one or two letters."""
    found = (word for text in texts for word in fraga.words(text, lang) if len(word) >= 3 and word not in stop)
    return list(dict.fromkeys(found))[:MAX_DOCUMENT_WORDS]


def _phrases(texts, lang: str) -> list[list[str]]:
    return [found for text in texts if (found := fraga.words(text, lang))]


def crisis_words(store: ContentStore, lang: str) -> dict[str, tuple[list[list[str]], int]]:
    """Each crisis kind's phrases as fraga reads them, for a search on a `lang` page, and how
    many come before its general ones (kris.GENERAL)."""
    found = {}
    for kind, phrases in store.kris.for_search(lang).items():
        specific = [p.text for p in phrases if not p.general]
        read = _phrases(specific, lang)
        found[kind] = (read + _phrases([p.text for p in phrases if p.general], lang), len(read))
    return found


def build(store: ContentStore, lang: str, router, labels: dict[str, str]) -> dict:
    """The lexicon, synonyms, stop words and documents of `lang`, ready for fraga; `labels`
    gives the words shown for each place ("steg:<slug>", "utfall" ...), as platser.labels does."""
    documents = router.documents(store, lang)
    outcome_urls = {}
    first = store.flow.first_paths() if store.flow else {}
    for node_id, path in first.items():
        if node_id in store.flow.outcomes:
            outcome_urls[node_id] = router.url("vagvisare.step", lang=lang, svar="/".join(path))
    crisis = [
        {"id": kind, "url": outcome_urls[kind], "fraser": phrases, "allmanna_fran": general_from}
        for kind, (phrases, general_from) in crisis_words(store, lang).items()
        if kind in outcome_urls
    ]
    stop = set(stop_words(lang))
    ordered_stop = tuple(sorted(stop))
    return {
        "sprak": lang,
        "stopp": sorted(stop),
        "kris": crisis,
        "synonymer": [_phrases(group, lang) for group in store.synonyms.get(lang, [])],
        # Kept with each document (kept itself with its page): an incremental build or the
        # preview works out again only the documents of what changed.
        "dokument": [store.per_page(doc, _document, lang, labels[doc.place], ordered_stop) for doc in documents],
    }


def _document(doc, lang: str, label: str, stop: tuple[str, ...]) -> dict:
    stop = set(stop)
    return {
        "url": doc.url,
        "namn": doc.title,
        "plats": label,
        "titel": _words([doc.title], lang, stop),
        # A search word of one word counts alone; the words of a phrase only together
        # ("end my life" says nothing about "end of contract").
        "sokord": _words([w for w in doc.sokord if len(fraga.words(w, lang)) == 1], lang, stop),
        "fraser": [found for w in doc.sokord if len(fraga.words(w, lang)) > 1 and (found := _words([w], lang, stop))],
        **({"verksamhet": True} if doc.place == "verksamhet" else {}),
    }
