"""Server mode for production, run by a WSGI server (the README runs it under gunicorn):

    gunicorn -c python:samverkanstrappan.gunicorn_conf samverkanstrappan.wsgi:app

It answers searches from the index that `python build.py` made, read only, so any number
of workers (and machines behind a load balancer) can share it, and every other page from
the files of that same build (render/built_pages.py). The content is read once when a
worker starts: a new version is a new build and a restart. Set by environment:

    SAMVERKANSTRAPPAN_KOMMUN     the municipality's folder in content/kommuner/ (exempelstad)
    SAMVERKANSTRAPPAN_INNEHALL   the content folder (content/ of this repository)
    SAMVERKANSTRAPPAN_SOKINDEX   the search index the build made (search_index/<kommun>)
    SAMVERKANSTRAPPAN_SIDOR      the site the same build wrote (build/<kommun>); set it to
                                 an empty value to render every page instead
"""

import gc
import os
from pathlib import Path

from . import paths
from .render import create_app, sok
from .render.built_pages import BuiltPages

_kommun = os.environ.get("SAMVERKANSTRAPPAN_KOMMUN", paths.DEFAULT_KOMMUN)
flask_app = create_app(
    _kommun,
    Path(os.environ.get("SAMVERKANSTRAPPAN_INNEHALL", paths.CONTENT)),
    serve=True,
    live=False,
    search_index=Path(os.environ.get("SAMVERKANSTRAPPAN_SOKINDEX", paths.SEARCH_INDEX / _kommun)),
)
sok.prepare(flask_app)  # before gunicorn forks the workers: they share it
# The collector leaves frozen objects alone, so the workers do not copy the shared content
# and memos page by page when they collect garbage.
gc.freeze()
_built = os.environ.get("SAMVERKANSTRAPPAN_SIDOR", str(paths.BUILD / _kommun))
app = flask_app
if _built and Path(_built).is_dir():
    _urls = flask_app.extensions["router"].urls(flask_app.extensions["content"])
    app = BuiltPages(flask_app, Path(_built), _urls)
