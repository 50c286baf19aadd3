"""The Flask application class: Flask, with URLs remembered while freezing."""

from flask import Flask, g, has_request_context, request


class App(Flask):
    """A page builds about thirty URLs, and most are the same on every page of its
    language (menu, footer, emergency block). Building one costs the URL map and the
    url_defaults callbacks, so a frozen build looks each one up once.

    The url_defaults (i18n, lattlast) read only the language and lättläst state of
    the page, so those are part of the key. Serve mode re-reads content while it runs
    and lättläst links depend on it, so it builds every URL afresh."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple, str] = {}

    def url_for(self, endpoint: str, **values) -> str:
        if self.config.get("SERVE_MODE", True) or not has_request_context():
            return super().url_for(endpoint, **values)
        relative_to = request.blueprint if endpoint.startswith(".") else None
        try:
            key = (endpoint, relative_to, g.get("lang"), g.get("lattlast"), frozenset(values.items()))
            return self._urls[key]
        except TypeError:  # an unhashable argument: build it every time
            return super().url_for(endpoint, **values)
        except KeyError:
            url = self._urls[key] = super().url_for(endpoint, **values)
            return url
