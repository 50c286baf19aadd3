"""Freeze the app to static files with Frozen-Flask, on every core.

Frozen-Flask builds one URL at a time. The URL list comes from each blueprint's
`freeze_urls`, then forked workers (which share the already parsed content)
each freeze their share with their own Freezer.
"""

import multiprocessing
import os
import warnings
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer, MissingURLGeneratorWarning

from .web import kommun, pages, sip, sok, vagvisare

BLUEPRINTS = (pages, vagvisare, sip, kommun, sok)


def _configure(app: Flask, destination: Path, urls) -> Freezer:
    app.config.update(
        FREEZER_DESTINATION=str(destination.resolve()),  # absolute: relative is to the package
        FREEZER_REDIRECT_POLICY="error",
        FREEZER_REMOVE_EXTRA_FILES=False,  # the destination is always a fresh folder
    )
    freezer = Freezer(app, with_static_files=urls is None, with_no_argument_rules=False, log_url_for=False)
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


def _freeze_share(job: tuple[Path, list[str]]) -> int:
    destination, urls = job
    with warnings.catch_warnings():
        # Each worker sees only its share, so "endpoint never frozen" is expected.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        return len(_configure(_worker_app, destination, urls).freeze())


def freeze(app: Flask, destination: Path, workers: int | None = None) -> int:
    """Write every page of `app` below `destination`; return the number of URLs."""
    global _worker_app
    urls = site_urls(app)
    workers = max(1, min(workers or os.cpu_count() or 1, len(urls)))
    shares = [(destination, urls[index::workers]) for index in range(workers)]
    if workers == 1:
        _worker_app = app
        return _freeze_share(shares[0])
    _worker_app = app  # forked workers inherit the app and its parsed content
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return sum(pool.map(_freeze_share, shares))
