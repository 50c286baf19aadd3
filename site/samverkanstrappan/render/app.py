"""The Flask application class: Flask, with URLs and other page parts remembered while freezing."""

from collections.abc import Callable

from flask import Flask, g, has_request_context, request


class App(Flask):
    """A page builds about thirty URLs, and most are the same on every page of its
    language (menu, footer, emergency block). Building one costs the URL map and the
    url_defaults callbacks, so a frozen build looks each one up once.

    The url_defaults (i18n, lattlast) read only the language and lättläst state of
    the page, so those are part of the key. The editor's preview re-reads content while
    it runs and lättläst links depend on it, so it builds every URL afresh."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._remembered: dict[tuple, object] = {}

    def remember(self, key: tuple, compute: Callable[[], object]):
        """compute(), once per `key` while freezing. Serve mode computes it every time,
        because content can change while it runs. The key must hold everything the
        result depends on (usually the language and the lättläst state). Without the
        freezing shortcuts (freeze/shortcuts.py) nothing is remembered either."""
        if self.config.get("LIVE", True) or not self.config.get("FREEZE_SHORTCUTS", False):
            return compute()
        if key not in self._remembered:
            self._remembered[key] = compute()
        return self._remembered[key]

    def url_for(self, endpoint: str, **values) -> str:
        build = lambda: Flask.url_for(self, endpoint, **values)  # noqa: E731
        if not has_request_context():
            return build()
        relative_to = request.blueprint if endpoint.startswith(".") else None
        # A language given in `values` wins over the page's, so the switcher's URL for a
        # page is the same key on every language version of that page.
        key = (
            "url",
            endpoint,
            relative_to,
            values.get("lang") or g.get("lang"),
            g.get("lattlast"),
            frozenset(values.items()),
        )
        try:
            hash(key)
        except TypeError:  # an unhashable argument: build it every time
            return build()
        return self.remember(key, build)
