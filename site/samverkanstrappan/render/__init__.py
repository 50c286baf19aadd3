"""Render: the Flask app and its blueprints, one per area. Everything that imports Flask lives here."""

import threading
from collections import OrderedDict
from pathlib import Path

from flask import current_app, g
from jinja2 import StrictUndefined

from .. import paths
from ..content import catalogs
from ..content.store import ContentStore
from ..routes import PREVIEW, TABLE, Router
from .app import App, KeptTemplates
from .indent import DropIndent


def store() -> ContentStore:
    """The content of the municipality this app serves (in the editor's preview: the version
    this request began with, render/live.py)."""
    return g.get("content") or current_app.extensions["content"]


def create_app(
    kommun: str = paths.DEFAULT_KOMMUN,
    content_dir: Path = paths.CONTENT,
    serve: bool = False,
    translations: Path = paths.TRANSLATIONS,
    search_index: Path | None = None,
    shortcuts: bool = True,
    live: bool | None = None,
    cache: Path | None = paths.CACHE,
    parsed: dict | None = None,
) -> App:
    """Build the Flask app for one municipality's content (`shortcuts`: see freeze/shortcuts.py).
    `serve`: server mode, which answers searches itself; `live` (by default the same): re-read
    changed files on each request, as an editor's preview does. Production (wsgi.py) is serve
    mode without `live`: the content and index of one build, read only. `cache`: the folder
    that keeps what builds can reuse (paths.CACHE), or None to keep nothing. `parsed`: what the
    last build kept of the parsed content (content/parse_cache.py)."""
    app = App(__name__)
    live = serve if live is None else live
    translations = Path(translations).resolve()
    catalogs.compile_all(translations)
    app.config.update(
        KOMMUN=kommun,
        BABEL_DEFAULT_LOCALE="sv",
        BABEL_TRANSLATION_DIRECTORIES=str(translations),
        SERVE_MODE=serve,
        LIVE=live,
        FREEZE_SHORTCUTS=shortcuts,
        SEARCH_INDEX=paths.search_index(kommun, search_index),
        CACHE=cache,
        # A build stops at an error in a view with the error itself (publish/failures.py says it
        # in one line). Otherwise Flask logs its traceback and answers 500, and the build could
        # only name the 500. Server mode answers 500 and logs it, as a server should.
        PROPAGATE_EXCEPTIONS=not serve,
    )
    # A missing value must fail the build, never print "Ring " with no number.
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension(DropIndent)

    store = ContentStore(content_dir, kommun, translations, parsed)
    app.extensions["content"] = store
    app.extensions["router"] = Router()
    app.extensions["sokdata"] = {}  # the search's data per language and content version (render/sok.py)
    app.extensions["svar"] = OrderedDict()  # production's recent answers (render/sok.py)
    app.extensions["sokminnen"] = {}  # what production's searches reuse per index (index/index_memo.py)
    app.extensions["sokminnen_las"] = threading.Lock()
    from . import fragments, headers, i18n, kort, lattlast, live_reload, oppettider, pages, sip, sok, vagvisare
    from . import kommun as kommun_views
    from . import live as live_preview

    i18n.init_app(app)
    if shortcuts:
        from ..freeze.shortcuts import install_gettext

        install_gettext(app)
    if serve:  # a built page's headers are the web host's (docs/nginx.conf): only server mode sends them
        headers.init_app(app)
    if live:  # editors see a changed file at once; unchanged files stay parsed
        live_preview.init_app(app)
        live_reload.init_app(app)
    lattlast.init_app(app)
    kort.init_app(app)
    fragments.init_app(app)
    oppettider.init_app(app)
    views = {"pages": pages, "vagvisare": vagvisare, "sip": sip, "kommun": kommun_views, "sok": sok}
    if live:
        views["live"] = live_reload
    for module in views.values():
        app.register_blueprint(module.bp)
    # Every URL rule comes from the route table; Flask registers the static files' rule itself.
    for page_type in TABLE:
        if page_type.endpoint == "static" or (page_type.kind == PREVIEW and not live):
            continue
        area, name = page_type.endpoint.split(".")
        for route in page_type.routes:
            app.add_url_rule(
                route.pattern, page_type.endpoint, getattr(views[area], name), defaults=route.defaults or None
            )
    # Last: the extensions (Flask-Babel's) are part of how templates compile.
    app.jinja_env.bytecode_cache = KeptTemplates.at(cache / "jinja" if cache else None, app.jinja_env)
    return app
