"""The Whoosh index: one per municipality and language in search_index/<kommun>/<språk>/.

Queries are never parsed as query syntax: the words are run through the same
analyzer as the text and OR-ed, so any input (markup, 10 000 characters, odd
Unicode) is just words. Synonyms widen a word to its whole group.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from whoosh import index as whoosh_index
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.query import Or, Term

from ..content.store import ContentStore
from .analys import analyzer, terms
from .dokument import Dokument

_MARK = re.compile(r'<mark class="[^"]*">')
# The limits of a search, the same in both modes (the search page hands them to sok.js):
MAX_QUERY_CHARS = 200  # a search box, not a document: the rest of a pasted text is ignored
MAX_RESULTS = 20
MAX_TERMS = 12
FIELDS = ("title", "keywords", "text")


@dataclass(frozen=True)
class Result:
    url: str
    title: str
    snippet: str  # HTML: escaped text with the matched words in <mark>
    place: str


def _schema(lang: str) -> Schema:
    # phrase=False: queries are OR-ed words, never phrases, so word positions are not
    # stored (a smaller index, built in about half the time). Highlighting re-reads the stored text.
    words = analyzer(lang)
    return Schema(
        url=ID(stored=True, unique=True),
        title=TEXT(analyzer=words, stored=True, field_boost=3.0, phrase=False),
        keywords=TEXT(analyzer=words, field_boost=2.0, phrase=False),
        text=TEXT(analyzer=words, stored=True, phrase=False),
        place=STORED,
    )


def prepare(folder: Path) -> Path:
    """The empty folder, beside `folder`, that a new index is written to before it is published."""
    fresh = folder.with_name(f".{folder.name}.ny")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    return fresh


def build_language(fresh: Path, lang: str, found: list[Dokument]) -> int:
    """Write the index of one language's documents into fresh/<lang>; return how many."""
    (fresh / lang).mkdir()
    writer = whoosh_index.create_in(str(fresh / lang), _schema(lang)).writer()
    for doc in found:
        writer.add_document(url=doc.url, title=doc.title, keywords=doc.keywords, text=doc.text, place=doc.place)
    writer.commit()
    return len(found)


def publish(fresh: Path, folder: Path) -> None:
    """Put the new index where the server reads it, in place of the old one."""
    old = folder.with_name(f".{folder.name}.gammal")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def build(store: ContentStore, folder: Path, router) -> dict[str, int]:
    """Write an index for every published language into folder/<lang>, in this process; return
    documents per language. This is serve mode's way (it runs in a request thread, which must
    not fork); the static build indexes in the workers that freeze the pages (publish/builder.py)."""
    fresh = prepare(folder)
    counts = {lang: build_language(fresh, lang, router.documents(store, lang)) for lang in store.languages}
    publish(fresh, folder)
    return counts


def query_terms(lang: str, query: str, synonyms: dict[str, list[list[str]]]) -> list[str]:
    """The stemmed words to look for: the query's own, widened by every synonym group they are in."""
    own = terms(lang, query[:MAX_QUERY_CHARS])[:MAX_TERMS]
    wanted = list(own)
    for group in synonyms.get(lang, []):
        stems = [terms(lang, word) for word in group]
        if any(all(t in own for t in stem) and stem for stem in stems):
            wanted += [t for stem in stems for t in stem]
    return list(dict.fromkeys(wanted))


def search(folder: Path, lang: str, query: str, synonyms: dict, limit: int = MAX_RESULTS) -> list[Result]:
    """The best matches for `query` in the index of `lang`."""
    wanted = query_terms(lang, query, synonyms)
    if not wanted or not (folder / lang).is_dir():
        return []
    ix = whoosh_index.open_dir(str(folder / lang))
    with ix.searcher() as searcher:
        hits = searcher.search(Or([Term(field, t) for field in FIELDS for t in wanted]), limit=limit, terms=True)
        hits.formatter = HtmlFormatter(tagname="mark", classname="", termclass="")
        hits.fragmenter = ContextFragmenter(maxchars=220, surround=60)
        results = []
        for hit in hits:
            snippet = _MARK.sub("<mark>", hit.highlights("text")) or escape(hit["text"][:200])
            results.append(Result(hit["url"], hit["title"], snippet, hit["place"]))
        return results
