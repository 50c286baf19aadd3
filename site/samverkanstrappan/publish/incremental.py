"""The incremental build: a build remembers what each output file was made from, and the next
one rewrites only what depends on what changed (`python build.py --hel` builds everything).

After each build the cache (paths.CACHE/bygge/<kommun>-<where>/) keeps:
- manifest.pickle: the recipe (a hash of the code, templates, static files, catalogs and the
  versions of Python and the libraries: what every page depends on), a hash of each content
  file, each URL's sources (from the route table: routes/), and a hash of each search
  document of each language;
- kallor.pickle: each URL's sources, written again only when they changed (the manifest
  names it by a token);
- innehall.pickle and innehall-nytt.pickle: the parsed content and what was found per page
  (content/parse_cache.py);
- whoosh-<lang>.pickle: what Whoosh's analyzer made of each text (index/whoosh_kept.py).

The next build is incremental when the recipe is the same and the output and search index
are the ones the last build published. It renders again the URLs whose sources changed (or
that are new; "*" is every file, and a language's documents count as changed when one of
their hashes did), deletes the files of URLs that are gone, writes the
changed documents into Whoosh's index, and writes Pagefind's index again only when a
document changed (Pagefind cannot update one). Everything else is the last output's files,
linked. It is published as a full build is, the site and its index together, and the output
is byte for byte a full build's (tests/test_incremental.py).
"""

import hashlib
import json
import os
import pickle
import platform
import secrets
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .. import paths, swap
from ..content import parse_cache
from ..index.dokument import Dokument
from ..routes import addresses

# Of the manifest's shape (2: a pickle, not JSON; 3: the sources in a file of their own; 4: the site's shape).
VERSION = 4
LIBRARIES = ("Flask", "Werkzeug", "Jinja2", "Flask-Babel", "Frozen-Flask", "Babel", "Markdown", "nh3")
LIBRARIES += ("PyYAML", "segno", "whoosh-reloaded", "pagefind", "pagefind-bin", "MarkupSafe", "rcssmin", "rjsmin")
MANIFEST = "manifest.pickle"
SOURCES = "kallor.pickle"
RENDER_AT_MOST = 1000  # more URLs than this to render again: a full build, on every core, is faster


def folder(kommun: str, output: Path, search_index: Path) -> Path:
    """Where the cache keeps what the last build of `output` was made from."""
    where = hashlib.sha256(f"{Path(output).resolve()}\n{Path(search_index).resolve()}".encode()).hexdigest()[:12]
    return paths.CACHE / "bygge" / f"{kommun}-{where}"


def _files_below(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def recipe(translations: Path, shortcuts: bool) -> str:
    """A hash of what every page is made with besides the content."""
    digest = hashlib.sha256(f"{VERSION} {platform.python_version()} {shortcuts}".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    package = Path(__file__).resolve().parents[1]
    for path in [*_files_below(package), *sorted(Path(translations).glob("*/LC_MESSAGES/*.po"))]:
        digest.update(str(path.relative_to(path.parents[2])).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(doc: Dokument) -> str:
    """A hash of everything a search document holds."""
    return hashlib.sha256(json.dumps(list(doc.__dict__.values()), ensure_ascii=False).encode()).hexdigest()[:24]


def file_hashes(store, earlier: dict) -> dict[str, list]:
    """[time, size, hash] of each content file, by its path in the content folder; a file
    whose time and size are as `earlier` keeps its hash without being read (as git and make
    do: on a file system whose times are coarse, an edit that keeps the size needs --hel)."""
    found = {}
    start = len(str(store.content_dir)) + 1
    for path, time, size in store.file_stats():  # the times and sizes of what the store read
        name = str(path)[start:].replace(os.sep, "/")  # relative to the content folder, which holds them all
        old = earlier.get(name)
        if old and old[:2] == [time, size]:
            found[name] = old
            continue
        try:
            found[name] = [time, size, hashlib.sha256(path.read_bytes()).hexdigest()]
        except OSError:  # gone since it was listed, or not ours to read: the check reports it (SV122)
            continue
    return found


@dataclass
class Previous:
    """What the last build of this output was made from."""

    folder: Path
    manifest: dict | None  # None: the output is not the last build's, so it is built whole
    parsed: parse_cache.Kept | None


def previous(cache: Path, made_with: str, output: Path, search_index: Path) -> Previous | None:
    """The last build's manifest and parse, if the next build can start from them. When the
    output is not the one it published (deleted, copied over), only the parse is of use: the
    manifest is None, and the build is a full one that parses only what changed."""
    # A pickle: its 13,000 URLs' sources share their names, which JSON wrote out 500,000 times
    # (24 MB at 2,000 extra pages; 0.3 s to write and read, against 0.07 s).
    try:
        manifest = pickle.loads((cache / MANIFEST).read_bytes())
    except Exception:  # none, or not one this code wrote: a full build
        return None
    if not isinstance(manifest, dict) or manifest.get("recipe") != made_with:
        return None
    try:
        token, manifest["urls"], manifest["lists"] = pickle.loads((cache / SOURCES).read_bytes())
    except Exception:
        return None
    if token != manifest.get("sources"):
        return None  # written beside another manifest
    parsed = parse_cache.load(cache)
    if not output.is_dir() or not Path(search_index).is_dir():
        return Previous(cache, None, parsed)
    if manifest.get("published") != _published(output, search_index):
        return Previous(cache, None, parsed)
    return Previous(cache, manifest, parsed)


def _published(output: Path, search_index: Path) -> list[int]:
    """The identity of the folders a build published (a new folder is a new inode)."""
    return [os.stat(output).st_ino, os.stat(search_index).st_ino]


@dataclass
class Plan:
    render: list[str]  # the URLs to render again
    removed: list[str]  # the URLs that are gone
    documents: dict[str, list[Dokument]]  # the search documents now, by language
    pagefind: bool  # whether Pagefind's index must be written again
    changed_languages: list[str]  # whose Whoosh index must be written again


@dataclass
class Made:
    """What a build's output is made from: the content files, each URL's sources, the documents
    and a hash of each (by language, then URL)."""

    files: dict[str, list]
    urls: dict[str, list[str]]
    documents: dict[str, list[Dokument]]
    fingerprints: dict[str, dict[str, str]]
    shape: str  # what the URLs and their sources are made of (shape())


# Besides which files there are, the only content the site's addresses and their sources are
# made of (routes/addresses.py reads no page's text).
SHAPE_FILES = ("vagvisare/flode.yaml", "kommuner/{kommun}/kommun.yaml")


def shape(store, files: dict[str, list]) -> str:
    """A hash of what the site's URLs and each URL's sources depend on: the content's file
    names, the flow and the settings (the code is in the recipe)."""
    digest = hashlib.sha256("\0".join(files).encode())
    for name in SHAPE_FILES:
        digest.update(f"\0{files.get(name.format(kommun=store.kommun_slug), [0, 0, '-'])[2]}".encode())
    return digest.hexdigest()


def reuse_addresses(router, store, files: dict[str, list], earlier: dict) -> None:
    """Hand the router the last build's URLs and their sources when the site has the same shape."""
    if earlier.get("shape") == shape(store, files) and earlier.get("lists") is not None:
        router.known(store, earlier["lists"], earlier["urls"])


def made(store, router, earlier: Previous | None, files: dict | None = None) -> Made:
    """What the build is made from; `files`: the content files' hashes, when worked out already."""
    if files is None:
        files = file_hashes(store, earlier.manifest["files"] if earlier and earlier.manifest else {})
    documents = {lang: router.documents(store, lang) for lang in store.languages}
    # A page's document is kept with its parse, and its hash with it (store.per_page): the next
    # build hashes only the documents of what changed (0.4 s for 10,000 documents).
    fingerprints = {
        lang: {doc.url: store.per_page(doc, fingerprint) for doc in found} for lang, found in documents.items()
    }
    return Made(files, router.sourced_urls(store), documents, fingerprints, shape(store, files))


def plan(now: Made, earlier: dict) -> Plan | None:
    """What to do again, given what the content is made of now and what the last build saw
    (`earlier`, its manifest); None when a full build is the quicker way."""
    files = now.files
    if now.documents.keys() != earlier["documents"].keys():
        return None  # a language added or removed: every page's menu, and Pagefind's entry file
    if files.keys() != earlier["files"].keys():
        # A file added or removed can change what exists (a lättläst twin, a municipality's own
        # page), which every page's header and links show: not a dependency any URL lists.
        return None
    changed = {name for name in files if files[name] != earlier["files"][name]}
    sources, before = now.urls, earlier["urls"]
    declared = {name for own in sources.values() for name in own}
    if changed - declared:
        return None  # a file no URL says it is built from: everything, to be sure

    # In order: the A–Ö lists, Whoosh and Pagefind keep the documents' order where titles tie.
    languages = [
        lang
        for lang in now.documents
        if list(now.fingerprints[lang].items()) != list(earlier["documents"].get(lang, {}).items())
    ]
    changed |= {addresses.documents_of(lang) for lang in languages}

    def again(url: str) -> bool:
        own = sources[url]
        return url not in before or own != before[url] or bool(changed and ("*" in own or changed.intersection(own)))

    render = [url for url in sources if again(url)]
    if len(render) > RENDER_AT_MOST:
        return None
    removed = [url for url in before if url not in sources]
    return Plan(render, removed, now.documents, bool(languages), languages)


def save(
    cache: Path,
    made_with: str,
    store,
    now: Made,
    output: Path,
    search_index: Path,
    earlier: Previous | None = None,
    lists: dict | None = None,
) -> None:
    """Remember what the build just published was made from (after it was published). What
    `earlier` (the last build's) holds already is not written again: the URLs' sources when
    they are the same, the parse of the files that did not change. `lists`: the URL lists the
    router worked out (Router.lists), kept with the sources."""
    before = earlier.manifest if earlier is not None else None
    # The same shape too: dicts compare equal in any order, and a new order of the flow's
    # outcomes is the same URLs in a new order (the sitemap's), which the next build takes again.
    same = before and before.get("sources") and before.get("shape") == now.shape and before["urls"] == now.urls
    # The URL lists too: a list worked out for the first time (the sitemap's) is kept.
    same = same and set(lists or {}) <= set(before.get("lists") or {})
    sources = before["sources"] if same else None
    manifest = {
        "version": VERSION,
        "recipe": made_with,
        "published": _published(output, search_index),
        "files": now.files,
        "sources": sources or secrets.token_hex(8),
        "shape": now.shape,
        "documents": now.fingerprints,
    }
    (cache / MANIFEST).unlink(missing_ok=True)  # no manifest while the parse is being kept
    (cache / "manifest.json").unlink(missing_ok=True)  # what the manifest's first version was
    if sources is None:
        data = pickle.dumps((manifest["sources"], now.urls, lists), protocol=pickle.HIGHEST_PROTOCOL)
        swap.write_whole(cache / SOURCES, data)
    parse_cache.save(cache, store.parsed(), earlier.parsed if earlier is not None else None)
    swap.write_whole(cache / MANIFEST, pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))


def forget(cache: Path) -> None:
    """The next build is a full one (this one failed after it touched the cache, or was full)."""
    shutil.rmtree(cache, ignore_errors=True)
