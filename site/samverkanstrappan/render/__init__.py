"""Render: the Flask app and its blueprints, one per area. Everything that imports Flask lives here."""

from pathlib import Path

from flask import current_app
from jinja2 import StrictUndefined

from .. import paths
from ..content import catalogs
from ..content.store import ContentStore
from ..index import whoosh_index as search
from .app import App


def store() -> ContentStore:
    """The content of the municipality this app serves."""
    return current_app.extensions["content"]


def create_app(
    kommun: str = paths.DEFAULT_KOMMUN,
    content_dir: Path = paths.CONTENT,
    serve: bool = False,
    translations: Path = paths.TRANSLATIONS,
    search_index: Path | None = None,
) -> App:
    """Build the Flask app for one municipality's content."""
    app = App(__name__)
    translations = Path(translations).resolve()
    catalogs.compile_all(translations)
    app.config.update(
        KOMMUN=kommun,
        BABEL_DEFAULT_LOCALE="sv",
        BABEL_TRANSLATION_DIRECTORIES=str(translations),
        SERVE_MODE=serve,
        SEARCH_INDEX=Path(search_index or paths.SEARCH_INDEX / kommun).resolve(),
    )
    # A missing value must fail the build, never print "Ring " with no number.
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    store = ContentStore(content_dir, kommun, translations)
    app.extensions["content"] = store
    if serve:
        # Editors see a changed file on reload; unchanged files stay parsed.
        @app.before_request
        def reread_changed_files():
            if store.refresh():  # the search answers from the changed text too
                search.build(store, app.config["SEARCH_INDEX"])

    from . import fragments, i18n, kommun, lattlast, pages, sip, sok, vagvisare

    i18n.init_app(app)
    lattlast.init_app(app)
    fragments.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(vagvisare.bp)
    app.register_blueprint(sip.bp)
    app.register_blueprint(kommun.bp)
    app.register_blueprint(sok.bp)
    return app
