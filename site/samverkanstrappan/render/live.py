"""The editor's preview (`python build.py serve`): a saved file shows at once, a mistake shows
as the build's own list, and no request ever sees half of a change.

A version is the content, its search index folder and its documents, fixed for each request
when it starts (`g.content`, `g.search_index`). A change is read into a new version beside
the current one: only the files that changed are read again (content/store.py), the content
is checked, and the documents that changed are written into a new index folder made of the
old one's files (index/whoosh_index.update). Then the new version is swapped in by one
assignment, and the open tabs are told to reload (live_reload.py).

Content with errors is never swapped in: readers keep the last version without errors, and
every page shows the problems as `fil:rad: KOD meddelande`, as `build.py` prints them.

What notices a change: a watcher (live_reload.watch, started by `build.py serve`), or, in
an app that no watcher serves (tests), the next request, which looks at every file.
"""

import contextlib
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import count
from pathlib import Path

from flask import current_app, g

from ..content.problems import Problem, has_errors
from ..content.store import ContentStore
from ..index import whoosh_index as search
from ..validation import validate

KEPT_INDEXES = 3  # requests that began on earlier versions may still be reading their indexes


@dataclass(frozen=True)
class Version:
    number: int  # the tabs reload when it changes
    content: ContentStore  # the newest content without errors
    search_index: Path
    documents: dict | None  # what search_index holds, by language (None: not yet known)
    problems: tuple[Problem, ...] = ()  # what the newest content has, errors or warnings


class Preview:
    """The versions of one app's content, and what reads the changes into them."""

    def __init__(self, app):
        self.app = app
        self.reading = threading.Lock()  # one reading at a time
        self.swapped = threading.Condition()  # what the tabs' streams wait on
        self.numbers = count(1)
        self.watching = False
        content = app.extensions["content"]
        self.latest = content  # the newest content read, with or without errors
        self.version = Version(0, content, Path(app.config["SEARCH_INDEX"]), None)
        self.folders: list[Path] = []  # the index folders made here, newest last
        self.unpruned: ContentStore | None = None  # read, but its cache not yet pruned
        # What is told when a save changes the problems: build.py serve prints them in the
        # editor's terminal too, where the first ones were printed (an editor's walk, session 44).
        self.on_problems: Callable[[tuple[Problem, ...]], None] | None = None

    def _tell(self, problems: tuple[Problem, ...], changed: bool) -> None:
        """Tell `on_problems` of problems that changed, once the version is in place: a terminal
        that is gone (a closed pipe) must not keep the new version from the tabs."""
        if self.on_problems and changed:
            with contextlib.suppress(OSError):
                self.on_problems(problems)

    def started(self, problems: list[Problem], documents: dict) -> None:
        """The first version is checked and indexed (build.py serve): its problems show on every page."""
        self._swap(replace(self.version, problems=tuple(problems), documents=documents))

    def read(self, paths: set[Path] | None = None, listed: bool = True, wait: bool = True) -> None:
        """Read what changed into a new version (`paths`: what a watcher saw; None: look at
        every file). Without `wait`, return at once if another thread is reading."""
        if not self.reading.acquire(blocking=wait):
            return
        try:
            self._read(paths, listed)
        finally:
            self.reading.release()

    def _read(self, paths: set[Path] | None, listed: bool) -> None:
        new = self.latest.changed(paths, listed)
        if new is None:
            return
        self.latest = new
        router, current = self.app.extensions["router"], self.version
        problems = tuple(validate(new, set(router.urls(new))))
        number = next(self.numbers)
        told = set(problems) != set(current.problems)
        if has_errors(problems):  # readers keep the last good version; every page lists the problems
            self._swap(replace(current, number=number, problems=problems))
            self._prune_later(new)
            self._tell(problems, told)
            return
        before = current.documents or {lang: router.documents(current.content, lang) for lang in new.languages}
        after = {lang: router.documents(new, lang) for lang in new.languages}
        was = {lang: {doc.url: doc for doc in documents} for lang, documents in before.items()}
        base = Path(self.app.config["SEARCH_INDEX"])
        folder = base.with_name(f".{base.name}.v{number}")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        try:
            search.update(current.search_index, folder, was, after)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._swap(Version(number, new, folder, after, problems))
        self._prune_later(new)
        self._tell(problems, told)
        self.folders.append(folder)
        while len(self.folders) > KEPT_INDEXES:
            shutil.rmtree(self.folders.pop(0), ignore_errors=True)

    def _prune_later(self, content: ContentStore) -> None:
        """With a watcher, the new version's cache is pruned when the editor pauses (idle()),
        so the reloading tab does not wait behind it; without one, at once."""
        if self.watching:
            self.unpruned = content
        else:
            content.prune()

    def idle(self) -> None:
        """Nothing was saved for a while: prune what the last reading left (ContentStore.prune)."""
        with self.reading:
            if self.unpruned is not None:
                self.unpruned.prune()
                self.unpruned = None

    def _swap(self, version: Version) -> None:
        with self.swapped:
            self.version = version  # what requests read: one assignment
            self.app.extensions["content"] = version.content  # for code outside a request
            self.swapped.notify_all()

    def wait(self, seen: int | None, timeout: float) -> int:
        """The version's number once it is not `seen`, or after `timeout` seconds."""
        with self.swapped:
            if self.version.number == seen:
                self.swapped.wait(timeout)
            return self.version.number

    def remove_leftovers(self) -> None:
        """Remove the index folders a preview of the same index left when it was stopped hard."""
        base = Path(self.app.config["SEARCH_INDEX"])
        for left in base.parent.glob(f".{base.name}.v*"):
            shutil.rmtree(left, ignore_errors=True)

    def close(self) -> None:
        """Remove the index folders made here (the preview is ending)."""
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = []


def preview(app) -> Preview:
    return app.extensions["live"]


def init_app(app) -> None:
    app.extensions["live"] = Preview(app)

    @app.before_request
    def fix_the_version():
        state = preview(app)
        if not state.watching:  # no watcher: this request looks; the others go on meanwhile
            # A file that went away while it was read (an editor's temporary file): this request
            # is served the last version, and the next one reads again.
            with contextlib.suppress(OSError):
                state.read(wait=False)
        g.preview = state.version
        g.content, g.search_index = g.preview.content, g.preview.search_index


def search_index() -> Path:
    """The search index folder of this request's version (production: the build's)."""
    return g.get("search_index") or Path(current_app.config["SEARCH_INDEX"])
