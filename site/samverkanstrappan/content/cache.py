"""What a content store keeps of its files between versions, and how: a file is read again
only once its time or size changed, a listing only once a file was added or removed, and
what is worked out per page only for a page read again (the editor's preview reads again
only what was saved; a build starts from what the last one kept)."""

from functools import partial
from pathlib import Path

from . import filer
from .scan import file_stat, shown_path

# Problems that say a file could not be read at all (content/filer.py).
UNREAD = frozenset({filer.UNREADABLE})


def _reads(key: tuple, paths: set[Path]) -> bool:
    """Whether the listing `key` is a file read (FileCache._read) of one of `paths`."""
    return key[0] == "read" and not key[1].isdisjoint(paths)


def keepable(result: tuple | list) -> bool:
    """Whether what a reader gave for a file, (value, problems) or its problems alone, may be
    kept by the file's time and size: not when it could not be read at all, since giving it
    read rights (chmod) changes neither."""
    problems = result if isinstance(result, list) else result[1]
    return not any(problem.code in UNREAD for problem in problems)


class FileCache:
    """The caches of ContentStore; it sets `_cache`, `_stats` and `_listings`."""

    def _key(self, path: Path, reader, args) -> tuple:
        if path not in self._stats:
            self._stats[path] = file_stat(path)
        return (str(path), *self._stats[path], reader, args)

    def _read(self, files: tuple[Path, ...], load, *args):
        """load(*args), again only once one of `files` (each may be missing) was saved or a file
        was added or removed: after a page is saved, the preview reads no settings, flow or word
        lists again, and they stay the same objects (the route table's URLs are kept by them)."""
        return self._listed(("read", frozenset(files), load, args), partial(load, *args))

    def listed(self, key: tuple, compute):
        """compute(), kept until a file is added or removed: for what depends on which files
        there are and on nothing in them (the route table's list of the files a page is made of)."""
        return self._listed(key, compute)

    def _listed(self, key: tuple, compute):
        if key not in self._listings:
            self._listings[key] = compute()
        return self._listings[key]

    def cached(self, path: Path, reader, *args):
        """reader(path, *args), read again only when the file has changed (its time or size).
        The reader gives (value, problems) or a list of problems."""
        key = self._key(path, reader, args)
        found = self._cache.get(key)
        if found is None:
            found = reader(path, *args)
            if keepable(found):
                self._cache[key] = found
        return found

    def shared(self, key: str, make):
        """make(), once for this content and every later version of it: for what depends on
        no file (the validation's router), so the preview does not make it after each save."""
        if ("shared", key) not in self._cache:
            self._cache[("shared", key)] = make()
        return self._cache[("shared", key)]

    def per_page(self, page, make, *args):
        """make(page, *args), kept while the parsed page is (and `args` are the same): a page
        read again is a new object, so the preview works out again only what an editor changed
        (validation/registry.each_page, index/dokument.page_documents). `page` may also be
        what is kept so (a search document: index/sokdata.py). `args` must be hashable."""
        key = ("per_page", make, id(page), args)
        found = self._cache.get(key)
        if found is None or found[0] is not page:  # the id of a page since gone may be reused
            found = self._cache[key] = (page, make(page, *args))
        return found[1]

    def _shown(self, path: Path) -> str:
        return self._listed(("shown", path), partial(shown_path, path))

    def _forget(self, paths: set[Path], listed: bool) -> None:
        """Forget what is known of `paths`: their times and sizes, and every listing when a file
        was added or removed (`listed`), else only the reads of one of them."""
        self._stats = {path: stat for path, stat in self._stats.items() if path not in paths}
        self._listings = {} if listed else {k: v for k, v in self._listings.items() if not _reads(k, paths)}
