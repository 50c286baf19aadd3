"""The editor's preview (`python build.py serve`): a saved file shows on the next request.

Each request works on one version of the content and its search index, fixed when it
starts (`g.content`, `g.search_index`). When files have changed, one request reads them
into a new version beside the current one (content/store.py: ContentStore.changed) and
indexes it into a folder of its own; then the pair is swapped in by one assignment. The
requests that arrive meanwhile are served the last version, so none waits and none sees
half of each. The index before the previous one is removed: a request that began on the
previous one may still read it.
"""

import shutil
import threading
from itertools import count
from pathlib import Path

from flask import current_app, g

from ..index import whoosh_index as search


def current(app) -> tuple:
    """(content, search index folder) of the version being served."""
    return app.extensions["live"]


def init_app(app) -> None:
    lock, versions = threading.Lock(), count(1)
    app.extensions["live"] = (app.extensions["content"], Path(app.config["SEARCH_INDEX"]))
    kept: list[Path] = []  # the indexes made here, newest last

    @app.before_request
    def fix_the_version():
        if lock.acquire(blocking=False):  # one request reads the changes; the others go on
            try:
                _read_changes(app, versions, kept)
            except OSError:  # a file went away while it was read (an editor's temporary file):
                pass  # this request is served the last version; the next one reads again
            finally:
                lock.release()
        g.content, g.search_index = current(app)


def _read_changes(app, versions, kept: list[Path]) -> None:
    """Read the changed files into a new version, index it in a folder of its own, swap it in."""
    # Read in this thread: the store does not fork while the server has threads.
    new = current(app)[0].changed()
    if new is None:
        return
    base = Path(app.config["SEARCH_INDEX"])
    folder = base.with_name(f".{base.name}.v{next(versions)}")
    search.build(new, folder, app.extensions["router"])
    app.extensions["live"] = (new, folder)  # what requests read: one assignment
    app.extensions["content"] = new  # for code outside a request
    kept.append(folder)
    while len(kept) > 2:
        shutil.rmtree(kept.pop(0), ignore_errors=True)


def search_index() -> Path:
    """The search index folder of this request's version (production: the build's)."""
    return g.get("search_index") or Path(current_app.config["SEARCH_INDEX"])
