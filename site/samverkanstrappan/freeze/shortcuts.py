"""The freezing shortcuts, in one place. Each does what a stock part does, with less work
per page; `create_app(shortcuts=False)` builds with the stock parts (Frozen-Flask's Freezer
and Flask's test client, Jinja's and Flask-Babel's gettext, no remembered URLs or
fragments), and a test builds both ways and compares the output byte for byte.

They lean on how these versions work inside (Werkzeug's EnvironBuilder, Freezer.root,
Jinja's newstyle gettext), so pyproject.toml pins the minor versions of Flask, Werkzeug,
Jinja, Flask-Babel and Frozen-Flask.
"""

import io
import mimetypes
import os
import re
import sys
import warnings
from functools import cached_property
from pathlib import Path
from unicodedata import normalize

from flask import Flask, Response
from flask.ctx import RequestContext
from flask.testing import EnvironBuilder, FlaskClient
from flask_frozen import Freezer, MimetypeMismatchWarning
from jinja2 import pass_context
from markupsafe import Markup
from werkzeug.test import TestResponse

from ..render.i18n import catalog, context_lang

# A path with nothing to decode (no %, ?, # or letters beyond ASCII) that cannot be read as
# a host either (`//host/...`): the path itself is the PATH_INFO. Matched with fullmatch.
PLAIN_PATH = re.compile(r"/(?:[A-Za-z0-9._~-][A-Za-z0-9/._~-]*)?")


class FreezeClient(FlaskClient):
    """The client Frozen-Flask fetches each page with; it makes a new one for every URL.
    Werkzeug's client would make a response class and a cookie jar each time, and wrap
    each request and response for tests to inspect. The site sets no cookies, and
    Frozen-Flask needs only the status, the type and the body (measured: 60 µs less
    a page, of about 850)."""

    response_wrapper = type("FrozenResponse", (TestResponse, Response), {})

    def __init__(self, application, *args, **kwargs):
        super().__init__(application, self.response_wrapper, use_cookies=False)

    def open(self, path, method="GET", follow_redirects=False, base_url=None, **kwargs):
        if not isinstance(path, str) or method != "GET" or follow_redirects or kwargs:
            return super().open(path, method=method, follow_redirects=follow_redirects, base_url=base_url, **kwargs)
        # Frozen-Flask's one kind of request: a GET of a path, straight to the app's response,
        # as Flask.wsgi_app does it but without turning it into WSGI and back again (status,
        # type and body are all a frozen file keeps). Measured: 40 µs less a page, of about 900.
        app = self.application
        # The site keeps no session (it sets no cookies): the null session is given rather than
        # asked of the session interface for every page.
        context = RequestContext(app, self._environ(path, base_url), session=self._no_session)
        error = None
        try:
            try:
                context.push()
                response = app.full_dispatch_request()
                # A static file is sent as it is read (direct passthrough); a frozen file needs its bytes.
                response.direct_passthrough = False
                return response
            except Exception as raised:
                error = raised
                return app.handle_exception(raised)
        finally:
            context.pop(error)

    @cached_property
    def _no_session(self):
        return self.application.session_interface.make_null_session(self.application)

    def _environ(self, path: str, base_url) -> dict:
        """The WSGI environ of a GET of `path`. Werkzeug's builder parses and encodes the
        path and the base URL every time. A plain path needs none of that, and everything
        else is the same for every page, so it goes into a copy of the environ of `/`. (This and
        ShareFreezer below: 6 % fewer instructions to freeze a simple page, counted with callgrind.)"""
        if not PLAIN_PATH.fullmatch(path):
            return self._built_environ(path, base_url)
        config = self.application.config
        key = (
            base_url,
            tuple(sorted(self.environ_base.items())),
            *(config[name] for name in ("SERVER_NAME", "APPLICATION_ROOT", "PREFERRED_URL_SCHEME")),
        )
        known = self.application.extensions.setdefault("freeze_environs", {})
        if key not in known:
            known[key] = self._built_environ("/", base_url)
        return {
            **known[key],
            "PATH_INFO": path,
            "REQUEST_URI": path,
            "RAW_URI": path,
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }

    def _built_environ(self, path: str, base_url) -> dict:
        builder = EnvironBuilder(self.application, path=path, base_url=base_url, environ_base=self.environ_base)
        try:
            return builder.get_environ()
        finally:
            builder.close()


class ShareFreezer(Freezer):
    """Frozen-Flask's Freezer, with its destination worked out once rather than twice a URL,
    and each page fetched and written with less work (`freeze`, `_write`)."""

    @cached_property
    def root(self) -> Path:
        return Freezer.root.fget(self)

    @cached_property
    def _root_text(self) -> str:
        return str(self.root)

    @cached_property
    def _plain(self) -> bool:
        """Whether the build's one way of freezing is asked for: every page fetched once (no
        redirects followed or skipped, no 404 ignored, no existing file kept), absolute URLs."""
        config = self.app.config
        return (
            config["FREEZER_REDIRECT_POLICY"] == "error"
            and not config["FREEZER_SKIP_EXISTING"]
            and not config["FREEZER_IGNORE_404_NOT_FOUND"]
            and not config["FREEZER_RELATIVE_URLS"]
            and not self.log_url_for
        )

    @cached_property
    def _client(self):
        return self.app.test_client()

    @cached_property
    def _folders(self) -> set[str]:
        return set()

    @cached_property
    def _types(self) -> dict[str, str]:
        return {}

    def freeze(self) -> set[str]:
        """Frozen-Flask's, for the build's one way of freezing into a folder where no page is
        yet (fresh, or each page to write again unlinked first: publish/changes.py): the URLs
        frozen. Frozen-Flask's own loop also keeps each file's path relative to the destination
        and the endpoints seen, to warn of one never frozen; a share holds only some of the
        site's endpoints, so that warning is never wanted here (freeze_share)."""
        if not self._plain:
            return super().freeze()
        self.root.mkdir(parents=True, exist_ok=True)
        frozen = set()
        for url, _endpoint, last_modified in self._generate_all_urls():
            if url in frozen:
                continue
            frozen.add(url)
            if last_modified is None:
                self._write(url)
            else:
                super()._build_one(url, last_modified)
        return frozen

    def _write(self, url: str) -> None:
        """Fetch `url` and write it, as Frozen-Flask's _build_one does: one client for the
        share instead of one a page, each folder made once a share, the file written without
        first reading what is there, the file type's guess made once per file name, and the
        path joined as text (pathlib parses every part again). Frozen-Flask's own work was
        about a tenth of a worker's time; with `freeze` and the null session (FreezeClient),
        freezing a combined answer takes 2 % fewer instructions than with Frozen-Flask's loop."""
        path = os.path.join(self._root_text, normalize("NFC", self.urlpath_to_filepath(url)))
        response = self._client.get(url, base_url=self.app.config["FREEZER_BASE_URL"])
        if response.status_code != 200:
            raise ValueError(f"Unexpected status {response.status!r} on URL {url}")
        config = self.app.config
        if not config["FREEZER_IGNORE_MIMETYPE_WARNINGS"]:
            name = os.path.basename(path)
            if name not in self._types:  # the type a web server guesses from the name
                self._types[name] = mimetypes.guess_type(name)[0] or config["FREEZER_DEFAULT_MIMETYPE"]
            guessed = self._types[name]
            if guessed != response.mimetype:
                warnings.warn(
                    f"Filename extension of {name!r} (type {guessed}) does not match "
                    f"Content-Type: {response.content_type}",
                    MimetypeMismatchWarning,
                    stacklevel=3,
                )
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        with open(path, "wb") as written:
            written.write(response.data)
        response.close()


def _message(text: str, escape: bool, with_values: bool) -> str:
    """The translation of `text`: a format string for values, or as it reads with none (like
    Jinja's gettext, it is always formatted, so "%%" is "%")."""
    template = (Markup if escape else str)(catalog().ugettext(text))
    return template if with_values else template % {}


def install_gettext(app: Flask) -> None:
    """Replace the `_` and `gettext` that Flask-Babel installs in Jinja with one call each."""

    @pass_context
    def translate(context, text: str, /, **variables) -> str:  # `/`: a value may be called text
        """`_` and `gettext` in templates, as Jinja's newstyle gettext does them but in one call:
        Jinja's takes four for each string, and Flask-Babel then looks up the catalog again.
        A page has dozens of strings; while freezing, each is translated once per language."""
        escape = context.eval_ctx.autoescape
        with_values = bool(variables)
        message = app.remember(
            ("gettext", context_lang(context), text, escape, with_values), lambda: _message(text, escape, with_values)
        )
        return message % variables if with_values else message

    app.jinja_env.globals.update(_=translate, gettext=translate)
