"""The Whoosh index: one per municipality and language in search_index/<kommun>/<språk>/.

Queries are never parsed as query syntax: the query pipeline (fraga.py) gives the
words, and each is run through the same analyzer as the text and OR-ed, so any
input (markup, 10 000 characters, odd Unicode) is just words.
"""

import re
import shutil
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.query import FuzzyTerm, Or, Prefix, Term

from .. import swap
from ..content.store import ContentStore
from . import whoosh_kept
from .analys import analyzer, terms
from .dokument import Dokument
from .index_memo import IndexMemo, KeptFuzzyTerm, KeptHighlighter, KeptPrefix

_MARK = re.compile(r'<mark class="[^"]*">')
# Posting blocks as plain pickles: zlib took a quarter of the time it takes to write an index
# (0.60 against 0.72-0.84 CPU s for the bundled example's five); without it an index is a
# tenth larger. Each block says whether it is compressed, so an older index reads as before.
UNCOMPRESSED = W3Codec(compression=0)
MAX_RESULTS = 20  # shown at once, in both modes (the search page hands it to sok.js)
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
    fresh = swap.fresh_folder(folder)
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    return fresh


def build_language(
    fresh: Path, lang: str, found: list[Dokument], analysis: whoosh_kept.Kept | None = None, reuse=False
) -> int:
    """Write the index of one language's documents into fresh/<lang>; return how many.
    `analysis`: where what the analyzer made of each text is kept for the next build, which
    `reuse`s it (whoosh_kept.py)."""
    (fresh / lang).mkdir()
    kept = whoosh_kept.load(analysis) if analysis and reuse else {}
    made: dict = {}
    writer = whoosh_index.create_in(str(fresh / lang), _schema(lang)).writer(codec=UNCOMPRESSED)
    with whoosh_kept.analysed(writer.schema, FIELDS, kept, made) if analysis else nullcontext():
        for doc in found:
            writer.add_document(url=doc.url, title=doc.title, keywords=doc.keywords, text=doc.text, place=doc.place)
    writer.commit()
    if analysis:
        whoosh_kept.save(analysis, made)
    return len(found)


def link_language(old: Path, fresh: Path, lang: str) -> None:
    """The index of `lang` in `fresh`: the files of the one in `old`, linked. Whoosh never changes
    a file it has written (a commit writes new segment files and a new table of contents), so
    the old index stays exactly as it was."""
    ignored = shutil.ignore_patterns("*LOCK*")
    shutil.copytree(old / lang, fresh / lang, copy_function=swap.link_or_copy, ignore=ignored)


def update(old: Path, fresh: Path, before: dict[str, dict[str, object]], after: dict[str, list[Dokument]]) -> int:
    """Write into `fresh` the index of the documents `after` (by language), made from the index
    in `old` of the documents `before` (by language, then URL): only the documents that changed
    are written, and those gone are deleted; the old index is not touched. Returns the
    documents written. The editor's preview's way: it leaves a second segment, whose deleted
    documents still count in the scores and which Whoosh reads with another typo rule
    (swapped letters), so the preview may rank a little differently from a build, which
    writes a changed language whole (publish/changes.py)."""
    written = 0
    for lang, documents in after.items():
        was = before.get(lang)
        if was is None or not (old / lang).is_dir():
            written += build_language(fresh, lang, documents)
            continue
        changed = [doc for doc in documents if was.get(doc.url) != doc]
        gone = was.keys() - {doc.url for doc in documents}
        link_language(old, fresh, lang)
        if not changed and not gone:
            continue
        writer = whoosh_index.open_dir(str(fresh / lang)).writer(codec=UNCOMPRESSED)
        for url in sorted(gone):
            writer.delete_by_term("url", url)
        for doc in changed:
            writer.update_document(url=doc.url, title=doc.title, keywords=doc.keywords, text=doc.text, place=doc.place)
        writer.commit()
        written += len(changed)
    return written


def publish(fresh: Path, folder: Path) -> None:
    """Put the new index where the server reads it, in place of the old one."""
    swap.swap_in([(fresh, folder)])


def build(store: ContentStore, folder: Path, router) -> dict[str, int]:
    """Write an index for every published language into folder/<lang>, in this process; return
    documents per language. This is serve mode's way (it runs in a request thread, which must
    not fork); the static build indexes in the workers that freeze the pages (publish/builder.py)."""
    fresh = prepare(folder)
    counts = {lang: build_language(fresh, lang, router.documents(store, lang)) for lang in store.languages}
    publish(fresh, folder)
    return counts


def _word_queries(reader, lang: str, word: str, memo: IndexMemo | None = None) -> list:
    """What one word of the pipeline (fraga.py) looks for in every field: its stem; from 5
    letters also longer words that begin with it and words one typo away (two from 9),
    as fraga.quality allows; and, for a compound the index does not hold, its parts.
    With a `memo` (production), the longer words and near misses come from it."""
    found = []
    for stem in terms(lang, word):
        if len(stem) < 2:
            continue  # a letter split off at an apostrophe (Ukrainian "сім'я" gives "я"): no word alone
        for field in FIELDS:
            found.append(Term(field, stem))
            # Judged on the stem, not the word: "б'ють" is a one-letter stem, too short for either.
            if len(stem) >= 5:
                maxdist = 2 if len(stem) >= 9 else 1
                if memo is None:
                    found.append(Prefix(field, stem, boost=0.8))
                    found.append(FuzzyTerm(field, stem, boost=0.6, maxdist=maxdist, prefixlength=2))
                else:
                    found.append(KeptPrefix(field, stem, memo, boost=0.8))
                    found.append(KeptFuzzyTerm(field, stem, memo, boost=0.6, maxdist=maxdist, prefixlength=2))
        if len(word) >= 8 and (("text", stem) not in reader):
            found += [Term(field, part, boost=0.5) for part in _compound_parts(reader, lang, word) for field in FIELDS]
    return found


def _compound_parts(reader, lang: str, word: str) -> list[str]:
    """A Swedish-style compound split in two words the index holds (with or without a
    linking s): "självmordstankar" is "självmord" and "tankar". The longest first part wins."""
    for cut in range(len(word) - 3, 3, -1):
        head, tail = word[:cut], word[cut:]
        for rest in dict.fromkeys([tail, tail.removeprefix("s")]):
            parts = terms(lang, head) + terms(lang, rest)
            if len(parts) == 2 and all(("text", part) in reader for part in parts):
                return parts
    return []


def _memo(memos: dict | None, folder: Path, lang: str, ix) -> IndexMemo | None:
    """The memo of this index as it is now (a new generation starts a new one), or None."""
    if memos is None:
        return None
    key, generation = (str(folder), lang), ix.latest_generation()
    if key not in memos or memos[key][0] != generation:
        memos[key] = (generation, IndexMemo())
    return memos[key][1]


def prepare_memos(folder: Path, languages, memos: dict) -> None:
    """Fill `memos` for the index of each language in `folder` with what every search needs
    (index_memo.IndexMemo.prepare): production, before its workers fork."""
    for lang in languages:
        if (folder / lang).is_dir():
            ix = whoosh_index.open_dir(str(folder / lang))
            with ix.searcher() as searcher:
                _memo(memos, folder, lang, ix).prepare(searcher.reader(), "text")


def matches(
    folder: Path, lang: str, words: list[str], ahead: list[str], memos: dict | None = None
) -> tuple[list[str], dict[str, Result]]:
    """Every document the full text matches for the pipeline's `words`, best first (URLs),
    and the title, snippet and place of those that will be shown: the results that come
    `ahead` of the engine's (crisis pages, the pipeline's ranking) and then the engine's own.
    `memos`: where production keeps what it works out per index (index_memo.py)."""
    if not words or not (folder / lang).is_dir():
        return [], {}
    ix = whoosh_index.open_dir(str(folder / lang))
    memo = _memo(memos, folder, lang, ix)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        query = Or([q for word in words for q in _word_queries(reader, lang, word, memo)])
        hits = searcher.search(query, limit=None, terms=True)
        if memo is not None:
            hits.highlighter = KeptHighlighter(memo)
        hits.formatter = HtmlFormatter(tagname="mark", classname="", termclass="")
        hits.fragmenter = ContextFragmenter(maxchars=220, surround=60)
        first = set(ahead[:MAX_RESULTS])
        room = MAX_RESULTS - len(first)
        urls, shown = [], {}
        for hit in hits:
            urls.append(hit["url"])
            if hit["url"] in first or (room > 0 and hit["url"] not in ahead):
                room -= hit["url"] not in first
                snippet = _MARK.sub("<mark>", hit.highlights("text")) or escape(hit["text"][:200])
                shown[hit["url"]] = Result(hit["url"], hit["title"], snippet, hit["place"])
        return urls, shown
