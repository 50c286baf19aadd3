"""Freeze the app to static files with Frozen-Flask, in shares.

The URL list comes from the route table (routes/). The builder hands the shares to
forked workers (which share the already parsed content), and each freezes its share with a
Freezer of its own. With the app's FREEZE_SHORTCUTS on (the default), the Freezer and its
client are the faster ones in shortcuts.py; off, they are Frozen-Flask's and Flask's own.
"""

import re
import warnings
from pathlib import Path

SHARE = 250  # URLs per share: about a fifth of a second of work
LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2}/")


def _page(url: str) -> str:
    """The URL without its language prefix: the same for every language version of a page."""
    return LANGUAGE_PREFIX.sub("/", url, count=1)


def file_of(root: Path, url: str) -> Path:
    """The file a URL is frozen to below `root` (Frozen-Flask's rule: a folder's URL is its index.html)."""
    return root / (url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/"))


def shares(urls: list[str], size: int = SHARE) -> list[list[str]]:
    """The URLs in shares small enough that the workers finish at about the same time. All
    language versions of a page go in one share: they link to each other (the language
    switcher), so the worker builds those URLs once."""
    ordered = sorted(urls, key=_page)  # stable: the languages keep their order
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


def compile_templates(app) -> None:
    """Compile every template now, in the builder's process, so that the forked workers share
    them instead of each compiling its own (from the build cache: render/app.py)."""
    environment = app.jinja_env
    for name in environment.list_templates(filter_func=lambda name: name.endswith((".html", ".js", ".txt", ".xml"))):
        environment.get_template(name)


def freeze_share(app, destination: Path, urls: list[str]) -> int:
    """Write the pages of one share of URLs below `destination`; return how many."""
    from flask_frozen import Freezer, MissingURLGeneratorWarning  # only the build's workers freeze

    app.config.update(
        FREEZER_DESTINATION=str(destination.resolve()),  # absolute: relative is to the package
        FREEZER_REDIRECT_POLICY="error",
        FREEZER_REMOVE_EXTRA_FILES=False,  # the destination is always a fresh folder
    )
    freezer_class, client_class = Freezer, None
    if app.config["FREEZE_SHORTCUTS"]:
        from .shortcuts import FreezeClient, ShareFreezer

        freezer_class, client_class = ShareFreezer, FreezeClient
    freezer = freezer_class(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: urls)
    previous = app.test_client_class
    if client_class:
        app.test_client_class = client_class  # only while freezing
    try:
        with warnings.catch_warnings():
            # Each worker sees only its share, so "endpoint never frozen" is expected.
            warnings.simplefilter("ignore", MissingURLGeneratorWarning)
            return len(freezer.freeze())
    finally:
        app.test_client_class = previous
