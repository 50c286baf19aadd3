"""Everything one municipality's site is made of, read from the content folder.

Files are parsed once and cached by modification time, so `refresh()` in serve
mode re-reads only what an editor changed.
"""

import copy
import os
import threading
from functools import partial
from pathlib import Path

from .. import paths, workers
from . import (
    filer,
    helplines,
    kommun,
    kris,
    pages,
    passed_by,
    replaced,
    synonymer,
    vagvisare,
    verksamheter,
    verksamheter_sprak,
    yamltext,
)
from .cache import FileCache, keepable
from .problems import Problem
from .scan import scan, shown_path
from .sprak import SOURCE, SPRAK

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def _parse_page(job):
    return pages.parse(*job)


class ContentStore(FileCache):
    """One municipality's pages, settings and data, with every problem found reading them."""

    def __init__(
        self, content_dir: Path, kommun_slug: str, translations: Path = paths.TRANSLATIONS, parsed: dict | None = None
    ):
        self.content_dir = Path(content_dir).resolve()
        self.translations = Path(translations).resolve()  # gettext catalogs of the interface
        self.kommun_slug = kommun_slug
        self.kommun_dir = self.content_dir / "kommuner" / kommun_slug
        self._signature = None
        self._links: set[Path] = set()  # the files of the signature that are links
        # Parsed files by path, modification time and size: refresh() re-reads only what changed.
        # `parsed`: what an earlier build kept of it (content/parse_cache.py).
        self._cache: dict[tuple, tuple] = dict(parsed or {})
        # What this version knows of the folders: each file's (time, size) and each listing.
        # A watched change (changed(paths)) forgets only what it names, so the preview neither
        # stats nor lists 2,000 unchanged pages again.
        self._stats: dict[Path, tuple[int, int]] = {}
        self._listings: dict[tuple, object] = {}
        self.refresh()

    def parsed(self) -> dict:
        """What this version parsed from its files as they are now, with what was worked out
        per page: for the next build to start from (content/parse_cache.py)."""
        return self._current(shared=False)

    def _current(self, shared: bool) -> dict:
        """The cache without what belongs to files as they were or to pages since read again."""
        alive = {id(page) for found in (self.pages, self.texts, self.additions) for page in found.values()}
        stats = {str(path): stat for path, stat in self._stats.items()}
        kept, later = {}, []
        # A copy first: requests on the previous version, which shares the dict, may add to it meanwhile.
        for key, value in list(self._cache.items()):
            if key[0] == "per_page":
                if key[2] in alive:
                    kept[key] = value
                    alive.add(id(value[1]))  # what is kept of it (a search document) may be a key too
                else:
                    later.append(key)
            elif key[0] == "shared":
                if shared:
                    kept[key] = value
            elif stats.get(key[0]) == key[1:3]:
                kept[key] = value
        kept.update((key, self._cache[key]) for key in later if key[2] in alive)
        return kept

    def _parse_many(self, jobs: list[tuple]) -> None:
        """Parse the pages not yet cached, on every core when there are many (a full build).
        Only from a process with no other thread: forking beside a thread can deadlock (serve
        mode re-reads in a request thread), and Python 3.12 warns about it."""
        if threading.active_count() > 1:
            return
        missing = [(job, self._key(job[0], pages.parse, job[1:])) for job in jobs]
        missing = [(job, key) for job, key in missing if key not in self._cache]
        count = workers.count(None, len(missing))
        if len(missing) < PARALLEL_FROM or count < 2:
            return
        pool = workers.pool(count)
        try:
            results = pool.map(_parse_page, [job for job, _ in missing], chunksize=16)
        finally:
            workers.stop(pool)
        for (_, key), result in zip(missing, results):
            if keepable(result):
                self._cache[key] = result

    def _find(self, root: Path) -> dict[str, Path]:
        """pages.find(root), from the listing refresh() made rather than the folder again."""
        if self._signature is None:  # a version the preview made: its listing is not known
            return pages.find(root)
        below = str(root) + os.sep
        return {
            str(path)[len(below) : -len(".md")].replace(os.sep, "/"): path
            for path, _, _ in self._signature
            if str(path).startswith(below) and path.name.endswith(".md") and path not in self._links
        }

    def _roots(self) -> list[Path]:
        return [self.content_dir / name for name in ("sidor", "data", "vagvisare")] + [self.kommun_dir]

    def files(self) -> list[Path]:
        """Every file this content is read from."""
        return [path for path, _, _ in scan(self._roots())]

    def file_stats(self) -> list[tuple[Path, int, int]]:
        """Every file this content is read from, with the time and size it had when it was read
        (the incremental build hashes those that changed)."""
        return list(self._signature) if self._signature is not None else scan(self._roots())

    def changed(self, paths: set[Path] | None = None, listed: bool = True) -> "ContentStore | None":
        """A new version of the content with the changed files read again, or None when nothing
        changed. This one stays as it was, so a request still reading it is never handed half
        of each (the editor's preview, render/live.py); the two share the parsed files.

        `paths`: the files a watcher saw change (the preview), so only those are looked at
        again; `listed=False` when no file was added or removed, so the folders need not be
        listed again either. Without `paths`, every file is looked at."""
        new = copy.copy(self)
        if paths is None:
            return new if new.refresh() else None
        # As the watcher names them and as the file system does (a folder may be a link).
        paths = {Path(path).absolute() for path in paths} | {Path(path).resolve() for path in paths}
        new._forget(paths, listed)
        new._signature = None  # a later refresh() looks at every file again
        new._load()
        return new

    def prune(self) -> None:
        """Keep only what this version needs, in a cache of its own (the preview calls it once
        a new version is served, so a long editing session stays small and no save waits for it)."""
        self._cache = self._current(shared=True)

    def refresh(self) -> bool:
        """Re-read changed files; True when anything changed."""
        # The size too: a save that truncates, then writes, may keep the same time.
        links: set[Path] = set()
        signature = scan(self._roots(), links)
        if signature == self._signature and links == self._links:
            return False
        self._signature, self._links = signature, links
        self._stats = {path: (time, size) for path, time, size in signature}  # as read: not stated again
        self._listings = {}
        self._load()
        return True

    def watched(self) -> list[Path]:
        """The folders whose files make this content (for the preview's watcher)."""
        roots = [self.content_dir / name for name in ("sidor", "data", "vagvisare")]
        return [root for root in [*roots, self.kommun_dir, self.translations] if os.path.isdir(root)]

    def _load(self) -> None:
        self.problems: list[Problem] = []
        roots = [self.content_dir / name for name in ("sidor", "data", "vagvisare")]
        roots += [self.kommun_dir, self.translations]
        found_roots = [root for root in roots if os.path.isdir(root)]
        self.problems += self._listed(("odd", *found_roots), lambda: filer.odd_entries(found_roots, shown_path))
        kommun_file = self.kommun_dir / "kommun.yaml"
        self.kommun, found = self._read(
            (kommun_file,), kommun.load, kommun_file, self.kommun_slug, self._shown(kommun_file)
        )
        self.problems += found
        helpline_file = self.content_dir / "data" / "nodnummer.yaml"
        if os.path.isfile(helpline_file):
            self.helplines, found = self.cached(helpline_file, helplines.load, shown_path(helpline_file))
        else:
            self.helplines, found = helplines.Helplines(), [yamltext.missing(shown_path(helpline_file))]
        self.problems += found
        self.pages: dict[tuple[str, str], pages.Page] = {}
        self.texts: dict[tuple[str, str], pages.Page] = {}  # the vägvisare's words, per node and language
        self.additions: dict[tuple[str, str], pages.Page] = {}  # local blocks: "Gäller i <kommun>"
        # Pages and texts whose file is there but could not be read (reported where it is): the
        # rules do not also call them missing (a translation's original, a link's page).
        self.unread_pages: set[tuple[str, str]] = set()
        self.unread_texts: set[tuple[str, str]] = set()
        # (folder, what it holds, its front matter fields): a municipality's own pages come after
        # the national ones, so a page with the same name replaces the national page.
        sources = [
            (self.content_dir / "sidor", self.pages, pages.PAGE_FIELDS),
            (self.kommun_dir / "sidor", self.pages, pages.PAGE_FIELDS),
            (self.content_dir / "vagvisare", self.texts, vagvisare.TEXT_FIELDS),
            (self.kommun_dir / "tillagg", self.additions, pages.ADDITION_FIELDS),
        ]
        # What in those folders is no page of a published language: named, not passed by. The
        # languages as written (the national folders are every municipality's; a municipality's
        # own folder of a language it does not publish is a warning).
        # Every language while the languages cannot be read: the rules say why, and a folder of
        # the municipality's own is then no warning as well.
        readable = self.kommun is not None and self.kommun.listed_sprak is not None
        published = self.languages if readable else tuple(SPRAK)
        folders = tuple((root, root.is_relative_to(self.kommun_dir)) for root, _, _ in sources)
        self.problems += self._listed(
            ("passed_by", published, folders), partial(passed_by.problems, folders, published, shown_path)
        )
        jobs, targets = [], []
        for root, target, fields in sources:
            for lang in published:  # all while kommun.yaml cannot be read: its mistake hid others'
                for key, path in self._listed(("find", root / lang), partial(self._find, root / lang)).items():
                    jobs.append((path, key, lang, self._shown(path), fields))
                    targets.append(target)
        self._parse_many(jobs)
        own: set[tuple[str, str]] = set()  # the municipality's own pages
        for (path, key, lang, file, fields), target in zip(jobs, targets):
            page, found = self.cached(path, pages.parse, key, lang, file, fields)
            self.problems += found
            if page and lang in self.languages:  # the others are only read, for their mistakes
                target[(lang, key)] = page
                if target is self.pages and path.is_relative_to(self.kommun_dir):
                    own.add((lang, key))
            elif page or lang not in self.languages:
                continue  # read for its mistakes only (kommun.yaml unreadable): not published
            elif target is self.pages:
                self.unread_pages.add((lang, key))
            elif target is self.texts:
                self.unread_texts.add((lang, key))
        self.replaced = replaced.hide_national_translations(self.pages, own)
        flow_file = self.content_dir / "vagvisare" / "flode.yaml"
        self.flow, found = self._read((flow_file,), vagvisare.load, flow_file, self._shown(flow_file))
        self.problems += found
        synonym_files = [self.content_dir / "data" / "synonymer.yaml", self.kommun_dir / "synonymer.yaml"]
        self.synonyms, found = self._read(
            tuple(synonym_files), synonymer.load, tuple((path, self._shown(path)) for path in synonym_files)
        )
        self.problems += found
        crisis_files = [
            (folder / kris.file_name(lang), lang)
            for folder in (self.content_dir / "data", self.kommun_dir)
            for lang in SPRAK  # also a language not yet published: its file is checked before it is
        ]
        files = tuple(path for path, _ in crisis_files)
        self.kris, found = self._read(
            files, kris.load, tuple((path, self._shown(path), lang) for path, lang in crisis_files)
        )
        self.problems += found
        directory = self.kommun_dir / "verksamheter.yaml"
        self.directory_file = shown_path(directory)
        self.verksamheter, found = self._read((directory,), verksamheter.load, directory, self.directory_file)
        self.problems += found
        self.directory_translations: dict[str, verksamheter_sprak.Translation] = {}
        known = frozenset(service.id for service in self.verksamheter.entries)
        # Also a language not yet published: its file is checked before it is. Not Swedish, which
        # is verksamheter.yaml itself (a verksamheter.sv.yaml is SV405).
        for lang in (lang for lang in SPRAK if lang != SOURCE):
            path = self.kommun_dir / verksamheter_sprak.file_name(lang)
            translation, found = self._read((path,), verksamheter_sprak.load, path, self._shown(path), lang, known)
            self.problems += found
            if translation:
                self.directory_translations[lang] = translation

    @property
    def languages(self) -> tuple[str, ...]:
        return self.kommun.sprak if self.kommun else (SOURCE,)

    def keys(self) -> list[str]:
        """Every page key of the site: the Swedish pages are the full set."""
        return sorted(key for lang, key in self.pages if lang == SOURCE)

    def page(self, lang: str, key: str) -> pages.Page | None:
        """The page in `lang`, else its Swedish original (check `page.lang`), else None."""
        return self.pages.get((lang, key)) or self.pages.get((SOURCE, key))

    def addition(self, lang: str, key: str) -> pages.Page | None:
        """The municipality's own block for page `key` in `lang`, else in Swedish, else None."""
        return self.additions.get((lang, key)) or self.additions.get((SOURCE, key))

    def text(self, lang: str, node_id: str, lattlast: bool = False) -> pages.Page | None:
        """A vägvisare node's words in `lang` (or lättläst), else in Swedish (check `.lang`)."""
        found = self.texts.get((lang, pages.LATTLAST + node_id)) if lattlast else None
        return found or self.texts.get((lang, node_id)) or self.texts.get((SOURCE, node_id))

    def has_lattlast_vagvisare(self) -> bool:
        """Whether the vägvisare's words are written in lättläst (then it gets /sv/lattlast/vagvisare/)."""
        return any(lang == SOURCE and key.startswith(pages.LATTLAST) for lang, key in self.texts)

    def service_texts(self, lang: str, service) -> "verksamheter_sprak.ServiceTexts | None":
        """A service's words in `lang`, or None: then the card shows the Swedish, marked so."""
        translation = self.directory_translations.get(lang)
        return translation.services.get(service.id) if translation else None

    def services(self, kind: str) -> list:
        """The municipality's services of one kind, by name."""
        return sorted((s for s in self.verksamheter.values() if s.typ == kind), key=lambda s: s.namn)
