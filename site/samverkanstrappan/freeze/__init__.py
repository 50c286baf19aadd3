"""Freeze the app to static files with Frozen-Flask, in shares.

Frozen-Flask builds one URL at a time. The URL list comes from each blueprint's
`freeze_urls`; the builder hands the shares to forked workers (which share the
already parsed content), and each freezes its share with its own Freezer.
"""

import io
import os
import re
import sys
import warnings
import weakref
from functools import cached_property
from pathlib import Path

from flask import Flask, Response
from flask.testing import EnvironBuilder, FlaskClient
from flask_frozen import Freezer, MissingURLGeneratorWarning
from werkzeug.test import TestResponse, run_wsgi_app

from ..render import kommun, pages, sip, sok, vagvisare

BLUEPRINTS = (pages, vagvisare, sip, kommun, sok)
SHARE = 250  # URLs per share: about a fifth of a second of work
LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2}/")
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
        # Frozen-Flask's one kind of request: a GET of a path, straight through the app.
        return self.application.response_class(
            *run_wsgi_app(self.application, self._environ(path, base_url), buffered=True)
        )

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
        known = _ENVIRONS.setdefault(self.application, {})
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


# app -> the environ of a GET of `/`, for each base URL, environ_base and the settings Flask's
# builder reads.
_ENVIRONS: "weakref.WeakKeyDictionary[Flask, dict]" = weakref.WeakKeyDictionary()


class ShareFreezer(Freezer):
    """Frozen-Flask's Freezer, with its destination worked out once rather than twice a URL."""

    @cached_property
    def root(self) -> Path:
        return Freezer.root.fget(self)


def _configure(app: Flask, destination: Path, urls) -> Freezer:
    app.config.update(
        FREEZER_DESTINATION=str(destination.resolve()),  # absolute: relative is to the package
        FREEZER_REDIRECT_POLICY="error",
        FREEZER_REMOVE_EXTRA_FILES=False,  # the destination is always a fresh folder
    )
    freezer = ShareFreezer(app, with_static_files=urls is None, with_no_argument_rules=False, log_url_for=False)
    if urls is None:
        store = app.extensions["content"]

        @freezer.register_generator
        def site():
            for blueprint in BLUEPRINTS:
                yield from blueprint.freeze_urls(store)
    else:
        freezer.register_generator(lambda: urls)
    return freezer


def site_urls(app: Flask) -> list[str]:
    """Every URL the static site will have, pages and static files, in build order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        return list(dict.fromkeys(_configure(app, Path(os.devnull), None).all_urls()))


_worker_app: Flask | None = None


def prepare(app: Flask) -> None:
    """Make `app` the one that `freeze_share` freezes; call it before forking the workers."""
    global _worker_app
    _worker_app = app


def _page(url: str) -> str:
    """The URL without its language prefix: the same for every language version of a page."""
    return LANGUAGE_PREFIX.sub("/", url, count=1)


def shares(urls: list[str], size: int = SHARE) -> list[list[str]]:
    """The URLs in shares small enough that the workers finish at about the same time. All
    language versions of a page go in one share: they link to each other (the language
    switcher), so the worker builds those URLs once."""
    ordered = sorted(urls, key=_page)  # stable: the languages keep their order
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


def freeze_share(job: tuple[Path, list[str]]) -> int:
    """Write the pages of one share of URLs below its destination; return how many."""
    destination, urls = job
    app = _worker_app
    previous, app.test_client_class = app.test_client_class, FreezeClient  # only while freezing
    try:
        with warnings.catch_warnings():
            # Each worker sees only its share, so "endpoint never frozen" is expected.
            warnings.simplefilter("ignore", MissingURLGeneratorWarning)
            return len(_configure(app, destination, urls).freeze())
    finally:
        app.test_client_class = previous
